"""STAC API and GEODES backends against recorded responses replayed on loopback."""
import json

import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.stac import GeodesBackend, StacBackend, parse_features
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport


def test_geodes_recorded_item_fields(test_data):
    data = json.loads((test_data / "catalog" / "geodes_search.json").read_text())
    (record,) = parse_features(data, "geodes")
    assert record.id == "URN:FEATURE:DATA:gdh:25416e3f-1a7f-379a-9b65-a6539b1fd95b:V1"
    assert record.collection == "PEPS_S2_L1C"
    assert record.start == "2025-04-02T17:57:41.024Z"
    assert record.bbox == pytest.approx((-101.99523907493, 52.226210870436, -100.32145593499, 53.241963547644))
    assert record.geometry["type"] == "Polygon"
    assert record.platform == "S2A" and record.instrument == "MSI"
    assert any(link.href.endswith("T14ULD_20250403T022035.zip") for link in record.download_links())


def test_earth_search_recorded_item_fields(test_data):
    data = json.loads((test_data / "catalog" / "earth_search_search.json").read_text())
    (record,) = parse_features(data)
    assert record.id == "S2B_27VWK_20240206_0_L1C"
    assert record.cloud_cover == pytest.approx(9.93604802923519)
    assert record.quicklook.endswith(".jpg") or "thumbnail" in record.quicklook
    assert record.platform == "sentinel-2b" and record.instrument == "msi"


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_stac_paging_follows_next_links(replay_server, method):
    backend = StacBackend(replay_server.url + "/stac", method=method)
    query = SearchQuery(collection="sentinel-2-l1c", bbox=(2.9, 43.4, 3.6, 43.8), page_size=50, max_records=120)
    records, matched = search_all(backend, query, UrllibTransport())
    assert matched == 230
    assert [r.id for r in records] == [f"S2-{i:04d}" for i in range(120)]


def test_stac_post_body_has_standard_fields(replay_server):
    backend = StacBackend(replay_server.url + "/stac/search")
    query = SearchQuery(collection="c", bbox=(1, 2, 3, 4), start="2024-01-01", end="2024-01-31", max_cloud_cover=20,
                        sortby="-datetime", page_size=10, max_records=10)
    body = json.loads(backend.first_request(query).body)
    assert body == {"limit": 10, "collections": ["c"], "bbox": [1, 2, 3, 4],
                    "datetime": "2024-01-01T00:00:00Z/2024-01-31T23:59:59Z",
                    "query": {"eo:cloud_cover": {"lte": 20}}, "sortby": [{"field": "datetime", "direction": "desc"}]}


def test_geodes_page_bodies_and_matched(replay_server):
    backend = GeodesBackend(replay_server.url + "/geodes/search")
    query = SearchQuery(collection="PEPS_S2_L1C", page_size=200, max_records=1000, sortby="start_datetime")
    before = len(replay_server.requests)
    records, matched = search_all(backend, query, UrllibTransport())
    sent = [json.loads(r["body"]) for r in replay_server.requests[before:]]
    assert matched == 230 and len(records) == 230  # 80 + 80 + 70
    assert [b["page"] for b in sent] == [1, 2, 3] and all(b["limit"] == 80 for b in sent)
    assert sent[0]["query"] == {"dataset": {"in": ["PEPS_S2_L1C"]}}
    assert sent[0]["sortBy"] == [{"field": "start_datetime", "direction": "asc"}]
    assert len({r.id for r in records}) == 230


def test_http_error_is_catalog_error(replay_server):
    backend = StacBackend(replay_server.url + "/nowhere")
    with pytest.raises(CatalogError, match="HTTP 404"):
        search_all(backend, SearchQuery(), UrllibTransport())
