"""Reference server of the DINAMIS REST ordering protocol (docs/dinamis_protocol.md).

Real HTTP on 127.0.0.1 (standard library ``http.server``), orders persisted in SQLite, so
that the client, the order book and the demo are tested against a server that can fail
the way real ones do. It is not a production server: one bearer token, one quota.

Fault injection (for tests): :meth:`ReferenceServer.drop_after_commit` makes the next
request on a path commit its effect and then close the connection without answering,
which is exactly the "accepted but the client never heard back" case.
"""
import argparse
import base64
import hashlib
import json
import os
import sqlite3
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from osgeo import gdal, ogr

from ..dataterra_plugin.dinamis.core.aoi import polygon_area_m2

PREFIX = "/api/v1"
NEXT_STATUS = {"submitted": "accepted", "accepted": "in_production", "in_production": "delivered"}
CANCELLABLE = {"submitted", "accepted"}
FACTORS = {"pleiades_archive": (1.0, 25), "pleiades_tasking": (1.5, 100), "spot67_archive": (0.25, 100),
           "spot67_tasking": (0.4, 500), "dinamis_catalogue": (0.0, 0)}

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE NOT NULL, request_hash TEXT NOT NULL,
    request_json TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, quota_units REAL NOT NULL,
    created TEXT NOT NULL, updated TEXT NOT NULL, status_changed REAL NOT NULL);
CREATE TABLE IF NOT EXISTS deliverables (
    order_id TEXT NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, PRIMARY KEY (order_id, name));
"""


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def estimate(request):
    """(area_km2, quota_units) of a request body; raises ValueError with a message."""
    product = request.get("product_id")
    if product not in FACTORS:
        raise ValueError(f"unknown product_id '{product}'")
    geometry = ogr.CreateGeometryFromJson(json.dumps(request.get("aoi")))
    if geometry is None or geometry.IsEmpty():
        raise ValueError("aoi must be a non-empty GeoJSON Polygon in EPSG:4326")
    area = polygon_area_m2(geometry) / 1e6
    factor, minimum = FACTORS[product]
    units = max(area, minimum) * factor * (2 if request.get("stereo") else 1)
    return round(area, 3), round(units, 3)


class ReferenceServer:
    """Start with :meth:`start`; ``base_url`` is then ``http://127.0.0.1:<port>/api/v1``."""

    def __init__(self, database, token, quota_units=10000.0, production_delay=0.0, port=0):
        self.database = Path(database)
        self.files = self.database.parent / (self.database.stem + "_deliverables")
        self.token = token
        self.quota_units = quota_units
        self.production_delay = production_delay
        self.port = port
        self._drops = {}
        self.announced_name = None  # a hostile server's deliverable name (tests); None: the real one
        self._lock = threading.Lock()
        self._httpd = None
        self._thread = None
        with self._connect() as db:
            db.executescript(SCHEMA)

    # --- lifecycle -------------------------------------------------------------
    def start(self):
        handler = type("Handler", (_Handler,), {"server_state": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}{PREFIX}"

    def drop_after_commit(self, method, path_suffix, times=1):
        """Commit the next ``times`` matching requests, then close without answering."""
        self._drops[(method, path_suffix)] = times

    def _should_drop(self, method, path):
        for (drop_method, suffix), left in list(self._drops.items()):
            if drop_method == method and path.endswith(suffix) and left > 0:
                self._drops[(drop_method, suffix)] = left - 1
                return True
        return False

    def _connect(self):
        db = sqlite3.connect(self.database, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    # --- inspection for tests ----------------------------------------------------
    def order_count(self):
        with self._connect() as db:
            return db.execute("SELECT count(*) FROM orders").fetchone()[0]

    def orders(self):
        with self._connect() as db:
            return [dict(row) for row in db.execute("SELECT * FROM orders ORDER BY created")]

    # --- protocol operations (called by the handler) -----------------------------
    def create_order(self, key, request):
        body_hash = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()
        with self._lock, self._connect() as db:
            row = db.execute("SELECT * FROM orders WHERE idempotency_key = ?", (key,)).fetchone()
            if row is not None:
                if row["request_hash"] != body_hash:
                    return 422, {"error": "idempotency_key_reused",
                                 "message": "This Idempotency-Key was already used for a different "
                                            "request; generate a new key for a new order."}
                return 200, self._order_json(db, row)
            _, units = estimate(request)
            used = db.execute("SELECT coalesce(sum(quota_units), 0) FROM orders WHERE status NOT IN "
                              "('refused', 'cancelled')").fetchone()[0]
            status, reason = "submitted", None
            if used + units > self.quota_units:
                status, reason = "refused", (f"quota exceeded: {units:.1f} units requested, "
                                             f"{self.quota_units - used:.1f} left")
            order_id = str(uuid.uuid4())
            stamp = now_iso()
            db.execute("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (order_id, key, body_hash, json.dumps(request), status, reason, units,
                        stamp, stamp, time.time()))
            row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
            return 201, self._order_json(db, row)

    def get_order(self, order_id=None, key=None):
        """The order, advancing it one production step when the delay has passed."""
        with self._lock, self._connect() as db:
            column, value = ("id", order_id) if order_id else ("idempotency_key", key)
            row = db.execute(f"SELECT * FROM orders WHERE {column} = ?", (value,)).fetchone()
            if row is None:
                return 404, {"error": "not_found", "message": "No such order."}
            nxt = NEXT_STATUS.get(row["status"])
            if nxt and time.time() - row["status_changed"] >= self.production_delay:
                if nxt == "delivered":
                    self._produce(db, row)
                db.execute("UPDATE orders SET status=?, updated=?, status_changed=? WHERE id=?",
                           (nxt, now_iso(), time.time(), row["id"]))
                row = db.execute("SELECT * FROM orders WHERE id = ?", (row["id"],)).fetchone()
            return 200, self._order_json(db, row)

    def cancel_order(self, order_id):
        with self._lock, self._connect() as db:
            row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
            if row is None:
                return 404, {"error": "not_found", "message": "No such order."}
            if row["status"] == "cancelled":
                return 200, self._order_json(db, row)
            if row["status"] not in CANCELLABLE:
                return 409, {"error": "not_cancellable",
                             "message": f"The order is {row['status']} and can no longer be cancelled."}
            db.execute("UPDATE orders SET status='cancelled', updated=?, status_changed=? WHERE id=?",
                       (now_iso(), time.time(), order_id))
            row = db.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
            return 200, self._order_json(db, row)

    def _order_json(self, db, row):
        deliverables = [{"name": d["name"] if self.announced_name is None else self.announced_name,
                         "size": d["size"], "sha256": d["sha256"],
                         "href": f"{self.base_url}/orders/{row['id']}/deliverables/{d['name']}"}
                        for d in db.execute("SELECT * FROM deliverables WHERE order_id = ?", (row["id"],))]
        return {"id": row["id"], "idempotency_key": row["idempotency_key"], "status": row["status"],
                "reason": row["reason"], "quota_units": row["quota_units"], "created": row["created"],
                "updated": row["updated"], "request": json.loads(row["request_json"]),
                "deliverables": deliverables}

    def _produce(self, db, row):
        """Make the product: a small 3-band GeoTIFF over the AOI's bounding box."""
        request = json.loads(row["request_json"])
        geometry = ogr.CreateGeometryFromJson(json.dumps(request["aoi"]))
        west, east, south, north = geometry.GetEnvelope()
        self.files.mkdir(parents=True, exist_ok=True)
        name = f"{request['product_id']}_{row['id'][:8]}.tif"
        path = self.files / name
        size = 256
        dataset = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 3, gdal.GDT_Byte)
        dataset.SetGeoTransform((west, (east - west) / size, 0, north, 0, -(north - south) / size))
        dataset.SetProjection('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
                              'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')
        for band in range(1, 4):
            row_values = bytes((i * band) % 256 for i in range(size)) * size
            dataset.GetRasterBand(band).WriteRaster(0, 0, size, size, row_values)
        dataset = None
        data = path.read_bytes()
        db.execute("INSERT OR REPLACE INTO deliverables VALUES (?,?,?,?,?)",
                   (row["id"], name, str(path), len(data), hashlib.sha256(data).hexdigest()))

    def deliverable_path(self, order_id, name):
        with self._connect() as db:
            row = db.execute("SELECT path FROM deliverables WHERE order_id=? AND name=?", (order_id, name)).fetchone()
        return None if row is None else Path(row["path"])


class _Handler(BaseHTTPRequestHandler):
    server_state = None
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output quiet; never log headers
        pass

    def _send(self, status, payload, extra_headers=None):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra_headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _authorised(self):
        """Bearer token, or HTTP Basic whose password is the token (what a QGIS 'Basic'
        authentication configuration sends)."""
        given = self.headers.get("Authorization", "")
        if given == f"Bearer {self.server_state.token}":
            return True
        if given.startswith("Basic "):
            try:
                _, _, password = base64.b64decode(given[6:]).decode().partition(":")
            except ValueError:
                password = None
            if password == self.server_state.token:
                return True
        self._send(401, {"error": "unauthorised", "message": "Missing or wrong bearer token."})
        return False

    def _read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return None

    def _drop(self):
        """Close the connection without a response (the effect is already committed)."""
        self.close_connection = True
        self.connection.shutdown(2)

    def do_POST(self):  # noqa: N802
        if not self._authorised():
            return
        state, path = self.server_state, self.path.split("?")[0]
        request = self._read_json()
        if request is None:
            return self._send(400, {"error": "bad_json", "message": "The body is not JSON."})
        try:
            if path == f"{PREFIX}/orders/estimate":
                area, units = estimate(request)
                return self._send(200, {"area_km2": area, "quota_units": units, "unit": "km2",
                                        "quota_left": state.quota_units})
            if path == f"{PREFIX}/orders":
                key = self.headers.get("Idempotency-Key", "")
                if not key:
                    return self._send(400, {"error": "missing_idempotency_key",
                                            "message": "POST /orders needs an Idempotency-Key header."})
                status, payload = state.create_order(key, request)
            elif path.startswith(f"{PREFIX}/orders/") and path.endswith("/cancel"):
                status, payload = state.cancel_order(path.split("/")[-2])
            else:
                return self._send(404, {"error": "not_found", "message": f"No route {path}."})
        except ValueError as exc:
            return self._send(422, {"error": "invalid_request", "message": str(exc)})
        if state._should_drop("POST", path):
            return self._drop()
        replay = {"Idempotent-Replayed": "true"} if status == 200 and path.endswith("/orders") else {}
        self._send(status, payload, replay)

    def do_GET(self):  # noqa: N802
        if not self._authorised():
            return
        state = self.server_state
        path, _, query = self.path.partition("?")
        parts = path[len(PREFIX):].strip("/").split("/")
        if parts == ["orders"] and query.startswith("idempotency_key="):
            status, payload = state.get_order(key=query.split("=", 1)[1])
        elif len(parts) == 2 and parts[0] == "orders":
            status, payload = state.get_order(order_id=parts[1])
        elif len(parts) == 4 and parts[0] == "orders" and parts[2] == "deliverables":
            return self._send_file(state.deliverable_path(parts[1], parts[3]))
        else:
            return self._send(404, {"error": "not_found", "message": f"No route {path}."})
        if state._should_drop("GET", path):
            return self._drop()
        self._send(status, payload)

    def _send_file(self, path):
        if path is None or not path.exists():
            return self._send(404, {"error": "not_found", "message": "No such deliverable."})
        data = path.read_bytes()
        start = 0
        range_header = self.headers.get("Range", "")
        if range_header.startswith("bytes="):
            start = int(range_header[6:].split("-")[0] or 0)
        chunk = data[start:]
        if self.server_state._should_drop("GET", path.name):
            chunk = chunk[: len(chunk) // 2]  # a cut download: send half, then close
            self.send_response(206 if start else 200)
            self.send_header("Content-Length", str(len(data) - start))
            self.end_headers()
            self.wfile.write(chunk)
            return self._drop()
        self.send_response(206 if start else 200)
        self.send_header("Content-Type", "image/tiff")
        self.send_header("Content-Length", str(len(chunk)))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        self.wfile.write(chunk)


def main():
    """Run the reference server in the foreground (demo, manual tests). The token is read
    from the environment variable DINAMIS_REFERENCE_TOKEN, never from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--production-delay", type=float, default=0.0)
    args = parser.parse_args()
    token = os.environ.get("DINAMIS_REFERENCE_TOKEN")
    if not token:
        parser.error("set DINAMIS_REFERENCE_TOKEN")
    server = ReferenceServer(args.database, token, production_delay=args.production_delay, port=args.port).start()
    print(server.base_url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
