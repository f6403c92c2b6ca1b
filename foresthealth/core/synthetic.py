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


def irregular_dates(start="2016-01-01", end="2019-12-31", steps=(5, 5, 10, 10, 15), seed=0):
    """Acquisition dates every 5 to 15 days (a revisit with gaps), irregular on purpose."""
    rng = np.random.default_rng(seed)
    dates, day = [], np.datetime64(start)
    while day <= np.datetime64(end):
        dates.append(str(day))
        day += np.timedelta64(int(rng.choice(steps)), "D")
    return dates


def crswir_season(date, base=0.62):
    """A conifer's seasonal CRSWIR (low in summer, high in winter)."""
    t = (np.datetime64(date) - np.datetime64("2015-01-01")).astype(int)
    return base + 0.06 * np.cos(2 * np.pi * t / 365.25) + 0.01 * np.sin(4 * np.pi * t / 365.25)


def synthetic_series(folder, size=40, onsets=None, start="2016-01-01", end="2019-12-31", cloudy_share=0.12,
                     seed=0, noise=0.012, dieback_rise=0.35, epsg=32631, origin=(600000.0, 5400000.0),
                     gap=("2017-05-01", "2017-07-15"), dates=None):
    """Write a seeded THEIA series of ``size`` × ``size`` pixels (size even) and return its truth.

    ``onsets``: {(row0, row1, col0, col1): "YYYY-MM-DD"} zones whose CRSWIR rises by
    ``dieback_rise`` from that date (default: two zones, 2018-08-01 and 2019-04-01). Each date
    has random clouds (B2 high, CLM set, on ~``cloudy_share`` of the dates a large cloud, else
    small ones) and a few shadow pixels (bands at 0); no acquisition in the ``gap``; ``dates``
gives the acquisition dates instead of irregular ones from start to end. Returns {"dates", "onset" (array of
    day numbers since 2015-01-01, −1 where healthy), "folder", "cloudy_dates"}.
    """
    rng = np.random.default_rng(seed)
    onsets = onsets if onsets is not None else {(4, 14, 4, 14): "2018-08-01", (22, 32, 20, 34): "2019-04-01"}
    dates = [d for d in (dates or irregular_dates(start, end, seed=seed)) if not (gap and gap[0] <= d <= gap[1])]
    onset = np.full((size, size), -1, np.int64)
    for (r0, r1, c0, c1), date in onsets.items():
        onset[r0:r1, c0:c1] = (np.datetime64(date) - np.datetime64("2015-01-01")).astype(int)
    base = 0.6 + 0.04 * rng.random((size, size))
    half = size // 2
    yy, xx = np.mgrid[0:half, 0:half]
    names, bands10, bands20, clm, cloudy_dates = [], [], [], [], []
    for date in dates:
        t = (np.datetime64(date) - np.datetime64("2015-01-01")).astype(int)
        crswir = crswir_season(date, base) + noise * rng.standard_normal((size, size))
        crswir = crswir + np.where((onset >= 0) & (t >= onset), dieback_rise * np.minimum(1, (t - onset) / 60), 0)
        # 20 m bands: the 2 × 2 mean of the wanted CRSWIR sets B11
        crswir20 = crswir.reshape(half, 2, half, 2).mean(axis=(1, 3))
        b8a = 2500 + 100 * rng.standard_normal((half, half))
        b12 = 800 + 30 * rng.standard_normal((half, half))
        b11 = crswir20 * (b8a + (b12 - b8a) / (2185.7 - 864) * (1610.4 - 864))
        clouds20 = np.zeros((half, half), bool)
        big = rng.random() < cloudy_share
        for _ in range(1 if big else int(rng.integers(0, 3))):
            cy, cx = rng.integers(0, half, 2)
            radius = half * (0.9 if big else 0.15)
            clouds20 |= (yy - cy) ** 2 + (xx - cx) ** 2 <= radius ** 2
        if clouds20.mean() > 0.4:
            cloudy_dates.append(date)
        clouds10 = np.repeat(np.repeat(clouds20, 2, 0), 2, 1)
        b2 = np.where(clouds10, 2000, 280 + 20 * rng.standard_normal((size, size)))
        b3, b4, b8 = (np.where(clouds10, 2100, level + 20 * rng.standard_normal((size, size)))
                      for level in (480, 300, 2800))
        stack10 = np.stack([b2, b3, b4, b8]).round().astype(np.int16)
        stack20 = np.stack([b8a, b11, b12]).round().astype(np.int16)
        shadow = rng.random((size, size)) < 0.002
        stack10[:, shadow] = 0
        names.append(theia_name(date))
        bands10.append(stack10)
        bands20.append(stack20)
        clm.append(clouds20.astype(np.uint8))
    geotransform = (origin[0], 10.0, 0.0, origin[1], 0.0, -10.0)
    write_theia_series(folder, names, np.array(bands10), np.array(bands20), np.array(clm), geotransform, epsg)
    return {"dates": dates, "onset": onset, "folder": Path(folder), "cloudy_dates": cloudy_dates}
