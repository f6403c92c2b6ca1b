"""The transport protocol every network user of the plugin is handed, and its urllib form.

A *transport* is any object with

``request(method, url, headers=None, body=None, timeout=30, max_bytes=None) -> Response``
    the whole answer in memory (catalogue pages, capabilities, JSON API calls), at most
    ``max_bytes`` (default :data:`MAX_BODY_BYTES`) after gzip/deflate decoding, read as
    it arrives and refused (kind ``too_large``) the moment it would exceed them; HTTP
    error statuses are *returned*, not raised;
``stream(url, sink, headers=None, timeout=60) -> Response``
    a GET whose 2xx body is handed to ``sink.start(status, headers)`` then
    ``sink.write(chunk)`` piece by piece (memory bounded whatever the file size), asked
    and stored as sent (``Accept-Encoding: identity``, never inflated); other statuses
    come back with their (small) body.

Both follow redirects themselves (:class:`Transport`), hop by hop, so that credentials
(``credentials.py``) go only to the origin they are bound to and no redirect leaves
https for http.

Failures without a usable answer raise the transport's ``error_class`` (default
:class:`NetworkError`) with a ``kind`` (see ``errors.py``); a cancelled request raises
``Cancelled``. :class:`UrllibTransport` serves scripts, tests and qgis_process;
``net.qgis_transport.QgisTransport`` is the same protocol on QgsNetworkAccessManager.
"""
import http.client
import json
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP, check_cancel
from .body import BodyReader, too_large
from .credentials import Credentials, as_list, hop_headers, withheld
from .errors import NetworkError, make_error

USER_AGENT = "DataTerra-QGIS/0.1 (+https://www.data-terra.org)"
MAX_BODY_BYTES = 64 * 1024 * 1024  # an in-memory answer larger than this is an error, not data
CHUNK = 64 * 1024
ERROR_BODY_BYTES = 1 << 20  # what is read of an error or redirect answer
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10
BODILESS = (204, 304)


@dataclass
class Response:
    """One HTTP answer: ``headers`` have lower-case names; ``body`` is empty when streamed;
    ``withheld_from`` is the address (scheme://host:port) whose credentials were not sent
    to ``url`` (the request was redirected there from another origin), "" otherwise."""

    url: str
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    withheld_from: str = ""

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
    """``host:port`` of ``url``: what messages name (never a ``user:password@`` part nor the
    query, which may hold a key)."""
    return _without_userinfo(urllib.parse.urlsplit(str(url)).netloc) or str(url)[:60]


def address_of(url):
    """``scheme://host:port`` of ``url`` (an origin as people read it; no user, path or query)."""
    split = urllib.parse.urlsplit(str(url))
    return f"{split.scheme}://{_without_userinfo(split.netloc)}"


REDACTED = "***"


def redacted_url(url):
    """``url`` as it may be logged or shown: its ``user:password@`` part and the values of its
    query and fragment (where keys and tokens travel: ``?token=...``, ``#access_token=...``)
    replaced by ``***``; the scheme, host, path and query parameter names stay, so that the
    user still recognises the address."""
    try:
        split = urllib.parse.urlsplit(str(url))
    except ValueError:  # e.g. an unclosed IPv6 bracket: nothing of it is shown
        return REDACTED
    netloc = split.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{_without_userinfo(netloc)}"
    return urllib.parse.urlunsplit((split.scheme, netloc, split.path, _redacted_pairs(split.query),
                                    _redacted_pairs(split.fragment)))


def _redacted_pairs(text):
    """``name=value&...`` with every value (and every part without a name) as ``***``."""
    parts = (part.partition("=") for part in text.split("&")) if text else ()
    return "&".join(f"{name}={REDACTED}" if sep else REDACTED for name, sep, _ in parts)


def _without_userinfo(netloc):
    return netloc.rpartition("@")[2]


def refusal_hint(response, hint):
    """``hint`` for a 401/403 ``response``, unless the credentials were withheld from it
    after a redirect to another origin: then that is what the user must know."""
    if not response.withheld_from:
        return hint
    return Message(QT_TRANSLATE_NOOP("DataTerraError", "the request was redirected from {origin_host} to {host}, and "
                                     "the plugin never sends the credentials of one address to another"),
                   origin_host=response.withheld_from, host=address_of(response.url))


def lower_headers(headers):
    return {str(k).lower(): str(v) for k, v in dict(headers or {}).items()}


def check_http_url(url, error_class=NetworkError):
    if not str(url).startswith(("http://", "https://")):
        raise make_error(error_class, QT_TRANSLATE_NOOP("DataTerraError", "Cannot open {url!r}: only http(s) "
                                                        "addresses are supported."), url=str(url)[:80])


class Transport:
    """What both transports share: the request headers of each hop, credentials bound to
    their origin, redirects followed by hand, the byte cap and the identity encoding of
    downloads. A subclass sends one hop with ``_send_once``.

    ``credentials`` is a :class:`~.credentials.Credentials` or a list of them.
    ``extra_headers`` go with every request, under the rules of per-request headers.
    ``auth_config`` (QGIS) and ``authenticate(headers)`` (a hook that adds credentials)
    given without an origin are bound to the origin of the first request the transport
    sends, and never sent anywhere else.
    """

    def __init__(self, extra_headers=None, credentials=None, is_cancelled=None, error_class=NetworkError,
                 auth_config="", authenticate=None):
        self.extra_headers = dict(extra_headers or {})
        self.credentials = as_list(credentials)
        self.unbound = Credentials([], auth_config=auth_config, authenticate=authenticate)
        self.binding = threading.Lock()  # tile workers share a transport: one first origin only
        self.cancel_check = is_cancelled
        self.error_class = error_class

    def is_cancelled(self):
        return bool(self.cancel_check is not None and self.cancel_check())

    def _fail(self, message, kind="connection", status=0, **values):
        return make_error(self.error_class, message, kind, status, **values)

    def request(self, method, url, headers=None, body=None, timeout=30, max_bytes=None):
        headers = {"Accept-Encoding": "gzip, deflate", **(headers or {})}
        return self._follow(method, url, headers, body, timeout, None, max_bytes or MAX_BODY_BYTES)

    def stream(self, url, sink, headers=None, timeout=60):
        headers = {**(headers or {}), "Accept-Encoding": "identity"}  # a file is stored as the server sent it
        return self._follow("GET", url, headers, None, timeout, sink, MAX_BODY_BYTES)

    def _bind(self, url):
        with self.binding:
            if self.unbound:  # the legacy session-wide credentials: bound to the first origin asked
                self.credentials = [*self.credentials, Credentials(url, auth_config=self.unbound.auth_config,
                                                                   authenticate=self.unbound.authenticate)]
                self.unbound = Credentials([])

    def _follow(self, method, url, headers, body, timeout, sink, max_bytes):
        check_http_url(url, self.error_class)
        self._bind(url)
        first = url
        asked = {"User-Agent": USER_AGENT, **self.extra_headers, **headers}
        for _ in range(MAX_REDIRECTS + 1):
            check_cancel(self.is_cancelled)
            hop, credentialed = hop_headers(url, first, asked, self.credentials)
            response = self._send_once(method, url, hop, body, timeout, sink, max_bytes, credentialed)
            location = response.headers.get("location", "")
            if response.status not in REDIRECTS or not location:
                if withheld(url, first, asked, self.credentials):
                    response.withheld_from = address_of(first)
                return response
            method, url, body = self._redirect(method, url, body, response.status, location)
        raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} redirected the request more than {count} times: "
                                           "the plugin stopped following it. Check the address."), "http",
                         host=host_of(first), count=MAX_REDIRECTS)

    def _redirect(self, method, url, body, status, location):
        """(method, url, body) of the next hop, as browsers do: 303 (and 301/302 of a POST)
        become a GET without body, 307/308 repeat the request."""
        target = urllib.parse.urljoin(url, location.strip())
        if not target.startswith(("http://", "https://")):
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} redirected the request to a non-http(s) "
                                               "address: the plugin does not follow it."), "http", status,
                             host=host_of(url))
        if url.startswith("https://") and target.startswith("http://"):
            raise self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} redirected an encrypted (https) request to "
                                               "the unencrypted address of {target_host}: the plugin does not follow "
                                               "it."), "http", status, host=host_of(url), target_host=host_of(target))
        if status == 303 or (status in (301, 302) and method == "POST"):
            return ("HEAD" if method == "HEAD" else "GET"), target, None
        return method, target, body

    def _send_once(self, method, url, headers, body, timeout, sink, max_bytes, credentialed):
        """One HTTP exchange, no redirect followed: a Response (a 2xx body goes to ``sink``
        when given; other bodies are read into memory, at most ``max_bytes``)."""
        raise NotImplementedError

    def _body_reader(self, url, status, headers, max_bytes):
        """The BodyReader of an in-memory answer; too_large at once if its announced length
        is over the cap (nothing is read)."""
        limit = max_bytes if 200 <= status < 300 else min(max_bytes, ERROR_BODY_BYTES)
        announced = headers.get("content-length", "")
        if announced.isdigit() and int(announced) > limit:
            raise too_large(self.error_class, host_of(url), limit)
        return BodyReader(headers.get("content-encoding", ""), limit, host_of(url), self.error_class)

    def _check_length(self, method, status, headers, received, url):
        """A truncated error unless ``received`` wire bytes are the announced Content-Length."""
        expected = headers.get("content-length", "")
        if method == "HEAD" or status in BODILESS or not expected.isdigit() or int(expected) == received:
            return
        raise self._cut(url, received, int(expected))

    def _cut(self, url, received, expected=None):
        of = ""
        if expected is not None:
            of = Message(QT_TRANSLATE_NOOP("DataTerraError", " of {expected}"), expected=expected)
        return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {host} was cut short ({received}{of} "
                                            "bytes). Try again."),
                          "truncated", host=host_of(url), received=received, of=of)

    def _timeout(self, host, timeout):
        return self._fail(QT_TRANSLATE_NOOP("DataTerraError", "{host} did not answer within {timeout:g} s. The "
                                            "server may be down or slow: try again later or raise the time-out."),
            "timeout",
            host=host,
            timeout=timeout)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands 3xx answers back (as HTTPError) to :class:`Transport`, which follows them."""

    def redirect_request(self, *args, **kwargs):
        return None


class UrllibTransport(Transport):
    """The transport protocol on urllib (standard library).

    See :class:`Transport` for ``extra_headers``, ``credentials`` and ``authenticate``;
    ``ssl_context`` may add CA certificates but certificates are always verified;
    ``is_cancelled()`` is checked between chunks; ``error_class`` is the area's error type.
    urllib honours the ``http_proxy`` / ``https_proxy`` environment variables.
    """

    def __init__(self, extra_headers=None, authenticate=None, ssl_context=None, is_cancelled=None,
                 error_class=NetworkError, credentials=None):
        super().__init__(extra_headers, credentials, is_cancelled, error_class, authenticate=authenticate)
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=self.ssl_context), _NoRedirect)

    def _open(self, method, url, headers, body, timeout):
        """(reply, is_http_error) for one request; network failures raise."""
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        host = host_of(url)
        try:
            return self.opener.open(request, timeout=timeout), False
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

    def _send_once(self, method, url, headers, body, timeout, sink, max_bytes, credentialed):
        reply, is_error = self._open(method, url, headers, body, timeout)
        with reply:
            status = reply.code if is_error else reply.status
            reply_headers = lower_headers(reply.headers)
            if sink is not None and 200 <= status < 300:
                self._stream_body(reply, url, timeout, sink, method, status, reply_headers)
                return Response(url, status, reply_headers, b"")
            reader = self._body_reader(url, status, reply_headers, max_bytes)
            received = 0
            while True:
                check_cancel(self.is_cancelled)
                chunk = self._read_chunk(reply, url, timeout, received, partial=True)
                if not chunk:
                    break
                received += len(chunk)
                reader.feed(chunk)
            self._check_length(method, status, reply_headers, received, url)
            return Response(url, status, reply_headers, reader.finish())

    def _stream_body(self, reply, url, timeout, sink, method, status, headers):
        sink.start(status, headers)
        received = 0
        while True:  # the sink checks its own cancel flag at every chunk
            check_cancel(self.is_cancelled)
            chunk = self._read_chunk(reply, url, timeout, received, partial=True)
            if not chunk:
                break
            received += len(chunk)
            sink.write(chunk)
        self._check_length(method, status, headers, received, url)

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
