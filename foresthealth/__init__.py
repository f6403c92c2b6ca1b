"""Forest health: dieback detection from Sentinel-2 time series (fordead-class).

core/ holds the science (numpy/GDAL, no qgis); algorithms/ the Processing wrappers.
"""
