"""Ecological connectivity: friction, cost distance, corridors, graph indices, BioDispersal-style."""
