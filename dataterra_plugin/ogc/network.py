"""HTTP GET through QGIS's network stack (QgsBlockingNetworkRequest): the user's proxy,
SSL and authentication settings apply, and credentials stay in QgsAuthManager. Safe to
call from worker threads (each gets its own QgsNetworkAccessManager)."""
from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QUrl
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
