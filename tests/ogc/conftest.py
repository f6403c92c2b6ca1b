"""Loopback OGC fixtures: a qgis_mapserver on 127.0.0.1 serving a project with a 3-band
float32 raster (EPSG:2154, nodata) and the Clermontais communes, and a small HTTP front
on 127.0.0.1 for faults a healthy qgis_mapserver does not produce (a size limit like
MapServer's MAXSIZE, HTTP errors, hostile XML)."""
import http.server
import os
import shutil
import subprocess
import threading
import urllib.parse
import urllib.request

import pytest

from dataterra.dataterra_plugin.ogc.loopback import LoopbackServer, build_project, write_test_raster

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


# ---- MapServer: a second real server, for WCS 1.1 and 2.0.1 ------------------------------
# QGIS Server 3.22 speaks WCS 1.0.0 only; MapServer (Debian packages mapserver-bin and
# cgi-mapserver, installed by scripts/setup.sh) speaks WCS 1.0.0, 1.1.x and 2.0.1, WMS and
# WFS. It is a CGI program: a small threaded HTTP server on 127.0.0.1 runs it per request.

MAPSERV = shutil.which("mapserv") or next(
    (path for path in ("/usr/lib/cgi-bin/mapserv",) if os.access(path, os.X_OK)), None)

MAPFILE = """MAP
  NAME "dataterra_loopback"
  EXTENT 720000 6269000 744000 6287000
  SIZE 240 180
  MAXSIZE {maxsize}
  UNITS METERS
  PROJECTION "init=epsg:2154" END
  WEB
    METADATA
      "ows_title" "Data Terra loopback MapServer"
      "ows_abstract" "The multi-band test raster and the Clermontais communes served on 127.0.0.1"
      "ows_onlineresource" "{url}"
      "ows_enable_request" "*"
      "ows_srs" "EPSG:2154 EPSG:4326 EPSG:3857"
      "wcs_label" "Data Terra loopback MapServer"
      "wfs_getfeature_formatlist" "gml3"
      "wfs_maxfeatures" "1000"
    END
  END
  OUTPUTFORMAT
    NAME "GEOTIFF"
    DRIVER "GDAL/GTiff"
    MIMETYPE "image/tiff"
    IMAGEMODE FLOAT32
    EXTENSION "tif"
    # without it MapServer's WCS 2.0 writes nodata pixels as 0 (1.0 and 1.1 keep -9999)
    FORMATOPTION "NULLVALUE=-9999"
  END
  LAYER
    NAME "multiband"
    TYPE RASTER
    STATUS ON
    DATA "{raster}"
    PROJECTION "init=epsg:2154" END
    PROCESSING "NODATA=-9999"
    METADATA
      "ows_title" "multiband"
      "wcs_label" "multiband"
      "wcs_rangeset_name" "bands"
      "wcs_rangeset_label" "bands"
      "wcs_rangeset_axes" "bands"
      "wcs_rangeset_nullvalue" "-9999"
      "wcs_bandcount" "3"
      "wcs_band_names" "band_1 band_2 band_3"
      "wcs_formats" "GEOTIFF"
      "wcs_nativeformat" "GTiff"
      "wcs_imagemode" "FLOAT32"
      "wcs_size" "240 180"
      "wcs_extent" "720000 6269000 744000 6287000"
      "wcs_resolution" "100 100"
      "ows_srs" "EPSG:2154"
    END
  END
  LAYER
    NAME "communes"
    TYPE POLYGON
    STATUS ON
    DATA "{communes}"
    PROJECTION "init=epsg:2154" END
    METADATA
      "ows_title" "communes"
      "gml_include_items" "all"
      "gml_featureid" "INSEE_COM"
      "wfs_enable_request" "*"
    END
    CLASS
      STYLE COLOR 200 220 180 OUTLINECOLOR 60 60 60 END
    END
  END
END
"""


class _MapServerCgi(http.server.BaseHTTPRequestHandler):
    """Runs ``mapserv`` as a CGI program for each GET: ``/wcs`` serves the test mapfile,
    ``/limited`` the same with MAXSIZE 100 (MapServer's own size limit)."""

    mapfiles = {}
    config = ""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        mapfile = self.mapfiles.get(parts.path.rstrip("/"))
        if mapfile is None:
            self.send_error(404)
            return
        env = {**os.environ, "MAPSERVER_CONFIG_FILE": self.config, "MS_MAPFILE": str(mapfile),
               "REQUEST_METHOD": "GET", "QUERY_STRING": parts.query, "SCRIPT_NAME": parts.path,
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(self.server.server_address[1])}
        output = subprocess.run([MAPSERV], env=env, capture_output=True, timeout=120, check=False).stdout
        head, body = _split_cgi_output(output)
        status = int(head.pop("status", "200").split()[0])
        self.send_response(status)
        for name, value in head.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _split_cgi_output(output: bytes):
    """CGI headers (lower-case names) and body of a CGI program's output."""
    separator = min((i for i in (output.find(b"\r\n\r\n"), output.find(b"\n\n")) if i >= 0), default=-1)
    if separator < 0:
        return {"status": "500", "content-type": "text/plain"}, output
    head = output[:separator].decode("latin-1")
    body = output[separator + (4 if output.startswith(b"\r\n\r\n", separator) else 2):]
    headers = {}
    for line in head.splitlines():
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, body


@pytest.fixture(scope="session")
def mapserver(tmp_path_factory, sample_data):
    """MapServer on 127.0.0.1 serving the same raster as ``ogc_project`` (and the communes);
    yields a dict: url (full limits), limited_url (MAXSIZE 100), raster, mapfile."""
    if MAPSERV is None:
        pytest.skip("MapServer's mapserv program is not installed (Debian: apt-get install mapserver-bin "
                    "cgi-mapserver; scripts/setup.sh does it)")
    folder = tmp_path_factory.mktemp("mapserver")
    raster = write_test_raster(folder / "multiband.tif")
    config = folder / "mapserver.conf"
    config.write_text("CONFIG\nEND\n")  # MapServer 8 refuses to run without a configuration file
    handler = type("MapServerCgi", (_MapServerCgi,), {"config": str(config), "mapfiles": {}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for path, maxsize in (("/wcs", 4096), ("/limited", 100)):
        mapfile = folder / f"{path.strip('/')}.map"
        mapfile.write_text(MAPFILE.format(maxsize=maxsize, url=f"{base}{path}?", raster=raster,
                                          communes=sample_data["communes"]))
        handler.mapfiles[path] = mapfile
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"{base}/wcs?", "limited_url": f"{base}/limited?", "raster": raster,
           "mapfile": handler.mapfiles["/wcs"]}
    httpd.shutdown()
    httpd.server_close()
