"""Client of the DINAMIS REST ordering protocol (docs/dinamis_protocol.md).

The client never opens a socket itself: it is given a *transport*, a callable
``transport(method, url, headers, body) -> Response`` that raises
:class:`TransportError`. :func:`urllib_transport` serves scripts and tests; in QGIS
``dinamis/qgis_transport.py`` goes through QgsNetworkAccessManager, so the user's proxy,
SSL settings and QgsAuthManager configuration apply. Credentials are added by the
transport (or an ``authenticate`` callable) and never kept, logged or put in messages.
"""
import hashlib
import http.client
import json
import os
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ....rasterblocks.errors import Cancelled, DataTerraError, check_cancel


class TransportError(DataTerraError):
    """No usable answer: ``kind`` is 'connection', 'timeout' or 'tls'."""

    def __init__(self, message, kind="connection"):
        super().__init__(message)
        self.kind = kind


class OrderingError(DataTerraError):
    """The server answered with an error; ``status`` is the HTTP status."""

    def __init__(self, message, status=0):
        super().__init__(message)
        self.status = status


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)

    def json(self):
        try:
            return json.loads(self.body or b"null")
        except json.JSONDecodeError as exc:
            raise OrderingError(f"The ordering server answered HTTP {self.status} with a body that is "
                                "not JSON: check the server URL in the DINAMIS settings.", self.status) from exc


def urllib_transport(timeout=30, authenticate=None, context=None):
    """A transport over urllib. TLS certificates are always verified (``context`` may add a
    CA bundle, never disable checks); ``authenticate(headers)`` adds credentials."""
    context = context or ssl.create_default_context()

    def transport(method, url, headers, body=None, sink=None):
        headers = dict(headers)
        if authenticate is not None:
            authenticate(headers)
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout, context=context) as answer:
                if sink is None:
                    return Response(answer.status, answer.read(), dict(answer.headers))
                _stream(answer, sink, url)
                return Response(answer.status, b"", dict(answer.headers))
        except urllib.error.HTTPError as exc:
            return Response(exc.code, exc.read(), dict(exc.headers or {}))
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLError):
                raise TransportError(f"The TLS certificate of {_host(url)} could not be verified "
                                     f"({exc.reason.__class__.__name__}): the connection was refused. "
                                     "Install the server's CA certificate in QGIS's authentication "
                                     "manager; do not disable the check.", "tls") from None
            raise TransportError(f"Could not reach {_host(url)}: {exc.reason}. Check the URL and your "
                                 "network or proxy settings.") from None
        except ssl.SSLError as exc:
            raise TransportError(f"TLS failure with {_host(url)} ({exc.__class__.__name__}).", "tls") from None
        except TimeoutError:
            raise TransportError(f"{_host(url)} did not answer within {timeout} s.", "timeout") from None
        except (ConnectionError, OSError) as exc:
            # includes http.client.RemoteDisconnected: the server may have acted on the request
            raise TransportError(f"The connection to {_host(url)} was lost before the answer "
                                 f"({exc.__class__.__name__}).") from None

    return transport


def _stream(answer, sink, url, chunk=1 << 16):
    """Copy a body into ``sink`` by chunks: memory bounded whatever the file size."""
    sink.start(answer.status)
    while True:
        try:
            data = answer.read(chunk)
        except http.client.IncompleteRead as exc:
            sink.write(exc.partial)
            raise TransportError(f"The connection to {_host(url)} was cut during the download.") from None
        if not data:
            return
        sink.write(data)


class PartFile:
    """Where a download goes: ``<name>.part``, appended to after a 206 (resume), rewritten
    after a 200; reports progress and checks cancellation at every chunk."""

    def __init__(self, path, total, progress=None, is_cancelled=None):
        self.path, self.total = Path(path), total
        self.progress, self.is_cancelled = progress, is_cancelled
        self.handle = None

    def start(self, status):
        self.close()
        self.handle = open(self.path, "ab" if status == 206 else "wb")

    def write(self, data):
        check_cancel(self.is_cancelled)
        self.handle.write(data)
        if self.progress:
            self.progress(min(1.0, self.handle.tell() / max(self.total, 1)))

    def close(self):
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def size(self):
        return self.path.stat().st_size if self.path.exists() else 0


def _host(url):
    return urllib.parse.urlsplit(url).netloc


def new_idempotency_key() -> str:
    """A client-generated key, saved in the order book *before* the first attempt."""
    return str(uuid.uuid4())


class OrderingClient:
    """estimate / submit / status / cancel / deliverables / download against ``base_url``."""

    def __init__(self, base_url, transport, retries=3, backoff=0.2):
        self.base_url = base_url.rstrip("/")
        self.transport = transport
        self.retries = retries
        self.backoff = backoff

    def _call(self, method, path, payload=None, headers=None, retry=True):
        body = None if payload is None else json.dumps(payload).encode()
        all_headers = {"Accept": "application/json", **(headers or {})}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        attempts = self.retries if retry else 1
        for attempt in range(attempts):
            try:
                response = self.transport(method, self.base_url + path, all_headers, body)
            except TransportError as exc:
                if exc.kind == "tls" or attempt == attempts - 1:
                    raise
                time.sleep(self.backoff * 2 ** attempt)
                continue
            if response.status >= 500 and attempt < attempts - 1:
                time.sleep(self.backoff * 2 ** attempt)
                continue
            return self._checked(response)
        raise AssertionError("unreachable")

    @staticmethod
    def _checked(response):
        data = response.json()
        if response.status >= 400:
            message = (data or {}).get("message", "") if isinstance(data, dict) else ""
            hints = {401: "Check the authentication configuration chosen in the DINAMIS settings.",
                     422: "Correct the request and try again."}
            raise OrderingError(f"The ordering server refused the request (HTTP {response.status}): "
                                f"{message} {hints.get(response.status, '')}".strip(), response.status)
        return data

    def estimate(self, request):
        return self._call("POST", "/orders/estimate", request)

    def submit(self, request, idempotency_key):
        """Create the order, or get the one this key already created (safe to retry)."""
        if not idempotency_key:
            raise ValueError("submit needs the idempotency key stored in the order book")
        return self._call("POST", "/orders", request, {"Idempotency-Key": idempotency_key})

    def find_by_key(self, idempotency_key):
        """The order created with this key, or None (after a crash before the answer)."""
        try:
            return self._call("GET", f"/orders?idempotency_key={idempotency_key}")
        except OrderingError as exc:
            if exc.status == 404:
                return None
            raise

    def status(self, order_id):
        return self._call("GET", f"/orders/{order_id}")

    def cancel(self, order_id):
        return self._call("POST", f"/orders/{order_id}/cancel", {})

    def download(self, deliverable, folder, progress=None, is_cancelled=None):
        """Download one deliverable to ``folder``, streamed to a ``.part`` file that is
        resumed with a Range request after a cut; size and SHA-256 are verified, then the
        file is renamed atomically. Returns the final path."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / deliverable["name"]
        if final.exists() and _sha256(final) == deliverable["sha256"]:
            return final
        part = PartFile(final.with_name(final.name + ".part"), deliverable["size"], progress, is_cancelled)
        try:
            for attempt in range(self.retries):
                have = part.size()
                headers = {"Range": f"bytes={have}-"} if have else {}
                try:
                    response = self.transport("GET", deliverable["href"], headers, sink=part)
                except TransportError as exc:
                    if exc.kind == "tls" or attempt == self.retries - 1:
                        raise
                    continue
                finally:
                    part.close()
                if response.status not in (200, 206):
                    raise OrderingError(f"Downloading {deliverable['name']} failed with HTTP {response.status}.",
                                        response.status)
                if part.size() >= deliverable["size"]:
                    break
        except Cancelled:
            raise  # the .part file stays, so that the next attempt resumes it
        if part.size() != deliverable["size"] or _sha256(part.path) != deliverable["sha256"]:
            part.path.unlink()
            raise OrderingError(f"{deliverable['name']} arrived damaged (size or SHA-256 differs); the "
                                "partial file was removed: download it again.")
        os.replace(part.path, final)
        return final


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


__all__ = ["Cancelled", "OrderingClient", "OrderingError", "Response", "TransportError",
           "new_idempotency_key", "urllib_transport"]
