"""WCS tiles and WFS pages answered as GDAL/OGR VRTs: refused with a clear message, no local
file's content in any output, no request to a URL the VRT names, nothing under the output name.

A small fault server on 127.0.0.1 forwards every request to the loopback qgis_mapserver but
answers GetCoverage / GetFeature with the hostile body of the test; a second path of it
counts the requests a VRT source URL would make GDAL send."""
import http.server
import re
import threading
import urllib.parse
import urllib.request

import pytest
from osgeo import gdal

from dataterra.dataterra_plugin.ogc.core.coverage import download_coverage
from dataterra.dataterra_plugin.ogc.core.features import download_features
from dataterra.dataterra_plugin.ogc.core.safexml import OgcError

pytestmark = pytest.mark.network

SECRET = "TOPSECRET-ssh-key-0123456789"
EXTENT = (720000.0, 6269000.0, 721000.0, 6270000.0)  # 10 x 10 pixels of 100 m: one tile


class FaultServer:
    """Forwards to ``upstream``; ``answers[REQUEST]`` replaces the answer to that request,
    ``rewrites[REQUEST](body)`` changes the upstream answer; ``/leak`` counts the requests a
    hostile VRT or schema would make GDAL send."""

    def __init__(self, upstream):
        state = self
        self.answers = {}
        self.rewrites = {}
        self.leaks = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                parts = urllib.parse.urlsplit(self.path)
                if parts.path.startswith("/leak"):
                    state.leaks.append(self.path)
                    return self._send(b"a,b\n1,2\n")
                query = {k.upper(): v for k, v in urllib.parse.parse_qsl(parts.query)}
                if query.get("REQUEST") in state.answers:
                    return self._send(state.answers[query["REQUEST"]])
                with urllib.request.urlopen(upstream + "?" + parts.query, timeout=60) as reply:
                    body = reply.read()
                self._send(state.rewrites.get(query.get("REQUEST"), lambda data: data)(body))

            def _send(self, body):
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/ows/"
        self.leak_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/leak"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fault_server(ogc_server):
    server = FaultServer(ogc_server.url)
    yield server
    server.close()


@pytest.fixture
def secret_files(tmp_path):
    """A local file holding a secret, as raw bytes (for a raw VRT band) and as a CSV."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "id_rsa").write_bytes(SECRET.encode().ljust(100, b"#"))
    (folder / "secret.csv").write_text(f"name,wkt\n{SECRET},POINT (720500 6269500)\n")
    return folder


def raster_vrt(source):
    """A 10 x 10 GDAL VRT whose band is the raw bytes of ``source`` (a file or a /vsicurl/ URL)."""
    return (f'<VRTDataset rasterXSize="10" rasterYSize="10"><VRTRasterBand dataType="Byte" band="1" '
            f'subClass="VRTRawRasterBand"><SourceFilename relativetoVRT="0">{source}</SourceFilename>'
            f'<ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>10</LineOffset>'
            f'</VRTRasterBand></VRTDataset>').encode()


def vector_vrt(source):
    """An OGR VRT layer of the CSV ``source`` (a file or a /vsicurl/ URL), points from its wkt."""
    layer = str(source).rsplit("/", 1)[-1].split(".")[0]
    return (f'<OGRVRTDataSource><OGRVRTLayer name="communes"><SrcDataSource>{source}</SrcDataSource>'
            f'<SrcLayer>{layer}</SrcLayer>'
            f'<GeometryType>wkbPoint</GeometryType><GeometryField encoding="WKT" field="wkt"/>'
            f'</OGRVRTLayer></OGRVRTDataSource>').encode()


def assert_nothing_written(tmp_path, secret_files):
    outputs = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != secret_files]
    assert outputs == []
    assert not any(name.startswith("/vsimem/dataterra") for name in gdal.listdir("/vsimem") or [])


@pytest.mark.parametrize("leaks_to", ["file", "url"])
def test_wcs_tile_answered_as_a_vrt_is_refused(fault_server, secret_files, tmp_path, leaks_to):
    source = secret_files / "id_rsa" if leaks_to == "file" else f"/vsicurl/{fault_server.leak_url}"
    fault_server.answers["GetCoverage"] = raster_vrt(source)
    with pytest.raises(OgcError, match=r"The WCS tile is a VRT file, not one of the formats asked for "
                                       r"\(GTiff, PNG, JPEG\): it is refused"):
        download_coverage(fault_server.url, "multiband", EXTENT, "EPSG:2154", 100.0, tmp_path / "tile.tif")
    assert_nothing_written(tmp_path, secret_files)
    assert fault_server.leaks == []


@pytest.mark.parametrize("leaks_to", ["file", "url"])
def test_wfs_page_answered_as_an_ogr_vrt_is_refused(fault_server, secret_files, tmp_path, leaks_to):
    source = secret_files / "secret.csv" if leaks_to == "file" else f"/vsicurl/{fault_server.leak_url}.csv"
    fault_server.answers["GetFeature"] = vector_vrt(source)
    with pytest.raises(OgcError, match=r"The WFS page is a OGR_VRT file, not one of the formats asked for "
                                       r"\(GML\): it is refused"):
        download_features(fault_server.url, "communes", tmp_path / "features.gpkg", version="1.1.0",
                          srs_name="EPSG:2154")
    assert_nothing_written(tmp_path, secret_files)
    assert fault_server.leaks == []


def test_a_schema_that_includes_a_url_or_a_local_file_is_read_alone(fault_server, secret_files, tmp_path):
    """GDAL's GML driver fetches the xs:include / xs:import locations of the feature type's
    schema by itself: a hostile DescribeFeatureType pointing them at a URL or a local file
    gets neither fetched nor read; the download still works."""
    (secret_files / "local.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>')
    xs = 'xmlns="http://www.w3.org/2001/XMLSchema"'
    references = (f'<include {xs} schemaLocation="{fault_server.leak_url}/include.xsd"/>'
                  f'<import {xs} namespace="urn:x" schemaLocation="{fault_server.leak_url}/import.xsd"/>'
                  f'<include {xs} schemaLocation="{secret_files / "local.xsd"}"/>').encode()
    fault_server.rewrites["DescribeFeatureType"] = lambda body: re.sub(
        rb"(<(?:\w+:)?schema\b[^>]*>)", lambda match: match.group(1) + references, body, count=1)
    result = download_features(fault_server.url, "communes", tmp_path / "features.gpkg", version="1.1.0",
                               srs_name="EPSG:2154")
    assert result["features"] == 20 and fault_server.leaks == []


def test_the_fault_server_passes_real_answers_through(fault_server, tmp_path):
    """The control: through the same server, with no hostile answer, both downloads work."""
    download_coverage(fault_server.url, "multiband", EXTENT, "EPSG:2154", 100.0, tmp_path / "tile.tif")
    result = download_features(fault_server.url, "communes", tmp_path / "features.gpkg", version="1.1.0",
                               srs_name="EPSG:2154")
    assert gdal.Open(str(tmp_path / "tile.tif")).RasterXSize == 10 and result["features"] == 20
