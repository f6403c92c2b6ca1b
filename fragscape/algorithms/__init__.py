"""Processing algorithms of this area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .effective_mesh_size import EffectiveMeshSize

    return [EffectiveMeshSize]
