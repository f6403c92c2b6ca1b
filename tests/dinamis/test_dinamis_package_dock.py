"""The order book hands a draft to the DINAMIS web request path: request package written
(GeoPackage, KML, zipped shapefile, request, summary), the order marked as going through
the web page (never sent by the REST client) and the request page opened."""
import json
import zipfile

import pytest
from osgeo import ogr


@pytest.fixture
def clermontais_dock(qgis_app, qgis_iface, sample_data, tmp_path):
    from qgis.core import QgsProject, QgsSettings, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    QgsSettings().remove("dataterra/dinamis")
    save_profile(Profile("uia_public_actor", "Communauté de communes du Clermontais", "sig@clermontais.fr"))
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.product.setCurrentIndex(dock.product.findData("pleiades_archive"))
    dock.purpose.setText("cartographie des vignes")
    dock.project.setText("Trame verte Clermontais")
    dock.aoi_from_selection()
    yield dock
    QgsProject.instance().removeAllMapLayers()


def test_selected_draft_becomes_a_request_package(clermontais_dock, tmp_path, opened_urls, rules):
    from dataterra.dataterra_plugin.dinamis.core import workflow
    from dataterra.dataterra_plugin.dinamis.core.aoi import polygon_area_m2
    from dataterra.dataterra_plugin.dinamis.core.client import OrderingError

    opened = opened_urls
    dock = clermontais_dock
    local_id = dock.save_draft()
    assert dock.table.rowCount() == 1 and dock.table.item(0, 2).text() == "Draft"
    dock.table.selectRow(0)
    folder = tmp_path / "package"
    files = dock.package_selected(folder=str(folder))
    assert [f.name for f in files] == ["aoi.gpkg", "aoi.kml", "aoi_shapefile.zip", "request.json", "summary.txt"]
    assert opened == [rules["request_page"]["url"]]

    book_row = dock.book.get(local_id)
    # the AOI in the GeoPackage is the order's polygon: same ellipsoidal area (230.49 km², EPCI outline)
    gpkg = ogr.Open(str(folder / "aoi.gpkg"))  # kept: a layer dies with its dataset
    layer = gpkg.GetLayer(0)
    assert layer.GetFeatureCount() == 1 and layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    feature = layer.GetNextFeature()
    area_km2 = polygon_area_m2(feature.GetGeometryRef()) / 1e6
    assert area_km2 == pytest.approx(book_row["area_km2"], rel=1e-9) and area_km2 == pytest.approx(230.49, abs=0.01)
    assert feature.GetField("product") == "pleiades_archive"
    assert feature.GetField("project") == "Trame verte Clermontais"
    kml_dataset = ogr.Open(str(folder / "aoi.kml"))
    kml_feature = kml_dataset.GetLayer(0).GetNextFeature()
    assert polygon_area_m2(kml_feature.GetGeometryRef()) / 1e6 == pytest.approx(area_km2, rel=1e-6)
    with zipfile.ZipFile(folder / "aoi_shapefile.zip") as archive:
        assert sorted(archive.namelist()) == ["aoi.cpg", "aoi.dbf", "aoi.prj", "aoi.shp", "aoi.shx"]
        archive.extractall(tmp_path / "shp")
    shp_dataset = ogr.Open(str(tmp_path / "shp" / "aoi.shp"))
    shp = shp_dataset.GetLayer(0).GetNextFeature()
    assert polygon_area_m2(shp.GetGeometryRef()) / 1e6 == pytest.approx(area_km2, rel=1e-6)
    request = json.loads((folder / "request.json").read_text(encoding="utf-8"))
    assert request["request"]["product_id"] == "pleiades_archive"
    assert request["request"]["purpose"] == "cartographie des vignes"
    assert request["estimate"] == {"billed_km2": pytest.approx(230.49, abs=0.01),
                                   "quota_units": pytest.approx(230.49, abs=0.01), "unit": "km2"}
    summary = (folder / "summary.txt").read_text(encoding="utf-8")
    assert "Communauté de communes du Clermontais" in summary and "230.49 km²" in summary
    assert "uia_public_actor" in summary and "sig@clermontais.fr" in summary

    # the order now goes through the web page: the table says so, and the REST path refuses it
    assert book_row["backend"] == "web" and str(folder) in book_row["status_message"]
    assert dock.table.item(0, 7).text() == "Web request page"
    with pytest.raises(OrderingError, match="handed to the DINAMIS web request page"):
        workflow.submit(dock.book, object(), local_id)
    # and it is not packaged twice
    assert dock.package_selected(local_id, folder=str(tmp_path / "again")) is None
    assert "already went to the web request path" in dock.message.text() and str(folder) in dock.message.text()
    assert not (tmp_path / "again").exists()


def test_draft_that_may_have_been_sent_is_not_packaged(clermontais_dock, tmp_path, opened_urls):
    opened = opened_urls
    dock = clermontais_dock
    local_id = dock.save_draft()
    dock.book.mark_sending(local_id)  # a submission whose answer was lost: reconcile will settle it
    assert dock.package_selected(local_id, folder=str(tmp_path / "package")) is None
    assert "may already have reached the ordering server" in dock.message.text()
    assert not (tmp_path / "package").exists() and opened == []
    assert dock.book.get(local_id)["backend"] == "rest"


def test_package_of_a_draft_the_profile_may_no_longer_use(clermontais_dock, tmp_path, opened_urls):
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    dock = clermontais_dock
    local_id = dock.save_draft()
    save_profile(Profile("uia_public_actor", "Communauté de communes du Clermontais", subscribed=False))
    assert dock.package_selected(local_id, folder=str(tmp_path / "package")) is None
    assert "subscribe to DINAMIS" in dock.message.text() and not (tmp_path / "package").exists()
    assert dock.book.get(local_id)["backend"] == "rest"


def test_cancelling_an_order_asks_first_and_says_it_is_done(clermontais_dock, reference_server):
    """Issue 16: an order was cancelled without a question, and nothing said it was."""
    from qgis.PyQt.QtWidgets import QMessageBox
    from modal import answer_next_question

    from dataterra.dataterra_plugin.dinamis.settings import save_server_settings

    save_server_settings(reference_server.base_url, "")
    dock = clermontais_dock
    local_id = dock.save_draft()
    dock.table.selectRow(0)
    answer_next_question(QMessageBox.No)
    assert dock.cancel_selected(wait=True) is None
    assert dock.table.item(0, 2).text() == "Draft"
    answer_next_question(QMessageBox.Yes)
    dock.cancel_selected(wait=True)
    assert dock.table.item(0, 2).text() == "Cancelled"
    assert dock.message.text() == f"Order {local_id} cancelled."
