"""CSW 2.0.2 GetRecords (POST XML), ISO 19139 and Dublin Core answers, read with OWSLib.

Filters are built with OWSLib's ``fes`` module; answers are checked by defusedxml
(no DTD, no entities) before lxml (entities and network off) hands them to OWSLib's
``CswRecord`` and ``MD_Metadata`` readers.
"""
from .backend import Backend, HttpRequest
from .errors import CatalogError
from .model import Link, Record, SearchPage
from .safe import as_float, parse_xml_lxml

NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "gmd": "http://www.isotc211.org/2005/gmd",
    "ows": "http://www.opengis.net/ows",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SCHEMAS = {
    "iso": ("http://www.isotc211.org/2005/gmd", "gmd:MD_Metadata"),
    "dc": ("http://www.opengis.net/cat/csw/2.0.2", "csw:Record"),
}


def _xml_text(value):
    from xml.sax.saxutils import escape

    return escape(str(value), {'"': "&quot;"})


class CswBackend(Backend):
    """CSW 2.0.2 catalogue (GeoNetwork, pycsw). Option ``schema``: "iso" (default) or "dc";
    ``temporal``: "extent" (ISO temporal extent overlap, default) or "date" (dc:date)."""

    PROTOCOL = "CSW"
    EXPECTED = "xml"
    MAX_PAGE_SIZE = 100

    def schema(self):
        schema = self.options.get("schema", "iso")
        if schema not in SCHEMAS:
            raise CatalogError(f"Unknown CSW output schema {schema!r}: use 'iso' or 'dc'.")
        return schema

    def constraints(self, query):
        from owslib import fes

        parts = []
        if query.bbox:
            w, s, e, n = query.bbox
            # EPSG:4326 in URN form is latitude first for every CSW server
            parts.append(fes.BBox([s, w, n, e], crs="urn:ogc:def:crs:EPSG::4326"))
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
        from owslib import fes
        from owslib.etree import etree

        schema_uri, _ = SCHEMAS[self.schema()]
        parts = self.constraints(query)
        constraint = ""
        if parts:
            expression = parts[0] if len(parts) == 1 else fes.And(parts)
            filter_xml = etree.tostring(fes.FilterRequest().setConstraint(expression), encoding="unicode")
            constraint = f'<csw:Constraint version="1.1.0">{filter_xml}</csw:Constraint>'
        sort = ""
        if query.sortby:
            order = "DESC" if query.sortby.startswith("-") else "ASC"
            sort = (f'<ogc:SortBy xmlns:ogc="http://www.opengis.net/ogc"><ogc:SortProperty>'
                    f'<ogc:PropertyName>{_xml_text(query.sortby.lstrip("+-"))}</ogc:PropertyName>'
                    f'<ogc:SortOrder>{order}</ogc:SortOrder></ogc:SortProperty></ogc:SortBy>')
        type_names = "gmd:MD_Metadata" if self.schema() == "iso" else "csw:Record"
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" '
            'xmlns:gmd="http://www.isotc211.org/2005/gmd" service="CSW" version="2.0.2" '
            f'resultType="results" startPosition="{int(start_position)}" maxRecords="{self.page_size(query)}" '
            f'outputSchema="{schema_uri}" outputFormat="application/xml">'
            f'<csw:Query typeNames="{type_names}"><csw:ElementSetName>full</csw:ElementSetName>'
            f'{constraint}{sort}</csw:Query></csw:GetRecords>'
        ).encode()

    def first_request(self, query):
        return self._request(query, 1)

    def _request(self, query, start_position):
        return HttpRequest("POST", self.endpoint, {"Content-Type": "application/xml"},
                           self.request_xml(query, start_position), {"start": start_position})

    def parse_page(self, body, query, request):
        root = parse_xml_lxml(body, f"CSW answer of {self.source}")
        records, matched, next_record = parse_getrecords(root, self.source)
        next_request = None
        if next_record and matched is not None and 0 < next_record <= matched and records:
            next_request = self._request(query, next_record)
        return SearchPage(records, matched, next_request)


def parse_getrecords(root, source=""):
    """(records, matched, nextRecord) of a GetRecordsResponse element (lxml)."""
    local = root.tag.split("}")[-1] if isinstance(root.tag, str) else ""
    if local == "ExceptionReport":
        texts = [t.strip() for t in root.itertext() if t.strip()]
        raise CatalogError(f"The catalogue {source} refused the search: {' '.join(texts)[:300]}")
    if local != "GetRecordsResponse":
        raise CatalogError(f"The answer of {source} is not a CSW GetRecords response (root element {local!r}).")
    results = root.find("csw:SearchResults", NS)
    if results is None:
        raise CatalogError(f"The CSW answer of {source} has no SearchResults.")
    matched = _int_attr(results, "numberOfRecordsMatched")
    next_record = _int_attr(results, "nextRecord")
    records = []
    for element in results:
        if not isinstance(element.tag, str):
            continue
        name = element.tag.split("}")[-1]
        try:
            if name == "MD_Metadata":
                records.append(iso_record(element, source))
            elif name in ("Record", "SummaryRecord", "BriefRecord"):
                records.append(dc_record(element, source))
        except CatalogError:
            raise
        except Exception as exc:  # noqa: BLE001 - OWSLib raises anything on odd records
            raise CatalogError(f"A record of {source} could not be read ({type(exc).__name__}: {exc}).") from exc
    return records, matched, next_record


def _int_attr(element, name):
    try:
        return int(element.get(name))
    except (TypeError, ValueError):
        return None


def _bbox(minx, miny, maxx, maxy):
    values = [as_float(v) for v in (minx, miny, maxx, maxy)]
    if any(v is None for v in values):
        return None
    return tuple(values)


def iso_record(element, source=""):
    """An ISO 19139 gmd:MD_Metadata element as a Record (through OWSLib)."""
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
    """A Dublin Core csw:Record element as a Record (through OWSLib)."""
    from owslib.catalogue.csw2 import CswRecord

    rec = CswRecord(element)
    bbox = None
    if rec.bbox is not None:
        bbox = _bbox(rec.bbox.minx, rec.bbox.miny, rec.bbox.maxx, rec.bbox.maxy)
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
