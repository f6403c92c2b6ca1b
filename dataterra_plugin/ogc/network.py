"""HTTP GET through QGIS's network stack (QgsBlockingNetworkRequest): the user's proxy,
SSL and authentication settings apply, and credentials stay in QgsAuthManager. Safe to
call from worker threads (each gets its own QgsNetworkAccessManager)."""
import queue
from concurrent.futures import Executor, Future

from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QThread, QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from .core.safexml import OgcError, raise_if_exception
from .core.transport import describe_http_error


def qgis_fetch_factory(authcfg: str = "", feedback=None):
    """A ``fetch(url) -> bytes`` for the cores, sending ``authcfg``'s credentials."""

    def fetch(url: str) -> bytes:
        request = QgsBlockingNetworkRequest()
        if authcfg:
            request.setAuthCfg(authcfg)
        error = request.get(QNetworkRequest(QUrl(url)), True)
        reply = request.reply()
        status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        body = bytes(reply.content())
        host = QUrl(url).host()
        if status is not None and int(status) >= 400:
            raise describe_http_error(url, int(status), body)
        if error != QgsBlockingNetworkRequest.NoError:
            raise OgcError(f"Cannot reach {host} ({request.errorMessage()}). Check the URL, your network "
                           "connection and QGIS's proxy settings (Settings > Options > Network).")
        raise_if_exception(body, f"The service at {host}")
        return body

    return fetch


class _Worker(QThread):
    def __init__(self, jobs):
        super().__init__()
        self.jobs = jobs

    def run(self):
        while True:
            job = self.jobs.get()
            if job is None:
                return
            future, function, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                future.set_exception(exc)


class QThreadExecutor(Executor):
    """A concurrent.futures executor whose workers are QThreads: QgsBlockingNetworkRequest
    needs Qt timers (time-outs), which only run in threads Qt started."""

    def __init__(self, max_workers=4):
        self._jobs = queue.Queue()
        self._workers = [_Worker(self._jobs) for _ in range(max(1, max_workers))]
        for worker in self._workers:
            worker.start()

    def submit(self, function, *args, **kwargs):
        future = Future()
        self._jobs.put((future, function, args, kwargs))
        return future

    def shutdown(self, wait=True, **kwargs):
        for _ in self._workers:
            self._jobs.put(None)
        if wait:
            for worker in self._workers:
                worker.wait()
