"""A DINAMIS ordering server that names its deliverables ``../x``, ``/abs/x``, ``..\\x``, ...:
the delivery is refused with a clear message and no byte is written, in the products folder
or anywhere else (the loopback reference server announces the hostile name with a real href)."""
import pytest

from dataterra.dataterra_plugin.dinamis.core import workflow
from dataterra.dataterra_plugin.dinamis.core.client import OrderingClient, OrderingError, urllib_transport
from dataterra.dataterra_plugin.dinamis.core.orderbook import OrderBook
from dataterra.dataterra_plugin.net.core.safe_paths import UnsafeNameError

AOI = {"type": "Polygon", "coordinates": [[[3.3, 43.55], [3.5, 43.55], [3.5, 43.6], [3.3, 43.6], [3.3, 43.55]]]}

ESCAPES = ["../escaped.tif", "sub/../../escaped.tif", "products/../../escaped.tif", "..\\escaped.tif",
           "C:escaped.tif", "C:\\escaped.tif", "escaped.tif:stream", "escaped\x00.tif", "", ".", "..", "CON",
           "escaped" * 40 + ".tif", "ABSOLUTE"]
# names the order check already refuses as no usable name (empty, beyond the 256-character label budget):
# the order is refused when its answer arrives, before any download is attempted
UNUSABLE = {"", "escaped" * 40 + ".tif"}


def delivered_order(server, secret, tmp_path):
    book = OrderBook(tmp_path / "home" / "orders.gpkg")
    transport = urllib_transport(timeout=5,
                                 authenticate=lambda headers: headers.update(Authorization=f"Bearer {secret}"))
    client = OrderingClient(server.base_url, transport, retries=1)
    local_id = book.add_draft({"product_id": "pleiades_archive", "aoi": AOI, "purpose": "hostile names"},
                              "POLYGON((3.3 43.55,3.5 43.55,3.5 43.6,3.3 43.6,3.3 43.55))", 89.0, 89.0)
    workflow.submit(book, client, local_id)
    for _ in range(3):
        workflow.refresh(book, client)
    return book, client, local_id


def written_files(tmp_path):
    """Every file under tmp_path but the server's own (its database and deliverables)."""
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                  if p.is_file() and not p.relative_to(tmp_path).parts[0].startswith("server"))


@pytest.mark.parametrize("name", ESCAPES)
def test_hostile_deliverable_names_are_refused_and_nothing_is_written(reference_server, secret, tmp_path, name):
    if name == "ABSOLUTE":
        name = str(tmp_path / "escaped.tif")
    reference_server.announced_name = name
    if name in UNUSABLE:
        with pytest.raises(OrderingError, match="has no usable 'name'"):
            delivered_order(reference_server, secret, tmp_path)
        assert not (tmp_path / "home" / "products").exists()
        assert not [f for f in written_files(tmp_path) if "escaped" in f]
        return
    book, client, local_id = delivered_order(reference_server, secret, tmp_path)
    assert book.get(local_id)["deliverables_json"][0]["name"] == name  # the server said so
    before = written_files(tmp_path)
    with pytest.raises(UnsafeNameError, match="The DINAMIS ordering server named a file .* refused"):
        workflow.deliver(book, client, local_id, tmp_path / "home" / "products")
    assert written_files(tmp_path) == before
    assert not (tmp_path / "home" / "products").exists()
    assert book.get(local_id)["local_paths"] == []


def test_the_announced_name_is_the_one_written(reference_server, secret, tmp_path):
    """The control: the server's name (not the file's name on the server) decides the path,
    so the refusals above are what stopped the writes."""
    reference_server.announced_name = "renamed by the server.tif"
    book, client, local_id = delivered_order(reference_server, secret, tmp_path)
    paths = workflow.deliver(book, client, local_id, tmp_path / "home" / "products")
    assert [str(p) for p in paths] == [str(tmp_path / "home" / "products" / "renamed by the server.tif")]
    assert paths[0].stat().st_size == book.get(local_id)["deliverables_json"][0]["size"]


def test_a_downloaded_product_that_is_a_vrt_is_not_loaded(qgis_app, qgis_iface, tmp_path):
    """A product named .tif holding a GDAL VRT that reads a local file: the dock refuses to
    load it (QGIS would open it with any driver) and says why; a real GeoTIFF is loaded."""
    from osgeo import gdal
    from qgis.core import QgsProject

    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    (tmp_path / "id_rsa").write_bytes(b"TOPSECRET".ljust(100, b"#"))
    hostile = tmp_path / "SPOT7_product.tif"
    hostile.write_text(f'<VRTDataset rasterXSize="10" rasterYSize="10"><VRTRasterBand dataType="Byte" band="1" '
                       f'subClass="VRTRawRasterBand"><SourceFilename>{tmp_path / "id_rsa"}</SourceFilename>'
                       f'</VRTRasterBand></VRTDataset>')
    real = tmp_path / "SPOT7_real.tif"
    gdal.GetDriverByName("GTiff").Create(str(real), 4, 4, 1).FlushCache()
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    try:
        before = set(QgsProject.instance().mapLayers())
        dock.load_products("D-1", tmp_path, [hostile, real])
        added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
        assert [layer.source() for layer in added] == [str(real)]
        assert "is a VRT file, not one of the formats asked for (GTiff, JP2OpenJPEG, PNG, JPEG)" in dock.message.text()
        QgsProject.instance().removeMapLayers([layer.id() for layer in added])
    finally:
        dock.close()
        dock.deleteLater()


@pytest.mark.parametrize("side, content", [
    ("SPOT7_real.tif.ovr", "vrt"),  # external overviews, opened with every driver
    ("SPOT7_real.tif.msk", "vrt"),  # external mask
    ("SPOT7_real.tif.aux.xml", "pam"),  # names an overview file anywhere
    ("SPOT7_real.aux", "hfa"),
])
def test_side_files_that_read_elsewhere_stop_a_product_from_loading(qgis_app, tmp_path, side, content):
    """A GeoTIFF delivered with a side file GDAL reads with it: a .ovr/.msk VRT or a
    .aux.xml naming an OVERVIEW_FILE made QGIS show a local file in the overviews."""
    from osgeo import gdal

    from dataterra.rasterblocks.untrusted import PRODUCT_RASTER_DRIVERS, UntrustedFormatError, check_untrusted

    (tmp_path / "id_rsa").write_bytes(b"TOPSECRET".ljust(100, b"#"))
    vrt = (f'<VRTDataset rasterXSize="2" rasterYSize="2"><VRTRasterBand dataType="Byte" band="1" '
           f'subClass="VRTRawRasterBand"><SourceFilename>{tmp_path / "id_rsa"}</SourceFilename>'
           f'</VRTRasterBand></VRTDataset>')
    (tmp_path / "elsewhere.vrt").write_text(vrt)
    real = tmp_path / "SPOT7_real.tif"
    gdal.GetDriverByName("GTiff").Create(str(real), 4, 4, 1).FlushCache()
    assert check_untrusted(real, PRODUCT_RASTER_DRIVERS, "The product") == str(real)  # alone, it loads
    (tmp_path / side).write_text({"vrt": vrt, "hfa": "EHFA_HEADER_TAG",
                                  "pam": '<PAMDataset><Metadata domain="OVERVIEWS"><MDI key="OVERVIEW_FILE">'
                                         f'{tmp_path / "elsewhere.vrt"}</MDI></Metadata></PAMDataset>'}[content])
    with pytest.raises(UntrustedFormatError) as raised:
        check_untrusted(real, PRODUCT_RASTER_DRIVERS, "The product")
    if content == "vrt":
        assert str(raised.value).startswith(f"{tmp_path / side} is a VRT file, not one of the formats asked for "
                                            "(GTiff): it is refused")
    else:
        assert str(raised.value) == (f"The product comes with {side}, which would make GDAL read other files: it is "
                                     "refused. Delete that file to load the product.")
