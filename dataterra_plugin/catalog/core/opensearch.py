"""OpenSearch Geo/Time search (GET), Atom or GeoJSON answers.

Parameters follow the OpenSearch Geo and Time extensions; their names differ between
servers, so they are options (``params``): e.g. pycsw uses ``q``, ``bbox``, ``time``,
``startposition``, ``maxrecords``; resto uses ``q``, ``box``, ``startDate``,
``completionDate``, ``page``, ``maxRecords``. Paging follows the ``next`` link when
the server gives one, else ``os:startIndex`` / ``os:itemsPerPage`` / ``os:totalResults``.
"""
from itertools import islice
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .backend import Backend, HttpRequest
from .errors import CatalogError
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP
from .model import Link, Record, SearchPage
from .safe import (
    MAX_ITEMS, MAX_URL, as_count, as_float, as_text, bounded_record, first_str, get_count, get_dict, get_list,
    get_str, get_url,
    closed_items, iter_xml, parse_xml,
)

ATOM = "{http://www.w3.org/2005/Atom}"
OS = "{http://a9.com/-/spec/opensearch/1.1/}"
GEORSS = "{http://www.georss.org/georss}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCT = "{http://purl.org/dc/terms/}"
EO = "{http://a9.com/-/opensearch/extensions/eo/1.0/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
GML = "{http://www.opengis.net/gml}"

# parameter names of known OpenSearch servers; "fixed" parameters are sent as they are
PRESETS = {
    "pycsw": {
        "params": {"text": "q", "bbox": "bbox", "time": "time", "start": "", "end": "", "index": "startposition",
                   "count": "maxrecords", "collection": "", "cloud": ""},
        "fixed": {"mode": "opensearch", "service": "CSW", "version": "2.0.2", "request": "GetRecords",
                  "elementsetname": "full", "typenames": "csw:Record", "resulttype": "results"},
    },
    "resto": {
        "format": "json",
        "params": {"bbox": "box", "start": "startDate", "end": "completionDate", "index": "page",
                   "count": "maxRecords", "collection": ""},
        "page_index": True,
    },
}

DEFAULT_PARAMS = {"text": "q", "bbox": "bbox", "start": "start", "end": "stop", "time": "",
                  "index": "startIndex", "count": "maxRecords", "collection": "parentIdentifier",
                  "cloud": "cloudCover"}


class OpenSearchBackend(Backend):
    """OpenSearch Geo/Time; option ``format``: "atom" (default) or "json";
    ``params``: mapping of our names to the server's parameter names;
    ``fixed``: extra parameters sent as they are (e.g. pycsw's mode=opensearch)."""

    PROTOCOL = "OpenSearch"
    MAX_PAGE_SIZE = 500

    def __init__(self, endpoint, source="", headers=None, timeout=30, **options):
        preset = PRESETS.get(options.get("preset", ""), {})
        super().__init__(endpoint, source, headers, timeout, **{**preset, **options})

    @property
    def EXPECTED(self):  # noqa: N802 - same name as the class attribute of other backends
        return "json" if self.options.get("format", "atom") == "json" else "xml"

    def param(self, name):
        return {**DEFAULT_PARAMS, **(self.options.get("params") or {})}.get(name, "")

    def first_request(self, query):
        params = dict(self.options.get("fixed") or {})

        def put(name, value):
            key = self.param(name)
            if key and value not in (None, ""):
                params[key] = value

        put("text", query.text)
        if query.bbox:
            put("bbox", ",".join(repr(float(v)) for v in query.bbox))
        if self.param("time") and (query.start or query.end):
            put("time", f"{query.start}/{query.end}")
        else:
            put("start", query.start)
            put("end", query.end)
        put("collection", query.collection)
        if query.max_cloud_cover is not None:
            put("cloud", f"[0,{query.max_cloud_cover}]")
        put("count", self.page_size(query))
        index_base = int(self.options.get("index_base", 1))
        put("index", index_base)
        return self._get(params, {"index": index_base})

    def _get(self, params, state):
        split = urlsplit(self.endpoint)
        merged = dict(parse_qsl(split.query))
        merged.update({k: str(v) for k, v in params.items()})
        url = urlunsplit((split.scheme, split.netloc, split.path, urlencode(merged), ""))
        return HttpRequest("GET", url, {}, None, {"params": merged, **state})

    def parse_page(self, body, query, request, limit=None):
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "OpenSearch answer of {source}"), source=self.source)
        limit = query.max_records if limit is None else limit
        if self.EXPECTED == "json":
            records, matched, next_href = parse_json_feed(body, what, self.source, limit)
        else:
            records, matched, next_href = read_atom(body, what, self.source, limit)
        if next_href:
            return SearchPage(records, matched, HttpRequest("GET", next_href))
        # no next link: advance the start index ourselves
        params = request.state.get("params")
        index_key = self.param("index")
        if not params or not index_key or not records or len(records) < self.page_size(query):
            return SearchPage(records, matched, None)
        step = 1 if self.options.get("page_index") else len(records)
        index = int(request.state.get("index", 1)) + step
        if self.options.get("page_index"):
            seen = (index - 1) * len(records)
        else:
            seen = index - int(self.options.get("index_base", 1))
        if matched is not None and seen >= matched:
            return SearchPage(records, matched, None)
        return SearchPage(records, matched, self._get({**params, index_key: index}, {"index": index}))


def _eo(entry, name):
    """Text of the child ``name`` of any EO namespace (servers use several URIs for it)."""
    for child in entry:
        if isinstance(child.tag, str) and child.tag.endswith("}" + name) and "eo" in child.tag.lower():
            return as_text((child.text or "").strip())
    return ""


def _text(element, path):
    found = element.find(path)
    return as_text((found.text or "").strip()) if found is not None and found.text else ""


def read_atom(body, what, source="", limit=None):
    """(records, totalResults, next href) of an OpenSearch Atom feed, read element by
    element (``safe.closed_items``): each entry becomes a record (the first ``limit``) and
    is dropped, so memory follows one entry, not the feed."""
    records, matched, next_href = [], None, ""

    def check_root(depth, element):
        if depth == 1 and element.tag != f"{ATOM}feed":
            raise not_a_feed(parse_xml(body, what), source)  # with the document's text

    for _, element in closed_items(iter_xml(body, what), 1, what, check_root):
        if element.tag == f"{ATOM}entry":
            if limit is None or len(records) < limit:
                records.append(atom_entry(element, source))
        elif element.tag == f"{OS}totalResults":
            matched = as_count(element.text)
        elif element.tag == f"{ATOM}link" and element.get("rel") == "next":
            next_href = get_url(element.attrib, "href") or next_href
    return records, matched, next_href


def not_a_feed(root, source=""):
    """The CatalogError for a document whose root is not an Atom feed, with its text."""
    local = root.tag.split("}")[-1] if isinstance(root.tag, str) else "?"
    texts = " ".join(t.strip() for t in root.itertext() if t.strip())[:300]
    return CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} is not an Atom feed (root "
                                          "{local!r}). {texts}"), source=source, local=local, texts=texts)


def atom_entry(entry, source=""):
    """One Atom entry (OpenSearch EO/Geo/Time, pycsw, resto) as a Record."""
    links = []
    quicklook = ""
    for link in islice(entry.iterfind(f"{ATOM}link"), MAX_ITEMS):
        href = link.get("href") or ""
        if not href or len(href) > MAX_URL:
            continue
        rel = link.get("rel") or "alternate"
        kind = link.get("type") or ""
        protocol = kind if kind and "/" not in kind else ""  # pycsw puts the protocol in type
        title = link.get("title") or ""
        links.append(Link(href, rel, "" if protocol else kind, "" if title == "None" else title, protocol=protocol))
        if rel in ("icon", "thumbnail", "preview") and not quicklook:
            quicklook = href
    for content in entry.iter(f"{MEDIA}content"):
        if content.get("url") and len(content.get("url")) <= MAX_URL and not quicklook:
            quicklook = content.get("url")
    bbox = _georss_box(entry)
    identifier = _text(entry, f"{DC}identifier") or _text(entry, f"{ATOM}id")
    date = _text(entry, f"{DC}date")
    start, end = date.split("/", 1) if "/" in date else (date, date)
    return bounded_record(Record(
        id=identifier,
        title=_text(entry, f"{ATOM}title"),
        abstract=_text(entry, f"{ATOM}summary") or _text(entry, f"{ATOM}content") or _text(entry, f"{DCT}abstract"),
        collection=_eo(entry, "parentIdentifier"),
        start=start or _text(entry, f"{ATOM}updated"),
        end=end or _text(entry, f"{ATOM}updated"),
        cloud_cover=as_float(_eo(entry, "cloudCover")),
        platform=_eo(entry, "platform"),
        instrument=_eo(entry, "instrument"),
        keywords=[as_text(c.get("term")) for c in islice(entry.iterfind(f"{ATOM}category"), MAX_ITEMS)
                  if c.get("term")],
        bbox=bbox,
        quicklook=quicklook,
        links=links,
        source=source,
    ))


def _georss_box(entry):
    """(w, s, e, n) from georss:box ("s w n e") or gml envelope / georss:polygon, else None."""
    text = _text(entry, f"{GEORSS}box")
    if not text:
        where = entry.find(f"{GEORSS}where")
        if where is not None:
            lower = where.find(f".//{GML}lowerCorner")
            upper = where.find(f".//{GML}upperCorner")
            if lower is not None and upper is not None:
                text = f"{lower.text or ''} {upper.text or ''}"
    if not text:
        poly = _text(entry, f"{GEORSS}polygon")
        numbers = [as_float(v) for v in poly.split()]
        if len(numbers) >= 6 and len(numbers) % 2 == 0 and None not in numbers:
            lats, lons = numbers[0::2], numbers[1::2]
            return (min(lons), min(lats), max(lons), max(lats))
        return None
    numbers = [as_float(v) for v in text.split()]
    if len(numbers) != 4 or None in numbers:
        return None
    s, w, n, e = numbers  # georss and GML EPSG:4326 are latitude first
    return (w, s, e, n)


def parse_json_feed(body, what, source="", limit=None):
    """(records, matched, next href) of an OpenSearch GeoJSON answer (resto style)."""
    from .stac import feature_record, read_features

    def record(feature):
        rec = feature_record(feature, source)
        props = get_dict(feature, "properties")
        rec.start = rec.start or get_str(props, "startDate")
        rec.end = rec.end or get_str(props, "completionDate")
        rec.collection = rec.collection or get_str(props, "collection")
        rec.quicklook = rec.quicklook or first_str(props, "quicklook", "thumbnail")
        return rec

    data, records = read_features(body, what, source, record, limit)
    props = get_dict(data, "properties")
    matched = next((n for n in (get_count(props, "totalResults"), get_count(data, "totalResults"),
                                get_count(data, "numberMatched")) if n is not None), None)
    next_href = ""
    links = get_list(props, "links") if isinstance(props.get("links"), list) else get_list(data, "links")
    for link in links:
        if isinstance(link, dict) and link.get("rel") == "next" and get_url(link, "href"):
            next_href = get_url(link, "href")
    return records, matched, next_href
