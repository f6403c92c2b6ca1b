"""Catalogue record links to OGC services."""
import pytest

from dataterra.dataterra_plugin.ogc.links import service_from_link


@pytest.mark.parametrize("url,protocol,expected", [
    ("https://sextant.ifremer.fr/services/wms/atlas_benthal", "OGC:WMS",
     ("WMS", "https://sextant.ifremer.fr/services/wms/atlas_benthal", "")),
    ("https://h/geoserver/ows?service=WFS&request=GetCapabilities&version=2.0.0", "WWW:LINK",
     ("WFS", "https://h/geoserver/ows", "")),
    ("https://h/cgi-bin/mapserv?map=/a/b.map&SERVICE=WCS&REQUEST=DescribeCoverage&COVERAGE=dem", "",
     ("WCS", "https://h/cgi-bin/mapserv?map=%2Fa%2Fb.map", "dem")),
    ("https://h/wms?LAYERS=sst&STYLES=", "OGC:WMS-1.3.0-http-get-map", ("WMS", "https://h/wms", "sst")),
    ("https://h/gwc/service/wmts", "OGC:WMTS", ("WMTS", "https://h/gwc/service/wmts", "")),
])
def test_links_to_services(url, protocol, expected):
    assert service_from_link(url, protocol) == expected


@pytest.mark.parametrize("url,protocol", [("https://h/data.zip", "WWW:DOWNLOAD"), ("ftp://h/wms", "OGC:WMS"),
                                          ("", "OGC:WMS")])
def test_links_that_are_not_services(url, protocol):
    assert service_from_link(url, protocol) is None
