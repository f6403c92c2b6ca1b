"""Fixtures of the connectivity tests: small GeoTIFFs and a runner for GRASS r.cost."""
import numpy as np
import pytest
from osgeo import gdal, osr

LAMBERT93 = 2154
_KEEP_ALIVE = []  # providers added from Python must outlive the fixture


def write_raster(path, array, pixel=(10.0, 10.0), origin=(700000.0, 6280000.0), nodata=None, epsg=LAMBERT93):
    """Write ``array`` as a one-band GeoTIFF (float32 unless integer) and return its path."""
    array = np.asarray(array)
    gdal_type = gdal.GDT_Int32 if np.issubdtype(array.dtype, np.integer) else gdal.GDT_Float32
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal_type)
    ds.SetGeoTransform((origin[0], pixel[0], 0.0, origin[1], 0.0, -pixel[1]))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


def read_raster(path):
    """(array as float64 with NaN for nodata, nodata value)."""
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    array = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        array[array == nodata] = np.nan
    return array


@pytest.fixture
def raster_writer(tmp_path):
    def write(name, array, **kwargs):
        return write_raster(tmp_path / name, array, **kwargs)
    return write


@pytest.fixture(scope="session")
def grass_r_cost(qgis_processing):
    """Run grass7:r.cost through QGIS Processing on a friction and a start raster."""
    import processing
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().algorithmById("grass7:r.cost") is None:
        from grassprovider.Grass7AlgorithmProvider import Grass7AlgorithmProvider

        # pytest-qgis starts Processing as a GUI application: GRASS is then a plugin
        provider = Grass7AlgorithmProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _KEEP_ALIVE.append(provider)
    if QgsApplication.processingRegistry().algorithmById("grass7:r.cost") is None:
        pytest.skip("GRASS GIS (grass7 provider) is not available")

    def run(friction_path, start_path, out_dir, knight=False, max_cost=0):
        result = processing.run("grass7:r.cost", {
            "input": friction_path, "start_raster": start_path, "-k": knight, "-n": False,
            "max_cost": max_cost, "memory": 300,
            "output": str(out_dir / "grass_cost.tif"), "nearest": str(out_dir / "grass_nearest.tif"),
            "outdir": "TEMPORARY_OUTPUT",
        })
        return read_raster(result["output"]), read_raster(result["nearest"])

    return run


@pytest.fixture
def read_tif():
    return read_raster
