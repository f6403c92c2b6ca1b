"""Issue 16: STAC (Geo)TIFF assets streamed as layers (GDAL /vsicurl/) from the catalogue dock,
after the plugin's checks: no credential in the saved source, byte ranges of a TIFF."""
import re

import numpy as np
import pytest
from qgis.core import QgsProject
from catalog_docks import DOCKS
from replay_http import ReplayServer

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


class RangeServer(ReplayServer):
    """Serves ``files`` {path: bytes} with HTTP Range (206) and HEAD; ``ranges`` off answers 200."""

    def __init__(self, files):
        super().__init__()
        self.files = files
        self.ranges = True

    def answer(self, request):
        data = self.files.get(request["path"])
        if data is None:
            return 404, {"Content-Type": "text/plain"}, b"no such file"
        if request["method"] == "HEAD":
            return 200, {"Content-Type": "image/tiff", "Content-Length": str(len(data)),
                         "Accept-Ranges": "bytes"}, b""
        ranged = re.fullmatch(r"bytes=(\d+)-(\d+)", request["headers"].get("Range", ""))
        if not ranged or not self.ranges:
            return 200, {"Content-Type": "image/tiff"}, data
        start, end = int(ranged.group(1)), min(int(ranged.group(2)), len(data) - 1)
        return 206, {"Content-Type": "image/tiff", "Content-Range": f"bytes {start}-{end}/{len(data)}"}, \
            data[start:end + 1]


@pytest.fixture
def served(tmp_path):
    from osgeo import gdal, osr

    values = (np.arange(96 * 64, dtype=np.int32).reshape(64, 96) * 7) % 1013
    path = str(tmp_path / "cog.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 96, 64, 1, gdal.GDT_Int32,
                                                   ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"])
    dataset.SetGeoTransform((700000.0, 10.0, 0, 6600000.0, 0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    server = RangeServer({"/cog.tif": open(path, "rb").read(), "/fake.tif": png})
    yield server, values
    server.close()


def dock_with(records, hubs=()):
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None)
    DOCKS.append(dock)
    if hubs:
        dock.set_hubs(list(hubs))
    dock.records = list(records)
    dock.show_page(0)
    dock.results.selectAll()
    return dock


def asset(href, source="", media_type="image/tiff; application=geotiff; profile=cloud-optimized"):
    from dataterra.dataterra_plugin.catalog.core.model import Link, Record

    return Record(id=href.rsplit("/", 1)[-1].split("?")[0], title="A scene", source=source,
                  links=[Link(href=href, rel="data", type=media_type, title="B04")])


def test_a_cog_asset_is_streamed_with_the_values_of_the_file(qgis_app, served, tmp_path):
    server, values = served
    QgsProject.instance().clear()
    dock = dock_with([asset(server.url + "/cog.tif")])
    assert dock.stream_button.isEnabled()
    (layer,) = dock.stream_selected()
    assert layer.isValid() and layer.source().startswith("/vsicurl?list_dir=no&url=http")
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert (layer.width(), layer.height(), layer.crs().authid()) == (96, 64, "EPSG:2154")
    block = layer.dataProvider().block(1, layer.extent(), 96, 64)
    read = np.array([[block.value(row, col) for col in range(96)] for row in range(64)])
    assert (read == values).all()
    gets = [r for r in server.requests if r["method"] == "GET"]
    assert gets[0]["headers"]["Range"] == "bytes=0-15"  # the plugin's probe comes first
    assert all(r["headers"].get("Range") for r in gets)  # GDAL reads ranges, never the whole file
    assert dock.status.text() == "Streamed layers added: 1."
    # the saved project reopens the stream (its source is not made relative to the project file)
    project_file = str(tmp_path / "streamed.qgs")
    source = layer.source()
    assert QgsProject.instance().write(project_file)
    QgsProject.instance().clear()
    assert QgsProject.instance().read(project_file)
    (reopened,) = QgsProject.instance().mapLayers().values()
    assert reopened.isValid() and reopened.source() == source
    QgsProject.instance().clear()


def test_assets_that_would_save_a_credential_are_offered_for_download(qgis_app, served):
    from dataterra.dataterra_plugin.catalog.core.hubs import Hub

    server, _ = served
    QgsProject.instance().clear()
    guarded = Hub("guarded", "Guarded", "STAC", server.url + "/stac", auth_config="abc1234")
    signing = Hub("signing", "Signing", "STAC", "http://127.0.0.2:9/stac", options={"signing_url": "http://x/sign"})
    dock = dock_with([asset(server.url + "/cog.tif", source="guarded"),
                      asset(server.url + "/cog.tif", source="signing"),
                      asset(server.url + "/cog.tif?X-Amz-Signature=ab12&X-Amz-Credential=k")],
                     hubs=[guarded, signing])
    assert dock.stream_selected() == []
    lines = dock.status.text().split("\n")
    assert lines[0] == "Streamed layers added: 0."
    assert lines[1].startswith("127.0.0.1:") and "gets this hub's credentials" in lines[1]
    assert "signs its download links" in lines[2]
    assert "(X-Amz-Credential, X-Amz-Signature)" in lines[3]
    assert all(line.endswith("download the file instead.") for line in lines[1:])
    assert dock.download_button.isEnabled()
    assert server.requests == []  # refused before anything was read
    assert not QgsProject.instance().mapLayers()


def test_only_byte_ranges_of_a_tiff_are_streamed(qgis_app, served):
    from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
    from dataterra.dataterra_plugin.catalog.core.streaming import refuse_credentials, streamable_links

    server, _ = served
    QgsProject.instance().clear()
    dock = dock_with([asset(server.url + "/fake.tif"), asset(server.url + "/missing.tif")])
    assert dock.stream_selected() == []
    lines = dock.status.text().split("\n")
    assert "is not a TIFF (it starts with 89 50 4e 47 0d 0a 1a 0a)" in lines[1]
    assert "HTTP 404" in lines[2]
    server.ranges = False
    dock = dock_with([asset(server.url + "/cog.tif")])
    assert dock.stream_selected() == []
    assert "does not serve parts of the file (HTTP 200 instead of 206)" in dock.status.text()
    assert not QgsProject.instance().mapLayers()
    # not offered at all: other files, other schemes
    assert streamable_links(asset(server.url + "/scene.jp2", media_type="image/jp2")) == []
    assert streamable_links(asset("ftp://example.org/scene.tif")) == []
    assert not dock_with([asset("s3://bucket/scene.tif")]).stream_button.isEnabled()
    with pytest.raises(CatalogError, match="not an http"):
        refuse_credentials("file:///etc/passwd.tif", False, False)
