"""Transport through QgsNetworkAccessManager (proxy, SSL, auth configurations of QGIS).

QgsBlockingNetworkRequest waits in its own event loop, so it must run off the main
thread: in a QgsTask or a Processing algorithm. Credentials come from a QgsAuthManager
configuration id (``auth_config``), never from settings, projects or logs.
"""
from qgis.core import QgsBlockingNetworkRequest, QgsFeedback
from qgis.PyQt.QtCore import QByteArray, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .core.errors import CatalogError
from .core.transport import MAX_BODY_BYTES, USER_AGENT, Response, _host


class QgisTransport:
    """``request(method, url, headers, body, timeout)`` on QgsBlockingNetworkRequest.

    ``feedback`` (QgsFeedback or QgsProcessingFeedback) aborts the request when the user
    cancels; ``auth_config`` is a QgsAuthManager configuration id (may be empty).
    """

    def __init__(self, feedback=None, auth_config=""):
        self.feedback = feedback or QgsFeedback()
        self.auth_config = auth_config or ""

    def request(self, method, url, headers=None, body=None, timeout=30):
        request = QNetworkRequest(QUrl(url))
        request.setRawHeader(b"User-Agent", USER_AGENT.encode())
        for key, value in (headers or {}).items():
            request.setRawHeader(key.encode(), str(value).encode())
        request.setTransferTimeout(int(timeout * 1000))
        request.setAttribute(QNetworkRequest.RedirectPolicyAttribute, QNetworkRequest.NoLessSafeRedirectPolicy)
        blocking = QgsBlockingNetworkRequest()
        if self.auth_config:
            blocking.setAuthCfg(self.auth_config)
        if method == "GET":
            code = blocking.get(request, True, self.feedback)
        elif method == "POST":
            code = blocking.post(request, QByteArray(body or b""), True, self.feedback)
        else:
            raise CatalogError(f"HTTP method {method} is not supported by the QGIS transport.")
        if self.feedback.isCanceled():
            from ...rasterblocks.errors import Cancelled

            raise Cancelled()
        reply = blocking.reply()
        status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        if not status:  # no HTTP answer at all: time-out (Qt cancels the transfer) or network failure
            message = blocking.errorMessage() or reply.errorString()
            timed_out = code == QgsBlockingNetworkRequest.TimeoutError or reply.error() in (
                QNetworkReply.OperationCanceledError, QNetworkReply.TimeoutError)
            if timed_out or "timed out" in message.lower() or "cancel" in message.lower():
                raise CatalogError(f"{_host(url)} did not answer within {timeout} s. "
                                   "The server may be down or slow: try again later.")
            raise CatalogError(f"Cannot reach {_host(url)}: {message}. Check the address, your network "
                               "connection and the proxy settings of QGIS (Settings > Options > Network).")
        data = bytes(reply.content())
        if len(data) > MAX_BODY_BYTES:
            raise CatalogError(f"The answer of {_host(url)} is larger than {MAX_BODY_BYTES // 2**20} MiB.")
        headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                   for k in reply.rawHeaderList()}
        expected = headers.get("content-length", "")
        if expected.isdigit() and int(expected) != len(data) and "content-encoding" not in headers:
            raise CatalogError(f"The answer of {_host(url)} was cut short ({len(data)} of {expected} bytes). "
                               "Try again.")
        if code == QgsBlockingNetworkRequest.NetworkError and status and int(status) < 400:
            raise CatalogError(f"The connection to {_host(url)} failed: {blocking.errorMessage()}. Try again.")
        return Response(url, int(status or 0), headers, data)
