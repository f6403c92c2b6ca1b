"""Processing algorithms of this area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .connectivity_graph import ConnectivityGraphAlgorithm
    from .cost_distance import CostDistanceAlgorithm
    from .landcover_steps import FrictionFromLandcoverAlgorithm, MergeByPriorityAlgorithm, SelectHabitatAlgorithm
    from .least_cost_corridors import LeastCostCorridorsAlgorithm
    from .run_biodispersal_project import RunBioDispersalProjectAlgorithm

    return [SelectHabitatAlgorithm, MergeByPriorityAlgorithm, FrictionFromLandcoverAlgorithm, CostDistanceAlgorithm,
            ConnectivityGraphAlgorithm, LeastCostCorridorsAlgorithm, RunBioDispersalProjectAlgorithm]
