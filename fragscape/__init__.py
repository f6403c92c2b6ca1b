"""Landscape fragmentation: effective mesh size (Jaeger 2000; Moser et al. 2007), FragScape-style."""
