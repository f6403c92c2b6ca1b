"""WCS requests: DescribeCoverage parsing and GetCoverage URLs for versions 1.0.0, 1.1.x
and 2.0.1 (KVP GET encoding of OGC 03-065r6, 07-067r5 and 09-110r4/09-147r3)."""
import re
from dataclasses import dataclass, field

from .safexml import OgcError, children, descendants, parse_xml, text_of
from .transport import add_query
from ....rasterblocks.errors import QT_TRANSLATE_NOOP

SUPPORTED_VERSIONS = ("1.0.0", "1.1.0", "1.1.1", "1.1.2", "2.0.1")


@dataclass
class CoverageDescription:
    """What a download needs from DescribeCoverage."""

    name: str
    native_crs: str = ""
    crs: list = field(default_factory=list)  # CRSs the server accepts for requests
    formats: list = field(default_factory=list)
    extent: tuple = None  # (xmin, ymin, xmax, ymax) in native_crs
    origin: tuple = None  # grid origin (x, y) in native_crs, when published
    resolution: tuple = None  # (x, y) pixel size in native_crs units, when published
    band_names: list = field(default_factory=list)
    nodata: float = None
    axis_labels: tuple = ()  # WCS 2.0 subset axis names, easting first (e.g. ("long", "lat"))


def epsg_code(crs: str) -> str:
    """'EPSG:2154' from the usual spellings (EPSG:2154, urn:ogc:def:crs:EPSG::2154,
    http://www.opengis.net/def/crs/EPSG/0/2154); other codes are returned unchanged."""
    match = re.search(r"EPSG(?::+|/0/|/)(\d+)$", crs.strip(), re.IGNORECASE)
    return f"EPSG:{match.group(1)}" if match else crs.strip()


def parse_describe_coverage(data: bytes, coverage: str) -> CoverageDescription:
    """Read a WCS 1.0.0, 1.1 or 2.0 DescribeCoverage answer for ``coverage``."""
    root = parse_xml(data, QT_TRANSLATE_NOOP("DataTerraError", "The DescribeCoverage answer"))
    # 1.0.0: CoverageDescription/CoverageOffering; 1.1 and 2.0: CoverageDescriptions/CoverageDescription
    offerings = descendants(root, "CoverageOffering") or descendants(root, "CoverageDescription")
    for offering in offerings:
        name = text_of(offering, "name") or text_of(offering, "Identifier") or text_of(offering, "CoverageId")
        if name == coverage or len(offerings) == 1:
            return _describe(offering, name or coverage)
    raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The service does not describe a coverage named {coverage!r}."),
        coverage=coverage)


def _describe(offering, name) -> CoverageDescription:
    description = CoverageDescription(name)
    envelope = _native_envelope(offering)
    if envelope is not None:
        description.native_crs = epsg_code(envelope.get("srsName") or envelope.get("crs"))
        corners = [(p.text or "").split() for p in children(envelope, "pos")]
        if len(corners) != 2:
            corners = [text_of(envelope, "lowerCorner").split() or text_of(envelope, "LowerCorner").split(),
                       text_of(envelope, "upperCorner").split() or text_of(envelope, "UpperCorner").split()]
        labels = (envelope.get("axisLabels") or "").split()
        # WCS 2.0 follows the CRS axis order: latitude first for EPSG:4326
        lat_first = len(labels) == 2 and labels[0].lower() in ("lat", "latitude", "n", "northing", "y")
        if len(labels) == 2:
            description.axis_labels = (labels[1], labels[0]) if lat_first else (labels[0], labels[1])
        try:
            (x0, y0), (x1, y1) = [(float(c[0]), float(c[1])) for c in corners]
            if lat_first:
                x0, y0, x1, y1 = y0, x0, y1, x1
            description.extent = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        except (ValueError, IndexError):
            description.extent = None
    description.resolution = _resolution(offering)
    description.crs = [epsg_code(c.text or "") for tag in ("requestResponseCRSs", "requestCRSs", "SupportedCRS")
                       for c in descendants(offering, tag) if c.text]
    description.crs += [c for n in descendants(offering, "nativeCRSs") for c in [epsg_code(n.text or "")]
                        if c not in description.crs]
    description.formats = [(f.text or "").strip() for tag in ("formats", "SupportedFormat")
                           for f in descendants(offering, tag) if f.text]
    values = [v for axis in descendants(offering, "AxisDescription") for v in descendants(axis, "singleValue")]
    description.band_names = [(v.text or "").strip() for v in values] or \
        [f.get("name") for f in descendants(offering, "field") if f.get("name")] or \
        [(k.text or "").strip() for axis in descendants(offering, "Axis") for k in descendants(axis, "Key")]
    nulls = [n for tag in ("nullValues", "NullValue", "nilValues", "nilValue") for n in descendants(offering, tag)]
    for null in nulls:
        texts = [t.strip() for t in null.itertext() if t.strip()]
        try:
            description.nodata = float(texts[0])
            break
        except (IndexError, ValueError):
            continue
    return description


def _native_envelope(offering):
    """The envelope in the coverage's native CRS: WCS 1.0.0 may list one per CRS (MapServer
    puts EPSG:4326 first), so the one in ``nativeCRSs`` wins; WCS 1.1 bounding boxes in
    ``imageCRS`` (pixel coordinates) or CRS84 are not the native envelope, the one in the
    ``GridBaseCRS`` is."""
    envelopes = [e for e in descendants(offering, "Envelope") if e.get("srsName")]
    native = [epsg_code(n.text or "") for tag in ("nativeCRSs", "GridBaseCRS") for n in descendants(offering, tag)]
    if not envelopes:
        envelopes = [e for e in descendants(offering, "BoundingBox")
                     if e.get("crs") and not any(word in e.get("crs") for word in ("CRS84", "imageCRS"))]
    for envelope in envelopes:
        if epsg_code(envelope.get("srsName") or envelope.get("crs")) in native:
            return envelope
    return envelopes[0] if envelopes else None


def _resolution(offering):
    """(x, y) pixel size from the 1.0/2.0 RectifiedGrid offset vectors or the 1.1 GridOffsets."""
    grid = next(iter(descendants(offering, "RectifiedGrid")), None)
    try:
        if grid is not None:
            offsets = [[float(v) for v in (o.text or "").split()] for o in descendants(grid, "offsetVector")]
            if len(offsets) == 2:
                return (abs(offsets[0][0]) or abs(offsets[0][1]), abs(offsets[1][1]) or abs(offsets[1][0]))
        grid_offsets = [float(v) for n in descendants(offering, "GridOffsets") for v in (n.text or "").split()]
    except (ValueError, IndexError):
        return None
    if len(grid_offsets) == 2:  # 2dSimpleGrid: x step, y step
        return abs(grid_offsets[0]), abs(grid_offsets[1])
    if len(grid_offsets) == 4:  # 2dGridIn2dCrs: a b c d of the affine matrix
        return abs(grid_offsets[0]) or abs(grid_offsets[1]), abs(grid_offsets[3]) or abs(grid_offsets[2])
    return None


TIFF_NAMES = ("geotiff", "gtiff", "tiff", "tif", "image/tiff", "image/geotiff")


def request_format(requested: str, version: str, offered=()) -> str:
    """The FORMAT value to send. WCS 1.1 and 2.0 name formats by MIME type, so a GeoTIFF
    asked as "GeoTIFF" is sent as image/tiff; WCS 1.0.0 names them as the server does
    (QGIS Server "GeoTIFF", MapServer its OUTPUTFORMAT name), so a GeoTIFF the server
    offers under another spelling is sent under that one."""
    wants_tiff = requested.strip().lower() in TIFF_NAMES
    if offered and requested not in offered:
        same = [f for f in offered if f.lower() == requested.strip().lower()]
        tiffs = [f for f in offered if f.lower() in TIFF_NAMES or "tiff" in f.lower()]
        if same:
            return same[0]
        if wants_tiff and tiffs:
            return tiffs[0]
    if wants_tiff and not version.startswith("1.0"):
        return "image/tiff"
    return requested


def describe_coverage_url(url, coverage, version="1.0.0"):
    key = {"1.0.0": "COVERAGE", "2.0.1": "COVERAGEID"}.get(version, "IDENTIFIERS")
    return add_query(url, {"SERVICE": "WCS", "VERSION": version, "REQUEST": "DescribeCoverage", key: coverage})


def get_coverage_url(url, coverage, bbox, crs, width, height, version="1.0.0", output_format="GeoTIFF",
                     axis_labels=()):
    """GetCoverage KVP URL for ``bbox`` (xmin, ymin, xmax, ymax, in ``crs``) sampled on a
    ``width`` x ``height`` grid whose pixel edges are the bbox edges."""
    xmin, ymin, xmax, ymax = bbox
    if version == "1.0.0":
        return add_query(url, {
            "SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "GetCoverage", "COVERAGE": coverage,
            "CRS": crs, "RESPONSE_CRS": crs, "BBOX": f"{xmin!r},{ymin!r},{xmax!r},{ymax!r}",
            "WIDTH": width, "HEIGHT": height, "FORMAT": output_format})
    if version.startswith("1.1"):
        # 1.1 grids are defined on pixel centres: the GridOrigin is the centre of the
        # upper-left pixel, the BoundingBox goes from first to last pixel centre.
        dx, dy = (xmax - xmin) / width, (ymax - ymin) / height
        urn = f"urn:ogc:def:crs:{crs.replace(':', '::')}"
        return add_query(url, {
            "SERVICE": "WCS", "VERSION": version, "REQUEST": "GetCoverage", "IDENTIFIER": coverage,
            "BOUNDINGBOX": f"{xmin + dx / 2!r},{ymin + dy / 2!r},{xmax - dx / 2!r},{ymax - dy / 2!r},{urn}",
            "GRIDBASECRS": urn, "GRIDCS": "urn:ogc:def:cs:OGC:0.0:Grid2dSquareCS",
            "GRIDTYPE": "urn:ogc:def:method:WCS:1.1:2dSimpleGrid",
            "GRIDORIGIN": f"{xmin + dx / 2!r},{ymax - dy / 2!r}", "GRIDOFFSETS": f"{dx!r},{-dy!r}",
            "FORMAT": output_format})
    if version == "2.0.1":
        code = crs.split(":")[-1]
        crs_uri = f"http://www.opengis.net/def/crs/EPSG/0/{code}"
        from urllib.parse import urlencode
        base = add_query(url, {"SERVICE": "WCS", "VERSION": "2.0.1", "REQUEST": "GetCoverage",
                               "COVERAGEID": coverage, "FORMAT": output_format,
                               "SUBSETTINGCRS": crs_uri, "OUTPUTCRS": crs_uri})
        # SUBSET repeats, so it cannot go through a dict; axis labels come from
        # DescribeCoverage, else the usual E/N (projected) or Long/Lat; SCALESIZE fixes the size.
        axes = tuple(axis_labels) or (("E", "N") if code != "4326" else ("Long", "Lat"))
        extra = urlencode([("SUBSET", f"{axes[0]}({xmin!r},{xmax!r})"), ("SUBSET", f"{axes[1]}({ymin!r},{ymax!r})"),
                           ("SCALESIZE", f"{axes[0]}({width}),{axes[1]}({height})")], safe="(),:")
        return f"{base}&{extra}"
    raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "WCS version {version} is not supported; use one of "
                                     "{versions}."),
        version=version,
        versions=', '.join(SUPPORTED_VERSIONS))
