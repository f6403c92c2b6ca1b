"""Credentials bound to the origin they were configured for (RFC 6454: scheme, host, port).

A hostile or careless server can send the plugin elsewhere: a STAC ``next`` link or an
HTTP redirect to another host. Secrets must not follow. So a transport holds its secrets
as :class:`Credentials`, each bound to one or more origins, and adds them to a request
(and to each redirect hop) only when that request's origin is one of them. Backends never
see the secrets, so no backend can send them anywhere.

Headers a caller passes with one request are meant for that request's URL: they go with
redirect hops on the same origin; on a hop to another origin only the harmless ones of
:data:`SAFE_HEADERS` (content negotiation, ranges) follow, and any header named like one
of the transport's credential headers is dropped on any other origin, even on the first
request.
"""
import urllib.parse

DEFAULT_PORTS = {"http": 80, "https": 443}
# request headers that carry nothing secret: they may follow a redirect to another origin
SAFE_HEADERS = frozenset({"accept", "accept-language", "accept-encoding", "content-type", "range", "if-range",
                          "user-agent", "if-none-match", "if-modified-since", "cache-control"})
# headers that hold credentials whoever set them
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


def origin_of(url):
    """``(scheme, host, port)`` of ``url``, lower case, the port made explicit; None when
    ``url`` is not an absolute http(s) URL."""
    try:
        split = urllib.parse.urlsplit(str(url))
        port = split.port
    except ValueError:
        return None
    scheme = split.scheme.lower()
    if scheme not in DEFAULT_PORTS or not split.hostname:
        return None
    return scheme, split.hostname.lower().rstrip("."), port or DEFAULT_PORTS[scheme]


class Credentials:
    """Secrets for the origins of ``urls`` only.

    ``headers`` (e.g. ``{"X-API-Key": key}``) are added to requests to those origins;
    ``auth_config`` is a QGIS authentication configuration id the QGIS transport applies
    to them; ``authenticate(headers)`` may add headers itself (a urllib transport's hook).
    The secrets never appear in ``repr`` or messages.
    """

    def __init__(self, urls, headers=None, auth_config="", authenticate=None):
        urls = [urls] if isinstance(urls, str) else list(urls)
        self.origins = frozenset(origin for origin in map(origin_of, urls) if origin is not None)
        self.headers = dict(headers or {})
        self.auth_config = auth_config or ""
        self.authenticate = authenticate

    def applies_to(self, url):
        return origin_of(url) in self.origins

    def header_names(self):
        return {str(name).lower() for name in self.headers}

    def __bool__(self):
        return bool(self.headers or self.auth_config or self.authenticate)

    def __repr__(self):
        origins = ", ".join(f"{scheme}://{host}:{port}" for scheme, host, port in sorted(self.origins))
        return f"<credentials for {origins or 'no origin'}>"


def as_list(credentials):
    """A list of Credentials from None, one or several (a bare auth configuration id is
    refused: it names no origin; give ``Credentials(url, auth_config=id)``)."""
    if credentials is None or credentials == "":
        return []
    if isinstance(credentials, str):
        raise TypeError(f"credentials must be Credentials bound to an origin, not {credentials!r}")
    if isinstance(credentials, Credentials):
        return [credentials]
    return [item for item in credentials if item is not None]


def hop_headers(url, first_url, headers, credentials):
    """``(headers, credentialed)`` to send to ``url`` (a request or one of its redirect hops;
    ``first_url`` is the URL the caller asked for): the caller's ``headers`` filtered as
    the module says, plus the credentials bound to ``url``'s origin. ``credentialed`` says
    whether anything secret (or unknown) goes along: such answers must not be cached."""
    same_origin = origin_of(url) == origin_of(first_url)
    bound = [item for item in credentials if item.applies_to(url)]
    secret_names = set().union(*(item.header_names() for item in credentials)) - {
        name for item in bound for name in item.header_names()}
    kept = {}
    for name, value in dict(headers or {}).items():
        lower = str(name).lower()
        if lower in secret_names or not (same_origin or lower in SAFE_HEADERS):
            continue
        kept[name] = value
    credentialed = any(str(name).lower() not in SAFE_HEADERS for name in kept)
    for item in bound:
        kept.update(item.headers)
        if item.authenticate is not None:
            item.authenticate(kept)
        credentialed = credentialed or bool(item)
    return kept, credentialed


def withheld(url, first_url, headers, credentials):
    """Whether something secret meant for ``first_url``'s origin was not sent to ``url``
    (a redirect to another origin): its answer may then ask for credentials."""
    if origin_of(url) == origin_of(first_url):
        return False
    return (any(str(name).lower() not in SAFE_HEADERS for name in dict(headers or {}))
            or any(item and item.applies_to(first_url) and not item.applies_to(url) for item in credentials))


def auth_config_for(url, credentials):
    """The QGIS authentication configuration bound to ``url``'s origin, or ""."""
    return next((item.auth_config for item in credentials if item.auth_config and item.applies_to(url)), "")
