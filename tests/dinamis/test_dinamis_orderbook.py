import sqlite3

import pytest

from dataterra.dataterra_plugin.dinamis.core.orderbook import LAYER, OrderBook, OrderBookError

REQUEST = {"product_id": "spot67_archive", "aoi": {"type": "Polygon", "coordinates": []}}
WKT = "POLYGON((3.3 43.55,3.5 43.55,3.5 43.7,3.3 43.7,3.3 43.55))"


def test_book_survives_restart_and_is_a_real_geopackage(tmp_path):
    path = tmp_path / "profile" / "dinamis" / "orders.gpkg"
    book = OrderBook(path)
    first = book.add_draft(REQUEST, WKT, 268.7, 67.2)
    book.set_status(first, "refused", "outside quota")
    second = book.add_draft(dict(REQUEST, project="b"), WKT, 268.7, 67.2)
    reopened = OrderBook(path).orders()
    assert [(r["local_id"], r["status"]) for r in reopened] == [(first, "refused"), (second, "draft")]
    assert reopened[0]["status_message"] == "outside quota"
    assert reopened[0]["idempotency_key"] != reopened[1]["idempotency_key"]
    assert reopened[1]["request_json"]["project"] == "b"
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(LAYER)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert layer.GetFeatureCount() == 2 and layer.GetExtent() == pytest.approx((3.3, 3.5, 43.55, 43.7))
    assert not list(path.parent.glob("*.creating*"))


def test_corrupted_book_is_reported_not_overwritten(tmp_path):
    path = tmp_path / "orders.gpkg"
    OrderBook(path).add_draft(REQUEST, WKT, 1.0, 1.0)
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(OrderBookError, match="damaged .*left untouched"):
        OrderBook(path)
    assert path.read_bytes() == bytes(data)


def test_truncated_book_is_reported(tmp_path):
    path = tmp_path / "orders.gpkg"
    book = OrderBook(path)
    for i in range(6):
        book.add_draft(dict(REQUEST, project=str(i) * 3000), WKT, 1.0, 1.0)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(OrderBookError, match="damaged|cannot be read"):
        OrderBook(path)
    assert len(path.read_bytes()) == len(data) // 2


def test_other_geopackage_is_not_taken_over(tmp_path, sample_data):
    import shutil

    path = tmp_path / "epci.gpkg"
    shutil.copy(sample_data["epci"], path)
    before = path.read_bytes()
    with pytest.raises(OrderBookError, match="not a DINAMIS order book"):
        OrderBook(path)
    assert path.read_bytes() == before


def test_locked_book_is_reported(tmp_path):
    path = tmp_path / "orders.gpkg"
    OrderBook(path)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(OrderBookError, match="locked by another program"):
            OrderBook(path)
    finally:
        holder.rollback()
        holder.close()
    assert OrderBook(path).orders() == []


def test_concurrent_writers_and_readers_in_threads(tmp_path):
    """The dock writes from background tasks while the table reads: nothing is lost."""
    from concurrent.futures import ThreadPoolExecutor

    book = OrderBook(tmp_path / "orders.gpkg")
    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(lambda i: book.add_draft(dict(REQUEST, project=str(i)), WKT, 1.0, 1.0), range(8)))
        reads = list(pool.map(lambda _: len(book.orders()), range(8)))
    assert sorted(ids) == sorted(set(ids)) and len(book.orders()) == 8
    assert all(0 <= n <= 8 for n in reads)
