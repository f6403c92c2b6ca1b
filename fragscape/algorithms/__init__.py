"""Processing algorithms of this area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .compare_fragmentation import CompareFragmentation
    from .effective_mesh_size import EffectiveMeshSize
    from .fragmenting_elements import FragmentingElements
    from .prepare_landscape import PrepareLandscape
    from .run_fragscape_project import RunFragScapeProject

    return [EffectiveMeshSize, FragmentingElements, PrepareLandscape, CompareFragmentation, RunFragScapeProject]
