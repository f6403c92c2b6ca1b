"""dataterra:fragmenting_elements, prepare_landscape and compare_fragmentation."""
import math

import pytest


def run(algorithm, parameters):
    import processing

    return processing.run(f"dataterra:{algorithm}", parameters)


def total_area(layer):
    return sum(f.geometry().area() for f in layer.getFeatures())


def test_fragmenting_elements_filter_and_data_defined_buffer(dataterra_provider, line_tools):
    from qgis.core import QgsProperty

    roads = line_tools.lines(
        ["LINESTRING(0 0, 100 0)", "LINESTRING(0 500, 100 500)", "LINESTRING(0 900, 100 900)"],
        {"VOCATION": ["Type autoroutier", "Liaison locale", "Liaison locale"],
         "ETAT": ["Revêtu", "Revêtu", "Non revêtu"]})
    distance = QgsProperty.fromExpression("CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 ELSE 7.5 END")
    output = run("fragmenting_elements", {"INPUT": roads, "FILTER": "\"ETAT\" = 'Revêtu'", "BUFFER": distance,
                                          "OUTPUT": "memory:"})["OUTPUT"]
    assert output.featureCount() == 1  # dissolved
    # flat part 100 x 2d plus two round caps (a full disc of radius d, polygon-approximated)
    expected = 100 * 60 + math.pi * 30**2 + 100 * 15 + math.pi * 7.5**2
    assert total_area(output) == pytest.approx(expected, rel=0.01)


def test_fragmenting_elements_polygons_dissolved_and_lines_need_distance(dataterra_provider, vector_tools,
                                                                         line_tools):
    from qgis.core import QgsProcessingException

    squares = vector_tools.polygons(["POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))",
                                     "POLYGON((5 0, 15 0, 15 10, 5 10, 5 0))"])
    output = run("fragmenting_elements", {"INPUT": squares, "OUTPUT": "memory:"})["OUTPUT"]
    assert total_area(output) == pytest.approx(150.0)
    with pytest.raises(QgsProcessingException, match="buffer distance above 0"):
        run("fragmenting_elements", {"INPUT": line_tools.lines(["LINESTRING(0 0, 1 1)"], {"a": ["x"]}),
                                     "OUTPUT": "memory:"})


def test_prepare_landscape_vector(dataterra_provider, landcover_case):
    result = run("prepare_landscape", {
        "LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12", "HABITAT_CLASSES": "311,312,999",
        "FRAGMENTING": [landcover_case["barrier"]], "MODE": 0, "OUTPUT": "memory:"})["OUTPUT"]
    areas = sorted(f["area_m2"] for f in result.getFeatures())
    # 311 left of the barrier (40 x 100), 311 right of it joined with 312 (40 x 100 + 100 x 100)
    assert areas == pytest.approx([4000.0, 14000.0])
    clipped = run("prepare_landscape", {
        "LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12", "PRESET": 2,
        "FRAGMENTING": [landcover_case["barrier"]], "STUDY_AREA": landcover_case["study"], "MODE": 0,
        "OUTPUT": "memory:"})["OUTPUT"]
    assert sorted(f["area_m2"] for f in clipped.getFeatures()) == pytest.approx([2000.0, 7000.0])


def test_prepare_landscape_raster(dataterra_provider, landcover_case, tmp_path):
    from osgeo import gdal

    output = str(tmp_path / "habitat.tif")
    run("prepare_landscape", {
        "LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12", "HABITAT_CLASSES": "311,312",
        "FRAGMENTING": [landcover_case["barrier"]], "STUDY_AREA": landcover_case["study"], "MODE": 1,
        "RESOLUTION": 10.0, "OUTPUT_RASTER": output})
    values = gdal.Open(output).ReadAsArray()
    assert values.shape == (5, 25)  # study area 250 m x 50 m at 10 m
    assert (values == 1).sum() == 5 * (4 + 14)  # columns 0-3 and 6-19
    assert (values[:, 4:6] == 0).all() and (values[:, 20:] == 0).all()
    meff = run("effective_mesh_size", {"INPUT": output, "OUTPUT": "memory:"})
    # patches 2000 and 7000 m² in 12500 m²
    assert meff["MEFF_HA"] == pytest.approx((2000**2 + 7000**2) / 12500 / 1e4)


def test_prepare_landscape_errors(dataterra_provider, landcover_case):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="None of the habitat classes"):
        run("prepare_landscape", {"LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12",
                                  "HABITAT_CLASSES": "999", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="No habitat class"):
        run("prepare_landscape", {"LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12",
                                  "OUTPUT": "memory:"})


def test_compare_fragmentation(dataterra_provider, hand_case):
    before = run("effective_mesh_size", {"INPUT": hand_case["patches"], "REPORTING": hand_case["units"],
                                         "OUTPUT": "memory:"})["OUTPUT"]
    after = run("effective_mesh_size", {"INPUT": hand_case["patches"], "REPORTING": hand_case["units"],
                                        "MIN_PATCH_AREA": 500, "OUTPUT": "memory:"})["OUTPUT"]
    diff = {f["name"]: f for f in run("compare_fragmentation", {
        "BEFORE": before, "AFTER": after, "KEY_FIELD": "name", "OUTPUT": "memory:"})["OUTPUT"].getFeatures()}
    old = hand_case["cut_m2"][1] / 1e4
    new = 1000**2 / 1e4 / 1e4
    assert diff["east"]["meff_ha_before"] == pytest.approx(old)
    assert diff["east"]["meff_ha_diff"] == pytest.approx(new - old)
    assert diff["east"]["meff_ha_pct"] == pytest.approx(100 * (new - old) / old)
    assert diff["east"]["n_patches_diff"] == -2


def test_qgis_process_prepare_fragmenting_compare(run_qgis_process, landcover_case, vector_tools, line_tools,
                                                  hand_case, tmp_path):
    landcover = vector_tools.gpkg(landcover_case["landcover"], tmp_path / "landcover.gpkg")
    patches = tmp_path / "patches.gpkg"
    run_qgis_process("dataterra:prepare_landscape", {
        "LANDCOVER": landcover, "CLASS_FIELD": "CODE_12", "HABITAT_CLASSES": "311,312", "OUTPUT": str(patches)})
    assert patches.exists()
    from qgis.core import QgsVectorLayer

    assert QgsVectorLayer(str(patches), "p").featureCount() == 1
    lines = vector_tools.gpkg(line_tools.lines(["LINESTRING(0 0, 100 0)"], {"a": ["x"]}), tmp_path / "l.gpkg")
    barriers = tmp_path / "barriers.gpkg"
    run_qgis_process("dataterra:fragmenting_elements", {"INPUT": lines, "BUFFER": 5, "OUTPUT": str(barriers)})
    assert QgsVectorLayer(str(barriers), "b").featureCount() == 1
    by_expression = tmp_path / "barriers_expression.gpkg"
    run_qgis_process("dataterra:fragmenting_elements", {
        "INPUT": lines, "FILTER": "\"a\" = 'x'", "BUFFER": "CASE WHEN \"a\" = 'x' THEN 5 ELSE 1 END",
        "OUTPUT": str(by_expression)})
    area = sum(f.geometry().area() for f in QgsVectorLayer(str(by_expression), "e").getFeatures())
    assert area == pytest.approx(100 * 10 + math.pi * 25, rel=0.01)
    units = vector_tools.gpkg(hand_case["units"], tmp_path / "units.gpkg")
    outputs = []
    for number, min_area in enumerate((0, 500)):
        output = tmp_path / f"meff_{number}.gpkg"
        run_qgis_process("dataterra:effective_mesh_size", {
            "INPUT": vector_tools.gpkg(hand_case["patches"], tmp_path / f"p{number}.gpkg"), "REPORTING": units,
            "MIN_PATCH_AREA": min_area, "OUTPUT": str(output)})
        outputs.append(str(output))
    diff = tmp_path / "diff.gpkg"
    run_qgis_process("dataterra:compare_fragmentation", {"BEFORE": outputs[0], "AFTER": outputs[1],
                                                         "KEY_FIELD": "name", "OUTPUT": str(diff)})
    layer = QgsVectorLayer(str(diff), "d")
    values = {f["name"]: f["n_patches_diff"] for f in layer.getFeatures()}
    assert values == {"west": -2, "east": -2}


def test_one_output_name_serves_both_modes_and_text_buffer(dataterra_provider, landcover_case, line_tools,
                                                           tmp_path):
    """The fragmentation wizard passes OUTPUT=<file>.tif in raster mode and buffers as text."""
    output = str(tmp_path / "habitat_one_output.tif")
    result = run("prepare_landscape", {
        "LANDCOVER": landcover_case["landcover"], "CLASS_FIELD": "CODE_12", "HABITAT_CLASSES": "311,312",
        "MODE": 1, "RESOLUTION": 10.0, "OUTPUT": output})
    assert result["OUTPUT"] == output
    from osgeo import gdal

    assert (gdal.Open(output).ReadAsArray() == 1).sum() == 200
    roads = line_tools.lines(["LINESTRING(0 0, 100 0)"], {"width": ["4"]})
    buffered = run("fragmenting_elements", {"INPUT": roads, "BUFFER": "to_real(\"width\") / 2",
                                            "OUTPUT": "memory:"})["OUTPUT"]
    assert total_area(buffered) == pytest.approx(100 * 4 + math.pi * 4, rel=0.01)


def test_prepare_landscape_from_oso_raster(dataterra_provider, tif_writer, line_tools, vector_tools, tmp_path):
    import numpy as np
    from osgeo import gdal

    # 10 m OSO-like raster, 6 x 8 pixels: 16 broadleaf forest (natural), 6 straw cereals
    oso = np.full((6, 8), 16, dtype=np.uint8)
    oso[:, 6:] = 6
    oso[0, 0] = 0  # nodata
    path = tif_writer(oso, origin=(700000.0, 6300000.0), nodata=0)
    road = line_tools.lines(["LINESTRING(700035 6300000, 700035 6299940)"], {"kind": ["road"]})  # column 3
    study = vector_tools.polygons(["POLYGON((700000 6299940, 700080 6299940, 700080 6299990, 700000 6299990, "
                                   "700000 6299940))"])  # leaves out the top row
    output = str(tmp_path / "habitat_oso.tif")
    run("prepare_landscape", {"LANDCOVER": path, "PRESET": 1, "FRAGMENTING": [road], "STUDY_AREA": study,
                              "MODE": 1, "RESOLUTION": 10.0, "OUTPUT_RASTER": output})
    values = gdal.Open(output).ReadAsArray()
    assert values.shape == (5, 8)
    assert (values[:, 3] == 0).all()  # the road column
    assert (values[:, :3] == 1).all() and (values[:, 4:6] == 1).all() and (values[:, 6:] == 0).all()
    # habitat 15 + 10 pixels in 40 pixels of 100 m²
    meff = run("effective_mesh_size", {"INPUT": output, "OUTPUT": "memory:"})["MEFF_HA"]
    assert meff == pytest.approx((1500**2 + 1000**2) / 4000 / 1e4)


def test_cancelled_run_leaves_no_output(dataterra_provider, tif_writer, tmp_path):
    import numpy as np
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    path = tif_writer(np.ones((40, 40), dtype=np.uint8))
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    output = tmp_path / "meff_grid.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        import processing

        processing.run("dataterra:effective_mesh_size", {"INPUT": path, "GRID_SIZE": 100.0,
                                                         "OUTPUT": str(tmp_path / "meff.gpkg"),
                                                         "OUTPUT_RASTER": str(output)}, feedback=feedback)
    assert not output.exists() and not (tmp_path / "meff.gpkg").exists()
