"""Which catalogue assets GDAL can stream as map layers without downloading them, and the
checks made before one is added (``/vsicurl/``): pure, no qgis import.

A layer's source is saved in the QGIS project, so it must never hold a credential: assets
whose host gets the hub's key or auth configuration, hubs that sign their links, and URLs
that already carry a signature or token are offered for download instead. Before GDAL
opens anything, the first bytes are read through the plugin's transport (origin-bound
credentials, byte cap, redirects checked): the answer must be a byte range (GDAL reads
COGs by ranges) of a TIFF (its magic bytes).
"""
from urllib.parse import parse_qsl, quote, urlsplit

from ....rasterblocks.errors import QT_TRANSLATE_NOOP
from ...net.core.transport import host_of
from .errors import CatalogError

TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")  # TIFF and BigTIFF, both byte orders
PROBE_BYTES = 16
TIFF_TYPES = ("image/tiff", "image/geotiff", "image/tif")
TIFF_SUFFIXES = (".tif", ".tiff")
# query parameters that make a URL a credential (pre-signed S3 / Azure SAS / API tokens)
SECRET_PARAMETERS = {"x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature", "sig", "se",
                     "token", "access_token", "apikey", "api_key", "key", "x-goog-signature"}


def is_tiff_link(link):
    """A link to a (Geo)TIFF file over HTTP(S), by its media type or its file name."""
    if urlsplit(link.href).scheme.lower() not in ("http", "https"):
        return False
    kind = (link.type or "").lower()
    return any(t in kind for t in TIFF_TYPES) or urlsplit(link.href).path.lower().endswith(TIFF_SUFFIXES)


def streamable_links(record):
    """The record's data links GDAL could stream (TIFF over HTTP(S))."""
    return [link for link in record.download_links() if is_tiff_link(link)]


def refuse_credentials(url, needs_credentials, signs_links):
    """Raise :class:`CatalogError` (saying why, and to download instead) when streaming ``url``
    would put a credential in the layer source."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{url} is not an http(s) address: only files served "
                                             "over HTTP(S) can be streamed."), url=url)
    if signs_links:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The hub signs its download links, and a signed "
                                             "address is a credential that the layer would save in the project: "
                                             "download the file instead."))
    if needs_credentials:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{host} gets this hub's credentials, which a "
                                             "streamed layer would need in its source, saved in the project: "
                                             "download the file instead."), host=host_of(url))
    secrets = sorted({key for key, _ in parse_qsl(urlsplit(url).query) if key.lower() in SECRET_PARAMETERS})
    if secrets:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The address carries a signature or token "
                                             "({names}) that the layer would save in the project: download the file "
                                             "instead."), names=", ".join(secrets))


def probe_tiff(url, transport, timeout=20):
    """Read the first bytes of ``url`` as a byte range through ``transport``; raise
    :class:`CatalogError` unless the server serves ranges of a TIFF file."""
    response = transport.request("GET", url, headers={"Range": f"bytes=0-{PROBE_BYTES - 1}",
                                                      "Accept-Encoding": "identity"},
                                 timeout=timeout, max_bytes=64 * 1024)
    host = host_of(response.url)
    if response.status in (401, 403):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{host} asks for credentials (HTTP {http_status}) to "
                                             "read this file: download it instead."),
                           host=host, http_status=response.status)
    if response.status >= 400:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{host} answered HTTP {http_status} for the file."),
                           host=host, http_status=response.status)
    if response.status != 206:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "{host} does not serve parts of the file (HTTP "
                                             "{http_status} instead of 206), which streaming needs: download it "
                                             "instead."), host=host, http_status=response.status)
    if not response.body.startswith(TIFF_MAGIC):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The file at {host} is not a TIFF (it starts with "
                                             "{start}): only (Cloud Optimized) GeoTIFF files are streamed."),
                           host=host, start=response.body[:8].hex(" ") or "nothing")


def vsicurl_source(url):
    """The GDAL source streaming ``url``: no listing of the file's folder (one request less
    per open, and no sidecar files picked from the server)."""
    return "/vsicurl?list_dir=no&url=" + quote(url, safe="")
