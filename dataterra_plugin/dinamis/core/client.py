"""Client of the DINAMIS REST ordering protocol (docs/dinamis_protocol.md).

The client never opens a socket itself: it is given a *transport*, a callable
``transport(method, url, headers, body) -> Response`` that raises
:class:`TransportError`: an :class:`OrderingTransport` over one of the plugin's shared
transports (``net``). :func:`urllib_transport` serves scripts and tests; in QGIS the dock
and the algorithms use ``OrderingTransport(net.qgis_transport.QgisTransport(...))``, so
the user's proxy, SSL settings and QgsAuthManager configuration apply and a cancel aborts
the pending request. Credentials are added by the transport (or an ``authenticate``
callable) and never kept, logged or put in messages.
"""
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ...net.core.download import file_digest, resumable_download
from ...net.core.errors import NetworkError
from ...net.core.safe_paths import path_in_folder
from ...net.core.transport import UrllibTransport
from ...catalog.core.safe import MAX_URL, as_text, json_type
from ....rasterblocks.errors import Cancelled, DataTerraError
from ....rasterblocks.errors import QT_TRANSLATE_NOOP

SERVER = QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS ordering server")


class TransportError(NetworkError):
    """No usable answer: ``kind`` is 'connection', 'timeout', 'tls' or 'truncated'."""


class OrderingError(DataTerraError):
    """The server answered with an error; ``status`` is the HTTP status."""

    def __init__(self, message, status=0, /, **values):
        super().__init__(message, **values)
        self.status = status


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)

    def json(self):
        try:
            return json.loads(self.body or b"null")
        except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, or nested beyond Python's stack
            raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server answered HTTP "
                                                  "{http_status} with a body that is not JSON: check the server URL "
                                                  "in the DINAMIS settings."),
                self.status, http_status=self.status) from exc


class OrderingTransport:
    """The ordering client's callable view of a shared transport (``shared``: its
    ``request``/``stream`` object, also used for the resumable downloads)."""

    def __init__(self, shared, timeout=30):
        self.shared = shared
        self.timeout = timeout

    def __call__(self, method, url, headers, body=None):
        answer = self.shared.request(method, url, headers=headers, body=body, timeout=self.timeout)
        return Response(answer.status, answer.body, answer.headers)


def urllib_transport(timeout=30, authenticate=None, context=None):
    """A transport over urllib. TLS certificates are always verified (``context`` may add a
    CA bundle, never disable checks); ``authenticate(headers)`` adds credentials."""
    return OrderingTransport(UrllibTransport(authenticate=authenticate, ssl_context=context,
                                             error_class=TransportError), timeout)


SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
MAX_ID = 200  # characters of an order id


def _answer_error(template, **values):
    return OrderingError(template, 0, **values)


def checked_order(data):
    """The order of an ordering-server answer, its fields checked: ``id`` (text), ``status``
    (text), ``reason`` (text) and ``deliverables`` (see :func:`checked_deliverables`).

    Any other JSON (``{}``, a list, a string, ``"deliverables": 7``) raises
    :class:`OrderingError` saying what the server sent instead of an order.
    """
    if not isinstance(data, dict):
        raise _answer_error(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server answered {found} where an order "
                                              "was expected: check the server URL in the DINAMIS settings."),
                            found=json_type(data))
    order_id = data.get("id")
    if isinstance(order_id, int) and not isinstance(order_id, bool):
        order_id = str(order_id)
    if not isinstance(order_id, str) or not 0 < len(order_id) <= MAX_ID:
        raise _answer_error(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server answered an order without a "
                                              "usable 'id' (found {found})."), found=json_type(data.get("id")))
    status = data.get("status")
    if not isinstance(status, str) or not 0 < len(status) <= 64:
        raise _answer_error(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server answered order {order_id} "
                                              "without a usable 'status' (found {found})."),
                            order_id=order_id, found=json_type(status))
    return {**data, "id": order_id, "status": status, "reason": as_text(data.get("reason")),
            "deliverables": checked_deliverables(data.get("deliverables", []), order_id)}


def checked_deliverables(deliverables, order_id=""):
    """The deliverables of an order as dicts holding ``name`` (text), ``href`` (http(s)
    URL), ``sha256`` (64 hexadecimal digits) and ``size`` (bytes); :class:`OrderingError`
    naming the first one that lacks any of them."""
    if not isinstance(deliverables, list):
        raise _answer_error(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server answered order {order_id} with "
                                              "'deliverables' that are {found}, not a list."),
                            order_id=order_id, found=json_type(deliverables))
    checks = {"name": lambda v: isinstance(v, str) and 0 < len(v) <= 255,
              "href": lambda v: isinstance(v, str) and len(v) <= MAX_URL and v.startswith(("http://", "https://")),
              "sha256": lambda v: isinstance(v, str) and SHA256_HEX.match(v) is not None,
              "size": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0}
    clean = []
    for number, deliverable in enumerate(deliverables, start=1):
        for key, usable in checks.items():
            value = deliverable.get(key) if isinstance(deliverable, dict) else None
            if not usable(value):
                raise _answer_error(QT_TRANSLATE_NOOP("DataTerraError", "Deliverable {number} of order {order_id} "
                                                      "has no usable '{key}' (found {found}): the order cannot be "
                                                      "downloaded. Contact DINAMIS."),
                                    number=number, order_id=order_id, key=key, found=json_type(value))
        clean.append({key: deliverable[key] for key in checks})
    return clean


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
            message = as_text(data.get("message"))[:500] if isinstance(data, dict) else ""
            hints = {401: QT_TRANSLATE_NOOP("DataTerraError",
                                            "Check the authentication configuration chosen in the DINAMIS settings."),
                     422: QT_TRANSLATE_NOOP("DataTerraError", "Correct the request and try again.")}
            # the server's own message stays as it came
            raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "The ordering server refused the request (HTTP "
                                                  "{http_status}): {server_message} {hint}"), response.status,
                                http_status=response.status, server_message=message,
                                hint=hints.get(response.status, ""))
        return data

    def estimate(self, request):
        return self._call("POST", "/orders/estimate", request)

    def submit(self, request, idempotency_key):
        """Create the order, or get the one this key already created (safe to retry)."""
        if not idempotency_key:
            raise ValueError("submit needs the idempotency key stored in the order book")
        return checked_order(self._call("POST", "/orders", request, {"Idempotency-Key": idempotency_key}))

    def find_by_key(self, idempotency_key):
        """The order created with this key, or None (after a crash before the answer)."""
        try:
            answer = self._call("GET", f"/orders?idempotency_key={quote(idempotency_key, safe='')}")
        except OrderingError as exc:
            if exc.status == 404:
                return None
            raise
        return checked_order(answer)

    def status(self, order_id):
        return checked_order(self._call("GET", f"/orders/{quote(str(order_id), safe='')}"))

    def cancel(self, order_id):
        return checked_order(self._call("POST", f"/orders/{quote(str(order_id), safe='')}/cancel", {}))

    def download(self, deliverable, folder, progress=None, is_cancelled=None):
        """Download one deliverable to ``folder`` with the shared resumable download: a
        ``.part`` file resumed with a Range request after a cut (up to ``retries``
        attempts), size and SHA-256 verified, then renamed atomically. Returns the final path.
        A deliverable name that would leave ``folder`` is refused before anything is written."""
        final = path_in_folder(folder, deliverable["name"], SERVER)
        Path(folder).mkdir(parents=True, exist_ok=True)
        if final.exists() and file_digest(final, "sha256") == deliverable["sha256"]:
            return final
        try:
            resumable_download(self.transport.shared, deliverable["href"], final, f"sha256:{deliverable['sha256']}",
                               progress=progress, is_cancelled=is_cancelled, size=deliverable["size"],
                               retries=max(0, self.retries - 1))
        except Cancelled:
            raise  # the .part file stays, so that the next attempt resumes it
        except NetworkError as exc:
            if exc.kind == "checksum":
                raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "{deliverable} arrived damaged (size or "
                                                      "SHA-256 differs); the partial file was removed: download it "
                                                      "again."), deliverable=deliverable['name']) from None
            if exc.kind == "http":
                raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "Downloading {deliverable} failed with HTTP "
                                                      "{http_status}."),
                                    exc.status,
                    deliverable=deliverable['name'],
                    http_status=exc.status) from None
            if isinstance(exc, TransportError):
                raise
            raise TransportError(exc.template, exc.kind, **exc.values) from None
        return final


__all__ = ["Cancelled", "checked_deliverables", "checked_order",
           "OrderingClient", "OrderingError", "OrderingTransport", "Response", "TransportError",
           "new_idempotency_key", "urllib_transport"]
