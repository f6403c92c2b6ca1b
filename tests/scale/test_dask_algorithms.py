"""Beta and functional diversity and dieback detection on a local Dask cluster and on a real
scheduler with two workers: the outputs are those of the in-process run, bit for bit."""
import numpy as np
import pytest
from osgeo import gdal

from dataterra.biodivmap.core import diversity, spectral, synthetic
from dataterra.foresthealth.core import series
from dataterra.foresthealth.core.synthetic import synthetic_series
from dataterra.rasterblocks.io import Window

STRIP_PIXELS = 9600  # 150 px wide: beta strips of 60 rows, functional strips of 20 rows (several per image)


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


@pytest.fixture(scope="module")
def species_and_pca(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale_diversity")
    scene = synthetic.write_synthetic_scene(folder / "scene.tif", 160, 150, seed=3)
    species, pca = str(folder / "species.tif"), str(folder / "pca.tif")
    spectral.spectral_species(scene["path"], species, None, pca, None, n_clusters=6, n_iter=3, n_components=3,
                              seed=11, block=64)
    return folder, species, pca


def diversity_maps(species_and_pca, scheduler, name):
    """Beta (100 sampled windows among 960, drawn strip by strip) and functional diversity."""
    folder, species, pca = species_and_pca
    beta, functional = folder / f"{name}_beta.tif", folder / f"{name}_functional.tif"
    samples = diversity.beta_diversity(species, str(beta), window=5, n_samples=100, seed=7,
                                       scheduler=scheduler)["samples"]
    diversity.functional_diversity(pca, str(functional), window=5, scheduler=scheduler)
    return {"samples": np.array(samples), "beta": read(beta), "functional": read(functional)}


@pytest.fixture(scope="module")
def series_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale_series") / "series"
    synthetic_series(folder, size=40)
    return folder


def dieback_state(series_folder, state_folder, scheduler):
    """Every GeoTIFF of a detection state in blocks of 16 px (3 strips of 3 blocks)."""
    series.run(series_folder, state_folder, block_size=16, scheduler=scheduler)
    return {path.name: read(path) for path in sorted(state_folder.glob("*.tif"))}


@pytest.fixture(scope="module")
def references(species_and_pca, series_folder, tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(diversity, "STRIP_PIXELS", STRIP_PIXELS)
        maps = diversity_maps(species_and_pca, "", "inprocess")
    state = dieback_state(series_folder, tmp_path_factory.mktemp("state") / "inprocess", "")
    return maps, state


def assert_identical(result, reference):
    assert sorted(result) == sorted(reference)
    for key in reference:
        assert result[key].dtype == reference[key].dtype
        np.testing.assert_array_equal(result[key], reference[key], err_msg=key)  # bit for bit (NaN = NaN)


def test_the_in_process_references_hold_real_values(references):
    maps, state = references
    assert maps["samples"] == 100
    assert np.isfinite(maps["beta"]).all() and maps["beta"].std(axis=(1, 2)).min() > 0  # 3 axes, placed windows
    assert maps["functional"].shape == (3, 32, 30) and (maps["functional"][0] > 0).any()  # FRic of 5 × 5 windows
    assert (state["phase.tif"] == 1).any() and state["state.tif"].any()  # models fitted, dieback detected


@pytest.mark.parametrize("where", ["local", "cluster"])
def test_beta_and_functional_diversity_are_the_in_process_maps(species_and_pca, references, where, request,
                                                                monkeypatch):
    scheduler = "local:2" if where == "local" else request.getfixturevalue("cluster").address
    monkeypatch.setattr(diversity, "STRIP_PIXELS", STRIP_PIXELS)  # the strips are cut here, in this process
    assert_identical(diversity_maps(species_and_pca, scheduler, where), references[0])


@pytest.mark.parametrize("where", ["local", "cluster"])
def test_dieback_detection_gives_the_in_process_state(series_folder, references, where, request, tmp_path,
                                                     monkeypatch):
    scheduler = "local:2" if where == "local" else request.getfixturevalue("cluster").address
    # tasks of at most 2 blocks: each row of 3 blocks is cut in two (cut here, in this process)
    monkeypatch.setattr(series, "TASK_PIXELS", 2 * 16 * 16)
    assert [len(strip) for strip in series._strips(Window(0, 0, 40, 40), 16, series.TASK_PIXELS)] == [2, 1] * 3
    assert [len(strip) for strip in series._strips(Window(0, 0, 40, 40), 16)] == [3] * 3  # in process
    assert_identical(dieback_state(series_folder, tmp_path / "state", scheduler), references[1])


def test_each_diversity_map_starts_one_local_cluster_for_all_its_passes(species_and_pca, references, tmp_path,
                                                                         monkeypatch):
    """Alpha diversity maps 2 passes (the species count, the windows) and beta 3 (the count, the
    sample, the placement): each starts one local cluster, not one per pass, and gives the
    in-process map."""
    from dataterra.rasterblocks import execution

    starts, start = [], execution._start_local_cluster
    monkeypatch.setattr(execution, "_start_local_cluster", lambda workers: starts.append(workers) or start(workers))
    monkeypatch.setattr(diversity, "STRIP_PIXELS", STRIP_PIXELS)
    execution.keep_local_clusters(False)  # a new cluster per run, as qgis_process does
    _, species, _ = species_and_pca
    for where in ("", "local:1"):
        diversity.alpha_diversity(species, str(tmp_path / f"alpha{where[-1:]}.tif"), window=5, scheduler=where)
    diversity.beta_diversity(species, str(tmp_path / "beta.tif"), window=5, n_samples=100, seed=7,
                             scheduler="local:1")
    assert starts == [1, 1]
    np.testing.assert_array_equal(read(tmp_path / "alpha1.tif"), read(tmp_path / "alpha.tif"))
    np.testing.assert_array_equal(read(tmp_path / "beta.tif"), references[0]["beta"])
