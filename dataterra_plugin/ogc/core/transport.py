"""HTTP GET for the pure cores: a ``fetch(url) -> bytes`` callable on the shared transport.

The plugin passes a fetch on ``net.qgis_transport.QgisTransport`` (QgsNetworkAccessManager:
proxy, SSL and auth settings of QGIS apply, cancel aborts the request; see
``ogc/network.py``); tests and scripts use :func:`urllib_fetch`. Both raise
:class:`OgcError` with a message naming the problem.
"""
import urllib.parse

from ...net.core.transport import UrllibTransport
from .safexml import OgcError, raise_if_exception

DEFAULT_TIMEOUT = 60.0


class HttpError(OgcError):
    def __init__(self, message, status):
        super().__init__(message)
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
        raise_if_exception(body or b"", f"The service at {host}")
    except OgcError as exc:
        exc.status = status
        return exc
    hints = {401: "the service needs credentials: set an authentication configuration",
             403: "access is refused: check your credentials or rights on this service",
             404: "the address does not exist: check the URL",
             413: "the request is too large: request a smaller extent or a coarser resolution",
             500: "the server failed: try again later or with a smaller request",
             502: "a gateway failed: try again later", 503: "the service is unavailable: try again later",
             504: "the server took too long: request a smaller extent"}
    hint = hints.get(status, "check the URL and the parameters")
    return HttpError(f"HTTP error {status} from {host}: {hint}.", status)


def transport_fetch(transport, url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET ``url`` through a shared transport; OGC exception reports and HTTP errors raise OgcError."""
    response = transport.request("GET", url, timeout=timeout)
    if response.status >= 400:
        raise describe_http_error(url, response.status, response.body)
    raise_if_exception(response.body, f"The service at {urllib.parse.urlsplit(url).netloc}")
    return response.body


def urllib_fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """GET ``url`` with urllib; OGC exception reports and HTTP errors raise OgcError."""
    return transport_fetch(UrllibTransport(error_class=OgcError), url, timeout)
