"""Forest masks on the detection grid: from polygons, a binary raster, or land-cover classes.

Polygons are burnt where a pixel's centre falls inside (GDAL's default rule, as fordead's
rasterio rasterisation); rasters are warped onto the grid by nearest neighbour.
"""
import numpy as np
from osgeo import gdal

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError

OSO_FORESTS = (16, 17)  # OSO: broadleaf forest, coniferous forest


def _target(geotransform, shape, crs_wkt, dtype=gdal.GDT_Byte):
    ds = gdal.GetDriverByName("MEM").Create("", shape[1], shape[0], 1, dtype)
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(crs_wkt)
    return ds


def from_polygons(vector_path, geotransform, shape, crs_wkt, layer=None) -> np.ndarray:
    """True where a pixel centre lies in a polygon of ``vector_path`` (reprojected as needed)."""
    target = _target(geotransform, shape, crs_wkt)
    try:
        source = gdal.OpenEx(str(vector_path), gdal.OF_VECTOR)
    except RuntimeError as exc:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the forest polygons {path}: {exc}"),
                             path=str(vector_path), exc=exc) from exc
    options = gdal.RasterizeOptions(burnValues=[1], layers=[layer] if layer else None)
    gdal.Rasterize(target, source, options=options)
    return target.GetRasterBand(1).ReadAsArray().astype(bool)


def from_raster(raster_path, geotransform, shape, crs_wkt, classes=None) -> np.ndarray:
    """True where the raster (warped by nearest neighbour) is non-zero, or in ``classes``."""
    target = _target(geotransform, shape, crs_wkt, gdal.GDT_Int32)
    target.GetRasterBand(1).Fill(0)
    gdal.Warp(target, str(raster_path), options=gdal.WarpOptions(resampleAlg="near"))
    values = target.GetRasterBand(1).ReadAsArray()
    return np.isin(values, classes) if classes else values != 0
