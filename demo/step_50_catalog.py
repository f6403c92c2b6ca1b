"""Demo step: search a catalogue replayed on loopback (recorded GEODES and Earth Search
answers, paged) over the Clermontais, and write the footprints GeoPackage."""
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TITLE = "Catalogue: search a STAC API (recorded answers replayed on loopback), footprints GeoPackage"
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "catalog"


def _replay_server(total=120):
    """A loopback STAC /search serving ``total`` copies of the recorded Earth Search item, paged."""
    recorded = json.loads((DATA / "earth_search_search.json").read_text())
    template = recorded["features"][0]
    items = []
    for i in range(total):
        item = copy.deepcopy(template)
        item["id"] = f"S2-demo-{i:03d}"
        item["properties"]["datetime"] = f"2024-02-{1 + i % 28:02d}T10:00:00Z"
        items.append(item)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            limit, token = int(body.get("limit", 10)), int(body.get("token", 0))
            page = {"type": "FeatureCollection", "features": items[token: token + limit], "numberMatched": total,
                    "links": []}
            if token + limit < total:
                page["links"].append({"rel": "next", "method": "POST", "href": server.url + "/search",
                                      "body": {"token": token + limit}, "merge": True})
            payload = json.dumps(page).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/geo+json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(ctx):
    import processing

    server = _replay_server()
    try:
        out = ctx.output / "catalog_footprints.gpkg"
        result = processing.run("dataterra:catalog_search", {
            "URL": server.url + "/search", "PROTOCOL": 0, "COLLECTION": "sentinel-2-l1c",
            "EXTENT": "3.2,3.6,43.5,43.8 [EPSG:4326]", "START": "2024-02-01", "END": "2024-02-29",
            "MAX_RECORDS": 100, "OUTPUT": str(out)}, feedback=ctx.feedback)
        ctx.log(f"footprints written: {result['OUTPUT']}")
        return [str(out)]
    finally:
        server.shutdown()
        server.server_close()
