"""The REST ordering protocol against the loopback reference server: idempotency, lost
answers, crashes between steps, resumed and verified downloads, no secret anywhere."""
import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from dataterra.dataterra_plugin.dinamis.core import workflow
from dataterra.dataterra_plugin.dinamis.core.client import (
    OrderingClient,
    OrderingError,
    TransportError,
    urllib_transport,
)
from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook

AOI = {"type": "Polygon", "coordinates": [[[3.3, 43.55], [3.5, 43.55], [3.5, 43.7], [3.3, 43.7], [3.3, 43.55]]]}
AOI_WKT = "POLYGON((3.3 43.55,3.5 43.55,3.5 43.7,3.3 43.7,3.3 43.55))"
REQUEST = {"product_id": "pleiades_archive", "aoi": AOI, "purpose": "vineyard mapping",
           "project": "Clermontais landscape"}


def make_client(server, secret, retries=3):
    def authenticate(headers):
        headers["Authorization"] = f"Bearer {secret}"

    return OrderingClient(server.base_url, urllib_transport(timeout=5, authenticate=authenticate),
                          retries=retries, backoff=0.01)


def test_estimate_area_is_ellipsoidal(reference_server, secret):
    from dataterra.dataterra_plugin.dinamis.core.aoi import ring_area_m2

    answer = make_client(reference_server, secret).estimate(REQUEST)
    expected = ring_area_m2(AOI["coordinates"][0]) / 1e6
    # 0.2° × 0.15° at 43.6°N: 16.11 km × 16.68 km ≈ 268.7 km²
    assert answer["area_km2"] == pytest.approx(expected, abs=1e-3)
    assert answer["area_km2"] == pytest.approx(268.7, rel=2e-3)
    assert answer["quota_units"] == pytest.approx(answer["area_km2"], abs=1e-3)  # factor 1


def test_wrong_token_is_refused_without_echoing_it(reference_server):
    client = make_client(reference_server, "wrong-token-123")
    with pytest.raises(OrderingError) as error:
        client.estimate(REQUEST)
    assert error.value.status == 401 and "wrong-token-123" not in str(error.value)


def test_same_key_twice_gives_one_order(reference_server, secret):
    client = make_client(reference_server, secret)
    first = client.submit(REQUEST, "key-1")
    second = client.submit(REQUEST, "key-1")
    assert first["id"] == second["id"] and reference_server.order_count() == 1
    other = dict(REQUEST, project="something else")
    with pytest.raises(OrderingError, match="already used for a different request"):
        client.submit(other, "key-1")


def test_lost_answer_then_retry_holds_one_order(reference_server, secret, tmp_path):
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    reference_server.drop_after_commit("POST", "/orders", times=1)
    order = workflow.submit(book, make_client(reference_server, secret), local_id)
    # the client retried with the same key: the server replayed the committed order
    assert reference_server.order_count() == 1
    row = book.get(local_id)
    assert row["remote_id"] == order["id"] == reference_server.orders()[0]["id"]
    assert row["idempotency_key"] == reference_server.orders()[0]["idempotency_key"]


def test_lost_answer_without_retry_is_reconciled_after_restart(reference_server, secret, tmp_path):
    path = tmp_path / "orders.gpkg"
    book = OrderBook(path)
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    reference_server.drop_after_commit("POST", "/orders", times=5)
    with pytest.raises(TransportError, match="never ordered twice"):
        workflow.submit(book, make_client(reference_server, secret, retries=2), local_id)
    assert reference_server.order_count() == 1
    assert book.get(local_id)["status"] == "draft"
    # "restart": a new book object on the same file, a new client
    book = OrderBook(path)
    assert workflow.reconcile(book, make_client(reference_server, secret)) == [local_id]
    assert reference_server.order_count() == 1
    assert book.get(local_id)["remote_id"] == reference_server.orders()[0]["id"]
    # reconciling again changes nothing
    assert workflow.reconcile(book, make_client(reference_server, secret)) == []
    assert reference_server.order_count() == 1


def test_crash_before_send_is_submitted_once_by_reconcile(reference_server, secret, tmp_path):
    """Crash after sent_at was saved but before the request left: the server has nothing,
    reconcile sends it with the saved key."""
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    book.mark_sending(local_id)
    assert reference_server.order_count() == 0
    workflow.reconcile(OrderBook(tmp_path / "orders.gpkg"), make_client(reference_server, secret))
    assert reference_server.order_count() == 1


CRASHING_CLIENT = textwrap.dedent("""
    import sys, os
    sys.path.insert(0, {pkgroot!r})
    from dataterra.dataterra_plugin.dinamis.core import workflow
    from dataterra.dataterra_plugin.dinamis.core.client import OrderingClient, urllib_transport
    from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook
    book = OrderBook({book!r})
    def auth(h): h["Authorization"] = "Bearer " + os.environ["DINAMIS_TEST_TOKEN"]
    client = OrderingClient({url!r}, urllib_transport(timeout=60, authenticate=auth), retries=1)
    print("sending", flush=True)
    workflow.submit(book, client, {local_id})
    print("done", flush=True)
""")


def test_client_process_killed_while_waiting_for_answer(reference_server, secret, tmp_path):
    """A real crash: the client process is killed (SIGKILL) after the server committed the
    order and while it waits for the answer; a restarted client reconciles: one order."""
    from pathlib import Path

    import dataterra

    book_path = tmp_path / "orders.gpkg"
    local_id = OrderBook(book_path).add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    reference_server.drop_after_commit("POST", "/orders", times=0)
    original = reference_server.create_order

    def slow_create(key, request):
        result = original(key, request)  # committed ...
        time.sleep(3)  # ... and the answer is late: the client is killed meanwhile
        return result

    reference_server.create_order = slow_create
    script = CRASHING_CLIENT.format(pkgroot=str(Path(dataterra.__file__).resolve().parent / "build" / "pkgroot"),
                                    book=str(book_path), url=reference_server.base_url, local_id=local_id)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "DINAMIS_TEST_TOKEN": secret})
    assert process.stdout.readline().strip() == "sending"
    deadline = time.time() + 20
    while reference_server.order_count() == 0 and time.time() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reference_server.create_order = original
    assert reference_server.order_count() == 1
    book = OrderBook(book_path)
    assert book.get(local_id)["status"] == "draft" and book.get(local_id)["sent_at"]
    workflow.reconcile(book, make_client(reference_server, secret))
    assert reference_server.order_count() == 1
    assert book.get(local_id)["remote_id"] == reference_server.orders()[0]["id"]


def test_status_progression_delivery_and_resumed_download(reference_server, secret, tmp_path):
    book = OrderBook(tmp_path / "orders.gpkg")
    client = make_client(reference_server, secret)
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    assert workflow.submit(book, client, local_id)["status"] == "submitted"
    seen = [workflow.refresh(book, client)[local_id] for _ in range(3)]
    assert seen == ["accepted", "in_production", "delivered"]
    assert workflow.refresh(book, client) == {}
    deliverable = book.get(local_id)["deliverables_json"][0]
    reference_server.drop_after_commit("GET", deliverable["name"], times=1)  # cut mid-file
    fractions = []
    paths = workflow.deliver(book, client, local_id, tmp_path / "products", progress=fractions.append)
    data = paths[0].read_bytes()
    assert len(data) == deliverable["size"]
    assert hashlib.sha256(data).hexdigest() == deliverable["sha256"]
    assert not list((tmp_path / "products").glob("*.part"))
    assert fractions[-1] == 1.0 and 0 < fractions[0] < 1.0  # the first attempt stopped midway
    from osgeo import gdal

    dataset = gdal.Open(str(paths[0]))
    west, xres, _, north, _, yres = dataset.GetGeoTransform()
    assert (west, north) == pytest.approx((3.3, 43.7)) and west + 256 * xres == pytest.approx(3.5)
    assert book.get(local_id)["local_paths"] == [str(paths[0])]


def test_damaged_download_is_removed_not_renamed(reference_server, secret, tmp_path):
    client = make_client(reference_server, secret)
    order = client.submit(REQUEST, "k-dmg")
    for _ in range(3):
        order = client.status(order["id"])
    deliverable = dict(order["deliverables"][0], sha256="0" * 64)
    with pytest.raises(OrderingError, match="arrived damaged"):
        client.download(deliverable, tmp_path / "products")
    assert list((tmp_path / "products").iterdir()) == []


def test_cancel_rules(reference_server, secret, tmp_path):
    book = OrderBook(tmp_path / "orders.gpkg")
    client = make_client(reference_server, secret)
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    workflow.submit(book, client, local_id)
    assert workflow.cancel(book, client, local_id)["status"] == "cancelled"
    assert book.get(local_id)["status"] == "cancelled"
    other = book.add_draft(dict(REQUEST, project="p2"), AOI_WKT, 268.7, 268.7)
    workflow.submit(book, client, other)
    for _ in range(2):
        workflow.refresh(book, client)  # accepted, then in production
    with pytest.raises(OrderingError, match="in_production and can no longer be cancelled"):
        workflow.cancel(book, client, other)


def test_quota_exceeded_is_refused_with_reason(tmp_path, secret):
    from dataterra.demo.dinamis_reference_server import ReferenceServer

    server = ReferenceServer(tmp_path / "s.sqlite", token=secret, quota_units=100).start()
    try:
        order = make_client(server, secret).submit(REQUEST, "k-quota")
        assert order["status"] == "refused" and "quota exceeded" in order["reason"]
    finally:
        server.stop()


def test_server_state_survives_restart(tmp_path, secret):
    from dataterra.demo.dinamis_reference_server import ReferenceServer

    server = ReferenceServer(tmp_path / "s.sqlite", token=secret).start()
    order = make_client(server, secret).submit(REQUEST, "k-persist")
    server.stop()
    server = ReferenceServer(tmp_path / "s.sqlite", token=secret).start()
    try:
        again = make_client(server, secret).submit(REQUEST, "k-persist")
        assert again["id"] == order["id"] and server.order_count() == 1
    finally:
        server.stop()


@pytest.fixture
def self_signed_server(tmp_path):
    """An HTTPS server on loopback with a self-signed certificate."""
    import http.server
    import ssl
    import threading

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def finish_request(self, request, client_address):
            # the TLS handshake happens in the connection's own thread, so a client that
            # stalls one handshake never blocks the accept loop
            try:
                request = context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
            super().finish_request(request, client_address)

    httpd = Server(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}/api/v1"
    httpd.shutdown()


def test_tls_errors_are_not_ignored(self_signed_server):
    """The client refuses a self-signed certificate and says why."""
    client = OrderingClient(self_signed_server, urllib_transport(timeout=5), retries=1)
    with pytest.raises(TransportError) as error:
        client.estimate(REQUEST)
    assert error.value.kind == "tls" and "do not disable the check" in str(error.value)


def test_tls_errors_are_not_ignored_in_qgis(qgis_app, self_signed_server):
    """Through QgsNetworkAccessManager, from a worker thread as the dock does (QgsTask)."""
    import threading

    from qgis.core import QgsApplication

    from dataterra.dataterra_plugin.dinamis.core.client import OrderingTransport
    from dataterra.dataterra_plugin.net.qgis_transport import QgisTransport

    outcome = {}

    def call():
        try:
            OrderingClient(self_signed_server, OrderingTransport(QgisTransport(error_class=TransportError)),
                           retries=1).estimate(REQUEST)
        except TransportError as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    deadline = time.time() + 30
    while worker.is_alive() and time.time() < deadline:
        QgsApplication.processEvents()  # QGIS asks the main thread about SSL errors
        time.sleep(0.01)
    assert not worker.is_alive(), "no answer within 30 s"
    assert outcome["error"].kind == "tls", str(outcome["error"])


def test_secret_appears_nowhere(reference_server, secret, tmp_path, caplog):
    caplog.set_level("DEBUG")
    book_path = tmp_path / "orders.gpkg"
    book = OrderBook(book_path)
    client = make_client(reference_server, secret)
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    workflow.submit(book, client, local_id)
    for _ in range(3):
        workflow.refresh(book, client)
    workflow.deliver(book, client, local_id, tmp_path / "products")
    messages = []
    def reuse_key():
        make_client(reference_server, secret).submit(REQUEST, "key-x")
        make_client(reference_server, secret).submit(dict(REQUEST, project="z"), "key-x")

    for bad in (reuse_key,
                lambda: OrderingClient("http://127.0.0.1:9/api/v1",
                                       urllib_transport(timeout=1, authenticate=lambda h: h.update(
                                           Authorization=f"Bearer {secret}")), retries=1).estimate(REQUEST)):
        with pytest.raises((OrderingError, TransportError)) as error:
            bad()
        messages.append(str(error.value))
    assert secret.encode() not in book_path.read_bytes()
    assert all(secret not in m for m in messages)
    assert secret not in caplog.text
    assert secret not in json.dumps(book.orders())


def test_invalid_request_is_marked_refused_not_resent(reference_server, secret, tmp_path):
    book = OrderBook(tmp_path / "orders.gpkg")
    client = make_client(reference_server, secret)
    local_id = book.add_draft(dict(REQUEST, product_id="landsat_9"), AOI_WKT, 268.7, 268.7)
    with pytest.raises(OrderingError, match="HTTP 422.*unknown product_id 'landsat_9'"):
        workflow.submit(book, client, local_id)
    row = book.get(local_id)
    assert row["status"] == "refused" and "landsat_9" in row["status_message"]
    assert workflow.refresh(book, client) == {} and reference_server.order_count() == 0


def test_wrong_credentials_leave_the_draft_pending(reference_server, secret, tmp_path):
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    with pytest.raises(OrderingError, match="HTTP 401"):
        workflow.submit(book, make_client(reference_server, "not-the-token"), local_id)
    assert book.get(local_id)["status"] == "draft"
    workflow.reconcile(book, make_client(reference_server, secret))  # fixed credentials
    assert book.get(local_id)["status"] == "submitted" and reference_server.order_count() == 1


def test_cancelled_download_keeps_part_and_resumes(reference_server, secret, tmp_path):
    from dataterra.dataterra_plugin.dinamis.core.client import Cancelled

    client = make_client(reference_server, secret)
    order = client.submit(REQUEST, "k-cancel-dl")
    for _ in range(3):
        order = client.status(order["id"])
    deliverable = order["deliverables"][0]
    writes = []

    def cancel_after_first_chunk():
        writes.append(1)
        return len(writes) > 1

    with pytest.raises(Cancelled):
        client.download(deliverable, tmp_path, is_cancelled=cancel_after_first_chunk)
    part = tmp_path / (deliverable["name"] + ".part")
    assert 0 < part.stat().st_size < deliverable["size"] and not (tmp_path / deliverable["name"]).exists()
    path = client.download(deliverable, tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == deliverable["sha256"] and not part.exists()
