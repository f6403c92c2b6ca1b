"""CSW (ISO 19139 and Dublin Core) and OpenSearch against a real pycsw on loopback:
the same search returns the same records through every path."""
import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.opensearch import OpenSearchBackend
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


def intersects(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def expected_ids(server, bbox=None, theme=None, start=None, end=None, iso_only=False):
    ids = []
    for i, facts in enumerate(server.facts):
        if iso_only and i >= 240:
            continue
        if bbox and not intersects(facts["bbox"], bbox):
            continue
        if theme and facts["theme"] != theme:
            continue
        if start and facts["end"] < start:
            continue
        if end and facts["start"] > end:
            continue
        ids.append(facts["id"])
    return sorted(ids)


def backends(url):
    return {
        "csw-iso": CswBackend(url, schema="iso"),
        "csw-dc": CswBackend(url, schema="dc"),
        "opensearch": OpenSearchBackend(url, preset="pycsw"),
    }


def test_same_records_through_every_path(pycsw_server):
    bbox = (0.0, 44.0, 3.0, 47.0)
    expected = expected_ids(pycsw_server, bbox, "forest")
    assert 8 <= len(expected) < 60  # the search really filters, and needs several pages of 3
    found = {}
    for name, backend in backends(pycsw_server.url).items():
        query = SearchQuery(bbox=bbox, text="forest", page_size=3, max_records=500)
        records, matched = search_all(backend, query, UrllibTransport())
        assert matched == len(expected), name
        found[name] = sorted(r.id for r in records)
    assert found["csw-iso"] == found["csw-dc"] == found["opensearch"] == expected


def test_all_records_paged(pycsw_server):
    records, matched = search_all(CswBackend(pycsw_server.url), SearchQuery(page_size=100, max_records=1000),
                                  UrllibTransport())
    assert matched == 360 and len({r.id for r in records}) == 360


def test_iso_record_fields(pycsw_server):
    query = SearchQuery(text="dt-0007", max_records=5)
    (record,) = [r for r in search_all(CswBackend(pycsw_server.url), query, UrllibTransport())[0] if r.id == "dt-0007"]
    facts = pycsw_server.facts[7]
    assert record.bbox == pytest.approx(facts["bbox"])
    assert (record.start, record.end) == (facts["start"], facts["end"])
    assert record.title == f"Test {facts['theme']} dataset dt-0007"
    assert record.quicklook == "http://127.0.0.1/ql/dt-0007.png"
    assert [link.protocol for link in record.service_links()] == ["OGC:WMS"]
    assert record.download_links()[0].href == "http://127.0.0.1/data/dt-0007.zip"
    assert record.contact.startswith("Data Terra test pole")


def test_dc_record_bbox_axis_order(pycsw_server):
    query = SearchQuery(text="dt-0300", max_records=5)
    records, _ = search_all(CswBackend(pycsw_server.url, schema="dc"), query, UrllibTransport())
    (record,) = [r for r in records if r.id == "dt-0300"]
    assert record.bbox == pytest.approx(pycsw_server.facts[300]["bbox"])
    assert [link.protocol for link in record.service_links()] == ["OGC:WMS"]


def test_temporal_extent_overlap(pycsw_server):
    query = SearchQuery(start="2015-03-01", end="2015-06-30", max_records=500)
    records, matched = search_all(CswBackend(pycsw_server.url, schema="iso"), query, UrllibTransport())
    expected = expected_ids(pycsw_server, start="2015-03-01", end="2015-06-30", iso_only=True)
    assert expected and sorted(r.id for r in records) == expected


def test_csw_exception_report_is_catalog_error(pycsw_server):
    backend = CswBackend(pycsw_server.url)
    query = SearchQuery(sortby="no:SuchProperty", max_records=5)
    with pytest.raises(CatalogError):
        search_all(backend, query, UrllibTransport())


def test_iso_search_logs_no_owslib_future_warnings(pycsw_server):
    """Issue 16: each CSW search filled the QGIS log with OWSLib FutureWarnings and tracebacks."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records, _matched = search_all(CswBackend(pycsw_server.url, schema="iso"), SearchQuery(max_records=20),
                                       UrllibTransport())
    assert len(records) == 20
    assert not [w for w in caught if issubclass(w.category, FutureWarning) and "owslib" in w.filename]
