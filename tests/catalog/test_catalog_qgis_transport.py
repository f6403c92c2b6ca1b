"""The shared QGIS transport (QgsNetworkAccessManager) gives the same errors as urllib, and the
dock's DownloadTask resumes an interrupted download through the task manager."""
import hashlib
import time

import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.stac import StacBackend


def QgisTransport():  # noqa: N802 - the catalogue's QGIS transport, as the dock and algorithm build it
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport as SharedTransport

    return SharedTransport(error_class=CatalogError)


@pytest.mark.parametrize("path, message", [
    ("/fault/html", "web page instead of JSON"),
    ("/fault/truncated", "cut short|not valid JSON"),
    ("/fault/401", "HTTP 401: check your credentials"),
    ("/fault/500", "HTTP 500"),
])
def test_qgis_transport_faults(qgis_app, fault_server, path, message):
    with pytest.raises(CatalogError, match=message):
        search_all(StacBackend(fault_server.url + path), SearchQuery(max_records=5), QgisTransport())


def test_qgis_transport_timeout(qgis_app, fault_server):
    with pytest.raises(CatalogError, match="did not answer within 0.5 s"):
        search_all(StacBackend(fault_server.url + "/fault/slow", timeout=0.5), SearchQuery(max_records=5),
                   QgisTransport())


def test_qgis_transport_hostile_xml(qgis_app, fault_server):
    with pytest.raises(CatalogError, match="DTD or entities"):
        search_all(OpenSearchBackend(fault_server.url + "/fault/bomb"), SearchQuery(max_records=5), QgisTransport())


def test_qgis_transport_same_records_as_urllib(qgis_app, replay_server):
    from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport
    query = SearchQuery(page_size=40, max_records=100)
    through_qgis, matched = search_all(StacBackend(replay_server.url + "/stac"), query, QgisTransport())
    through_urllib, _ = search_all(StacBackend(replay_server.url + "/stac"), query, UrllibTransport())
    assert matched == 230 and [r.id for r in through_qgis] == [r.id for r in through_urllib]


def test_download_task_resumes(qgis_app, download_server, tmp_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from dataterra.dataterra_plugin.catalog.tasks import DownloadTask

    server, state, payload = download_server
    state["flaky_calls"] = 0
    target = tmp_path / "scene.bin"
    digest = "sha256:" + hashlib.sha256(payload).hexdigest()
    outcomes = []
    for _ in range(2):  # first attempt is cut halfway, second resumes
        task = DownloadTask(server.url + "/files/flaky.bin", str(target), digest)
        task.taskCompleted.connect(lambda: outcomes.append(True))
        task.taskTerminated.connect(lambda: outcomes.append(False))
        QgsApplication.taskManager().addTask(task)
        count = len(outcomes)
        deadline = time.time() + 20
        while len(outcomes) == count and time.time() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        if outcomes[-1] is False:
            assert not target.exists()
    assert outcomes == [False, True]
    assert target.read_bytes() == payload


def test_search_task_cancel_aborts_the_pending_request(qgis_app, replay_server):
    """The dock's SearchTask cancelled while the catalogue has not answered (it would hold
    the request 30 s): the task ends within 1 s, while the server is still waiting."""
    import threading

    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from dataterra.dataterra_plugin.catalog.tasks import SearchTask

    arrived, release = threading.Event(), threading.Event()

    def stalled_search(request):
        arrived.set()
        release.wait(30)
        return 200, {"Content-Type": "application/geo+json"}, b'{"type": "FeatureCollection", "features": []}'

    replay_server.routes["/stalled-stac/search"] = stalled_search
    task = SearchTask([(StacBackend(replay_server.url + "/stalled-stac", timeout=60), None)], SearchQuery())
    ended = []
    task.taskTerminated.connect(lambda: ended.append(time.monotonic()))
    task.taskCompleted.connect(lambda: ended.append(time.monotonic()))
    QgsApplication.taskManager().addTask(task)
    try:
        deadline = time.time() + 10
        while not arrived.is_set() and time.time() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        assert arrived.is_set()
        cancelled_at = time.monotonic()
        task.cancel()
        deadline = time.time() + 5
        while not ended and time.time() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        assert ended and ended[0] - cancelled_at < 1.0
        assert not release.is_set()  # the server had still not answered: the request was aborted
    finally:
        release.set()
