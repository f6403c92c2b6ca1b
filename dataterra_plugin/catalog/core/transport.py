"""The small HTTP transport a backend is handed, and the checks every response goes through.

A transport is any object with ``request(method, url, headers=None, body=None, timeout=30)``
returning a :class:`Response`; it raises :class:`CatalogError` for network failures and
time-outs. :class:`UrllibTransport` serves scripts and tests; inside QGIS
``catalog.qgis_transport.QgisTransport`` goes through QgsNetworkAccessManager (proxy,
SSL, auth configurations).
"""
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from .errors import CatalogError

USER_AGENT = "DataTerra-QGIS/0.1 (+https://www.data-terra.org)"
MAX_BODY_BYTES = 64 * 1024 * 1024  # a catalogue page larger than this is an error, not data


@dataclass
class Response:
    url: str
    status: int
    headers: dict = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class UrllibTransport:
    """Transport on urllib (standard library): scripts, tests, qgis_process."""

    def __init__(self, extra_headers=None):
        self.extra_headers = dict(extra_headers or {})

    def request(self, method, url, headers=None, body=None, timeout=30):
        all_headers = {"User-Agent": USER_AGENT, **self.extra_headers, **(headers or {})}
        req = urllib.request.Request(url, data=body, headers=all_headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as reply:  # noqa: S310 - http(s) only, checked by caller
                data = _read_all(reply, url)
                return Response(url, reply.status, _lower(reply.headers), data)
        except urllib.error.HTTPError as exc:
            data = exc.read(MAX_BODY_BYTES) if exc.fp else b""
            return Response(url, exc.code, _lower(exc.headers or {}), data)
        except (socket.timeout, TimeoutError) as exc:
            raise CatalogError(f"{_host(url)} did not answer within {timeout} s. "
                               "The server may be down or slow: try again later or raise the time-out.") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise CatalogError(f"{_host(url)} did not answer within {timeout} s. "
                                   "The server may be down or slow: try again later.") from exc
            raise CatalogError(f"Cannot reach {_host(url)}: {reason}. Check the address, "
                               "your network connection and proxy settings.") from exc
        except (OSError, ValueError) as exc:  # connection reset, IncompleteRead, bad URL
            raise CatalogError(f"The connection to {_host(url)} failed: {exc}. Try again later.") from exc


def _read_all(reply, url):
    data = reply.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise CatalogError(f"The answer of {_host(url)} is larger than {MAX_BODY_BYTES // 2**20} MiB: "
                           "ask fewer records per page.")
    expected = reply.headers.get("Content-Length")
    if expected and expected.isdigit() and int(expected) != len(data):
        raise CatalogError(f"The answer of {_host(url)} was cut short ({len(data)} of {expected} bytes). "
                           "Try again.")
    return data


def _lower(headers):
    return {str(k).lower(): str(v) for k, v in dict(headers).items()}


def _host(url):
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def check_response(response, expected, what):
    """Raise :class:`CatalogError` unless ``response`` is a 2xx answer of kind ``expected``.

    ``expected`` is "json" or "xml"; ``what`` names the request in messages ("GEODES
    search"). HTML error pages, wrong content types and empty bodies are refused with a
    message saying what came back.
    """
    host = _host(response.url)
    snippet = _text_snippet(response.body)
    if response.status >= 400:
        hint = ("check your credentials (auth configuration of this hub)" if response.status in (401, 403)
                else "check the collection and search parameters" if response.status < 500
                else "the server has a problem: try again later")
        raise CatalogError(f"{what}: {host} answered HTTP {response.status}: {hint}."
                           + (f" Server said: {snippet}" if snippet else ""))
    if response.status >= 300:
        raise CatalogError(f"{what}: {host} redirected (HTTP {response.status}) without a usable location.")
    body = response.body.lstrip()
    if not body:
        raise CatalogError(f"{what}: {host} sent an empty answer.")
    head = body[:512].lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or response.content_type == "text/html":
        raise CatalogError(f"{what}: {host} sent a web page instead of {expected.upper()} "
                           "(often a login, maintenance or proxy error page). Check the endpoint address."
                           + (f" Page text: {snippet}" if snippet else ""))
    ctype = response.content_type
    if expected == "json" and ctype and "json" not in ctype and not ctype.startswith("text/plain"):
        raise CatalogError(f"{what}: {host} sent {ctype} where JSON was expected. Check the endpoint and protocol.")
    if expected == "xml" and ctype and "xml" not in ctype and not ctype.startswith("text/plain"):
        raise CatalogError(f"{what}: {host} sent {ctype} where XML was expected. Check the endpoint and protocol.")


def _text_snippet(body, limit=200):
    import re

    try:
        text = body[:4096].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - only for a message
        return ""
    text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:limit]
