"""Fixtures of the DINAMIS tests: the rules, profiles, the Clermontais AOI, and the
loopback reference ordering server."""
import base64
import json
import time
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from osgeo import ogr
from replay_http import ReplayServer

SECRET = "s3cr3t-Tok3n-DINAMIS-42"


@pytest.fixture(scope="session")
def rules():
    from dataterra.dataterra_plugin.dinamis.core.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def clermontais_wkt(sample_data):
    """(WKT in Lambert-93, EPSG code) of the Clermontais EPCI outline."""
    dataset = ogr.Open(str(sample_data["epci"]))
    feature = dataset.GetLayer(0).GetNextFeature()
    return feature.GetGeometryRef().ExportToWkt(), "EPSG:2154"


@pytest.fixture
def secret():
    return SECRET


@pytest.fixture
def basic_authcfg(qgis_auth_manager, secret):
    from qgis.core import QgsAuthMethodConfig

    manager = qgis_auth_manager
    config = QgsAuthMethodConfig("Basic")
    config.setName("dinamis ui test")
    config.setConfig("username", "tester")
    config.setConfig("password", secret)
    assert manager.storeAuthenticationConfig(config)[0]
    yield config.id()
    manager.removeAuthenticationConfig(config.id())


@pytest.fixture
def reference_server(tmp_path):
    """A reference ordering server on 127.0.0.1 with its SQLite database in tmp_path."""
    from dataterra.demo.dinamis_reference_server import ReferenceServer

    server = ReferenceServer(tmp_path / "server.sqlite", token=SECRET, production_delay=0.0)
    server.start()
    yield server
    server.stop()


DATA = Path(__file__).resolve().parent.parent / "data" / "dinamis"
SESSION_COOKIE = "session"


def tiny_png():
    """A 4 x 4 PNG (quicklook)."""
    from osgeo import gdal

    path = "/vsimem/dinamis_quicklook.png"
    mem = gdal.GetDriverByName("MEM").Create("", 4, 4, 3)
    for band in range(1, 4):
        mem.GetRasterBand(band).Fill(40 * band)
    gdal.GetDriverByName("PNG").CreateCopy(path, mem)
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


class DinamisCatalogueServer(ReplayServer):
    """Loopback server replaying the recorded-shape answers of tests/data/dinamis: a STAC
    ``/search`` (two pages, ``next`` link POST with ``merge``), OpenSPOT ``/api/geo/{year_mode}``,
    quicklooks, and the OpenSPOT two-step download (``/ressources`` sets the session cookie,
    ``/api/tab_liens`` answers the links, ``/api/lien_tif/...`` needs the cookie)."""

    def __init__(self, tif_bytes):
        self.tif_bytes = tif_bytes
        self.png = tiny_png()
        self.geo_delay = 0.0  # seconds before each /api/geo answer (cancel tests)
        super().__init__()

    def _json(self, name):
        text = (DATA / name).read_text(encoding="utf-8").replace("{base}", self.url)
        return 200, {"Content-Type": "application/geo+json"}, text.encode()

    def answer(self, request):
        path, method = request["path"], request["method"]
        if path == "/search" and method == "POST":
            token = json.loads(request["body"] or b"{}").get("token")
            return self._json("stac_spot67_page2.json" if token == "next:3" else "stac_spot67_page1.json")
        if path.startswith("/api/geo/"):
            time.sleep(self.geo_delay)
            name = f"openspot_{path.rsplit('/', 1)[1]}.json"
            if (DATA / name).exists():
                return self._json(name)
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not Found</body></html>"
        if path.startswith(("/api/lien_jpg/", "/quicklooks/")):
            return 200, {"Content-Type": "image/png"}, self.png
        if path == "/ressources" and method == "POST":
            values = parse_qs(request["body"].decode())["val_fid"][0]
            token = base64.urlsafe_b64encode(values.encode()).decode().rstrip("=")
            cookie = f"{SESSION_COOKIE}={token}.sig; HttpOnly; Path=/"
            return 200, {"Content-Type": "text/html", "Set-Cookie": cookie}, b"<html><body>formulaire</body></html>"
        if path == "/api/tab_liens" and method == "POST":
            cookie = request["headers"].get("Cookie", "")
            if f"{SESSION_COOKIE}=" not in cookie or b'name="license"' not in request["body"]:
                return 403, {"Content-Type": "text/html"}, b"<html><body>Forbidden</body></html>"
            token = cookie.split(f"{SESSION_COOKIE}=", 1)[1].split(".")[0]
            fids = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))["values"]
            features = json.loads((DATA / "openspot_2021_MS.json").read_text())["features"]
            names = [f["properties"]["ds_name"].replace("ORT_", "IMG_") + "_R1C1.TIF"
                     for f in features if f["properties"]["fid"] in fids]
            rows = "".join(f'<tr><td><a href="/api/lien_tif/{n}">{n}</a></td></tr>' for n in names)
            return 200, {"Content-Type": "text/html"}, f"<table>{rows}</table>".encode()
        if path.startswith("/api/lien_tif/"):
            if f"{SESSION_COOKIE}=" not in request["headers"].get("Cookie", ""):
                return 403, {"Content-Type": "text/html"}, b"<html><body>Forbidden</body></html>"
            return 200, {"Content-Type": "image/tiff"}, self.tif_bytes
        return 404, {"Content-Type": "text/plain"}, b"no such route"


@pytest.fixture
def dinamis_catalogue_server(tmp_path, geotiff):
    import numpy as np

    tif = geotiff(tmp_path / "served.tif", np.arange(400, dtype=np.uint16).reshape(20, 20), pixel=6.0,
                  origin=(745000.0, 6280000.0))
    server = DinamisCatalogueServer(Path(tif).read_bytes())
    yield server
    server.close()


@pytest.fixture
def loopback_rules(rules, dinamis_catalogue_server):
    """The rules with the search sources pointed at the loopback catalogue server."""
    import copy

    local = copy.deepcopy(rules)
    for source in local["search_sources"]:
        source["endpoint"] = dinamis_catalogue_server.url + ("/search" if source["protocol"] == "STAC" else "")
        if source["protocol"] == "OpenSPOT":
            source["options"] = {"modes": ["MS", "PAN"], "last_year": 2022}
    return local


@pytest.fixture
def opened_urls(qgis_app):
    """The web pages the plugin asks Qt to open (QDesktopServices), caught instead of opened."""
    from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
    from qgis.PyQt.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self):
            super().__init__()
            self.urls = []

        @pyqtSlot(QUrl)
        def open(self, url):
            self.urls.append(url.toString())

    catcher = Catcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher.urls
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)
