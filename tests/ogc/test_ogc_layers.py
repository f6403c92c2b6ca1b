"""Layers built by uris.py from the loopback qgis_mapserver are valid in QGIS's own
providers, render and return features; connections are saved where QGIS reads them."""
import urllib.request

import pytest

from dataterra.dataterra_plugin.ogc.core.capabilities import Dimension, parse_capabilities
from dataterra.dataterra_plugin.ogc.uris import (
    layer_for,
    save_connection,
    wcs_uri,
    wfs_uri,
    wms_uri,
    wmts_capabilities_url,
    wmts_matrix_set,
)

pytestmark = pytest.mark.network  # talks to qgis_mapserver on 127.0.0.1


def capabilities(server, service):
    with urllib.request.urlopen(f"{server.url}?SERVICE={service}&REQUEST=GetCapabilities", timeout=30) as reply:
        return parse_capabilities(reply.read(), server.url)


def test_wfs_layer_returns_every_feature(ogc_server, sample_data):
    tree = capabilities(ogc_server, "WFS")
    layer = layer_for(tree, tree.find("communes"), "EPSG:2154")
    assert layer.isValid(), layer.dataProvider().error().message()
    assert layer.crs().authid() == "EPSG:2154"
    names = sorted(f["NOM_COM"] for f in layer.getFeatures())
    assert len(names) == 20


def test_wcs_layer_pixels(ogc_server):
    from qgis.core import QgsPointXY, QgsRaster

    tree = capabilities(ogc_server, "WCS")
    layer = layer_for(tree, tree.find("multiband"), "EPSG:2154")
    assert layer.isValid(), layer.dataProvider().error().message()
    assert layer.bandCount() == 3
    # centre of row 50, col 100: 720000 + 100.5 * 100, 6287000 - 50.5 * 100
    result = layer.dataProvider().identify(QgsPointXY(730050.0, 6281950.0), QgsRaster.IdentifyFormatValue)
    values = result.results()
    assert values[1] == pytest.approx(10000 + 50 * 0.5 + 100 * 0.25)
    assert values[3] == pytest.approx(30000 + 50 * 0.5 + 100 * 0.25)


def render(layer, extent, size=200):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(*extent))
    settings.setOutputSize(QSize(size, size))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def test_wmts_layer_from_qgis_server_renders_the_wms_image(ogc_server):
    # QGIS Server serves the communes as WMTS tiles too (loopback.build_project): the tiled
    # layer must open in QGIS's wms provider in the wanted CRS and show what WMS shows
    from qgis.PyQt.QtGui import QColor

    tree = capabilities(ogc_server, "WMTS")
    assert tree.service_type == "WMTS"
    content = tree.find("communes")
    assert wmts_matrix_set(content, "EPSG:2154") == ("EPSG:2154", "EPSG:2154")
    tiled = layer_for(tree, content, "EPSG:2154")
    assert tiled.isValid(), tiled.dataProvider().error().message()
    assert tiled.crs().authid() == "EPSG:2154"
    assert "tileMatrixSet=EPSG:2154" in tiled.source() and "SERVICE%3DWMTS" in tiled.source()
    extent = (719965, 6268246, 740420, 6287744)
    image = render(tiled, extent)
    colours = {image.pixel(x, y) for x in range(0, 200, 5) for y in range(0, 200, 5)}
    assert len(colours) > 1, "the WMTS image is blank"
    # the same places are painted (commune fill) or empty in the WMS and the WMTS images
    plain = render(layer_for(capabilities(ogc_server, "WMS"), capabilities(ogc_server, "WMS").find("communes"),
                             "EPSG:2154"), extent)
    def painted(img, x, y):  # a commune, not the white or transparent background
        colour = QColor.fromRgba(img.pixel(x, y))
        return colour.alpha() > 0 and (colour.red(), colour.green(), colour.blue()) != (255, 255, 255)

    points = [(x, y) for x in range(10, 200, 20) for y in range(10, 200, 20)]
    agree = sum(painted(image, x, y) == painted(plain, x, y) for x, y in points)
    assert agree >= 0.9 * len(points)  # tile edges may shift a border by a pixel
    assert any(painted(image, x, y) for x, y in points) and not all(painted(image, x, y) for x, y in points)


def test_wmts_urls_and_matrix_set_choice(test_data):
    assert wmts_capabilities_url("http://h/ows/") == "http://h/ows/?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert wmts_capabilities_url("http://h/wmts?map=a.map") == \
        "http://h/wmts?map=a.map&SERVICE=WMTS&REQUEST=GetCapabilities"
    restful = "https://gibs.earthdata.nasa.gov/wmts/epsg4326/best/1.0.0/WMTSCapabilities.xml"
    assert wmts_capabilities_url(restful) == restful
    assert wmts_capabilities_url("http://h/ows?service=wmts&request=GetCapabilities").endswith("GetCapabilities")
    tree = parse_capabilities((test_data / "ogc" / "qgisserver_wmts_100.xml").read_bytes())
    content = tree.find("multiband")
    assert wmts_matrix_set(content, "EPSG:3857") == ("EPSG:3857", "EPSG:3857")
    assert wmts_matrix_set(content, "EPSG:32631") == ("EPSG:3857", "EPSG:3857")  # not offered: Web Mercator
    gibs = parse_capabilities((test_data / "ogc" / "owslib_eosdis-wmts-cap.xml").read_bytes()).find("AIRS_Dust_Score")
    matrix_set, crs = wmts_matrix_set(gibs, "EPSG:2154")  # not offered: the first set and its CRS
    assert (matrix_set, crs) == (gibs.tile_matrix_sets[0], "urn:ogc:def:crs:OGC:1.3:CRS84")


def test_wms_layer_renders(ogc_server, tmp_path):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    tree = capabilities(ogc_server, "WMS")
    layer = layer_for(tree, tree.find("communes"), "EPSG:2154")
    assert layer.isValid(), layer.dataProvider().error().message()
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(719965, 6268246, 740420, 6287744))
    settings.setOutputSize(QSize(200, 200))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    colours = {image.pixel(x, y) for x in range(0, 200, 5) for y in range(0, 200, 5)}
    assert len(colours) > 1, "the WMS image is blank"


def test_uris_carry_auth_and_time():
    uri = wms_uri("http://h/wms", "sst", "EPSG:4326", authcfg="abc1234",
                  time=Dimension("time", "ISO8601", "2020-01-01", ["2020-01-01/2020-12-31/P1D"]))
    assert "authcfg=abc1234" in uri and "type=wmst" in uri
    assert "timeDimensionExtent=2020-01-01/2020-12-31/P1D" in uri and "allowTemporalUpdates=true" in uri
    assert "layers=sst" in uri and "url=http://h/wms" in uri
    assert "authcfg=abc1234 " in wfs_uri("http://h/wfs", "roads", "EPSG:2154", authcfg="abc1234")
    assert "identifier=dem" in wcs_uri("http://h/wcs", "dem", "EPSG:2154", authcfg="abc1234")


def test_wmst_layer_from_recorded_mapserver_capabilities(test_data):
    from qgis.core import QgsDataSourceUri

    tree = parse_capabilities((test_data / "ogc" / "owslib_wms_mesonet-caps-130.xml").read_bytes())
    layer = tree.find("nexrad-n0r-wmst")
    # built without the network: only the URI is checked
    from dataterra.dataterra_plugin.ogc.uris import preferred_crs

    uri = QgsDataSourceUri()
    uri.setEncodedUri(wms_uri(tree.url, layer.name, preferred_crs(layer), time=layer.time))
    assert uri.param("type") == "wmst"
    assert uri.param("timeDimensionExtent") == "1995-01-01/2015-12-31/PT5M"
    assert uri.param("crs") == "EPSG:3857"


def test_saved_connection_is_listed_by_qgis(qgis_app):
    from qgis.core import QgsOwsConnection, QgsSettings

    name = "Data Terra test WMTS"
    save_connection("WMTS", name, "http://127.0.0.1:1/ows")
    # WMTS connections are WMS connections whose URL asks for WMTS capabilities
    assert QgsOwsConnection("WMS", name).uri().param("url") == \
        "http://127.0.0.1:1/ows?SERVICE=WMTS&REQUEST=GetCapabilities"
    QgsOwsConnection.deleteConnection("WMS", name)
    for service in ("WMS", "WFS", "WCS"):
        name = f"Data Terra test {service}"
        save_connection(service, name, f"http://127.0.0.1:1/{service.lower()}", authcfg="abc1234")
        assert name in QgsOwsConnection.connectionList(service)
        connection = QgsOwsConnection(service, name)
        assert connection.uri().param("url") == f"http://127.0.0.1:1/{service.lower()}"
        assert connection.uri().authConfigId() == "abc1234"
        QgsOwsConnection.deleteConnection(service, name)
    assert QgsSettings().value("qgis/connections-wms/Data Terra test WMS/url") is None
