"""Search of existing DINAMIS images (SPOT 6-7 STAC collection and OpenSPOT), filtered by
the profile, against the loopback server replaying tests/data/dinamis."""
import json
from urllib.parse import parse_qs

import pytest

from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.transport import UrllibTransport
from dataterra.dataterra_plugin.dinamis.core.rules import Profile, RulesError
from dataterra.dataterra_plugin.dinamis.core.search import (
    SearchCriteria,
    plan_search,
    search_images,
    search_sources,
)

CLERMONTAIS = (3.2, 43.4, 3.8, 43.9)
UIA = Profile("uia_research", "INRAE UMR TETIS")


def run(profile, rules, **criteria):
    values = {"bbox": CLERMONTAIS, "start": "2021-01-01", "end": "2022-12-31"}
    values.update(criteria)
    return search_images(profile, rules, SearchCriteria(**values), lambda source: UrllibTransport())


def test_uia_searches_both_catalogues_with_cloud_and_incidence_limits(loopback_rules, dinamis_catalogue_server):
    outcome = run(UIA, loopback_rules, max_cloud_cover=30, max_incidence=20)
    assert outcome.refusals == [] and outcome.errors == {}
    assert outcome.searched == ["dinamis-spot67-stac", "openspot"]
    # STAC: 5 items over two pages; 46.5 % cloud and 31.6° incidence are dropped
    stac = [(i.date, i.cloud_cover, i.incidence_angle) for i in outcome.images if i.source_id == "dinamis-spot67-stac"]
    assert stac == [("2022-06-05", 0.4, 11.3), ("2021-08-03", 12.0, 18.4), ("2021-07-12", 3.1, 5.2)]
    assert outcome.dropped == {"cloud_cover": 1, "incidence": 1}
    # OpenSPOT: 2021_MS holds three images, one in Brittany (outside the box); no cloud or incidence given
    spot = [i for i in outcome.images if i.source_id == "openspot"]
    assert [i.record.id for i in spot] == ["2021_MS:5424", "2021_MS:5423"]
    assert all(i.cloud_cover is None and i.incidence_angle is None and i.mode == "MS" for i in spot)
    assert spot[0].quicklook == dinamis_catalogue_server.url + "/api/lien_jpg/PREVIEW_SPOT6_20210803_103211400_000.JPG"
    assert spot[0].record.footprint()["coordinates"][0][0] == [3.27, 43.49]
    assert spot[0].product_id == "spot67_open_archive"
    first = outcome.images[0]
    assert first.quicklook.endswith("/quicklooks/SPOT7_MS_202206050951027_SPOT7_P_202206050951027_1.png")
    assert first.record.footprint()["type"] == "Polygon"
    # what was asked: the STAC body carries the collection, box, dates and both limits; the second page merges the token
    posts = [json.loads(r["body"]) for r in dinamis_catalogue_server.requests if r["path"] == "/search"]
    assert posts[0]["collections"] == ["spot-6-7-drs"] and posts[0]["bbox"] == list(CLERMONTAIS)
    assert posts[0]["datetime"] == "2021-01-01T00:00:00Z/2022-12-31T23:59:59Z"
    assert "query" not in posts[0]  # property names assumed: limits applied on the answers only
    assert posts[1]["token"] == "next:3" and posts[1]["collections"] == ["spot-6-7-drs"]
    geo = [r["path"] for r in dinamis_catalogue_server.requests if r["path"].startswith("/api/geo/")]
    assert geo == ["/api/geo/2021_MS", "/api/geo/2021_PAN", "/api/geo/2022_MS", "/api/geo/2022_PAN"]


def test_unknown_values_are_dropped_when_asked(loopback_rules):
    outcome = run(UIA, loopback_rules, max_cloud_cover=30, keep_unknown=False)
    assert {i.source_id for i in outcome.images} == {"dinamis-spot67-stac"}
    assert outcome.dropped["cloud_cover"] == 1 + 2  # 46.5 % and the two OpenSPOT images without cloud cover


def test_profile_not_eligible_is_told_why_and_nothing_is_sent(loopback_rules, dinamis_catalogue_server):
    foreign = Profile("foreign_scientist", "University of Liège")
    outcome = run(foreign, loopback_rules)
    assert [r.source_id for r in outcome.refusals] == ["dinamis-spot67-stac"]
    assert any("cooperation or collaborative project with a French institutional user" in reason
               for reason in outcome.refusals[0].reasons)
    assert not any(r["path"] == "/search" for r in dinamis_catalogue_server.requests)
    # the open archive stays open to them
    assert {i.source_id for i in outcome.images} == {"openspot"} and len(outcome.images) == 2

    unsubscribed = Profile("uia_public_actor", "Communauté de communes du Clermontais", subscribed=False)
    refusals, = [plan_search(unsubscribed, loopback_rules, CLERMONTAIS)[1]]
    assert [r.source_id for r in refusals] == ["dinamis-spot67-stac"]
    assert "subscribe to DINAMIS" in " ".join(refusals[0].reasons)


def test_area_outside_coverage_is_not_searched(loopback_rules, dinamis_catalogue_server):
    reunion = (55.2, -21.4, 55.8, -20.9)
    outcome = run(UIA, loopback_rules, bbox=reunion)
    assert [r.source_id for r in outcome.refusals] == ["dinamis-spot67-stac", "openspot"]
    assert all("only covers metropolitan France and Corsica" in r.reasons[0] for r in outcome.refusals)
    assert outcome.images == [] and dinamis_catalogue_server.requests == []


def test_openspot_two_step_download(dinamis_catalogue_server, tmp_path):
    from dataterra.dataterra_plugin.catalog.core.download import download
    from dataterra.dataterra_plugin.catalog.core.openspot import download_links

    urls, headers = download_links(dinamis_catalogue_server.url, 5424, UrllibTransport(),
                                   form={"profil": "Recherche", "theme": "Agriculture"})
    assert urls == [dinamis_catalogue_server.url + "/api/lien_tif/IMG_SPOT6_20210803_103211400_000_R1C1.TIF"]
    step1, step2 = dinamis_catalogue_server.requests[:2]
    assert step1["path"] == "/ressources"
    assert json.loads(parse_qs(step1["body"].decode())["val_fid"][0]) == {"values": [5424]}
    assert step2["path"] == "/api/tab_liens" and step2["headers"]["Cookie"].startswith("session=")
    assert step2["headers"]["Content-Type"].startswith("multipart/form-data; boundary=")
    for field, value in (("profil", "Recherche"), ("theme", "Agriculture"), ("pays", "fra"), ("license", "on")):
        assert f'name="{field}"\r\n\r\n{value}\r\n'.encode() in step2["body"]
    path = download(urls[0], tmp_path / "image.tif", headers=headers)
    assert (tmp_path / "image.tif").read_bytes() == dinamis_catalogue_server.tif_bytes and str(path).endswith(".tif")
    with pytest.raises(CatalogError, match="403"):  # the file needs the session
        download(urls[0], tmp_path / "again.tif")


def test_openspot_without_any_collection_is_an_error(dinamis_catalogue_server):
    from dataterra.dataterra_plugin.catalog.core.model import SearchQuery
    from dataterra.dataterra_plugin.catalog.core.openspot import OpenSpotBackend

    backend = OpenSpotBackend(dinamis_catalogue_server.url, modes=["PMS"])
    with pytest.raises(CatalogError, match="holds none of the collections asked"):
        list(backend.pages(SearchQuery(start="2019-01-01", end="2020-12-31"), UrllibTransport()))
    with pytest.raises(CatalogError, match="before the start date"):
        backend.first_request(SearchQuery(start="2022-01-01", end="2021-01-01"))


def test_openspot_is_a_catalogue_protocol(dinamis_catalogue_server):
    from dataterra.dataterra_plugin.catalog.core.backend import search_all
    from dataterra.dataterra_plugin.catalog.core.hubs import make_backend
    from dataterra.dataterra_plugin.catalog.core.model import SearchQuery

    backend = make_backend("OpenSPOT", dinamis_catalogue_server.url + "/api/geo")
    records, matched = search_all(backend, SearchQuery(collection="2021_MS", bbox=(-5, 47, -4, 49)), UrllibTransport())
    assert [r.id for r in records] == ["2021_MS:5431"] and matched is None
    assert records[0].start == "2021-06-15" and records[0].bbox == (-4.6, 47.9, -4.1, 48.3)
    # no plain download link: a GET cannot fetch the file, only the two-step request can
    assert records[0].download_links() == [] and records[0].links[0].href == dinamis_catalogue_server.url + "/"


def test_search_sources_are_checked(rules):
    assert [s.id for s in search_sources(rules)] == ["dinamis-spot67-stac", "openspot"]
    broken = dict(rules, search_sources=[{"id": "x", "label": "X", "protocol": "STAC", "endpoint": "https://x",
                                          "product_id": "moon_images"}])
    with pytest.raises(RulesError, match="unknown product 'moon_images'"):
        search_sources(broken)
    with pytest.raises(Exception, match="not a longitude/latitude box"):
        run(UIA, rules, bbox=(700000, 6200000, 710000, 6210000))


def test_a_failing_catalogue_is_reported_and_the_other_still_searched(loopback_rules, dinamis_catalogue_server):
    loopback_rules["search_sources"][0]["endpoint"] = dinamis_catalogue_server.url + "/gone/search"
    outcome = run(UIA, loopback_rules)
    assert list(outcome.errors) == ["dinamis-spot67-stac"]
    assert "answered HTTP 404" in outcome.errors["dinamis-spot67-stac"]
    assert [i.record.id for i in outcome.images] == ["2021_MS:5424", "2021_MS:5423"]


def test_server_side_filters_when_the_source_says_so(loopback_rules, dinamis_catalogue_server):
    loopback_rules["search_sources"][0]["options"] = {"server_filters": True}
    outcome = run(UIA, loopback_rules, max_cloud_cover=30, max_incidence=20)
    body = json.loads(next(r["body"] for r in dinamis_catalogue_server.requests if r["path"] == "/search"))
    assert body["query"] == {"eo:cloud_cover": {"lte": 30}, "view:incidence_angle": {"lte": 20}}
    # the loopback server ignores the filter (as a server without the query extension does): still applied here
    assert outcome.dropped == {"cloud_cover": 1, "incidence": 1}
