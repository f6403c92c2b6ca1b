"""Run inside QGIS desktop (qgis --code): load the sample data, open the Data Terra menu,
dock, toolbox, study wizards, OGC browser and DINAMIS search, then save screenshots and
quit. Used by scripts/screenshots.sh.

Every screenshot is of a real state: the connectivity study really runs on the Clermontais
land cover, the OGC browser talks to a qgis_mapserver on 127.0.0.1 serving the sample data,
and the DINAMIS search asks a loopback server replaying the answers of tests/data/dinamis
(their shape follows the real APIs, their values are constructed: see its README).
"""
import copy
import json
import os
import sys
import tempfile
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from qgis.PyQt.QtCore import QDate, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.core import QgsProject, QgsRectangle, QgsVectorLayer
from qgis.utils import iface, plugins

OUT = Path(os.environ["DATATERRA_SCREENSHOTS"])
SAMPLE = Path(os.environ["DATATERRA_SAMPLE"])
REPO = SAMPLE.parent.parent  # sample_data/clermontais is in the checkout
CLC = SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg"
COMMUNES = SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp"
FRAGSCAPE_PROJECT = REPO / "tests" / "data" / "fragscape" / "projects" / "EPCI_Clermontais_2012_CBC.xml"
WORK = Path(tempfile.mkdtemp(prefix="dataterra_shots_"))
state = {}


def load_sample():
    from dataterra.dataterra_plugin.styles import landcover_vector_renderer

    clc = QgsVectorLayer(str(SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg"), "Corine Land Cover 2012", "ogr")
    clc.setRenderer(landcover_vector_renderer("CODE_12", "clc", code_as_text=True))
    communes = QgsVectorLayer(str(SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp"), "Communes", "ogr")
    communes.renderer().symbol().symbolLayer(0).setBrushStyle(0)
    QgsProject.instance().addMapLayers([clc, communes])
    iface.mapCanvas().setExtent(communes.extent())


SUFFIX = os.environ.get("DATATERRA_SHOT_SUFFIX", "")  # "" for English, ".fr" for French
# a partial run: the step to start from (a function below) and the last screenshot to take
START = os.environ.get("DATATERRA_SHOT_START") or "step_toolbox"
LAST = os.environ.get("DATATERRA_SHOT_LAST", "")


def save_png(image, name):
    """Save as PNG, ``name`` with the language suffix (connectivity_wizard.fr.png); scripts/
    screenshots.sh brings the large ones under 400 KB afterwards."""
    image.save(str(OUT / name.replace(".png", SUFFIX + ".png")))
    if name == LAST:  # a partial run (DATATERRA_SHOT_START / DATATERRA_SHOT_LAST) ends here
        QTimer.singleShot(0, finish)


def focus_on_map(width=1500, height=940):
    """A roomy window for the study shots: no Browser nor Processing toolbox, a wide Layers panel."""
    main = iface.mainWindow()
    main.resize(width, height)
    for name in ("Browser", "ProcessingToolbox"):
        dock = main.findChild(QDockWidget, name)
        if dock is not None:
            dock.hide()
    layers = main.findChild(QDockWidget, "Layers")
    if layers is not None:
        main.resizeDocks([layers], [330], Qt.Horizontal)


def grab(name, *windows):
    """The main window with ``windows`` (dialogs) painted where they are on screen."""
    iface.statusBarIface().clearMessage()  # no message left from an earlier step
    QApplication.processEvents()
    canvas = iface.mapCanvas()
    print(f"{name}: canvas {canvas.width()}x{canvas.height()}, extent {canvas.extent().toString(0)}, "
          f"drawing {canvas.isDrawing()}", flush=True)
    main = iface.mainWindow()
    pixmap = main.grab()
    if windows:
        painter = QPainter(pixmap)
        for window in windows:
            painter.drawPixmap(window.mapToGlobal(QPoint(0, 0)) - main.mapToGlobal(QPoint(0, 0)), window.grab())
        painter.end()
    save_png(pixmap, name)


def legend_on(*shown):
    """Legends of ``shown`` layers expanded (and their groups), every other node collapsed."""
    view = iface.layerTreeView()
    view.collapseAllNodes()
    root = view.layerTreeModel().rootGroup()
    for layer in shown:
        node = root.findLayer(layer.id()) if layer is not None else None
        while node is not None and node is not root:
            node.setExpanded(True)
            node = node.parent()


def wait_until(condition, then, timeout_ms=120000, step_ms=250):
    """Call ``then`` once ``condition()`` holds (or after timeout_ms, so a failure still ends)."""
    def poll(left):
        if condition() or left <= 0:
            then()
        else:
            QTimer.singleShot(step_ms, lambda: poll(left - step_ms))
    poll(timeout_ms)


def zoom_to(*layers, beside=None, margin=0.04):
    """The map on ``layers`` with a margin, centred in the part of the canvas left of the
    dialog ``beside`` (placed over the map's lower right), not under it; nothing to do
    without a layer."""
    layers = [layer for layer in layers if layer is not None]
    if not layers:
        return
    canvas = iface.mapCanvas()
    extent = QgsRectangle()
    for layer in layers:
        extent.combineExtentWith(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
    extent = extent.buffered(margin * max(extent.width(), extent.height()))
    width, height = canvas.width(), canvas.height()
    free = width
    if beside is not None and beside.isVisible():
        place(beside, beside.width(), beside.height())  # again, on the canvas's final geometry
        free = max(width // 3, beside.mapToGlobal(QPoint(0, 0)).x() - canvas.mapToGlobal(QPoint(0, 0)).x())
    per_pixel = max(extent.width() / free, extent.height() / height)
    left = extent.center().x() - free / 2 * per_pixel
    top = extent.center().y() + height / 2 * per_pixel
    canvas.setExtent(QgsRectangle(left, top - height * per_pixel, left + width * per_pixel, top))


def zoom_to_communes(beside=None):
    """The whole Clermontais in view (after a resize of the window, once the canvas has its size)."""
    zoom_to(QgsProject.instance().mapLayersByName("Communes")[0], beside=beside)


def place(dialog, width, height):
    """Put a dialog over the lower right of the map canvas, inside the main window."""
    canvas = iface.mapCanvas()
    corner = canvas.mapToGlobal(QPoint(canvas.width(), canvas.height()))
    origin = iface.mainWindow().mapToGlobal(QPoint(0, 0))
    dialog.resize(width, height)
    dialog.move(max(origin.x() + 20, corner.x() - width - 10), max(origin.y() + 20, corner.y() - height - 10))


def step_toolbox():
    plugin = plugins["dataterra"]
    plugin.show_toolbox_group("fragmentation")
    QTimer.singleShot(1500, step_dock)


def show_catalog_dock(shown):
    plugin = plugins["dataterra"]
    if plugin.catalog_dock is None:
        plugin.toggle_catalog_dock()
    plugin.catalog_dock.setHidden(not shown)


def step_dock():
    grab("qgis_toolbox_fragmentation.png")
    toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if toolbox is not None:
        toolbox.searchBox.setText("")
    show_catalog_dock(True)
    QTimer.singleShot(1000, lambda: guarded(catalog_search))


def catalog_search():
    """A STAC search over the map extent, against the replay of tests/data/dinamis (SPOT 6/7
    items over the Clermontais) given as "Other catalogue (URL)"."""
    from dataterra.dataterra_plugin.catalog.dock import CUSTOM_URL

    dock = plugins["dataterra"].catalog_dock
    focus_on_map()
    layers = iface.mainWindow().findChild(QDockWidget, "Layers")
    iface.mainWindow().resizeDocks([layers, dock], [260, 560], Qt.Horizontal)
    state["replay_url"] = state.get("replay_url") or start_replay_server()
    dock.hub_combo.setCurrentIndex(dock.hub_combo.findData(CUSTOM_URL))
    dock.url_edit.setText(state["replay_url"])
    dock.protocol_combo.setCurrentText("STAC")
    zoom_to_communes()
    dock.search()
    wait_until(lambda: dock.task is None,
               lambda: QTimer.singleShot(2000, lambda: catalog_shot(dock)), timeout_ms=30000)


def catalog_shot(dock):
    footprints = [dock.layer] if dock.layer is not None and QgsProject.instance().mapLayer(dock.layer.id()) else []
    legend_on(*footprints)
    if footprints:
        iface.setActiveLayer(footprints[0])
    if dock.results.count():
        dock.results.setCurrentRow(0)
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("qgis_catalog_dock.png"), step_wizard()),
                                               zoom=lambda: zoom_to(*footprints[:1])))


def step_wizard():
    guarded(catalogues_shot)
    clear_results()  # the footprints of the catalogue search are not part of the studies
    plugin = plugins["dataterra"]
    plugin.open_fragmentation_wizard()
    wizard = plugin.dialogs["fragmentation"]
    wizard.resize(900, 560)
    wizard.open_fragscape_project(str(fragscape_project()))
    QTimer.singleShot(800, lambda: (save_png(wizard.grab(), "fragmentation_fragscape.png"),
                                    fragmentation_config(wizard)))


def fragscape_project():
    """FragScape's Clermontais project, placed as in FragScape's sample data: its layers are
    "../Source/CLC/…", so a Source folder beside it points to the sample data."""
    import shutil

    folder = WORK / "FragScape" / "CBC"
    folder.mkdir(parents=True)
    (WORK / "FragScape" / "Source").symlink_to(SAMPLE)
    return Path(shutil.copy(FRAGSCAPE_PROJECT, folder))


def catalogues_shot():
    """The "My catalogues…" dialog of the catalogue dock, with one catalogue of the user's."""
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog

    dock = plugins["dataterra"].catalog_dock
    dialog = CataloguesDialog(dock, path=str(WORK / "my_catalogues.json"))
    add_user_catalogue(dialog)
    dialog.show()
    QApplication.processEvents()
    save_png(dialog.grab(), "catalog_catalogues.png")
    dialog.close()


def add_user_catalogue(dialog):
    """Fill the form of Add… as a user would and accept it (a catalogue of the user's own)."""
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CatalogueForm

    form = CatalogueForm(parent=dialog)
    form.title.setText("Observatoire du Clermontais (GeoNetwork)")
    form.protocol.setCurrentText("CSW")
    form.endpoint.setText("https://geo.example.org/geonetwork/srv/fre/csw")
    form.accept()
    dialog.add(form)


def fragmentation_config(wizard):
    wizard.apply_config({
        "landcover": str(SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg"), "class_field": "CODE_12",
        "preset": "clc", "classes": "", "study_area": "",
        "barriers": [{"source": str(SAMPLE / "BDROUTE" / "bdroute_troncon_route_20121123_herault_clipped.gpkg"),
                      "filter": "\"ETAT\" = 'Revêtu'",
                      "buffer": "CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 ELSE 7.5 END"}],
        "reporting": str(SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp"), "grid_size": 0, "method": "CBC",
        "mode": "vector", "resolution": 10, "output_dir": str(WORK / "fragmentation")})
    wizard.next()
    QTimer.singleShot(1000, lambda: (save_png(wizard.grab(), "fragmentation_wizard.png"),
                                     guarded(fragmentation_run, wizard)))


def fragmentation_run(wizard):
    """The study on the Clermontais, then its effective mesh size per commune on the map."""
    while wizard.currentPage() is not wizard.run_page:
        wizard.next()
    wizard.run_study()
    wait_until(lambda: getattr(wizard, "result_layer", None) is not None
               or (wizard.chain is not None and not wizard.chain.running),
               lambda: fragmentation_result(wizard), timeout_ms=400000)


def fragmentation_result(wizard):
    show_catalog_dock(False)  # the map is the subject
    focus_on_map()
    result = getattr(wizard, "result_layer", None)
    project = QgsProject.instance()  # the layers the FragScape project opened: inputs, not results
    project.removeMapLayers([lid for lid, layer in project.mapLayers().items()
                             if layer is not result and layer.name() not in ("Corine Land Cover 2012", "Communes")])
    root = iface.layerTreeView().layerTreeModel().rootGroup()
    for layer in project.mapLayers().values():
        node = root.findLayer(layer.id())
        if node is not None and layer is not result:
            node.setItemVisibilityChecked(layer.name() == "Communes")
    legend_on(result)
    place(wizard, 600, 330)
    log = wizard.run_page.log
    log.verticalScrollBar().setValue(log.verticalScrollBar().maximum())
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("fragmentation_result.png", wizard), wizard.hide(),
                                                        step_connectivity()),
                                               zoom=lambda: zoom_to_communes(beside=wizard)))


# ---- connectivity study: the wizard over the map, then its results --------------------

CONNECTIVITY = {
    "subnetwork": "Clermontais forest", "landcover": str(CLC), "class_field": "CODE_12", "nomenclature": "clc",
    "groups": ["forest"], "classes": {"forest": "311-313, 324"}, "min_area_ha": 5, "resolution": 25,
    "max_cost": 10000, "knight_move": True, "distance_50": 2500, "max_link": 20000,
    "output_dir": str(WORK / "connectivity")}


def step_connectivity():
    plugin = plugins["dataterra"]
    show_catalog_dock(False)
    clear_results()  # the fragmentation study's layers are not part of this one
    focus_on_map()
    plugin.open_connectivity_wizard()
    wizard = plugin.dialogs["connectivity"]
    wizard.apply_config(CONNECTIVITY)
    place(wizard, 760, 560)
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("connectivity_wizard.png", wizard),
                                                        connectivity_run(wizard)),
                                               zoom=lambda: zoom_to_communes(beside=wizard)))


def connectivity_run(wizard):
    wizard.next()
    wizard.next()  # the run page, whose log shows the indices at the end
    wizard.run_study()
    wait_until(lambda: getattr(wizard, "result_layers", None) is not None
               or (wizard.chain is not None and not wizard.chain.running),
               lambda: connectivity_result(wizard), timeout_ms=400000)


def connectivity_result(wizard):
    import processing
    layers = getattr(wizard, "result_layers", {}).get("forest")
    if not layers:
        print("connectivity study did not finish:", wizard.run_page.log.toPlainText())
        return step_ogc()
    dispersal, nodes, edges = layers
    dispersal.setOpacity(0.85)  # the wizard styles it as a colour ramp
    folder = Path(CONNECTIVITY["output_dir"])
    # least-cost paths between neighbouring patches, the toolbox algorithm BioDispersal users run next
    corridors = processing.run("dataterra:least_cost_corridors", {
        "PATCHES": str(folder / "patches_forest.tif"), "FRICTION": str(folder / "friction_forest.tif"),
        "MAX_COST": CONNECTIVITY["max_cost"], "PAIRS": "",
        "OUTPUT_PATHS": str(folder / "least_cost_paths.gpkg"), "OUTPUT_CORRIDORS": str(folder / "corridors.tif")})
    paths = QgsVectorLayer(corridors["OUTPUT_PATHS"], "Least-cost paths (forest)", "ogr")
    symbol = paths.renderer().symbol()
    symbol.setColor(QColor("#1a1a1a"))
    symbol.setWidth(0.5)
    QgsProject.instance().addMapLayer(paths)
    for layer in QgsProject.instance().mapLayersByName("Corine Land Cover 2012"):
        iface.layerTreeView().layerTreeModel().rootGroup().findLayer(layer.id()).setItemVisibilityChecked(False)
    place(wizard, 600, 330)  # the run page and its log (IIC, PC, ECA) stay in view
    log = wizard.run_page.log
    log.verticalScrollBar().setValue(log.verticalScrollBar().maximum())
    for layer in QgsProject.instance().mapLayersByName("Corine Land Cover 2012"):
        iface.layerTreeView().layerTreeModel().rootGroup().findLayer(layer.id()).setExpanded(False)
    QTimer.singleShot(2500, lambda: when_drawn(lambda: (grab("connectivity_result.png", wizard), wizard.hide(),
                                                        step_ogc()),
                                               zoom=lambda: zoom_to_communes(beside=wizard)))


def when_drawn(then, zoom=None):
    """Once the docks and dialogs have settled: ``zoom`` (on the canvas's final size), a new
    render, and ``then`` when that render is on screen (under load a render takes seconds,
    and until then the canvas shows the previous image, shifted)."""
    QApplication.processEvents()
    canvas = iface.mapCanvas()
    if zoom is not None:
        zoom()
    rendered = []

    def finished():
        rendered.append(True)
        canvas.mapCanvasRefreshed.disconnect(finished)

    canvas.mapCanvasRefreshed.connect(finished)
    canvas.refresh()  # not refreshAllLayers: reloading the footprints' memory layer drops their selection
    wait_until(lambda: rendered and not canvas.isDrawing(), lambda: QTimer.singleShot(800, then), timeout_ms=90000)


# ---- OGC browser on a qgis_mapserver serving the sample data on 127.0.0.1 --------------

def step_ogc():
    from dataterra.demo.ogc_loopback import LoopbackServer, build_project
    from dataterra.dataterra_plugin.styles import landcover_vector_renderer
    from qgis.core import QgsProject as Project

    clear_results()
    project_path = build_project(WORK / "server.qgs", {}, {"clc_2012": CLC, "communes": COMMUNES})
    served = Project()
    served.read(str(project_path))
    for layer in served.mapLayers().values():  # the server renders the sample with its styles
        if layer.name() == "clc_2012":
            layer.setRenderer(landcover_vector_renderer("CODE_12", "clc", code_as_text=True))
            layer.setTitle("Corine Land Cover 2012, Clermontais")
        else:
            layer.renderer().symbol().symbolLayer(0).setBrushStyle(0)
            layer.setTitle("Communes of the Clermontais")
    served.write(str(project_path))
    server = state["ogc_server"] = LoopbackServer(project_path, log_path=WORK / "server.log").start()
    plugin = plugins["dataterra"]
    plugin.open_ogc_browser()
    dialog = plugin.dialogs["ogc"]
    dialog.url_combo.setCurrentText(server.url)
    dialog.type_combo.setCurrentText("WMS")
    place(dialog, 820, 480)
    dialog.contents_tree.setColumnWidth(0, 230)
    dialog.load_capabilities()
    wait_until(lambda: dialog.tree is not None, lambda: ogc_add(dialog), timeout_ms=60000)


def ogc_add(dialog):
    if dialog.tree is None:
        print("OGC capabilities not loaded:", dialog.status.text())
        return step_dinamis()
    dialog.select("clc_2012")
    dialog.add_selected_layer()
    for layer in QgsProject.instance().mapLayersByName("Corine Land Cover 2012"):  # only the WMS layer is drawn
        iface.layerTreeView().layerTreeModel().rootGroup().findLayer(layer.id()).setItemVisibilityChecked(False)
    legend_on(*[layer for layer in QgsProject.instance().mapLayers().values() if layer.providerType() == "wms"])
    QTimer.singleShot(2000, lambda: when_drawn(lambda: (grab("ogc_browser.png", dialog), dialog.hide(),
                                                        step_dinamis()),
                                               zoom=lambda: zoom_to_communes(beside=dialog)))


def clear_results():
    """Back to the sample alone: the layers of earlier shots (results, footprints of the
    catalogue and DINAMIS searches) removed, no selection message left in the status bar."""
    project = QgsProject.instance()
    keep = {"Corine Land Cover 2012", "Communes"}
    project.removeMapLayers([lid for lid, layer in project.mapLayers().items() if layer.name() not in keep])
    root = iface.layerTreeView().layerTreeModel().rootGroup()
    for group in root.findGroups():
        if not group.findLayers():
            root.removeChildNode(group)
    for layer in project.mapLayers().values():
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(True)
    iface.statusBarIface().clearMessage()  # last: removing a layer may post one


# ---- DINAMIS search tab, against a loopback server replaying tests/data/dinamis ---------

DINAMIS_DATA = REPO / "tests" / "data" / "dinamis"


def start_replay_server():
    """STAC /search (two pages) and OpenSPOT /api/geo/{year}_{mode}, as recorded in
    tests/data/dinamis; anything else is a 404 (no quicklooks: none were recorded)."""
    class Handler(BaseHTTPRequestHandler):
        def _serve(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = urlsplit(self.path).path
            name = None
            if path == "/search":
                token = json.loads(body or b"{}").get("token")
                name = "stac_spot67_page2.json" if token == "next:3" else "stac_spot67_page1.json"
            elif path.startswith("/api/geo/"):
                name = f"openspot_{path.rsplit('/', 1)[1]}.json"
            if name and (DINAMIS_DATA / name).exists():
                payload = (DINAMIS_DATA / name).read_text(encoding="utf-8").replace("{base}", url).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/geo+json")
            else:
                payload = b"not recorded"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _serve  # noqa: N815

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return url


def step_dinamis():
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile

    clear_results()
    url = state.get("replay_url") or start_replay_server()
    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    plugin = plugins["dataterra"]
    plugin.open_dinamis_dock()
    dock = plugin.dinamis_dock
    rules = copy.deepcopy(dock.rules)
    for source in rules["search_sources"]:
        source["endpoint"] = url + ("/search" if source["protocol"] == "STAC" else "")
        if source["protocol"] == "OpenSPOT":
            source["options"] = {"modes": ["MS", "PAN"], "last_year": 2022}
    dock.rules = rules
    dock.tabs.setCurrentWidget(dock.search_tab)
    layers = iface.mainWindow().findChild(QDockWidget, "Layers")
    iface.mainWindow().resizeDocks([layers, dock], [260, 600], Qt.Horizontal)
    tab = dock.search_tab
    tab.start.setDate(QDate(2021, 1, 1))
    tab.end.setDate(QDate(2022, 12, 31))
    tab.max_cloud.setValue(30)
    tab.max_incidence.setValue(20)
    outcomes = []
    tab.searchFinished.connect(outcomes.append)
    if tab.search() is None:
        print("DINAMIS search refused:", tab.message.text())
        return finish()
    wait_until(lambda: outcomes, lambda: dinamis_shot(tab), timeout_ms=60000)


def dinamis_shot(tab):
    layer = QgsProject.instance().mapLayer(tab.layer_id)
    if layer is not None:  # outlines, so the land cover under the footprints stays visible
        outline = layer.renderer().symbol().symbolLayer(0)
        outline.setBrushStyle(0)  # Qt.NoBrush
        outline.setStrokeColor(QColor("#6a006a"))
        outline.setStrokeWidth(0.6)
        iface.setActiveLayer(layer)
    tab.table.selectRow(0)
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("dinamis_search.png"), guarded(step_orders, tab.dock)),
                                               zoom=lambda: zoom_to(layer)))


# ---- DINAMIS order book, against the reference ordering server on 127.0.0.1 -------------

ORDER_TOKEN = "screenshots-only-token"


def basic_auth_config():
    """A Basic authentication configuration whose password is the server's token (the
    temporary profile's master password is set here, so QGIS asks nothing)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword("screenshots-only", True):
        return ""
    config = QgsAuthMethodConfig("Basic")
    config.setName("DINAMIS reference server")
    config.setConfig("username", "clermontais")
    config.setConfig("password", ORDER_TOKEN)
    return config.id() if manager.storeAuthenticationConfig(config)[0] else ""


def guarded(step, *args):
    """Run a step; on any error print it and quit (a screenshot missing, not QGIS left hanging)."""
    try:
        step(*args)
    except Exception as exc:  # noqa: BLE001 - the script must end whatever happened
        print("screenshot step failed:", step.__name__, repr(exc))
        finish()


def step_orders(dock):
    """Four orders on the Clermontais EPCI at different stages: one delivered (its product
    loaded), one in production, one accepted, one cancelled."""
    from dataterra.demo.dinamis_reference_server import ReferenceServer
    from dataterra.dataterra_plugin.dinamis.settings import save_server_settings

    clear_results()
    server = state["order_server"] = ReferenceServer(WORK / "orders.sqlite", token=ORDER_TOKEN).start()
    save_server_settings(server.base_url, basic_auth_config())
    epci = QgsVectorLayer(str(SAMPLE / "ZoneEtude" / "EPCIClermontais.gpkg"), "EPCI du Clermontais", "ogr")
    QgsProject.instance().addMapLayer(epci)
    iface.setActiveLayer(epci)
    dock.tabs.setCurrentIndex(0)
    dock.purpose.setText("vineyard and garrigue mapping")
    dock.project.setText("Clermontais landscape observatory")
    dock.aoi_from_selection()

    def submit(product_id):
        dock.product.setCurrentIndex(dock.product.findData(product_id))
        return dock.submit(wait=True)

    submit("pleiades_archive")
    dock.refresh(wait=True)
    submit("spot67_archive")
    dock.refresh(wait=True)
    dock.refresh(wait=True)  # pleiades_archive delivered, spot67_archive in production
    submit("pleiades_tasking")
    dock.refresh(wait=True)  # pleiades_tasking accepted
    submit("spot67_tasking")
    dock.table.selectRow(dock.table.rowCount() - 1)
    QTimer.singleShot(500, confirm_question)  # the dock asks before cancelling an order
    dock.cancel_selected(wait=True)
    from dataterra.dataterra_plugin.dinamis.ui import status_label

    delivered = next(r for r in range(dock.table.rowCount())
                     if dock.table.item(r, 2).text() == status_label("delivered"))  # "Livrée" in French
    dock.deliver(int(dock.table.item(delivered, 0).text()), wait=True)
    dock.show_footprints()
    QTimer.singleShot(5000, lambda: guarded(orders_shot, dock, epci))


def confirm_question():
    """Answer Yes to the question box the dock shows (cancelling an order)."""
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.button(QMessageBox.Yes).click()
    else:
        QTimer.singleShot(250, confirm_question)


def orders_shot(dock, epci):
    dock.fill_table()
    dock.table.resizeColumnsToContents()
    dock.table.selectRow(0)
    root = iface.layerTreeView().layerTreeModel().rootGroup()
    for layer in QgsProject.instance().mapLayersByName("Corine Land Cover 2012"):
        root.findLayer(layer.id()).setItemVisibilityChecked(False)
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("dinamis_orders.png"), guarded(profile_shot, dock)),
                                               zoom=lambda: iface.mapCanvas().setExtent(epci.extent().buffered(3000))))


def profile_shot(dock):
    """The DINAMIS profile dialog (who you are, what you may obtain and why)."""
    from dataterra.dataterra_plugin.dinamis.ui import ProfileDialog

    dialog = ProfileDialog(dock)
    dialog.resize(620, 640)
    dialog.show()
    QTimer.singleShot(800, lambda: (save_png(dialog.grab(), "dinamis_profile.png"), dialog.close(),
                                    dock.hide(), guarded(step_forest)))


# ---- forest health study on the synthetic THEIA series of the fordead reference -------------

FORDEAD_SERIES = Path("/work/shared/data/fordead/series/study_area")


def theia_series():
    """The THEIA products folder: the shared series if present, else rewritten from tests/data."""
    if FORDEAD_SERIES.is_dir():
        return FORDEAD_SERIES
    import numpy as np

    from dataterra.foresthealth.core.synthetic import write_theia_series

    folder = WORK / "theia_series"
    data = np.load(REPO / "tests" / "data" / "foresthealth" / "series.npz")
    write_theia_series(folder, list(data["names"]), data["bands10"], data["bands20"], data["clm"],
                       data["geotransform"], int(data["epsg"]))
    return folder


def step_forest():
    clear_results()
    plugin = plugins["dataterra"]
    plugin.open_forest_wizard()
    wizard = plugin.dialogs["foresthealth"]
    wizard.apply_config({"products": str(theia_series()), "output_dir": str(WORK / "forest"), "mask": "none"})
    place(wizard, 760, 520)
    wizard.next()  # the products page
    QTimer.singleShot(1500, lambda: (grab("forest_wizard.png", wizard), guarded(forest_run, wizard)))


def forest_run(wizard):
    while wizard.currentPage() is not wizard.run_page:
        wizard.next()
    wizard.run_study()
    wait_until(lambda: wizard.result_layers or (wizard.chain is not None and not wizard.chain.running),
               lambda: guarded(forest_result, wizard), timeout_ms=400000)


def forest_result(wizard):
    root = iface.layerTreeView().layerTreeModel().rootGroup()
    for name in ("Corine Land Cover 2012", "Communes"):
        for layer in QgsProject.instance().mapLayersByName(name):
            root.findLayer(layer.id()).setItemVisibilityChecked(False)
    layers = [layer for layer in wizard.result_layers.values() if layer is not None]
    legend_on(*layers)
    if not layers:
        print("forest study did not finish:", wizard.run_page.log.toPlainText())
    place(wizard, 560, 330)
    log = wizard.run_page.log
    log.verticalScrollBar().setValue(log.verticalScrollBar().maximum())
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab("forest_result.png", wizard), wizard.hide(),
                                                        guarded(step_biodiv)),
                                               zoom=lambda: zoom_to(*layers, beside=wizard)))


# ---- spectral species and alpha diversity from the toolbox, on the demo's synthetic scene ----

def step_biodiv():
    """Spectral species (styled one colour per species by the plugin's post-processor) of the
    synthetic Sentinel-2-like scene of demo/step_40_biodivmap.py, smaller (200 × 200 pixels)."""
    import processing

    from dataterra.biodivmap.core.synthetic import write_synthetic_scene

    clear_results()
    scene = WORK / "synthetic_sentinel2.tif"
    write_synthetic_scene(scene, 200, 200, seed=2026, richness=(1, 3, 6, 12), n_signatures=12)
    species = processing.runAndLoadResults("dataterra:spectral_species", {
        "INPUT": str(scene), "SENSOR": 2, "N_CLUSTERS": 12, "N_ITER": 1, "COMPONENTS": 4, "SEED": 1,
        "CLUSTERING": 1, "PCA_TYPE": 1, "OUTPUT": str(WORK / "spectral_species.tif"),
        "OUTPUT_PCA": str(WORK / "pca.tif"), "OUTPUT_MASK": str(WORK / "mask.tif"),
        "OUTPUT_MODEL": str(WORK / "spectral_model.npz")})
    processing.runAndLoadResults("dataterra:alpha_diversity", {
        "INPUT": species["OUTPUT"], "WINDOW": 10, "OUTPUT": str(WORK / "alpha_diversity.tif")})
    QTimer.singleShot(3000, lambda: biodiv_shot("spectral_species.tif", "biodivmap_result.png",
                                                 lambda: biodiv_shot("alpha_diversity.tif", "biodivmap_alpha.png",
                                                                     finish)))


def biodiv_shot(file_name, shot, then):
    """Only the output written to ``file_name`` shown, its legend open, the map on it."""
    root = iface.layerTreeView().layerTreeModel().rootGroup()
    shown = None
    for layer in QgsProject.instance().mapLayers().values():
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(layer.source().endswith(file_name))
            shown = layer if layer.source().endswith(file_name) else shown
    legend_on(shown)
    QTimer.singleShot(1500, lambda: when_drawn(lambda: (grab(shot), then()), zoom=lambda: zoom_to(shown)))


def finish():
    for name in ("ogc_server", "order_server"):
        if state.get(name) is not None:
            state[name].stop()
    QgsProject.instance().setDirty(False)
    os._exit(0)


def print_exception(kind, value, trace):
    """An error in a step goes to the log: QGIS's error dialog would wait for a click forever."""
    traceback.print_exception(kind, value, trace)
    sys.stdout.flush()


def start():
    if START != "step_toolbox":
        focus_on_map()  # the window as the steps before would have left it
    globals()[START]()


sys.excepthook = print_exception
load_sample()
QTimer.singleShot(3000, start)
