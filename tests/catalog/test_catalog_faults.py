"""Faults: every failure is a CatalogError with a message naming the problem."""
import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.stac import StacBackend
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport
from dataterra.rasterblocks.errors import DataTerraError


@pytest.mark.parametrize("path, backend_class, message", [
    ("/fault/html", StacBackend, "web page instead of JSON"),
    ("/fault/html-as-json", StacBackend, "web page instead of JSON"),
    ("/fault/wrong-type", StacBackend, "image/png where JSON was expected"),
    ("/fault/truncated", StacBackend, "cut short"),
    ("/fault/cut-json", StacBackend, "not valid JSON"),
    ("/fault/500", StacBackend, "HTTP 500.*database down"),
    ("/fault/401", StacBackend, "HTTP 401: check your credentials"),
    ("/fault/not-features", StacBackend, "not an object"),
    ("/fault/xxe", OpenSearchBackend, "DTD or entities"),
    ("/fault/bomb", OpenSearchBackend, "DTD or entities"),
    ("/fault/bomb", CswBackend, "DTD or entities"),
    ("/fault/html", CswBackend, "web page instead of XML"),
])
def test_fault_gives_catalog_error(fault_server, path, backend_class, message):
    backend = backend_class(fault_server.url + path)
    with pytest.raises(CatalogError, match=message) as caught:
        search_all(backend, SearchQuery(max_records=5), UrllibTransport())
    assert isinstance(caught.value, DataTerraError)


def test_timeout(fault_server):
    backend = StacBackend(fault_server.url + "/fault/slow", timeout=0.5)
    with pytest.raises(CatalogError, match="did not answer within 0.5 s"):
        search_all(backend, SearchQuery(max_records=5), UrllibTransport())


def test_unreachable_server():
    backend = StacBackend("http://127.0.0.1:9/search", timeout=2)
    with pytest.raises(CatalogError, match="Cannot reach 127.0.0.1:9"):
        search_all(backend, SearchQuery(max_records=5), UrllibTransport())


def test_not_http_endpoint():
    with pytest.raises(CatalogError, match="not an http"):
        StacBackend("file:///etc/passwd")


def test_cancel_between_pages(replay_server):
    from dataterra.rasterblocks.errors import Cancelled

    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    backend = StacBackend(replay_server.url + "/stac")
    with pytest.raises(Cancelled):
        search_all(backend, SearchQuery(page_size=10, max_records=200), UrllibTransport(), is_cancelled=cancelled)
    assert len(calls) == 3


def test_mundi_atom_feed(replay_server):
    backend = OpenSearchBackend(replay_server.url + "/mundi/opensearch")
    page = next(backend.pages(SearchQuery(max_records=2), UrllibTransport()))
    assert page.matched == 47 and len(page.records) == 2
    first = page.records[0]
    assert first.title == "S2A_MSIL1C_20200815T005251_N0209_R002_T55PBQ_20200815T023440"
    assert first.cloud_cover == pytest.approx(34.3433)
    # georss:box "13.0051676309 144.782186453 13.5622621538 145.2460125142" is lat/lon
    assert first.bbox == pytest.approx((144.782186453, 13.0051676309, 145.2460125142, 13.5622621538))
    assert first.quicklook.endswith("-ql.jpg")
    assert page.next_request.url.endswith("startIndex=3")
