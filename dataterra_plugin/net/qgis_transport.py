"""The transport protocol (``net.core.transport``) on QgsNetworkAccessManager.

Requests go through the QgsNetworkAccessManager of the calling thread, so the proxy,
SSL (CA certificates, exceptions) and time-out settings of QGIS apply; credentials come
from a QgsAuthManager configuration id (``auth_config``) applied to the request by QGIS
itself and never seen, kept or logged by the plugin. Qt follows no redirect here
(ManualRedirectPolicy): ``Transport`` follows them, applying the auth configuration only
on the origin it is bound to. Requests that carry credentials and downloads bypass QGIS's
HTTP disk cache (nothing secret, no signed URL, lands in the profile folder), and Qt's own
gzip decoding (unbounded) is never used: the transport asks for the encoding itself.

Call it from a QgsTask, a Processing algorithm or any worker thread: each call runs a
local QEventLoop until the reply finishes. A QTimer in that loop polls the cancel flag
(``feedback.isCanceled()`` / ``is_cancelled()``) every ``POLL_MS`` and calls
``QNetworkReply.abort()`` from the reply's own thread, so a cancel stops a stalled request
within about 0.1 s. (Aborting a QgsBlockingNetworkRequest from the main thread through a
QgsFeedback hung the worker on QGIS 3.22: this is why the plugin no longer uses it.) The
same timer enforces the time-out: no byte for ``timeout`` seconds aborts the reply.
"""
import concurrent.futures
import queue
import time

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QThread, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ...rasterblocks.errors import Cancelled, QT_TRANSLATE_NOOP
from .core.credentials import auth_config_for
from .core.errors import NetworkError
from .core.transport import CHUNK, Response, Transport, host_of

POLL_MS = 50
TLS_ERRORS = (QNetworkReply.SslHandshakeFailedError,)
PROXY_ERRORS = (QNetworkReply.ProxyConnectionRefusedError, QNetworkReply.ProxyConnectionClosedError,
                QNetworkReply.ProxyNotFoundError, QNetworkReply.ProxyTimeoutError,
                QNetworkReply.ProxyAuthenticationRequiredError)


class QgisTransport(Transport):
    """``request`` / ``stream`` of the transport protocol through QGIS's network stack.

    ``feedback`` (QgsFeedback, QgsProcessingFeedback) and ``is_cancelled()`` both cancel;
    ``auth_config`` is a QgsAuthManager configuration id (may be empty) bound to the origin
    of the first request, ``credentials`` (``net.core.credentials.Credentials``) bind
    headers or auth configurations to explicit origins; ``extra_headers`` go with every
    request; ``error_class`` is the area's error type.
    """

    def __init__(self, feedback=None, auth_config="", is_cancelled=None, error_class=NetworkError,
                 extra_headers=None, credentials=None):
        super().__init__(extra_headers, credentials, is_cancelled, error_class, auth_config=auth_config)
        self.feedback = feedback

    def is_cancelled(self):
        return bool((self.feedback is not None and self.feedback.isCanceled()) or super().is_cancelled())

    def _send_once(self, method, url, headers, body, timeout, sink, max_bytes, credentialed):
        if self.is_cancelled():
            raise Cancelled()
        reply = self._send(method, url, headers, body, private=credentialed or sink is not None)
        if sink is None:  # an in-memory answer: Qt stops reading the socket while we have not caught up
            reply.setReadBufferSize(4 * CHUNK)  # (not for downloads: Qt drops what it holds when cut)
        sink_cancelled = getattr(sink, "is_cancelled", None)
        exchange = _Exchange(reply, sink, timeout,
                             lambda: self.is_cancelled() or bool(sink_cancelled is not None and sink_cancelled()),
                             lambda status, headers: self._body_reader(url, status, headers, max_bytes))
        try:
            exchange.wait()
        finally:
            if not sip.isdeleted(reply):
                reply.deleteLater()
        return self._response(method, url, exchange.ending, exchange, timeout)

    def _send(self, method, url, headers, body, private):
        request = QNetworkRequest(QUrl(url))
        for key, value in headers.items():
            request.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
        request.setAttribute(QNetworkRequest.RedirectPolicyAttribute, QNetworkRequest.ManualRedirectPolicy)
        if private:  # credentials, signed URLs, downloads: never in (nor from) QGIS's disk cache
            request.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
            request.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
        manager = QgsApplication.authManager()
        auth_config = auth_config_for(url, self.credentials)
        if auth_config and (auth_config not in manager.configIds()
                            or not manager.updateNetworkRequest(request, auth_config)):
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The QGIS authentication configuration "
                                               "{auth_config!r} could not be applied: check that it exists and that "
                                               "the authentication database is unlocked (Settings > Options > "
                                               "Authentication)."), "auth", auth_config=auth_config)
        network = QgsNetworkAccessManager.instance()  # this thread's manager, with QGIS's settings
        payload = QByteArray(body or b"")
        if method == "GET":
            reply = network.get(request)
        elif method == "POST":
            reply = network.post(request, payload)
        elif method == "PUT":
            reply = network.put(request, payload)
        elif method == "HEAD":
            reply = network.head(request)
        else:
            reply = network.sendCustomRequest(request, method.encode(), payload)
        if auth_config:
            manager.updateNetworkReply(reply, auth_config)
        return reply

    def _response(self, method, url, ending, exchange, timeout):
        host = host_of(url)
        status, error, error_text, headers = ending
        if exchange.failure is not None:
            raise exchange.failure
        if exchange.cancelled:
            raise Cancelled()
        if exchange.timed_out:
            raise self._timeout(host, timeout)
        if not status:
            raise self._no_answer(host, error, error_text, timeout)
        if error == QNetworkReply.RemoteHostClosedError:
            raise self._cut(url, exchange.received, None)
        self._check_length(method, status, headers, exchange.received, url)
        if exchange.sink is not None and 200 <= status < 300:
            if not exchange.started:  # an empty body: the sink still makes its (empty) file
                exchange.sink.start(status, headers)
            return Response(url, status, headers, b"")
        body = exchange.reader.finish() if exchange.reader is not None else b""
        return Response(url, status, headers, body)

    def _no_answer(self, host, error, text, timeout):
        if error in TLS_ERRORS:
            return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The TLS certificate of {host} could not be "
                                                "verified: the connection was refused. Add the server's CA "
                                                "certificate in Settings > Options > Authentication; do not disable "
                                                "the check."), "tls", host=host)
        if error in (QNetworkReply.TimeoutError, QNetworkReply.OperationCanceledError):
            # QGIS aborts a request after its network time-out (Settings > Options > Network)
            return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} did not answer within {timeout:g} s (or "
                                                "the network time-out of QGIS). The server may be down or slow: try "
                                                "again later."), "timeout", host=host, timeout=timeout)
        if error in PROXY_ERRORS:
            return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The proxy refused or failed the request to "
                                                "{host}: {text}. Check the proxy settings of QGIS (Settings > "
                                                "Options > Network)."), host=host, text=text)
        return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "Cannot reach {host}: {text}. Check the URL, your "
                                            "network connection and the proxy settings of QGIS (Settings > Options > "
                                            "Network)."), host=host, text=text)


class _Exchange:
    """One reply driven to its end in a local event loop, with cancel and idle time-out."""

    def __init__(self, reply, sink, timeout, is_cancelled, make_reader):
        self.reply, self.sink, self.timeout, self.is_cancelled = reply, sink, timeout, is_cancelled
        self.make_reader = make_reader  # (status, headers) -> BodyReader of an in-memory body
        self.reader = None
        self.received = 0
        self.started = False
        self.cancelled = self.timed_out = False
        self.failure = None  # an exception raised by the sink, re-raised after the loop
        self.last_activity = time.monotonic()
        # (status, error, error text, headers) when the reply ended: Qt or QGIS may delete a
        # finished reply (seen with an auth configuration on a refused connection) before we look
        self.ending = (0, QNetworkReply.UnknownNetworkError, "the request ended without an answer", {})

    def wait(self):
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(POLL_MS)
        timer.timeout.connect(self._poll)
        connections = ((self.reply.metaDataChanged, self._read), (self.reply.readyRead, self._read),
                       (self.reply.downloadProgress, self._activity),
                       (self.reply.uploadProgress, self._activity), (self.reply.finished, self._end),
                       (self.reply.finished, loop.quit))
        for signal, slot in connections:
            signal.connect(slot)
        timer.start()
        if not self.reply.isFinished():
            loop.exec_()
        timer.stop()
        if self.failure is None and not (self.cancelled or self.timed_out):
            self._read()  # what arrived with the end of the reply
        self._end()
        if sip.isdeleted(self.reply):
            return
        for signal, slot in connections:  # only ours: QGIS's own slots on the reply stay
            try:
                signal.disconnect(slot)
            except TypeError:
                pass

    def _abort(self):
        if not sip.isdeleted(self.reply):
            self.reply.abort()

    def _end(self):
        """Keep how the reply ended while it still exists."""
        if sip.isdeleted(self.reply):
            return
        status = self.reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        self.ending = (int(status) if status else 0, self.reply.error(), self.reply.errorString(),
                       _headers(self.reply))

    def _activity(self, *args):
        self.last_activity = time.monotonic()

    def _poll(self):
        # a slot must never raise (PyQt aborts the process): errors are stored for later
        if (sip.isdeleted(self.reply) or self.reply.isFinished() or self.cancelled or self.timed_out
                or self.failure is not None):
            return  # aborted already: a second abort makes Qt complain
        try:
            if self.is_cancelled():
                self.cancelled = True
                self._abort()
            elif time.monotonic() - self.last_activity > self.timeout:
                self.timed_out = True
                self._abort()
        except BaseException as exc:  # noqa: BLE001 - re-raised by the caller
            self.failure = exc
            self._abort()

    def _read(self):
        if self.failure is not None or sip.isdeleted(self.reply):
            return
        try:
            self._consume()
        except BaseException as exc:  # noqa: BLE001 - re-raised by the caller
            self.failure = exc
            self._abort()

    def _consume(self):
        status = self.reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        if not status:
            return
        status = int(status)
        to_sink = self.sink is not None and 200 <= status < 300
        if not to_sink and self.reader is None:  # before any byte: an announced size over the cap stops here
            self.reader = self.make_reader(status, _headers(self.reply))
        data = bytes(self.reply.read(4 * CHUNK) or b"")
        while data:
            self.last_activity = time.monotonic()
            self.received += len(data)
            if to_sink:
                if not self.started:
                    self.sink.start(status, _headers(self.reply))
                    self.started = True
                self.sink.write(data)
            else:
                self.reader.feed(data)
            data = bytes(self.reply.read(4 * CHUNK) or b"")


def _headers(reply):
    """The reply's headers, names in lower case."""
    return {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
            for k in reply.rawHeaderList()}


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


class QThreadExecutor(concurrent.futures.Executor):
    """A concurrent.futures executor whose workers are QThreads, so that each has an event
    dispatcher for the local event loops and timers of :class:`QgisTransport`."""

    def __init__(self, max_workers=4):
        self._jobs = queue.Queue()
        self._workers = [_Worker(self._jobs) for _ in range(max(1, max_workers))]
        for worker in self._workers:
            worker.start()

    def submit(self, function, *args, **kwargs):
        future = concurrent.futures.Future()
        self._jobs.put((future, function, args, kwargs))
        return future

    def shutdown(self, wait=True, **kwargs):
        for _ in self._workers:
            self._jobs.put(None)
        if wait:
            for worker in self._workers:
                worker.wait()
