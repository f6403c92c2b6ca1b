"""Sentinel-2 L2A products in a folder: dates, band files, cloud masks, windowed reading.

THEIA/MAJA layout (one folder per acquisition)::

    SENTINEL2A_20180530-105500-000_L2A_T31UFQ_D_V1-1/
        SENTINEL2A_..._FRE_B2.tif … _FRE_B12.tif      (int16 reflectance × 10000, −10000 outside the swath)
        MASKS/SENTINEL2A_..._CLM_R2.tif               (cloud mask at 20 m, 0 = clear)
        MASKS/SENTINEL2A_..._EDG_R2.tif               (optional edge mask at 20 m, 0 = inside)

Sen2Cor/ESA layout (``*.SAFE``): ``GRANULE/*/IMG_DATA/R10m/*_B02_10m.jp2``, ``R20m/*_B8A_20m.jp2`` …,
``R20m/*_SCL_20m.jp2`` (scene classification: 4 vegetation and 5 bare soil are clear). From
processing baseline 04.00 (products from 2022-01-25) the digital numbers carry an offset of
+1000 (BOA_ADD_OFFSET = −1000) that :attr:`Product.offset` removes.

20 m bands are repeated 2 × 2 onto the 10 m grid of the 10 m bands (fordead's nearest-neighbour
zoom is exactly that). Products of the same day (two orbits or tiles) are merged: each pixel
comes from the first product that has it inside its swath.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError
from ...rasterblocks.io import Window, open_raster
from .formula import BANDS_10M

gdal.UseExceptions()

THEIA_NAME = re.compile(r"SENTINEL2[ABCD]_(\d{8})-(\d{6})-\d{3}_L2A_T(\w{5})_")
SAFE_NAME = re.compile(r"S2[ABCD]_MSIL2A_(\d{8})T(\d{6})_N(\d{4})_R\d{3}_T(\w{5})_")
SEN2COR_OFFSET_BASELINE = 400  # N0400: from 2022-01-25, digital numbers = 10000·reflectance + 1000
SEN2COR_OFFSET = 1000
CLEAR_SCL_CLASSES = (4, 5)
THEIA_OUTSIDE = -10000


class ProductError(DataTerraError):
    """Products that cannot be read or do not fit together."""


@dataclass
class Product:
    """One Sentinel-2 L2A acquisition: its bands and its cloud mask."""

    date: str  # YYYY-MM-DD
    name: str
    layout: str  # "theia" or "sen2cor"
    bands: dict = field(default_factory=dict)  # band name → path
    cloud_mask: str = None
    edge_mask: str = None
    offset: int = 0  # subtracted from the digital numbers (Sen2Cor baseline ≥ 04.00)

    def band_path(self, band):
        if band not in self.bands:
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "Band {band} is missing from the product {name} "
                                                 "({date})."), band=band, name=self.name, date=self.date)
        return self.bands[band]


def _theia_band(path: Path, kind: str):
    match = re.search(rf"_{kind}_B(\d{{1,2}}A?)\.tif$", path.name, re.IGNORECASE)
    return f"B{match.group(1).upper()}" if match else None


def read_theia(folder: Path, reflectance: str = "FRE") -> Product:
    match = THEIA_NAME.search(folder.name)
    day = match.group(1)
    product = Product(f"{day[:4]}-{day[4:6]}-{day[6:]}", folder.name, "theia")
    for path in sorted(folder.glob("*.tif")):
        band = _theia_band(path, reflectance)
        if band:
            product.bands[band] = str(path)
    masks = folder / "MASKS"
    for kind, attribute in (("CLM", "cloud_mask"), ("EDG", "edge_mask")):
        found = sorted(masks.glob(f"*_{kind}_R2.tif")) or sorted(masks.glob(f"*_{kind}_R1.tif"))
        if found:
            setattr(product, attribute, str(found[0]))
    return product


def read_sen2cor(folder: Path, apply_offset: bool = False) -> Product:
    match = SAFE_NAME.search(folder.name)
    day, baseline = match.group(1), int(match.group(3))
    product = Product(f"{day[:4]}-{day[4:6]}-{day[6:]}", folder.name, "sen2cor")
    if apply_offset and baseline >= SEN2COR_OFFSET_BASELINE:
        product.offset = SEN2COR_OFFSET
    for resolution in ("R10m", "R20m"):
        for path in sorted(folder.glob(f"GRANULE/*/IMG_DATA/{resolution}/*.jp2")):
            found = re.search(r"_(B\d{2}|B8A|SCL)_\d{2}m\.jp2$", path.name)
            if not found:
                continue
            name = found.group(1)
            if name == "SCL":
                product.cloud_mask = str(path)
            else:
                band = "B8A" if name == "B8A" else f"B{int(name[1:])}"
                # a band at 10 m wins over its 20 m resampling
                product.bands.setdefault(band, str(path))
    return product


def find_products(folder, reflectance: str = "FRE", sen2cor_offset: bool = False) -> list:
    """Every L2A product directly under ``folder``, sorted by date then name; ``folder`` may also
    be a list of :class:`Product` already found (e.g. catalogue items, :mod:`.stac_items`)."""
    if isinstance(folder, (list, tuple)):
        return sorted(folder, key=lambda p: (p.date, p.name))
    folder = Path(folder)
    if not folder.is_dir():
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The products folder {folder} does not exist."),
                           folder=str(folder))
    products = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and THEIA_NAME.search(path.name):
            products.append(read_theia(path, reflectance))
        elif path.is_dir() and SAFE_NAME.search(path.name):
            products.append(read_sen2cor(path, sen2cor_offset))
    if not products:
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "No Sentinel-2 L2A product (THEIA SENTINEL2X_… "
                                             "folders or Sen2Cor *.SAFE folders) found in {folder}."),
                           folder=str(folder))
    return sorted(products, key=lambda p: (p.date, p.name))


def group_by_date(products) -> dict:
    """date → list of products of that day (same-day acquisitions are merged when read)."""
    dates = {}
    for product in products:
        dates.setdefault(product.date, []).append(product)
    return dict(sorted(dates.items()))


@dataclass(frozen=True)
class Grid:
    """The 10 m grid all dates must share."""

    width: int
    height: int
    geotransform: tuple
    crs_wkt: str

    @classmethod
    def of(cls, path):
        info = open_raster(path)
        return cls(info.width, info.height, tuple(info.geotransform), info.crs_wkt)

    def window_of_extent(self, extent):
        """The window of whole pixels whose centres fall in ``extent`` (xmin, ymin, xmax, ymax)."""
        x0, dx, _, y0, _, dy = self.geotransform
        xmin, ymin, xmax, ymax = extent
        col0 = max(0, int(np.ceil((xmin - x0) / dx - 0.5)))
        col1 = min(self.width, int(np.floor((xmax - x0) / dx - 0.5)) + 1)
        row0 = max(0, int(np.ceil((ymax - y0) / dy - 0.5)))
        row1 = min(self.height, int(np.floor((ymin - y0) / dy - 0.5)) + 1)
        if col1 <= col0 or row1 <= row0:
            raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The area of interest lies outside the "
                                                 "Sentinel-2 products (no pixel of theirs falls in it)."))
        return Window(col0, row0, col1 - col0, row1 - row0)

    def sub_geotransform(self, window):
        x0, dx, rx, y0, ry, dy = self.geotransform
        return (x0 + window.col * dx, dx, rx, y0 + window.row * dy, ry, dy)


def reference_grid(products) -> Grid:
    """The 10 m grid of the first product's first 10 m band."""
    product = products[0]
    for band in BANDS_10M:
        if band in product.bands:
            return Grid.of(product.bands[band])
    raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The product {name} has no 10 m band (B2, B3, B4 or B8) "
                                         "to define the grid."), name=product.name)


def check_products(products, grid: Grid, bands) -> None:
    """Every product has ``bands`` on ``grid`` (10 m) or its 20 m twin (CRS: first band of each)."""
    for product in products:
        for number, band in enumerate(bands):
            _check_on_grid(product, product.band_path(band), grid, with_crs=number == 0)


def _check_on_grid(product, path, grid, with_crs=True):
    ds = gdal.Open(path)
    geotransform = ds.GetGeoTransform()
    factor = round(abs(geotransform[1]) / abs(grid.geotransform[1]))
    if factor not in (1, 2):
        factor = 0
    expected = (grid.geotransform[0], grid.geotransform[1] * factor, grid.geotransform[3],
                grid.geotransform[5] * factor)
    found = (geotransform[0], geotransform[1], geotransform[3], geotransform[5])
    same_size = factor and (ds.RasterXSize * factor, ds.RasterYSize * factor) in (
        (grid.width, grid.height), (grid.width + factor - 1, grid.height + factor - 1))
    crs_wkt = ds.GetProjection() if with_crs else ""
    if not same_size or any(abs(a - b) > 1e-6 for a, b in zip(expected, found)) or \
            (crs_wkt and grid.crs_wkt and open_srs(crs_wkt).IsSame(open_srs(grid.crs_wkt)) != 1):
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The product {name} ({date}) is on another grid than "
                                             "the first date: {path} differs in origin, pixel size, size or CRS. "
                                             "Use products of a single Sentinel-2 tile."),
                           name=product.name, date=product.date, path=path)


def open_srs(wkt):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    return srs


def _dataset(path, opened):
    """``path`` opened once per ``opened`` cache (a dict the caller keeps for a date), or now."""
    if opened is None:
        return gdal.Open(path)
    if path not in opened:
        opened[path] = gdal.Open(path)
    return opened[path]


def read_on_grid(path, window: Window, grid: Grid, dtype=None, opened=None) -> np.ndarray:
    """Read ``window`` (10 m pixels) of ``path``, repeating 20 m pixels 2 × 2."""
    ds = _dataset(path, opened)
    factor = round(ds.GetGeoTransform()[1] / grid.geotransform[1])
    band = ds.GetRasterBand(1)
    if factor == 1:
        array = band.ReadAsArray(window.col, window.row, window.width, window.height)
    else:
        col0, row0 = window.col // 2, window.row // 2
        col1 = (window.col + window.width - 1) // 2 + 1
        row1 = (window.row + window.height - 1) // 2 + 1
        coarse = band.ReadAsArray(col0, row0, col1 - col0, row1 - row0)
        fine = np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1)
        r, c = window.row - 2 * row0, window.col - 2 * col0
        array = fine[r:r + window.height, c:c + window.width]
    return array if dtype is None else array.astype(dtype)


def read_bands(products, bands, window: Window, grid: Grid, opened=None) -> dict:
    """band → int16 array over ``window`` for one date (its products merged)."""
    arrays = None
    for product in products:
        values = {b: read_on_grid(product.band_path(b), window, grid, opened=opened) for b in bands}
        if product.offset:
            values = {b: _remove_offset(a, product.offset) for b, a in values.items()}
        if arrays is None:
            arrays = values
            continue
        outside = np.zeros(window.height * window.width, bool).reshape(window.height, window.width)
        for a in arrays.values():
            outside |= a < 0
        for b in bands:
            arrays[b] = np.where(outside, values[b], arrays[b])
    return arrays


def _remove_offset(array, offset):
    shifted = array.astype(np.int32) - offset
    shifted[array == 0] = 0  # 0 stays "no data"
    return np.clip(shifted, -32768, 32767).astype(np.int16)


def cloud_mask_path(product) -> str:
    if not product.cloud_mask:
        raise ProductError(QT_TRANSLATE_NOOP("DataTerraError", "The product {name} ({date}) has no cloud mask "
                                             "(MASKS/*_CLM_R2.tif or SCL_20m)."), name=product.name, date=product.date)
    return product.cloud_mask


def read_cloud_mask(products, window: Window, grid: Grid, opened=None) -> np.ndarray:
    """True where the provider's mask says cloudy (THEIA CLM > 0; Sen2Cor SCL not 4 or 5)."""
    merged = None
    for product in products:
        mask = read_on_grid(cloud_mask_path(product), window, grid, opened=opened)
        cloudy = mask > 0 if product.layout == "theia" else ~np.isin(mask, CLEAR_SCL_CLASSES)
        merged = cloudy if merged is None else merged & cloudy
    return merged


def cloudiness(products, window20: Window = None) -> float:
    """Share of cloudy pixels among pixels in the swath, at 20 m, as fordead computes it.

    THEIA: CLM > 0 among pixels whose B11 is not −10000; Sen2Cor: SCL not 4 or 5 among
    SCL ≠ 0. Over the whole product unless ``window20`` (20 m pixels) is given. 2.0 when
    no pixel is in the swath.
    """
    pixels = cloudy = 0
    for product in products:
        mask = _read_window(cloud_mask_path(product), window20)
        if product.layout == "theia":
            pixels += int(np.count_nonzero(_read_window(product.band_path("B11"), window20) != THEIA_OUTSIDE))
            cloudy += int(np.count_nonzero(mask > 0))
        else:
            pixels += int(np.count_nonzero(mask != 0))
            cloudy += int(np.count_nonzero(~np.isin(mask, CLEAR_SCL_CLASSES)))
    return 2.0 if pixels == 0 else cloudy / pixels


def _read_window(path, window):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    if window is None:
        return band.ReadAsArray()
    return band.ReadAsArray(window.col, window.row, window.width, window.height)
