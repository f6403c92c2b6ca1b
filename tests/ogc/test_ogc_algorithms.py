"""dataterra:download_coverage and dataterra:download_features through processing.run and
qgis_process, against the loopback qgis_mapserver."""
import numpy as np
import pytest
from osgeo import gdal, ogr

pytestmark = pytest.mark.network  # talks to qgis_mapserver on 127.0.0.1

RASTER_EXTENT = "720000,744000,6269000,6287000 [EPSG:2154]"


def test_download_coverage_processing_run(dataterra_provider, ogc_server, ogc_project, tmp_path):
    import processing

    output = tmp_path / "coverage.tif"
    # the extent given in WGS 84 is reprojected to the coverage's CRS (Lambert-93)
    result = processing.run("dataterra:download_coverage", {
        "URL": ogc_server.url, "COVERAGE": "multiband",
        "EXTENT": "3.30,3.40,43.55,43.60 [EPSG:4326]", "RESOLUTION": 0, "TILE_SIZE": 64,
        "OUTPUT": str(output)})
    assert result["OUTPUT"] == str(output)
    ds = gdal.Open(str(output))
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    assert (dx, dy) == (100.0, -100.0)
    assert (x0 - 720000) % 100 == 0 and (6287000 - y0) % 100 == 0  # on the coverage's grid
    col, row = int((x0 - 720000) / 100), int((6287000 - y0) / 100)
    source = gdal.Open(str(ogc_project["raster"])).ReadAsArray()
    np.testing.assert_array_equal(ds.ReadAsArray(), source[:, row:row + ds.RasterYSize, col:col + ds.RasterXSize])


def test_download_coverage_bad_crs_message(dataterra_provider, ogc_server, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="offers: EPSG:2154"):
        processing.run("dataterra:download_coverage", {
            "URL": ogc_server.url, "COVERAGE": "multiband", "EXTENT": RASTER_EXTENT, "CRS": "EPSG:3857",
            "RESOLUTION": 100, "REPROJECT": False, "OUTPUT": str(tmp_path / "x.tif")})
    assert not (tmp_path / "x.tif").exists()


def test_download_coverage_reprojected(dataterra_provider, ogc_server, tmp_path):
    import processing

    output = tmp_path / "mercator.tif"
    processing.run("dataterra:download_coverage", {
        "URL": ogc_server.url, "COVERAGE": "multiband", "EXTENT": "375000,385000,5395000,5405000 [EPSG:3857]",
        "CRS": "EPSG:3857", "RESOLUTION": 50, "OUTPUT": str(output)})
    ds = gdal.Open(str(output))
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "3857"
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (200, 200, 3)


def test_download_features_processing_run(dataterra_provider, ogc_server, tmp_path):
    import processing

    output = tmp_path / "communes.gpkg"
    processing.run("dataterra:download_features", {
        "URL": ogc_server.url, "TYPENAME": "communes", "CRS": "EPSG:2154", "PAGE_SIZE": 6,
        "OUTPUT": str(output)})
    source = ogr.Open(str(output))
    assert source.GetLayer(0).GetFeatureCount() == 20


def test_download_coverage_qgis_process(run_qgis_process, ogc_server, tmp_path):
    output = tmp_path / "qp.tif"
    result = run_qgis_process("dataterra:download_coverage", {
        "URL": ogc_server.url, "COVERAGE": "multiband", "EXTENT": "721000,722000,6286000,6287000 [EPSG:2154]",
        "RESOLUTION": 100, "OUTPUT": str(output)})
    assert result["results"]["OUTPUT"] == str(output)
    array = gdal.Open(str(output)).ReadAsArray()
    assert array.shape == (3, 10, 10)
    assert array[0, 0, 0] == 10000 + 0 * 0.5 + 10 * 0.25


def test_download_features_qgis_process(run_qgis_process, ogc_server, tmp_path):
    output = tmp_path / "qp.gpkg"
    run_qgis_process("dataterra:download_features", {
        "URL": ogc_server.url, "TYPENAME": "communes", "CRS": "EPSG:2154", "PAGE_SIZE": 8,
        "VERSION": 1, "OUTPUT": str(output)})
    source = ogr.Open(str(output))
    assert source.GetLayer(0).GetFeatureCount() == 20


def test_download_coverage_progress_and_cancel(dataterra_provider, ogc_server, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self, cancel_at=None):
            super().__init__()
            self.values, self.cancel_at = [], cancel_at

        def setProgress(self, value):  # noqa: N802 - called from the download threads
            super().setProgress(value)
            self.values.append(value)
            if self.cancel_at is not None and value >= self.cancel_at:
                self.cancel()

    parameters = {"URL": ogc_server.url, "COVERAGE": "multiband", "EXTENT": RASTER_EXTENT, "RESOLUTION": 100,
                  "TILE_SIZE": 64}
    complete = Recorder()
    processing.run("dataterra:download_coverage", {**parameters, "OUTPUT": str(tmp_path / "ok.tif")},
                   feedback=complete)
    assert complete.values[-1] == 100 and len(complete.values) >= 12  # one step per 64 x 64 tile
    cancelled = Recorder(cancel_at=10)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("dataterra:download_coverage", {**parameters, "OUTPUT": str(tmp_path / "cancel.tif")},
                       feedback=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.tif"]


@pytest.mark.parametrize("version_index,version", [(1, "1.1.1"), (2, "2.0.1")])
def test_download_coverage_from_mapserver_through_qgis_network(dataterra_provider, mapserver, tmp_path,
                                                               version_index, version):
    # QGIS's network stack (QgsBlockingNetworkRequest in QThreads) and the default FORMAT
    # "GeoTIFF", sent as image/tiff in WCS 1.1 and 2.0; 1.1 answers are multipart/mixed
    import processing

    output = tmp_path / f"mapserver_{version}.tif"
    processing.run("dataterra:download_coverage", {
        "URL": mapserver["url"], "COVERAGE": "multiband", "EXTENT": "721000,743000,6270000,6286000 [EPSG:2154]",
        "VERSION": version_index, "RESOLUTION": 0, "TILE_SIZE": 64, "OUTPUT": str(output)})
    ds = gdal.Open(str(output))
    assert ds.GetGeoTransform() == (721000.0, 100.0, 0.0, 6286000.0, 0.0, -100.0)
    source = gdal.Open(str(mapserver["raster"])).ReadAsArray()
    # columns 10..229, rows 10..169 of the source
    np.testing.assert_array_equal(ds.ReadAsArray(), source[:, 10:170, 10:230])
    assert ds.GetRasterBand(1).GetNoDataValue() == -9999.0


def test_download_features_without_crs_uses_its_default(dataterra_provider, run_qgis_process, ogc_server, tmp_path):
    """Issue 16: "Incorrect parameter value for CRS" when CRS was left out, in both callers."""
    import processing

    for run, output in ((processing.run, tmp_path / "run.gpkg"), (run_qgis_process, tmp_path / "qp.gpkg")):
        run("dataterra:download_features", {"URL": ogc_server.url, "TYPENAME": "communes", "OUTPUT": str(output)})
        source = ogr.Open(str(output))
        layer = source.GetLayer(0)
        assert layer.GetFeatureCount() == 20
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "2154"
