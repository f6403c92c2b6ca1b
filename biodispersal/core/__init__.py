"""Pure numpy/scipy core of biodispersal (no qgis import)."""
