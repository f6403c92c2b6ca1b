"""Processing algorithms of this area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .cost_distance import CostDistanceAlgorithm

    return [CostDistanceAlgorithm]
