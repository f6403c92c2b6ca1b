"""CSW 2.0.2 and 3.0 GetRecords (POST XML), ISO 19139 and Dublin Core answers, read with OWSLib.

Filters are built with OWSLib's ``fes`` (Filter Encoding 1.1, CSW 2.0.2) and ``fes2``
(Filter Encoding 2.0, CSW 3.0) modules; answers are checked by defusedxml (no DTD, no
entities) before lxml (entities and network off) hands them to OWSLib's ``CswRecord`` /
``Csw30Record`` and ``MD_Metadata`` readers. CSW 3.0 (OGC 12-176r7) keeps the queryables
of 2.0.2 (``apiso:*``, ``csw:AnyText``) and changes the namespaces, the filter encoding
(``fes:ValueReference`` instead of ``ogc:PropertyName``) and the Dublin Core record
(``csw30:Record``).
"""
import io
import warnings

from .backend import Backend, HttpRequest
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .safe import (
    LXML_OPTIONS, as_count, as_float, bounded_record, check_xml, closed_items, lxml_error, parse_xml_lxml,
)
from ....rasterblocks.errors import Message, QT_TRANSLATE_NOOP

CSW30 = "http://www.opengis.net/cat/csw/3.0"
VERSIONS = ("2.0.2", "3.0.0")
NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "csw30": CSW30,
    "gmd": "http://www.isotc211.org/2005/gmd",
    "ows": "http://www.opengis.net/ows",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SCHEMAS = {
    "iso": ("http://www.isotc211.org/2005/gmd", "gmd:MD_Metadata"),
    "dc": ("http://www.opengis.net/cat/csw/2.0.2", "csw:Record"),
}


class _Fes20BBox:
    """fes:BBOX of Filter Encoding 2.0 with a GML 3.2 envelope (the schema CSW 3.0 servers
    validate against; OWSLib's fes2.BBox writes a GML 3.1 envelope, which pycsw refuses)."""

    def __init__(self, bbox, crs):
        self.bbox, self.crs = bbox, crs

    def toXML(self):  # noqa: N802 - OWSLib's expression interface
        from owslib.etree import etree

        fes, gml = "{http://www.opengis.net/fes/2.0}", "{http://www.opengis.net/gml/3.2}"
        element = etree.Element(fes + "BBOX")
        etree.SubElement(element, fes + "ValueReference").text = "ows:BoundingBox"
        envelope = etree.SubElement(element, gml + "Envelope", srsName=self.crs)
        etree.SubElement(envelope, gml + "lowerCorner").text = f"{self.bbox[0]} {self.bbox[1]}"
        etree.SubElement(envelope, gml + "upperCorner").text = f"{self.bbox[2]} {self.bbox[3]}"
        return element


def _xml_text(value):
    from xml.sax.saxutils import escape

    return escape(str(value), {'"': "&quot;"})


class CswBackend(Backend):
    """CSW catalogue (GeoNetwork, pycsw). Options: ``version`` "2.0.2" (default) or "3.0.0";
    ``schema``: "iso" (default) or "dc"; ``temporal``: "extent" (ISO temporal extent
    overlap, default) or "date" (dc:date); ``method`` (CSW 3.0): "post" (XML GetRecords,
    Filter Encoding 2.0, default) or "get" (the KVP binding every CSW 3.0 server must
    offer, with the filter in CONSTRAINT). pycsw 2.x validates CSW 3.0 POST requests
    against a schema that lacks GML, so a spatial filter can only reach it with "get",
    where it reads Filter Encoding 1.1: "get" sends that."""

    PROTOCOL = "CSW"
    EXPECTED = "xml"
    MAX_PAGE_SIZE = 100

    def schema(self):
        schema = self.options.get("schema", "iso")
        if schema not in SCHEMAS:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown CSW output schema {schema!r}: use 'iso' "
                                                 "or 'dc'."), schema=schema)
        return schema

    def version(self):
        version = str(self.options.get("version", "2.0.2"))
        if version in ("3.0", "3"):
            version = "3.0.0"
        if version not in VERSIONS:
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown CSW version {version!r}: use '2.0.2' or "
                                                 "'3.0.0'."), version=version)
        return version

    def kvp(self):
        method = str(self.options.get("method", "post")).lower()
        if method not in ("post", "get"):
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown CSW request method {method!r}: use "
                                                 "'post' or 'get'."), method=method)
        return self.version() == "3.0.0" and method == "get"

    def constraints(self, query):
        if self.version() == "3.0.0" and not self.kvp():
            from owslib import fes2 as fes
        else:
            from owslib import fes

        parts = []
        if query.bbox:
            w, s, e, n = query.bbox
            # EPSG:4326 in URN form is latitude first for every CSW server
            box = _Fes20BBox if self.version() == "3.0.0" and not self.kvp() else fes.BBox
            parts.append(box([s, w, n, e], crs="urn:ogc:def:crs:EPSG::4326"))
        for word in query.text.split():
            parts.append(fes.PropertyIsLike("csw:AnyText", f"%{word}%"))
        if query.collection:
            parts.append(fes.PropertyIsEqualTo("apiso:ParentIdentifier", query.collection))
        temporal = self.options.get("temporal", "extent")
        if query.start:
            name = "apiso:TempExtent_end" if temporal == "extent" else "dc:date"
            parts.append(fes.PropertyIsGreaterThanOrEqualTo(name, query.start))
        if query.end:
            name = "apiso:TempExtent_begin" if temporal == "extent" else "dc:date"
            end = query.end if "T" in query.end else query.end + "T23:59:59Z"
            parts.append(fes.PropertyIsLessThanOrEqualTo(name, end))
        return parts

    def request_xml(self, query, start_position):
        from owslib.etree import etree

        csw3 = self.version() == "3.0.0"
        if csw3:
            from owslib import fes2 as fes
        else:
            from owslib import fes
        schema_uri, _ = SCHEMAS[self.schema()]
        if csw3 and self.schema() == "dc":
            schema_uri = CSW30
        prefix, namespace = ("csw30", CSW30) if csw3 else ("csw", NS["csw"])
        parts = self.constraints(query)
        constraint = ""
        if parts:
            expression = parts[0] if len(parts) == 1 else fes.And(parts)
            filter_xml = etree.tostring(fes.FilterRequest().setConstraint(expression), encoding="unicode")
            constraint = (f'<{prefix}:Constraint version="{"2.0.0" if csw3 else "1.1.0"}">'
                          f'{filter_xml}</{prefix}:Constraint>')
        sort = self.sort_xml(query, csw3)
        type_names = "gmd:MD_Metadata" if self.schema() == "iso" else f"{prefix}:Record"
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<{prefix}:GetRecords xmlns:{prefix}="{namespace}" '
            f'xmlns:gmd="http://www.isotc211.org/2005/gmd" service="CSW" version="{self.version()}" '
            f'{"" if csw3 else "resultType=" + chr(34) + "results" + chr(34) + " "}'  # 3.0 dropped resultType
            f'startPosition="{int(start_position)}" maxRecords="{self.page_size(query)}" '
            f'outputSchema="{schema_uri}" outputFormat="application/xml">'
            f'<{prefix}:Query typeNames="{type_names}"><{prefix}:ElementSetName>full</{prefix}:ElementSetName>'
            f'{constraint}{sort}</{prefix}:Query></{prefix}:GetRecords>'
        ).encode()

    @staticmethod
    def sort_xml(query, csw3):
        if not query.sortby:
            return ""
        order = "DESC" if query.sortby.startswith("-") else "ASC"
        name = _xml_text(query.sortby.lstrip("+-"))
        if csw3:  # Filter Encoding 2.0
            return (f'<fes:SortBy xmlns:fes="http://www.opengis.net/fes/2.0"><fes:SortProperty>'
                    f'<fes:ValueReference>{name}</fes:ValueReference>'
                    f'<fes:SortOrder>{order}</fes:SortOrder></fes:SortProperty></fes:SortBy>')
        return (f'<ogc:SortBy xmlns:ogc="http://www.opengis.net/ogc"><ogc:SortProperty>'
                f'<ogc:PropertyName>{name}</ogc:PropertyName>'
                f'<ogc:SortOrder>{order}</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>')

    def first_request(self, query):
        return self._request(query, 1)

    def _request(self, query, start_position):
        if self.kvp():
            return HttpRequest("GET", self.kvp_url(query, start_position), {}, None, {"start": start_position})
        return HttpRequest("POST", self.endpoint, {"Content-Type": "application/xml"},
                           self.request_xml(query, start_position), {"start": start_position})

    def kvp_url(self, query, start_position):
        """GetRecords in the CSW 3.0 KVP binding (OGC 12-176r7, GET), Filter Encoding 1.1 constraint."""
        from urllib.parse import urlencode

        from owslib import fes
        from owslib.etree import etree

        schema_uri = CSW30 if self.schema() == "dc" else SCHEMAS["iso"][0]
        params = {"service": "CSW", "version": "3.0.0", "request": "GetRecords",
                  "typeNames": "csw30:Record" if self.schema() == "dc" else "gmd:MD_Metadata",
                  "namespace": f"xmlns(csw30={CSW30}),xmlns(gmd={SCHEMAS['iso'][0]})",
                  "elementSetName": "full", "outputSchema": schema_uri, "outputFormat": "application/xml",
                  "startPosition": int(start_position), "maxRecords": self.page_size(query)}
        parts = self.constraints(query)
        if parts:
            expression = parts[0] if len(parts) == 1 else fes.And(parts)
            params.update(constraintLanguage="FILTER", constraint_language_version="1.1.0",
                          constraint=etree.tostring(fes.FilterRequest().setConstraint(expression), encoding="unicode"))
        if query.sortby:
            params["sortBy"] = query.sortby.lstrip("+-") + (":D" if query.sortby.startswith("-") else ":A")
        separator = "&" if "?" in self.endpoint else "?"
        return self.endpoint + separator + urlencode(params)

    def parse_page(self, body, query, request, limit=None):
        what = Message(QT_TRANSLATE_NOOP("DataTerraError", "CSW answer of {source}"), source=self.source)
        records, matched, next_record = read_getrecords(body, what, self.source,
                                                        query.max_records if limit is None else limit)
        next_request = None
        if next_record and matched is not None and 0 < next_record <= matched and records:
            next_request = self._request(query, next_record)
        return SearchPage(records, matched, next_request)


def parse_getrecords(root, source="", limit=None):
    """(records, matched, nextRecord) of a GetRecordsResponse element (lxml); at most
    ``limit`` records are read."""
    local = root.tag.split("}")[-1] if isinstance(root.tag, str) else ""
    if local == "ExceptionReport":
        texts = [t.strip() for t in root.itertext() if t.strip()]
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The catalogue {source} refused the search: {texts}"),
            source=source,
            texts=' '.join(texts)[:300])
    if local != "GetRecordsResponse":
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The answer of {source} is not a CSW GetRecords "
                                             "response (root element {local!r})."), source=source, local=local)
    results = root.find("csw:SearchResults", NS)
    if results is None:
        results = root.find("csw30:SearchResults", NS)
    if results is None:
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "The CSW answer of {source} has no SearchResults."),
            source=source)
    matched = as_count(results.get("numberOfRecordsMatched"))
    next_record = as_count(results.get("nextRecord"))
    records = []
    for element in results:
        if limit is None or len(records) < limit:
            record = element_record(element, source)
            if record is not None:
                records.append(record)
    return records, matched, next_record


def read_getrecords(body, what, source="", limit=None):
    """(records, matched, nextRecord) of a GetRecordsResponse read record by record (lxml
    ``iterparse`` through ``safe.closed_items``): the first ``limit`` records are converted,
    every record element is dropped once read, so memory follows one record, not the page.
    Other documents (exception reports) are parsed whole by :func:`parse_getrecords` for
    their message."""
    from lxml import etree

    check_xml(body, what)
    records, totals = [], {}

    def read_start(depth, element):
        if depth == 1 and _local(element) != "GetRecordsResponse":
            parse_getrecords(parse_xml_lxml(body, what), source, limit)  # raises, saying what it is instead
        if depth == 2 and _local(element) == "SearchResults":
            totals.update(matched=as_count(element.get("numberOfRecordsMatched")),
                          next=as_count(element.get("nextRecord")))

    events = etree.iterparse(io.BytesIO(bytes(body)), events=("start", "end"), **LXML_OPTIONS)
    try:
        for parent, element in closed_items(events, 2, what, read_start):
            if _local(parent) == "SearchResults" and (limit is None or len(records) < limit):
                record = element_record(element, source)
                if record is not None:
                    records.append(record)
    except etree.XMLSyntaxError as exc:
        raise lxml_error(exc, what) from exc
    if not totals:
        return parse_getrecords(parse_xml_lxml(body, what), source, limit)  # says what is missing
    return records, totals["matched"], totals["next"]


def _local(element):
    return element.tag.split("}")[-1] if isinstance(element.tag, str) else ""


def element_record(element, source=""):
    """The Record of one ISO or Dublin Core element of a GetRecords answer, None for others."""
    name = _local(element)
    try:
        if name == "MD_Metadata":
            return bounded_record(iso_record(element, source))
        if name in ("Record", "SummaryRecord", "BriefRecord"):
            return bounded_record(dc_record(element, source))
    except CatalogError:
        raise
    except Exception as exc:  # noqa: BLE001 - OWSLib raises anything on odd records
        raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "A record of {source} could not be read ({name}: "
                                             "{exc})."), source=source, name=type(exc).__name__, exc=exc) from exc
    return None


def _bbox(minx, miny, maxx, maxy):
    values = [as_float(v) for v in (minx, miny, maxx, maxy)]
    if any(v is None for v in values):
        return None
    return tuple(values)


def iso_record(element, source=""):
    """An ISO 19139 gmd:MD_Metadata element as a Record (through OWSLib)."""
    # OWSLib warns (FutureWarning, with a traceback in the QGIS log) on each record about
    # properties it will merge one day: nothing a user can act on
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=FutureWarning, module=r"owslib\.")
        return _iso_record(element, source)


def _iso_record(element, source):
    from owslib.iso import MD_Metadata

    md = MD_Metadata(element)
    ident = md.identification
    bbox = None
    if ident is not None and ident.bbox is not None:
        b = ident.bbox
        bbox = _bbox(b.minx, b.miny, b.maxx, b.maxy)
    links = []
    if md.distribution is not None:
        for online in md.distribution.online or []:
            if online.url:
                links.append(Link(online.url, online.function or "", "", online.name or online.description or "",
                                  protocol=online.protocol or ""))
    quicklook = ""
    for overview in (getattr(ident, "graphicoverview", None) or []):
        if overview:
            quicklook = overview
            break
    keywords = []
    for group in (getattr(ident, "keywords", None) or []):
        for keyword in getattr(group, "keywords", []) or []:
            name = getattr(keyword, "name", keyword)
            if name:
                keywords.append(str(name))
    contact = ""
    for c in (getattr(ident, "contact", None) or []) + (md.contact or []):
        contact = ", ".join(v for v in (c.organization, c.email) if v)
        if contact:
            break
    licence = "; ".join(str(v) for v in (getattr(ident, "uselimitation", None) or []) if v)
    return Record(
        id=md.identifier or "",
        title=(ident.title if ident is not None else "") or "",
        abstract=(ident.abstract if ident is not None else "") or "",
        collection=md.parentidentifier or "",
        start=(getattr(ident, "temporalextent_start", "") or "") if ident is not None else "",
        end=(getattr(ident, "temporalextent_end", "") or "") if ident is not None else "",
        licence=licence,
        contact=contact,
        keywords=keywords,
        bbox=bbox,
        quicklook=quicklook,
        links=links,
        source=source,
    )


def dc_record(element, source=""):
    """A Dublin Core csw:Record (CSW 2.0.2) or csw30:Record (CSW 3.0) element as a Record (through OWSLib)."""
    if element.tag.startswith("{" + CSW30 + "}"):
        from owslib.catalogue.csw3 import Csw30Record as CswRecord
    else:
        from owslib.catalogue.csw2 import CswRecord

    rec = CswRecord(element)
    box = rec.bbox
    if box is None or box.minx is None:  # CSW 3.0 records carry an OWS 2.0 box, which Csw30Record misreads
        from owslib.ows import BoundingBox

        ows20 = element.find("{http://www.opengis.net/ows/2.0}BoundingBox")
        box = BoundingBox(ows20, "http://www.opengis.net/ows/2.0") if ows20 is not None else None
    bbox = None
    if box is not None:
        bbox = _bbox(box.minx, box.miny, box.maxx, box.maxy)
    links = [Link(u["url"], "", "", u.get("name") or u.get("description") or "", protocol=u.get("protocol") or "")
             for u in rec.uris if u.get("url")]
    links += [Link(r["url"], "references", "", "", protocol=r.get("scheme") or "")
              for r in rec.references if r.get("url")]
    start = end = ""
    if rec.temporal and "/" in rec.temporal:
        start, end = (part.strip() for part in rec.temporal.split("/", 1))
    quicklook = next((link.href for link in links if "thumbnail" in (link.protocol + link.title).lower()
                      or "quicklook" in (link.protocol + link.title).lower()), "")
    return Record(
        id=rec.identifier or "",
        title=rec.title or "",
        abstract=rec.abstract or "",
        collection=rec.ispartof or "",
        start=start or rec.date or "",
        end=end or rec.date or "",
        licence=rec.license or "",
        contact=rec.creator or rec.publisher or "",
        keywords=[s for s in rec.subjects if s],
        bbox=bbox,
        quicklook=quicklook,
        links=links,
        source=source,
    )
