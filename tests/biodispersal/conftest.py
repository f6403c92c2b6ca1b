"""Fixtures of the connectivity tests: small GeoTIFFs and a runner for GRASS r.cost."""
import numpy as np
import pytest
from osgeo import gdal

LAMBERT93 = 2154
_KEEP_ALIVE = []  # providers added from Python must outlive the fixture


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
def raster_writer(tmp_path, geotiff):
    def write(name, array, pixel=(10.0, 10.0), origin=(700000.0, 6280000.0), **kwargs):
        """Integers as Int32, anything else as float32 (what GRASS is compared on)."""
        array = np.asarray(array)
        array = array.astype(np.int32 if np.issubdtype(array.dtype, np.integer) else np.float32)
        return geotiff(tmp_path / name, array, pixel=pixel, origin=origin, **kwargs)
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
