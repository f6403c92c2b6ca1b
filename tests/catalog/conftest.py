"""Loopback servers for the catalogue tests: a replay HTTP server and a real pycsw."""
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "catalog"


class ReplayServer:
    """HTTP server on 127.0.0.1 answering from ``routes``: path -> handler(request) -> (status, headers, body)."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                split = urlsplit(self.path)
                request = {"method": self.command, "path": split.path, "query": parse_qs(split.query),
                           "body": body, "headers": dict(self.headers)}
                server.requests.append(request)
                handler = server.routes.get(split.path)
                if handler is None:
                    status, headers, payload = 404, {"Content-Type": "text/plain"}, b"no such route"
                else:
                    status, headers, payload = handler(request)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_HEAD = _serve  # noqa: N815

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def json_reply(data, status=200, content_type="application/geo+json"):
    return status, {"Content-Type": content_type}, json.dumps(data).encode()


def stac_items(template, count, prefix):
    """``count`` copies of a recorded STAC feature with ids prefix-0000..., dates one day apart."""
    items = []
    for i in range(count):
        item = copy.deepcopy(template)
        item["id"] = f"{prefix}-{i:04d}"
        item["properties"]["datetime"] = f"2024-01-{1 + i % 28:02d}T10:00:00Z"
        item["properties"]["eo:cloud_cover"] = float(i % 101)
        items.append(item)
    return items


def install_stac_routes(server, total=230):
    """/stac/search (next links, recorded Earth Search item) and /geodes/search (page bodies)."""
    earth = json.loads((DATA / "earth_search_search.json").read_text())
    geodes = json.loads((DATA / "geodes_search.json").read_text())
    earth_items = stac_items(earth["features"][0], total, "S2")
    geodes_items = stac_items(geodes["features"][0], total, "GEODES")

    def stac_search(request):
        if request["method"] == "POST":
            body = json.loads(request["body"] or b"{}")
            limit, token = int(body.get("limit", 10)), int(body.get("token", 0))
        else:
            limit = int(request["query"].get("limit", ["10"])[0])
            token = int(request["query"].get("token", ["0"])[0])
        chunk = earth_items[token: token + limit]
        page = {k: v for k, v in earth.items() if k != "features"}
        page.update(features=chunk, numberMatched=total, numberReturned=len(chunk))
        page["links"] = []
        if token + limit < total:
            if request["method"] == "POST":
                page["links"].append({"rel": "next", "method": "POST", "href": server.url + "/stac/search",
                                      "body": {"token": token + limit}, "merge": True})
            else:
                page["links"].append({"rel": "next", "href": f"{server.url}/stac/search?limit={limit}&token={token + limit}"})
        return json_reply(page)

    def geodes_search(request):
        body = json.loads(request["body"])
        page_number, limit = int(body["page"]), int(body["limit"])
        if limit > 80:
            return json_reply({"error": "limit must be <= 80"}, 400, "application/json")
        chunk = geodes_items[(page_number - 1) * limit: page_number * limit]
        reply = {k: v for k, v in geodes.items() if k != "features"}
        reply["features"] = chunk
        reply["context"] = {"returned": len(chunk), "limit": limit, "matched": total}
        return json_reply(reply)

    server.routes["/stac/search"] = stac_search
    server.routes["/geodes/search"] = geodes_search
    server.routes["/mundi/opensearch"] = lambda request: (
        200, {"Content-Type": "application/atom+xml"}, (DATA / "mundi_search.xml").read_bytes())


@pytest.fixture(scope="session")
def replay_server():
    server = ReplayServer()
    install_stac_routes(server)
    yield server
    server.close()
