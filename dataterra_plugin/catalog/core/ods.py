"""OpenDataSoft Explore API v2.1 catalogue (PNDB): ``/catalog/datasets`` with offset paging."""
from urllib.parse import quote

from .backend import Backend, HttpRequest, endpoint_url
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .jsonpage import read_page
from .safe import (
    MAX_ITEMS, as_bbox, as_geometry, bounded_record, get_count, get_dict, get_dicts, get_href, get_str, text_list,
)
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP


def _quote_odsql(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class OdsBackend(Backend):
    """OpenDataSoft Explore v2.1; ``endpoint`` ends with ``/catalog/datasets``."""

    PROTOCOL = "OpenDataSoft"
    MAX_PAGE_SIZE = 100  # the API's limit per request

    def where(self, query):
        clauses = []
        if query.text:
            clauses.append(f"search({_quote_odsql(query.text)})")
        if query.collection:
            clauses.append(f"theme = {_quote_odsql(query.collection)}")
        if query.start:
            clauses.append(f"modified >= date'{query.start[:10]}'")
        if query.end:
            clauses.append(f"modified <= date'{query.end[:10]}'")
        return " and ".join(clauses)

    def first_request(self, query):
        return self._request(query, 0)

    def _request(self, query, offset):
        params = {"limit": self.page_size(query), "offset": offset}
        where = self.where(query)
        if where:
            params["where"] = where
        if query.sortby:
            params["order_by"] = query.sortby.lstrip("+-") + (" desc" if query.sortby.startswith("-") else "")
        return HttpRequest("GET", endpoint_url(self.endpoint, params=params), {"Accept": "application/json"},
                           None, {"offset": offset})

    def parse_page(self, body, query, request, limit=None):
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "OpenDataSoft answer of {source}"), source=self.source)
        data, records = read_page(body, what, "results", lambda r: ods_record(r, self.endpoint, self.source),
                                  query.max_records if limit is None else limit)
        if records is None:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} has no 'results' list: is "
                                                 "this an OpenDataSoft Explore v2.1 /catalog/datasets URL?"),
                source=self.source)
        matched = get_count(data, "total_count")
        offset = int(request.state.get("offset", 0)) + len(records)
        more = records and len(records) >= self.page_size(query) and (matched is None or offset < matched)
        return SearchPage(records, matched, self._request(query, offset) if more else None)


def ods_record(result, endpoint="", source=""):
    """One dataset of the ODS catalogue as a :class:`Record` (typed accessors of ``safe``)."""
    default = get_dict(get_dict(result, "metas"), "default")
    dataset_id = get_str(result, "dataset_id")
    links = [Link(get_href(link), get_str(link, "rel"), "", "") for link in get_dicts(result, "links", MAX_ITEMS)
             if get_href(link)]
    if dataset_id and endpoint:
        base = endpoint.rstrip("/") + "/" + quote(dataset_id, safe="")
        links.append(Link(f"{base}/exports/geojson", "data", "application/geo+json",
                          "GeoJSON export"))
        links.append(Link(f"{base}/exports/csv", "data", "text/csv", "CSV export"))
    return bounded_record(Record(
        id=dataset_id,
        title=get_str(default, "title") or dataset_id,
        abstract=get_str(default, "description"),
        collection=get_str(default, "theme"),
        start=get_str(default, "modified"),
        end=get_str(default, "modified"),
        licence=get_str(default, "license"),
        contact=get_str(default, "publisher"),
        keywords=text_list(default.get("keyword")),
        bbox=as_bbox(default.get("bbox")),
        geometry=as_geometry(default.get("geometry")),
        links=links,
        source=source,
    ))
