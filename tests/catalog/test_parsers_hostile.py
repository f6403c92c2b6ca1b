"""Hostile answers (issue 14, item 6): every catalogue parser, given a real recorded answer
whose values changed type, got nested hundreds of levels deep, lost keys or grew, either
gives records whose every field has its documented type and stays within the per-record
budget, or raises CatalogError naming the service. Never TypeError, KeyError or
RecursionError.

Seeds: the recorded answers of tests/data/catalog (Earth Search, GEODES, a static STAC
catalogue, Mundi OpenSearch Atom) and tests/data/dinamis (SPOT 6-7 STAC, OpenSPOT), the
answers of a real pycsw on loopback (CSW 2.0.2 ISO and DC, CSW 3.0, OpenSearch Atom),
and the documented layouts of OpenDataSoft and OGC API Records (no recording exists).
"""
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mutations import FUZZ, json_bodies, json_objects, xml_bodies

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import HttpRequest
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.model import Link, Record
from dataterra.dataterra_plugin.catalog.core.ods import OdsBackend, ods_record
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.openspot import OpenSpotBackend
from dataterra.dataterra_plugin.catalog.core.records_api import RecordsApiBackend
from dataterra.dataterra_plugin.catalog.core.safe import GEOMETRY_DEPTH, MAX_ITEMS, MAX_LABEL, MAX_TEXT, MAX_URL
from dataterra.dataterra_plugin.catalog.core.stac import GeodesBackend, StacBackend, feature_record
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport
from dataterra.dataterra_plugin.dinamis.core.search import SpotStacBackend

DATA = Path(__file__).resolve().parent.parent / "data"
URL = "http://127.0.0.1:1/x"
LIMIT = 7
QUERY = SearchQuery(max_records=LIMIT, page_size=LIMIT)


def recorded(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


ODS_PAGE = {"total_count": 2, "links": [{"href": "http://127.0.0.1:1/ods?offset=2", "rel": "next"}], "results": [
    {"dataset_id": "pndb-000", "links": [{"href": "http://127.0.0.1:1/ods/pndb-000", "rel": "self"}],
     "metas": {"default": {"title": "Inventaire", "description": "Relevés", "modified": "2023-05-01T00:00:00+00:00",
                           "theme": ["Biodiversité"], "keyword": ["oiseaux", "zones humides"],
                           "license": "Licence Ouverte", "publisher": "PNDB", "bbox": [1, 43, 2, 44],
                           "geometry": {"type": "Point", "coordinates": [1.5, 43.5]}}}}]}
RECORDS_PAGE = {"type": "FeatureCollection", "numberMatched": 2, "links": [
    {"rel": "next", "href": "http://127.0.0.1:1/records/collections/main/items?offset=1"}], "features": [
    {"type": "Feature", "id": "rec-0", "geometry": None, "bbox": [1, 43, 2, 44],
     "properties": {"title": "Record 0", "description": "d", "updated": "2022-01-01", "keywords": ["a", "b"]},
     "links": [{"rel": "alternate", "href": "http://127.0.0.1:1/rec-0.xml", "type": "application/xml"}]}]}

JSON_CASES = {
    "stac-earth-search": (lambda: StacBackend(URL), recorded("catalog/earth_search_search.json")),
    "stac-static-catalogue": (lambda: StacBackend(URL), recorded("catalog/stac_catalog_singlefile.json")),
    "geodes": (lambda: GeodesBackend(URL), recorded("catalog/geodes_search.json")),
    "opensearch-json": (lambda: OpenSearchBackend(URL, format="json"), recorded("catalog/earth_search_search.json")),
    "records-api": (lambda: RecordsApiBackend(URL), RECORDS_PAGE),
    "ods": (lambda: OdsBackend(URL), ODS_PAGE),
    "openspot": (lambda: OpenSpotBackend(URL), recorded("dinamis/openspot_2021_MS.json")),
    "dinamis-stac": (lambda: SpotStacBackend(URL), recorded("dinamis/stac_spot67_page1.json")),
}


def check_page(backend, body):
    """Parse ``body``; the records must have the documented types and budget, else CatalogError."""
    request = backend.first_request(QUERY)
    try:
        page = backend.parse_page(body, QUERY, request)
    except CatalogError as exc:
        assert str(exc) and exc.template  # a message, translatable
        return None
    assert len(page.records) <= LIMIT
    for record in page.records:
        check_record(record)
    assert page.matched is None or (isinstance(page.matched, int) and page.matched >= 0)
    if page.next_request is not None:
        assert isinstance(page.next_request, HttpRequest)
        assert page.next_request.url.startswith(("http://", "https://"))
    return page


def check_record(record):
    assert isinstance(record, Record)
    for name in ("id", "title", "abstract", "collection", "start", "end", "platform", "instrument", "licence",
                 "contact", "quicklook", "source"):
        value = getattr(record, name)
        assert isinstance(value, str) and len(value) <= MAX_TEXT, (name, type(value))
    assert record.cloud_cover is None or (isinstance(record.cloud_cover, float) and math.isfinite(record.cloud_cover))
    assert isinstance(record.keywords, list) and len(record.keywords) <= MAX_ITEMS
    assert all(isinstance(k, str) and len(k) <= MAX_LABEL for k in record.keywords)
    assert isinstance(record.links, list) and len(record.links) <= MAX_ITEMS
    for link in record.links:
        assert isinstance(link, Link) and isinstance(link.href, str) and 0 < len(link.href) <= MAX_URL
        assert all(isinstance(getattr(link, n), str) and len(getattr(link, n)) <= MAX_LABEL
                   for n in ("rel", "type", "title", "protocol", "checksum"))
        assert link.size is None or isinstance(link.size, int)
    if record.bbox is not None:
        assert len(record.bbox) == 4 and all(isinstance(v, float) and math.isfinite(v) for v in record.bbox)
    if record.geometry is not None:
        check_geometry(record.geometry)
    json.dumps(record.footprint())  # what the footprints layer does with it: must not recurse away


def check_geometry(geometry):
    if geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            check_geometry(part)
        return
    depth, value = 0, geometry["coordinates"]
    while isinstance(value, list) and value:
        depth, value = depth + 1, value[0]
    assert depth == GEOMETRY_DEPTH[geometry["type"]] and isinstance(value, float)


@pytest.mark.parametrize("case", sorted(JSON_CASES))
def test_seed_answers_give_records(case):
    """The unmutated seeds are read (so the fuzzing starts from answers that parse)."""
    make, seed = JSON_CASES[case]
    page = check_page(make(), json.dumps(seed).encode())
    assert page is not None and page.records


@FUZZ
@given(st.sampled_from(sorted(JSON_CASES)), st.data())
def test_json_parsers_on_type_mutated_answers(case, data):
    make, seed = JSON_CASES[case]
    check_page(make(), data.draw(json_bodies(seed), label="body"))


@FUZZ
@given(st.data())
def test_feature_record_on_mutated_objects_nested_any_depth(data):
    """The accessor layer itself, given decoded values nested deeper than JSON text allows."""
    seed = recorded("catalog/earth_search_search.json")["features"][0]
    check_record(feature_record(data.draw(json_objects(seed)), "earth-search"))
    check_record(ods_record(data.draw(json_objects(ODS_PAGE["results"][0])), URL, "ods"))


def test_the_issue_examples_raise_nothing_but_records_or_catalog_errors():
    deep_title = "[" * 900 + '"x"' + "]" * 900
    deep_keyword = "[" * 5000 + '"x"' + "]" * 5000
    bodies = {
        "links 5": b'{"features": [], "links": 5}',
        "feature links 5": b'{"features": [{"id": "a", "links": 5, "assets": 5, "properties": 5}]}',
        "title 900 deep": b'{"features": [{"id": "a", "properties": {"title": ' + deep_title.encode() + b"}}]}",
        "keyword 5000 deep": b'{"features": [{"id": "a", "properties": {"keywords": ' + deep_keyword.encode()
                             + b"}}]}",
        "ods links 5": b'{"results": [{"dataset_id": "a", "links": 5, "metas": 5}]}',
    }
    for body in bodies.values():
        for make, _ in JSON_CASES.values():
            check_page(make(), body)
    page = StacBackend(URL).parse_page(bodies["title 900 deep"].replace(b"[" * 900, b"[" * 3).replace(
        b"]" * 900, b"]" * 3), QUERY, HttpRequest("GET", URL))
    assert page.records[0].title == "x"  # a title nested three lists deep is still read
    with pytest.raises(CatalogError, match="nests values more than 64 levels deep"):
        StacBackend(URL).parse_page(bodies["keyword 5000 deep"], QUERY, HttpRequest("GET", URL))


def test_links_of_the_wrong_type_are_ignored_not_fatal():
    body = json.dumps({"features": [{"id": "a", "links": 5, "assets": {"x": 5, "y": {"href": 7}},
                                     "properties": {"title": {"name": "named"}, "keywords": 5}}],
                       "links": 5}).encode()
    page = StacBackend(URL).parse_page(body, QUERY, HttpRequest("GET", URL))
    record = page.records[0]
    assert (record.id, record.title, record.links, record.keywords) == ("a", "named", [], [])
    assert page.next_request is None


def test_missing_features_names_the_service_and_what_was_found():
    with pytest.raises(CatalogError, match=r"answer of geodes has no 'features' list \(found a number\)"):
        GeodesBackend(URL, source="geodes").parse_page(b'{"features": 5}', QUERY,
                                                        GeodesBackend(URL).first_request(QUERY))


# --- XML: OpenSearch Atom and CSW -----------------------------------------------------

@pytest.fixture(scope="module")
def xml_seeds(pycsw_server):
    """The recorded Mundi Atom feed and pycsw's answers to the plugin's own requests."""
    transport = UrllibTransport()
    seeds = {"opensearch-atom-mundi": (lambda: OpenSearchBackend(URL), (DATA / "catalog/mundi_search.xml").read_text())}
    live = {"csw-iso": lambda url: CswBackend(url, schema="iso"), "csw-dc": lambda url: CswBackend(url, schema="dc"),
            "csw3-dc": lambda url: CswBackend(url, schema="dc", version="3.0.0"),
            "opensearch-atom-pycsw": lambda url: OpenSearchBackend(url, preset="pycsw")}
    for name, make in live.items():
        backend = make(pycsw_server.url)
        body = backend.send(backend.first_request(SearchQuery(max_records=4, page_size=4)), transport).body
        seeds[name] = (lambda make=make: make(URL), body.decode("utf-8"))
    return seeds


def test_xml_seed_answers_give_records(xml_seeds):
    for name, (make, text) in xml_seeds.items():
        page = check_page(make(), text.encode())
        assert page is not None and page.records, name


@FUZZ
@given(st.data())
def test_xml_parsers_on_mutated_answers(xml_seeds, data):
    name = data.draw(st.sampled_from(sorted(xml_seeds)), label="seed")
    make, text = xml_seeds[name]
    check_page(make(), data.draw(xml_bodies(text), label="body"))
