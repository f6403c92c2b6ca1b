"""One tree model for the capabilities of WMS, WMTS, WFS and WCS services.

WMS, WMTS and WFS documents are read with OWSLib (after the safe-XML check of
:mod:`.safexml`); WCS capabilities are read here directly, because OWSLib's WCS objects
fetch DescribeCoverage over the network when their CRS or format attributes are touched.
"""
from dataclasses import dataclass, field

from .safexml import OgcError, child, children, descendants, exception_message, local_name, parse_xml, text_of
from .wcs import epsg_code
from ....rasterblocks.errors import QT_TRANSLATE_NOOP

SERVICE_TYPES = ("WMS", "WMTS", "WFS", "WCS")

# root element local name -> service type
ROOT_SERVICE = {
    "WMT_MS_Capabilities": "WMS",
    "WMS_Capabilities": "WMS",
    "WFS_Capabilities": "WFS",
    "WCS_Capabilities": "WCS",
}


@dataclass
class Dimension:
    """A WMS/WMTS dimension (time, elevation, or custom): values as the server lists them
    (single values or ``start/end/period`` intervals)."""

    name: str
    units: str = ""
    default: str = ""
    values: list = field(default_factory=list)


@dataclass
class Style:
    name: str
    title: str = ""
    legend_url: str = ""


@dataclass
class Content:
    """A layer, feature type, coverage or tile layer. ``name`` is empty for WMS group
    layers that cannot be requested themselves; ``children`` holds nested WMS layers."""

    kind: str  # "layer", "feature_type", "coverage", "tile_layer"
    name: str
    title: str = ""
    abstract: str = ""
    crs: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    styles: list = field(default_factory=list)
    dimensions: dict = field(default_factory=dict)
    bbox_wgs84: tuple = None  # (west, south, east, north) in degrees
    tile_matrix_sets: list = field(default_factory=list)
    tile_matrix_set_crs: dict = field(default_factory=dict)  # WMTS: matrix set id -> its CRS
    children: list = field(default_factory=list)

    @property
    def legend_url(self) -> str:
        """The legend of the default (first) style, if the server offers one."""
        return next((style.legend_url for style in self.styles if style.legend_url), "")

    @property
    def time(self):
        return self.dimensions.get("time")

    @property
    def elevation(self):
        return self.dimensions.get("elevation")

    def walk(self):
        yield self
        for item in self.children:
            yield from item.walk()


@dataclass
class ServiceTree:
    service_type: str
    version: str
    title: str = ""
    abstract: str = ""
    provider: str = ""
    url: str = ""
    formats: list = field(default_factory=list)
    contents: list = field(default_factory=list)

    def walk(self):
        for item in self.contents:
            yield from item.walk()

    def find(self, name):
        """The content called ``name`` (case-sensitive), or None."""
        return next((item for item in self.walk() if item.name == name), None)

    def names(self):
        return [item.name for item in self.walk() if item.name]


def detect_service(root) -> str:
    name = local_name(root.tag)
    if name in ROOT_SERVICE:
        return ROOT_SERVICE[name]
    if name == "Capabilities":
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if "/wmts" in namespace:
            return "WMTS"
        if "/wcs" in namespace:
            return "WCS"
    return ""


def parse_capabilities(data: bytes, url: str = "") -> ServiceTree:
    """Parse a GetCapabilities document of any supported service and version."""
    root = parse_xml(data, QT_TRANSLATE_NOOP("DataTerraError", "The capabilities document"))
    found = exception_message(root)
    if found:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The service answered GetCapabilities with an error: "
                                         "{found}"), found=found[1])
    service = detect_service(root)
    version = root.get("version", "")
    if not service:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "This is not a WMS, WMTS, WFS or WCS capabilities "
                                         "document (root element {local_name!r}). Check the URL and the service type."),
            local_name=local_name(root.tag))
    parser = {"WMS": _parse_wms, "WMTS": _parse_wmts, "WFS": _parse_wfs, "WCS": _parse_wcs}[service]
    try:
        tree = parser(data, root, version, url)
    except OgcError:
        raise
    except Exception as exc:  # noqa: BLE001 - OWSLib raises many types on odd documents
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The {service} {version} capabilities could not be read "
                                         "({exc})."), service=service, version=version, exc=exc) from exc
    tree.url = tree.url or url
    return tree


def _clean(text):
    return (text or "").strip()


def _bbox(value):
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value[:4])
    except (TypeError, ValueError):
        return None
    return west, south, east, north


# ---- WMS ---------------------------------------------------------------------------------

def _parse_wms(data, root, version, url):
    from owslib.wms import WebMapService

    wms = WebMapService(url or "http://localhost/", version=version or "1.3.0", xml=data)
    ident = wms.identification
    formats = []
    for operation in wms.operations:
        if operation.name == "GetMap":
            formats = list(operation.formatOptions)
    roots = _top_layers(wms.contents.values())
    tree = ServiceTree("WMS", wms.version, _clean(ident.title), _clean(ident.abstract),
                       _clean(getattr(wms.provider, "name", "")), formats=formats)
    tree.url = _operation_url(wms, "GetMap") or url
    tree.contents = [_wms_layer(layer) for layer in roots]
    return tree


def _top_layers(layers):
    """The top of each layer's ancestry, once each, in document order (OWSLib's contents
    only lists named layers, so a nameless root layer is reached through ``parent``)."""
    tops, seen = [], set()
    for layer in layers:
        while layer.parent is not None:
            layer = layer.parent
        if id(layer) not in seen:
            seen.add(id(layer))
            tops.append(layer)
    return tops


def _operation_url(service, operation_name):
    for operation in getattr(service, "operations", []):
        if operation.name == operation_name:
            for method in operation.methods:
                if method.get("type", "").lower() == "get" and method.get("url"):
                    return method["url"]
    return ""


def _wms_dimensions(layer):
    dimensions = {}
    raw = getattr(layer, "dimensions", None) or {}
    for name, data in raw.items():
        dimensions[name.lower()] = Dimension(name.lower(), data.get("units", ""), data.get("default", ""),
                                             [v.strip() for v in (data.get("values") or []) if v.strip()])
    if "time" not in dimensions and getattr(layer, "timepositions", None):
        dimensions["time"] = Dimension("time", "ISO8601", layer.defaulttimeposition or "",
                                       [v.strip() for v in layer.timepositions if v.strip()])
    if "elevation" not in dimensions and getattr(layer, "elevations", None):
        dimensions["elevation"] = Dimension("elevation", "", "", [v.strip() for v in layer.elevations])
    return dimensions


def _wms_layer(layer):
    styles = [Style(name, _clean(data.get("title")), data.get("legend", "")) for name, data in layer.styles.items()]
    return Content(
        kind="layer", name=_clean(layer.name), title=_clean(layer.title), abstract=_clean(layer.abstract),
        crs=sorted(set(layer.crsOptions or [])), styles=styles, dimensions=_wms_dimensions(layer),
        bbox_wgs84=_bbox(layer.boundingBoxWGS84), children=[_wms_layer(sub) for sub in layer.layers])


# ---- WMTS --------------------------------------------------------------------------------

def _parse_wmts(data, root, version, url):
    from owslib.wmts import WebMapTileService

    wmts = WebMapTileService(url or "http://localhost/", version=version or "1.0.0", xml=data)
    ident = wmts.identification
    tree = ServiceTree("WMTS", version or "1.0.0", _clean(ident.title), _clean(ident.abstract),
                       _clean(getattr(wmts.provider, "name", "")))
    # EPSG:2154 rather than urn:ogc:def:crs:EPSG::2154, as for WMS layers
    matrix_crs = {name: epsg_code(tms.crs) for name, tms in wmts.tilematrixsets.items() if tms.crs}
    # OWSLib does not keep WMTS dimensions: read them from the document itself
    raw_dimensions = {}
    for layer_element in descendants(root, "Layer"):
        identifier = text_of(layer_element, "Identifier")
        raw_dimensions[identifier] = {
            text_of(dim, "Identifier").lower(): Dimension(
                text_of(dim, "Identifier").lower(), text_of(dim, "UOM"), text_of(dim, "Default"),
                [(v.text or "").strip() for v in children(dim, "Value") if v.text])
            for dim in children(layer_element, "Dimension")}
    for layer in wmts.contents.values():
        sets = list(layer.tilematrixsetlinks)
        styles = [Style(name, _clean(data.get("title")), data.get("legend", "")) for name, data in layer.styles.items()]
        tree.contents.append(Content(
            kind="tile_layer", name=layer.id, title=_clean(layer.title), abstract=_clean(layer.abstract),
            crs=sorted({matrix_crs[s] for s in sets if s in matrix_crs and matrix_crs[s]}),
            formats=list(layer.formats), styles=styles, dimensions=raw_dimensions.get(layer.id, {}),
            bbox_wgs84=_bbox(layer.boundingBoxWGS84), tile_matrix_sets=sets,
            tile_matrix_set_crs={s: matrix_crs[s] for s in sets if s in matrix_crs}))
    return tree


# ---- WFS ---------------------------------------------------------------------------------

def _parse_wfs(data, root, version, url):
    from owslib.wfs import WebFeatureService

    wfs = WebFeatureService(url or "http://localhost/", version=version or "1.1.0", xml=data)
    ident = wfs.identification
    tree = ServiceTree("WFS", version, _clean(ident.title), _clean(ident.abstract),
                       _clean(getattr(getattr(wfs, "provider", None), "name", "")))
    tree.url = _operation_url(wfs, "GetFeature") or url
    formats = []
    for operation in wfs.operations:
        if operation.name == "GetFeature":
            parameters = getattr(operation, "parameters", None) or {}
            formats = list(parameters.get("outputFormat", {}).get("values", []) or
                           getattr(operation, "formatOptions", None) or [])
    tree.formats = formats
    for name, feature_type in wfs.contents.items():
        crs = [c.getcode() if hasattr(c, "getcode") else str(c) for c in (feature_type.crsOptions or [])]
        tree.contents.append(Content(
            kind="feature_type", name=name, title=_clean(feature_type.title),
            abstract=_clean(feature_type.abstract), crs=crs,
            formats=list(getattr(feature_type, "outputFormats", []) or []),
            bbox_wgs84=_bbox(feature_type.boundingBoxWGS84)))
    return tree


# ---- WCS ---------------------------------------------------------------------------------

def _parse_wcs(data, root, version, url):
    if version.startswith("1.0"):
        return _parse_wcs100(root, version, url)
    return _parse_wcs_ows(root, version, url)


def _parse_wcs100(root, version, url):
    service = child(root, "Service")
    tree = ServiceTree("WCS", version, text_of(service, "label"), text_of(service, "description"),
                       text_of(child(service, "responsibleParty") if service is not None else None,
                               "organisationName"))
    for op in descendants(root, "GetCoverage"):
        for resource in descendants(op, "OnlineResource"):
            tree.url = tree.url or resource.get("{http://www.w3.org/1999/xlink}href", "")
    for brief in descendants(root, "CoverageOfferingBrief"):
        envelope = child(brief, "lonLatEnvelope")
        bbox = None
        if envelope is not None:
            corners = [(p.text or "").split() for p in children(envelope, "pos")]
            if len(corners) == 2:
                bbox = _bbox(corners[0] + corners[1])
        tree.contents.append(Content("coverage", text_of(brief, "name"), text_of(brief, "label"),
                                     text_of(brief, "description"), bbox_wgs84=bbox))
    return tree


def _parse_wcs_ows(root, version, url):
    ident = child(root, "ServiceIdentification")
    provider = child(root, "ServiceProvider")
    tree = ServiceTree("WCS", version, text_of(ident, "Title"), text_of(ident, "Abstract"),
                       text_of(provider, "ProviderName"))
    for operation in descendants(root, "Operation"):
        if operation.get("name") == "GetCoverage":
            for get in descendants(operation, "Get"):
                tree.url = tree.url or get.get("{http://www.w3.org/1999/xlink}href", "")
    service_metadata = child(root, "ServiceMetadata")
    tree.formats = [(f.text or "").strip() for f in descendants(service_metadata, "formatSupported")] \
        if service_metadata is not None else []
    service_crs = [(c.text or "").strip() for c in descendants(root, "crsSupported")]
    contents = child(root, "Contents")
    for summary in descendants(contents, "CoverageSummary") if contents is not None else []:
        name = text_of(summary, "CoverageId") or text_of(summary, "Identifier")
        if not name:
            continue  # WCS 1.1 summaries may only group others
        box = child(summary, "WGS84BoundingBox")
        bbox = None
        if box is not None:
            bbox = _bbox(text_of(box, "LowerCorner").split() + text_of(box, "UpperCorner").split())
        crs = [(c.text or "").strip() for c in children(summary, "SupportedCRS")] or list(service_crs)
        formats = [(f.text or "").strip() for f in children(summary, "SupportedFormat")] or list(tree.formats)
        tree.contents.append(Content("coverage", name, text_of(summary, "Title"), text_of(summary, "Abstract"),
                                     crs=crs, formats=formats, bbox_wgs84=bbox))
    return tree
