"""STAC API item search (POST or GET), ``next`` links, GEODES ``page`` bodies.

GEODES (CNES) takes a non-standard body: ``page`` numbers (at most 80 items a page),
``query`` operators (eq, in, contains, lte, gte) and ``sortBy``; its total is in
``context.matched`` (see tests/data/catalog/README.md).
"""
import json
from urllib.parse import urlencode

from .backend import Backend, HttpRequest
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .safe import as_bbox, as_float, as_geometry, as_text, parse_json
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP

# multihash codes (https://github.com/multiformats/multicodec) of file:checksum
MULTIHASH = {"12": "sha256", "11": "sha1", "13": "sha512", "d5": "md5"}


def datetime_interval(start, end):
    """STAC ``datetime`` parameter: "start/end" with ".." for an open end, "" if neither."""
    if not start and not end:
        return ""
    return f"{_instant(start, False) or '..'}/{_instant(end, True) or '..'}"


def _instant(value, end_of_day):
    if not value:
        return ""
    if "T" in value:
        return value
    return f"{value}T23:59:59Z" if end_of_day else f"{value}T00:00:00Z"


def sort_spec(sortby):
    if not sortby:
        return None
    direction = "desc" if sortby.startswith("-") else "asc"
    return [{"field": sortby.lstrip("+-"), "direction": direction}]


class StacBackend(Backend):
    """Standard STAC API ``/search`` (POST JSON body, or GET with ``method="GET"``)."""

    PROTOCOL = "STAC"
    MAX_PAGE_SIZE = 500

    def search_url(self):
        url = self.endpoint.rstrip("/")
        return url if url.endswith("/search") else url + "/search"

    def body(self, query):
        body = {"limit": self.page_size(query)}
        if query.collection:
            body["collections"] = [query.collection]
        if query.bbox:
            body["bbox"] = list(query.bbox)
        interval = datetime_interval(query.start, query.end)
        if interval:
            body["datetime"] = interval
        if query.text:
            body["q"] = query.text
        filters = {}
        if query.max_cloud_cover is not None:
            filters["eo:cloud_cover"] = {"lte": query.max_cloud_cover}
        if query.platform:
            filters["platform"] = {"eq": query.platform}
        if filters:
            body["query"] = filters
        if query.sortby:
            body["sortby"] = sort_spec(query.sortby)
        return body

    def first_request(self, query):
        body = self.body(query)
        if self.options.get("method", "POST").upper() == "GET":
            params = {k: v for k, v in body.items() if k not in ("query", "sortby")}
            if "collections" in params:
                params["collections"] = ",".join(params["collections"])
            if "bbox" in params:
                params["bbox"] = ",".join(repr(float(v)) for v in params["bbox"])
            if query.sortby:
                params["sortby"] = query.sortby
            return HttpRequest("GET", self.search_url() + "?" + urlencode(params), {"Accept": "application/geo+json"})
        return self._post(body)

    def _post(self, body, state=None):
        return HttpRequest("POST", self.search_url(),
                           {"Content-Type": "application/json", "Accept": "application/geo+json"},
                           json.dumps(body).encode(), dict(state or {}))

    def parse_page(self, body, query, request):
        data = parse_json(body, Message(QT_TRANSLATE_NOOP("DataTerraError", "answer of {source}"), source=self.source))
        records = parse_features(data, self.source)
        return SearchPage(records, matched_count(data), self.next_request(data, request, len(records)))

    def next_request(self, data, request, returned):
        for link in data.get("links") or []:
            if not isinstance(link, dict) or link.get("rel") != "next" or not isinstance(link.get("href"), str):
                continue
            href = link["href"]
            if not href.startswith(("http://", "https://")):
                return None
            if str(link.get("method", "GET")).upper() == "POST":
                body = link.get("body") if isinstance(link.get("body"), dict) else {}
                if link.get("merge") and request.body:
                    body = {**json.loads(request.body), **body}
                return HttpRequest("POST", href, {"Content-Type": "application/json"}, json.dumps(body).encode())
            return HttpRequest("GET", href, {"Accept": "application/geo+json"})
        return None


class GeodesBackend(StacBackend):
    """CNES GEODES STAC API: ``page`` numbers in the POST body, at most 80 items a page."""

    PROTOCOL = "STAC-GEODES"
    MAX_PAGE_SIZE = 80

    def body(self, query):
        filters = {}
        if query.collection:
            filters["dataset"] = {"in": [query.collection]}
        if query.start:
            filters["start_datetime"] = {"gte": _instant(query.start, False)}
        if query.end:
            filters["end_datetime"] = {"lte": _instant(query.end, True)}
        if query.max_cloud_cover is not None:
            filters["eo:cloud_cover"] = {"lte": query.max_cloud_cover}
        if query.platform:
            filters["platform"] = {"eq": query.platform}
        if query.text:
            filters["identifier"] = {"contains": query.text}
        body = {"page": 1, "limit": self.page_size(query)}
        if query.bbox:
            body["bbox"] = list(query.bbox)
        if filters:
            body["query"] = filters
        if query.sortby:
            body["sortBy"] = sort_spec(query.sortby)
        return body

    def first_request(self, query):
        return self._post(self.body(query))

    def next_request(self, data, request, returned):
        body = json.loads(request.body)
        page, limit = int(body.get("page", 1)), int(body.get("limit", self.MAX_PAGE_SIZE))
        matched = matched_count(data)
        if returned < limit or (matched is not None and page * limit >= matched):
            return None
        return self._post({**body, "page": page + 1})


def matched_count(data):
    """Total matched: ``numberMatched`` (STAC API 1.0), ``context.matched`` (GEODES, older)."""
    for value in (data.get("numberMatched"), (data.get("context") or {}).get("matched")
                  if isinstance(data.get("context"), dict) else None):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return None


def parse_features(data, source=""):
    """Records of a GeoJSON FeatureCollection of STAC items (or OGC API Records)."""
    features = data.get("features")
    if features is None:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} has no 'features': it is not "
                                             "a STAC item search result."), source=source)
    if not isinstance(features, list):
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The 'features' of the answer of {source} is not a "
                                             "list."), source=source)
    return [feature_record(f, source) for f in features if isinstance(f, dict)]


def feature_record(feature, source=""):
    """One STAC item (GeoJSON feature) as a :class:`Record`."""
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    links = [link for link in (_link(v) for v in feature.get("links") or []) if link]
    quicklook = ""
    assets = feature.get("assets") if isinstance(feature.get("assets"), dict) else {}
    for key, asset in assets.items():
        if not isinstance(asset, dict) or not isinstance(asset.get("href"), str):
            continue
        roles = asset.get("roles") if isinstance(asset.get("roles"), list) else []
        role = "thumbnail" if ("thumbnail" in roles or key in ("thumbnail", "quicklook")) else \
            "overview" if "overview" in roles else "data" if ("data" in roles or not roles) else str(roles[0])
        if role == "thumbnail" and not quicklook:
            quicklook = asset["href"]
        links.append(Link(asset["href"], role, as_text(asset.get("type")), as_text(asset.get("title")) or key,
                          checksum=_checksum(asset.get("file:checksum")), size=_int(asset.get("file:size"))))
    if not quicklook:
        quicklook = next((link.href for link in links if link.rel in ("preview", "thumbnail")), "")
    if isinstance(props.get("endpoint_url"), str):  # GEODES: the product archive
        links.append(Link(props["endpoint_url"], "data", "application/zip", as_text(props.get("endpoint_description"))))
    instruments = props.get("instruments", props.get("instrument"))
    return Record(
        id=as_text(feature.get("id") or props.get("identifier")),
        title=as_text(props.get("title") or props.get("identifier") or feature.get("id")),
        abstract=as_text(props.get("description")),
        collection=as_text(feature.get("collection") or props.get("dataset") or props.get("collection")),
        start=as_text(props.get("start_datetime") or props.get("datetime")),
        end=as_text(props.get("end_datetime") or props.get("datetime")),
        cloud_cover=as_float(props.get("eo:cloud_cover", props.get("cloudCover"))),
        platform=as_text(props.get("platform")),
        instrument=as_text(instruments),
        licence=as_text(props.get("license")),
        contact=as_text(props.get("providers") if isinstance(props.get("providers"), list) else ""),
        keywords=[as_text(k) for k in props.get("keywords") or [] if not isinstance(k, (dict, list))]
        if isinstance(props.get("keywords"), list) else [],
        bbox=as_bbox(feature.get("bbox")),
        geometry=as_geometry(feature.get("geometry")),
        quicklook=quicklook,
        links=links,
        source=source,
    )


def _link(value):
    if not isinstance(value, dict) or not isinstance(value.get("href"), str):
        return None
    return Link(value["href"], as_text(value.get("rel")), as_text(value.get("type")), as_text(value.get("title")))


def _checksum(value):
    """"algorithm:hex" from a multihash hex string (STAC file extension), "" if unknown."""
    if not isinstance(value, str) or len(value) < 6:
        return ""
    value = value.lower()
    if value[:2] == "d5" and value[2:4] == "01":
        return "md5:" + value[6:]
    algorithm = MULTIHASH.get(value[:2])
    return f"{algorithm}:{value[4:]}" if algorithm else ""


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None
