"""Processing algorithms of the forest-health area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .steps import (
        AllStepsAlgorithm,
        DetectionAlgorithm,
        ExportAlgorithm,
        HarmonicModelAlgorithm,
        IndexSeriesAlgorithm,
    )

    return [IndexSeriesAlgorithm, HarmonicModelAlgorithm, DetectionAlgorithm, ExportAlgorithm, AllStepsAlgorithm]
