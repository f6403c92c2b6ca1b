"""DINAMIS: profile -> AOI from the Clermontais EPCI -> eligibility and checks -> request
package -> estimate -> submit to the loopback reference server (with a lost answer, to
show that the order is not duplicated) -> status updates -> delivery downloaded and loaded."""
import contextlib
import os
import secrets
import sys
import shutil

from osgeo import ogr

TITLE = "DINAMIS: request package, order, tracking and delivery (loopback reference server)"


def run(ctx):
    import processing
    from qgis.core import QgsRasterLayer

    from dataterra.dataterra_plugin.dinamis.core import workflow
    from dataterra.dataterra_plugin.dinamis.core.aoi import check_aoi
    from dataterra.dataterra_plugin.dinamis.core.client import OrderingClient, urllib_transport
    from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook
    from dataterra.demo.dinamis_reference_server import ReferenceServer
    from dataterra.dataterra_plugin.dinamis.core.rules import Profile, eligibility, load_rules

    rules = load_rules()
    profile = Profile("uia_public_actor", "Communauté de communes du Clermontais", "sig@example.org")
    allowed = [e.product_id for e in eligibility(profile, rules) if e.allowed]
    ctx.log(f"profile {profile.user_type}: may obtain {', '.join(allowed)}")

    dataset = ogr.Open(str(ctx.sample["epci"]))
    feature = dataset.GetLayer(0).GetNextFeature()
    report = check_aoi(feature.GetGeometryRef().ExportToWkt(), "EPSG:2154", "pleiades_archive", rules)
    ctx.log(f"AOI: {report.area_km2:.2f} km² on the WGS 84 ellipsoid, {report.vertex_count} vertices, "
            f"issues: {report.codes() or 'none'}")

    package = ctx.output / "request_package"
    shutil.rmtree(package, ignore_errors=True)
    processing.run("dataterra:dinamis_request_package", {
        "INPUT": str(ctx.sample["epci"]), "PRODUCT": 0, "USER_TYPE": 2, "INSTITUTION": profile.institution,
        "PURPOSE": "Vineyard and hedgerow mapping at 50 cm", "PROJECT": "Clermontais landscape",
        "OUTPUT": str(package)}, feedback=ctx.feedback)

    token = secrets.token_urlsafe(24)  # lives in memory only
    database = ctx.output / "reference_server.sqlite"
    database.unlink(missing_ok=True)
    server = ReferenceServer(database, token).start()
    try:
        client = OrderingClient(server.base_url, urllib_transport(
            timeout=10, authenticate=lambda headers: headers.update(Authorization=f"Bearer {token}")))
        book_path = ctx.output / "dinamis_orders.gpkg"
        book_path.unlink(missing_ok=True)
        book = OrderBook(book_path)
        request = {"product_id": "pleiades_archive", "aoi": _geojson(report.wkt_wgs84),
                   "purpose": "Vineyard and hedgerow mapping at 50 cm", "project": "Clermontais landscape"}
        estimate = client.estimate(request)
        ctx.log(f"estimate: {estimate['area_km2']} km², {estimate['quota_units']} quota units")
        local_id = book.add_draft(request, report.wkt_wgs84, estimate["area_km2"], estimate["quota_units"])
        server.drop_after_commit("POST", "/orders")  # the first answer is lost on the way back
        order = workflow.submit(book, client, local_id)
        ctx.log(f"submitted (one answer lost, retried with the same key): order {order['id']}, "
                f"{server.order_count()} order on the server")
        while book.get(local_id)["status"] != "delivered":
            ctx.log(f"status -> {workflow.refresh(book, client)[local_id]}")
        paths = workflow.deliver(book, client, local_id, ctx.output / "products")
        layer = QgsRasterLayer(str(paths[0]), "Pléiades (reference server)")
        ctx.log(f"delivered and loaded: {paths[0].name}, valid={layer.isValid()}, bands={layer.bandCount()}")
        submit_through_processing(ctx, server, token, book_path)
    finally:
        server.stop()
    written = sorted(package.iterdir()) + [book_path] + paths
    png = _map(ctx, book_path, layer)
    return written + ([png] if png else [])


def submit_through_processing(ctx, server, token, book_path):
    """The same kind of request through dataterra:dinamis_submit_order, as a model would send
    it; the credentials live in a QGIS auth config (the demo's QGIS has a private auth DB)."""
    import processing
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        with _quiet_stderr():  # QGIS 3.22 prints the new master password's salt and hash
            manager.setMasterPassword("dataterra-demo", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("DINAMIS reference server (demo)")
    config.setConfig("username", "demo")
    config.setConfig("password", token)
    with _quiet_stderr():  # and the cipher's initialisation vector
        stored = manager.storeAuthenticationConfig(config)[0]
    if not stored:
        raise RuntimeError("Could not store the demo's authentication configuration.")
    try:
        result = processing.run("dataterra:dinamis_submit_order", {
            "INPUT": str(ctx.sample["epci"]), "PRODUCT": 0, "USER_TYPE": 2,
            "INSTITUTION": "Communauté de communes du Clermontais", "PURPOSE": "Hedgerow mapping at 50 cm",
            "PROJECT": "Clermontais landscape", "SERVER_URL": server.base_url, "AUTHCFG": config.id(),
            "ORDER_BOOK": str(book_path)}, feedback=ctx.feedback)
    finally:
        manager.removeAuthenticationConfig(config.id())
    ctx.log(f"dataterra:dinamis_submit_order: order {result['ORDER_ID']} {result['STATUS']}, "
            f"{server.order_count()} orders on the server")


@contextlib.contextmanager
def _quiet_stderr():
    """Send the process's file descriptor 2 (C++ prints included) to /dev/null meanwhile."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _map(ctx, book_path, product_layer):
    """Delivered image, order footprint and EPCI outline as a PNG (demo/mapping.py)."""
    from qgis.core import QgsVectorLayer

    try:
        from mapping import render_map
    except ImportError:
        ctx.log("demo/mapping.py is not available: map skipped")
        return None
    footprints = QgsVectorLayer(f"{book_path}|layername=dinamis_orders", "Order footprint", "ogr")
    epci = QgsVectorLayer(str(ctx.sample["epci"]), "EPCI du Clermontais", "ogr")
    png = ctx.output / "dinamis_order.png"
    render_map([footprints, epci, product_layer], png, "DINAMIS order over the Clermontais", extent_layer=epci)
    return png


def _geojson(wkt):
    import json

    return json.loads(ogr.CreateGeometryFromWkt(wkt).ExportToJson())
