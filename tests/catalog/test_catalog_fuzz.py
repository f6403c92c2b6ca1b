# ruff: noqa: E501  (XML test documents are kept on one line each)
"""Hypothesis fuzzing: every parser raises nothing but CatalogError on any bytes."""
import json

from hypothesis import given
from hypothesis import strategies as st
from mutations import FUZZ

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import HttpRequest
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.ods import OdsBackend
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.openspot import OpenSpotBackend
from dataterra.dataterra_plugin.catalog.core.records_api import RecordsApiBackend
from dataterra.dataterra_plugin.catalog.core.stac import GeodesBackend, StacBackend
from dataterra.dataterra_plugin.dinamis.core.search import SpotStacBackend

URL = "http://127.0.0.1:1/x"
BACKENDS = [StacBackend(URL), GeodesBackend(URL), CswBackend(URL), CswBackend(URL, schema="dc"),
            OpenSearchBackend(URL), OpenSearchBackend(URL, format="json"), RecordsApiBackend(URL), OdsBackend(URL),
            OpenSpotBackend(URL), SpotStacBackend(URL)]
QUERY = SearchQuery(max_records=10, page_size=10)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["features", "id", "properties", "geometry", "bbox", "links", "assets", "href", "rel",
                         "next", "method", "body", "context", "matched", "numberMatched", "results", "metas",
                         "default", "title", "datetime", "eo:cloud_cover", "type", "coordinates", "roles",
                         "total_count", "dataset_id", "file:checksum", "keywords", "merge"]) | st.text(max_size=8),
        children, max_size=6),
    max_leaves=30)

XML_PIECES = ['<?xml version="1.0"?>', "<csw:GetRecordsResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">",
              "<csw:SearchResults numberOfRecordsMatched=\"3\" nextRecord=\"2\">", "</csw:SearchResults>",
              "</csw:GetRecordsResponse>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>",
              "</entry>", "<link rel=\"next\" href=\"http://a/b\"/>", "<title>t</title>",
              "<gmd:MD_Metadata xmlns:gmd=\"http://www.isotc211.org/2005/gmd\">", "</gmd:MD_Metadata>",
              "<csw:Record xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">", "</csw:Record>",
              "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "<georss:box xmlns:georss=\"http://www.georss.org/georss\">1 2 3 4</georss:box>",
              "<os:totalResults xmlns:os=\"http://a9.com/-/spec/opensearch/1.1/\">x</os:totalResults>", "]]>", "<", "&"]


def check(body):
    for backend in BACKENDS:
        request = backend.first_request(QUERY)
        try:
            backend.parse_page(body, QUERY, request)
        except CatalogError:
            pass


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(body):
    check(body)


@FUZZ
@given(json_values)
def test_random_json(value):
    check(json.dumps(value).encode())


@FUZZ
@given(st.lists(st.sampled_from(XML_PIECES) | st.text(max_size=10), max_size=12))
def test_random_xml(pieces):
    check("".join(pieces).encode("utf-8", "surrogatepass") if False else "".join(pieces).encode("utf-8", "replace"))


@FUZZ
@given(json_values)
def test_next_request_of_random_json_page(value):
    data = {"features": [], "links": [value] if not isinstance(value, list) else value}
    request = HttpRequest("POST", URL, {}, b'{"limit": 10, "page": 1}')
    for backend in (StacBackend(URL), GeodesBackend(URL)):
        try:
            backend.parse_page(json.dumps(data).encode(), QUERY, request)
        except CatalogError:
            pass
