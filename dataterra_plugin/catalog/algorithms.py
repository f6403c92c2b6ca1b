"""Processing algorithms of the catalogue area."""
from .search_algorithm import CatalogSearchAlgorithm


def algorithm_classes():
    """The algorithm classes the provider registers."""
    return [CatalogSearchAlgorithm]
