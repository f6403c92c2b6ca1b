"""Unloading the plugin while its tasks run (issue 14, item 9): a catalogue search and an
OGC capabilities request stalled on a loopback server, the plugin unloaded, the server
released: the finished-task slots must not touch the deleted widgets ("wrapped C/C++
object of type QPushButton has been deleted")."""
import threading

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qtwait import wait_until
from replay_http import ReplayServer
from slot_errors import SlotErrors

from dataterra import classFactory

PAGE = b'{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a", "properties": {}}]}'


class StalledServer(ReplayServer):
    """Holds every request until ``release`` is set, then answers a one-record STAC page."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def answer(self, request):
        self.release.wait(30)
        return 200, {"Content-Type": "application/geo+json"}, PAGE


@pytest.fixture
def stalled():
    server = StalledServer()
    yield server
    server.release.set()
    server.close()


@pytest.fixture
def plugin(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("dataterra") is not None:
        registry.removeProvider(registry.providerById("dataterra"))
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    return plugin


def flush_deletions():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def unload_while_waiting(plugin, server, task_done):
    """Unload once the request reached the server, then let it answer and the task end."""
    assert wait_until(lambda: server.requests, 10), "the request never reached the server"
    plugin.unload()
    flush_deletions()
    server.release.set()
    assert wait_until(task_done, 20), "the task did not end"
    for _ in range(20):  # let the finished signals be delivered
        flush_deletions()


def test_unload_during_a_catalogue_search(plugin, stalled, tmp_path):
    plugin.toggle_catalog_dock()
    dock = plugin.catalog_dock
    dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)  # other catalogue (URL)
    dock.url_edit.setText(stalled.url + "/stac")
    dock.protocol_combo.setCurrentText("STAC")
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
    dock.loader.cache_dir = str(tmp_path)
    manager = QgsApplication.taskManager()
    with SlotErrors() as caught:
        task = dock.search()
        assert task is not None
        unload_while_waiting(plugin, stalled, lambda: manager.countActiveTasks() == 0)
    assert caught.errors == []


def test_unload_during_an_ogc_capabilities_request(plugin, stalled):
    plugin.open_ogc_browser()
    dialog = next(iter(plugin.dialogs.values()))
    dialog.url_combo.setEditText(stalled.url + "/wms")
    manager = QgsApplication.taskManager()
    with SlotErrors() as caught:
        dialog.load_capabilities()
        unload_while_waiting(plugin, stalled, lambda: manager.countActiveTasks() == 0)
    assert caught.errors == []
