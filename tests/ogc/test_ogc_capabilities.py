"""Recorded capabilities of several vendors and versions parse into the same tree model;
hostile and broken documents give clear errors."""
import pytest

from dataterra.dataterra_plugin.ogc.core.capabilities import Content, ServiceTree, parse_capabilities
from dataterra.dataterra_plugin.ogc.core.safexml import OgcError, ServiceExceptionError, raise_if_exception

# file, service, version, number of requestable contents, one content name, its title
RECORDED = [
    ("qgisserver_wms_130.xml", "WMS", "1.3.0", 2, "multiband", "multiband"),
    ("qgisserver_wfs_110.xml", "WFS", "1.1.0", 1, "communes", "communes"),
    ("qgisserver_wcs_100.xml", "WCS", "1.0.0", 1, "multiband", "multiband"),
    ("owslib_wms_geoserver-cap.xml", "WMS", "1.1.1", 3, "opengeo:poi", "Points of Interest"),
    ("owslib_wms_mesonet-caps-130.xml", "WMS", "1.3.0", 3, "nexrad-n0r-wmst", "NEXRAD BASE REFLECT"),
    ("owslib_wms_nccs_nasa_getcap_130.xml", "WMS", "1.3.0", 7, "T", "potential_temperature"),
    ("owslib_mapserver-wfs-cap.xml", "WFS", "1.0.0", 25, "antarctic_continent", "Antarctic continent"),
    ("owslib_wfs_dov_getcapabilities_110.xml", "WFS", "1.1.0", 1, "gw_meetnetten:meetnetten",
     "Grondwatermeetnetten"),
    ("owslib_wfs_dov_getcapabilities_200.xml", "WFS", "2.0.0", 1, "gw_meetnetten:meetnetten",
     "Grondwatermeetnetten"),
    ("owslib_wcs_nsidc.xml", "WCS", "1.1.0", 42, "sea_ice_concentration_01", None),
    ("gdal_wcs_mapserver_201.xml", "WCS", "2.0.1", 6, "BGS_EMODNET_CentralMed-MCol", None),
    ("owslib_eosdis-wmts-cap.xml", "WMTS", "1.0.0", 55, "AIRS_Dust_Score", "AIRS_Dust_Score"),
    ("qgisserver_wmts_100.xml", "WMTS", "1.0.0", 2, "communes", None),  # QGIS Server: no WMTS title
    ("mapserver_wms_130.xml", "WMS", "1.3.0", 3, "communes", "communes"),
    ("mapserver_wfs_110.xml", "WFS", "1.1.0", 1, "communes", "communes"),
    ("mapserver_wfs_200.xml", "WFS", "2.0.0", 1, "ms:communes", "communes"),
    ("mapserver_wcs_100.xml", "WCS", "1.0.0", 1, "multiband", "multiband"),
    ("mapserver_wcs_111.xml", "WCS", "1.1.1", 1, "multiband", "multiband"),
    ("mapserver_wcs_201.xml", "WCS", "2.0.1", 1, "multiband", None),
]


@pytest.mark.parametrize("name,service,version,count,content_name,title", RECORDED)
def test_recorded_capabilities_parse_into_the_tree_model(test_data, name, service, version, count,
                                                         content_name, title):
    tree = parse_capabilities((test_data / "ogc" / name).read_bytes())
    assert isinstance(tree, ServiceTree)
    assert (tree.service_type, tree.version) == (service, version)
    assert tree.title
    assert len(tree.names()) == count
    content = tree.find(content_name)
    assert isinstance(content, Content)
    if title:
        assert content.title == title
    assert content.bbox_wgs84 is None or (-180 <= content.bbox_wgs84[0] <= content.bbox_wgs84[2] <= 180)


def test_qgis_server_wms_layer_details(test_data):
    tree = parse_capabilities((test_data / "ogc" / "qgisserver_wms_130.xml").read_bytes())
    assert tree.url == "http://127.0.0.1:8080/ows/?"
    assert "image/png" in tree.formats
    layer = tree.find("communes")
    assert {"EPSG:2154", "EPSG:3857", "CRS:84"} <= set(layer.crs)
    west, south, east, north = layer.bbox_wgs84
    assert west == pytest.approx(3.246817) and north == pytest.approx(43.688446)
    assert "REQUEST=GetLegendGraphic" in layer.legend_url
    root = tree.contents[0]
    assert root.name == "" and {c.name for c in root.children} == {"communes", "multiband"}


def test_time_and_elevation_dimensions(test_data):
    mapserver = parse_capabilities((test_data / "ogc" / "owslib_wms_mesonet-caps-130.xml").read_bytes())
    time = mapserver.find("nexrad-n0r-wmst").time
    assert time.values == ["1995-01-01/2015-12-31/PT5M"]
    assert time.default == "2006-06-23T03:10:00Z" and time.units == "ISO8601"
    thredds = parse_capabilities((test_data / "ogc" / "owslib_wms_nccs_nasa_getcap_130.xml").read_bytes())
    layer = thredds.find("T")
    assert layer.time.default == "2015-07-01T12:00:00Z"
    assert len(layer.time.values) > 1
    assert layer.elevation.default == "-1.0"
    assert "boxfill/rainbow" in [style.name for style in layer.styles]


def test_wcs_and_wfs_details(test_data):
    wcs = parse_capabilities((test_data / "ogc" / "owslib_wcs_nsidc.xml").read_bytes())
    coverage = wcs.find("sea_ice_concentration_01")
    assert "urn:ogc:def:crs:EPSG::4326" in coverage.crs
    assert coverage.formats == ["image/tiff"]
    wcs2 = parse_capabilities((test_data / "ogc" / "gdal_wcs_mapserver_201.xml").read_bytes())
    assert wcs2.url == "http://194.66.252.155/cgi-bin/BGS_EMODnet_bathymetry/ows?"
    emodnet = wcs2.find("BGS_EMODNET_WesternMed-MCol")
    assert "image/tiff" in emodnet.formats and "http://www.opengis.net/def/crs/EPSG/0/3857" in emodnet.crs
    wfs = parse_capabilities((test_data / "ogc" / "owslib_wfs_dov_getcapabilities_200.xml").read_bytes())
    feature_type = wfs.find("gw_meetnetten:meetnetten")
    assert feature_type.crs == ["EPSG:31370"]
    assert feature_type.bbox_wgs84[0] == pytest.approx(2.5325270625180294)


def test_entity_bomb_is_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<WMS_Capabilities version="1.3.0"><Service><Title>&b;</Title></Service></WMS_Capabilities>')
    with pytest.raises(OgcError, match="entity declarations"):
        parse_capabilities(bomb)


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<WMS_Capabilities version="1.3.0"><Service><Title>&x;</Title></Service></WMS_Capabilities>').encode()
    with pytest.raises(OgcError, match="refused"):
        parse_capabilities(xxe)


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"<html><body>Not found</body></html>", "not a WMS, WMTS, WFS or WCS"),
    (b"<WMS_Capabilities version='1.3.0'><Service>", "not valid XML"),
])
def test_broken_documents(data, message):
    with pytest.raises(OgcError, match=message):
        parse_capabilities(data)


def test_exception_report_is_reported():
    report = (b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
              b'version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="coverageId">'
              b'<ows:ExceptionText>No such coverage: dem</ows:ExceptionText></ows:Exception></ows:ExceptionReport>')
    with pytest.raises(OgcError, match="No such coverage: dem"):
        parse_capabilities(report)
    with pytest.raises(ServiceExceptionError, match=r"code InvalidParameterValue\): No such coverage") as info:
        raise_if_exception(report)
    assert info.value.code == "InvalidParameterValue"


def test_mapserver_8_capabilities_details(test_data):
    # recorded from MapServer 8.0.0 (Debian) serving the test mapfile of tests/ogc/conftest.py
    def tree(name):
        return parse_capabilities((test_data / "ogc" / f"mapserver_{name}.xml").read_bytes())

    wms = tree("wms_130")
    assert wms.url == "http://127.0.0.1:8080/wcs?"
    assert set(wms.find("multiband").crs) == {"EPSG:2154", "EPSG:3857", "EPSG:4326"}
    west, south, east, north = wms.find("communes").bbox_wgs84
    # the same communes as QGIS Server's recording: same WGS 84 box to 1e-6 degree
    assert (west, north) == (pytest.approx(3.246817), pytest.approx(43.688446))
    root = wms.contents[0]
    assert root.name == "dataterra_loopback" and [c.name for c in root.children] == ["multiband", "communes"]
    wcs11 = tree("wcs_111").find("multiband")
    assert wcs11.crs == ["urn:ogc:def:crs:EPSG::2154"] and wcs11.formats == ["image/tiff"]
    assert wcs11.bbox_wgs84 == (3.247274, 43.518714, 3.545534, 43.681753)
    wcs20 = tree("wcs_201").find("multiband")
    assert "http://www.opengis.net/def/crs/EPSG/0/2154" in wcs20.crs and "image/tiff" in wcs20.formats
    assert tree("wfs_200").find("ms:communes").crs[0] == "EPSG:2154"


@pytest.mark.parametrize("version,keys", [("100", "singleValue"), ("111", "Key")])
def test_mapserver_describe_coverage_1_0_and_1_1(test_data, version, keys):
    from dataterra.dataterra_plugin.ogc.core.wcs import parse_describe_coverage

    data = (test_data / "ogc" / f"mapserver_describecoverage_{version}.xml").read_bytes()
    description = parse_describe_coverage(data, "multiband")
    # 1.0.0 lists an EPSG:4326 envelope first and 1.1 an imageCRS box first: neither is native
    assert description.native_crs == "EPSG:2154"
    assert description.extent == (720000.0, 6269000.0, 744000.0, 6287000.0)
    assert description.resolution == (100.0, 100.0)
    assert description.band_names == ["1", "2", "3"] and description.nodata == -9999.0


def test_wmts_tile_matrix_sets_and_their_crs(test_data):
    tree = parse_capabilities((test_data / "ogc" / "qgisserver_wmts_100.xml").read_bytes())
    layer = tree.find("multiband")
    assert layer.kind == "tile_layer" and layer.formats == ["image/png"]
    assert layer.tile_matrix_set_crs == {"EPSG:2154": "EPSG:2154", "EPSG:4326": "EPSG:4326",
                                         "EPSG:3857": "EPSG:3857"}
    assert layer.bbox_wgs84 == (3.247274, 43.518714, 3.545534, 43.681753)
    gibs = parse_capabilities((test_data / "ogc" / "owslib_eosdis-wmts-cap.xml").read_bytes())
    dust = gibs.find("AIRS_Dust_Score")
    # GIBS's matrix sets are in OGC CRS84 (longitude first), kept as the document writes it
    assert set(dust.tile_matrix_set_crs.values()) == {"urn:ogc:def:crs:OGC:1.3:CRS84"}
    assert dust.styles[0].name == "default" and dust.formats == ["image/png"]


def test_wmts_time_dimension(test_data):
    # WMTS 1.0.0 puts Dimension after Format/InfoFormat in a Layer (OGC 07-057r7, 7.2.4.6.3);
    # added here to QGIS Server's recording, which has none
    data = (test_data / "ogc" / "qgisserver_wmts_100.xml").read_bytes()
    dimension = (b"<InfoFormat>application/vnd.ogc.gml/3.1.1</InfoFormat>\n<Dimension>"
                 b"<ows:Identifier>Time</ows:Identifier><ows:UOM>ISO8601</ows:UOM>"
                 b"<Default>2020-07-01</Default><Value>2020-01-01/2020-12-01/P1M</Value>"
                 b"<Value>2021-01-01</Value></Dimension>")
    data = data.replace(b"<InfoFormat>application/vnd.ogc.gml/3.1.1</InfoFormat>", dimension, 1)
    tree = parse_capabilities(data)
    first, second = tree.contents
    assert first.time.values == ["2020-01-01/2020-12-01/P1M", "2021-01-01"]
    assert (first.time.default, first.time.units) == ("2020-07-01", "ISO8601")
    assert second.time is None
