"""OpenDataSoft Explore API v2.1 catalogue (PNDB): ``/catalog/datasets`` with offset paging."""
from urllib.parse import urlencode

from .backend import Backend, HttpRequest
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .safe import as_bbox, as_geometry, as_text, parse_json
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
        return HttpRequest("GET", f"{self.endpoint}?{urlencode(params)}", {"Accept": "application/json"},
                           None, {"offset": offset})

    def parse_page(self, body, query, request):
        data = parse_json(body, Message(QT_TRANSLATE_NOOP("DataTerraError", "OpenDataSoft answer of {source}"),
                                      source=self.source))
        results = data.get("results")
        if not isinstance(results, list):
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} has no 'results' list: is "
                                                 "this an OpenDataSoft Explore v2.1 /catalog/datasets URL?"),
                source=self.source)
        records = [ods_record(r, self.endpoint, self.source) for r in results if isinstance(r, dict)]
        total = data.get("total_count")
        matched = total if isinstance(total, int) and not isinstance(total, bool) else None
        offset = int(request.state.get("offset", 0)) + len(records)
        more = records and len(records) >= self.page_size(query) and (matched is None or offset < matched)
        return SearchPage(records, matched, self._request(query, offset) if more else None)


def ods_record(result, endpoint="", source=""):
    metas = result.get("metas") if isinstance(result.get("metas"), dict) else {}
    default = metas.get("default") if isinstance(metas.get("default"), dict) else {}
    dataset_id = as_text(result.get("dataset_id"))
    links = [Link(link["href"], as_text(link.get("rel")), "", "") for link in result.get("links") or []
             if isinstance(link, dict) and isinstance(link.get("href"), str)]
    if dataset_id and endpoint:
        base = endpoint.rstrip("/")
        links.append(Link(f"{base}/{dataset_id}/exports/geojson", "data", "application/geo+json", "GeoJSON export"))
        links.append(Link(f"{base}/{dataset_id}/exports/csv", "data", "text/csv", "CSV export"))
    return Record(
        id=dataset_id,
        title=as_text(default.get("title")) or dataset_id,
        abstract=as_text(default.get("description")),
        collection=as_text(default.get("theme")),
        start=as_text(default.get("modified")),
        end=as_text(default.get("modified")),
        licence=as_text(default.get("license")),
        contact=as_text(default.get("publisher")),
        keywords=[as_text(k) for k in default.get("keyword") or []] if isinstance(default.get("keyword"), list) else [],
        bbox=as_bbox(default.get("bbox")),
        geometry=as_geometry(default.get("geometry")),
        links=links,
        source=source,
    )
