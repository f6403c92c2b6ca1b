"""Shared fixtures of the biodivmap tests: a seeded synthetic scene and its spectral species."""
import pytest

from dataterra.biodivmap.core import spectral, synthetic


@pytest.fixture(scope="session")
def scene(tmp_path_factory):
    """200 × 200 synthetic Sentinel-2-like scene, 4 regions of richness 1, 2, 4, 8 (8 species)."""
    folder = tmp_path_factory.mktemp("biodivmap_scene")
    truth = synthetic.write_synthetic_scene(folder / "scene.tif", 200, 200, seed=1)
    truth["folder"] = folder
    return truth


@pytest.fixture(scope="session")
def species(scene):
    """Spectral species of the scene (8 clusters = the 8 true species, 3 iterations) with PCA, mask and model.

    Clustered with the plugin's former options (covariance PCA, Lloyd), which recovers the true species when K is their
    number (biodivMapR's clustering does not: test_spectral_species_recover_the_signatures)."""
    folder = scene["folder"]
    result = spectral.spectral_species(
        scene["path"], str(folder / "species.tif"), str(folder / "model.npz"), str(folder / "pca.tif"),
        str(folder / "mask.tif"), n_clusters=8, n_iter=3, n_components=3, seed=7, clustering="lloyd",
        pca_type="covariance")
    return result
