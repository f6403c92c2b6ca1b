"""The catalogue's side of the shared transport (``net.core.transport``): the checks
every catalogue answer goes through, and the urllib transport raising CatalogError.

A transport is any object with ``request(method, url, headers=None, body=None, timeout=30)``
returning a :class:`Response` (see ``net/core/transport.py``); inside QGIS the catalogue
uses ``net.qgis_transport.QgisTransport(feedback, auth_config, error_class=CatalogError)``
(QgsNetworkAccessManager: proxy, SSL, auth configurations; cancel aborts the request).
"""
from ...net.core import transport as _net
from ...net.core.transport import MAX_BODY_BYTES, USER_AGENT, Response, host_of as _host  # noqa: F401
from .errors import CatalogError
from ....rasterblocks.errors import QT_TRANSLATE_NOOP, Message


class UrllibTransport(_net.UrllibTransport):
    """The shared urllib transport raising :class:`CatalogError`: scripts, tests, qgis_process."""

    def __init__(self, extra_headers=None, **options):
        options.setdefault("error_class", CatalogError)
        super().__init__(extra_headers, **options)


def check_response(response, expected, what):
    """Raise :class:`CatalogError` unless ``response`` is a 2xx answer of kind ``expected``.

    ``expected`` is "json" or "xml"; ``what`` names the request in messages ("GEODES
    search"). HTML error pages, wrong content types and empty bodies are refused with a
    message saying what came back.
    """
    host = _host(response.url)
    snippet = _text_snippet(response.body)
    if response.status >= 400:
        hint = (_net.refusal_hint(response, QT_TRANSLATE_NOOP("DataTerraError", "check your credentials (auth "
                                                                "configuration of this hub)"))
                if response.status in (401, 403)
                else QT_TRANSLATE_NOOP("DataTerraError", "check the collection and search parameters")
                if response.status < 500
                else QT_TRANSLATE_NOOP("DataTerraError", "the server has a problem: try again later"))
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} answered HTTP {http_status}: "
                                             "{hint}.{server_text}"),
            what=what,
            host=host,
            http_status=response.status,
            hint=hint,
            server_text=Message(QT_TRANSLATE_NOOP("DataTerraError", " Server said: {snippet}"), snippet=snippet)
            if snippet else "")
    if response.status >= 300:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} redirected (HTTP {http_status}) "
                                             "without a usable location."),
            what=what,
            host=host,
            http_status=response.status)
    body = response.body.lstrip()
    if not body:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} sent an empty answer."),
            what=what,
            host=host)
    head = body[:512].lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or response.content_type == "text/html":
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} sent a web page instead of {expected} "
                                             "(often a login, maintenance or proxy error page). Check the endpoint "
                                             "address.{page_text}"),
            what=what,
            host=host,
            expected=expected.upper(),
            page_text=Message(QT_TRANSLATE_NOOP("DataTerraError", " Page text: {snippet}"), snippet=snippet)
            if snippet else "")
    ctype = response.content_type
    if expected == "json" and ctype and "json" not in ctype and not ctype.startswith("text/plain"):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} sent {ctype} where JSON was expected. "
                                             "Check the endpoint and protocol."), what=what, host=host, ctype=ctype)
    if expected == "xml" and ctype and "xml" not in ctype and not ctype.startswith("text/plain"):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{what}: {host} sent {ctype} where XML was expected. "
                                             "Check the endpoint and protocol."), what=what, host=host, ctype=ctype)


def _text_snippet(body, limit=200):
    import re

    try:
        text = body[:4096].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - only for a message
        return ""
    text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:limit]
