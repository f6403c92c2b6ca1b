"""Resumable, checksum-verified downloads that never leave a partial file under the final name.

The body goes to ``<final name>.part``. After a cut, the next attempt asks for the rest
with an HTTP ``Range: bytes=<size of .part>-`` header and ``If-Range: <ETag or
Last-Modified of the first answer>`` (kept in ``<final name>.part.json``), and appends
only when the server answers 206 with the matching ``Content-Range``, the same total size
and the same validators: a file that changed on the server is never stitched from two
versions (a 200 to If-Range, or any disagreement, starts the file again from zero). A
``.part`` without validators is resumed only when a checksum will verify the result.
Downloads ask for ``Accept-Encoding: identity`` and store the bytes as sent (a gzip
"bomb" stays its wire size). When the announced size and the checksum match, the ``.part`` file is
renamed to the final name with :func:`os.replace` (atomic on one file system). A file that
fails the check is deleted (resuming a corrupt file would only extend the damage); a
cancelled or cut download keeps its ``.part`` so that the next attempt resumes it.

Checksums are given as ``<algorithm>:<hex>`` (md5, sha1, sha256, sha512) or as the hex
*multihash* of the STAC ``file:checksum`` field (https://github.com/multiformats/multihash:
a varint hash-function code, a varint digest length, the digest).
"""
import hashlib
import json
import os
import re

from ....rasterblocks.errors import Cancelled, DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .errors import NetworkError
from .transport import check_http_url, host_of, refusal_hint

ALGORITHMS = ("md5", "sha1", "sha256", "sha512")
# multihash function codes (multicodec table) of the algorithms hashlib always has
MULTIHASH_CODES = {0x11: "sha1", 0x12: "sha256", 0x13: "sha512", 0xD5: "md5"}
DIGEST_BYTES = {"md5": 16, "sha1": 20, "sha256": 32, "sha512": 64}


def part_path(path):
    """Where the download of ``path`` is written until it is complete and verified."""
    return str(path) + ".part"


def parse_checksum(checksum):
    """``(algorithm, lower-case hex digest)`` of a checksum text, None for "".

    Accepts "sha256:ab12...", "SHA-256:...", and hex multihashes such as
    "1220<64 hex>" (sha2-256) or "d50110<32 hex>" (md5). NetworkError (kind "checksum")
    for anything else, so a typo is not mistaken for a corrupt file.
    """
    if not checksum:
        return None
    text = str(checksum).strip()
    algorithm, separator, digest = text.partition(":")
    if separator:
        algorithm = algorithm.lower().replace("-", "")
        if algorithm in ALGORITHMS and _is_digest(digest, algorithm):
            return algorithm, digest.lower()
    else:
        parsed = _parse_multihash(text)
        if parsed is not None:
            return parsed
    raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "Checksum {text!r} is not '<md5|sha1|sha256|sha512>:<hex "
                                         "digest>' nor a hex multihash (STAC file:checksum): correct or remove it."),
        "checksum",
        text=text[:80])


def _is_digest(digest, algorithm):
    return bool(re.fullmatch(r"[0-9a-fA-F]+", digest or "")) and len(digest) == 2 * DIGEST_BYTES[algorithm]


def _parse_multihash(text):
    if not re.fullmatch(r"(?:[0-9a-fA-F]{2})+", text):
        return None
    data = bytes.fromhex(text)
    code, position = _varint(data, 0)
    length, position = _varint(data, position)
    algorithm = MULTIHASH_CODES.get(code)
    if algorithm is None or length != DIGEST_BYTES[algorithm] or len(data) - position != length:
        return None
    return algorithm, data[position:].hex()


def _varint(data, position):
    """Unsigned LEB128 varint of multiformats: (value, next position); (-1, ...) if cut."""
    value = shift = 0
    while position < len(data):
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7
    return -1, position


def file_digest(path, algorithm):
    hasher = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


class PartFile:
    """The sink of a streamed download: appends after a 206 that continues the ``.part``
    file *of the same version*, rewrites it after a 200; reports progress and checks
    cancellation per chunk.

    ``known`` is what the first answer said about the file (``validators(headers)``: its
    ETag or Last-Modified and total size); ``size`` the size the catalogue announced. A
    206 whose range, total, ETag or Last-Modified disagrees with them means another version
    of the file: nothing is appended and ``start`` raises kind "changed".
    """

    def __init__(self, path, done, size, known, progress=None, is_cancelled=None):
        self.path = path
        self.done = done  # bytes already in the .part file before this request
        self.total = size  # expected final size (None: unknown)
        self.size = size
        self.known = known
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.handle = None
        self.written = done

    def start(self, status, headers):
        resumed = status == 206 and bool(self.done)
        if status == 206:
            self._check_continues(headers)
        else:  # a 200: the server ignored the Range, or If-Range said the file changed: start again
            self.done = 0
            self.known = validators(headers, _announced_total(headers, 0, False))
            save_state(self.path, self.known)
        self.written = self.done
        self.total = _announced_total(headers, self.done, resumed) or self.total
        self.handle = open(self.path, "ab" if resumed else "wb")

    def _check_continues(self, headers):
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", headers.get("content-range", "").strip())
        total = int(match.group(3)) if match else None
        same = (bool(self.done) and match is not None and int(match.group(1)) == self.done
                and total == self.known.get("total", total) and total == (self.size if self.size is not None
                                                                           else total))
        for name in ("etag", "last_modified"):
            answered = headers.get(name.replace("_", "-"), "")
            same = same and not (answered and self.known.get(name) and answered != self.known[name])
        if not same:
            raise changed_error(self.path)

    def write(self, chunk):
        check_cancel(self.is_cancelled)  # the .part stays for a later resume
        self.handle.write(chunk)
        self.written += len(chunk)
        if self.progress is not None and self.total:
            self.progress(min(0.999, self.written / self.total))

    def close(self):
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def changed_error(path):
    return NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "The file {basename} changed on the server during the "
                                          "download (its size, date or version differ from the first answer): the "
                                          "partial file was discarded. Download it again."), "changed",
                        basename=os.path.basename(str(path))[:-len(".part")])


def validators(headers, total):
    """What identifies the version of a file from its first answer: a strong ETag, its
    Last-Modified date and its total size (the state kept beside the ``.part`` file)."""
    state = {"total": total} if total is not None else {}
    etag = headers.get("etag", "").strip()
    if etag and not etag.startswith("W/"):  # a weak ETag may not be used with If-Range (RFC 9110)
        state["etag"] = etag
    if headers.get("last-modified", "").strip():
        state["last_modified"] = headers["last-modified"].strip()
    return state


def state_path(part):
    """Where the validators of a ``.part`` file are kept between attempts (no URL: a signed
    URL is a credential)."""
    return str(part) + ".json"


def load_state(part):
    try:
        with open(state_path(part), encoding="utf-8") as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(part, state):
    with open(state_path(part), "w", encoding="utf-8") as handle:
        json.dump(state, handle)


def discard(part):
    """Delete a ``.part`` file and its state."""
    for name in (part, state_path(part)):
        if os.path.exists(name):
            os.remove(name)


def _announced_total(headers, done, resumed):
    match = re.search(r"/(\d+)\s*$", headers.get("content-range", ""))
    if resumed and match:
        return int(match.group(1))
    length = headers.get("content-length", "")
    return int(length) + (done if resumed else 0) if length.isdigit() else None


def resumable_download(transport, url, path, checksum="", headers=None, progress=None, is_cancelled=None,
                       timeout=60, size=None, retries=0):
    """Download ``url`` to ``path`` through ``transport`` (its ``stream`` method). Returns ``path``.

    A ``.part`` file left by an earlier attempt is resumed only when the result can be
    proved to be one version of the file: the server gave a validator (strong ETag or
    Last-Modified, sent back in ``If-Range``) or ``checksum`` is given; the total size is
    checked against the first answer and ``size``. A file that changed meanwhile starts
    again from zero (once; a second change fails with kind "changed").

    Parameters
    ----------
    transport : object with ``stream(url, sink, headers, timeout)``
        :class:`~.transport.UrllibTransport` or ``net.qgis_transport.QgisTransport``.
    checksum : str
        "<algorithm>:<hex>", a hex multihash, or "" (no check).
    headers : dict
        Extra request headers (e.g. an API key); never logged.
    progress, is_cancelled : callables
        ``progress(fraction)`` in [0, 1]; ``is_cancelled()`` polled per chunk.
    timeout : float
        Seconds without a byte before the attempt fails (kind "timeout").
    size : int, optional
        The size in bytes the server announced elsewhere (order deliverables): checked too.
    retries : int
        Extra attempts after a cut or time-out, each resuming where the last stopped.

    Raises
    ------
    NetworkError
        kind "http" (status >= 400), "checksum" (size or checksum differ: the ``.part``
        file is deleted), "changed" (the file changed twice during the download: deleted),
        or the transport's kinds (the ``.part`` file stays).
    Cancelled
        The ``.part`` file stays for a later resume.
    """
    check_http_url(url)
    expected = parse_checksum(checksum)
    part = part_path(path)
    attempt, restarted = 0, False
    while True:
        try:
            complete = _attempt(transport, url, part, dict(headers or {}), progress, is_cancelled, timeout, size,
                                verified=expected is not None)
            break
        except Cancelled:
            raise
        except DataTerraError as exc:
            kind = getattr(exc, "kind", "connection")
            if kind == "changed" and not restarted:
                discard(part)
                restarted = True
                continue
            if kind == "changed":
                discard(part)
            if kind in ("http", "tls", "checksum", "too_large", "changed") or attempt == retries:
                if kind in ("connection", "timeout", "truncated"):
                    raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "The download of {host} was "
                                                         "interrupted ({exc}) after {size} bytes. Start it again: it "
                                                         "resumes where it stopped."),
                                       kind,
                        host=host_of(url),
                        exc=exc,
                        size=_size(part)) from exc
                raise
            attempt += 1
    _verify(part, url, expected, size if size is not None else complete)
    os.replace(part, path)
    discard(part)
    if progress is not None:
        progress(1.0)
    return str(path)


def _size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def _attempt(transport, url, part, headers, progress, is_cancelled, timeout, size, verified):
    """One request; returns the expected total size (None if unknown)."""
    known = load_state(part)
    done = _size(part)
    if done and not (verified or known.get("etag") or known.get("last_modified")):
        discard(part)  # nothing could prove the rest belongs to the same version
        done, known = 0, {}
    if done:
        headers["Range"] = f"bytes={done}-"
        if known.get("etag") or known.get("last_modified"):
            headers["If-Range"] = known.get("etag") or known["last_modified"]
    sink = PartFile(part, done, size, known, progress, is_cancelled)
    try:
        response = transport.stream(url, sink, headers=headers, timeout=timeout)
    finally:
        sink.close()
    if response.status == 416 and done:  # complete only if the server's whole file is the .part
        match = re.fullmatch(r"bytes \*/(\d+)", response.headers.get("content-range", "").strip())
        if match and int(match.group(1)) == done == known.get("total", done) == (size if size is not None else done):
            return done
        raise changed_error(part)
    if response.status >= 400 or not 200 <= response.status < 300:
        hint = (refusal_hint(response, QT_TRANSLATE_NOOP("DataTerraError", "check your credentials or API key"))
                if response.status in (401, 403)
                else QT_TRANSLATE_NOOP("DataTerraError", "the link may have expired: search again")
                if response.status in (404, 410)
                else QT_TRANSLATE_NOOP("DataTerraError", "try again later"))
        raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "Download of {url} failed: HTTP "
                                             "{http_status}: {hint}."), "http",
                           response.status,
            url=url_for_message(url),
            http_status=response.status,
            hint=hint)
    if sink.total is not None and sink.written < sink.total:
        raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "the answer stopped after {written} of {total} bytes"),
            "truncated",
            written=sink.written,
            total=sink.total)
    return sink.total


def url_for_message(url):
    """``url`` without its query string: signed URLs carry credentials in their query."""
    return str(url).split("?", 1)[0]


def _verify(part, url, expected, size):
    actual_size = _size(part)
    if size is not None and actual_size != size:
        discard(part)
        raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "The file downloaded from {host} has {actual_size} "
                                             "bytes, the server announced {size}. The damaged file was deleted: "
                                             "download it again."), "checksum",
            host=host_of(url),
            actual_size=actual_size,
            size=size)
    if expected is None:
        return
    digest = file_digest(part, expected[0])
    if digest != expected[1]:
        discard(part)  # a corrupt file must not be resumed
        raise NetworkError(QT_TRANSLATE_NOOP("DataTerraError", "The file downloaded from {url} is "
                                             "corrupt: its {algorithm} is {digest}, the catalogue says "
                                             "{expected_digest}. It was deleted: download it again."),
                           "checksum",
            url=url_for_message(url),
            algorithm=expected[0],
            digest=digest,
            expected_digest=expected[1])
