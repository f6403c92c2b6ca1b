"""Search memory is bounded by the records asked for plus a fixed page budget, whatever
the server sends (issue 14, item 5). Measured with tracemalloc around a real search
against a loopback server; the bounds are derived in docs/security.md:

    peak <= 2 B (transport: chunks + joined body) + B (decoded text, ASCII) + W + n R

with B the page bytes, W the working set of one element and of the bracket counter
(< 4 MB), n the records asked and R the per-record budget (1.5 MB, ASCII text).
Before the fix, 50 records from one 8 MB page of empty features peaked at +1.2 GB.
"""
import gc
import json
import tracemalloc

import pytest
from replay_http import ReplayServer

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import Backend, search_all
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.ods import OdsBackend
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.safe import MAX_ITEMS, MAX_LABEL, MAX_TEXT, MAX_URL, MAX_VERTICES
from dataterra.dataterra_plugin.catalog.core.stac import StacBackend
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport

MB = 2**20
WORKING_SET = 4 * MB
RECORD_BUDGET = int(1.5 * MB)
ASKED = 50


@pytest.fixture(scope="module")
def server():
    server = ReplayServer()
    yield server
    server.close()


def serve(server, body, content_type="application/json"):
    server.routes["/page"] = lambda request: (200, {"Content-Type": content_type}, body)


def empty_items_page(size, key):
    """A page of ``size`` bytes whose list ``key`` holds nothing but ``{}``."""
    head = b'{"type": "FeatureCollection", "%s": [' % key.encode()
    count = (size - len(head) - 2) // 3
    return head + b",".join([b"{}"] * count) + b"]}"


def measured(run):
    """(result or error, peak bytes above the start) of ``run()`` under tracemalloc."""
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    try:
        result = run()
    except CatalogError as exc:
        result = exc
    peak = tracemalloc.get_traced_memory()[1] - start
    tracemalloc.stop()
    return result, peak


@pytest.mark.parametrize("backend_class, key", [(StacBackend, "features"), (OdsBackend, "results")])
def test_eight_mb_page_of_empty_items_builds_only_the_records_asked(server, backend_class, key):
    body = empty_items_page(8 * MB, key)
    serve(server, body)
    query = SearchQuery(max_records=ASKED, page_size=ASKED)
    (records, _), peak = measured(lambda: search_all(backend_class(server.url + "/page"), query, UrllibTransport()))
    assert len(records) == ASKED
    bound = 3 * len(body) + WORKING_SET + ASKED * RECORD_BUDGET
    assert peak < bound, f"peak {peak / MB:.1f} MB > bound {bound / MB:.1f} MB"
    # the empty records themselves are tiny: the peak is the page, not 2.8 million records
    assert peak < 3 * len(body) + WORKING_SET, f"peak {peak / MB:.1f} MB"


def test_twenty_mb_page_is_refused_with_a_message(server):
    body = empty_items_page(20 * MB, "features")
    serve(server, body)
    query = SearchQuery(max_records=ASKED, page_size=ASKED)
    error, peak = measured(lambda: search_all(StacBackend(server.url + "/page"), query, UrllibTransport()))
    assert isinstance(error, CatalogError)
    assert f"sent more than {Backend.MAX_PAGE_BYTES} bytes" in str(error)
    # the transport stops reading at the page budget: never the whole 20 MB answer, twice
    assert peak < Backend.MAX_PAGE_BYTES + WORKING_SET, f"peak {peak / MB:.1f} MB"


def largest_feature(number):
    """A feature filling every per-record budget (ASCII text), inside the 2 MB element budget."""
    ring = [[float(i % 90), float(i % 45)] for i in range(MAX_VERTICES - 1)]
    ring.append(ring[0])
    links = [{"href": f"http://127.0.0.1/{number}/{i}/" + "u" * (MAX_URL - 40), "rel": "r" * 300,
              "type": "t" * 300, "title": "x" * 300} for i in range(MAX_ITEMS + 20)]
    return {"type": "Feature", "id": f"item-{number}-" + "i" * MAX_TEXT, "geometry": {"type": "Polygon",
                                                                                      "coordinates": [ring]},
            "links": links,
            "properties": {name: f"{name}-{number}-" + "v" * (MAX_TEXT + 100)
                           for name in ("title", "description", "dataset", "datetime", "start_datetime",
                                        "end_datetime", "platform", "instruments", "license")}
            | {"keywords": [f"k{i}-" + "w" * 400 for i in range(MAX_ITEMS + 20)]}}


def test_records_kept_cost_at_most_the_per_record_budget(server):
    """Eleven of the largest records fill one page (1.3 MB each in JSON); ten are asked."""
    asked = 10
    features = [largest_feature(i) for i in range(asked + 1)]
    body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    del features
    assert len(body) < 16 * MB
    serve(server, body)
    query = SearchQuery(max_records=asked, page_size=asked)
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    records, _ = search_all(StacBackend(server.url + "/page"), query, UrllibTransport())
    gc.collect()
    kept, peak = (value - start for value in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    assert len(records) == asked
    assert len(records[0].title) == MAX_TEXT and len(records[0].links) == MAX_ITEMS
    assert len(records[0].geometry["coordinates"][0]) == MAX_VERTICES  # the largest footprint kept
    assert kept / asked < RECORD_BUDGET, f"{kept / asked / MB:.2f} MB per record"
    assert peak < 3 * len(body) + WORKING_SET + asked * RECORD_BUDGET, f"peak {peak / MB:.1f} MB"
    assert MAX_LABEL < 300  # the labels above were cut
    assert len(records[0].links[0].title) == MAX_LABEL and len(records[0].keywords[0]) == MAX_LABEL


ATOM = (b'<feed xmlns="http://www.w3.org/2005/Atom">', b"<entry/>", b"</feed>")
CSW = (b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults '
       b'numberOfRecordsMatched="1" nextRecord="0">', b"<csw:Record/>",
       b"</csw:SearchResults></csw:GetRecordsResponse>")


@pytest.mark.parametrize("backend_class, parts", [(OpenSearchBackend, ATOM), (CswBackend, CSW)],
                         ids=["opensearch-atom", "csw"])
def test_xml_page_of_empty_entries_is_read_entry_by_entry(server, backend_class, parts):
    """Read whole, a 3 MB page of empty entries was a tree of ~11 times its size; read
    entry by entry, what stays is the body and one entry. (3 MB: the element-by-element
    parse is slow under tracemalloc; the ratio, not the size, is what is tested.)"""
    head, entry, tail = parts
    query = SearchQuery(max_records=ASKED, page_size=ASKED)
    serve(server, head + entry * ASKED + tail, "application/xml")
    search_all(backend_class(server.url + "/page"), query, UrllibTransport())  # imports OWSLib outside the count
    body = head + entry * ((3 * MB) // len(entry)) + tail
    serve(server, body, "application/xml")
    (records, _), peak = measured(lambda: search_all(backend_class(server.url + "/page"), query, UrllibTransport()))
    assert len(records) == ASKED
    assert peak < 3 * len(body) + WORKING_SET, f"peak {peak / MB:.1f} MB"
