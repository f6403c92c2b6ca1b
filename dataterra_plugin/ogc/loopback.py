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
