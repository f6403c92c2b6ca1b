"""Download a WCS coverage as a GeoTIFF: the request is split into tiles fetched in
parallel and mosaicked block by block into a temporary file renamed when complete.

The output grid is fixed before any request: its origin is the requested extent snapped
outwards to the coverage's own grid (when DescribeCoverage publishes it) so that, at the
native resolution, downloaded pixels are the server's pixels, not resampled ones.
"""
import email.parser
import math
import re
import threading
import uuid
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, osr

from ....rasterblocks.errors import Cancelled, QT_TRANSLATE_NOOP, check_cancel
from ....rasterblocks.io import GTIFF_OPTIONS, atomic_path
from ....rasterblocks.untrusted import WCS_TILE_DRIVERS, open_untrusted
from .safexml import OgcError, ServiceExceptionError, raise_if_exception
from .transport import urllib_fetch
from .wcs import (CoverageDescription, describe_coverage_url, get_coverage_url, parse_describe_coverage,
                  request_format)

gdal.UseExceptions()

DEFAULT_TILE_SIZE = 1024  # pixels per tile side; servers commonly cap at 2048-4096
MIN_TILE_SIZE = 64
MAX_OUTPUT_PIXELS = 2_000_000_000  # a guard against typos in RESOLUTION (about 8 GB in float32)

# phrases servers use when a request exceeds their size limit (MapServer, GeoServer,
# QGIS Server, THREDDS, rasdaman); such a tile is split in four and retried
TOO_LARGE = re.compile(r"too (large|big)|exceed|maximum|max ?(width|height|size)|limit|out of range|"
                       r"size.*(larger|greater)|413", re.IGNORECASE)


@dataclass(frozen=True)
class Grid:
    """The output grid: upper-left corner, pixel size and size in pixels, in ``crs``."""

    xmin: float
    ymax: float
    resolution: float
    width: int
    height: int
    crs: str

    @property
    def bbox(self):
        return (self.xmin, self.ymax - self.height * self.resolution,
                self.xmin + self.width * self.resolution, self.ymax)

    def tile_bbox(self, col, row, width, height):
        r = self.resolution
        x0, y1 = self.xmin + col * r, self.ymax - row * r
        return x0, y1 - height * r, x0 + width * r, y1


def snap_grid(extent, resolution, crs, origin=None) -> Grid:
    """The smallest grid of ``resolution`` covering ``extent`` whose lines go through
    ``origin`` (e.g. the coverage's own grid origin) when given."""
    if resolution <= 0:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The resolution must be positive (got {resolution})."),
            resolution=resolution)
    xmin, ymin, xmax, ymax = extent
    if not (xmax > xmin and ymax > ymin):
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The extent is empty: give an extent with a positive "
                                         "width and height."))
    ox, oy = origin if origin else (0.0, 0.0)
    # a small tolerance so that floating-point noise does not add a row of pixels
    eps = 1e-6
    x0 = ox + math.floor((xmin - ox) / resolution + eps) * resolution
    y1 = oy + math.ceil((ymax - oy) / resolution - eps) * resolution
    width = math.ceil((xmax - x0) / resolution - eps)
    height = math.ceil((y1 - ymin) / resolution - eps)
    if width * height > MAX_OUTPUT_PIXELS:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The request is {width} x {height} pixels, more than "
                                         "{max_pixels:,} pixels: use a coarser resolution or a smaller extent."),
            width=width,
            height=height,
            max_pixels=MAX_OUTPUT_PIXELS)
    return Grid(x0, y1, resolution, width, height, crs)


def plan_tiles(grid: Grid, tile_size: int):
    """(col, row, width, height) tiles of at most ``tile_size`` pixels a side."""
    return [(col, row, min(tile_size, grid.width - col), min(tile_size, grid.height - row))
            for row in range(0, grid.height, tile_size) for col in range(0, grid.width, tile_size)]


def describe(url, coverage, version="1.0.0", fetch=urllib_fetch) -> CoverageDescription:
    return parse_describe_coverage(fetch(describe_coverage_url(url, coverage, version)), coverage)


def check_crs_offered(description: CoverageDescription, crs: str):
    """Refuse a CRS the service does not list, naming those it does."""
    if description.crs and crs not in description.crs:
        offered = ", ".join(sorted(set(description.crs)))
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The coverage {name!r} is not offered in {crs}; the "
                                         "service offers: {offered}. Choose one of these CRSs (the extent is "
                                         "reprojected for you)."), name=description.name, crs=crs, offered=offered)


# the first line of a MIME multipart body: "--" and the boundary (RFC 2046 characters),
# then the headers of the first part
MULTIPART_START = re.compile(rb"\s*--([0-9A-Za-z'()+_,\-./:=? ]{1,70}?)[ \t]*\r?\n[A-Za-z-]+:")
# parts that describe the coverage rather than hold it (WCS 1.1 Coverages, WCS 2.0 GML)
DESCRIPTION_TYPES = ("text/xml", "application/xml", "application/gml+xml", "text/plain", "text/html")


def coverage_payload(data: bytes) -> bytes:
    """The coverage file in a GetCoverage answer.

    WCS 1.1 servers answer ``multipart/mixed`` (a Coverages XML part pointing to the file
    part) and WCS 2.0 servers answer ``multipart/related`` when asked for
    ``MEDIATYPE=multipart/related`` (a GML part and the file part). The boundary is read
    from the body's first line, since the transport hands over bytes without headers;
    the coverage is the part whose content type is not XML or text. A plain answer is
    returned unchanged.
    """
    match = MULTIPART_START.match(data)
    if not match:
        return data
    boundary = match.group(1).decode("ascii")
    header = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode("ascii")
    message = email.parser.BytesParser().parsebytes(header + data)
    parts = [part for part in message.walk() if not part.is_multipart()]
    for part in parts:
        if part.get_content_type() in DESCRIPTION_TYPES:
            # an exception report may travel in a part of its own
            raise_if_exception(part.get_payload(decode=True) or b"", QT_TRANSLATE_NOOP("DataTerraError", "The service"))
    coverages = [part for part in parts if part.get_content_type() not in DESCRIPTION_TYPES]
    if not coverages:
        kinds = ", ".join(part.get_content_type() for part in parts) or "no parts"
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The server's multipart answer holds no coverage file "
                                         "({kinds}): it may have stored the coverage on the server instead. Try "
                                         "another WCS version or FORMAT."), kinds=kinds)
    return coverages[0].get_payload(decode=True) or b""


def _decode_tile(data: bytes, width: int, height: int):
    """Arrays (bands, rows, cols), nodata, dtype of a GeoTIFF answer; checks its size. Only
    the image drivers of WCS_TILE_DRIVERS may read it (a VRT answer is refused)."""
    path = f"/vsimem/dataterra_wcs_{uuid.uuid4().hex}.tif"
    gdal.FileFromMemBuffer(path, data)
    try:
        try:
            ds = open_untrusted(path, WCS_TILE_DRIVERS, QT_TRANSLATE_NOOP("DataTerraError", "The WCS tile"),
                                error_class=OgcError)
        except RuntimeError as exc:
            start = data[:120].decode("utf-8", "replace")
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The server's answer is not a raster GDAL can read "
                                             "({exc}); it starts with {start!r}. Check FORMAT (GeoTIFF / image/tiff)."),
                exc=exc,
                start=start) from exc
        if ds.RasterXSize != width or ds.RasterYSize != height:
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The server returned {got_width} x {got_height} "
                                             "pixels instead of {width} x {height}: it resampled the request; try "
                                             "its native resolution."),
                got_width=ds.RasterXSize,
                got_height=ds.RasterYSize,
                width=width,
                height=height)
        array = ds.ReadAsArray()
        if array.ndim == 2:
            array = array[np.newaxis]
        nodata = ds.GetRasterBand(1).GetNoDataValue()
        descriptions = [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]
        return array, nodata, descriptions
    finally:
        gdal.Unlink(path)


def download_coverage(url, coverage, extent, crs, resolution, output, version="1.0.0",
                      output_format="GeoTIFF", tile_size=DEFAULT_TILE_SIZE, workers=4,
                      fetch=urllib_fetch, description=None, progress=None, is_cancelled=None,
                      executor_factory=ThreadPoolExecutor, reproject=False):
    """Download ``coverage`` over ``extent`` (xmin, ymin, xmax, ymax in ``crs``) at
    ``resolution`` (``crs`` units per pixel) into the GeoTIFF ``output``.

    Tiles of at most ``tile_size`` pixels are fetched by ``workers`` threads; a tile the
    server refuses as too large is split in four and retried. The file is written under
    a temporary name and renamed only when every tile is in: an error or a cancel leaves
    nothing under ``output``. ``executor_factory(max_workers=n)`` makes the thread pool
    (QGIS passes one of QThreads, so that Qt networking works in the workers).
    With ``reproject``, a ``crs`` the service does not offer is served by downloading the
    native CRS and warping locally (nearest neighbour, so class codes stay codes).
    Returns a dict (path, width, height, bands, tiles, crs).
    """
    if description is None:
        description = describe(url, coverage, version, fetch)
    if reproject and description.crs and crs not in description.crs and description.native_crs:
        return _download_reprojected(url, coverage, extent, crs, resolution, output, description, version,
                                     output_format, tile_size, workers, fetch, progress, is_cancelled,
                                     executor_factory)
    check_crs_offered(description, crs)
    output_format = request_format(output_format, version, description.formats)
    same_crs = description.native_crs == crs
    origin = None
    if same_crs and description.extent:
        origin = (description.extent[0], description.extent[3])
    grid = snap_grid(extent, resolution, crs, origin)
    tiles = plan_tiles(grid, tile_size)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    state = {"done_pixels": 0, "tiles": 0}
    lock = threading.Lock()
    total_pixels = grid.width * grid.height

    with atomic_path(output) as temporary:
        target = {}

        def write(tile, array, nodata, names):
            col, row, width, height = tile
            with lock:
                if not target:
                    target["ds"] = _create_output(temporary, grid, srs, array, nodata, names, description)
                ds = target["ds"]
                if ds.RasterCount != array.shape[0]:
                    raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The server returned tiles with different "
                                                     "numbers of bands."))
                for index in range(array.shape[0]):
                    ds.GetRasterBand(index + 1).WriteArray(array[index], col, row)
                state["done_pixels"] += width * height
                state["tiles"] += 1
                if progress:
                    progress(state["done_pixels"] / total_pixels)

        def fetch_tile(tile):
            check_cancel(is_cancelled)
            col, row, width, height = tile
            tile_url = get_coverage_url(url, coverage, grid.tile_bbox(*tile), crs, width, height, version,
                                        output_format, description.axis_labels)
            try:
                data = fetch(tile_url)
            except OgcError as exc:
                too_large = isinstance(exc, ServiceExceptionError) or getattr(exc, "status", 0) in (400, 413, 500)
                if too_large and TOO_LARGE.search(str(exc)):
                    if max(width, height) > MIN_TILE_SIZE:
                        return _split(tile)  # retried by the loop
                    raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "{exc} (even for a tile of {width} x {height} "
                                                     "pixels: the server refuses small requests too; use a coarser "
                                                     "resolution)."), exc=exc, width=width, height=height) from exc
                raise
            array, nodata, names = _decode_tile(coverage_payload(data), width, height)
            write(tile, array, nodata, names)
            return []

        _run_parallel(tiles, fetch_tile, workers, is_cancelled, executor_factory)
        ds = target.pop("ds", None)
        if ds is None:
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The server returned no data for this extent."))
        ds.FlushCache()
        bands = ds.RasterCount
        ds = None
    return {"path": str(output), "width": grid.width, "height": grid.height, "bands": bands,
            "tiles": state["tiles"], "crs": crs, "bbox": grid.bbox}


def transform_extent(extent, source_crs, target_crs, densify=21):
    """Bounding box in ``target_crs`` of ``extent`` in ``source_crs``, edges densified."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    for srs, code in ((source, source_crs), (target, target_crs)):
        srs.SetFromUserInput(code)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    xmin, ymin, xmax, ymax = extent
    steps = [i / (densify - 1) for i in range(densify)]
    points = [(xmin + (xmax - xmin) * t, y) for t in steps for y in (ymin, ymax)]
    points += [(x, ymin + (ymax - ymin) * t) for t in steps for x in (xmin, xmax)]
    projected = [transform.TransformPoint(x, y)[:2] for x, y in points]
    xs, ys = [p[0] for p in projected], [p[1] for p in projected]
    return min(xs), min(ys), max(xs), max(ys)


def _download_reprojected(url, coverage, extent, crs, resolution, output, description, version, output_format,
                          tile_size, workers, fetch, progress, is_cancelled, executor_factory):
    native = description.native_crs
    native_extent = transform_extent(extent, crs, native)
    if description.resolution:
        native_resolution = description.resolution[0]
    else:  # same number of pixels across as asked in the target CRS
        native_resolution = (native_extent[2] - native_extent[0]) / max(1.0, (extent[2] - extent[0]) / resolution)
    # one native pixel of margin so that the warp never samples outside the download
    margin = native_resolution
    native_extent = (native_extent[0] - margin, native_extent[1] - margin,
                     native_extent[2] + margin, native_extent[3] + margin)
    grid = snap_grid(extent, resolution, crs)
    with atomic_path(output) as temporary:
        native_file = temporary + ".native.tif"
        try:
            fetched = download_coverage(
                url, coverage, native_extent, native, native_resolution, native_file, version, output_format,
                tile_size, workers, fetch, description,
                (lambda f: progress(0.9 * f)) if progress else None, is_cancelled, executor_factory)
            check_cancel(is_cancelled)
            source = gdal.Open(native_file)
            nodata = source.GetRasterBand(1).GetNoDataValue()
            gdal.Warp(temporary, source, options=gdal.WarpOptions(
                dstSRS=crs, outputBounds=grid.bbox, xRes=resolution, yRes=resolution, resampleAlg="near",
                srcNodata=nodata, dstNodata=nodata, creationOptions=GTIFF_OPTIONS))
            warped = gdal.Open(temporary, gdal.GA_Update)
            for index in range(warped.RasterCount):
                warped.GetRasterBand(index + 1).SetDescription(
                    source.GetRasterBand(index + 1).GetDescription())
            warped, source = None, None
        finally:
            _remove_file(native_file)
    if progress:
        progress(1.0)
    return {"path": str(output), "width": grid.width, "height": grid.height, "bands": fetched["bands"],
            "tiles": fetched["tiles"], "crs": crs, "bbox": grid.bbox, "reprojected_from": native}


def _remove_file(path):
    import contextlib
    import os

    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def _split(tile):
    col, row, width, height = tile
    half_w, half_h = max(1, width // 2), max(1, height // 2)
    parts = [(col, row, half_w, half_h), (col + half_w, row, width - half_w, half_h),
             (col, row + half_h, half_w, height - half_h),
             (col + half_w, row + half_h, width - half_w, height - half_h)]
    return [p for p in parts if p[2] > 0 and p[3] > 0]


def _run_parallel(tiles, fetch_tile, workers, is_cancelled, executor_factory=ThreadPoolExecutor):
    """Run ``fetch_tile`` over ``tiles`` (and the sub-tiles it returns) with a thread pool;
    the first error cancels the rest and is raised."""
    pending = list(tiles)
    with executor_factory(max_workers=max(1, workers)) as pool:
        running = set()
        try:
            while pending or running:
                while pending and len(running) < max(1, workers) * 2:
                    running.add(pool.submit(fetch_tile, pending.pop(0)))
                done, running = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    pending.extend(future.result())
                check_cancel(is_cancelled)
        except BaseException:
            for future in running:
                future.cancel()
            raise


def _create_output(path, grid, srs, array, nodata, names, description):
    from osgeo import gdal_array

    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.width, grid.height, array.shape[0], gdal_type,
                                              GTIFF_OPTIONS)
    ds.SetGeoTransform((grid.xmin, grid.resolution, 0.0, grid.ymax, 0.0, -grid.resolution))
    ds.SetProjection(srs.ExportToWkt())
    if nodata is None:
        nodata = description.nodata
    labels = description.band_names if len(description.band_names) == array.shape[0] else []
    for index in range(array.shape[0]):
        band = ds.GetRasterBand(index + 1)
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
        name = names[index] if names and names[index] else ""
        if not name:
            label = labels[index] if labels else str(index + 1)
            name = f"{description.name} band {label}"
        band.SetDescription(name)
    return ds


__all__ = ["Cancelled", "Grid", "coverage_payload", "download_coverage", "snap_grid", "plan_tiles", "describe",
           "check_crs_offered"]
