"""Pure numpy/scipy core of fragscape (no qgis import)."""
