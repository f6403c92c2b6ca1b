"""Loopback OGC fixtures: a qgis_mapserver on 127.0.0.1 serving a project with a 3-band
float32 raster (EPSG:2154, nodata) and the Clermontais communes, and a small HTTP front
on 127.0.0.1 for faults a healthy qgis_mapserver does not produce (a size limit like
MapServer's MAXSIZE, HTTP errors, hostile XML); and MapServer on 127.0.0.1 (WCS 1.0.0,
1.1.1, 2.0.1, WMS, WFS) serving the same raster."""
import http.server
import threading
import urllib.parse
import urllib.request

import pytest

from dataterra.demo.ogc_loopback import (
    LoopbackServer,
    MapServerLoopback,
    build_project,
    find_mapserv,
    write_test_raster,
)

RASTER_BOX = (720000.0, 6269000.0, 744000.0, 6287000.0)  # 240 x 180 pixels of 100 m


@pytest.fixture(scope="session")
def ogc_project(qgis_app, tmp_path_factory, sample_data):
    folder = tmp_path_factory.mktemp("ogc_server")
    raster = write_test_raster(folder / "multiband.tif")
    project = build_project(folder / "server.qgs", {"multiband": raster}, {"communes": sample_data["communes"]})
    return {"project": project, "raster": raster, "folder": folder}


@pytest.fixture(scope="session")
def ogc_server(ogc_project):
    server = LoopbackServer(ogc_project["project"], log_path=ogc_project["folder"] / "server.log")
    server.start()
    yield server
    server.stop()


class _FrontHandler(http.server.BaseHTTPRequestHandler):
    """Forwards to qgis_mapserver, except: GetCoverage above ``max_pixels`` gets a WCS
    exception (as MapServer answers past MAXSIZE); ``/status/<code>`` answers that HTTP
    status; ``/hostile`` answers an XML entity bomb."""

    upstream = ""
    max_pixels = 10 ** 9
    requests = []

    def log_message(self, *args):
        pass

    def _send(self, status, body, content_type="text/xml"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        query = {k.upper(): v for k, v in urllib.parse.parse_qsl(parts.query)}
        type(self).requests.append(query)
        if parts.path.startswith("/status/"):
            self._send(int(parts.path.split("/")[2]), b"<html>server error page</html>", "text/html")
            return
        if parts.path.startswith("/hostile"):
            self._send(200, HOSTILE_XML)
            return
        if query.get("REQUEST") == "GetCoverage":
            pixels = int(query.get("WIDTH", 0)) * int(query.get("HEIGHT", 0))
            if pixels > self.max_pixels:
                self._send(200, b'<?xml version="1.0"?><ServiceExceptionReport version="1.2.0" '
                                b'xmlns="http://www.opengis.net/ogc"><ServiceException>Raster size out of range, '
                                b'width and height of resulting coverage must be no more than MAXSIZE'
                                b'</ServiceException></ServiceExceptionReport>')
                return
        try:
            with urllib.request.urlopen(self.upstream + "?" + parts.query, timeout=60) as reply:
                self._send(reply.status, reply.read(), reply.headers.get("Content-Type", "text/xml"))
        except urllib.error.HTTPError as exc:
            self._send(exc.code, exc.read())


HOSTILE_XML = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
               b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
               b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
               b'<WCS_Capabilities version="1.0.0"><Service><label>&lol3;</label></Service></WCS_Capabilities>')


@pytest.fixture(scope="session")
def ogc_front(ogc_server):
    """The HTTP front (see _FrontHandler); yields (base_url, handler class) and resets its limit."""
    handler = type("Front", (_FrontHandler,), {"upstream": ogc_server.url, "requests": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/ows/", handler
    httpd.shutdown()
    httpd.server_close()


# ---- MapServer: a second real server, for WCS 1.1 and 2.0.1 (see loopback.MapServerLoopback)

@pytest.fixture(scope="session")
def mapserver(tmp_path_factory, sample_data):
    """MapServer on 127.0.0.1 serving the same raster as ``ogc_project`` (and the communes
    over WFS); yields a dict: url (MAXSIZE 4096), limited_url (MAXSIZE 100), raster."""
    if find_mapserv() is None:  # make test installs it: a missing server is a failure, not a skip
        pytest.fail("MapServer's mapserv program is not installed (Debian: apt-get install mapserver-bin; "
                    "scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("mapserver")
    raster = write_test_raster(folder / "multiband.tif")
    server = MapServerLoopback(folder, raster, polygons=("communes", sample_data["communes"], "INSEE_COM"))
    with server:
        yield {"url": server.url_of("/wcs"), "limited_url": server.url_of("/limited"), "raster": raster,
               "mapfile": server.mapfiles["/wcs"]}
