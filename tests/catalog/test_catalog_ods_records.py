"""OpenDataSoft Explore v2.1 (PNDB) and OGC API - Records backends on loopback.

No recorded answers of these services were available: the pages follow the documented
layouts (ODS: total_count, results[].dataset_id, metas.default; Records: GeoJSON items
with numberMatched and next links)."""
import json

import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.hubs import find_hub, load_hubs
from dataterra.dataterra_plugin.catalog.core.ods import OdsBackend
from dataterra.dataterra_plugin.catalog.core.records_api import RecordsApiBackend
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport

TOTAL = 130


@pytest.fixture(scope="module")
def ods_records_server(replay_server):
    def ods(request):
        limit = int(request["query"]["limit"][0])
        offset = int(request["query"]["offset"][0])
        results = [{"dataset_id": f"pndb-{i:03d}", "metas": {"default": {
            "title": f"Inventaire {i}", "description": "Relevés", "modified": "2023-05-01T00:00:00+00:00",
            "theme": ["Biodiversité"], "keyword": ["oiseaux"], "license": "Licence Ouverte", "publisher": "PNDB"}}}
            for i in range(offset, min(offset + limit, TOTAL))]
        return 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(
            {"total_count": TOTAL, "results": results}).encode()

    def records(request):
        limit = int(request["query"]["limit"][0])
        start = int(request["query"].get("offset", ["0"])[0])
        items = [{"type": "Feature", "id": f"rec-{i}", "geometry": None, "bbox": [1, 43, 2, 44],
                  "properties": {"title": f"Record {i}", "description": "d", "updated": "2022-01-01"}}
                 for i in range(start, min(start + limit, TOTAL))]
        page = {"type": "FeatureCollection", "features": items, "numberMatched": TOTAL, "links": []}
        if start + limit < TOTAL:
            page["links"].append({"rel": "next", "href": f"{replay_server.url}/records/collections/main/items"
                                                         f"?limit={limit}&offset={start + limit}"})
        return 200, {"Content-Type": "application/geo+json"}, json.dumps(page).encode()

    replay_server.routes["/ods/catalog/datasets"] = ods
    replay_server.routes["/records/collections/main/items"] = records
    return replay_server


def test_ods_offset_paging_and_fields(ods_records_server):
    backend = OdsBackend(ods_records_server.url + "/ods/catalog/datasets")
    before = len(ods_records_server.requests)
    records, matched = search_all(backend, SearchQuery(text='oiseaux "nicheurs"', start="2020-01-01",
                                                       page_size=100, max_records=500), UrllibTransport())
    assert matched == TOTAL and [r.id for r in records] == [f"pndb-{i:03d}" for i in range(TOTAL)]
    sent = ods_records_server.requests[before:]
    assert [r["query"]["offset"][0] for r in sent] == ["0", "100"]
    assert sent[0]["query"]["where"][0] == 'search("oiseaux \\"nicheurs\\"") and modified >= date\'2020-01-01\''
    first = records[0]
    assert (first.title, first.licence, first.contact, first.keywords) == (
        "Inventaire 0", "Licence Ouverte", "PNDB", ["oiseaux"])
    assert first.download_links()[0].href.endswith("/ods/catalog/datasets/pndb-000/exports/geojson")


def test_records_api_next_links(ods_records_server):
    backend = RecordsApiBackend(ods_records_server.url + "/records")
    records, matched = search_all(backend, SearchQuery(collection="main", page_size=50, max_records=500),
                                  UrllibTransport())
    assert matched == TOTAL and len(records) == TOTAL
    assert records[5].title == "Record 5" and records[5].bbox == (1.0, 43.0, 2.0, 44.0)
    assert records[5].start == "2022-01-01"


def test_a_token_in_the_catalogue_url_is_kept_with_one_question_mark(ods_records_server):
    """Both backends used to append "?..." to the URL: an endpoint carrying its own query (an
    API key) became ".../datasets?apikey=K?limit=..." and ".../records?apikey=K/collections/..."."""
    before = len(ods_records_server.requests)
    query = SearchQuery(collection="main", page_size=100, max_records=100)
    ods, _ = search_all(OdsBackend(ods_records_server.url + "/ods/catalog/datasets?apikey=K1"), query,
                        UrllibTransport())
    records, _ = search_all(RecordsApiBackend(ods_records_server.url + "/records/?apikey=K2"), query,
                            UrllibTransport())
    assert len(ods) == 100 and len(records) == 100
    sent = ods_records_server.requests[before:]
    assert [(r["path"], r["query"]["apikey"], r["query"]["limit"]) for r in sent] == [
        ("/ods/catalog/datasets", ["K1"], ["100"]), ("/records/collections/main/items", ["K2"], ["100"])]


def test_endpoint_url_adds_a_path_and_parameters_to_the_endpoints_own_query():
    from dataterra.dataterra_plugin.catalog.core.backend import endpoint_url

    assert endpoint_url("https://h/api?k=a%20b#top", "/api/x", {"q": "é&"}) == "https://h/api/x?k=a%20b&q=%C3%A9%26"
    assert endpoint_url("https://h/api", params={"limit": 5}) == "https://h/api?limit=5"
    assert endpoint_url("https://h/api/") == "https://h/api/"


def test_hub_list_is_valid():
    hubs = load_hubs()
    ids = [hub.id for hub in hubs]
    assert len(ids) == len(set(ids)) and {"geodes", "odatis-sextant", "aeris", "formater", "pndb"} <= set(ids)
    assert find_hub("geodes", hubs).protocol == "STAC-GEODES"
    assert all(hub.endpoint.startswith("https://") and hub.source for hub in hubs)
