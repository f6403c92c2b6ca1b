"""Area-of-interest checks for DINAMIS requests, with reasons a user can act on.

Geometry comes as WKT (or a coordinate list) in a CRS given as EPSG code or WKT; it is
brought to WGS 84 longitude/latitude, its area is computed on the ellipsoid, and it is
checked against the product's rules (minimum/maximum area, vertex count, coverage).

Area on the ellipsoid: edges are taken as straight in longitude/latitude (as GRASS does;
QgsDistanceArea and pyproj.Geod use geodesic edges, which differ by less than 1e-6 in
relative area for AOI edges of a few km: benchmarks/bench_dinamis.py), and the area is
the line integral
``A = -∮ R_q² sin β(φ) dλ`` where β is the authalic latitude and R_q the authalic radius
(Snyder 1987, *Map projections: a working manual*, eq. 3-11 and 3-12): the authalic sphere
preserves areas, so the integral is exact for the ellipsoid. Each edge is integrated with
Simpson's rule (φ varies linearly in λ along an edge).
"""
import math
from dataclasses import dataclass, field

from osgeo import ogr, osr

from ....rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP

ogr.UseExceptions()
osr.UseExceptions()

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563


class AoiError(DataTerraError):
    """The area of interest cannot be read at all."""


@dataclass
class Issue:
    """One problem of an AOI: a stable code, a message saying what to do, and whether
    :func:`fix_aoi` can repair it."""

    code: str
    message: str
    fixable: bool = False


@dataclass
class AoiReport:
    wkt_wgs84: str
    area_km2: float
    vertex_count: int
    part_count: int
    issues: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.issues

    def codes(self):
        return [issue.code for issue in self.issues]


def authalic_constants(a=WGS84_A, f=WGS84_F):
    """(R_q, q_p, e): authalic radius in metres, q at the pole and eccentricity."""
    e2 = f * (2 - f)
    e = math.sqrt(e2)
    q_p = 1 - (1 - e2) / (2 * e) * math.log((1 - e) / (1 + e))
    return a * math.sqrt(q_p / 2), q_p, e


def _sin_authalic(phi, q_p, e):
    """sin β for geodetic latitude φ (radians): q(φ)/q_p (Snyder eq. 3-11, 3-12)."""
    s = math.sin(phi)
    e2 = e * e
    q = (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * math.log((1 - e * s) / (1 + e * s)))
    return q / q_p


def ring_area_m2(lonlat, a=WGS84_A, f=WGS84_F, steps=8):
    """Unsigned area (m²) of a closed ring of (lon, lat) degrees on the ellipsoid."""
    r_q, q_p, e = authalic_constants(a, f)
    total = 0.0
    points = list(lonlat)
    if points[0] != points[-1]:
        points.append(points[0])
    for (lon1, lat1), (lon2, lat2) in zip(points[:-1], points[1:]):
        dlon = math.radians(lon2 - lon1)
        if dlon == 0:
            continue
        phi1, phi2 = math.radians(lat1), math.radians(lat2)
        # Simpson's rule over the edge, with phi linear in lambda
        acc = 0.0
        for k in range(steps + 1):
            weight = 1 if k in (0, steps) else (4 if k % 2 else 2)
            acc += weight * _sin_authalic(phi1 + (phi2 - phi1) * k / steps, q_p, e)
        total += dlon * acc / (3 * steps)
    return abs(total) * r_q * r_q


def polygon_area_m2(geometry_wgs84) -> float:
    """Area (m²) on the WGS 84 ellipsoid of an OGR (multi)polygon in lon/lat."""
    area = 0.0
    for polygon in _polygons(geometry_wgs84):
        for index in range(polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(index)
            ring_area = ring_area_m2([(ring.GetX(i), ring.GetY(i)) for i in range(ring.GetPointCount())])
            area += ring_area if index == 0 else -ring_area
    return area


def _polygons(geometry):
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return [geometry]
    return [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())
            if ogr.GT_Flatten(geometry.GetGeometryRef(i).GetGeometryType()) == ogr.wkbPolygon]


def spatial_reference(crs) -> osr.SpatialReference:
    """An OSR spatial reference from 'EPSG:n', an int or WKT, in lon/lat axis order."""
    srs = osr.SpatialReference()
    try:
        if isinstance(crs, int):
            srs.ImportFromEPSG(crs)
        else:
            srs.SetFromUserInput(str(crs))
    except RuntimeError as exc:
        raise AoiError(QT_TRANSLATE_NOOP("DataTerraError", "The CRS '{crs}' of the area of interest is not known: "
                                         "give an EPSG code such as EPSG:2154 (Lambert-93) or EPSG:4326."),
            crs=crs) from exc
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def geometry_from_coordinates(coordinates) -> str:
    """WKT polygon from a list of (x, y) pairs (closed if needed)."""
    points = [tuple(map(float, p)) for p in coordinates]
    if points and points[0] != points[-1]:
        points.append(points[0])
    return "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in points) + "))"


def to_wgs84(wkt: str, crs):
    """(geometry in WGS 84 lon/lat, issues about the CRS) from WKT in ``crs``."""
    try:
        geometry = ogr.CreateGeometryFromWkt(wkt)
    except RuntimeError as exc:
        raise AoiError(QT_TRANSLATE_NOOP("DataTerraError", "The area of interest is not a readable WKT geometry: "
                                         "draw it again or take it from a polygon layer.")) from exc
    if geometry is None:
        raise AoiError(QT_TRANSLATE_NOOP("DataTerraError", "The area of interest is not a readable WKT geometry."))
    source = spatial_reference(crs)
    issues = []
    env = geometry.GetEnvelope() if not geometry.IsEmpty() else None
    if env and source.IsGeographic() and (max(abs(env[0]), abs(env[1])) > 180 or max(abs(env[2]), abs(env[3])) > 90):
        issues.append(Issue("crs_mismatch", "The coordinates are in metres but the layer's CRS is "
                            "geographic (degrees): set the layer's real projected CRS (for example "
                            "EPSG:2154 Lambert-93) and try again."))
        return geometry, issues
    if env and source.IsProjected() and max(abs(v) for v in env) <= 180:
        issues.append(Issue("crs_mismatch", "The coordinates look like degrees but the layer's CRS is "
                            "projected (metres): set the layer's CRS to EPSG:4326 and try again."))
        return geometry, issues
    if not source.IsGeographic() or source.GetAuthorityCode(None) != "4326":
        target = spatial_reference(4326)
        geometry = geometry.Clone()
        geometry.Transform(osr.CoordinateTransformation(source, target))
    return geometry, issues


def vertex_count(geometry) -> int:
    """Distinct vertices (closing points of rings not counted twice)."""
    count = 0
    for polygon in _polygons(geometry):
        for index in range(polygon.GetGeometryCount()):
            count += max(polygon.GetGeometryRef(index).GetPointCount() - 1, 0)
    return count


def coverage_geometry(coverage_id, rules):
    wkt = rules["coverages"][coverage_id]["wkt"]
    return None if wkt is None else ogr.CreateGeometryFromWkt(wkt)


def check_aoi(wkt: str, crs, product_id: str, rules: dict) -> AoiReport:
    """Every problem of an AOI for a product, each with what to do about it."""
    geometry, issues = to_wgs84(wkt, crs)
    if issues:
        return AoiReport(geometry.ExportToWkt(), 0.0, 0, 0, issues)
    if geometry.IsEmpty():
        return AoiReport("", 0.0, 0, 0, [Issue("empty", "The area of interest is empty: draw a "
                                                 "polygon or select a feature first.")])
    if ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return AoiReport(geometry.ExportToWkt(), 0.0, 0, 0, [Issue(
            "not_polygon", "The area of interest must be a polygon: points and lines cannot be "
            "ordered; buffer them first (Processing > Buffer).")])
    rule = rules["products"][product_id]["aoi"]
    parts = len(_polygons(geometry))
    if parts == 1 and ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbMultiPolygon:
        geometry = geometry.GetGeometryRef(0).Clone()  # one part: a plain polygon
    area_km2 = polygon_area_m2(geometry) / 1e6
    vertices = vertex_count(geometry)
    if parts > 1:
        issues.append(Issue("multipart", f"The area of interest has {parts} separate parts; a request "
                            "covers one polygon: use one request per part, or let the plugin use "
                            "their convex hull.", fixable=True))
    if not geometry.IsValid():
        issues.append(Issue("self_intersecting", "The polygon crosses itself (invalid geometry): "
                            "redraw it, or let the plugin repair it (make valid).", fixable=True))
    if area_km2 < rule["min_km2"]:
        issues.append(Issue("too_small", f"The area is {area_km2:.2f} km², below the minimum of "
                            f"{rule['min_km2']} km² for this product: enlarge the area (the minimum "
                            "is charged anyway).", fixable=True))
    if area_km2 > rule["max_km2"]:
        issues.append(Issue("too_large", f"The area is {area_km2:.1f} km², above the maximum of "
                            f"{rule['max_km2']} km² for one request: split it into several requests."))
    if vertices > rule["max_vertices"]:
        issues.append(Issue("too_many_vertices", f"The polygon has {vertices} vertices, more than the "
                            f"{rule['max_vertices']} allowed: simplify it (the plugin can do it).",
                            fixable=True))
    coverage = coverage_geometry(rule["coverage"], rules)
    if coverage is not None and not coverage.Contains(geometry):
        label = rules["coverages"][rule["coverage"]]["label"]
        where = "partly" if coverage.Intersects(geometry) else "entirely"
        issues.append(Issue("outside_coverage", f"The area is {where} outside the product's coverage "
                            f"({label}): move it inside or choose another product."))
    return AoiReport(geometry.ExportToWkt(), area_km2, vertices, parts, issues)


def fix_aoi(wkt_wgs84: str, report: AoiReport, product_id: str, rules: dict) -> str:
    """Repair what can be repaired (invalid, multipart, too many vertices, too small);
    returns the WKT of the fixed polygon in WGS 84."""
    geometry = ogr.CreateGeometryFromWkt(wkt_wgs84)
    codes = report.codes()
    rule = rules["products"][product_id]["aoi"]
    if "self_intersecting" in codes:
        geometry = geometry.MakeValid() if hasattr(geometry, "MakeValid") else geometry.Buffer(0)
    if "multipart" in codes or len(_polygons(geometry)) > 1:
        geometry = geometry.ConvexHull()
    if "too_many_vertices" in codes:
        tolerance = 1e-5
        while vertex_count(geometry) > rule["max_vertices"]:
            geometry = geometry.SimplifyPreserveTopology(tolerance)
            tolerance *= 2
    if "too_small" in codes:
        geometry = _grow_to_area(geometry, rule["min_km2"])
    return geometry.ExportToWkt()


def _grow_to_area(geometry, min_km2):
    """Scale the polygon about its centroid until it reaches ``min_km2`` (+1 %)."""
    centroid = geometry.Centroid()
    cx, cy = centroid.GetX(), centroid.GetY()
    area = polygon_area_m2(geometry) / 1e6
    factor = math.sqrt(min_km2 * 1.01 / max(area, 1e-9))
    grown = geometry.Clone()
    for polygon in _polygons(grown):
        for index in range(polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(index)
            for i in range(ring.GetPointCount()):
                ring.SetPoint_2D(i, cx + (ring.GetX(i) - cx) * factor, cy + (ring.GetY(i) - cy) * factor)
    return grown
