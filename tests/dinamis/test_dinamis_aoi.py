import math

import pytest

from dataterra.dataterra_plugin.dinamis.core.aoi import (
    AoiError,
    check_aoi,
    fix_aoi,
    geometry_from_coordinates,
    ring_area_m2,
)


def square(lon, lat, size):
    return geometry_from_coordinates([(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)])


def test_band_area_matches_closed_form():
    # Area between the equator and latitude φ over Δλ: (Δλ/2π) × zone area, with the zone
    # area of an ellipsoid 2π b² [sinφ/(2(1-e² sin²φ)) + ln((1+e sinφ)/(1-e sinφ))/(4e)]
    a, f = 6378137.0, 1 / 298.257223563
    b = a * (1 - f)
    e = math.sqrt(f * (2 - f))
    phi = math.radians(1.0)
    s = math.sin(phi)
    zone = 2 * math.pi * b * b * (s / (2 * (1 - e * e * s * s)) + math.log((1 + e * s) / (1 - e * s)) / (4 * e))
    expected = zone / 360.0
    ring = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    assert ring_area_m2(ring) == pytest.approx(expected, rel=1e-12)
    # 1°×1° cell at the equator (pyproj.Geod on a densified ring: 12308.46389 km²)
    assert expected / 1e6 == pytest.approx(12308.4639, rel=1e-8)


def test_area_matches_pyproj_geod_on_densified_polygon():
    pyproj = pytest.importorskip("pyproj")  # test reference only, never in the plugin
    lon0, lat0, size = 3.3, 43.55, 0.2
    step = 200
    ring = ([(lon0 + size * i / step, lat0) for i in range(step)]
            + [(lon0 + size, lat0 + size * i / step) for i in range(step)]
            + [(lon0 + size - size * i / step, lat0 + size) for i in range(step)]
            + [(lon0, lat0 + size - size * i / step) for i in range(step)])
    lons, lats = zip(*ring)
    reference, _ = pyproj.Geod(ellps="WGS84").polygon_area_perimeter(lons, lats)
    assert ring_area_m2(ring + [ring[0]]) == pytest.approx(abs(reference), rel=1e-7)


def test_clermontais_area_matches_qgsdistancearea(qgis_app, clermontais_wkt, rules):
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject, QgsUnitTypes

    wkt, crs = clermontais_wkt
    report = check_aoi(wkt, crs, "pleiades_archive", rules)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    reference_km2 = measure.convertAreaMeasurement(measure.measureArea(QgsGeometry.fromWkt(wkt)),
                                                   QgsUnitTypes.AreaSquareKilometers)
    assert report.area_km2 == pytest.approx(reference_km2, rel=1e-5)
    # Lambert-93 planar area 230.633 km² (ogr GetArea); the conformal scale factor near
    # 43.6°N is slightly above 1, so the ellipsoidal area is 0.03-0.1 % smaller
    assert 1.0003 < 230.63298 / report.area_km2 < 1.001
    assert report.ok, report.issues
    assert report.part_count == 1


def test_empty_aoi(rules):
    report = check_aoi("POLYGON EMPTY", "EPSG:4326", "pleiades_archive", rules)
    assert report.codes() == ["empty"]


def test_unreadable_wkt(rules):
    with pytest.raises(AoiError, match="not a readable WKT"):
        check_aoi("POLYGON((1 2, 3", "EPSG:4326", "pleiades_archive", rules)


def test_self_intersecting_is_reported_and_fixed(rules):
    bowtie = "POLYGON((3.0 43.5,3.2 43.7,3.2 43.5,3.0 43.7,3.0 43.5))"
    report = check_aoi(bowtie, "EPSG:4326", "pleiades_archive", rules)
    assert "self_intersecting" in report.codes()
    fixed = fix_aoi(report.wkt_wgs84, report, "pleiades_archive", rules)
    assert "self_intersecting" not in check_aoi(fixed, "EPSG:4326", "pleiades_archive", rules).codes()


def test_multipart_is_reported_and_hull_fixes_it(rules):
    wkt = ("MULTIPOLYGON(((3.0 43.5,3.1 43.5,3.1 43.6,3.0 43.6,3.0 43.5)),"
           "((3.2 43.5,3.3 43.5,3.3 43.6,3.2 43.6,3.2 43.5)))")
    report = check_aoi(wkt, "EPSG:4326", "pleiades_archive", rules)
    assert "multipart" in report.codes() and report.part_count == 2
    fixed = check_aoi(fix_aoi(report.wkt_wgs84, report, "pleiades_archive", rules), "EPSG:4326",
                      "pleiades_archive", rules)
    assert fixed.ok and fixed.part_count == 1
    assert fixed.area_km2 > report.area_km2  # the hull also covers the gap


def test_too_small_and_grown(rules):
    # 0.02° × 0.02° at 43.5°N is about 2.2 km × 1.6 km ≈ 3.6 km², under Pléiades archive's 25 km²
    report = check_aoi(square(3.3, 43.5, 0.02), "EPSG:4326", "pleiades_archive", rules)
    assert report.codes() == ["too_small"]
    assert report.area_km2 == pytest.approx(2.2239 * 1.6124 , rel=0.01)
    grown = check_aoi(fix_aoi(report.wkt_wgs84, report, "pleiades_archive", rules), "EPSG:4326",
                      "pleiades_archive", rules)
    assert grown.ok and 25 <= grown.area_km2 < 25.5


def test_too_large(rules):
    report = check_aoi(square(2.0, 44.0, 1.0), "EPSG:4326", "pleiades_tasking", rules)
    assert "too_large" in report.codes()
    assert "split it into several requests" in report.issues[0].message


def test_too_many_vertices_simplified(rules):
    n = 800
    circle = [(3.4 + 0.1 * math.cos(2 * math.pi * k / n), 43.6 + 0.1 * math.sin(2 * math.pi * k / n)) for k in range(n)]
    report = check_aoi(geometry_from_coordinates(circle), "EPSG:4326", "pleiades_archive", rules)
    assert report.codes() == ["too_many_vertices"] and report.vertex_count == 800
    fixed = check_aoi(fix_aoi(report.wkt_wgs84, report, "pleiades_archive", rules), "EPSG:4326",
                      "pleiades_archive", rules)
    assert fixed.ok and fixed.vertex_count <= 500
    assert fixed.area_km2 == pytest.approx(report.area_km2, rel=0.01)


def test_projected_coordinates_declared_geographic(rules, clermontais_wkt):
    wkt, _ = clermontais_wkt
    report = check_aoi(wkt, "EPSG:4326", "pleiades_archive", rules)
    assert report.codes() == ["crs_mismatch"] and "EPSG:2154" in report.issues[0].message


def test_degrees_declared_projected(rules):
    report = check_aoi(square(3.3, 43.5, 0.1), "EPSG:2154", "pleiades_archive", rules)
    assert report.codes() == ["crs_mismatch"]


def test_outside_coverage(rules, clermontais_wkt):
    wkt, crs = clermontais_wkt
    assert check_aoi(wkt, crs, "spot67_yearly_coverage", rules).ok
    report = check_aoi(square(13.0, 52.0, 0.3), "EPSG:4326", "spot67_yearly_coverage", rules)  # Berlin
    assert report.codes() == ["outside_coverage"] and "entirely outside" in report.issues[0].message


def test_unknown_crs(rules):
    with pytest.raises(AoiError, match="EPSG:2154"):
        check_aoi(square(3.3, 43.5, 0.1), "EPSG:999999", "pleiades_archive", rules)
