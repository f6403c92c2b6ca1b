"""Submit, reconcile, refresh and deliver: the steps that keep the order book and the
ordering server in agreement, so that nothing is ordered twice and nothing is lost.

Order of writes: (1) the draft with its idempotency key is saved, (2) ``sent_at`` is
saved, (3) the request is sent, (4) the server's answer is saved. A crash or a lost
answer between (2) and (4) leaves a draft with ``sent_at``: :func:`reconcile` asks the
server for the order of that key and, if it has none, sends the same key again.
"""
from .client import OrderingError, TransportError, checked_deliverables
from .orderbook import FINAL
from ....rasterblocks.errors import QT_TRANSLATE_NOOP


def submit(book, client, local_id):
    """Send a draft; returns the server's order. On a lost answer the draft stays pending
    and the error says the order will be checked, never sent twice."""
    row = book.get(local_id)
    if row["remote_id"]:
        return client.status(row["remote_id"])
    if row["backend"] == "web":
        raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "Order {local_id} was handed to the DINAMIS web "
                                              "request page (its request package is written): it is not sent again "
                                              "through the ordering server."), local_id=local_id)
    book.mark_sending(local_id)
    try:
        order = client.submit(row["request_json"], row["idempotency_key"])
    except TransportError as exc:
        raise TransportError(QT_TRANSLATE_NOOP("DataTerraError", "{exc} The server may have received the order: it "
                                               "will be checked at the next refresh, with the same key, so it is "
                                               "never ordered twice."),
                             exc.kind, exc=exc) from None
    except OrderingError as exc:
        _refuse_if_rejected(book, local_id, exc)
        raise
    book.record_remote(local_id, order)
    return order


def _refuse_if_rejected(book, local_id, error):
    """A request the server rejected as invalid (400, 422) holds no order there: mark it
    refused so that it is not sent again at every refresh. Authentication errors (401,
    403) and server errors leave it pending."""
    if error.status in (400, 422):
        book.set_status(local_id, "refused", str(error))


def reconcile(book, client):
    """Settle every draft that may have reached the server; returns the local ids settled."""
    settled = []
    for row in book.orders():
        if row["status"] != "draft" or not row["sent_at"] or row["remote_id"]:
            continue
        order = client.find_by_key(row["idempotency_key"])
        if order is None:
            try:
                order = client.submit(row["request_json"], row["idempotency_key"])
            except OrderingError as exc:
                _refuse_if_rejected(book, row["local_id"], exc)
                continue
        book.record_remote(row["local_id"], order)
        settled.append(row["local_id"])
    return settled


def refresh(book, client):
    """Update the status of every order not yet final; returns {local_id: status}."""
    reconcile(book, client)
    changed = {}
    for row in book.orders():
        if not row["remote_id"] or row["status"] in FINAL:
            continue
        order = client.status(row["remote_id"])
        if order["status"] != row["status"]:
            book.record_remote(row["local_id"], order)
            changed[row["local_id"]] = order["status"]
    return changed


def cancel(book, client, local_id):
    row = book.get(local_id)
    if not row["remote_id"]:
        book.set_status(local_id, "cancelled", "cancelled before it was sent")
        return None
    order = client.cancel(row["remote_id"])
    book.record_remote(local_id, order)
    return order


def deliver(book, client, local_id, folder, progress=None, is_cancelled=None):
    """Download every deliverable of a delivered order; returns the local paths."""
    row = book.get(local_id)
    if row["status"] != "delivered":
        raise OrderingError(QT_TRANSLATE_NOOP("DataTerraError", "Order {local_id} is {order_status}, not delivered "
                                              "yet: refresh later."), local_id=local_id, order_status=row['status'])
    deliverables = checked_deliverables(row["deliverables_json"], row["remote_id"] or local_id)
    paths = [client.download(d, folder, progress, is_cancelled) for d in deliverables]
    book.set_local_paths(local_id, paths)
    return paths
