"""Search areas drawn on the map and auth configurations per hub, in the dock (pytest-qgis).

The map tools are driven by synthetic mouse events (QTest) on a QgsMapCanvas; the bbox
and polygon the catalogues receive are checked against pyproj (test reference only) and
the loopback servers' request log."""
import json

import pytest
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qtwait import wait_until
from catalog_docks import DOCKS

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


@pytest.fixture
def canvas(qgis_app, qgis_canvas, qgis_parent):
    """The pytest-qgis canvas, 400 x 300 pixels, showing a known extent in ``crs``."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    def show(crs, extent):
        qgis_canvas.resize(400, 300)
        qgis_parent.show()  # a hidden canvas keeps a 98 x 28 pixel map
        QTest.qWait(50)
        qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
        qgis_canvas.setExtent(QgsRectangle(*extent))
        qgis_canvas.refresh()
        QTest.qWait(50)
        return qgis_canvas

    yield show
    qgis_canvas.unsetMapTool(qgis_canvas.mapTool())
    qgis_parent.hide()


def make_dock(url, tmp_path, protocol="STAC", canvas=None, max_records=10):
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None, canvas=canvas)
    DOCKS.append(dock)
    dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)  # other catalogue (URL)
    dock.url_edit.setText(url)
    dock.protocol_combo.setCurrentText(protocol)
    dock.max_spin.setValue(max_records)
    dock.loader.cache_dir = str(tmp_path)
    return dock


def choose_area(dock, mode):
    dock.area_combo.setCurrentIndex(dock.area_combo.findData(mode))


def map_point(canvas, x, y):
    point = canvas.getCoordinateTransform().toMapCoordinates(x, y)
    return point.x(), point.y()


def last_search_body(server, path):
    bodies = [json.loads(r["body"]) for r in server.requests if r["path"] == path and r["method"] == "POST"]
    return bodies[-1]


def test_rectangle_drawn_in_lambert93_is_searched_in_degrees(canvas, replay_server, tmp_path):
    from pyproj import Transformer

    canvas = canvas("EPSG:2154", (690000, 6230000, 790000, 6330000))  # the Hérault
    dock = make_dock(replay_server.url + "/stac/search", tmp_path, canvas=canvas)
    choose_area(dock, "rectangle")
    assert canvas.mapTool() is dock.rectangle_tool  # choosing "rectangle" starts drawing
    viewport = canvas.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(50, 40))
    QTest.mouseMove(viewport, QPoint(200, 150))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(320, 260))
    assert dock.drawn_area is not None and not dock.drawn_area.is_polygon
    (x0, y0), (x1, y1) = map_point(canvas, 50, 40), map_point(canvas, 320, 260)
    # the rectangle's corners in metres: 270 x 220 pixels at the canvas' scale
    assert x1 - x0 == pytest.approx(270 * canvas.mapUnitsPerPixel(), rel=1e-9)
    west, south, east, north = Transformer.from_crs(2154, 4326, always_xy=True).transform_bounds(
        x0, y1, x1, y0, densify_pts=50)
    assert dock.drawn_area.bbox == pytest.approx((west, south, east, north), abs=2e-5)
    # Lambert-93 puts 3° E at 700 km E and 46.5° N at 6,600 km N, about 111 km a degree of latitude
    assert 2.5 < west < east < 4.8 and 43.0 < south < north < 44.2
    assert dock.area_band.numberOfVertices() >= 4  # the area stays drawn on the map
    dock.show()
    dock.hide()  # closing the dock hands the map back and hides the area
    assert canvas.mapTool() is not dock.rectangle_tool and not dock.area_band.isVisible()
    dock.show()
    assert dock.area_band.isVisible()
    dock.search()
    assert wait_until(lambda: dock.task is None, 10), dock.status.text()
    assert last_search_body(replay_server, "/stac/search")["bbox"] == pytest.approx(list(dock.drawn_area.bbox))
    assert len(dock.records) == 10


def draw_polygon(canvas, pixels):
    """Click the vertices, then double click the last one to close the polygon."""
    viewport = canvas.viewport()
    for x, y in pixels[:-1]:
        QTest.mouseClick(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        QTest.mouseMove(viewport, QPoint(x + 5, y + 5))
    QTest.mouseDClick(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(*pixels[-1]))
    return [map_point(canvas, x, y) for x, y in pixels]


TRIANGLE = [(60, 60), (300, 90), (110, 250)]  # pixels


def test_polygon_drawn_on_the_map_filters_csw_records_by_footprint(canvas, pycsw_server, tmp_path):
    from shapely.geometry import Polygon, box

    canvas = canvas("EPSG:4326", (-5.0, 42.0, 7.0, 51.0))
    dock = make_dock(pycsw_server.url, tmp_path, protocol="CSW", canvas=canvas, max_records=1000)
    choose_area(dock, "polygon")
    assert canvas.mapTool() is dock.polygon_tool
    vertices = draw_polygon(canvas, TRIANGLE)
    assert dock.drawn_area is not None and dock.drawn_area.is_polygon
    xs, ys = [x for x, _ in vertices], [y for _, y in vertices]
    assert dock.drawn_area.bbox == pytest.approx((min(xs), min(ys), max(xs), max(ys)), abs=1e-9)
    assert len(dock.drawn_area.polygon.asPolygon()[0]) == 4  # three vertices and the closing one
    dock.search()
    assert wait_until(lambda: dock.task is None, 30), dock.status.text()
    triangle = Polygon(vertices)
    in_bbox = {f["id"] for f in pycsw_server.facts if box(*f["bbox"]).intersects(box(*triangle.bounds))}
    in_triangle = {f["id"] for f in pycsw_server.facts if box(*f["bbox"]).intersects(triangle)}
    assert 20 < len(in_triangle) < len(in_bbox)  # the polygon test really removes records
    assert {record.id for record in dock.records} == in_triangle
    assert dock.layer.featureCount() == len(in_triangle)
    dropped = len(in_bbox) - len(in_triangle)
    assert f"Records left out because their footprint misses the polygon: {dropped}." in dock.status.text()


def test_polygon_is_sent_to_stac_as_intersects(canvas, replay_server, tmp_path):
    canvas = canvas("EPSG:4326", (-24.0, 62.0, -18.0, 64.5))  # the recorded Sentinel-2 tile in Iceland
    dock = make_dock(replay_server.url + "/stac/search", tmp_path, canvas=canvas, max_records=30)
    choose_area(dock, "polygon")
    vertices = draw_polygon(canvas, [(40, 40), (380, 60), (300, 280), (60, 260)])
    dock.page_size = 10
    dock.search()
    assert wait_until(lambda: dock.task is None, 10), dock.status.text()
    body = last_search_body(replay_server, "/stac/search")
    assert "bbox" not in body  # STAC: bbox and intersects are exclusive
    ring = body["intersects"]["coordinates"][0]
    assert body["intersects"]["type"] == "Polygon"
    sent = [c for vertex in sorted(map(tuple, ring[:-1])) for c in vertex]
    assert sent == pytest.approx([c for vertex in sorted(vertices) for c in vertex], abs=1e-6)
    assert body["token"] > 0  # a following page, merged with the first body, still has the polygon
    assert len(dock.records) == 30  # the footprints (around -21, 63) all cross the polygon


def test_canvas_and_layer_extents(canvas, replay_server, tmp_path, sample_data):
    from pyproj import Transformer
    from qgis.core import QgsProject, QgsVectorLayer

    canvas = canvas("EPSG:2154", (690000, 6380000, 790000, 6480000))
    dock = make_dock(replay_server.url + "/stac/search", tmp_path, canvas=canvas)
    choose_area(dock, "canvas")
    extent = canvas.extent()
    expected = Transformer.from_crs(2154, 4326, always_xy=True).transform_bounds(
        extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum(), densify_pts=50)
    assert dock.search_area().bbox == pytest.approx(expected, abs=2e-5)
    layer = QgsVectorLayer(str(sample_data["epci"]), "epci", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        choose_area(dock, "layer")
        dock.layer_combo.setLayer(layer)
        box = layer.extent()
        epsg = int(layer.crs().authid().split(":")[1])
        expected = Transformer.from_crs(epsg, 4326, always_xy=True).transform_bounds(
            box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum(), densify_pts=50)
        assert dock.search_area().bbox == pytest.approx(expected, abs=2e-5)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    choose_area(dock, "anywhere")
    assert dock.search_area() is None


def test_drawing_needed_before_searching(canvas, replay_server, tmp_path):
    canvas = canvas("EPSG:4326", (-5.0, 42.0, 7.0, 51.0))
    dock = make_dock(replay_server.url + "/stac/search", tmp_path, canvas=canvas)
    choose_area(dock, "rectangle")
    assert dock.search() is None
    assert "Draw the search area on the map first" in dock.status.text()


def test_auth_config_chosen_per_hub_is_stored_reused_and_never_the_secret(
        qgis_auth_manager, replay_server, tmp_path):
    from qgis.core import QgsAuthMethodConfig, QgsProject, QgsSettings

    from dataterra.dataterra_plugin.catalog.core.hubs import Hub
    from dataterra.dataterra_plugin.catalog.dock import AUTH_SETTINGS, CatalogDock

    config = QgsAuthMethodConfig("Basic")
    config.setName("dataterra dock hub key")
    config.setConfig("username", "key")
    config.setConfig("password", "D0CK-S3CRET")
    stored = qgis_auth_manager.storeAuthenticationConfig(config)
    auth_id = (stored[1] if isinstance(stored, tuple) else config).id()

    def keyed(request):
        if request["headers"].get("X-API-Key") != "D0CK-S3CRET":
            return 401, {"Content-Type": "application/json"}, b'{"detail": "missing API key"}'
        return 200, {"Content-Type": "application/geo+json"}, b'{"type": "FeatureCollection", "features": [' \
            b'{"type": "Feature", "id": "d1", "geometry": null, "properties": {"datetime": "2024-01-01"}}]}'

    replay_server.routes["/dockkey/search"] = keyed
    hubs = [Hub("dock-keyed", "Keyed hub", "STAC", replay_server.url + "/dockkey/search", auth_header="X-API-Key"),
            Hub("dock-open", "Open hub", "STAC", replay_server.url + "/stac/search")]
    settings = QgsSettings()
    for hub in hubs:
        settings.remove(AUTH_SETTINGS + hub.id)
    try:
        dock = make_dock("", tmp_path, max_records=5)
        dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
        dock.set_hubs(hubs)
        dock.hub_combo.setCurrentIndex(1)  # the keyed hub: no configuration yet
        assert dock.auth_select.configId() == ""
        dock.search()
        assert wait_until(lambda: dock.task is None, 10)
        assert "HTTP 401" in dock.status.text()
        dock.auth_select.setConfigId(auth_id)  # the user picks the configuration
        settings.sync()
        assert QgsSettings().value(AUTH_SETTINGS + "dock-keyed") == auth_id
        assert QgsSettings().value(AUTH_SETTINGS + "dock-open") is None  # per hub
        dock.search()
        assert wait_until(lambda: dock.task is None, 10)
        assert [r.id for r in dock.records] == ["d1"], dock.status.text()

        # a new dock (next QGIS session) reuses the stored id for that hub only
        again = CatalogDock(None)
        DOCKS.append(again)
        again.set_hubs(hubs)
        again.hub_combo.setCurrentIndex(2)
        assert again.auth_select.configId() == ""
        again.hub_combo.setCurrentIndex(1)
        assert again.auth_select.configId() == auth_id
        backend, credentials = again.make_sources()[0]
        assert backend.headers == {}  # the key is bound to the hub's origin in the transport, not the backend
        assert credentials.headers == {"X-API-Key": "D0CK-S3CRET"} and credentials.applies_to(backend.endpoint)

        # the id is stored, the key is not: not in the settings file, not in a saved project
        settings.sync()
        settings_text = open(settings.fileName(), encoding="utf-8", errors="replace").read()
        assert auth_id in settings_text and "D0CK-S3CRET" not in settings_text
        project_file = tmp_path / "with_results.qgs"
        assert QgsProject.instance().write(str(project_file))
        assert dock.layer.featureCount() == 1  # the footprints layer is in the project
        assert "D0CK-S3CRET" not in project_file.read_text(encoding="utf-8")
    finally:
        for hub in hubs:
            settings.remove(AUTH_SETTINGS + hub.id)
        qgis_auth_manager.removeAuthenticationConfig(auth_id)
