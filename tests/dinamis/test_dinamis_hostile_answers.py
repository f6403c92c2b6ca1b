"""The DINAMIS ordering workflow given answers that are JSON but not orders (issue 14,
item 6): ``{}``, ``[]``, a string, ``deliverables: 7``, and the recorded order of the
reference server mutated by type. The workflow raises OrderingError (a DataTerraError)
saying what came instead of an order; never KeyError or TypeError."""
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mutations import FUZZ, json_bodies
from replay_http import ReplayServer

from dataterra.dataterra_plugin.dinamis.core import workflow
from dataterra.dataterra_plugin.dinamis.core.client import (
    OrderingClient,
    OrderingError,
    checked_order,
    urllib_transport,
)
from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook
from dataterra.rasterblocks.errors import DataTerraError

ORDER = json.loads((Path(__file__).resolve().parent.parent / "data/dinamis/order_delivered.json").read_text())
AOI = {"type": "Polygon", "coordinates": [[[3.3, 43.55], [3.5, 43.55], [3.5, 43.7], [3.3, 43.7], [3.3, 43.55]]]}
AOI_WKT = "POLYGON((3.3 43.55,3.5 43.55,3.5 43.7,3.3 43.7,3.3 43.55))"
REQUEST = {"product_id": "pleiades_archive", "aoi": AOI, "purpose": "tests", "project": "hostile answers"}


class HostileOrderingServer(ReplayServer):
    """Answers every request with ``self.body`` (HTTP 200, JSON)."""

    body = b"{}"

    def answer(self, request):
        return 200, {"Content-Type": "application/json"}, self.body


@pytest.fixture(scope="module")
def hostile():
    server = HostileOrderingServer()
    yield server
    server.close()


def client_of(server):
    return OrderingClient(server.url + "/api/v1", urllib_transport(timeout=5), retries=1)


NOT_ORDERS = {
    "empty object": (b"{}", "without a usable 'id' (found null)"),
    "list": (b"[]", "answered a list where an order was expected"),
    "string": (b'"an order"', "answered a string where an order was expected"),
    "number id": (b'{"id": [1], "status": "submitted"}', "without a usable 'id' (found a list)"),
    "no status": (b'{"id": "o1", "status": {"a": 1}}', "order o1 without a usable 'status' (found an object)"),
    "deliverables 7": (b'{"id": "o1", "status": "delivered", "deliverables": 7}',
                       "'deliverables' that are a number, not a list"),
    "deliverable without sha256": (b'{"id": "o1", "status": "delivered", "deliverables": [{"name": "a.tif", '
                                   b'"href": "http://127.0.0.1:1/a.tif", "size": 3}]}',
                                   "Deliverable 1 of order o1 has no usable 'sha256' (found null)"),
    "not JSON": (b"{" * 5000, "with a body that is not JSON"),
}


@pytest.mark.parametrize("case", sorted(NOT_ORDERS))
def test_submit_of_an_answer_that_is_not_an_order(hostile, tmp_path, case):
    hostile.body, message = NOT_ORDERS[case]
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    with pytest.raises(OrderingError) as caught:
        workflow.submit(book, client_of(hostile), local_id)
    assert message in str(caught.value)
    row = book.get(local_id)
    assert (row["status"], row["remote_id"]) == ("draft", None)  # nothing recorded from the bad answer


@pytest.mark.parametrize("case", sorted(NOT_ORDERS))
def test_refresh_of_an_answer_that_is_not_an_order(hostile, tmp_path, case):
    hostile.body, message = NOT_ORDERS[case]
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    book.record_remote(local_id, {"id": "o1", "status": "submitted"})
    with pytest.raises(OrderingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        workflow.refresh(book, client_of(hostile))
    assert book.get(local_id)["status"] == "submitted"


def test_deliver_refuses_stored_deliverables_that_are_not_deliverables(tmp_path, hostile):
    """An order book written by an older version may hold anything as deliverables."""
    book = OrderBook(tmp_path / "orders.gpkg")
    local_id = book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)
    book.record_remote(local_id, {"id": "o1", "status": "delivered", "deliverables": [{"name": "a.tif"}]})
    with pytest.raises(OrderingError, match="Deliverable 1 of order o1 has no usable 'href'"):
        workflow.deliver(book, client_of(hostile), local_id, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_recorded_order_is_read_with_its_types():
    order = checked_order(ORDER)
    assert (order["id"], order["status"], order["reason"]) == (ORDER["id"], "delivered", "")
    assert order["deliverables"] == [{k: ORDER["deliverables"][0][k] for k in ("name", "href", "sha256", "size")}]


@pytest.fixture(scope="module")
def book_row(tmp_path_factory):
    book = OrderBook(tmp_path_factory.mktemp("book") / "orders.gpkg")
    return book, book.add_draft(REQUEST, AOI_WKT, 268.7, 268.7)


@FUZZ
@given(st.data())
def test_mutated_orders_through_client_and_order_book(hostile, book_row, data):
    hostile.body = data.draw(json_bodies(ORDER), label="body")
    client = client_of(hostile)
    try:
        order = client.status("o1")
    except OrderingError as exc:
        assert str(exc)
        return
    assert isinstance(order["id"], str) and isinstance(order["status"], str) and isinstance(order["reason"], str)
    for deliverable in order["deliverables"]:
        assert isinstance(deliverable["name"], str) and deliverable["href"].startswith(("http://", "https://"))
        assert len(deliverable["sha256"]) == 64 and isinstance(deliverable["size"], int)
    book, local_id = book_row
    try:
        book.record_remote(local_id, order)  # refuses an unknown status with its own error
    except DataTerraError as exc:
        assert "unknown status" in str(exc)
        return
    assert book.get(local_id)["deliverables_json"] == order["deliverables"]
