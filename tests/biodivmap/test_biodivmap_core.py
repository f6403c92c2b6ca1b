"""Spectral species and diversity maps on the synthetic scene with known ground truth."""
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


def test_spectral_species_recover_the_signatures(scene, species):
    labels = read(species["species"])
    assert labels.shape == (3, 200, 200)
    for iteration in labels:
        assert adjusted_rand_score(scene["labels"].ravel(), iteration.ravel()) >= 0.9


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


def test_functional_diversity_equals_convex_hull(species, tmp_path):
    out = diversity.functional_diversity(species["pca"], tmp_path / "fun.tif", window=10, dimensions=3)
    values = read(out)
    pca = read(species["pca"])
    points = pca[:3, 20:30, 150:160].reshape(3, -1).T
    assert values[0, 2, 15] == pytest.approx(ConvexHull(points).volume, rel=1e-5)
    # the single-species region is far less rich than the 8-species region
    assert np.nanmean(values[0][:, :5]) < 0.1 * np.nanmean(values[0][:, 15:])


def test_same_seed_gives_identical_outputs(scene, tmp_path):
    runs = []
    for name in ("a", "b"):
        result = spectral.spectral_species(scene["path"], str(tmp_path / f"{name}.tif"), n_clusters=8, n_iter=2,
                                           seed=11, sample_size=5000)
        runs.append(read(result["species"]))
    np.testing.assert_array_equal(runs[0], runs[1])
    beta = [read(diversity.beta_diversity(str(tmp_path / "a.tif"), tmp_path / f"beta{i}.tif", n_samples=50,
                                          seed=2)["output"]) for i in range(2)]
    np.testing.assert_array_equal(beta[0], beta[1])


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
                                       n_components=3, seed=7, log=messages.append)
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


def test_bad_inputs_have_clear_messages_and_write_nothing(scene, species, tmp_path):
    _single_band(tmp_path / "one.tif")
    out = tmp_path / "out.tif"
    with pytest.raises(DataTerraError, match="single band"):
        spectral.spectral_species(str(tmp_path / "one.tif"), str(out))
    with pytest.raises(DataTerraError, match="10 bands but the SPOT 6-7"):
        spectral.spectral_species(scene["path"], str(out), sensor="spot67")
    with pytest.raises(DataTerraError, match="entirely masked"):
        spectral.spectral_species(scene["path"], str(out), masks=spectral.MaskSettings(ndvi_min=0.99))
    with pytest.raises(DataTerraError, match="larger than the image"):
        diversity.alpha_diversity(species["species"], out, window=500)
    with pytest.raises(DataTerraError, match="larger than the image"):
        diversity.beta_diversity(species["species"], out, window=201)
    assert list(tmp_path.iterdir()) == [tmp_path / "one.tif"]


def test_cancel_midway_leaves_nothing(scene, species, tmp_path):
    calls = []

    def cancel_on_third_check():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        spectral.spectral_species(scene["path"], str(tmp_path / "sp.tif"), str(tmp_path / "m.npz"),
                                  str(tmp_path / "pca.tif"), block=64, n_clusters=8, n_iter=2,
                                  is_cancelled=cancel_on_third_check)
    calls.clear()
    with pytest.raises(Cancelled):
        diversity.alpha_diversity(species["species"], tmp_path / "a.tif", window=2, moving=True,
                                  is_cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


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
