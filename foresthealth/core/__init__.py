"""Forest-health science: products, formulas, masks, model, detection, export (no qgis)."""
