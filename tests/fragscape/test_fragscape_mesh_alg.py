"""dataterra:effective_mesh_size through processing.run and qgis_process."""
import numpy as np
import pytest

ALG = "dataterra:effective_mesh_size"


def run(parameters):
    import processing

    return processing.run(ALG, {"OUTPUT": "memory:", **parameters})


def features_by(layer, field):
    return {f[field]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("method", ["CUT", "CBC"])
def test_vector_hand_case(dataterra_provider, hand_case, method):
    result = run({"INPUT": hand_case["patches"], "REPORTING": hand_case["units"],
                  "METHOD": ["CUT", "CBC"].index(method)})
    units = features_by(result["OUTPUT"], "name")
    expected = hand_case["cut_m2"] if method == "CUT" else hand_case["cbc_m2"]
    assert units["west"]["meff_ha"] == pytest.approx(expected[0] / 1e4, rel=1e-9)
    assert units["east"]["meff_ha"] == pytest.approx(expected[1] / 1e4, rel=1e-9)
    assert units["west"]["meff_km2"] == pytest.approx(expected[0] / 1e6, rel=1e-9)
    assert units["west"]["area_ha"] == pytest.approx(1.0)
    assert units["west"]["n_patches"] == 4  # straddling piece, holed square, two bow-tie triangles
    assert units["east"]["n_patches"] == 3  # straddling piece + the two parts of the multipolygon
    assert units["west"]["habitat_ha"] == pytest.approx((1000 + 1500 + 50) / 1e4)
    assert units["east"]["coherence"] == pytest.approx(expected[1] / 1e4)
    assert units["east"]["splitting_index"] == pytest.approx(1e4 / expected[1])
    assert units["east"]["s_eff"] == pytest.approx(1e4 / expected[1])
    # all units together: area-weighted mean of the units' meff
    assert result["MEFF_HA"] == pytest.approx((expected[0] + expected[1]) / 2 / 1e4, rel=1e-9)


def test_vector_min_patch_area_and_grid(dataterra_provider, hand_case):
    result = run({"INPUT": hand_case["patches"], "REPORTING": hand_case["units"], "MIN_PATCH_AREA": 500})
    units = features_by(result["OUTPUT"], "name")
    assert units["west"]["meff_ha"] == pytest.approx((1000**2 + 1500**2) / 1e4 / 1e4)
    assert units["east"]["n_patches"] == 1
    grid = run({"INPUT": hand_case["patches"], "GRID_SIZE": 100.0})["OUTPUT"]
    # extent of the patches: x 0..310, y 0..100 -> 4 columns x 1 row of 100 m cells
    cells = features_by(grid, "cell_id")
    assert len(cells) == 4
    assert cells[1]["meff_ha"] == pytest.approx(hand_case["cut_m2"][0] / 1e4)
    assert cells[4]["meff_ha"] == pytest.approx(100**2 / 1e4 / 1e4)


# A U-shaped patch leaves the west unit (x < 100) and comes back: bars y 30-40 and y 60-70 from
# x 60 to 140, joined by x 130-140 in the east unit. Whole patch 80·10 + 80·10 + 10·20 = 1800 m²;
# west: two pieces of 40·10 = 400 m² (joined only outside the unit); east: one piece of
# 40·10 + 40·10 + 10·20 = 1000 m².
U_PATCH = "POLYGON((60 30, 140 30, 140 70, 60 70, 60 60, 130 60, 130 40, 60 40, 60 30))"


@pytest.mark.parametrize("method", ["CUT", "CBC"])
def test_vector_patch_leaving_a_unit_and_coming_back(dataterra_provider, hand_case, vector_tools, method):
    patches = vector_tools.polygons([U_PATCH])
    result = run({"INPUT": patches, "REPORTING": hand_case["units"], "METHOD": ["CUT", "CBC"].index(method)})
    units = features_by(result["OUTPUT"], "name")
    assert units["west"]["n_patches"] == 2 and units["east"]["n_patches"] == 1
    assert units["west"]["habitat_ha"] == pytest.approx(800 / 1e4)
    if method == "CUT":  # (400² + 400²) / 10 000 m² (not 800² / 10 000), 1000² / 10 000
        assert units["west"]["meff_ha"] == pytest.approx(32.0 / 1e4)
        assert units["east"]["meff_ha"] == pytest.approx(100.0 / 1e4)
    else:  # (400·1800 + 400·1800) / 10 000, 1000·1800 / 10 000
        assert units["west"]["meff_ha"] == pytest.approx(144.0 / 1e4)
        assert units["east"]["meff_ha"] == pytest.approx(180.0 / 1e4)


def test_raster_and_vector_agree_on_the_u_shaped_patch(dataterra_provider, tif_writer, vector_tools):
    """The same U at 10 m pixels (resolved exactly): raster CUT = vector CUT in each unit."""
    habitat = np.zeros((10, 20), dtype=np.uint8)  # rows from y = 100 down to 0, columns x 0..200
    habitat[3, 6:14] = 1  # y 60-70
    habitat[6, 6:14] = 1  # y 30-40
    habitat[4:6, 13] = 1  # x 130-140, y 40-60
    path = tif_writer(habitat, origin=(0.0, 100.0))
    hand_units = vector_tools.polygons(
        ["POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))"],
        fields={"name": ["west", "east"]})
    raster = features_by(run({"INPUT": path, "REPORTING": hand_units, "CONNECTIVITY": 0})["OUTPUT"], "name")
    vector = features_by(run({"INPUT": vector_tools.polygons([U_PATCH]), "REPORTING": hand_units})["OUTPUT"],
                         "name")
    for name in ("west", "east"):
        assert raster[name]["meff_ha"] == pytest.approx(vector[name]["meff_ha"], rel=1e-9)
        assert raster[name]["n_patches"] == vector[name]["n_patches"]


def test_raster_default_connectivity_is_fragscapes_4_neighbours(dataterra_provider, tif_writer):
    """Without CONNECTIVITY raster patches are labelled as FragScape's raster mode does (4 neighbours,
    ndimage.generate_binary_structure(2, 1)): two 2 × 2 blocks of 10 m pixels touching only at a corner
    in a 4 × 4 raster are two patches of 400 m², meff = (400² + 400²) / 1600 m² = 0.02 ha; with 8
    neighbours they are one patch of 800 m², 800² / 1600 m² = 0.04 ha."""
    from dataterra.fragscape.core.raster_mesh import effective_mesh_size_raster

    habitat = np.zeros((4, 4), dtype=np.uint8)
    habitat[0:2, 0:2] = 1
    habitat[2:4, 2:4] = 1
    path = tif_writer(habitat)
    default = run({"INPUT": path})
    four = effective_mesh_size_raster(path, habitat_values=None, connectivity=4)
    eight = run({"INPUT": path, "CONNECTIVITY": 1})
    assert default["MEFF_HA"] == pytest.approx(four.whole.meff_ha, rel=1e-12)
    assert default["MEFF_HA"] == pytest.approx(0.02, rel=1e-12)
    assert next(default["OUTPUT"].getFeatures())["n_patches"] == 2
    assert eight["MEFF_HA"] == pytest.approx(0.04, rel=1e-12)
    assert next(eight["OUTPUT"].getFeatures())["n_patches"] == 1


def test_raster_hand_case_with_reporting(dataterra_provider, tif_writer, vector_tools):
    habitat = np.array([[1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0]],
                       dtype=np.uint8)
    path = tif_writer(habitat, origin=(700000.0, 6300000.0))
    units = vector_tools.polygons([
        "POLYGON((700000 6299960, 700030 6299960, 700030 6300000, 700000 6300000, 700000 6299960))",
        "POLYGON((700030 6299960, 700060 6299960, 700060 6300000, 700030 6300000, 700030 6299960))"],
        fields={"name": ["west", "east"]})
    out = run({"INPUT": path, "REPORTING": units, "CONNECTIVITY": 0})["OUTPUT"]
    cut = features_by(out, "name")
    cbc = features_by(run({"INPUT": path, "REPORTING": units, "CONNECTIVITY": 0, "METHOD": 1})["OUTPUT"], "name")
    assert cut["west"]["meff_ha"] == pytest.approx(13 / 12 * 100 / 1e4)
    assert cut["east"]["meff_ha"] == pytest.approx(5 / 12 * 100 / 1e4)
    assert cbc["west"]["meff_ha"] == pytest.approx(16 / 12 * 100 / 1e4)
    assert cbc["east"]["meff_ha"] == pytest.approx(8 / 12 * 100 / 1e4)


def test_raster_whole_extent_and_grid_raster(dataterra_provider, tif_writer, tmp_path):
    habitat = np.zeros((4, 6), dtype=np.uint8)
    habitat[0:2, 0:3] = 1
    path = tif_writer(habitat)
    whole = run({"INPUT": path})
    assert whole["MEFF_HA"] == pytest.approx(36 / 24 * 100 / 1e4)
    assert whole["COHERENCE"] == pytest.approx(36 / 24**2)
    assert whole["OUTPUT"].featureCount() == 1
    output = str(tmp_path / "meff.tif")
    grid = run({"INPUT": path, "GRID_SIZE": 20.0, "OUTPUT_RASTER": output})
    assert grid["OUTPUT"].featureCount() == 6
    from osgeo import gdal

    values = gdal.Open(output).ReadAsArray()
    assert values.shape == (2, 3)
    assert values[0, 0] == pytest.approx(16 / 4 * 100 / 1e4)


def test_bad_inputs(dataterra_provider, hand_case, vector_tools):
    from qgis.core import QgsProcessingException

    geographic = vector_tools.polygons(["POLYGON((3 43, 3.1 43, 3.1 43.1, 3 43.1, 3 43))"], epsg=4326)
    with pytest.raises(QgsProcessingException, match="geographic"):
        run({"INPUT": geographic})
    empty = vector_tools.polygons([], fields=None)
    with pytest.raises(QgsProcessingException, match="no polygon"):
        run({"INPUT": hand_case["patches"], "REPORTING": empty})
    with pytest.raises(QgsProcessingException, match="not both"):
        run({"INPUT": hand_case["patches"], "REPORTING": hand_case["units"], "GRID_SIZE": 50})


def test_reporting_in_another_crs_is_reprojected(dataterra_provider, hand_case, vector_tools):
    import processing
    from qgis.core import QgsCoordinateReferenceSystem

    reprojected = processing.run("native:reprojectlayer", {
        "INPUT": hand_case["units"], "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:3857"),
        "OUTPUT": "memory:"})["OUTPUT"]
    units = features_by(run({"INPUT": hand_case["patches"], "REPORTING": reprojected})["OUTPUT"], "name")
    assert units["west"]["meff_ha"] == pytest.approx(hand_case["cut_m2"][0] / 1e4, rel=1e-6)


def test_qgis_process(run_qgis_process, hand_case, vector_tools, tmp_path):
    patches = vector_tools.gpkg(hand_case["patches"], tmp_path / "patches.gpkg")
    units = vector_tools.gpkg(hand_case["units"], tmp_path / "units.gpkg")
    output = tmp_path / "meff.gpkg"
    result = run_qgis_process(ALG, {"INPUT": patches, "REPORTING": units, "METHOD": 1, "OUTPUT": str(output)})
    expected = hand_case["cbc_m2"]
    assert result["results"]["MEFF_HA"] == pytest.approx((expected[0] + expected[1]) / 2 / 1e4, rel=1e-9)
    assert output.exists()


def test_raster_grid_cell_ids_match_the_grid_raster(dataterra_provider, tif_writer, tmp_path):
    habitat = np.zeros((4, 6), dtype=np.uint8)
    habitat[2:4, 4:6] = 1  # only the bottom-right 20 m cell (id 6) is habitat
    path = tif_writer(habitat, nodata=None)
    cells = features_by(run({"INPUT": path, "GRID_SIZE": 20.0})["OUTPUT"], "cell_id")
    assert sorted(cells) == [1, 2, 3, 4, 5, 6]
    assert cells[6]["meff_ha"] == pytest.approx(400 / 1e4) and cells[5]["meff_ha"] == 0


def test_vector_grid_raster_output(dataterra_provider, hand_case, tmp_path):
    from osgeo import gdal

    output = str(tmp_path / "vector_grid.tif")
    run({"INPUT": hand_case["patches"], "GRID_SIZE": 100.0, "OUTPUT_RASTER": output})
    dataset = gdal.Open(output)
    assert (dataset.RasterXSize, dataset.RasterYSize) == (4, 1)
    assert dataset.GetGeoTransform()[1] == 100.0
    values = dataset.ReadAsArray()
    assert values[0, 0] == pytest.approx(hand_case["cut_m2"][0] / 1e4, rel=1e-6)
    assert values[0, 3] == pytest.approx(100**2 / 1e4 / 1e4, rel=1e-6)


def test_curved_reporting_units_count_like_straight_ones(dataterra_provider, tif_writer, vector_tools):
    """Units read from WFS arrive as MultiSurface: they must be rasterised, not silently empty."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes

    habitat = np.array([[1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0]],
                       dtype=np.uint8)
    path = tif_writer(habitat, origin=(700000.0, 6300000.0))
    wkts = ["MULTIPOLYGON(((700000 6299960, 700030 6299960, 700030 6300000, 700000 6300000, 700000 6299960)))",
            "MULTIPOLYGON(((700030 6299960, 700060 6299960, 700060 6300000, 700030 6300000, 700030 6299960)))"]
    curved = QgsVectorLayer("MultiSurface?crs=EPSG:2154&field=name:string", "curved", "memory")
    features = []
    for wkt, name in zip(wkts, ["west", "east"]):
        feature = QgsFeature(curved.fields())
        straight = QgsGeometry.fromWkt(wkt)  # kept alive while its curve copy is made
        feature.setGeometry(QgsGeometry(straight.constGet().toCurveType()))
        feature.setAttribute("name", name)
        features.append(feature)
    curved.dataProvider().addFeatures(features)
    assert next(curved.getFeatures()).geometry().wkbType() == QgsWkbTypes.MultiSurface
    units = features_by(run({"INPUT": path, "REPORTING": curved, "CONNECTIVITY": 0})["OUTPUT"], "name")
    assert units["west"]["meff_ha"] == pytest.approx(13 / 12 * 100 / 1e4)
    assert units["east"]["meff_ha"] == pytest.approx(5 / 12 * 100 / 1e4)
