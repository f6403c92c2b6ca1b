"""HTTP GET for the pure cores: a ``fetch(url) -> bytes`` callable on the shared transport.

The plugin passes a fetch on ``net.qgis_transport.QgisTransport`` (QgsNetworkAccessManager:
proxy, SSL and auth settings of QGIS apply, cancel aborts the request; see
``ogc/network.py``); tests and scripts use :func:`urllib_fetch`. Both raise
:class:`OgcError` with a message naming the problem.
"""
import urllib.parse

from ...net.core.transport import UrllibTransport
from .safexml import OgcError, raise_if_exception
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP

DEFAULT_TIMEOUT = 60.0


class HttpError(OgcError):
    def __init__(self, message, status, /, **values):
        super().__init__(message, **values)
        self.status = status


def add_query(url: str, params: dict) -> str:
    """``url`` with ``params`` added to its query string (existing keys are replaced,
    case-insensitively, as OGC servers treat parameter names)."""
    parts = urllib.parse.urlsplit(url)
    existing = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                if k.upper() not in {p.upper() for p in params}]
    query = urllib.parse.urlencode(existing + [(k, str(v)) for k, v in params.items()], safe=":,/")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def describe_http_error(url: str, status: int, body: bytes) -> OgcError:
    """The error to raise for an HTTP status >= 400, using the OGC exception if any."""
    host = urllib.parse.urlsplit(url).netloc
    try:
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "The service at {host}"), host=host)
        raise_if_exception(body or b"", what)
    except OgcError as exc:
        exc.status = status
        return exc
    hints = {
        401: QT_TRANSLATE_NOOP("DataTerraError",
                               "the service needs credentials: set an authentication configuration"),
        403: QT_TRANSLATE_NOOP("DataTerraError",
                               "access is refused: check your credentials or rights on this service"),
        404: QT_TRANSLATE_NOOP("DataTerraError",
                               "the address does not exist: check the URL"),
        413: QT_TRANSLATE_NOOP("DataTerraError",
                               "the request is too large: request a smaller extent or a coarser resolution"),
        500: QT_TRANSLATE_NOOP("DataTerraError",
                               "the server failed: try again later or with a smaller request"),
        502: QT_TRANSLATE_NOOP("DataTerraError",
                               "a gateway failed: try again later"),
        503: QT_TRANSLATE_NOOP("DataTerraError",
                               "the service is unavailable: try again later"),
        504: QT_TRANSLATE_NOOP("DataTerraError",
                               "the server took too long: request a smaller extent"),
    }
    hint = hints.get(status, QT_TRANSLATE_NOOP("DataTerraError", "check the URL and the parameters"))
    return HttpError(QT_TRANSLATE_NOOP("DataTerraError", "HTTP error {http_status} from {host}: {hint}."), status,
        http_status=status,
        host=host,
        hint=hint)


def transport_fetch(transport, url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET ``url`` through a shared transport; OGC exception reports and HTTP errors raise OgcError."""
    response = transport.request("GET", url, timeout=timeout)
    if response.status >= 400:
        raise describe_http_error(url, response.status, response.body)
    raise_if_exception(response.body, Message(QT_TRANSLATE_NOOP("DataTerraError", "The service at {host}"),
                                               host=urllib.parse.urlsplit(url).netloc))
    return response.body


def urllib_fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET ``url`` with urllib; OGC exception reports and HTTP errors raise OgcError."""
    return transport_fetch(UrllibTransport(error_class=OgcError), url, timeout)
