"""Catalogue downloads: the shared resumable download (``net.core.download``) raising CatalogError.

The file is written to ``<name>.part``, resumed with HTTP Range after a cut, verified
against the catalogue's checksum (``<algorithm>:<hex>`` or a STAC ``file:checksum``
multihash) and renamed atomically: nothing ever sits under the final name half-written.
"""
from ...net.core.download import parse_checksum as _parse_checksum
from ...net.core.download import part_path, resumable_download
from ...net.core.errors import NetworkError
from .errors import CatalogError
from .transport import UrllibTransport

__all__ = ["download", "parse_checksum", "part_path"]


def parse_checksum(checksum):
    """("sha256", "ab12...") from "sha256:ab12..." or a multihash ("" -> None); CatalogError if unusable."""
    try:
        return _parse_checksum(checksum)
    except NetworkError as exc:
        raise CatalogError(exc.template, **exc.values) from exc  # same message, still translatable


def download(url, path, checksum="", headers=None, progress=None, is_cancelled=None, timeout=60, transport=None,
             sign=None):
    """Download ``url`` to ``path``, resuming a previous ``.part`` file. Returns ``path``.

    ``transport`` is the shared transport to use (default: urllib; in QGIS a
    ``net.qgis_transport.QgisTransport``, whose cancel aborts the pending request);
    ``sign(url, transport) -> url`` turns the catalogue link into a signed one just before
    the request, through the same transport (THEIA / teledetection asset signing, see
    ``signing.py``); ``headers`` (API keys) are never logged.
    """
    transport = transport or UrllibTransport(is_cancelled=is_cancelled)
    try:
        parse_checksum(checksum)  # a typo is reported before anything is signed or sent
        if sign is not None:
            url = sign(url, transport)
        return resumable_download(transport, url, path, checksum, headers, progress, is_cancelled, timeout)
    except NetworkError as exc:
        raise CatalogError(exc.template, **exc.values) from exc  # same message, still translatable
