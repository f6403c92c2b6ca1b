"""Updating a saved state with new dates, and the options that fix fordead's defects
(each default reproduces fordead: tests/foresthealth/test_fidelity.py)."""
import json

import numpy as np
import pytest
from osgeo import gdal

from dataterra.foresthealth.core import formula, masks, products, series
from dataterra.foresthealth.core.products import Window


def _rasters(folder):
    return {path.stem: gdal.Open(str(path)).ReadAsArray() for path in sorted(folder.glob("*.tif"))}


# stopping before the last training dates (2018-01-01 to 2018-06-01) used to start detection at
# the last date of the first run: the update then differed from one run in 9 of the state rasters
@pytest.mark.parametrize("run,until", [("A", "2017-12-31"), ("A", "2018-03-31"), ("A", "2018-09-30"),
                                       ("B", "2019-03-31")])
def test_update_continues_to_the_one_run_result(shared_series, tmp_path, run, until, run_a, run_b,
                                                 reference_runner):
    """Two passes (up to ``until``, then the rest from the saved state) = one pass."""
    one_shot = (run_a if run == "A" else run_b)[0]
    state = tmp_path / "state"
    first, _ = reference_runner(shared_series, state, run, block_size=40, until=until)
    assert first.dates[-1] <= until
    document = json.loads((state / "state.json").read_text())
    assert document["dates"] == first.dates  # the state is plain JSON + GeoTIFF
    second = series.run(shared_series, state, block_size=40)
    assert second.first_new == len(first.dates)
    assert second.dates == series.load_state(one_shot)["dates"]
    expected, found = _rasters(one_shot), _rasters(state)
    assert sorted(found) == sorted(expected)
    for name, array in expected.items():
        np.testing.assert_array_equal(found[name], array, err_msg=name)


def test_the_state_keeps_training_sums_only_for_pixels_still_training(shared_series, tmp_path, run_a,
                                                                      reference_runner):
    """Pixels past training (a model, or none) never use their sums again: saved as 0, which
    the state compresses 2.4 times smaller; those still training keep theirs and continue."""
    state = tmp_path / "state"
    reference_runner(shared_series, state, "A", block_size=40, until="2018-03-31")
    saved = _rasters(state)
    training = saved["phase"] == 0
    assert training.any() and (~training).any()
    for name in ("ata", "atb"):
        assert not saved[name][:, ~training].any()
        assert np.count_nonzero(saved[name][:, training]) > 0.9 * saved[name][:, training].size
    series.run(shared_series, state, block_size=40)
    expected, found = _rasters(run_a[0]), _rasters(state)
    for name, array in expected.items():
        np.testing.assert_array_equal(found[name], array, err_msg=name)
    assert not found["ata"][:, found["phase"] != 0].any()


def compression(path):
    return gdal.Open(str(path)).GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")


def test_a_state_written_in_deflate_by_earlier_versions_continues_the_same(shared_series, tmp_path, run_a,
                                                                          reference_runner):
    """The state is written in Zstandard (twice as fast as DEFLATE) where GDAL has it; a state
    saved in DEFLATE by an earlier version continues to the same result."""
    state = tmp_path / "state"
    reference_runner(shared_series, state, "A", block_size=40, until="2018-09-30")
    has_zstd = "ZSTD" in gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST")
    assert {compression(path) for path in state.glob("*.tif")} == {"ZSTD" if has_zstd else "DEFLATE"}
    for path in state.glob("*.tif"):
        gdal.Translate(str(path.with_suffix(".deflate")), str(path), format="GTiff",
                       creationOptions=["COMPRESS=DEFLATE", "TILED=YES"])
        path.with_suffix(".deflate").replace(path)
    assert {compression(path) for path in state.glob("*.tif")} == {"DEFLATE"}
    series.run(shared_series, state, block_size=40)
    expected, found = _rasters(run_a[0]), _rasters(state)
    assert sorted(found) == sorted(expected)
    for name, array in expected.items():
        np.testing.assert_array_equal(found[name], array, err_msg=name)


def test_update_without_new_dates_changes_nothing(run_a, shared_series, tmp_path):
    import shutil
    state = tmp_path / "state"
    shutil.copytree(run_a[0], state)
    plan = series.run(shared_series, state)
    assert plan.first_new == len(plan.dates)
    for name, array in _rasters(run_a[0]).items():
        np.testing.assert_array_equal(_rasters(state)[name], array, err_msg=name)


def test_mask_formula_precedence_fordead_and_fixed():
    """fordead reads `B2 > 600 | (B3 == 0)` as `B2 > (600 | (B3 == 0))`; the fix as intended."""
    bands = {"B2": np.array([601, 601, 700, 500], np.int16), "B3": np.array([0, 5, 5, 0], np.int16)}
    text = "B2 > 600 | (B3 == 0)"
    as_fordead = formula.parse(text).evaluate(bands)
    fixed = formula.parse(text, precedence="logical").evaluate(bands)
    # 601 > (600 | True) = 601 > 601 is False; 500 > 601 False
    assert list(np.asarray(as_fordead, bool)) == [False, True, True, False]
    assert list(fixed) == [True, True, True, True]


def test_fixed_precedence_changes_no_mask_on_the_shared_series(shared_series, run_a, tmp_path, reference_runner):
    """Where the two readings differ a band is 0, which fordead masks as shadow anyway."""
    _, recorder = reference_runner(shared_series, tmp_path / "fixed", "A", mask_precedence="logical")
    for date, mask in run_a[2].masks.items():
        assert np.array_equal(recorder.masks[date], mask), date


def test_formula_arithmetic_and_errors():
    bands = {"B8": np.array([3000, 2000], np.int16), "B4": np.array([1000, 2000], np.int16)}
    ndvi, sign = formula.vegetation_index("NDVI")
    assert sign == -1
    np.testing.assert_allclose(ndvi.evaluate(bands), [0.5, 0.0])
    floats = {name: array.astype(float) for name, array in bands.items()}
    assert formula.parse("-B8 ** 2 / 1000").evaluate(floats)[0] == -9000  # ** before unary minus
    assert formula.parse("B8 - B4 - B4").evaluate(bands)[0] == 1000  # left-associative
    assert formula.parse("sqrt(B04) * 2").evaluate(bands)[1] == pytest.approx(2 * 2000 ** 0.5)
    assert formula.parse("B02 + B8a").bands == ("B2", "B8A")
    for bad in ("B2 +", "B99 > 1", "os.system(1)", "(B2", "B2 ; B3"):
        with pytest.raises(formula.FormulaError):
            formula.parse(bad)
    with pytest.raises(formula.FormulaError):
        formula.vegetation_index(formula="B8 - B4")  # a user index needs its direction


def test_outside_swath_first_band_or_any_band():
    bands = {"B8A": np.array([-10000, 5, 5]), "B2": np.array([-10000, -10000, 5])}
    _, fordead_rule = masks.shadows_and_swath(bands, "B8A", swath_any_band=False)
    _, any_band = masks.shadows_and_swath(bands, "B8A", swath_any_band=True)
    assert list(fordead_rule) == [True, False, False]
    assert list(any_band) == [True, True, False]


def test_cloudiness_over_the_whole_product_or_the_area(shared_series):
    groups = products.group_by_date(products.find_products(shared_series))
    group = groups["2016-01-16"]
    clm = gdal.Open(group[0].cloud_mask).ReadAsArray()
    b11 = gdal.Open(group[0].bands["B11"]).ReadAsArray()
    assert products.cloudiness(group) == (clm > 0).sum() / (b11 != -10000).sum()
    window = Window(0, 0, 10, 10)
    part = clm[:10, :10]
    assert products.cloudiness(group, window) == (part > 0).sum() / (b11[:10, :10] != -10000).sum()


def test_dates_on_another_grid_are_refused(shared_series, tmp_path):
    import shutil
    folder = tmp_path / "series"
    shutil.copytree(shared_series, folder)
    product = sorted(folder.iterdir())[5]
    band = next(product.glob("*_FRE_B2.tif"))
    ds = gdal.Open(str(band), gdal.GA_Update)
    gt = list(ds.GetGeoTransform())
    gt[0] += 10
    ds.SetGeoTransform(gt)
    ds = None
    with pytest.raises(products.ProductError, match="another grid"):
        series.run(folder, tmp_path / "state", series.IndexOptions())
    assert not (tmp_path / "state").exists()
    assert not list(tmp_path.glob(".state*"))


def test_missing_band_and_too_few_dates(shared_series, tmp_path):
    import shutil
    folder = tmp_path / "series"
    shutil.copytree(shared_series, folder)
    next(sorted(folder.iterdir())[3].glob("*_FRE_B12.tif")).unlink()
    with pytest.raises(products.ProductError, match="Band B12 is missing"):
        series.run(folder, tmp_path / "state")
    next(sorted(folder.iterdir())[7].glob("MASKS/*_CLM_R2.tif")).unlink()
    with pytest.raises(products.ProductError, match="has no cloud mask"):
        series.run(folder, tmp_path / "state")
    with pytest.raises(series.SeriesError, match="Too few dates"):
        series.run(shared_series, tmp_path / "state2", series.IndexOptions(start_date="2018-03-01"))
    assert not list(tmp_path.glob("state*")) and not list(tmp_path.glob(".state*"))


def test_area_outside_the_products_is_refused(shared_series, tmp_path):
    with pytest.raises(products.ProductError, match="outside"):
        series.run(shared_series, tmp_path / "state", extent=(0, 0, 100, 100))


def test_cancel_leaves_nothing(shared_series, tmp_path):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 5
    from dataterra.rasterblocks.errors import Cancelled
    with pytest.raises(Cancelled):
        series.run(shared_series, tmp_path / "state", is_cancelled=cancel)
    assert list(tmp_path.iterdir()) == []


def test_result_rasters_written_strip_by_strip_equal_the_whole(run_b, tmp_path):
    """Run B (soil mode: all four states occur), 7-row strips against the whole window at once."""
    from dataterra.foresthealth.core import export
    state = run_b[0]
    forest = np.ones((60, 60), bool)
    forest[:5] = False
    paths = {name: tmp_path / f"{name}.tif" for name in export.RASTER_NAMES}
    export.write_result_rasters(state, forest, paths, [0.29, 0.3], rows=7)
    whole = export.result_rasters(export.results(state, forest), [0.29, 0.3])
    for name, path in paths.items():
        np.testing.assert_array_equal(gdal.Open(str(path)).ReadAsArray(), whole[name], err_msg=name)
    states = whole["dieback_state"]
    assert set(np.unique(states)) == {0, 1, 2, 3, 4}
    assert (states[:5] == 0).all()  # outside the forest
    assert set(np.unique(whole["confidence_class"])) == {0, 1, 2, 3}


def test_a_folder_of_other_files_is_never_taken_as_the_state(shared_series, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.odt").write_text("precious")
    with pytest.raises(series.SeriesError, match="holds other files"):
        series.run(shared_series, folder)
    assert (folder / "thesis.odt").read_text() == "precious"


def test_ignored_period_keeps_the_growing_season_as_fordead_does(shared_series, tmp_path):
    plan = series.plan_run(shared_series, series.IndexOptions(ignored_period=("11-01", "05-01")),
                           series.detection.Settings(nb_min_date=5), training=False)
    assert plan.dates and all("05-01" < d[5:] < "11-01" for d in plan.dates)
    everything = series.plan_run(shared_series, series.IndexOptions(), series.detection.Settings(), training=False)
    assert plan.dates == [d for d in everything.dates if "05-01" < d[5:] < "11-01"]


def test_band_order_is_cpythons_set_order_under_hash_seed_0():
    """fordead's band list is list(set(...)); its first band is its swath test."""
    import json
    import os
    import random
    import subprocess
    import sys
    names = list(masks._FORDEAD_HASHES)
    rng = random.Random(7)
    cases = [rng.sample(names, rng.randint(1, len(names))) for _ in range(200)]
    code = "import json, sys; print(json.dumps([list(set(c)) for c in json.loads(sys.argv[1])]))"
    done = subprocess.run([sys.executable, "-c", code, json.dumps(cases)], capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"))
    assert [masks.python_set_order(case) for case in cases] == json.loads(done.stdout)
    assert masks.fordead_bands(("B11", "B8A", "B12"), ("B2", "B3", "B4"))[0] == "B8A"  # runs A and B
    assert masks.fordead_bands(("B8", "B4"), ("B2",))[0] == "B2"  # run C
