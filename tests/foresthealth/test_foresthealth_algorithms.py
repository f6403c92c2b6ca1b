"""The forest-health algorithms through processing.run, on the shared THEIA series."""
import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr

ALGORITHMS = ("forest_index_series", "forest_harmonic_model", "forest_dieback_detection", "forest_dieback_export",
              "forest_dieback_all")
DATA = Path(__file__).resolve().parent.parent / "data" / "foresthealth"
TUTORIAL = {"MASK_FORMULA": "B2 > 600 | (B3 == 0) | (B4 ==0)", "SOURCE_MASK": True, "CLOUD_LIMIT": 0.4}


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


def test_algorithms_registered_in_the_forest_health_group(dataterra_provider):
    from qgis.core import QgsApplication

    for name in ALGORITHMS:
        algorithm = QgsApplication.processingRegistry().algorithmById(f"dataterra:{name}")
        assert algorithm is not None, name
        assert algorithm.groupId() == "foresthealth"
        assert algorithm.group() == "Forest health"
        assert len(algorithm.shortHelpString()) > 200


def test_index_series_one_band_per_date(dataterra_provider, shared_series, run_a, tmp_path):
    import processing

    out = tmp_path / "crswir.tif"
    processing.run("dataterra:forest_index_series", {"PRODUCTS": str(shared_series), **TUTORIAL, "OUTPUT": str(out)})
    ds = gdal.Open(str(out))
    dates = run_a[1].dates
    assert ds.RasterCount == len(dates)
    assert [ds.GetRasterBand(k + 1).GetDescription() for k in range(ds.RasterCount)] == dates
    values = ds.ReadAsArray()
    masks = run_a[2].masks
    for k in (0, 70, len(dates) - 1):
        assert np.array_equal(np.isnan(values[k]), masks[dates[k]])
    # CRSWIR of an unmasked pixel recomputed from its bands (20 m bands repeated 2 × 2)
    product = sorted(shared_series.glob(f"*{dates[0].replace('-', '')}*"))[0]
    band = {b: read(next(product.glob(f"*_FRE_{b}.tif"))).astype(float) for b in ("B8A", "B11", "B12")}
    r, c = np.argwhere(~masks[dates[0]])[0]
    b8a, b11, b12 = (band[b][r // 2, c // 2] for b in ("B8A", "B11", "B12"))
    assert values[0, r, c] == pytest.approx(b11 / (b8a + (b12 - b8a) / (2185.7 - 864) * (1610.4 - 864)), rel=1e-6)


def test_harmonic_model_coefficients_match_the_detection_state(dataterra_provider, shared_series, run_a, tmp_path):
    import processing

    result = processing.run("dataterra:forest_harmonic_model", {
        "PRODUCTS": str(shared_series), **TUTORIAL, "OUTPUT": str(tmp_path / "model.tif"),
        "FIRST_DETECTION": str(tmp_path / "first.tif")})
    coeffs = read(result["OUTPUT"])
    expected = read(run_a[0] / "coeffs.tif")
    np.testing.assert_array_equal(coeffs, expected)
    first = read(result["FIRST_DETECTION"])
    assert set(np.unique(first)) == {0, 20180105}


def test_detection_then_export_and_all_steps(dataterra_provider, shared_series, run_a, tmp_path):
    import processing

    state = tmp_path / "state"
    first = processing.run("dataterra:forest_dieback_detection", {
        "PRODUCTS": str(shared_series), **TUTORIAL, "STATE": str(state)})
    assert first["DATES"].split(",") == run_a[1].dates
    for name in ("coeffs", "state", "cum_diff"):
        np.testing.assert_array_equal(read(state / f"{name}.tif"), read(run_a[0] / f"{name}.tif"))
    outputs = {"POLYGONS": str(tmp_path / "dieback.gpkg"), "FIRST_DATE": str(tmp_path / "first.tif"),
               "STATE_RASTER": str(tmp_path / "state.tif"), "CONFIDENCE": str(tmp_path / "ci.tif"),
               "CONFIDENCE_CLASS": str(tmp_path / "class.tif")}
    forest = str(DATA / "area_interest.geojson")
    processing.run("dataterra:forest_dieback_export", {"STATE": str(state), "FOREST_POLYGONS": forest, **outputs})
    dieback = read(outputs["STATE_RASTER"]) == 2
    assert dieback.sum() == json.loads((DATA / "ref_A_run.json").read_text())["pixels"]["state_dieback"]
    dates = read(outputs["FIRST_DATE"])
    assert (dates[dieback] > 20180000).all() and (dates[~dieback] == 0).all()
    source = ogr.Open(outputs["POLYGONS"])
    layers = sorted(source.GetLayer(k).GetName() for k in range(source.GetLayerCount()))
    assert layers == ["dieback", "stress_periods"]
    dieback_layer = source.GetLayerByName("dieback")
    assert sum(f.GetField("area_m2") for f in dieback_layer) == pytest.approx(480 * 100)
    # the chained algorithm gives the same files
    chained = {key: value.replace(".", "_all.") for key, value in outputs.items()}
    processing.run("dataterra:forest_dieback_all", {
        "PRODUCTS": str(shared_series), **TUTORIAL, "STATE": str(tmp_path / "state_all"), "FOREST_POLYGONS": forest,
        **chained})
    for key in ("FIRST_DATE", "STATE_RASTER", "CONFIDENCE", "CONFIDENCE_CLASS"):
        np.testing.assert_array_equal(read(chained[key]), read(outputs[key]), err_msg=key)


def test_clear_error_when_the_folder_has_no_products(dataterra_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="No Sentinel-2 L2A product"):
        processing.run("dataterra:forest_dieback_detection", {"PRODUCTS": str(tmp_path), "STATE": str(tmp_path / "s")})
    assert not (tmp_path / "s").exists()


def test_area_of_interest_crops_to_the_pixels_inside(dataterra_provider, shared_series, run_a, tmp_path):
    import processing

    result = processing.run("dataterra:forest_harmonic_model", {
        "PRODUCTS": str(shared_series), **TUTORIAL, "EXTENT": "642100,642300,5451600,5451800 [EPSG:32631]",
        "OUTPUT": str(tmp_path / "model.tif")})
    ds = gdal.Open(result["OUTPUT"])
    assert (ds.RasterXSize, ds.RasterYSize) == (20, 20)
    assert ds.GetGeoTransform()[0] == 642100 and ds.GetGeoTransform()[3] == 5451800
    # rows 20-39, columns 10-29 of the whole run (origin 642000 E, 5452000 N)
    np.testing.assert_array_equal(ds.ReadAsArray(), read(run_a[0] / "coeffs.tif")[:, 20:40, 10:30])


def test_styles_dates_as_dates_and_a_temporal_dieback_layer(dataterra_provider, run_a, tmp_path):
    import processing
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    from dataterra.foresthealth.algorithms import styling

    outputs = {"POLYGONS": str(tmp_path / "d.gpkg"), "FIRST_DATE": str(tmp_path / "first.tif"),
               "STATE_RASTER": str(tmp_path / "s.tif"), "CONFIDENCE": str(tmp_path / "c.tif"),
               "CONFIDENCE_CLASS": str(tmp_path / "k.tif")}
    processing.run("dataterra:forest_dieback_export", {"STATE": str(run_a[0]), **outputs})
    raster = QgsRasterLayer(outputs["FIRST_DATE"], "first")
    renderer = styling.date_renderer(raster)
    labels = [c.label for c in renderer.classes()]
    assert labels == sorted(labels) and all(len(label) == 10 and label[4] == "-" for label in labels)
    assert labels[0] == "2018-03-16"  # zone C, onset 2018-03-01
    layer = QgsVectorLayer(f"{outputs['POLYGONS']}|layername=dieback", "dieback", "ogr")
    assert layer.isValid()
    styling.make_temporal(layer)
    properties = layer.temporalProperties()
    assert properties.isActive() and properties.startField() == "period_start"
    starts = sorted({f["period_start"].toString("yyyy-MM-dd") for f in layer.getFeatures()})
    assert starts == ["2018-03-01", "2018-07-01", "2019-02-01", "2019-05-01", "2019-07-01"]


def test_toolbox_run_keeps_the_forest_styles(dataterra_provider, run_a, tmp_path):
    """Loaded by Processing (toolbox, runAndLoadResults), the state raster keeps its named
    classes and the dieback polygons their classes: the plugin's generic class style must not
    replace the algorithm's own."""
    import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsNumericFormatContext, QgsProject

    QgsProject.instance().removeAllMapLayers()
    outputs = {"POLYGONS": str(tmp_path / "d.gpkg"), "FIRST_DATE": str(tmp_path / "first.tif"),
               "STATE_RASTER": str(tmp_path / "s.tif"), "CONFIDENCE": str(tmp_path / "c.tif"),
               "CONFIDENCE_CLASS": str(tmp_path / "k.tif")}
    processing.runAndLoadResults("dataterra:forest_dieback_export", {"STATE": str(run_a[0]), **outputs})
    layers = {layer.source(): layer for layer in QgsProject.instance().mapLayers().values()}
    state = layers[outputs["STATE_RASTER"]].renderer()
    assert [(c.value, c.label) for c in state.classes()] == [
        (1, "Healthy"), (2, "Dieback"), (3, "Bare soil"), (4, "Bare soil after dieback")]
    shader = layers[outputs["CONFIDENCE"]].renderer().shader().rasterShaderFunction()
    maximum = float(np.nanmax(read(outputs["CONFIDENCE"])))
    assert shader.maximumValue() == pytest.approx(maximum, rel=1e-6)
    # the legend reads about three significant digits, as the plugin's other ramps
    legend = shader.legendSettings().numericFormat().formatDouble(maximum, QgsNumericFormatContext())
    assert 0.1 < maximum < 1 and legend == f"{maximum:.3f}"  # "0.471", not "0.476583"
    first = [c.label for c in layers[outputs["FIRST_DATE"]].renderer().classes()]
    assert first[0] == "2018-03-16"  # dates, not YYYYMMDD codes
    dieback = layers[f"{outputs['POLYGONS']}|layername=dieback"].renderer()
    assert isinstance(dieback, QgsCategorizedSymbolRenderer) and dieback.classAttribute() == "class"
    QgsProject.instance().removeAllMapLayers()


def test_chained_run_cancelled_during_export_leaves_no_state(dataterra_provider, shared_series, tmp_path):
    """A cancel that lands after the detection (during the export) takes the state this run
    made with it: the chained run leaves nothing under its output names."""
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if percent >= 50 else None)
    outputs = {"STATE": tmp_path / "state", "POLYGONS": tmp_path / "dieback.gpkg", "FIRST_DATE": tmp_path / "first.tif",
               "STATE_RASTER": tmp_path / "state.tif", "CONFIDENCE": tmp_path / "ci.tif",
               "CONFIDENCE_CLASS": tmp_path / "class.tif"}
    with pytest.raises(QgsProcessingException) as error:
        processing.run("dataterra:forest_dieback_all", {
            "PRODUCTS": str(shared_series), **TUTORIAL, **{k: str(v) for k, v in outputs.items()}}, feedback=feedback)
    assert feedback.isCanceled(), str(error.value)
    assert [p.name for p in tmp_path.iterdir()] == []
