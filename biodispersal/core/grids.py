"""Reading rasters onto a reference grid, rasterising and polygonising with GDAL (no qgis).

The cost search is global (Dijkstra), so cost distance reads whole bands; these helpers
keep that to one float64 array per input and write outputs atomically.
"""
import numpy as np
from osgeo import gdal, ogr, osr

from ...rasterblocks import RasterInfo, atomic_path, check_same_grid, create_like, open_raster
from ...rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP, RasterError, check_cancel
from ...rasterblocks.values import to_float32

gdal.UseExceptions()
ogr.UseExceptions()

FLOAT_NODATA = -9999.0


def read_float(info, band=1, infinite=False) -> np.ndarray:
    """Band ``band`` of ``info`` as float64 with NaN where nodata (the band is read once);
    ±inf refused unless ``infinite`` (a friction: +inf impassable, −inf refused by its check)."""
    raw = info.read(band=band)
    invalid = ~info.valid_mask(raw, band, infinite)
    array = raw.astype(np.float64)
    del raw
    array[invalid] = np.nan
    return array


def read_on_grid(path, reference, resampling="near", what=QT_TRANSLATE_NOOP("DataTerraError", "The raster")):
    """(float64 array with NaN nodata, warning or None): ``path`` read on ``reference``'s grid.

    A raster on another grid (CRS, extent or resolution) is warped onto the reference
    grid with ``resampling`` and a warning says so.
    """
    info = open_raster(path)
    problems = check_same_grid(reference, info)
    if not problems:
        return read_float(info), None
    if not info.crs_wkt:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) has no CRS: it cannot be aligned on "
                                            "the friction grid."), what=what, path=path)
    xmin, ymin, xmax, ymax = reference.extent
    nodata = info.nodata[0] if info.nodata[0] is not None else FLOAT_NODATA
    warped = gdal.Warp("", info.path, format="MEM", dstSRS=reference.crs_wkt,
                       outputBounds=(xmin, ymin, xmax, ymax), width=reference.width,
                       height=reference.height, resampleAlg=resampling, srcNodata=nodata,
                       dstNodata=FLOAT_NODATA, outputType=gdal.GDT_Float64)
    array = warped.GetRasterBand(1).ReadAsArray()
    array[array == FLOAT_NODATA] = np.nan
    warning = Message(QT_TRANSLATE_NOOP("DataTerraError", "{what} ({path}) differs from the reference grid in "
                                        "{problems}: it was resampled ({resampling}) onto the reference grid."),
                      what=what, path=path, problems=", ".join(problems), resampling=resampling)
    return array, warning


def write_array(path, like, array, dtype, nodata, description=None):
    """Write ``array`` on ``like``'s grid atomically (nothing left under ``path`` on error)."""
    with atomic_path(path) as temporary:
        ds = create_like(temporary, like, dtype, nodata=nodata,
                         descriptions=[description] if description else None)
        ds.GetRasterBand(1).WriteArray(array)
        ds.FlushCache()
        ds = None
    return str(path)


def float_with_nodata(array, nodata=FLOAT_NODATA):
    """float32 copy with non-finite values replaced by ``nodata``; values beyond the float32
    range are refused (rasterblocks/values.py)."""
    return to_float32(array, nodata)


def rasterize_features(features, reference, all_touched=True) -> np.ndarray:
    """int32 array of feature ids burnt on ``reference``'s grid (0 elsewhere).

    Parameters
    ----------
    features : iterable of (int id > 0, WKB bytes)
        Geometries already in the reference raster's CRS.
    """
    driver = ogr.GetDriverByName("Memory")
    source = driver.CreateDataSource("features")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(reference.crs_wkt)
    layer = source.CreateLayer("features", srs=srs)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    for feature_id, wkb in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", int(feature_id))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
        layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", reference.width, reference.height, 1, gdal.GDT_Int32)
    target.SetGeoTransform(reference.geotransform)
    target.SetProjection(reference.crs_wkt)
    options = ["ATTRIBUTE=id"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(target, [1], layer, options=options)
    return target.GetRasterBand(1).ReadAsArray().astype(np.int32)


def _cancel_callback(is_cancelled):
    """GDAL progress callback that stops the operation when ``is_cancelled()`` says so."""
    if is_cancelled is None:
        return None
    return lambda _fraction, _message, _data: 0 if is_cancelled() else 1


def polygonize(ids, like, out_path, layer_name="areas", field="source_id", extra=None, is_cancelled=None):
    """Write one (multi)polygon per non-zero id of ``ids`` to a GeoPackage, atomically.

    ``extra`` maps field name -> {id: value} for additional numeric attributes.
    ``is_cancelled()`` is polled by GDAL while it traces the polygons (raises
    :class:`Cancelled`, nothing written).
    """
    mem = gdal.GetDriverByName("MEM").Create("", like.width, like.height, 1, gdal.GDT_Int32)
    mem.SetGeoTransform(like.geotransform)
    mem.SetProjection(like.crs_wkt)
    band = mem.GetRasterBand(1)
    band.WriteArray(ids.astype(np.int32))
    band.SetNoDataValue(0)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(like.crs_wkt)
    pieces = ogr.GetDriverByName("Memory").CreateDataSource("pieces")
    piece_layer = pieces.CreateLayer("pieces", srs=srs, geom_type=ogr.wkbPolygon)
    piece_layer.CreateField(ogr.FieldDefn(field, ogr.OFTInteger))
    try:
        gdal.Polygonize(band, band, piece_layer, 0, callback=_cancel_callback(is_cancelled))
    except RuntimeError:
        check_cancel(is_cancelled)  # GDAL reports a cancelled run as an error
        raise
    merged = {}
    for feature in piece_layer:
        key = feature.GetField(field)
        geometry = feature.GetGeometryRef().Clone()
        merged.setdefault(key, ogr.Geometry(ogr.wkbMultiPolygon)).AddGeometry(geometry)
    extra = extra or {}
    with atomic_path(out_path) as temporary:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        layer = ds.CreateLayer(layer_name, srs=srs, geom_type=ogr.wkbMultiPolygon)
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTInteger))
        for name in extra:
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
        layer.CreateField(ogr.FieldDefn("area_m2", ogr.OFTReal))
        for key in sorted(merged):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField(field, int(key))
            for name, values in extra.items():
                if key in values:
                    feature.SetField(name, float(values[key]))
            feature.SetField("area_m2", merged[key].GetArea())
            feature.SetGeometry(merged[key])
            layer.CreateFeature(feature)
        ds = None
    return str(out_path)


def make_grid(extent, resolution, crs_wkt) -> RasterInfo:
    """A north-up grid of ``resolution`` covering ``extent`` (xmin, ymin, xmax, ymax)."""
    if resolution <= 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The resolution must be > 0, not {resolution:g}."),
            resolution=resolution)
    xmin, ymin, xmax, ymax = extent
    width = max(1, int(np.ceil((xmax - xmin) / resolution)))
    height = max(1, int(np.ceil((ymax - ymin) / resolution)))
    if width * height > 2_000_000_000:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "A {width} x {height} grid is too large: choose a "
                                               "coarser resolution."), width=width, height=height)
    return RasterInfo(path="", width=width, height=height, band_count=1,
                      geotransform=(xmin, resolution, 0.0, ymax, 0.0, -resolution), crs_wkt=crs_wkt,
                      nodata=[None], dtype=np.dtype(np.int32), band_descriptions=[""])
