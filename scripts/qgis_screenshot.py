"""Run inside QGIS desktop (qgis --code): load the sample data, open the Data Terra menu,
dock and toolbox, then save screenshots and quit. Used by scripts/screenshots.sh."""
import os
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.core import QgsProject, QgsVectorLayer
from qgis.utils import iface, plugins

OUT = Path(os.environ["DATATERRA_SCREENSHOTS"])
SAMPLE = Path(os.environ["DATATERRA_SAMPLE"])


def load_sample():
    from dataterra.dataterra_plugin.styles import landcover_vector_renderer

    clc = QgsVectorLayer(str(SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg"), "Corine Land Cover 2012", "ogr")
    clc.setRenderer(landcover_vector_renderer("CODE_12", "clc", code_as_text=True))
    communes = QgsVectorLayer(str(SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp"), "Communes", "ogr")
    communes.renderer().symbol().symbolLayer(0).setBrushStyle(0)
    QgsProject.instance().addMapLayers([clc, communes])
    iface.mapCanvas().setExtent(communes.extent())


def grab(name):
    QApplication.processEvents()
    iface.mainWindow().grab().save(str(OUT / name))


def step_toolbox():
    plugin = plugins["dataterra"]
    plugin.show_toolbox_group("fragmentation")
    QTimer.singleShot(1500, step_dock)


def step_dock():
    grab("qgis_toolbox_fragmentation.png")
    toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if toolbox is not None:
        toolbox.searchBox.setText("")
    plugins["dataterra"].toggle_catalog_dock()
    QTimer.singleShot(2500, step_wizard)


def step_wizard():
    grab("qgis_catalog_dock.png")
    plugin = plugins["dataterra"]
    plugin.open_fragmentation_wizard()
    wizard = plugin.dialogs["fragmentation"]
    wizard.apply_config({
        "landcover": str(SAMPLE / "CLC" / "CLC12_D034_RGF_clipped.gpkg"), "class_field": "CODE_12",
        "preset": "clc", "classes": "", "study_area": "",
        "barriers": [{"source": str(SAMPLE / "BDROUTE" / "bdroute_troncon_route_20121123_herault_clipped.gpkg"),
                      "filter": "\"ETAT\" = 'Revêtu'",
                      "buffer": "CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 ELSE 7.5 END"}],
        "reporting": str(SAMPLE / "ZoneEtude" / "EPCIClermontaisCommunes.shp"), "grid_size": 0, "method": "CBC",
        "mode": "vector", "resolution": 10, "output_dir": "/tmp/fragmentation"})
    wizard.resize(900, 560)
    wizard.next()
    QTimer.singleShot(1000, lambda: (wizard.grab().save(str(OUT / "fragmentation_wizard.png")), finish()))


def finish():
    QgsProject.instance().setDirty(False)
    os._exit(0)


load_sample()
QTimer.singleShot(3000, step_toolbox)
