"""The transport protocol every network user of the plugin is handed, and its urllib form.

A *transport* is any object with

``request(method, url, headers=None, body=None, timeout=30) -> Response``
    the whole answer in memory (catalogue pages, capabilities, JSON API calls), at most
    :data:`MAX_BODY_BYTES`; HTTP error statuses are *returned*, not raised;
``stream(url, sink, headers=None, timeout=60) -> Response``
    a GET whose 2xx body is handed to ``sink.start(status, headers)`` then
    ``sink.write(chunk)`` piece by piece (memory bounded whatever the file size); other
    statuses come back with their (small) body.

Failures without a usable answer raise the transport's ``error_class`` (default
:class:`NetworkError`) with a ``kind`` (see ``errors.py``); a cancelled request raises
``Cancelled``. :class:`UrllibTransport` serves scripts, tests and qgis_process;
``net.qgis_transport.QgisTransport`` is the same protocol on QgsNetworkAccessManager.
"""
import http.client
import json
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP, check_cancel
from .errors import NetworkError, make_error

USER_AGENT = "DataTerra-QGIS/0.1 (+https://www.data-terra.org)"
MAX_BODY_BYTES = 64 * 1024 * 1024  # an in-memory answer larger than this is an error, not data
CHUNK = 64 * 1024


@dataclass
class Response:
    """One HTTP answer: ``headers`` have lower-case names; ``body`` is empty when streamed."""

    url: str
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self):
        """The body as JSON; NetworkError (kind "http") when it is not JSON."""
        try:
            return json.loads(self.body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "{host} answered HTTP {http_status} with a "
                                                 "body that is not JSON."),
                               "http", self.status,
                host=host_of(self.url),
                http_status=self.status) from exc


def host_of(url):
    """``host:port`` of ``url``: what messages name (never the query, which may hold a key)."""
    return urllib.parse.urlsplit(str(url)).netloc or str(url)[:60]


def lower_headers(headers):
    return {str(k).lower(): str(v) for k, v in dict(headers or {}).items()}


def check_http_url(url, error_class=NetworkError):
    if not str(url).startswith(("http://", "https://")):
        raise make_error(error_class, QT_TRANSLATE_NOOP("DataTerraError", "Cannot open {url!r}: only http(s) "
                                                        "addresses are supported."), url=str(url)[:80])


class UrllibTransport:
    """The transport protocol on urllib (standard library).

    ``extra_headers`` go with every request; ``authenticate(headers)`` may add credentials
    to the headers of each request (they are never kept or logged here); ``ssl_context``
    may add CA certificates but certificates are always verified; ``is_cancelled()`` is
    checked between chunks of a streamed body; ``error_class`` is the area's error type.
    urllib honours the ``http_proxy`` / ``https_proxy`` environment variables.
    """

    def __init__(self, extra_headers=None, authenticate=None, ssl_context=None, is_cancelled=None,
                 error_class=NetworkError):
        self.extra_headers = dict(extra_headers or {})
        self.authenticate = authenticate
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.is_cancelled = is_cancelled
        self.error_class = error_class

    def _fail(self, message, kind="connection", status=0, **values):
        return make_error(self.error_class, message, kind, status, **values)

    def _open(self, method, url, headers, body, timeout):
        """(reply, is_http_error) for one request; network failures raise."""
        check_http_url(url, self.error_class)
        all_headers = {"User-Agent": USER_AGENT, **self.extra_headers, **(headers or {})}
        if self.authenticate is not None:
            self.authenticate(all_headers)
        request = urllib.request.Request(url, data=body, headers=all_headers, method=method)
        host = host_of(url)
        try:
            return urllib.request.urlopen(request, timeout=timeout, context=self.ssl_context), False  # noqa: S310
        except urllib.error.HTTPError as exc:
            return exc, True
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ssl.SSLError):
                raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The TLS certificate of {host} could not be "
                                                   "verified ({name}): the connection was refused. Install the "
                                                   "server's CA certificate in QGIS's authentication manager; do not "
                                                   "disable the check."),
                    "tls", host=host, name=reason.__class__.__name__) from None
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise self._timeout(host, timeout) from None
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "Cannot reach {host}: {reason}. Check the URL, your "
                                               "network connection and the proxy settings."),
                host=host,
                reason=reason) from None
        except ssl.SSLError as exc:
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "TLS failure with {host} ({name})."), "tls",
                host=host,
                name=exc.__class__.__name__) from None
        except (socket.timeout, TimeoutError):
            raise self._timeout(host, timeout) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            # includes RemoteDisconnected: the server may have acted on the request
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The connection to {host} was lost before the "
                                               "answer ({name}). Try again."),
                host=host,
                name=exc.__class__.__name__) from None

    def _timeout(self, host, timeout):
        return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} did not answer within {timeout:g} s. The "
                                            "server may be down or slow: try again later or raise the time-out."),
            "timeout",
            host=host,
            timeout=timeout)

    def request(self, method, url, headers=None, body=None, timeout=30):
        reply, is_error = self._open(method, url, headers, body, timeout)
        with reply:
            data = self._read(reply, url, timeout, limit=MAX_BODY_BYTES if not is_error else 1 << 20)
            return Response(url, reply.status if not is_error else reply.code, lower_headers(reply.headers), data)

    def stream(self, url, sink, headers=None, timeout=60):
        reply, is_error = self._open("GET", url, headers, None, timeout)
        with reply:
            status = reply.status if not is_error else reply.code
            reply_headers = lower_headers(reply.headers)
            if is_error or not 200 <= status < 300:
                return Response(url, status, reply_headers, self._read(reply, url, timeout, 1 << 20))
            sink.start(status, reply_headers)
            received = 0
            while True:  # the sink checks its own cancel flag at every chunk
                check_cancel(self.is_cancelled)
                chunk = self._read_chunk(reply, url, timeout, received, partial=True)
                if not chunk:
                    break
                received += len(chunk)
                sink.write(chunk)
            self._check_length(reply_headers, received, url)
            return Response(url, status, reply_headers, b"")

    def _read(self, reply, url, timeout, limit):
        data = bytearray()
        while len(data) <= limit:
            check_cancel(self.is_cancelled)
            chunk = self._read_chunk(reply, url, timeout, len(data))
            if not chunk:
                break
            data += chunk
        if len(data) > limit:
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {host} is larger than {limit} "
                                               "MiB: ask for less (fewer records per page, a smaller area)."),
                "too_large",
                host=host_of(url),
                limit=limit // 2 ** 20)
        self._check_length(lower_headers(reply.headers), len(data), url)
        return bytes(data)

    def _read_chunk(self, reply, url, timeout, received, partial=False):
        try:
            # read1: what has arrived (up to CHUNK), so a stalled server does not hold back
            # the bytes already received, and the cancel is checked as data comes
            return reply.read1(CHUNK) if partial else reply.read(CHUNK)
        except http.client.IncompleteRead as exc:
            raise self._cut(url, received + len(exc.partial)) from None
        except (socket.timeout, TimeoutError):
            raise self._timeout(host_of(url), timeout) from None
        except (OSError, ValueError, http.client.HTTPException):
            raise self._cut(url, received) from None

    def _check_length(self, headers, received, url):
        expected = headers.get("content-length", "")
        if expected.isdigit() and int(expected) != received and "content-encoding" not in headers:
            raise self._cut(url, received, int(expected))

    def _cut(self, url, received, expected=None):
        of = ""
        if expected is not None:
            of = Message(QT_TRANSLATE_NOOP("DataTerraError", " of {expected}"), expected=expected)
        return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {host} was cut short ({received}{of} "
                                            "bytes). Try again."),
                          "truncated", host=host_of(url), received=received, of=of)
