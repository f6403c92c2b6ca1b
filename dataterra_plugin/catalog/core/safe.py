"""Safe reading of untrusted catalogue answers: XML without DTDs or entities, streamed
when large, and typed access to decoded JSON values (JSON pages are read by jsonpage)."""
import math

from .errors import CatalogError
from ....rasterblocks.errors import QT_TRANSLATE_NOOP
from ....rasterblocks.untrusted import iter_untrusted_xml, parse_untrusted_xml


def parse_xml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Parse ``body`` as XML with DTDs, entities and external references refused.

    Returns the root element (xml.etree). XXE and entity expansion ("billion laughs")
    documents are refused with :class:`CatalogError`.
    """
    return parse_untrusted_xml(body, CatalogError, *XML_MESSAGES, what=what)


def iter_xml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer"), events=("start", "end")):
    """``(event, element)`` of ``body`` parsed incrementally (xml.etree ``iterparse``), with
    the refusals and messages of :func:`parse_xml`: the caller may drop each element once
    read, so that memory follows the largest element, not the document."""
    yield from iter_untrusted_xml(body, CatalogError, *XML_MESSAGES, events, what=what)


MAX_ITEM_ELEMENTS = 20000  # elements of one Atom entry or CSW record (real ones have tens to hundreds)


def closed_items(events, item_depth, what, on_start=None):
    """``(parent, element)`` for each element closed ``item_depth`` levels under the root
    (1: the root's children) in streamed ``(event, element)`` pairs (xml.etree or lxml
    ``iterparse``), then detached from its parent, so that only one item is in memory.
    ``on_start(depth, element)`` sees every opening (depth 1: the root); an item of more
    than :data:`MAX_ITEM_ELEMENTS` elements is refused."""
    open_elements, inside = [], 0
    for event, element in events:
        if event == "start":
            open_elements.append(element)
            if on_start is not None:
                on_start(len(open_elements), element)
            if len(open_elements) > item_depth + 1:
                inside += 1
                if inside > MAX_ITEM_ELEMENTS:
                    raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "An entry of the {what} holds more than "
                                                         "{count} elements: refused."),
                                       what=what, count=MAX_ITEM_ELEMENTS)
            continue
        open_elements.pop()
        if 0 < len(open_elements) <= item_depth:  # an item, or an element above the items: read, dropped
            parent = open_elements[-1]
            if len(open_elements) == item_depth:
                inside = 0
                yield parent, element
            parent.remove(element)


# (refused, malformed) messages of parse_untrusted_xml
XML_MESSAGES = (QT_TRANSLATE_NOOP("DataTerraError", "The {what} declares a DTD or entities, which are refused for "
                                  "safety (XML external entity or expansion attack)."),
                QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not well-formed XML ({exc}); the answer may be "
                                  "truncated."))


def check_xml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Refuse DTDs, entities and malformed XML as :func:`parse_xml` does, in one streamed
    pass that drops every element once closed (memory follows the depth, not the size)."""
    open_elements = []
    for event, element in iter_xml(body, what):
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        if open_elements:
            open_elements[-1].remove(element)


def parse_xml_lxml(body, what=QT_TRANSLATE_NOOP("DataTerraError", "answer")):
    """Parse ``body`` into an lxml element (for OWSLib) after the defusedxml check."""
    check_xml(body, what)  # refuses DTDs and entities first
    from lxml import etree

    try:
        return etree.fromstring(body, etree.XMLParser(**LXML_OPTIONS))
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise lxml_error(exc, what) from exc


LXML_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def lxml_error(exc, what):
    return CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} is not well-formed XML ({exc})."),
                        what=what, exc=exc)


# --- typed access to decoded JSON ----------------------------------------------------
# Every value of a catalogue answer may be any JSON type at any depth: the parsers read
# them only through these accessors, which give the expected type or an empty value, and
# bound what a record keeps (text length, list lengths, footprint vertices), so that a
# record costs at most a fixed budget whatever the server sends (docs/security.md).

TEXT_DEPTH = 3  # lists/objects flattened into text: deeper levels are ignored
MAX_TEXT = 16384  # characters kept of one text field (title, abstract, dates, ...)
MAX_LABEL = 256  # characters kept of a keyword and of a link's rel, type, title, protocol, checksum
MAX_ITEMS = 100  # items kept of a list field (keywords, links and assets together)
MAX_URL = 8192  # characters of a usable link address (signed URLs are long, not this long)
MAX_VERTICES = 2000  # footprint vertices kept; a larger footprint falls back to the bbox
GEOMETRY_DEPTH = {"Point": 1, "MultiPoint": 2, "LineString": 2, "MultiLineString": 3, "Polygon": 3,
                  "MultiPolygon": 4}


def get_dict(obj, key):
    """``obj[key]`` if ``obj`` is an object holding an object there, else ``{}``."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, dict) else {}


def get_list(obj, key, what=None):
    """``obj[key]`` if it is a list, else ``[]``.

    With ``what`` (the answer's name, e.g. "answer of geodes") the list is required: a
    missing key or a value of another type raises :class:`CatalogError` saying so.
    """
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, list):
        return value
    if what is not None:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The {what} has no '{key}' list (found {found})."),
                           what=what, key=key, found=json_type(value))
    return []


def get_dicts(obj, key, limit=None):
    """The objects of the list ``obj[key]`` (other items skipped), at most ``limit``."""
    items = [item for item in get_list(obj, key) if isinstance(item, dict)]
    return items if limit is None else items[:limit]


def get_str(obj, key):
    """``obj[key]`` as text ("" when absent), see :func:`as_text`."""
    return as_text(obj.get(key) if isinstance(obj, dict) else None)


def first_str(obj, *keys):
    """The first non-empty :func:`get_str` of ``keys``."""
    for key in keys:
        text = get_str(obj, key)
        if text:
            return text
    return ""


def get_number(obj, key):
    """``obj[key]`` as a finite float, else None."""
    return as_float(obj.get(key) if isinstance(obj, dict) else None)


def get_count(obj, key):
    """``obj[key]`` if it is a non-negative JSON integer (not a boolean), else None."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def as_count(value):
    """A non-negative integer from a JSON integer or a decimal string (XML texts and
    attributes such as ``numberOfRecordsMatched``), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if 0 < len(text) <= 18 and text.isascii() and text.isdigit() else None


def get_url(obj, key):
    """``obj[key]`` if it is an http(s) address of sensible length, else ""."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, str) and len(value) <= MAX_URL and value.startswith(("http://", "https://")):
        return value
    return ""


def get_href(obj, key="href"):
    """``obj[key]`` if it is a non-empty string of sensible length (relative or not), else ""."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= MAX_URL else ""


JSON_TYPES = {"absent": QT_TRANSLATE_NOOP("DataTerraError", "nothing"),
              "null": QT_TRANSLATE_NOOP("DataTerraError", "null"),
              "boolean": QT_TRANSLATE_NOOP("DataTerraError", "a boolean"),
              "number": QT_TRANSLATE_NOOP("DataTerraError", "a number"),
              "string": QT_TRANSLATE_NOOP("DataTerraError", "a string"),
              "list": QT_TRANSLATE_NOOP("DataTerraError", "a list"),
              "object": QT_TRANSLATE_NOOP("DataTerraError", "an object")}


def json_type(value):
    """The JSON name of a decoded value's type, for messages (translated with them)."""
    if value is None:
        return JSON_TYPES["null"]
    if isinstance(value, bool):
        return JSON_TYPES["boolean"]
    if isinstance(value, (int, float)):
        return JSON_TYPES["number"]
    if isinstance(value, str):
        return JSON_TYPES["string"]
    return JSON_TYPES["list"] if isinstance(value, list) else JSON_TYPES["object"]


def as_text(value, depth=TEXT_DEPTH):
    """A string for any JSON value: scalars as text, lists joined with ", ", objects by
    their name, title or href; nesting deeper than ``depth`` is ignored and the result is
    cut to :data:`MAX_TEXT` characters."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value[:MAX_TEXT]
    if isinstance(value, (list, tuple)):
        if depth <= 0:
            return ""
        parts = (as_text(v, depth - 1) for v in value[:MAX_ITEMS])
        return ", ".join(p for p in parts if p)[:MAX_TEXT]
    if isinstance(value, dict):
        if depth <= 0:
            return ""
        return as_text(value.get("name") or value.get("title") or value.get("href") or "", depth - 1)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else ""
    if isinstance(value, int):
        return str(value) if abs(value) < 10 ** 30 else ""
    return ""


def text_list(value, limit=MAX_ITEMS):
    """The non-empty texts of the scalar items of a JSON list (keywords), at most ``limit``."""
    if not isinstance(value, list):
        return []
    texts = [as_text(v) for v in value if not isinstance(v, (dict, list))]
    return [t for t in texts if t][:limit]


def as_float(value):
    """A finite float from a number or numeric string, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, str) and len(value) > 64:
        return None
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return result if math.isfinite(result) else None


def as_bbox(value):
    """(w, s, e, n) floats from a 4- or 6-number list, or None."""
    if not isinstance(value, (list, tuple)) or len(value) not in (4, 6):
        return None
    numbers = [as_float(v) for v in value]
    if any(v is None for v in numbers):
        return None
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    return tuple(numbers)


def as_geometry(value):
    """A clean GeoJSON geometry (type and float coordinates only) if ``value`` is a valid
    one with at most :data:`MAX_VERTICES` vertices, else None."""
    if not isinstance(value, dict):
        return None
    kind = get_str(value, "type")
    if kind == "GeometryCollection":
        parts = [as_geometry(g) for g in get_list(value, "geometries")[:MAX_ITEMS]
                 if get_str(g, "type") in GEOMETRY_DEPTH]
        parts = [p for p in parts if p]
        if not parts or sum(_vertex_count(p["coordinates"], GEOMETRY_DEPTH[p["type"]]) for p in parts) > MAX_VERTICES:
            return None
        return {"type": kind, "geometries": parts}
    if kind not in GEOMETRY_DEPTH:
        return None
    budget = [MAX_VERTICES]
    coordinates = _coordinates(value.get("coordinates"), GEOMETRY_DEPTH[kind], budget)
    if coordinates is None or coordinates == []:
        return None
    return {"type": kind, "coordinates": coordinates}


def _coordinates(value, depth, budget):
    """Coordinates nested exactly ``depth`` lists deep, as floats; None if malformed or
    when more than ``budget[0]`` vertices."""
    if not isinstance(value, list):
        return None
    if depth == 1:
        numbers = [as_float(v) for v in value[:3]]
        if len(numbers) < 2 or None in numbers or isinstance(value[0], str) or isinstance(value[1], str):
            return None
        budget[0] -= 1
        return numbers if budget[0] >= 0 else None
    parts = []
    for item in value:
        part = _coordinates(item, depth - 1, budget)
        if part is None:
            return None
        parts.append(part)
    return parts


def _vertex_count(coordinates, depth):
    return 1 if depth == 1 else sum(_vertex_count(c, depth - 1) for c in coordinates)


def bounded_record(record):
    """``record`` cut to the per-record budget: texts to :data:`MAX_TEXT` characters,
    keywords and links to :data:`MAX_ITEMS` items, labels to :data:`MAX_LABEL`, link
    addresses to :data:`MAX_URL` (longer ones dropped). Every parser ends with it, so
    that a kept record costs a bounded amount of memory whatever the server sent."""
    for name, value in vars(record).items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            setattr(record, name, value[:MAX_TEXT])
    record.keywords = [as_text(k)[:MAX_LABEL] for k in record.keywords[:MAX_ITEMS]]
    record.links = [link for link in record.links if 0 < len(link.href) <= MAX_URL][:MAX_ITEMS]
    for link in record.links:
        for name in ("rel", "type", "title", "protocol", "checksum"):
            setattr(link, name, as_text(getattr(link, name))[:MAX_LABEL])
    if len(record.quicklook) > MAX_URL:
        record.quicklook = ""
    return record
