"""The DINAMIS dock deleted (plugin unload) while its tasks run (issue 14, item 9): the
image search stalled on the loopback catalogue server, and an ordering call run through
the dock's background helper; neither may touch the deleted widgets when it ends."""
import threading

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qtwait import wait_until
from slot_errors import SlotErrors


def delete_like_unload(dock):
    """What DataTerraPlugin.unload does to the DINAMIS dock."""
    dock.close()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def settle():
    manager = QgsApplication.taskManager()
    assert wait_until(lambda: manager.countActiveTasks() == 0, 20), "the task did not end"
    for _ in range(20):
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QCoreApplication.processEvents()


def test_dock_deleted_during_an_image_search(qgis_app, qgis_iface, tmp_path, loopback_rules,
                                             dinamis_catalogue_server):
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(3.2, 43.4, 3.8, 43.9))
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.rules = loopback_rules
    dinamis_catalogue_server.geo_delay = 0.5
    with SlotErrors() as caught:
        assert dock.search_tab.search() is not None
        assert wait_until(lambda: any(r["path"].startswith("/api/geo/") for r in dinamis_catalogue_server.requests), 10)
        delete_like_unload(dock)
        settle()
    dinamis_catalogue_server.geo_delay = 0
    assert caught.errors == []


def test_dock_deleted_during_an_ordering_call(qgis_app, qgis_iface, tmp_path):
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    started, release = threading.Event(), threading.Event()

    def stalled_call():  # stands for a refresh waiting on a slow ordering server
        started.set()
        release.wait(20)
        return {}

    with SlotErrors() as caught:
        task = dock.run("refresh", stalled_call, wait=False, on_done=lambda result: dock.say("done"))
        assert wait_until(started.is_set, 10)
        delete_like_unload(dock)
        release.set()
        settle()
    assert caught.errors == []
    assert task.exception is None  # QGIS keeps an error of the finished callback here, silently
