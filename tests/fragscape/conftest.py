"""Shared fixtures of the fragscape tests: small GeoTIFFs written on the fly."""
import numpy as np
import pytest
from osgeo import gdal, osr

gdal.UseExceptions()


def write_tif(path, array, pixel=10.0, origin=(700000.0, 6300000.0), nodata=None, epsg=2154):
    """Write ``array`` as a north-up GeoTIFF in EPSG:``epsg``; returns the path as str."""
    types = {np.dtype("uint8"): gdal.GDT_Byte, np.dtype("int32"): gdal.GDT_Int32,
             np.dtype("uint16"): gdal.GDT_UInt16}
    array = np.asarray(array)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1,
                                              types[array.dtype])
    ds.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


@pytest.fixture
def tif_writer(tmp_path):
    counter = {"n": 0}

    def write(array, **kwargs):
        counter["n"] += 1
        return write_tif(tmp_path / f"raster_{counter['n']}.tif", array, **kwargs)

    return write
