"""jsonpage.read_page decodes a page as json.loads does, element by element (issue 14, item 5)."""
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mutations import FUZZ, values

from dataterra.dataterra_plugin.catalog.core.errors import CatalogError
from dataterra.dataterra_plugin.catalog.core.jsonpage import CHUNK, read_page

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = ["catalog/earth_search_search.json", "catalog/geodes_search.json", "catalog/stac_catalog_singlefile.json",
         "dinamis/stac_spot67_page1.json", "dinamis/openspot_2021_MS.json"]


def keep(element):
    return element


@pytest.mark.parametrize("name", SEEDS)
def test_recorded_pages_decode_as_json_loads_does(name):
    body = (DATA / name).read_bytes()
    expected = json.loads(body)
    data, features = read_page(body, "answer", "features", keep, None)
    assert features == [f for f in expected.pop("features") if isinstance(f, dict)]
    assert data == expected


def test_limit_keeps_the_first_elements_and_skips_the_rest_unbuilt():
    tricky = ['}]', '"', "\\", '{["', "\\\"]}"]  # brackets and quotes inside strings must not count
    features = [{"id": i, "title": tricky[i % len(tricky)], "n": [[i]]} for i in range(40)]
    body = json.dumps({"features": features, "links": [{"rel": "next", "href": "http://a/b"}]}).encode()
    data, kept = read_page(body, "answer", "features", keep, 3)
    assert kept == features[:3]
    assert data == {"links": [{"rel": "next", "href": "http://a/b"}]}  # read after the skipped elements


def test_skipping_a_list_longer_than_a_counting_chunk():
    """The numpy bracket count spans several chunks, strings in between."""
    filler = ",".join(["[[1,2],{}]"] * (3 * CHUNK // 10))
    body = f'{{"features": [{{"id": 0}}, {filler}, {{"id": "x]"}}, {filler}], "numberMatched": 7}}'.encode()
    data, kept = read_page(body, "answer", "features", keep, 1)
    assert kept == [{"id": 0}] and data == {"numberMatched": 7}


@FUZZ
@given(st.dictionaries(st.sampled_from(["features", "a", "b", "links"]), values, max_size=4), st.integers(0, 5))
def test_any_object_page_decodes_as_json_loads_does(page, limit):
    body = json.dumps(page).encode()
    try:
        data, items = read_page(body, "answer", "features", keep, limit)
    except CatalogError:  # only for values deeper or larger than the budgets, which these are not
        raise AssertionError(body) from None
    expected = json.loads(body)
    if isinstance(expected.get("features"), list):
        expected_items = [f for f in expected.pop("features") if isinstance(f, dict)][:limit]
        assert json.dumps(items) == json.dumps(expected_items)  # as text: NaN equals NaN
    else:
        assert items is None
    assert json.dumps(data) == json.dumps(expected)
