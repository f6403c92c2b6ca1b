"""The Search tab of the DINAMIS dock under pytest-qgis: a QgsTask through QGIS's network
stack against the loopback catalogue server; list, footprints layer, quicklook, refusals,
open SPOT download and load."""
import time

import pytest


def wait_for(condition, timeout=30):
    from qgis.core import QgsApplication

    deadline = time.time() + timeout
    while not condition() and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    return condition()


@pytest.fixture
def search_dock(qgis_app, qgis_iface, tmp_path, loopback_rules):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QDate

    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.rules = loopback_rules
    tab = dock.search_tab
    tab.start.setDate(QDate(2021, 1, 1))
    tab.end.setDate(QDate(2022, 12, 31))
    tab.max_cloud.setValue(30)
    tab.max_incidence.setValue(20)
    yield dock
    QgsProject.instance().removeAllMapLayers()


def run_search(tab):
    outcomes = []
    tab.searchFinished.connect(outcomes.append)
    task = tab.search()
    assert task is not None, tab.message.text()
    assert wait_for(lambda: outcomes), "the search task did not finish"
    return outcomes[0]


def test_dock_search_over_the_map_extent(search_dock, qgis_iface, dinamis_catalogue_server, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsRectangle

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(3.2, 43.4, 3.8, 43.9))
    tab = search_dock.search_tab
    w, s, e, n = tab.search_bbox()
    assert w <= 3.2 and s <= 43.4 and e >= 3.8 and n >= 43.9 and w > -4.1  # Brittany stays outside
    outcome = run_search(tab)
    assert outcome is not None, tab.message.text()
    assert tab.table.rowCount() == 5
    date, source, cloud, incidence = (tab.column(key) for key in ("date", "source", "cloud", "incidence"))
    assert [tab.table.item(r, date).text() for r in range(5)] == [
        "2022-06-05", "2021-08-03", "2021-08-03", "2021-07-12", "2021-07-12"]
    assert "5 images found" in tab.message.text()
    assert "1 left out for cloud cover, 1 for incidence angle" in tab.message.text()
    assert tab.refusals.text() == ""
    row = next(r for r in range(5) if tab.table.item(r, source).text().startswith("DINAMIS SPOT 6-7"))
    assert tab.table.item(row, cloud).text() == "0.4" and tab.table.item(row, incidence).text() == "11.3"
    layer = QgsProject.instance().mapLayer(tab.layer_id)
    assert layer.featureCount() == 5 and layer.crs().authid() == "EPSG:4326"
    assert layer.renderer().symbol().symbolLayer(0).fillColor().alpha() == 40  # the map stays visible
    feature = next(f for f in layer.getFeatures() if f["id"] == "2021_MS:5424")
    assert feature["mode"] == "MS" and feature.geometry().boundingBox().xMinimum() == pytest.approx(3.27)
    # a quicklook arrives asynchronously for the selected row
    tab.table.setCurrentCell(0, 0)
    assert wait_for(lambda: tab.quicklook.pixmap() is not None and not tab.quicklook.pixmap().isNull(), 10)

    # an open SPOT image: two-step request, download, layer loaded
    spot_row = next(r for r in range(5) if tab.table.item(r, source).text().startswith("Open SPOT"))
    tab.table.setCurrentCell(spot_row, 0)
    image = tab.selected_image()
    tab.download_selected(folder=tmp_path / "openspot")
    expected = tmp_path / "openspot" / (image.record.title.replace("ORT_", "IMG_") + "_R1C1.TIF")
    assert wait_for(lambda: any(isinstance(lay, QgsRasterLayer) and lay.source() == str(expected)
                                for lay in QgsProject.instance().mapLayers().values())), tab.message.text()
    assert expected.read_bytes() == dinamis_catalogue_server.tif_bytes
    assert not (tmp_path / "openspot" / (expected.name + ".part")).exists()


def test_dock_search_for_a_profile_not_eligible(search_dock, qgis_iface, sample_data, dinamis_catalogue_server):
    from qgis.core import QgsProject, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.search_ui import AOI
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    save_profile(Profile("foreign_scientist", "University of Liège"))
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    search_dock.aoi_from_selection()  # the AOI of the Clermontais, in Lambert-93
    tab = search_dock.search_tab
    tab.area.setCurrentIndex(tab.area.findData(AOI))
    w, s, e, n = tab.search_bbox()
    assert 3.2 < w < e < 3.7 and 43.4 < s < n < 43.9
    outcome = run_search(tab)
    assert [r.source_id for r in outcome.refusals] == ["dinamis-spot67-stac"]
    assert "Not searched: DINAMIS SPOT 6-7 ortho images" in tab.refusals.text()
    assert "cooperation or collaborative project with a French institutional user" in tab.refusals.text()
    assert not any(r["path"] == "/search" for r in dinamis_catalogue_server.requests)
    assert tab.table.rowCount() == 2
    assert {tab.table.item(r, tab.column("source")).text() for r in range(2)} == {"Open SPOT 6-7 archive (OpenSPOT)"}


def test_dock_search_refuses_without_profile_or_area(search_dock):
    from qgis.core import QgsSettings

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.search_ui import AOI
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    QgsSettings().remove("dataterra/dinamis/profile")
    tab = search_dock.search_tab
    assert tab.search() is None and "State your DINAMIS profile first" in tab.message.text()
    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    tab.area.setCurrentIndex(tab.area.findData(AOI))
    assert tab.search() is None and "Take or draw an area of interest first" in tab.message.text()


def test_dock_search_can_be_cancelled(search_dock, qgis_iface, dinamis_catalogue_server):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(3.2, 43.4, 3.8, 43.9))
    dinamis_catalogue_server.geo_delay = 0.5  # four OpenSPOT collections: 2 s without the cancel
    tab = search_dock.search_tab
    outcomes = []
    tab.searchFinished.connect(outcomes.append)
    tab.search()
    assert tab.cancel_button.isEnabled() and not tab.search_button.isEnabled()
    assert wait_for(lambda: any(r["path"].startswith("/api/geo/") for r in dinamis_catalogue_server.requests))
    tab.cancel()
    assert wait_for(lambda: outcomes, 10)
    assert outcomes == [None] and tab.message.text() == "Search cancelled."
    assert tab.search_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert len([r for r in dinamis_catalogue_server.requests if r["path"].startswith("/api/geo/")]) < 4


def test_result_columns_show_their_contents_whole(search_dock, qgis_iface, dinamis_catalogue_server):
    """Issue 16: the catalogue column read "DINAMIS SP..." and the image names were cut off;
    every column is as wide as its longest text, the last one takes the room left."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(3.2, 43.4, 3.8, 43.9))
    tab = search_dock.search_tab
    assert run_search(tab) is not None, tab.message.text()
    table = tab.table
    metrics = table.fontMetrics()
    for column in range(table.columnCount()):
        texts = [table.item(row, column).text() for row in range(table.rowCount())]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) > widest, (column, max(texts, key=len))
    assert table.horizontalHeader().stretchLastSection()
    assert table.item(0, 0).toolTip() == table.item(0, 0).text()  # the whole text under the pointer too
