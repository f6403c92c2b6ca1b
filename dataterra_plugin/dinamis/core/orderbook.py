"""The order book: every DINAMIS request and its status, in a GeoPackage of the user's
profile (table ``dinamis_orders``, footprints in EPSG:4326).

The file is opened for each operation and closed at once, so a crash loses nothing that
was written; a damaged or locked file is reported and never replaced. Credentials are
never written here: requests hold the product and AOI only.
"""
import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal, ogr, osr

from ....rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP
from .client import new_idempotency_key

gdal.UseExceptions()
ogr.UseExceptions()

LAYER = "dinamis_orders"
STATUSES = ("draft", "submitted", "accepted", "in_production", "delivered", "refused", "cancelled")
FINAL = {"delivered", "refused", "cancelled"}
FIELDS = (("idempotency_key", ogr.OFTString), ("remote_id", ogr.OFTString), ("backend", ogr.OFTString),
          ("product_id", ogr.OFTString), ("status", ogr.OFTString), ("status_message", ogr.OFTString),
          ("area_km2", ogr.OFTReal), ("quota_units", ogr.OFTReal), ("request_json", ogr.OFTString),
          ("deliverables_json", ogr.OFTString), ("local_paths", ogr.OFTString),
          ("created", ogr.OFTString), ("updated", ogr.OFTString), ("sent_at", ogr.OFTString))


# one lock for every book of this process: the dock's background tasks write while the
# main thread reads, and SQLite would answer "database is locked" instead of waiting
_LOCK = threading.RLock()


class OrderBookError(DataTerraError):
    """The order book cannot be used; the file was left untouched."""


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class OrderBook:
    def __init__(self, path):
        self.path = Path(path)
        if self.path.exists():
            self._check_existing()
        else:
            self._create()

    # --- opening -----------------------------------------------------------------
    def _check_existing(self):
        with open(self.path, "rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} is damaged (not "
                                                   "a GeoPackage). It was left untouched: restore it from a backup, "
                                                   "or move it away to start a new one."), path=self.path)
        try:
            db = sqlite3.connect(self.path, timeout=0.5)
            try:
                check = db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} is "
                                                           "damaged ({check}). It was left untouched: restore it "
                                                           "from a backup, or move it away."),
                        path=self.path,
                        check=check)
                tables = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
                if LAYER not in tables:
                    raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is a GeoPackage but not a "
                                                           "DINAMIS order book (no '{layer}' table); it was left "
                                                           "untouched."), path=self.path, layer=LAYER)
                db.execute("BEGIN IMMEDIATE")
                db.rollback()
            finally:
                db.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} is locked by "
                                                       "another program (another QGIS?). Close it there and try "
                                                       "again."), path=self.path) from None
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} cannot be read "
                                                   "({exc}); it was left untouched."),
                path=self.path, exc=exc) from None
        except sqlite3.DatabaseError as exc:
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} is damaged "
                                                   "({exc}). It was left untouched: restore it from a backup, or "
                                                   "move it away."), path=self.path, exc=exc) from None

    def _create(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.stem + ".creating.gpkg")
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(temporary))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        layer = dataset.CreateLayer(LAYER, srs, ogr.wkbMultiPolygon)
        for name, kind in FIELDS:
            layer.CreateField(ogr.FieldDefn(name, kind))
        dataset = None
        temporary.replace(self.path)  # never a half-created book under the real name

    def _open(self):
        try:
            return gdal.OpenEx(str(self.path), gdal.OF_VECTOR | gdal.OF_UPDATE)
        except RuntimeError as exc:
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} cannot be opened "
                                                   "({exc})."), path=self.path, exc=exc) from None

    def _write(self, fid, values, geometry_wkt=None):
        with _LOCK:
            return self._write_locked(fid, values, geometry_wkt)

    def _write_locked(self, fid, values, geometry_wkt):
        dataset = self._open()
        layer = dataset.GetLayerByName(LAYER)
        try:
            feature = layer.GetFeature(fid) if fid is not None else ogr.Feature(layer.GetLayerDefn())
            if feature is None:
                raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "Order {fid} is not in the order book "
                                                       "{path}."), fid=fid, path=self.path)
            for key, value in values.items():
                feature.SetField(key, value)
            if geometry_wkt:
                feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(geometry_wkt)))
            if fid is None:
                layer.CreateFeature(feature)
            else:
                layer.SetFeature(feature)
            return feature.GetFID()
        except RuntimeError as exc:
            if "locked" in str(exc):
                raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS order book {path} is locked by "
                                                       "another program; close it there and try again."),
                    path=self.path) from None
            raise
        finally:
            dataset.FlushCache()
            dataset = None

    # --- orders ------------------------------------------------------------------
    def add_draft(self, request, wkt_wgs84, area_km2, quota_units, backend="rest"):
        """Record a request before anything is sent; returns its local id. The
        idempotency key is generated here, so a retry after a crash reuses it."""
        stamp = now_iso()
        return self._write(None, {
            "idempotency_key": new_idempotency_key(), "backend": backend,
            "product_id": request["product_id"], "status": "draft", "area_km2": area_km2,
            "quota_units": quota_units, "request_json": json.dumps(request), "created": stamp,
            "updated": stamp, "deliverables_json": "[]", "local_paths": "[]"}, wkt_wgs84)

    def mark_sending(self, local_id):
        """Say that a submission may have reached the server (checked at reconciliation)."""
        self._write(local_id, {"sent_at": now_iso(), "updated": now_iso()})

    def record_remote(self, local_id, order):
        """Store what the server says about the order (id, status, deliverables)."""
        status = order["status"]
        if status not in STATUSES:
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "The server reported an unknown status "
                                                   "'{http_status}'."), http_status=status)
        self._write(local_id, {"remote_id": order["id"], "status": status,
                               "status_message": order.get("reason") or "",
                               "deliverables_json": json.dumps(order.get("deliverables", [])),
                               "updated": now_iso()})

    def set_status(self, local_id, status, message=""):
        if status not in STATUSES:
            raise ValueError(f"unknown status {status}")
        self._write(local_id, {"status": status, "status_message": message, "updated": now_iso()})

    def hand_to_web(self, local_id, folder):
        """Say that a draft goes through the DINAMIS web request path (package in ``folder``):
        it must then never be sent by the REST client, so nothing is ordered twice."""
        row = self.get(local_id)
        if row["status"] != "draft" or row["sent_at"] or row["remote_id"]:
            sent = Message(QT_TRANSLATE_NOOP("DataTerraError", " and may already have reached the ordering server"))
            raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "Order {local_id} is {order_status}{sent}: only a "
                                                   "draft never sent can go through the web request page. Refresh "
                                                   "the order book first, or prepare a new request."),
                local_id=local_id,
                order_status=row['status'],
                sent=sent if row['sent_at'] else '')
        self._write(local_id, {"backend": "web", "updated": now_iso(),
                               "status_message": f"request package in {folder}; send it through the DINAMIS "
                                                 "request page"})

    def set_local_paths(self, local_id, paths):
        self._write(local_id, {"local_paths": json.dumps([str(p) for p in paths]), "updated": now_iso()})

    def orders(self):
        """Every order as a dict (with ``local_id`` and ``wkt``), oldest first."""
        with _LOCK:
            return self._orders_locked()

    def _orders_locked(self):
        dataset = gdal.OpenEx(str(self.path), gdal.OF_VECTOR)
        layer = dataset.GetLayerByName(LAYER)
        rows = []
        for feature in layer:
            row = {name: feature.GetField(name) for name, _ in FIELDS}
            row["local_id"] = feature.GetFID()
            geometry = feature.GetGeometryRef()
            row["wkt"] = geometry.ExportToWkt() if geometry else ""
            for key in ("request_json", "deliverables_json", "local_paths"):
                row[key] = json.loads(row[key] or "[]")
            rows.append(row)
        dataset = None
        return rows

    def get(self, local_id):
        for row in self.orders():
            if row["local_id"] == local_id:
                return row
        raise OrderBookError(QT_TRANSLATE_NOOP("DataTerraError", "Order {local_id} is not in the order book {path}."),
            local_id=local_id,
            path=self.path)
