"""STAC API item search (POST or GET), ``next`` links, GEODES ``page`` bodies.

GEODES (CNES) takes a non-standard body: ``page`` numbers (at most 80 items a page),
``query`` operators (eq, in, contains, lte, gte) and ``sortBy``; its total is in
``context.matched`` (see tests/data/catalog/README.md).
"""
import json
from urllib.parse import urlsplit

from .backend import Backend, HttpRequest, endpoint_url
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .jsonpage import read_page
from .safe import (
    JSON_TYPES,
    MAX_ITEMS,
    bounded_record,
    as_bbox,
    as_geometry,
    as_text,
    first_str,
    get_count,
    get_dict,
    get_dicts,
    get_href,
    get_list,
    get_number,
    get_str,
    get_url,
    json_type,
    text_list,
)
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

    def search_url(self, params=None):
        """The endpoint's ``/search`` (added to its path if missing), keeping the endpoint's own
        query (a token) and adding ``params`` to it."""
        path = urlsplit(self.endpoint).path.rstrip("/")
        return endpoint_url(self.endpoint, path if path.endswith("/search") else path + "/search", params)

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
            return HttpRequest("GET", self.search_url(params), {"Accept": "application/geo+json"})
        return self._post(body)

    def _post(self, body, state=None):
        return HttpRequest("POST", self.search_url(),
                           {"Content-Type": "application/json", "Accept": "application/geo+json"},
                           json.dumps(body).encode(), dict(state or {}))

    def parse_page(self, body, query, request, limit=None):
        data, records = read_features(body, self.answer_name(), self.source, self.feature_record,
                                      query.max_records if limit is None else limit)
        return SearchPage(records, matched_count(data), self.next_request(data, request, len(records)))

    def answer_name(self):
        return Message(QT_TRANSLATE_NOOP("DataTerraError", "answer of {source}"), source=self.source)

    def feature_record(self, feature):
        return feature_record(feature, self.source)

    def next_request(self, data, request, returned):
        for link in get_dicts(data, "links"):
            href = get_href(link)
            if link.get("rel") != "next" or not href:
                continue
            if not get_url(link, "href"):
                return None
            if get_str(link, "method").upper() == "POST":
                body = get_dict(link, "body")
                if link.get("merge") is True and request.body:
                    body = {**json.loads(request.body), **body}
                return HttpRequest("POST", href, {"Content-Type": "application/json"}, _dumps(body, self.source))
            return HttpRequest("GET", href, {"Accept": "application/geo+json"})
        return None


def _dumps(body, source):
    """A ``next`` link's POST body as JSON bytes; CatalogError when it cannot be sent back."""
    try:
        return json.dumps(body).encode()
    except (ValueError, TypeError, RecursionError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The 'next' link of {source} carries a body that "
                                             "cannot be sent back ({name})."),
                           source=source, name=type(exc).__name__) from exc


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
        body = json.loads(request.body)  # our own request: page and limit are ours
        page, limit = int(body.get("page", 1)), int(body.get("limit", self.MAX_PAGE_SIZE))
        matched = matched_count(data)
        if returned < limit or (matched is not None and page * limit >= matched):
            return None
        return self._post({**body, "page": page + 1})


def matched_count(data):
    """Total matched: ``numberMatched`` (STAC API 1.0), ``context.matched`` (GEODES, older)."""
    for value in (get_count(data, "numberMatched"), get_count(get_dict(data, "context"), "matched")):
        if value is not None:
            return value
    return None


def read_features(body, what, source, convert, limit):
    """(page object, records) of a GeoJSON FeatureCollection page: ``convert(feature)`` of at
    most ``limit`` features, the others left unbuilt (see jsonpage)."""
    data, records = read_page(body, what, "features", convert, limit)
    if records is None:
        found = json_type(data["features"]) if "features" in data else JSON_TYPES["absent"]
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} has no 'features' list (found "
                                             "{found}): it is not a STAC item search result."),
                           source=source, found=found)
    return data, records


def parse_features(data, source=""):
    """Records of a decoded GeoJSON FeatureCollection of STAC items (or OGC API Records)."""
    what = Message(QT_TRANSLATE_NOOP("DataTerraError", "answer of {source}"), source=source)
    return [feature_record(f, source) for f in get_list(data, "features", what) if isinstance(f, dict)]


def feature_record(feature, source=""):
    """One STAC item (GeoJSON feature) as a :class:`Record`; any value of any type is read
    through the typed accessors of ``safe``."""
    props = get_dict(feature, "properties")
    links = [link for link in (_link(v) for v in get_dicts(feature, "links", MAX_ITEMS)) if link]
    quicklook = ""
    for key, asset in list(get_dict(feature, "assets").items())[:MAX_ITEMS]:
        href = get_href(asset)
        if not href:
            continue
        roles = [r for r in get_list(asset, "roles") if isinstance(r, str)]
        role = "thumbnail" if ("thumbnail" in roles or key in ("thumbnail", "quicklook")) else \
            "overview" if "overview" in roles else "data" if ("data" in roles or not roles) else as_text(roles[0])
        if role == "thumbnail" and not quicklook:
            quicklook = href
        links.append(Link(href, role, get_str(asset, "type"), get_str(asset, "title") or as_text(key),
                          checksum=_checksum(asset.get("file:checksum")), size=get_count(asset, "file:size")))
    if not quicklook:
        quicklook = next((link.href for link in links if link.rel in ("preview", "thumbnail")), "")
    endpoint_url = get_href(props, "endpoint_url")
    if endpoint_url:  # GEODES: the product archive
        links.append(Link(endpoint_url, "data", "application/zip", get_str(props, "endpoint_description")))
    identifier = get_str(feature, "id") or get_str(props, "identifier")
    return bounded_record(Record(
        id=identifier,
        title=first_str(props, "title", "identifier") or identifier,
        abstract=get_str(props, "description"),
        collection=get_str(feature, "collection") or first_str(props, "dataset", "collection"),
        start=first_str(props, "start_datetime", "datetime"),
        end=first_str(props, "end_datetime", "datetime"),
        cloud_cover=_first_number(props, "eo:cloud_cover", "cloudCover"),
        platform=get_str(props, "platform"),
        instrument=first_str(props, "instruments", "instrument"),
        licence=get_str(props, "license"),
        contact=as_text(get_list(props, "providers")),
        keywords=text_list(props.get("keywords")),
        bbox=as_bbox(feature.get("bbox")),
        geometry=as_geometry(feature.get("geometry")),
        quicklook=quicklook,
        links=links,
        source=source,
    ))


def _first_number(obj, *keys):
    return next((n for n in (get_number(obj, k) for k in keys) if n is not None), None)


def _link(value):
    href = get_href(value)
    if not href:
        return None
    return Link(href, get_str(value, "rel"), get_str(value, "type"), get_str(value, "title"))


def _checksum(value):
    """"algorithm:hex" from a multihash hex string (STAC file extension), "" if unknown."""
    if not isinstance(value, str) or len(value) < 6:
        return ""
    value = value.lower()
    if value[:2] == "d5" and value[2:4] == "01":
        return "md5:" + value[6:]
    algorithm = MULTIHASH.get(value[:2])
    return f"{algorithm}:{value[4:]}" if algorithm else ""


