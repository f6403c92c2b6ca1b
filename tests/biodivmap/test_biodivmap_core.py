"""Spectral species and diversity maps on the synthetic scene with known ground truth."""
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from scipy.spatial import ConvexHull
from scipy.spatial.distance import braycurtis
from scipy.stats import spearmanr
from sklearn.metrics import adjusted_rand_score

from dataterra.biodivmap.core import diversity, sensors, spectral, synthetic
from dataterra.rasterblocks import Cancelled, DataTerraError


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


def test_spectral_species_recover_the_signatures(scene, species, tmp_path):
    """With K = the 8 true species, Lloyd on raw PCs recovers them; biodivMapR's clustering does not."""
    labels = read(species["species"])
    assert labels.shape == (3, 200, 200)
    for iteration in labels:
        assert adjusted_rand_score(scene["labels"].ravel(), iteration.ravel()) >= 0.9
    like_biodivmapr = spectral.spectral_species(scene["path"], str(tmp_path / "hw.tif"), n_clusters=8, n_iter=3,
                                                n_components=3, seed=7)
    scores = [adjusted_rand_score(scene["labels"].ravel(), iteration.ravel())
              for iteration in read(like_biodivmapr["species"])]
    assert like_biodivmapr["model_object"].info["clustering"] == "hartigan_wong"
    assert max(scores) < 0.9, scores


def test_alpha_maps_rank_regions_by_true_richness(scene, species, tmp_path):
    out = diversity.alpha_diversity(species["species"], tmp_path / "alpha.tif", window=10)
    alpha = read(out)
    dataset = gdal.Open(str(out))  # keep the dataset alive while its bands are used
    names = [dataset.GetRasterBand(b + 1).GetDescription() for b in range(alpha.shape[0])]
    assert names[:4] == ["richness_mean", "richness_sd", "shannon_mean", "shannon_sd"]
    truth = scene["richness"][::10, ::10]
    for band in (0, 2, 4, 6, 8):  # every index's mean ranks the four regions
        values = alpha[band]
        region_means = [values[truth == r].mean() for r in (1, 2, 4, 8)]
        assert region_means == sorted(region_means), (names[band], region_means)
        assert spearmanr(values.ravel(), truth.ravel()).correlation > 0.85
    np.testing.assert_allclose(alpha[0][truth == 1], 1)
    np.testing.assert_allclose(alpha[0][truth == 4], 4)


def test_alpha_window_equals_direct_computation(species, tmp_path):
    out = diversity.alpha_diversity(species["species"], tmp_path / "alpha.tif", window=10, pcelim=0.0)
    labels = read(species["species"])
    window = labels[:, 50:60, 120:130]
    shannons = []
    for iteration in window:
        p = np.bincount(iteration.ravel())[1:] / 100.0
        p = p[p > 0]
        shannons.append(-(p * np.log(p)).sum())
    alpha = read(out)
    assert alpha[2, 5, 12] == pytest.approx(np.mean(shannons), rel=1e-5)
    assert alpha[3, 5, 12] == pytest.approx(np.std(shannons), abs=1e-5)


def test_moving_window_matches_non_overlapping_at_window_centres(species, tmp_path):
    blocks = read(diversity.alpha_diversity(species["species"], tmp_path / "a.tif", window=10))
    moving = read(diversity.alpha_diversity(species["species"], tmp_path / "m.tif", window=10, moving=True))
    assert moving.shape == (10, 200, 200)
    # the moving window centred on (row 15, col 15) covers rows/cols 10..19 (window 10, half 5)
    np.testing.assert_allclose(moving[:, 15, 15], blocks[:, 1, 1], rtol=1e-5)


def test_beta_bray_curtis_and_pcoa(species, tmp_path):
    result = diversity.beta_diversity(species["species"], tmp_path / "beta.tif", window=10, n_samples=150,
                                      dimensions=3, seed=3)
    beta = read(result["output"])
    assert beta.shape == (3, 20, 20) and result["samples"] == 150
    labels = read(species["species"])
    # windows of the single-species region are identical: same coordinates
    np.testing.assert_allclose(beta[:, :, 0], np.repeat(beta[:, :1, 0], 20, axis=1), atol=1e-5)
    # Bray-Curtis of two windows as scipy computes it
    a = np.bincount(labels[0, :10, :10].ravel(), minlength=9)[1:]
    b = np.bincount(labels[0, :10, 190:].ravel(), minlength=9)[1:]
    from dataterra.biodivmap.core import indices
    assert indices.bray_curtis([a], [b])[0, 0] == pytest.approx(braycurtis(a, b))
    # different regions are placed apart, same region close
    far = np.linalg.norm(beta[:, 5, 2] - beta[:, 5, 17])
    near = np.linalg.norm(beta[:, 5, 2] - beta[:, 12, 3])
    assert far > 5 * near


def test_beta_sample_does_not_depend_on_the_strips(species, tmp_path, monkeypatch):
    """Each window's sampling key comes from its own row of windows: cutting the raster into
    more strips (as on a cluster) keeps the same sample, hence the same map."""
    one_strip = diversity.beta_diversity(species["species"], tmp_path / "one.tif", window=10, n_samples=60, seed=5)
    monkeypatch.setattr(diversity, "STRIP_PIXELS", 200 * 30)  # strips of 30 rows: 7 strips, the last short
    many = diversity.beta_diversity(species["species"], tmp_path / "many.tif", window=10, n_samples=60, seed=5)
    np.testing.assert_array_equal(read(one_strip["output"]), read(many["output"]))
    other_seed = diversity.beta_diversity(species["species"], tmp_path / "seed.tif", window=10, n_samples=60, seed=6)
    assert not np.array_equal(read(one_strip["output"]), read(other_seed["output"]))


def test_window_keys_follow_the_window_grid():
    whole = diversity.window_keys(4, 0, 5, 7)
    assert whole.shape == (35,) and len(np.unique(whole)) == 35
    two_strips = [diversity.window_keys(4, 0, 2, 7), diversity.window_keys(4, 2, 3, 7)]
    np.testing.assert_array_equal(np.concatenate(two_strips), whole)


def test_functional_diversity_equals_convex_hull(species, tmp_path):
    pca = read(species["pca"]).astype(np.float64)
    raw = read(diversity.functional_diversity(species["pca"], tmp_path / "raw.tif", window=10, dimensions=3,
                                              standardise=False))
    points = pca[:3, 20:30, 150:160].reshape(3, -1).T
    assert raw[0, 2, 15] == pytest.approx(ConvexHull(points).volume, rel=1e-5)
    # biodivMapR's standardisation: (x - (Q1 - 1.5 IQR)) / (4 IQR), quartiles of the whole band
    values = read(diversity.functional_diversity(species["pca"], tmp_path / "fun.tif", window=10, dimensions=3))
    q1, q3 = np.percentile(pca[:3].reshape(3, -1), [25, 75], axis=1)
    scaled = (points - (q1 - 1.5 * (q3 - q1))) / (4 * (q3 - q1))
    assert values[0, 2, 15] == pytest.approx(ConvexHull(scaled).volume, rel=1e-5)
    assert values[0, 2, 15] == pytest.approx(raw[0, 2, 15] / np.prod(4 * (q3 - q1)), rel=1e-5)
    # the single-species region is far less rich than the 8-species region
    assert np.nanmean(values[0][:, :5]) < 0.1 * np.nanmean(values[0][:, 15:])


def test_functional_diversity_skips_partial_edge_windows(species, tmp_path):
    """A 200 × 200 raster with 30-pixel windows: the 7th row and column of windows (20 pixels) get no value."""
    values = read(diversity.functional_diversity(species["pca"], tmp_path / "fun.tif", window=30, dimensions=3))
    assert values.shape == (3, 7, 7)
    assert (values[:, 6, :] == diversity.NODATA).all() and (values[:, :, 6] == diversity.NODATA).all()
    assert (values[0, :6, :6] > 0).all()
    kept = read(diversity.functional_diversity(species["pca"], tmp_path / "edge.tif", window=30, dimensions=3,
                                               edge_windows=True))
    assert (kept[0, 6, :] > 0).all()
    np.testing.assert_array_equal(kept[:, :6, :6], values[:, :6, :6])


def _whole_chain(scene_path, folder, seed):
    """spectral species → alpha, beta, functional, plots; returns the written paths and the plot table."""
    folder.mkdir()
    paths = {name: str(folder / name) for name in
             ("species.tif", "pca.tif", "mask.tif", "model.npz", "alpha.tif", "beta.tif", "functional.tif")}
    spectral.spectral_species(scene_path, paths["species.tif"], paths["model.npz"], paths["pca.tif"],
                              paths["mask.tif"], n_clusters=8, n_iter=2, n_components=3, sample_size=5000,
                              seed=seed)
    diversity.alpha_diversity(paths["species.tif"], paths["alpha.tif"], window=10)
    diversity.beta_diversity(paths["species.tif"], paths["beta.tif"], window=10, n_samples=50, seed=seed)
    diversity.functional_diversity(paths["pca.tif"], paths["functional.tif"], window=10,
                                   mask_path=paths["mask.tif"])
    x0, y0 = synthetic.ORIGIN_L93
    plots = [(name, f"POLYGON(({x0 + c} {y0 - 100},{x0 + c + 150} {y0 - 100},{x0 + c + 150} {y0 - 250},"
                    f"{x0 + c} {y0 - 250},{x0 + c} {y0 - 100}))") for name, c in (("a", 100), ("b", 1700))]
    rows, _, matrix = diversity.diversity_at_plots(paths["species.tif"], plots, pca_path=paths["pca.tif"])
    return paths, rows, matrix


def test_same_seed_gives_identical_outputs(scene, tmp_path):
    import filecmp

    first, rows_1, matrix_1 = _whole_chain(scene["path"], tmp_path / "first", seed=11)
    second, rows_2, matrix_2 = _whole_chain(scene["path"], tmp_path / "second", seed=11)
    for name, path in first.items():
        if name.endswith(".tif"):
            np.testing.assert_array_equal(read(path), read(second[name]), err_msg=name)
            assert filecmp.cmp(path, second[name], shallow=False), name  # byte for byte
    with np.load(first["model.npz"]) as a, np.load(second["model.npz"]) as b:  # zip dates differ, arrays not
        assert a.files == b.files
        for key in a.files:
            np.testing.assert_array_equal(a[key], b[key], err_msg=key)
    np.testing.assert_equal(rows_1, rows_2)  # lists of dicts, NaN equal to NaN
    np.testing.assert_array_equal(matrix_1, matrix_2)
    # and another seed gives another draw (so the test above can fail)
    other, _, _ = _whole_chain(scene["path"], tmp_path / "other", seed=12)
    with np.load(first["model.npz"]) as a, np.load(other["model.npz"]) as b:
        assert not np.array_equal(a["centroids"], b["centroids"])


def test_model_file_round_trip_classifies_another_image(scene, species, tmp_path):
    model = spectral.SpectralModel.load(species["model"])
    assert model.n_clusters == 8 and model.n_iter == 3 and model.n_components == 3
    other = synthetic.write_synthetic_scene(tmp_path / "other.tif", 100, 120, seed=5)
    spectral.apply_model(model, other["path"], tmp_path / "other_species.tif")
    labels = read(tmp_path / "other_species.tif")
    assert adjusted_rand_score(other["labels"].ravel(), labels[0].ravel()) >= 0.9
    text = open(species["model"], "rb").read()
    assert b"pickle" not in text


def test_integer_reflectance_detected_and_rescaled(scene, species, tmp_path):
    scaled = synthetic.write_synthetic_scene(tmp_path / "int.tif", 200, 200, seed=1, scaled_integers=True)
    messages = []
    result = spectral.spectral_species(scaled["path"], str(tmp_path / "sp.tif"), n_clusters=8, n_iter=3,
                                       n_components=3, seed=7, log=messages.append, clustering="lloyd",
                                       pca_type="covariance")
    assert any("×10,000" in m for m in messages)
    assert result["model_object"].scale_factor == pytest.approx(1e-4)
    assert adjusted_rand_score(scene["labels"].ravel(), read(result["species"])[0].ravel()) >= 0.9


def test_nodata_pixels_are_masked(tmp_path):
    scene = synthetic.write_synthetic_scene(tmp_path / "nd.tif", 100, 100, seed=2, nodata_rows=10)
    result = spectral.spectral_species(scene["path"], str(tmp_path / "sp.tif"), mask_out_path=str(tmp_path / "m.tif"),
                                       n_clusters=8, n_iter=2, seed=1)
    labels, mask = read(result["species"]), read(tmp_path / "m.tif")
    assert (labels[:, :10] == 0).all() and (labels[:, 10:] > 0).all()
    assert (mask[:10] == 0).all() and (mask[10:] == 1).all()


def test_continuum_removal_by_hand():
    wavelengths = [400.0, 500.0, 600.0, 700.0]
    pixels = np.array([[0.2, 0.1, 0.4, 0.4], [0.1, 0.2, 0.3, 0.4]], dtype=np.float32)
    removed = spectral.continuum_removed(pixels, wavelengths)
    # first pixel: hull at 500 nm is (0.2 + 0.4) / 2 = 0.3 → 0.1 / 0.3; at 600 nm 1
    np.testing.assert_allclose(removed, [[1 / 3, 1.0], [1.0, 1.0]], rtol=1e-6)


def test_continuum_removal_pipeline_runs(scene, tmp_path):
    result = spectral.spectral_species(scene["path"], str(tmp_path / "cr.tif"), n_clusters=8, n_iter=1, seed=1,
                                       continuum_removal=True, n_components=4)
    assert result["model_object"].pca_components.shape == (4, 8)  # 10 bands - first and last
    # continuum removal divides out the brightness that separates the synthetic species, so
    # only check that the chain ran on (almost) every pixel, not the recovery
    assert (read(result["species"]) > 0).mean() > 0.9


def test_sensor_presets_and_metadata():
    assert len(sensors.SENSORS["sentinel2_20m"]["wavelengths_nm"]) == 10
    assert sensors.wavelengths_from_metadata([{"description": "B4 (665 nm)"}, {"metadata": {"wavelength": "0.842"}}]) \
        == [665.0, 842.0]
    with pytest.raises(DataTerraError, match="single band"):
        sensors.resolve_wavelengths(1, "spot67")
    with pytest.raises(DataTerraError, match="has 5 bands but the SPOT 6-7"):
        sensors.resolve_wavelengths(5, "spot67")
    with pytest.raises(DataTerraError, match="wavelengths are unknown"):
        sensors.resolve_wavelengths(4, None, None, [{"description": "red"}] * 4)


def _single_band(path):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 20, 20, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((0, 10, 0, 0, 0, -10))
    ds.GetRasterBand(1).WriteArray(np.full((20, 20), 0.3, np.float32))
    ds = None
    return str(path)


def _without_wavelengths(scene_path, path):
    """A copy of the scene whose bands say nothing of their wavelengths."""
    ds = gdal.Translate(str(path), scene_path)
    for band in range(ds.RasterCount):
        ds.GetRasterBand(band + 1).SetDescription("")
    ds = None
    return str(path)


def _scaled_too_high(path):
    """Integers going up to 30,000: neither reflectance 0-1 nor × 10,000."""
    values = np.random.default_rng(0).integers(25000, 30000, (4, 30, 30)).astype(np.uint16)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 30, 30, 4, gdal.GDT_UInt16)
    ds.SetGeoTransform((0, 10, 0, 0, 0, -10))
    for band in range(4):
        ds.GetRasterBand(band + 1).WriteArray(values[band])
    ds = None
    return str(path)


def _no_species(species_path, path):
    """A spectral-species raster where every pixel is masked (0)."""
    ds = gdal.Translate(str(path), species_path)
    for band in range(ds.RasterCount):
        ds.GetRasterBand(band + 1).Fill(0)
    ds = None
    return str(path)


# every bad input of the issue: (name, call(inputs, out) raising DataTerraError, message)
BAD_INPUTS = [
    ("single band", lambda i, out: spectral.spectral_species(_single_band(i["dir"] / "one.tif"), out),
     "single band"),
    ("preset with another band count", lambda i, out: spectral.spectral_species(i["scene"], out, sensor="spot67"),
     "10 bands but the SPOT 6-7"),
    ("no wavelengths in the file and no preset", lambda i, out: spectral.spectral_species(
        _without_wavelengths(i["scene"], i["dir"] / "bare.tif"), out), "wavelengths are unknown"),
    ("fully masked by the thresholds", lambda i, out: spectral.spectral_species(
        i["scene"], out, masks=spectral.MaskSettings(ndvi_min=0.99)), "entirely masked"),
    ("fully nodata", lambda i, out: spectral.spectral_species(i["nodata"], out), "entirely masked"),
    ("model applied to a fully nodata image", lambda i, out: spectral.apply_model(
        spectral.SpectralModel.load(i["model"]), i["nodata"], out), "Every pixel of the image is masked"),
    ("reflectance neither 0-1 nor x 10,000", lambda i, out: spectral.spectral_species(
        _scaled_too_high(i["dir"] / "high.tif"), out, sensor="spot67"), "neither 0-1 nor ×10,000"),
    ("species raster fully masked", lambda i, out: diversity.alpha_diversity(
        _no_species(i["species"], i["dir"] / "none.tif"), out), "holds no species"),
    ("alpha WINDOW larger than the image", lambda i, out: diversity.alpha_diversity(i["species"], out, window=500),
     "larger than the image"),
    ("moving alpha WINDOW larger than the image", lambda i, out: diversity.alpha_diversity(
        i["species"], out, window=201, moving=True), "larger than the image"),
    ("beta WINDOW larger than the image", lambda i, out: diversity.beta_diversity(i["species"], out, window=201),
     "larger than the image"),
    ("functional WINDOW larger than the image", lambda i, out: diversity.functional_diversity(
        i["pca"], out, window=201), "larger than the image"),
]


@pytest.fixture
def bad_inputs(scene, species, tmp_path):
    """Inputs in one folder; the outputs go to another, which must stay empty."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    nodata = synthetic.write_synthetic_scene(inputs / "nodata.tif", 40, 40, seed=2, nodata_rows=40)
    return {"dir": inputs, "scene": scene["path"], "species": species["species"], "pca": species["pca"],
            "model": species["model"], "nodata": nodata["path"], "out": tmp_path / "out"}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_clear_message_and_nothing_written(bad_inputs, case):
    _, call, message = case
    output = bad_inputs["out"] / "result.tif"
    with pytest.raises(DataTerraError, match=message):
        call(bad_inputs, str(output))
    written = list(bad_inputs["out"].iterdir()) if bad_inputs["out"].exists() else []
    assert written == []  # not even a temporary .part file


def test_masks_needing_absent_bands_are_reported(scene, tmp_path):
    messages = []
    # wavelengths far from blue, red and NIR: none of the automatic masks can apply, and the log says so
    spectral.fit_model(scene["path"], wavelengths=[1000 + 100 * i for i in range(10)], n_clusters=8, n_iter=1,
                       sample_size=2000, log=messages.append)
    assert any("NDVI mask is not applied: no band near red (~665 nm) or near infrared (~842 nm)" in m
               for m in messages)
    assert any("cloud mask is not applied: no band near blue (~490 nm)" in m for m in messages)
    messages.clear()
    spectral.fit_model(scene["path"], sensor="sentinel2_20m", n_clusters=8, n_iter=1, sample_size=2000,
                       log=messages.append)
    assert messages == []


def _cancel_on_call(number):
    calls = []

    def is_cancelled():
        calls.append(1)
        return len(calls) >= number

    return is_cancelled


# cancel midway through every step: the check that fires is not the first one
CANCELLED_STEPS = [
    ("spectral species", lambda i, out, c: spectral.spectral_species(
        i["scene"], str(out / "sp.tif"), str(out / "m.npz"), str(out / "pca.tif"), str(out / "mask.tif"),
        block=64, n_clusters=8, n_iter=2, is_cancelled=c)),
    ("classify with a model", lambda i, out, c: spectral.apply_model(
        spectral.SpectralModel.load(i["model"]), i["scene"], out / "sp.tif", out / "pca.tif", block=64,
        is_cancelled=c)),
    ("alpha", lambda i, out, c: diversity.alpha_diversity(i["species"], out / "a.tif", window=2, is_cancelled=c)),
    ("moving alpha", lambda i, out, c: diversity.alpha_diversity(
        i["species"], out / "a.tif", window=2, moving=True, is_cancelled=c)),
    ("beta", lambda i, out, c: diversity.beta_diversity(i["species"], out / "b.tif", window=2, n_samples=50,
                                                        is_cancelled=c)),
    ("functional", lambda i, out, c: diversity.functional_diversity(i["pca"], out / "f.tif", window=2,
                                                                    is_cancelled=c)),
]


@pytest.mark.parametrize("case", CANCELLED_STEPS, ids=[case[0] for case in CANCELLED_STEPS])
def test_cancel_midway_leaves_nothing(bad_inputs, case, monkeypatch):
    _, call, = case
    out = bad_inputs["out"]
    out.mkdir()
    # small strips so that the window steps check for cancel several times on the 200 × 200 scene
    monkeypatch.setattr(diversity, "STRIP_PIXELS", 2000)
    monkeypatch.setattr(diversity, "MOVING_BYTES", 200_000)
    with pytest.raises(Cancelled):
        call(bad_inputs, out, _cancel_on_call(3))
    assert list(out.iterdir()) == []


def test_nearest_centroid_equals_brute_force_with_and_without_sklearn(monkeypatch):
    import builtins

    rng = np.random.default_rng(4)
    points, centroids = rng.normal(size=(5000, 3)).astype(np.float32), rng.normal(size=(50, 3)).astype(np.float32)
    expected = np.argmin(((points[:, None, :] - centroids[None]) ** 2).sum(-1), axis=1)
    np.testing.assert_array_equal(spectral.nearest_centroid(points, centroids), expected)
    real_import = builtins.__import__

    def no_sklearn(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    np.testing.assert_array_equal(spectral.nearest_centroid(points, centroids), expected)


def test_kmeans_matches_sklearn_inertia():
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(5)
    centres = rng.normal(scale=5, size=(6, 3))
    points = np.vstack([c + rng.normal(size=(300, 3)) for c in centres])
    ours = spectral.kmeans(points, 6, np.random.default_rng(0))
    inertia = np.min(spectral.squared_distances(points, ours), axis=1).sum()
    reference = KMeans(6, n_init=3, random_state=0).fit(points).inertia_
    assert inertia == pytest.approx(reference, rel=1e-3)


def test_large_scene_writer_streams_strips(tmp_path):
    path = synthetic.write_large_scene(tmp_path / "large.tif", 130, 60, seed=3, strip_rows=50)
    data = read(path)
    assert data.shape == (10, 130, 60) and np.isfinite(data).all()
    assert 0 < data.min() and data.max() < 1
    assert sensors.resolve_wavelengths(10, band_metadata=spectral.band_metadata(path)) == \
        sensors.SENSORS["sentinel2_20m"]["wavelengths_nm"]


def test_water_vapour_bands_are_dropped():
    """biodivMapR's excluded domains: below 400, 895-1005, 1320-1480, 1780-2040 nm."""
    wavelengths = [380, 490, 665, 842, 945, 1375, 1610, 1900, 2190]
    assert spectral.kept_band_indices(wavelengths, spectral.WATER_VAPOUR_NM) == [1, 2, 3, 6, 8]
    assert spectral.kept_band_indices([490, 665, 842], spectral.WATER_VAPOUR_NM) is None
    assert spectral.kept_band_indices(wavelengths, ()) is None


def test_standardised_pca_is_the_pca_of_the_correlation_matrix():
    """biodivMapR's SPCA (R's prcomp(scale = TRUE)): score variances are the correlation matrix's eigenvalues."""
    rng = np.random.default_rng(0)
    sample = rng.normal(size=(5000, 4)) @ rng.normal(size=(4, 4)) * [1, 10, 100, 1000]
    mean, components, ratios = spectral.fit_pca(sample, 3, standardised=True)
    scores = spectral.project(sample, mean, components)
    eigenvalues = np.sort(np.linalg.eigvalsh(np.corrcoef(sample.T)))[::-1]
    np.testing.assert_allclose(scores.var(axis=0, ddof=1), eigenvalues[:3], rtol=1e-9)
    np.testing.assert_allclose(ratios, eigenvalues[:3] / 4, rtol=1e-9)


def test_clustering_space_is_the_iqr_fences(tmp_path):
    """Default clustering space: offset m0 = Q1 - 2 IQR, scale (Q3 + 2 IQR) - m0 = 5 IQR; saved and reloaded."""
    scene = synthetic.write_synthetic_scene(tmp_path / "small.tif", 60, 60, seed=3)
    result = spectral.spectral_species(scene["path"], str(tmp_path / "sp.tif"), str(tmp_path / "m.npz"),
                                       str(tmp_path / "pca.tif"), n_clusters=8, n_iter=2, n_components=3, seed=7,
                                       sample_size=10_000)
    model = result["model_object"]
    pca = read(tmp_path / "pca.tif").reshape(3, -1).T.astype(np.float64)
    pca = pca[(pca != spectral.PCA_NODATA).all(axis=1)]  # the sample is every valid pixel here
    q1, q3 = np.percentile(pca, [25, 75], axis=0)
    np.testing.assert_allclose(model.cluster_offset, q1 - 2 * (q3 - q1), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(model.cluster_scale, 5 * (q3 - q1), rtol=1e-5)
    again = spectral.SpectralModel.load(tmp_path / "m.npz")
    np.testing.assert_array_equal(again.cluster_offset, model.cluster_offset)
    np.testing.assert_array_equal(again.cluster_scale, model.cluster_scale)
    spectral.apply_model(again, scene["path"], tmp_path / "again.tif")
    np.testing.assert_array_equal(read(tmp_path / "again.tif"), read(tmp_path / "sp.tif"))


def test_continuum_removal_equals_biodivmapr():
    """biodivMapR's continuumRemoval() on 30 spectra (tests/data/biodivmap/make_continuum_reference.R)."""
    table = np.genfromtxt(Path(__file__).parent.parent / "data" / "biodivmap" / "continuum_reference.csv",
                          delimiter=",", names=True)
    reflectance = np.column_stack([table[f"r{i}"] for i in range(1, 11)])
    theirs = np.column_stack([table[f"cr{i}"] for i in range(1, 9)])  # first and last bands dropped, as here
    ours = spectral.continuum_removed(reflectance, [490, 560, 665, 705, 740, 783, 842, 865, 1610, 2190])
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=2e-7)  # float32 output
