"""OGC API - Records (Part 1) item search: GET ``/collections/{id}/items`` GeoJSON."""
from urllib.parse import quote, urlsplit

from .backend import Backend, HttpRequest, endpoint_url
from .model import SearchPage
from .safe import first_str, get_dict, get_dicts, get_url
from .stac import datetime_interval, feature_record, matched_count, read_features
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
        path = f"{urlsplit(self.endpoint).path.rstrip('/')}/collections/{quote(collection, safe='')}/items"
        url = endpoint_url(self.endpoint, path, params)
        return HttpRequest("GET", url, {"Accept": "application/geo+json"})

    def parse_page(self, body, query, request, limit=None):
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "OGC API Records answer of {source}"), source=self.source)
        data, records = read_features(body, what, self.source, lambda f: self.record(f, query),
                                      query.max_records if limit is None else limit)
        next_href = ""
        for link in get_dicts(data, "links"):
            if link.get("rel") == "next" and get_url(link, "href"):
                next_href = get_url(link, "href")
        return SearchPage(records, matched_count(data), HttpRequest("GET", next_href) if next_href else None)

    def record(self, feature, query):
        """A record's dates fall back on its ``updated``/``created`` properties (Records Part 1)."""
        record = feature_record(feature, self.source)
        props = get_dict(feature, "properties")
        record.start = record.start or first_str(props, "updated", "created")
        record.end = record.end or record.start
        record.collection = record.collection or query.collection or ""
        return record
