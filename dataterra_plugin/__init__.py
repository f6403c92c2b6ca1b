"""The QGIS face of Data Terra: plugin, Processing provider, catalogue, OGC, DINAMIS, UI."""
