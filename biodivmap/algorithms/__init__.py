"""Processing algorithms of this area (thin wrappers over the core)."""


def algorithm_classes():
    """The algorithm classes the provider registers."""
    from .diversity_maps import AlphaDiversityAlgorithm, BetaDiversityAlgorithm, FunctionalDiversityAlgorithm
    from .plots import DiversityAtPlotsAlgorithm
    from .spectral_species import SpectralSpeciesAlgorithm

    return [SpectralSpeciesAlgorithm, AlphaDiversityAlgorithm, BetaDiversityAlgorithm,
            FunctionalDiversityAlgorithm, DiversityAtPlotsAlgorithm]
