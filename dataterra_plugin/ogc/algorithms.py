"""Processing algorithms of this area."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    return []
