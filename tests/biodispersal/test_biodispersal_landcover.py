"""Selection, fusion and friction steps: cores by hand, algorithms through Processing and qgis_process."""
import numpy as np
import pytest
from osgeo import ogr

from dataterra.biodispersal.core import friction as friction_core
from dataterra.biodispersal.core.landcover import INT_NODATA, parse_classes, select_habitat_array
from dataterra.rasterblocks.errors import DataTerraError

CLC = np.array([[311, 311, 231, 112],
                [311, 312, 231, 112],
                [211, 211, 411, 512],
                [311, 211, 411, 512]], dtype=np.int32)


def test_parse_classes_and_select_by_hand():
    assert parse_classes("311-313, 324;231") == [311, 312, 313, 324, 231]
    with pytest.raises(DataTerraError, match="not a class code"):
        parse_classes("forest")
    selected = select_habitat_array(CLC.astype(float), [311, 312], min_cells=2)
    expected = np.full(CLC.shape, INT_NODATA)
    expected[0, 0], expected[0, 1], expected[1, 0], expected[1, 1] = 311, 311, 311, 312
    np.testing.assert_array_equal(selected, expected)  # the lone 311 at (3, 0) is too small


def test_presets_cover_their_nomenclatures():
    for nomenclature, path in (("oso", "nomenclature_oso.csv"), ("clc", "nomenclature_clc.csv")):
        codes = {int(line.split(",")[0]) for line in
                 (friction_core.RESOURCES / path).read_text(encoding="utf-8").splitlines()[1:]}
        for group in friction_core.SPECIES_GROUPS:
            table = friction_core.preset_table(nomenclature, group)
            assert set(table) == codes
    forest = friction_core.preset_table("clc", "forest")
    assert forest[311] == 1 and np.isnan(forest[512]) and forest[112] == 300


def test_friction_algorithm_preset_table_and_missing_classes(dataterra_provider, raster_writer, tmp_path, read_tif):
    import processing
    from qgis.core import QgsProcessingException

    landcover = raster_writer("clc.tif", CLC)
    result = processing.run("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 4, "OUTPUT": str(tmp_path / "friction.tif")})
    forest = friction_core.preset_table("clc", "forest")
    expected = np.vectorize(forest.get)(CLC).astype(float)
    np.testing.assert_allclose(read_tif(result["OUTPUT"]), expected, equal_nan=True)
    table = tmp_path / "table.csv"
    table.write_text("code;name;cost\n311;forest;1\n312;conifers;2,5\n231;pasture;\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="4 land-cover class.*112, 211, 411, 512"):
        processing.run("dataterra:friction_from_landcover", {
            "INPUT": landcover, "TABLE": str(table), "TABLE_COLUMN": "cost", "OUTPUT": str(tmp_path / "bad.tif")})
    assert not (tmp_path / "bad.tif").exists()
    small = raster_writer("small.tif", CLC[:2, :3])
    result = processing.run("dataterra:friction_from_landcover", {
        "INPUT": small, "TABLE": str(table), "TABLE_COLUMN": "cost", "OUTPUT": str(tmp_path / "ok.tif")})
    np.testing.assert_allclose(read_tif(result["OUTPUT"]), [[1, 1, np.nan], [1, 2.5, np.nan]], equal_nan=True)


def test_merge_by_priority(dataterra_provider, raster_writer, tmp_path, read_tif):
    import processing

    roads = np.full((4, 4), -1, dtype=np.int32)
    roads[1, :] = 122
    merged = processing.run("dataterra:merge_by_priority", {
        "INPUTS": [raster_writer("roads.tif", roads, nodata=-1), raster_writer("clc.tif", CLC)],
        "OUTPUT": str(tmp_path / "merged.tif")})
    expected = CLC.copy()
    expected[1, :] = 122
    np.testing.assert_array_equal(read_tif(merged["OUTPUT"]), expected)


def test_select_habitat_from_clc_polygons(dataterra_provider, sample_data, tmp_path, read_tif, run_qgis_process):
    import processing

    result = processing.run("dataterra:select_habitat", {
        "LANDCOVER": str(sample_data["clc"]), "CLASS_FIELD": "CODE_12", "CLASSES": "311-313",
        "RESOLUTION": 50, "KEEP_CLASS": False, "OUTPUT": str(tmp_path / "forest.tif")})
    selected = read_tif(result["OUTPUT"])
    ds = ogr.Open(str(sample_data["clc"]))
    layer = ds.GetLayer(0)
    layer.SetAttributeFilter("CODE_12 IN ('311', '312', '313')")
    forest_m2 = sum(f.GetGeometryRef().GetArea() for f in layer)
    assert np.nansum(selected) * 2500 == pytest.approx(forest_m2, rel=0.03)
    out = run_qgis_process("dataterra:select_habitat", {
        "LANDCOVER": str(sample_data["clc"]), "CLASS_FIELD": "CODE_12", "CLASSES": "311-313", "RESOLUTION": 50,
        "MIN_AREA": 50, "OUTPUT": str(tmp_path / "big.tif")})
    big = read_tif(out["results"]["OUTPUT"])
    assert 0 < np.isfinite(big).sum() < np.isfinite(selected).sum()
    assert set(np.unique(big[np.isfinite(big)])) <= {311, 312, 313}


def test_friction_and_merge_through_qgis_process(raster_writer, tmp_path, read_tif, run_qgis_process):
    landcover = raster_writer("clc.tif", CLC)
    out = run_qgis_process("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 6, "OUTPUT": str(tmp_path / "wet.tif")})
    wetland = friction_core.preset_table("clc", "wetland")
    np.testing.assert_allclose(read_tif(out["results"]["OUTPUT"]), np.vectorize(wetland.get)(CLC).astype(float))
    roads = np.full((4, 4), -1, dtype=np.int32)
    roads[:, 2] = 122
    merged = run_qgis_process("dataterra:merge_by_priority", {
        "INPUTS": [raster_writer("roads.tif", roads, nodata=-1), landcover], "OUTPUT": str(tmp_path / "m.tif")})
    expected = CLC.copy()
    expected[:, 2] = 122
    np.testing.assert_array_equal(read_tif(merged["results"]["OUTPUT"]), expected)


def test_friction_overlays(dataterra_provider, raster_writer, tmp_path, read_tif):
    import processing
    from qgis.core import QgsProcessingException

    roads = np.zeros((4, 4), dtype=np.int32)
    roads[1, :] = 1
    river = np.zeros((4, 4), dtype=np.int32)
    river[:, 0] = 5
    result = processing.run("dataterra:friction_from_landcover", {
        "INPUT": raster_writer("clc.tif", CLC), "PRESET": 4,
        "OVERLAYS": [raster_writer("roads.tif", roads), raster_writer("river.tif", river)],
        "OVERLAY_FRICTIONS": "1000, ", "OUTPUT": str(tmp_path / "f.tif")})
    forest = friction_core.preset_table("clc", "forest")
    expected = np.vectorize(forest.get)(CLC).astype(float)
    expected[:, 0] = np.nan  # the river is impassable
    expected[1, :] = 1000.0  # the road (first overlay) wins, also over the river
    np.testing.assert_allclose(read_tif(result["OUTPUT"]), expected, equal_nan=True)
    with pytest.raises(QgsProcessingException, match="one friction per overlay"):
        processing.run("dataterra:friction_from_landcover", {
            "INPUT": raster_writer("clc2.tif", CLC), "PRESET": 4, "OVERLAYS": [raster_writer("r2.tif", roads)],
            "OVERLAY_FRICTIONS": "", "OUTPUT": str(tmp_path / "g.tif")})
