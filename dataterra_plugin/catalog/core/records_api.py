"""OGC API - Records (Part 1) item search: GET ``/collections/{id}/items`` GeoJSON."""
from urllib.parse import urlencode

from .backend import Backend, HttpRequest
from .model import SearchPage
from .safe import parse_json
from .stac import datetime_interval, matched_count, parse_features
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP


class RecordsApiBackend(Backend):
    """OGC API - Records; ``endpoint`` is the landing page, ``query.collection`` the catalogue."""

    PROTOCOL = "OGC API Records"
    MAX_PAGE_SIZE = 500

    def first_request(self, query):
        collection = query.collection or self.options.get("collection", "metadata:main")
        params = {"limit": self.page_size(query), "f": "json"}
        if query.bbox:
            params["bbox"] = ",".join(repr(float(v)) for v in query.bbox)
        interval = datetime_interval(query.start, query.end)
        if interval:
            params["datetime"] = interval
        if query.text:
            params["q"] = query.text
        if query.sortby:
            params["sortby"] = query.sortby
        url = f"{self.endpoint.rstrip('/')}/collections/{collection}/items?{urlencode(params)}"
        return HttpRequest("GET", url, {"Accept": "application/geo+json"})

    def parse_page(self, body, query, request):
        data = parse_json(body, Message(QT_TRANSLATE_NOOP("DataTerraError", "OGC API Records answer of {source}"),
                                      source=self.source))
        records = parse_features(data, self.source)
        for record, feature in zip(records, [f for f in data["features"] if isinstance(f, dict)]):
            props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
            record.start = record.start or str(props.get("updated") or props.get("created") or "")
            record.end = record.end or record.start
            record.collection = record.collection or str(query.collection or "")
        next_href = ""
        for link in data.get("links") or []:
            if isinstance(link, dict) and link.get("rel") == "next" and isinstance(link.get("href"), str) \
                    and link["href"].startswith(("http://", "https://")):
                next_href = link["href"]
        return SearchPage(records, matched_count(data), HttpRequest("GET", next_href) if next_href else None)
