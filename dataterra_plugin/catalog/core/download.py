"""Resumable downloads: temporary ``.part`` name, HTTP Range resume, checksum, atomic rename.

Nothing is ever written under the final name until the whole file is there and its
checksum (when the catalogue gives one) matches. An interrupted or cancelled download
keeps its ``.part`` file so the next attempt resumes where it stopped.
"""
import hashlib
import os
import re
import socket
import urllib.error
import urllib.request

from ....rasterblocks.errors import check_cancel
from .errors import CatalogError
from .transport import USER_AGENT, _host

CHUNK = 256 * 1024
ALGORITHMS = ("md5", "sha1", "sha256", "sha512")


def part_path(path):
    return str(path) + ".part"


def parse_checksum(checksum):
    """("sha256", "ab12...") from "sha256:ab12..." ("" -> None); CatalogError if unusable."""
    if not checksum:
        return None
    algorithm, _, digest = checksum.partition(":")
    algorithm = algorithm.lower().replace("-", "")
    if algorithm not in ALGORITHMS or not re.fullmatch(r"[0-9a-fA-F]+", digest or ""):
        raise CatalogError(f"Checksum {checksum!r} is not '<md5|sha1|sha256|sha512>:<hex digest>'.")
    return algorithm, digest.lower()


def urllib_open(url, headers, timeout):
    """(status, lower-case headers, readable stream) of a GET; HTTP errors are returned."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        reply = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) checked by caller
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in (exc.headers or {}).items()}, exc
    except (urllib.error.URLError, OSError) as exc:
        raise CatalogError(f"Cannot reach {_host(url)} to download: {getattr(exc, 'reason', exc)}. "
                           "Check your network connection and try again: the download will resume.") from exc
    return reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply


def download(url, path, checksum="", headers=None, progress=None, is_cancelled=None, timeout=60, opener=urllib_open):
    """Download ``url`` to ``path``, resuming a previous ``.part`` file. Returns ``path``.

    ``checksum`` is "<algorithm>:<hex>" or ""; ``progress(fraction)`` and
    ``is_cancelled()`` as in every core; ``opener`` lets QGIS supply its own stream.
    """
    if not str(url).startswith(("http://", "https://")):
        raise CatalogError(f"Cannot download {url!r}: only http(s) links can be downloaded.")
    expected = parse_checksum(checksum)
    part = part_path(path)
    done = os.path.getsize(part) if os.path.exists(part) else 0
    request_headers = dict(headers or {})
    if done:
        request_headers["Range"] = f"bytes={done}-"
    status, reply_headers, stream = opener(url, request_headers, timeout)
    try:
        if status == 416 and done:  # the .part already holds the whole file
            pass
        elif status >= 400:
            hint = "check your credentials or API key" if status in (401, 403) else "try again later"
            raise CatalogError(f"Download of {url} failed: HTTP {status}: {hint}.")
        else:
            resumed = status == 206 and done and reply_headers.get("content-range", "").startswith(f"bytes {done}-")
            if not resumed:
                done = 0  # the server ignored the Range: start again
            total = _total(reply_headers, done, resumed)
            _copy(stream, part, "ab" if resumed else "wb", done, total, url, progress, is_cancelled)
    finally:
        close = getattr(stream, "close", None)
        if close:
            close()
    if expected is not None:
        digest = _digest(part, expected[0])
        if digest != expected[1]:
            os.remove(part)  # a corrupt file must not be resumed
            raise CatalogError(f"The file downloaded from {url} is corrupt: its {expected[0]} is {digest}, "
                               f"the catalogue says {expected[1]}. It was deleted: download it again.")
    os.replace(part, path)
    if progress is not None:
        progress(1.0)
    return str(path)


def _total(headers, done, resumed):
    match = re.search(r"/(\d+)$", headers.get("content-range", ""))
    if resumed and match:
        return int(match.group(1))
    length = headers.get("content-length", "")
    return int(length) + (done if resumed else 0) if length.isdigit() else None


def _copy(stream, part, mode, done, total, url, progress, is_cancelled):
    written = done
    with open(part, mode) as out:
        while True:
            check_cancel(is_cancelled)  # the .part stays for a later resume
            try:
                chunk = stream.read(CHUNK)
            except (socket.timeout, TimeoutError, OSError, ValueError) as exc:
                raise CatalogError(f"The download of {url} was interrupted after {written} bytes ({exc}). "
                                   "Start it again: it resumes where it stopped.") from exc
            if not chunk:
                break
            out.write(chunk)
            written += len(chunk)
            if progress is not None and total:
                progress(min(0.999, written / total))
    if total is not None and written < total:
        raise CatalogError(f"The download of {url} stopped after {written} of {total} bytes. "
                           "Start it again: it resumes where it stopped.")


def _digest(path, algorithm):
    hasher = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()
