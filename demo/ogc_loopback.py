"""A real OGC server on 127.0.0.1 for tests and the demo: ``qgis_mapserver`` serving a
QGIS project built here with PyQGIS (a multi-band raster in EPSG:2154 with nodata and
vector layers), published over WMS 1.3.0, WMTS 1.0.0, WFS and WCS.

Nothing here talks to anything but the loopback interface.
"""
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()

QGIS_MAPSERVER = "/usr/bin/qgis_mapserver"


def free_port() -> int:
    """A TCP port nobody listens on right now (bound then released on 127.0.0.1)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_test_raster(path, width=240, height=180, origin=(720000.0, 6287000.0), pixel=100.0,
                      bands=3, nodata=-9999.0):
    """A float32 GeoTIFF in EPSG:2154 whose pixel values are known functions of (band, row, col).

    Value = band * 10000 + row * 0.5 + col * 0.25 (exact in float32 for these sizes); the
    top-left 10 x 10 pixels of every band are nodata, so nodata handling is tested too.
    """
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, bands, gdal.GDT_Float32)
    ds.SetGeoTransform((origin[0], pixel, 0.0, origin[1], 0.0, -pixel))
    ds.SetProjection(srs.ExportToWkt())
    rows, cols = np.mgrid[0:height, 0:width]
    for index in range(bands):
        values = ((index + 1) * 10000 + rows * 0.5 + cols * 0.25).astype(np.float32)
        values[:10, :10] = nodata
        band = ds.GetRasterBand(index + 1)
        band.SetNoDataValue(nodata)
        band.SetDescription(f"band_{index + 1}")
        band.WriteArray(values)
    ds = None
    return Path(path)


def rasterise_clc(clc_gpkg, path, pixel=25.0, field="CODE_12"):
    """Corine Land Cover polygons burnt into a UInt16 GeoTIFF of ``pixel`` metres (nodata 0)."""
    source = ogr.Open(str(clc_gpkg))
    layer = source.GetLayer(0)
    xmin, xmax, ymin, ymax = layer.GetExtent()
    xmin, ymin = np.floor(xmin / pixel) * pixel, np.floor(ymin / pixel) * pixel
    xmax, ymax = np.ceil(xmax / pixel) * pixel, np.ceil(ymax / pixel) * pixel
    options = gdal.RasterizeOptions(
        outputType=gdal.GDT_UInt16, outputBounds=(xmin, ymin, xmax, ymax), xRes=pixel, yRes=pixel,
        attribute=field, noData=0, initValues=0, creationOptions=["COMPRESS=DEFLATE", "TILED=YES"],
        outputSRS="EPSG:2154")
    gdal.Rasterize(str(path), str(clc_gpkg), options=options)
    return Path(path)


def build_project(project_path, rasters, vectors):
    """Write a .qgs publishing ``rasters`` (name -> path) over WMS/WCS and ``vectors``
    (name -> path) over WMS/WFS. Needs a running QgsApplication."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsVectorLayer

    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    wcs_ids, wfs_ids = [], []
    for name, path in rasters.items():
        layer = QgsRasterLayer(str(path), name, "gdal")
        if not layer.isValid():
            raise RuntimeError(f"Cannot open raster {path} for the test project")
        project.addMapLayer(layer)
        wcs_ids.append(layer.id())
    for name, path in vectors.items():
        layer = QgsVectorLayer(str(path), name, "ogr")
        if not layer.isValid():
            raise RuntimeError(f"Cannot open vector {path} for the test project")
        project.addMapLayer(layer)
        wfs_ids.append(layer.id())
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", "Data Terra loopback test server")
    project.writeEntry("WMSServiceAbstract", "/", "Sample data served on 127.0.0.1 for tests")
    project.writeEntry("WMSCrsList", "/", ["EPSG:2154", "EPSG:4326", "EPSG:3857"])
    project.writeEntry("WMSExtent", "/", _project_extent(project))
    project.writeEntry("WCSLayers", "/", wcs_ids)
    project.writeEntry("WFSLayers", "/", wfs_ids)
    for layer_id in wfs_ids:
        project.writeEntry("WFSLayersPrecision", "/" + layer_id, 8)
    # WMTS: every layer as PNG tiles, on tile matrix sets QGIS Server computes for each
    # CRS of WMSCrsList (no WMTSGrids entry)
    project.writeEntry("WMTSLayers", "Layer", wcs_ids + wfs_ids)
    project.writeEntry("WMTSPngLayers", "Layer", wcs_ids + wfs_ids)
    project.writeEntry("WMSMaxWidth", "/", 4000)
    project.writeEntry("WMSMaxHeight", "/", 4000)
    if not project.write(str(project_path)):
        raise RuntimeError(f"Cannot write the test project {project_path}")
    return Path(project_path)


def _project_extent(project):
    from qgis.core import QgsRectangle

    extent = QgsRectangle()
    extent.setMinimal()
    for layer in project.mapLayers().values():
        extent.combineExtentWith(layer.extent())
    return [str(extent.xMinimum()), str(extent.yMinimum()), str(extent.xMaximum()), str(extent.yMaximum())]


def _die_with_parent():
    """In the child, on Linux: ask the kernel to stop the server when its parent dies, so a
    crashed test run never leaves a qgis_mapserver behind."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


class LoopbackServer:
    """``qgis_mapserver`` on 127.0.0.1 serving one project; use as a context manager."""

    def __init__(self, project_path, port=None, log_path=None):
        self.project_path = Path(project_path)
        self.port = port or free_port()
        self.log_path = log_path
        self.process = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/ows/"

    def start(self, timeout=30.0):
        env = {**os.environ, "QGIS_PROJECT_FILE": str(self.project_path), "QT_QPA_PLATFORM": "offscreen",
               "QGIS_SERVER_LOG_LEVEL": "2", "QGIS_SERVER_LOG_STDERR": "1"}
        self._log = open(self.log_path, "wb") if self.log_path else None  # noqa: SIM115 - closed in stop()
        log = self._log or subprocess.DEVNULL
        self.process = subprocess.Popen([QGIS_MAPSERVER, "-l", "0", f"127.0.0.1:{self.port}"],
                                        stdout=log, stderr=log, env=env, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"qgis_mapserver exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "?SERVICE=WMS&REQUEST=GetCapabilities", timeout=5) as reply:
                    if reply.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"qgis_mapserver did not answer on {self.url} within {timeout} s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# ---- MapServer: a second real server, for WCS 1.1 and 2.0.1 ------------------------------
# QGIS Server 3.22 speaks WCS 1.0.0 only; MapServer (Debian package mapserver-bin) speaks
# WCS 1.0.0, 1.1.x and 2.0.1, WMS and WFS. It is a CGI program: a small threaded HTTP
# server on 127.0.0.1 runs it once per request.

MAPSERV_PATHS = ("/usr/bin/mapserv", "/usr/lib/cgi-bin/mapserv", "/usr/local/bin/mapserv")


def find_mapserv():
    """The path of MapServer's ``mapserv`` program, or None when it is not installed."""
    import shutil

    return shutil.which("mapserv") or next((p for p in MAPSERV_PATHS if os.access(p, os.X_OK)), None)


MAPFILE = """MAP
  NAME "dataterra_loopback"
  EXTENT {extent}
  SIZE {width} {height}
  MAXSIZE {maxsize}
  UNITS METERS
  PROJECTION "init=epsg:2154" END
  WEB
    METADATA
      "ows_title" "Data Terra loopback MapServer"
      "ows_abstract" "Test data served on 127.0.0.1"
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
    # without it MapServer's WCS 2.0 writes nodata pixels as 0 (1.0 and 1.1 keep the value)
    FORMATOPTION "NULLVALUE={nodata}"
  END
  LAYER
    NAME "{raster_name}"
    TYPE RASTER
    STATUS ON
    DATA "{raster}"
    PROJECTION "init=epsg:2154" END
    PROCESSING "NODATA={nodata}"
    METADATA
      "ows_title" "{raster_name}"
      "wcs_label" "{raster_name}"
      "wcs_rangeset_name" "bands"
      "wcs_rangeset_label" "bands"
      "wcs_rangeset_axes" "bands"
      "wcs_rangeset_nullvalue" "{nodata}"
      "wcs_bandcount" "{bands}"
      "wcs_band_names" "{band_names}"
      "wcs_formats" "GEOTIFF"
      "wcs_nativeformat" "GTiff"
      "wcs_imagemode" "FLOAT32"
      "wcs_size" "{width} {height}"
      "wcs_extent" "{extent}"
      "wcs_resolution" "{resolution} {resolution}"
      "ows_srs" "EPSG:2154"
    END
  END
{vector_layer}END
"""

VECTOR_LAYER = """  LAYER
    NAME "{name}"
    TYPE POLYGON
    STATUS ON
    DATA "{path}"
    PROJECTION "init=epsg:2154" END
    METADATA
      "ows_title" "{name}"
      "gml_include_items" "all"
      "gml_featureid" "{feature_id}"
      "wfs_enable_request" "*"
    END
    CLASS
      STYLE COLOR 200 220 180 OUTLINECOLOR 60 60 60 END
    END
  END
"""


def write_mapfile(path, url, raster, raster_name="multiband", maxsize=4096, polygons=None):
    """A mapfile serving ``raster`` (a float32 EPSG:2154 GeoTIFF with square pixels and a
    nodata value, e.g. :func:`write_test_raster`) over WCS and WMS, and optionally
    ``polygons`` = (name, shapefile path, feature id field) over WFS and WMS."""
    ds = gdal.Open(str(raster))
    x0, pixel, _, y1, _, _ = ds.GetGeoTransform()
    width, height, bands = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    ds = None
    extent = f"{x0!r} {y1 - height * pixel!r} {x0 + width * pixel!r} {y1!r}"
    vector = ""
    if polygons:
        name, vector_path, feature_id = polygons
        vector = VECTOR_LAYER.format(name=name, path=vector_path, feature_id=feature_id)
    text = MAPFILE.format(extent=extent, width=width, height=height, maxsize=maxsize, url=url, raster=raster,
                          raster_name=raster_name, nodata=f"{nodata:g}", bands=bands, resolution=repr(pixel),
                          band_names=" ".join(f"band_{i + 1}" for i in range(bands)), vector_layer=vector)
    Path(path).write_text(text, encoding="utf-8")
    return Path(path)


def split_cgi_output(output: bytes):
    """(headers with lower-case names, body) of a CGI program's output."""
    ends = [i for i in (output.find(b"\r\n\r\n"), output.find(b"\n\n")) if i >= 0]
    if not ends:
        return {"status": "500", "content-type": "text/plain"}, output
    separator = min(ends)
    body = output[separator + (4 if output.startswith(b"\r\n\r\n", separator) else 2):]
    headers = {}
    for line in output[:separator].decode("latin-1").splitlines():
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, body


class MapServerLoopback:
    """MapServer on 127.0.0.1: a threaded HTTP server running ``mapserv`` as CGI, one
    mapfile per URL path. ``paths`` maps a path (e.g. "/wcs") to a MAXSIZE (MapServer's
    own request size limit). Use as a context manager, or start() / stop()."""

    def __init__(self, folder, raster, raster_name="multiband", polygons=None,
                 paths=(("/wcs", 4096), ("/limited", 100))):
        self.folder = Path(folder)
        self.raster, self.raster_name, self.polygons = Path(raster), raster_name, polygons
        self.paths = dict(paths)
        self.mapfiles = {}
        self.httpd = None
        self.mapserv = find_mapserv()

    def url_of(self, path="/wcs"):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}?"

    @property
    def url(self):
        return self.url_of(next(iter(self.paths)))

    def start(self):
        import http.server
        import threading

        if self.mapserv is None:
            raise RuntimeError("MapServer's mapserv program is not installed (Debian: apt-get install mapserver-bin)")
        config = self.folder / "mapserver.conf"
        config.write_text("CONFIG\nEND\n")  # MapServer 8 refuses to run without a configuration file
        handler = type("MapServerCgi", (_MapServerCgi,), {
            "config": str(config), "mapfiles": self.mapfiles, "mapserv": self.mapserv})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        for path, maxsize in self.paths.items():
            self.mapfiles[path] = write_mapfile(self.folder / f"{path.strip('/')}.map", self.url_of(path),
                                                self.raster, self.raster_name, maxsize, self.polygons)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _mapserver_handler_base():
    import http.server
    import urllib.parse

    class Handler(http.server.BaseHTTPRequestHandler):
        mapfiles, config, mapserv = {}, "", ""

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            parts = urllib.parse.urlsplit(self.path)
            mapfile = self.mapfiles.get(parts.path.rstrip("/"))
            if mapfile is None:
                self.send_error(404)
                return
            # MapServer 8 reads MS_MAPFILE from the environment when the config sets no map
            env = {**os.environ, "MAPSERVER_CONFIG_FILE": self.config, "MS_MAPFILE": str(mapfile),
                   "REQUEST_METHOD": "GET", "QUERY_STRING": parts.query, "SCRIPT_NAME": parts.path,
                   "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(self.server.server_address[1])}
            output = subprocess.run([self.mapserv], env=env, capture_output=True, timeout=300, check=False).stdout
            head, body = split_cgi_output(output)
            self.send_response(int(head.pop("status", "200").split()[0]))
            for name, value in head.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


_MapServerCgi = _mapserver_handler_base()
