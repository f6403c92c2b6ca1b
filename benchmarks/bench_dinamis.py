"""DINAMIS: ellipsoidal AOI area (pure formula) against QgsDistanceArea and pyproj.Geod,
on the Clermontais EPCI and on larger synthetic polygons; and the order round trip
(submit + 3 status refreshes) against the loopback reference server.
Prints a Markdown table; run alone: QT_QPA_PLATFORM=offscreen python benchmarks/bench_dinamis.py"""
import math
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "demo"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import bootstrap  # noqa: E402


def timed(function, repeat=5):
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - start)
    return value, best


def main():
    bootstrap.start_qgis()
    import pyproj
    from osgeo import ogr
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject

    from dataterra.dataterra_plugin.dinamis.core.aoi import check_aoi, geometry_from_coordinates, polygon_area_m2
    from dataterra.dataterra_plugin.dinamis.core.rules import load_rules

    rules = load_rules()
    dataset = ogr.Open(str(bootstrap.SAMPLE["epci"]))
    feature = dataset.GetLayer(0).GetNextFeature()
    epci_wgs84 = check_aoi(feature.GetGeometryRef().ExportToWkt(), "EPSG:2154", "pleiades_archive", rules).wkt_wgs84
    circles = {}
    for n, radius in ((1000, 0.5), (10000, 2.0)):
        ring = [(3.4 + radius * math.cos(2 * math.pi * k / n), 45.0 + radius * math.sin(2 * math.pi * k / n))
                for k in range(n)]
        circles[f"circle r={radius}°, {n} vertices"] = geometry_from_coordinates(ring)
    cases = {"Clermontais EPCI (349 vertices)": epci_wgs84, **circles}
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    geod = pyproj.Geod(ellps="WGS84")
    print("| polygon | area (km², plugin) | rel. diff vs QgsDistanceArea | rel. diff vs pyproj.Geod | "
          "time plugin / QgsDistanceArea |")
    print("|---|---|---|---|---|")
    for name, wkt in cases.items():
        geometry = ogr.CreateGeometryFromWkt(wkt)
        ours, t_ours = timed(lambda g=geometry: polygon_area_m2(g))
        qgs_geometry = QgsGeometry.fromWkt(wkt)
        theirs, t_qgis = timed(lambda g=qgs_geometry: measure.measureArea(g))
        ring = geometry.GetGeometryRef(0)
        lons = [ring.GetX(i) for i in range(ring.GetPointCount())]
        lats = [ring.GetY(i) for i in range(ring.GetPointCount())]
        geodesic = abs(geod.polygon_area_perimeter(lons, lats)[0])
        print(f"| {name} | {ours / 1e6:.3f} | {abs(ours - theirs) / theirs:.1e} | "
              f"{abs(ours - geodesic) / geodesic:.1e} | {t_ours / t_qgis:.1f} |")
    round_trip()


def round_trip():
    import secrets
    import tempfile

    from dataterra.dataterra_plugin.dinamis.core import workflow
    from dataterra.dataterra_plugin.dinamis.core.client import OrderingClient, urllib_transport
    from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook
    from dataterra.demo.dinamis_reference_server import ReferenceServer

    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as folder:
        server = ReferenceServer(Path(folder) / "s.sqlite", token).start()
        client = OrderingClient(server.base_url, urllib_transport(
            authenticate=lambda headers: headers.update(Authorization=f"Bearer {token}")))
        book = OrderBook(Path(folder) / "orders.gpkg")
        request = {"product_id": "pleiades_archive", "aoi": {"type": "Polygon", "coordinates": [
            [[3.3, 43.55], [3.5, 43.55], [3.5, 43.7], [3.3, 43.7], [3.3, 43.55]]]}}
        orders = 20
        start = time.perf_counter()
        for i in range(orders):
            local_id = book.add_draft(dict(request, project=str(i)), "POLYGON((3.3 43.55,3.5 43.55,3.5 43.7,3.3 43.7,"
                                      "3.3 43.55))", 268.7, 268.7)
            workflow.submit(book, client, local_id)
        for _ in range(3):
            workflow.refresh(book, client)
        elapsed = time.perf_counter() - start
        server.stop()
    print(f"\nOrder round trip on loopback: {orders} orders submitted and refreshed 3 times "
          f"(draft, submit, 3 status changes each) in {elapsed:.2f} s "
          f"({1000 * elapsed / orders:.0f} ms per order, order book writes included).")


if __name__ == "__main__":
    main()
    os._exit(0)
