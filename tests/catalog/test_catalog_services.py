"""OGC service links of records become well-formed QGIS data sources (no network)."""
import pytest

from dataterra.dataterra_plugin.catalog.core.model import Link, Record


@pytest.mark.parametrize("link, expected", [
    (Link("https://sextant.ifremer.fr/services/wms/env?SERVICE=WMS&REQUEST=GetCapabilities&version=1.3.0",
          title="sst_daily", protocol="OGC:WMS"),
     ("wms", "contextualWMSLegend=0&crs=EPSG:4326&format=image/png&layers=sst_daily&styles="
             "&url=https://sextant.ifremer.fr/services/wms/env")),
    (Link("http://host/geoserver/wfs?service=WFS", title="ns:parcels", protocol=""),
     ("WFS", "http://host/geoserver/wfs?service=WFS&request=GetFeature&typename=ns:parcels")),
    (Link("https://host/wcs?", title="dem", protocol="OGC:WCS"), ("wcs", "identifier=dem&url=https://host/wcs")),
    (Link("https://host/wmts", title="ortho", protocol="OGC:WMTS-1.0.0-http-get-capabilities"),
     ("wms", "format=image/png&layers=ortho&styles=default&tileMatrixSet=EPSG:4326"
             "&url=https%3A%2F%2Fhost%2Fwmts%3FSERVICE%3DWMTS%26REQUEST%3DGetCapabilities")),
])
def test_service_uri(qgis_app, link, expected):
    from dataterra.dataterra_plugin.catalog.dock import service_uri

    assert service_uri(link) == expected


@pytest.mark.parametrize("link", [
    Link("https://host/wms?SERVICE=WMS", title="", protocol="OGC:WMS"),  # no layer name
    Link("javascript:alert(1)", title="x", protocol="OGC:WMS"),
    Link("https://host/data.zip", title="x", protocol="WWW:DOWNLOAD-1.0-http--download"),
])
def test_unusable_links_give_none(qgis_app, link):
    from dataterra.dataterra_plugin.catalog.dock import service_uri

    assert service_uri(link) is None


def test_record_link_kinds():
    record = Record("r", links=[Link("https://h/wms?SERVICE=WMS", protocol="OGC:WMS", title="l"),
                                Link("https://h/f.zip", rel="data"),
                                Link("https://h/p", rel="alternate")])
    assert [link.href for link in record.service_links()] == ["https://h/wms?SERVICE=WMS"]
    assert [link.href for link in record.download_links()] == ["https://h/f.zip"]
    assert Record("b", bbox=(1, 2, 3, 4)).footprint() == {
        "type": "Polygon", "coordinates": [[[1, 2], [3, 2], [3, 4], [1, 4], [1, 2]]]}
