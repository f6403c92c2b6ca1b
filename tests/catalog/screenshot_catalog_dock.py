"""Makes docs/catalog_dock.png: the dock after a search by a polygon drawn on the map, with
footprints, the selected record and its metadata. Not collected by the suite (no test_
prefix); run it explicitly under Xvfb or offscreen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/catalog/screenshot_catalog_dock.py -q
"""
from pathlib import Path

from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qtwait import wait_until

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "catalog_dock.png"
WORLD = "/usr/share/qgis/resources/data/world_map.gpkg|layername=countries"


def test_screenshot(qgis_app, pycsw_server, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsVectorLayer
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtGui import QColor
    from qgis.PyQt.QtWidgets import QMainWindow

    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    window = QMainWindow()
    window.resize(1500, 900)
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    canvas.setCanvasColor(QColor(235, 242, 250))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    dock = CatalogDock(None, window, canvas=canvas)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [520], Qt.Horizontal)
    window.show()
    QTest.qWait(200)
    world = QgsVectorLayer(WORLD, "Countries", "ogr")
    world.renderer().symbol().setColor(QColor(250, 248, 240))
    QgsProject.instance().addMapLayer(world)
    canvas.setLayers([world])
    canvas.setExtent(QgsRectangle(-150000, 6000000, 1350000, 7150000))  # France, Lambert-93
    QTest.qWait(200)

    dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)
    dock.url_edit.setText(pycsw_server.url)
    dock.protocol_combo.setCurrentText("CSW")
    dock.max_spin.setValue(300)
    dock.loader.cache_dir = str(tmp_path)
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("polygon"))
    size = canvas.viewport().size()
    pentagon = [(0.30, 0.30), (0.62, 0.22), (0.75, 0.55), (0.52, 0.80), (0.25, 0.62)]
    for fx, fy in pentagon[:-1]:
        QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                         QPoint(int(fx * size.width()), int(fy * size.height())))
    fx, fy = pentagon[-1]
    QTest.mouseDClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                      QPoint(int(fx * size.width()), int(fy * size.height())))
    assert dock.drawn_area is not None
    dock.search()
    assert wait_until(lambda: dock.task is None, 60), dock.status.text()
    canvas.setLayers([dock.layer, world])
    dock.results.item(4).setSelected(True)
    canvas.refresh()
    canvas.waitWhileRendering()
    QTest.qWait(500)
    canvas.waitWhileRendering()
    assert window.grab().save(str(OUTPUT))
    print(f"{len(dock.records)} records, saved {OUTPUT}")
    QgsProject.instance().removeMapLayer(dock.layer.id())
    QgsProject.instance().removeMapLayer(world.id())
    window.close()
