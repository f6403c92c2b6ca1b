"""Pure numpy/scipy core of biodivmap (no qgis import)."""
