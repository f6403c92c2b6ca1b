"""Raster opening, grid checks, block iteration and atomic writing with GDAL."""
import contextlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal, gdal_array, osr

from .errors import QT_TRANSLATE_NOOP, RasterError
from .values import refuse_infinite

gdal.UseExceptions()

DEFAULT_BLOCK = 1024


@dataclass(frozen=True)
class Window:
    """A rectangle of pixels: column/row offset and size."""

    col: int
    row: int
    width: int
    height: int

    @property
    def slices(self):
        return slice(self.row, self.row + self.height), slice(self.col, self.col + self.width)


@dataclass
class RasterInfo:
    """What the cores need to know of a raster, read once."""

    path: str
    width: int
    height: int
    band_count: int
    geotransform: tuple
    crs_wkt: str
    nodata: list
    dtype: np.dtype
    band_descriptions: list

    @property
    def pixel_width(self) -> float:
        return abs(self.geotransform[1])

    @property
    def pixel_height(self) -> float:
        return abs(self.geotransform[5])

    @property
    def pixel_area(self) -> float:
        return self.pixel_width * self.pixel_height

    @property
    def extent(self):
        """(xmin, ymin, xmax, ymax) in the raster's CRS."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.width)
        ys = (y0, y0 + dy * self.height)
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def srs(self):
        srs = osr.SpatialReference()
        if self.crs_wkt:
            srs.ImportFromWkt(self.crs_wkt)
        return srs

    def open(self):
        return gdal.Open(self.path, gdal.GA_ReadOnly)

    def read(self, window: Window = None, band: int = 1, dataset=None) -> np.ndarray:
        """Read one band (1-based) over ``window`` (whole raster when None)."""
        ds = dataset or self.open()
        window = window or Window(0, 0, self.width, self.height)
        return ds.GetRasterBand(band).ReadAsArray(window.col, window.row, window.width, window.height)

    def valid_mask(self, array: np.ndarray, band: int = 1, infinite: bool = False) -> np.ndarray:
        """True where ``array`` (read from ``band``) is not nodata (nor NaN).

        A valid cell holding ±inf is refused (:class:`RasterError`, the rule for non-finite
        values in :mod:`.values`) unless ``infinite`` (a friction, where +inf is impassable).
        """
        nodata = self.nodata[band - 1]
        valid = np.ones(array.shape, dtype=bool)
        if np.issubdtype(array.dtype, np.floating):
            valid &= ~np.isnan(array)
        if nodata is not None and not (isinstance(nodata, float) and np.isnan(nodata)):
            valid &= array != nodata
        if not infinite and np.issubdtype(array.dtype, np.floating):
            refuse_infinite(array[valid], self.path)
        return valid


def open_raster(path) -> RasterInfo:
    """Open ``path`` and describe it; raises :class:`RasterError` with a clear message."""
    path = str(path)
    if not os.path.exists(path) and not path.startswith("/vsi"):
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "Raster file not found: {path}. Check the path or the "
                                            "layer's source."), path=path)
    try:
        ds = gdal.Open(path, gdal.GA_ReadOnly)
    except RuntimeError as exc:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read {path} as a raster ({exc}). Is it a "
                                            "GDAL-readable raster?"), path=path, exc=exc) from exc
    if ds is None or ds.RasterCount == 0:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{path} has no raster band."), path=path)
    bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
    return RasterInfo(
        path=path,
        width=ds.RasterXSize,
        height=ds.RasterYSize,
        band_count=ds.RasterCount,
        geotransform=ds.GetGeoTransform(),
        crs_wkt=ds.GetProjection() or "",
        nodata=[b.GetNoDataValue() for b in bands],
        dtype=np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(bands[0].DataType)),
        band_descriptions=[b.GetDescription() for b in bands],
    )


def require_projected(info: RasterInfo, what: str = QT_TRANSLATE_NOOP("DataTerraError", "This raster")) -> None:
    """Refuse rasters whose CRS is unknown or geographic (pixel sizes in degrees)."""
    if not info.crs_wkt:
        raise RasterError(
            QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) has no coordinate reference system. Assign a "
                              "projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Raster > Projections > "
                              "Assign Projection."), what=what, path=info.path
        )
    srs = info.srs
    if srs.IsGeographic():
        raise RasterError(
            QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) is in a geographic CRS (degrees): areas and "
                              "distances would be wrong. Reproject it to a projected CRS in metres (e.g. EPSG:2154 "
                              "Lambert-93) with Raster > Projections > Warp (Reproject)."),
            what=what,
            path=info.path
        )
    if abs(info.geotransform[2]) > 0 or abs(info.geotransform[4]) > 0:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) is rotated; warp it to a north-up "
                                            "grid first."), what=what, path=info.path)


def check_same_grid(reference: RasterInfo, other: RasterInfo, tolerance: float = 1e-6) -> list:
    """Differences between two rasters' grids (empty list when they share CRS, extent, pixels)."""
    problems = []
    if reference.srs.IsSame(other.srs) != 1:
        problems.append("coordinate reference system")
    if (reference.width, reference.height) != (other.width, other.height):
        problems.append("size in pixels")
    scale = max(reference.pixel_width, reference.pixel_height)
    if any(abs(a - b) > tolerance * scale for a, b in zip(reference.geotransform, other.geotransform)):
        problems.append("origin or pixel size")
    return problems


def iter_windows(width: int, height: int, block: int = DEFAULT_BLOCK):
    """Windows of at most ``block`` × ``block`` pixels covering the raster, row by row."""
    for row in range(0, height, block):
        for col in range(0, width, block):
            yield Window(col, row, min(block, width - col), min(block, height - row))


@contextlib.contextmanager
def atomic_path(final_path):
    """Yield a temporary path beside ``final_path``; rename it over on success, delete on error.

    Nothing is ever left half-written under the final name.
    """
    final = Path(final_path)
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.stem}.{uuid.uuid4().hex[:8]}.part{final.suffix}")
    try:
        yield str(temporary)
    except BaseException:
        _remove_gdal_files(temporary)
        raise
    os.replace(temporary, final)
    for aux in temporary.parent.glob(temporary.name + ".*"):  # e.g. .aux.xml
        os.replace(aux, str(final) + aux.name[len(temporary.name):])


def _remove_gdal_files(path: Path) -> None:
    for candidate in [path, *path.parent.glob(path.name + ".*")]:
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


GTIFF_OPTIONS = ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]
GTIFF_TILE = 256  # GDAL's default tile size with TILED=YES


def fast_compression():
    """Creation options of the plugin's own intermediate rasters (not the user's outputs, kept
    in DEFLATE for every reader): Zstandard level 1 where GDAL has it, twice as fast as
    DEFLATE level 1 and smaller on float64 state; else DEFLATE level 1."""
    options = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    return ["COMPRESS=ZSTD", "ZSTD_LEVEL=1"] if "ZSTD" in options else ["COMPRESS=DEFLATE", "ZLEVEL=1"]


def create_like(path, like: RasterInfo, dtype, bands: int = 1, nodata=None, descriptions=None,
                driver: str = "GTiff", options=None):
    """Create a raster on ``like``'s grid (use inside :func:`atomic_path`); returns the dataset."""
    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(np.dtype(dtype))
    if gdal_type is None:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "Unsupported output data type {dtype}."), dtype=dtype)
    options = GTIFF_OPTIONS if options is None and driver == "GTiff" else (options or [])
    ds = gdal.GetDriverByName(driver).Create(str(path), like.width, like.height, bands, gdal_type, options)
    ds.SetGeoTransform(like.geotransform)
    ds.SetProjection(like.crs_wkt)
    for index in range(bands):
        band = ds.GetRasterBand(index + 1)
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
        if descriptions:
            band.SetDescription(descriptions[index])
    return ds


def relabel_bands(path, rename):
    """Give each band of the raster at ``path`` the description ``rename(description)``
    (e.g. its name in the user's language); only a raster with a changed name is rewritten.
    Returns the number of bands renamed (0 when ``path`` is no raster GDAL can update)."""
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_RASTER)
    except RuntimeError:  # a vector or a folder is simply not a raster
        return 0
    names = [ds.GetRasterBand(k + 1).GetDescription() for k in range(ds.RasterCount)]
    ds = None
    new_names = {k: rename(name) for k, name in enumerate(names) if name}
    renamed = {k: name for k, name in new_names.items() if name != names[k]}
    if not renamed:
        return 0
    ds = gdal.OpenEx(str(path), gdal.OF_RASTER | gdal.OF_UPDATE)
    for k, name in renamed.items():
        ds.GetRasterBand(k + 1).SetDescription(name)
    ds = None
    return len(renamed)
