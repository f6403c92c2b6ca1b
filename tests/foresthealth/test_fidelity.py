"""The plugin's detection against fordead's own outputs on the shared series.

Run A: fordead's tutorial settings (CLI); run B: the same with soil detection on (Python
API). Every per-pixel output of ref_*_pixels.csv.gz and every exported polygon of
ref_*_vectors.csv must be reproduced (tests/data/foresthealth/README.md gives the sources).
"""
import csv
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr

from dataterra.foresthealth.core import export, forest, series

DATA = Path(__file__).resolve().parent.parent / "data" / "foresthealth"

RUNS = ("A", "B")
LAYERS = {"periodic_results_dieback": "dieback", "stress_periods": "stress_periods", "periodic_results_soil": "soil"}


@pytest.fixture(scope="module", params=RUNS)
def run(request, run_a, run_b):
    name = request.param
    state_folder, plan, recorder = run_a if name == "A" else run_b
    state = series.load_state(state_folder)
    grid = state["grid"]
    forest_mask = forest.from_polygons(DATA / "area_interest.geojson", grid.geotransform, (grid.height, grid.width),
                                       grid.crs_wkt)
    reference = pd.read_csv(DATA / f"ref_{name}_pixels.csv.gz", keep_default_na=False, na_values=[""])
    return {"name": name, "folder": state_folder, "plan": plan, "recorder": recorder, "forest": forest_mask,
            "results": export.results(state_folder, forest_mask), "ref": reference,
            "parameters": json.loads((DATA / f"ref_{name}_run.json").read_text())["parameters"]}


def _raster(folder, name):
    return gdal.Open(str(folder / f"{name}.tif")).ReadAsArray()


def _at(array, ref):
    return np.asarray(array)[..., ref.row.values, ref.col.values]


def _date_or_empty(dates, indices, valid):
    return np.array([dates[i] if ok else "" for i, ok in zip(indices, valid)], dtype=object)


def _text(series_):
    return series_.fillna("").astype(str).values


def test_dates_used_and_dropped_are_fordeads(run):
    document = json.loads((DATA / f"ref_{run['name']}_run.json").read_text())
    plan = run["plan"]
    assert plan.dates == document["dates_used"]
    assert sorted(plan.dropped) == document["dates_dropped"]
    recorded = np.load(DATA / "ref_masks.npz")
    expected = dict(zip(recorded["input_dates"], recorded["cloudiness"]))
    for date, value in plan.cloudiness.items():
        assert value == pytest.approx(expected[date], abs=1e-12)


def test_every_date_mask_and_anomaly_is_fordeads(run):
    recorded = np.load(DATA / "ref_masks.npz")
    name, recorder = run["name"], run["recorder"]
    masks = np.unpackbits(recorded[f"mask_{name}"], axis=2)[:, :, :60].astype(bool)
    for k, date in enumerate(recorded[f"dates_{name}"]):
        assert np.array_equal(recorder.masks[str(date)], masks[k]), date
    anomalies = np.unpackbits(recorded[f"anomaly_{name}"], axis=2)[:, :, :60].astype(bool)
    assert len(recorder.anomalies) == len(recorded[f"anomaly_dates_{name}"])
    for k, date in enumerate(recorded[f"anomaly_dates_{name}"]):
        assert np.array_equal(recorder.anomalies[str(date)], anomalies[k]), date


def test_model_coefficients_and_training_dates(run):
    ref, folder, dates = run["ref"], run["folder"], run["plan"].dates
    first = _at(_raster(folder, "first_detection"), ref)
    assert np.array_equal(first, ref.first_detection_date_index.values)
    sufficient = _at(run["results"].sufficient, ref)
    assert np.array_equal(sufficient, ref.sufficient_coverage.values.astype(bool))
    assert np.array_equal(_date_or_empty(dates, first, sufficient), _text(ref.first_detection_date))
    coeffs = _at(_raster(folder, "coeffs"), ref)
    for k in range(5):
        expected = ref[f"coeff_{k + 1}"].values
        assert np.array_equal(np.isnan(coeffs[k]), np.isnan(expected))
        np.testing.assert_allclose(coeffs[k][sufficient], expected[sufficient], rtol=0, atol=1e-9)


def _assert_state_and_first_date(run, state, first_date, count_raster, kind):
    """fordead's state_<kind>, first_date_<kind>(_index) and count_<kind> columns."""
    ref, dates = run["ref"], run["plan"].dates
    state, first = _at(state, ref), _at(first_date, ref)
    assert np.array_equal(state, ref[f"state_{kind}"].values.astype(bool))
    assert np.array_equal(first, ref[f"first_date_{kind}_index"].values)
    assert np.array_equal(_date_or_empty(dates, first, state), _text(ref[f"first_date_{kind}"]))
    assert np.array_equal(_at(_raster(run["folder"], count_raster), ref), ref[f"count_{kind}"].values)


def test_dieback_state(run):
    ref, res = run["ref"], run["results"]
    _assert_state_and_first_date(run, res.state, res.first_date, "count", "dieback")
    assert np.array_equal(_at(_raster(run["folder"], "first_date_unconfirmed"), ref),
                          ref.first_date_unconfirmed_index.values)


def test_stress_periods_and_confidence(run):
    ref, res, dates = run["ref"], run["results"], run["plan"].dates
    settings = res.settings
    nb_periods = _at(res.nb_periods, ref)
    assert np.array_equal(nb_periods, ref.nb_periods_stress.values)
    assert np.array_equal(nb_periods <= settings.max_nb_stress_periods, ref.too_many_stress_periods_ok.astype(bool))
    changes = _at(res.stress_dates, ref)
    joined = [";".join(dates[i] for i in column if i) for column in changes.T]
    assert joined == list(_text(ref.stress_change_dates))
    current = np.minimum(nb_periods, settings.max_nb_stress_periods)
    columns = np.arange(len(ref))
    nb_dates, index = _at(res.nb_dates, ref), _at(res.stress_index, ref)
    cum_diff = _at(_raster(run["folder"], "cum_diff"), ref)
    assert np.array_equal(nb_dates[current, columns], ref.nb_dates_current.values)
    np.testing.assert_allclose(cum_diff[current, columns], ref.cum_diff_current.values, rtol=0, atol=1e-9)
    np.testing.assert_allclose(index[current, columns], ref.stress_index_current.values, rtol=0, atol=1e-9)
    closed = nb_periods > 0
    last_closed = np.maximum(nb_periods.astype(int) - 1, 0)
    np.testing.assert_allclose(index[last_closed, columns][closed], ref.stress_index_closed.values[closed],
                               rtol=0, atol=1e-9)
    assert np.array_equal(nb_dates[last_closed, columns][closed], ref.nb_dates_closed.values[closed])
    assert ref.stress_index_closed[~closed].isna().all()
    np.testing.assert_allclose(_at(res.confidence_index, ref), ref.confidence_index.values, rtol=0, atol=1e-9)


def test_soil_detection(run):
    res = run["results"]
    if run["name"] == "A":
        assert not (run["folder"] / "soil_state.tif").exists()
        return
    _assert_state_and_first_date(run, res.soil_state, res.soil_first_date, "soil_count", "soil")


def _export(run):
    parameters = run["parameters"]
    return export.export_features(run["folder"], run["forest"], parameters["conf_threshold_list"],
                                  parameters["conf_classes_list"], "ME", parameters["start_date"],
                                  parameters["end_date"], rows=7)  # strips of 7 rows on purpose


def test_pixel_periods_and_classes(run):
    ref, res, parameters = run["ref"], run["results"], run["parameters"]
    ends = export.period_ends(parameters["start_date"], parameters["end_date"], "ME", res.dates)
    labels = np.array([""] + export.period_labels(ends) + [""], dtype=object)
    period, mask, classes, class_mask = export.dieback_pixels(res, ends, parameters["conf_threshold_list"])
    names = np.array(parameters["conf_classes_list"] + [export.BARE_GROUND], dtype=object)
    expected_period = np.where(_at(mask, ref), labels[_at(period, ref)], "")
    assert list(expected_period) == list(_text(ref.periodic_results_dieback__period))
    klass = np.where(_at(class_mask, ref), names[_at(classes, ref)], names[-1])
    assert list(np.where(_at(mask, ref), klass, "")) == list(_text(ref.periodic_results_dieback__class))
    if run["name"] == "B":
        soil_period, soil_mask = export.periods_of(res, res.soil_first_date, res.soil_state, ends)
        assert list(np.where(_at(soil_mask, ref), labels[_at(soil_period, ref)], "")) == \
            list(_text(ref.periodic_results_soil__period))


def _grouped_reference(name):
    groups = defaultdict(list)
    with open(DATA / f"ref_{name}_vectors.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            groups[(LAYERS[row["layer"]], row["period"], row["class"])].append(ogr.CreateGeometryFromWkt(row["wkt"]))
    return groups


def test_polygons_equal_fordeads(run):
    """Same features (count), same geometry (union) and area per (layer, period, class)."""
    expected = _grouped_reference(run["name"])
    found = defaultdict(list)
    for feature in _export(run):
        found[(feature.layer, feature.period, feature.klass or "")].append(feature.geometry)
    assert sorted(found) == sorted(expected)
    for key, geometries in expected.items():
        mine = found[key]
        assert len(mine) == len(geometries), key
        assert sorted(round(g.GetArea(), 6) for g in mine) == sorted(round(g.GetArea(), 6) for g in geometries), key
        union_mine, union_theirs = _union(mine), _union(geometries)
        assert union_mine.SymDifference(union_theirs).GetArea() == pytest.approx(0, abs=1e-6), key


def _union(geometries):
    total = ogr.Geometry(ogr.wkbMultiPolygon)
    for geometry in geometries:
        total = total.Union(geometry)
    return total


@pytest.fixture(scope="module")
def run_c(shared_series, tmp_path_factory):
    """Run C, recorded here with fordead's CLI (README): NDVI (falls with dieback), fordead's
    default mask formula (B2 >= 700), no provider mask, threshold 0.1, mean stress index,
    classes 0.15 / 0.3."""
    state = tmp_path_factory.mktemp("run_c") / "state"
    series.run(shared_series, state, series.IndexOptions(vi="NDVI", apply_source_mask=False),
               series.detection.Settings(threshold_anomaly=0.1, stress_index_mode="mean"), block_size=25)
    return state


def test_run_c_ndvi_mean_stress_equals_fordead(run_c):
    expected = np.load(DATA / "ref_C_state.npz")
    found = {name: _raster(run_c, name) for name in ("first_detection", "state", "first_date",
                                                         "first_date_unconfirmed", "count", "dates", "nb_periods",
                                                         "nb_dates", "coeffs", "cum_diff")}
    pairs = {"first_detection_date_index": "first_detection", "state_dieback": "state",
             "first_date_dieback": "first_date", "first_date_unconfirmed_dieback": "first_date_unconfirmed",
             "count_dieback": "count", "dates_stress": "dates", "nb_periods_stress": "nb_periods",
             "nb_dates_stress": "nb_dates"}
    for theirs, mine in pairs.items():
        np.testing.assert_array_equal(found[mine], expected[theirs], err_msg=mine)
    np.testing.assert_allclose(found["coeffs"], expected["coeff_model"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(found["cum_diff"], expected["cum_diff_stress"], rtol=0, atol=1e-9)
    grid = series.load_state(run_c)["grid"]
    forest_mask = forest.from_polygons(DATA / "area_interest.geojson", grid.geotransform, (60, 60), grid.crs_wkt)
    res = export.results(run_c, forest_mask)
    np.testing.assert_allclose(res.confidence_index, np.nan_to_num(expected["confidence_index"]), rtol=0, atol=1e-9)
    assert res.state.sum() > 0
    features = export.export_features(run_c, forest_mask, [0.15, 0.3], ["low", "mid", "high"])
    with open(DATA / "ref_C_vectors.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((f.period, f.klass, round(f.geometry.GetArea())) for f in features) == sorted(
        (row["period"], row["class"], round(float(row["area_m2"]))) for row in rows)
    for row in rows:
        geometry = ogr.CreateGeometryFromWkt(row["wkt"])
        assert any(f.geometry.SymDifference(geometry).GetArea() < 1e-6 for f in features)
