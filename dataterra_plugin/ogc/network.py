"""HTTP GET through QGIS's network stack for the OGC cores: the shared
``net.qgis_transport.QgisTransport`` (QgsNetworkAccessManager: the user's proxy, SSL and
authentication settings apply, credentials stay in QgsAuthManager, cancel aborts the
pending request). Safe to call from worker threads (each has its own
QgsNetworkAccessManager); :class:`QThreadExecutor` gives the tile workers Qt threads."""
from ..net.qgis_transport import QgisTransport, QThreadExecutor
from .core.safexml import OgcError
from .core.transport import transport_fetch

__all__ = ["QThreadExecutor", "qgis_fetch_factory"]


def qgis_fetch_factory(authcfg: str = "", feedback=None):
    """A ``fetch(url) -> bytes`` for the cores, sending ``authcfg``'s credentials."""
    transport = QgisTransport(feedback, authcfg, error_class=OgcError)

    def fetch(url: str) -> bytes:
        return transport_fetch(transport, url)

    return fetch
