"""Issue 16, the catalogue dock as a new user meets it (pytest-qgis, driving the widgets):
downloads say how they ended and offer the file on the map, actions follow the selection,
the search-area tools let go of the map, no empty footprints layer, offline hubs do not
push the results out of view."""
import json

import pytest
from qgis.core import QgsProject
from qtwait import wait_until
from catalog_docks import DOCKS

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


def new_dock(canvas=None):
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None, canvas=canvas)
    DOCKS.append(dock)
    return dock


def show_records(dock, records):
    dock.records = list(records)
    dock.show_page(0)



@pytest.fixture
def file_routes(replay_server, tmp_path, geotiff):
    import numpy as np

    data = open(geotiff(tmp_path / "served.tif", np.arange(12, dtype=np.uint8).reshape(3, 4)), "rb").read()
    replay_server.routes["/files/tiny.tif"] = lambda request: (
        200, {"Content-Type": "image/tiff", "Content-Length": str(len(data))}, data)
    return replay_server


def record_with(href, rel="data"):
    from dataterra.dataterra_plugin.catalog.core.model import Link, Record

    return Record(id=href.rsplit("/", 1)[-1], title="A scene", links=[Link(href=href, rel=rel)])


def test_actions_follow_the_selection(qgis_app, replay_server):
    dock = new_dock()
    show_records(dock, [record_with(replay_server.url + "/files/tiny.tif"),
                        record_with("https://example.org/page", rel="landing")])
    buttons = (dock.add_services_button, dock.download_button, dock.landing_button)
    assert not any(button.isEnabled() for button in buttons)  # nothing selected
    dock.results.item(0).setSelected(True)
    assert dock.download_button.isEnabled() and not dock.landing_button.isEnabled()
    assert not dock.add_services_button.isEnabled()  # no service link in this record
    dock.results.item(1).setSelected(True)
    assert dock.landing_button.isEnabled()
    dock.results.clearSelection()
    assert not any(button.isEnabled() for button in buttons)


def test_download_reports_success_and_offers_the_file_on_the_map(qgis_app, file_routes, tmp_path):
    QgsProject.instance().removeAllMapLayers()
    dock = new_dock()
    show_records(dock, [record_with(file_routes.url + "/files/tiny.tif")])
    dock.results.item(0).setSelected(True)
    folder = tmp_path / "downloads"
    folder.mkdir()
    dock.download_selected(str(folder))
    assert wait_until(lambda: not dock.downloads, 20)
    assert f"Downloaded tiny.tif to {folder}" in dock.status.text()
    assert not dock.add_downloaded_button.isHidden()
    dock.add_downloaded_button.click()
    layers = list(QgsProject.instance().mapLayers().values())
    assert [(layer.name(), layer.width(), layer.height()) for layer in layers] == [("tiny", 4, 3)]
    assert dock.add_downloaded_button.isHidden()
    QgsProject.instance().removeAllMapLayers()


def test_download_failure_is_reported(qgis_app, replay_server, tmp_path):
    dock = new_dock()
    show_records(dock, [record_with(replay_server.url + "/files/missing.tif")])
    dock.results.item(0).setSelected(True)
    dock.download_selected(str(tmp_path))
    assert wait_until(lambda: not dock.downloads, 20)
    assert "The download of missing.tif failed" in dock.status.text() and "404" in dock.status.text()
    assert dock.add_downloaded_button.isHidden() and not (tmp_path / "missing.tif").exists()


def test_nothing_found_leaves_no_empty_footprints_layer(qgis_app, replay_server):
    QgsProject.instance().removeAllMapLayers()
    replay_server.routes["/empty/search"] = lambda request: (
        200, {"Content-Type": "application/geo+json"},
        json.dumps({"type": "FeatureCollection", "features": [], "numberMatched": 0, "links": []}).encode())
    dock = new_dock()
    dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)
    dock.url_edit.setText(replay_server.url + "/empty/search")
    dock.protocol_combo.setCurrentText("STAC")
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
    dock.search()
    assert wait_until(lambda: dock.task is None, 20), dock.status.text()
    assert "Records found: 0." in dock.status.text()
    assert QgsProject.instance().mapLayers() == {}


def test_switching_back_to_the_canvas_extent_gives_the_map_back(qgis_app, qgis_canvas):
    dock = new_dock(canvas=qgis_canvas)
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("rectangle"))
    assert qgis_canvas.mapTool() is dock.rectangle_tool
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("canvas"))
    assert qgis_canvas.mapTool() is not dock.rectangle_tool
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("polygon"))
    assert qgis_canvas.mapTool() is dock.polygon_tool
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
    assert qgis_canvas.mapTool() is not dock.polygon_tool


def test_offline_hubs_take_one_status_line(qgis_app, replay_server):
    from dataterra.dataterra_plugin.catalog.core.hubs import Hub

    dock = new_dock()
    offline = [Hub(f"off{n}", f"Offline {n}", "STAC", f"http://127.0.0.1:9/off{n}") for n in range(4)]
    dock.set_hubs([Hub("replay-stac", "STAC replay", "STAC", replay_server.url + "/stac/search"), *offline])
    dock.hub_combo.setCurrentIndex(0)  # all hubs
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
    dock.max_spin.setValue(10)
    dock.search()
    assert wait_until(lambda: dock.task is None, 60), dock.status.text()
    lines = dock.status.text().split("\n")
    assert lines[0] == "Records found: 10." and len(lines) == 2
    assert lines[1].startswith("Catalogues that could not be searched: 4 ")
    assert len(dock.status.toolTip().split("\n\n")) == 4  # each hub's reason, for who wants it


def test_the_dock_remembers_the_last_hub_and_drawn_area(qgis_app, qgis_canvas):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsRectangle

    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    dock = new_dock(canvas=qgis_canvas)
    dock.hub_combo.setCurrentIndex(dock.hub_combo.findData("odatis-sextant"))
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("rectangle"))
    dock.set_drawn_geometry(QgsGeometry.fromRect(QgsRectangle(700000, 6200000, 760000, 6300000)))
    drawn = dock.drawn_area.bbox
    qgis_canvas.unsetMapTool(qgis_canvas.mapTool())
    again = new_dock(canvas=qgis_canvas)
    assert again.hub_combo.currentData() == "odatis-sextant"
    assert again.area_combo.currentData() == "rectangle"
    assert again.drawn_area is not None and again.drawn_area.bbox == pytest.approx(drawn)
    assert qgis_canvas.mapTool() is None  # opening the dock does not take the map


def dock_in(language):
    """A new dock built with the interface in ``language``."""
    from dataterra.dataterra_plugin.i18n import install_translators

    install_translators(language)
    try:
        return new_dock()
    finally:
        install_translators("en")


def test_the_french_dock_is_no_wider_than_the_english_one(qgis_app):
    """Issue 16: in French the dock's minimum width grew by a fifth (long hub titles in the
    combo, long labels and buttons) and pushed the Layers panel to a sliver."""
    english, french = dock_in("en"), dock_in("fr")
    assert french.search_button.text() == "Rechercher"  # really in French
    assert french.minimumSizeHint().width() <= english.minimumSizeHint().width()
    # a hub title longer than the combo is elided in the box, not allowed to widen the dock
    combo = english.hub_combo
    longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.minimumSizeHint().width() < longest
    assert combo.view().minimumWidth() >= longest  # the drop-down list shows the titles whole
