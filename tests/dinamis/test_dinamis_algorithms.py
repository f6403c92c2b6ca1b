"""The Processing algorithms through processing.run and qgis_process."""
import json
import zipfile

import pytest
from osgeo import ogr

from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook

pytestmark = pytest.mark.usefixtures("dataterra_provider")


def common(sample_data, **extra):
    params = {"INPUT": str(sample_data["epci"]), "PRODUCT": 0, "USER_TYPE": 2,
              "INSTITUTION": "Communauté de communes du Clermontais", "PURPOSE": "vineyard mapping",
              "PROJECT": "Clermontais landscape"}
    params.update(extra)
    return params


def test_request_package_through_processing(sample_data, tmp_path):
    import processing

    folder = tmp_path / "package"
    result = processing.run("dataterra:dinamis_request_package", common(sample_data, OUTPUT=str(folder)))
    assert result["AREA_KM2"] == pytest.approx(230.4856, abs=1e-3)
    assert result["QUOTA_UNITS"] == pytest.approx(result["AREA_KM2"], abs=1e-3)  # Pléiades archive: factor 1
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["aoi.gpkg", "aoi.kml", "aoi_shapefile.zip", "request.json", "summary.txt"]
    with zipfile.ZipFile(folder / "aoi_shapefile.zip") as archive:
        assert sorted(archive.namelist()) == ["aoi.cpg", "aoi.dbf", "aoi.prj", "aoi.shp", "aoi.shx"]
    for name in ("aoi.gpkg", "aoi.kml", "/vsizip/" + str(folder / "aoi_shapefile.zip") + "/aoi.shp"):
        path = name if name.startswith("/vsizip/") else str(folder / name)
        dataset = ogr.Open(path)
        feature = dataset.GetLayer(0).GetNextFeature()
        env = feature.GetGeometryRef().GetEnvelope()
        assert env[0] == pytest.approx(3.27, abs=0.05) and env[2] == pytest.approx(43.5, abs=0.05), name
    request = json.loads((folder / "request.json").read_text())
    assert request["request"]["product_id"] == "pleiades_archive"
    summary = (folder / "summary.txt").read_text()
    assert "230.49 km²" in summary and "Communauté de communes du Clermontais" in summary


def test_request_package_refuses_ineligible_profile(sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    folder = tmp_path / "package"
    with pytest.raises(QgsProcessingException, match="cooperation or collaborative project"):
        processing.run("dataterra:dinamis_request_package",
                       common(sample_data, USER_TYPE=3, PRODUCT=0, OUTPUT=str(folder)))
    assert not folder.exists() or not any(folder.iterdir())


def test_request_package_too_small_for_spot_tasking(sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="below the minimum of 500 km²"):
        processing.run("dataterra:dinamis_request_package",
                       common(sample_data, PRODUCT=3, OUTPUT=str(tmp_path / "p")))
    result = processing.run("dataterra:dinamis_request_package",
                            common(sample_data, PRODUCT=3, FIX_AOI=True, OUTPUT=str(tmp_path / "p")))
    assert 500 <= result["AREA_KM2"] < 506
    assert result["QUOTA_UNITS"] == pytest.approx(0.4 * result["AREA_KM2"], abs=1e-3)
    request = json.loads((tmp_path / "p" / "request.json").read_text())["request"]
    assert request["max_cloud_cover_pct"] == 20 and request["max_incidence_deg"] == 30


def test_request_package_through_qgis_process(run_qgis_process, sample_data, tmp_path):
    folder = tmp_path / "qp_package"
    result = run_qgis_process("dataterra:dinamis_request_package", common(sample_data, OUTPUT=str(folder)))
    assert result["results"]["AREA_KM2"] == pytest.approx(230.4856, abs=1e-3)
    assert (folder / "aoi.kml").exists() and (folder / "summary.txt").exists()


def test_submit_order_through_processing(sample_data, tmp_path, reference_server, secret, qgis_auth_manager):
    import processing
    from qgis.core import QgsAuthMethodConfig

    manager = qgis_auth_manager
    config = QgsAuthMethodConfig("Basic")
    config.setName("dinamis reference server")
    config.setConfig("username", "tester")
    config.setConfig("password", secret)
    assert manager.storeAuthenticationConfig(config)[0]
    book_path = tmp_path / "orders.gpkg"
    OrderBook(book_path)
    result = processing.run("dataterra:dinamis_submit_order", common(
        sample_data, SERVER_URL=reference_server.base_url, AUTHCFG=config.id(), ORDER_BOOK=str(book_path)))
    assert result["STATUS"] == "submitted"
    assert reference_server.order_count() == 1 and reference_server.orders()[0]["id"] == result["ORDER_ID"]
    rows = OrderBook(book_path).orders()
    assert [r["remote_id"] for r in rows] == [result["ORDER_ID"]]
    assert secret.encode() not in book_path.read_bytes()
    manager.removeAuthenticationConfig(config.id())


def test_submit_order_without_credentials_through_qgis_process(run_qgis_process, sample_data, tmp_path,
                                                              reference_server, secret):
    book_path = tmp_path / "orders.gpkg"
    OrderBook(book_path)
    completed = run_qgis_process("dataterra:dinamis_submit_order", common(
        sample_data, SERVER_URL=reference_server.base_url, ORDER_BOOK=str(book_path)), expect_success=False)
    assert completed.returncode != 0
    assert "HTTP 401" in completed.stdout + completed.stderr
    assert "authentication configuration" in completed.stdout + completed.stderr
    assert reference_server.order_count() == 0
    assert [r["status"] for r in OrderBook(book_path).orders()] == ["draft"]
