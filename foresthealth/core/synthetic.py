"""Sentinel-2 L2A series in THEIA's folder layout, for tests, benchmarks and the demo.

:func:`write_theia_series` writes given arrays as THEIA products (FRE bands at 10 and 20 m,
MASKS/CLM_R2); :func:`synthetic_series` draws a seeded conifer-forest series with a
seasonal CRSWIR cycle, clouds, acquisition gaps, irregular dates and zones whose dieback
starts at known dates.
"""
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

BANDS_10M = ("B2", "B3", "B4", "B8")
BANDS_20M = ("B8A", "B11", "B12")


def write_tif(path, array, geotransform, epsg=32631, options=()):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    dtype = gdal.GDT_Int16 if array.dtype == np.int16 else gdal.GDT_Byte
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, dtype, list(options))
    ds.SetGeoTransform(tuple(geotransform))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(array)
    ds = None


def theia_name(date: str, tile: str = "31UFQ") -> str:
    return f"SENTINEL2A_{date.replace('-', '')}-105500-000_L2A_T{tile}_D_V1-1"


def write_theia_series(folder, names, bands10, bands20, clm, geotransform, epsg=32631, options=()):
    """One THEIA L2A folder per date under ``folder``: bands10 (dates, 4, h, w) B2 B3 B4 B8,
    bands20 (dates, 3, h/2, w/2) B8A B11 B12, clm (dates, h/2, w/2)."""
    gt10 = tuple(geotransform)
    gt20 = (gt10[0], gt10[1] * 2, 0.0, gt10[3], 0.0, gt10[5] * 2)
    for k, name in enumerate(names):
        product = Path(folder) / name
        for j, band in enumerate(BANDS_10M):
            write_tif(product / f"{name}_FRE_{band}.tif", bands10[k, j], gt10, epsg, options)
        for j, band in enumerate(BANDS_20M):
            write_tif(product / f"{name}_FRE_{band}.tif", bands20[k, j], gt20, epsg, options)
        write_tif(product / "MASKS" / f"{name}_CLM_R2.tif", clm[k], gt20, epsg, options)
    return Path(folder)
