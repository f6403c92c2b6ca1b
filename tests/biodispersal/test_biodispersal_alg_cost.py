"""dataterra:cost_distance through Processing and qgis_process, and its bad-input messages."""
import numpy as np
import pytest
from osgeo import ogr, osr

from dataterra.biodispersal.core.costdistance import accumulated_cost


def point_layer(path, points, epsg=2154):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("points", srs=srs, geom_type=ogr.wkbPoint)
    for x, y in points:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


@pytest.fixture
def small_case(raster_writer):
    rng = np.random.default_rng(3)
    friction = rng.uniform(1, 20, (30, 40)).astype(np.float32)
    friction[10:20, 15] = -9999  # a wall with a gap at rows 20..29
    sources = np.zeros((30, 40), dtype=np.int32)
    sources[2:4, 2:4] = 7  # one patch
    sources[25, 35] = 3  # another
    return {
        "friction": friction,
        "friction_path": raster_writer("friction.tif", friction, nodata=-9999),
        "sources_path": raster_writer("sources.tif", sources),
        "sources": sources,
    }


def test_processing_run_raster_sources(dataterra_provider, small_case, tmp_path, read_tif):
    import processing

    result = processing.run("dataterra:cost_distance", {
        "SOURCES": small_case["sources_path"], "FRICTION": small_case["friction_path"], "MAX_COST": 0,
        "KNIGHT_MOVE": True, "UNITS": 1, "OUTPUT": str(tmp_path / "cost.tif"),
        "OUTPUT_NEAREST": str(tmp_path / "nearest.tif"), "OUTPUT_AREA": str(tmp_path / "areas.gpkg")})
    friction = np.where(small_case["friction"] == -9999, np.nan, small_case["friction"])
    ids = np.zeros_like(small_case["sources"])
    ids[2:4, 2:4], ids[25, 35] = 1, 2  # 8-connected patches numbered in raster order
    expected = accumulated_cost(friction, ids, pixel_width=10, pixel_height=10, units="metres", knight_move=True)
    cost = read_tif(result["OUTPUT"])
    np.testing.assert_allclose(cost, np.where(np.isfinite(expected.cost), expected.cost, np.nan),
                               rtol=1e-6, equal_nan=True)
    assert cost[2, 2] == 0 and np.isnan(cost[15, 15])
    nearest = read_tif(result["OUTPUT_NEAREST"])
    assert nearest[0, 0] == 1 and nearest[29, 39] == 2
    areas_ds = ogr.Open(result["OUTPUT_AREA"])
    areas = areas_ds.GetLayer(0)
    assert areas.GetFeatureCount() == 2
    total = sum(f.GetField("area_m2") for f in areas)
    assert total == pytest.approx((30 * 40 - 10) * 100)


def test_vector_sources_max_cost_and_warnings(dataterra_provider, small_case, tmp_path, read_tif):
    import processing
    from qgis.core import QgsProcessingFeedback

    # x = 700000 + 10 * col + 5, y = 6280000 - 10 * row - 5; the second point is outside
    points = point_layer(tmp_path / "p.gpkg", [(700025.0, 6279975.0), (800000.0, 6279975.0)])
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    result = processing.run("dataterra:cost_distance", {
        "SOURCES": points, "FRICTION": small_case["friction_path"], "MAX_COST": 40, "KNIGHT_MOVE": False,
        "UNITS": 0, "OUTPUT": str(tmp_path / "cost.tif")}, feedback=feedback)
    cost = read_tif(result["OUTPUT"])
    assert cost[2, 2] == 0
    assert np.nanmax(cost) <= 40 and np.isnan(cost).sum() > 100
    assert any("outside" in w for w in warnings)


def test_bad_inputs(dataterra_provider, small_case, raster_writer, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    negative = small_case["friction"].copy()
    negative[0, 0], negative[5, 5] = 0, -3  # zero is a free crossing, a negative friction is refused
    with pytest.raises(QgsProcessingException, match=r"1 cell\(s\) with a negative friction \(minimum -3\)"):
        processing.run("dataterra:cost_distance", {
            "SOURCES": small_case["sources_path"], "FRICTION": raster_writer("neg.tif", negative, nodata=-9999),
            "OUTPUT": str(tmp_path / "a.tif")})
    assert not (tmp_path / "a.tif").exists()
    empty = raster_writer("empty.tif", np.zeros((30, 40), dtype=np.int32))
    with pytest.raises(QgsProcessingException, match="No source"):
        processing.run("dataterra:cost_distance", {
            "SOURCES": empty, "FRICTION": small_case["friction_path"], "OUTPUT": str(tmp_path / "b.tif")})
    geographic = raster_writer("geo.tif", small_case["friction"], nodata=-9999, pixel=(0.001, 0.001),
                               origin=(3.0, 43.6), epsg=4326)
    with pytest.raises(QgsProcessingException, match="geographic"):
        processing.run("dataterra:cost_distance", {
            "SOURCES": small_case["sources_path"], "FRICTION": geographic, "UNITS": 1,
            "OUTPUT": str(tmp_path / "c.tif")})
    assert not list(tmp_path.glob("*.part*"))


def test_zero_friction_is_a_free_crossing(dataterra_provider, small_case, raster_writer, tmp_path, read_tif):
    import processing

    friction = small_case["friction"].copy()
    friction[0:6, 0:6] = 0  # a plateau around the first source patch (rows and columns 2..3)
    result = processing.run("dataterra:cost_distance", {
        "SOURCES": small_case["sources_path"], "FRICTION": raster_writer("zero.tif", friction, nodata=-9999),
        "OUTPUT": str(tmp_path / "zero_cost.tif")})
    cost = read_tif(result["OUTPUT"])
    np.testing.assert_array_equal(cost[0:6, 0:6], 0.0)
    assert cost[0, 6] == pytest.approx((0 + friction[0, 6]) / 2, rel=1e-6)  # first step off the plateau


def test_other_grid_is_resampled_with_a_warning(dataterra_provider, small_case, raster_writer, tmp_path, read_tif):
    import processing
    from qgis.core import QgsProcessingFeedback

    coarse = np.zeros((15, 20), dtype=np.int32)
    coarse[1, 1] = 1  # covers cells (2..3, 2..3) of the 10 m friction grid
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    result = processing.run("dataterra:cost_distance", {
        "SOURCES": raster_writer("coarse.tif", coarse, pixel=(20.0, 20.0)), "FRICTION": small_case["friction_path"],
        "OUTPUT": str(tmp_path / "cost.tif")}, feedback=feedback)
    cost = read_tif(result["OUTPUT"])
    assert np.all(cost[2:4, 2:4] == 0) and (cost == 0).sum() == 4
    assert any("resampled" in w for w in warnings)


def test_qgis_process(run_qgis_process, small_case, tmp_path, read_tif):
    out = run_qgis_process("dataterra:cost_distance", {
        "SOURCES": small_case["sources_path"], "FRICTION": small_case["friction_path"], "UNITS": 0,
        "OUTPUT": str(tmp_path / "cost.tif")})
    cost = read_tif(out["results"]["OUTPUT"])
    friction = small_case["friction"]
    assert cost[2, 2] == 0
    assert cost[2, 4] == pytest.approx((friction[2, 3] + friction[2, 4]) / 2, rel=1e-6)


def test_cancel_leaves_no_output(dataterra_provider, small_case, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    calls = []

    def progress_then_cancel(value):
        calls.append(value)
        feedback.cancel()

    for alg, params in (
            ("dataterra:cost_distance", {"SOURCES": small_case["sources_path"], "FRICTION": small_case["friction_path"],
                                         "OUTPUT_NEAREST": str(tmp_path / "n.tif"), "OUTPUT": str(tmp_path / "c.tif")}),
            ("dataterra:friction_from_landcover", {"INPUT": small_case["sources_path"], "PRESET": 0,
                                                   "TABLE": str(_table(tmp_path)), "OUTPUT": str(tmp_path / "f.tif")})):
        feedback = QgsProcessingFeedback()
        feedback.progressChanged.connect(progress_then_cancel)
        with pytest.raises(QgsProcessingException, match="Cancelled"):
            processing.run(alg, params, feedback=feedback)
    assert calls
    leftovers = {p.name for p in tmp_path.iterdir()} - {"sources.tif", "friction.tif", "t.csv"}
    assert not leftovers


def _table(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("code,friction\n0,1\n3,2\n7,5\n", encoding="utf-8")
    return path


def test_cancel_midway_through_a_large_search_leaves_no_output(dataterra_provider, raster_writer, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    rng = np.random.default_rng(8)
    friction = raster_writer("big_friction.tif", rng.uniform(1.0, 100.0, (500, 500)))
    sources = np.zeros((500, 500), dtype=np.int32)
    sources[250, 250] = 1
    source_path = raster_writer("one_source.tif", sources)
    seen = []
    feedback = QgsProcessingFeedback()

    def cancel_at_30_percent(value):
        seen.append(value)
        if value >= 30:
            feedback.cancel()

    feedback.progressChanged.connect(cancel_at_30_percent)
    outputs = {"OUTPUT": tmp_path / "cost.tif", "OUTPUT_NEAREST": tmp_path / "nearest.tif",
               "OUTPUT_AREA": tmp_path / "areas.gpkg"}
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("dataterra:cost_distance", {
            "SOURCES": source_path, "FRICTION": friction, "KNIGHT_MOVE": True,
            **{name: str(path) for name, path in outputs.items()}}, feedback=feedback)
    # the search (10 % to 82 %) reported progress and stopped at the first check after the request
    assert sum(10 < value < 30 for value in seen) >= 10
    assert 30 <= max(seen) < 40
    assert not any(path.exists() for path in outputs.values())
    assert {p.name for p in tmp_path.iterdir()} == {"big_friction.tif", "one_source.tif"}


def test_dispersal_areas_polygonizing_can_be_cancelled(raster_writer, tmp_path):
    from dataterra.biodispersal.core.grids import polygonize
    from dataterra.rasterblocks import open_raster
    from dataterra.rasterblocks.errors import Cancelled

    ids = (np.arange(400 * 400).reshape(400, 400) // 7 % 50 + 1).astype(np.int32)  # many small pieces
    like = open_raster(raster_writer("ids.tif", ids))
    polls = []

    def cancel_at_third_poll():
        polls.append(1)
        return len(polls) >= 3

    with pytest.raises(Cancelled):
        polygonize(ids, like, tmp_path / "areas.gpkg", is_cancelled=cancel_at_third_poll)
    assert len(polls) <= 4 and not (tmp_path / "areas.gpkg").exists()  # GDAL stopped at once
    written = polygonize(ids[:20, :20], like, tmp_path / "small.gpkg", is_cancelled=lambda: False)
    assert ogr.Open(written).GetLayer(0).GetFeatureCount() == len(np.unique(ids[:20, :20]))
