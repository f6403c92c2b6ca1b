"""Catalogue docks the tests open: each is closed after its test (tests/catalog/conftest.py),
whatever the test asserted, so no search, quicklook or layer outlives it."""
from qtwait import wait_until

DOCKS = []


def close_docks():
    """Shut every open dock down as the plugin's unload does, and take its layers off the map."""
    from qgis.core import QgsProject
    from qgis.PyQt import sip

    while DOCKS:
        dock = DOCKS.pop()
        if sip.isdeleted(dock):  # the test deleted it itself
            continue
        dock.shutdown()
        wait_until(lambda dock=dock: dock.task is None, 5)
        dock.map_quicklooks.setChecked(False)
        if dock.layer is not None and QgsProject.instance().mapLayer(dock.layer.id()) is not None:
            QgsProject.instance().removeMapLayer(dock.layer.id())
        dock.deleteLater()
