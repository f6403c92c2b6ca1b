"""CSW 3.0 next to CSW 2.0.2 against the real pycsw on loopback: the same search returns
the same records through both versions, in both output schemas, page by page."""
import pytest

from dataterra.dataterra_plugin.catalog.core import SearchQuery
from dataterra.dataterra_plugin.catalog.core.backend import search_all
from dataterra.dataterra_plugin.catalog.core.csw import CswBackend
from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


class RecordingTransport(UrllibTransport):
    """Keeps the request bodies, to check which protocol version was really spoken."""

    def __init__(self):
        super().__init__()
        self.calls, self.answers = [], []

    def request(self, method, url, headers=None, body=None, timeout=30, max_bytes=None):
        self.calls.append((url, body or b""))
        response = super().request(method, url, headers, body, timeout, max_bytes)
        self.answers.append(response.body)
        return response


def intersects(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def expected_ids(server, bbox=None, theme=None, start=None, end=None, iso_only=False):
    """The ids pycsw must return, from the generated records' facts (conftest.record_facts)."""
    ids = []
    for i, facts in enumerate(server.facts):
        if (iso_only and i >= 240) or (bbox and not intersects(facts["bbox"], bbox)):
            continue
        if (theme and facts["theme"] != theme) or (start and facts["end"] < start) or (end and facts["start"] > end):
            continue
        ids.append(facts["id"])
    return sorted(ids)


@pytest.mark.parametrize("schema", ["iso", "dc"])
def test_same_records_through_csw_202_and_30(pycsw_server, schema):
    """Area + text, pages of 3: CSW 2.0.2 (POST) and CSW 3.0 (KVP GET, the binding pycsw
    2.x accepts spatial filters on) give the same records; answers are csw30 documents."""
    bbox = (0.0, 44.0, 3.0, 47.0)
    expected = expected_ids(pycsw_server, bbox, "forest")
    assert 8 <= len(expected) < 60
    found = {}
    for version, method in (("2.0.2", "post"), ("3.0.0", "get")):
        transport = RecordingTransport()
        query = SearchQuery(bbox=bbox, text="forest", page_size=3, max_records=500)
        backend = CswBackend(pycsw_server.url, schema=schema, version=version, method=method)
        records, matched = search_all(backend, query, transport)
        assert matched == len(expected), version
        found[version] = sorted(r.id for r in records)
        assert len(transport.calls) == -(-len(expected) // 3)  # pages of 3
        if version == "3.0.0":
            assert all("version=3.0.0" in url and body == b"" for url, body in transport.calls)
            assert all(b"http://www.opengis.net/cat/csw/3.0" in answer[:600] for answer in transport.answers)
        else:
            assert all(b'version="2.0.2"' in body for _, body in transport.calls)
    assert found["2.0.2"] == found["3.0.0"] == expected


@pytest.mark.parametrize("schema", ["iso", "dc"])
def test_same_records_through_csw_30_post(pycsw_server, schema):
    """Text + time, pages of 3, through CSW 3.0 POST (Filter Encoding 2.0) and CSW 2.0.2."""
    query = dict(text="forest", start="2015-01-01", end="2019-12-31", page_size=3, max_records=500)
    found = {}
    for version in ("2.0.2", "3.0.0"):
        transport = RecordingTransport()
        records, matched = search_all(CswBackend(pycsw_server.url, schema=schema, version=version, temporal="extent"),
                                      SearchQuery(**query), transport)
        found[version] = (matched, sorted(r.id for r in records))
        if version == "3.0.0":
            assert all(b'<csw30:GetRecords xmlns:csw30="http://www.opengis.net/cat/csw/3.0"' in body
                       and b"http://www.opengis.net/fes/2.0" in body for _, body in transport.calls)
    assert found["2.0.2"] == found["3.0.0"] and found["3.0.0"][0] == len(found["3.0.0"][1]) >= 8
    if schema == "iso":  # the generated ISO records' temporal extents are known (conftest.record_facts)
        expected = expected_ids(pycsw_server, theme="forest", start="2015-01-01", end="2019-12-31", iso_only=True)
        assert found["3.0.0"][1] == expected


def test_csw30_post_spatial_filter_is_standard_gml32():
    from lxml import etree

    xml = CswBackend("http://127.0.0.1:9/csw", version="3.0.0").request_xml(
        SearchQuery(bbox=(1.0, 44.0, 3.0, 47.0)), 1)
    root = etree.fromstring(xml)
    gml = "{http://www.opengis.net/gml/3.2}"
    envelope = root.find(f".//{{http://www.opengis.net/fes/2.0}}BBOX/{gml}Envelope")
    assert envelope.get("srsName") == "urn:ogc:def:crs:EPSG::4326"
    corners = envelope.find(f"{gml}lowerCorner").text, envelope.find(f"{gml}upperCorner").text
    assert corners == ("44.0 1.0", "47.0 3.0")  # latitude first


def test_csw30_temporal_and_fields(pycsw_server):
    query = SearchQuery(start="2015-03-01", end="2015-06-30", max_records=500)
    records, _ = search_all(CswBackend(pycsw_server.url, schema="iso", version="3.0.0", method="get"), query,
                            UrllibTransport())
    expected = expected_ids(pycsw_server, start="2015-03-01", end="2015-06-30", iso_only=True)
    assert expected and sorted(r.id for r in records) == expected
    dc, _ = search_all(CswBackend(pycsw_server.url, schema="dc", version="3.0.0", method="get"),
                       SearchQuery(text="dt-0300", max_records=5), UrllibTransport())
    (record,) = [r for r in dc if r.id == "dt-0300"]
    assert record.bbox == pytest.approx(pycsw_server.facts[300]["bbox"])
    assert [link.protocol for link in record.service_links()] == ["OGC:WMS"]


def test_csw30_all_records_paged_and_sorted(pycsw_server):
    records, matched = search_all(CswBackend(pycsw_server.url, version="3.0.0"),
                                  SearchQuery(page_size=100, max_records=1000, sortby="-dc:identifier"),
                                  UrllibTransport())
    ids = [r.id for r in records]
    assert matched == 360 and len(set(ids)) == 360 and ids == sorted(ids, reverse=True)


def test_unknown_csw_version():
    with pytest.raises(CatalogError, match="Unknown CSW version '4.0'"):
        CswBackend("http://127.0.0.1:9/csw", version="4.0").request_xml(SearchQuery(), 1)
