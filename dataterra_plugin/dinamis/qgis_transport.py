"""The ordering client's transport inside QGIS: QgsBlockingNetworkRequest, so the user's
proxy and SSL settings apply and credentials come from an authentication configuration
of QgsAuthManager (never stored by the plugin). Call it from a QgsTask, not from the
main thread: it blocks until the answer."""
from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QByteArray, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .core.client import Response, TransportError

TLS_ERRORS = {QNetworkReply.SslHandshakeFailedError}


def qgis_transport(authcfg="", feedback=None):
    """A transport for :class:`~.core.client.OrderingClient` over QgsNetworkAccessManager."""

    def transport(method, url, headers, body=None, sink=None):
        request = QNetworkRequest(QUrl(url))
        for key, value in headers.items():
            request.setRawHeader(key.encode(), value.encode())
        blocking = QgsBlockingNetworkRequest()
        if authcfg:
            blocking.setAuthCfg(authcfg)
        if method == "GET":
            error = blocking.get(request, True, feedback)
        elif method == "POST":
            error = blocking.post(request, QByteArray(body or b""), True, feedback)
        else:
            raise ValueError(f"unsupported method {method}")
        reply = blocking.reply()
        status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        if status is not None and int(status) > 0 and reply.error() not in TLS_ERRORS:
            reply_headers = {bytes(k).decode(): bytes(reply.rawHeader(k)).decode() for k in reply.rawHeaderList()}
            content = bytes(reply.content())
            if sink is not None and int(status) in (200, 206):
                # QgsBlockingNetworkRequest holds the whole answer in memory; write it out by chunks
                sink.start(int(status))
                for start in range(0, len(content), 1 << 16):
                    sink.write(content[start:start + (1 << 16)])
                content = b""
            return Response(int(status), content, reply_headers)
        host = QUrl(url).host()
        if reply.error() in TLS_ERRORS:
            raise TransportError(f"The TLS certificate of {host} could not be verified: the connection was "
                                 "refused. Add the server's CA certificate in Settings > Options > "
                                 "Authentication; do not disable the check.", "tls")
        if error == QgsBlockingNetworkRequest.TimeoutError:
            raise TransportError(f"{host} did not answer in time (network timeout in Settings > Options > "
                                 "Network).", "timeout")
        raise TransportError(f"Could not reach {host}: {blocking.errorMessage()} Check the URL and your "
                             "network or proxy settings.")

    return transport
