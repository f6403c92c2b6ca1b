"""Signed asset URLs: THEIA / Maison de la Télédétection STAC (``teledetection`` hub).

The assets of ``https://api.stac.teledetection.fr`` are in object storage that only
answers pre-signed URLs. A client asks the signing service for each asset:
``GET <signing_url><percent-encoded asset URL>`` (``https://signing.stac.teledetection.fr/sign?url=``,
see ../shared/HUBS.md) with the user's API key in the ``access-key`` and ``secret-key``
headers, and gets ``{"href": "<signed URL>", "expiry": "<ISO 8601>"}`` (the answer of
the Planetary Computer signing API this service follows). The signed URL is then
downloaded like any other, without the keys.

The keys only ever go to the signing service; they are not kept beyond the signer,
never logged and never put in messages (nor is the signed URL, whose query is a
credential for its lifetime).
"""
import json
from urllib.parse import quote, urlsplit

from .errors import CatalogError
from .transport import _host
from ....rasterblocks.errors import QT_TRANSLATE_NOOP


def sign_url(transport, signing_url, href, access_key, secret_key, timeout=30):
    """The signed URL of asset ``href``; CatalogError with what to do when refused."""
    if not str(signing_url).startswith(("http://", "https://")):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The signing service address {signing_url!r} is not "
                                             "an http(s) URL: fix the hub's signing_url option."),
            signing_url=signing_url)
    if not access_key or not secret_key:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "This hub signs its download links with an API key: "
                                             "create an authentication configuration (method Basic: user name = "
                                             "access key, password = secret key) and choose it for the hub."))
    response = transport.request("GET", signing_url + quote(href, safe=""),
                                 headers={"access-key": access_key, "secret-key": secret_key,
                                          "Accept": "application/json"}, timeout=timeout)
    host = _host(signing_url)
    if response.status in (401, 403):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The signing service {host} refused the API key (HTTP "
                                             "{http_status}): check the access key (user name) and secret key "
                                             "(password) of the hub's authentication configuration, or create a new "
                                             "key."), host=host, http_status=response.status)
    if response.status >= 400:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The signing service {host} could not sign "
                                             "{asset_name} (HTTP {http_status}). Try again later."),
            host=host,
            asset_name=_asset_name(href),
            http_status=response.status)
    signed = _signed_href(response.body, href)
    if not signed or not signed.startswith(("http://", "https://")):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The signing service {host} answered without a signed "
                                             "http(s) link for {asset_name}: check the hub's signing_url option."),
            host=host,
            asset_name=_asset_name(href))
    return signed


def _signed_href(body, href):
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return ""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("href"), str):
        return data["href"]
    hrefs = data.get("hrefs")  # the batch form of the teledetection API: {"hrefs": {url: signed}}
    if isinstance(hrefs, dict) and isinstance(hrefs.get(href), str):
        return hrefs[href]
    return ""


def _asset_name(href):
    return urlsplit(href).path.rsplit("/", 1)[-1] or _host(href)


def make_signer(signing_url, access_key, secret_key, timeout=30):
    """``sign(href, transport) -> signed href`` for :func:`~.download.download`; it holds the
    keys in memory only (never in its repr, so that logging the object shows nothing)."""

    class Signer:
        def __call__(self, href, transport):
            return sign_url(transport, signing_url, href, access_key, secret_key, timeout)

        def __repr__(self):
            return f"<signer for {_host(signing_url)}>"

    return Signer()
