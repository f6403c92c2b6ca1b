"""Spectral biodiversity: spectral species, alpha, beta, functional diversity, biodivMapR-style."""
