"""The "Dask scheduler" advanced parameter: processing.run, qgis_process, the provider's
setting, and what it says when Dask is missing."""
import sys

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingFeedback

from dataterra.biodivmap.core import synthetic


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale_parameter")
    truth = synthetic.write_synthetic_scene(folder / "scene.tif", 80, 90, seed=5)
    truth["folder"] = folder
    return truth


def species_parameters(scene, folder, **extra):
    return {"INPUT": scene["path"], "SENSOR": 2, "N_CLUSTERS": 5, "N_ITER": 2, "COMPONENTS": 3, "SEED": 9,
            "OUTPUT": str(folder / "species.tif"), "OUTPUT_PCA": str(folder / "pca.tif"),
            "OUTPUT_MASK": str(folder / "mask.tif"), "OUTPUT_MODEL": str(folder / "model.npz"), **extra}


@pytest.mark.parametrize("name", ["spectral_species", "alpha_diversity", "beta_diversity", "functional_diversity",
                                  "forest_harmonic_model", "forest_dieback_detection", "forest_dieback_all"])
def test_parameter_is_advanced_optional_and_defaults_to_the_setting(dataterra_provider, name):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition, QgsSettings

    from dataterra.dataterra_plugin.scale import SETTINGS_KEY

    QgsSettings().setValue(SETTINGS_KEY, "local:3")
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"dataterra:{name}")
        parameter = algorithm.parameterDefinition("DASK_SCHEDULER")
        assert parameter.flags() & QgsProcessingParameterDefinition.FlagAdvanced
        assert parameter.flags() & QgsProcessingParameterDefinition.FlagOptional
        assert parameter.defaultValue() == "local:3"
    finally:
        QgsSettings().remove(SETTINGS_KEY)


def test_processing_run_on_local_cluster_equals_in_process(dataterra_provider, scene, tmp_path):
    import processing

    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir(), there.mkdir()
    processing.run("dataterra:spectral_species", species_parameters(scene, here, DASK_SCHEDULER=""))
    processing.run("dataterra:spectral_species", species_parameters(scene, there, DASK_SCHEDULER="local:2"))
    for name in ("species.tif", "pca.tif", "mask.tif"):
        np.testing.assert_array_equal(read(there / name), read(here / name), err_msg=name)
    for folder, scheduler in ((here, ""), (there, "local:2")):
        processing.run("dataterra:alpha_diversity", {"INPUT": str(folder / "species.tif"), "WINDOW": 3,
                                                     "DASK_SCHEDULER": scheduler,
                                                     "OUTPUT": str(folder / "alpha.tif")})
    np.testing.assert_array_equal(read(there / "alpha.tif"), read(here / "alpha.tif"))


class LogFeedback(QgsProcessingFeedback):
    """A processing feedback that keeps the info lines."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)
        super().pushInfo(info)


@pytest.mark.parametrize("keep", [False, True])
def test_the_log_says_where_the_blocks_run(dataterra_provider, scene, tmp_path, keep):
    import processing

    from dataterra.rasterblocks.execution import keep_local_clusters

    processing.run("dataterra:spectral_species", species_parameters(scene, tmp_path, DASK_SCHEDULER=""))
    runs = {}
    keep_local_clusters(keep)
    try:
        for scheduler in ("", "local:1"):
            feedback = LogFeedback()
            processing.run("dataterra:alpha_diversity", {"INPUT": str(tmp_path / "species.tif"), "WINDOW": 3,
                                                         "DASK_SCHEDULER": scheduler,
                                                         "OUTPUT": str(tmp_path / f"alpha{scheduler[-1:]}.tif")},
                           feedback=feedback)
            runs[scheduler] = [line for line in feedback.lines if line.startswith("Blocks computed")]
    finally:
        keep_local_clusters(False)
    assert runs[""] == []  # in process: nothing said
    kept = ": the cluster is kept for the next runs and stopped after 10 minutes unused."
    assert runs["local:1"] == ["Blocks computed by 1 Dask worker processes on this computer"
                               + (kept if keep else ", started for this run.")]


def test_malformed_scheduler_is_refused_before_anything_is_written(dataterra_provider, scene, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="local:N"):
        processing.run("dataterra:spectral_species", species_parameters(scene, tmp_path, DASK_SCHEDULER="cluster"))
    assert not (tmp_path / "species.tif").exists()


@pytest.mark.parametrize("name", ["beta_diversity", "functional_diversity"])
def test_diversity_maps_refuse_a_malformed_scheduler_before_writing(dataterra_provider, scene, tmp_path, name):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="local:N"):
        processing.run(f"dataterra:{name}", {"INPUT": scene["path"], "WINDOW": 3, "DASK_SCHEDULER": "cluster",
                                             "OUTPUT": str(tmp_path / "map.tif")})
    assert list(tmp_path.iterdir()) == []


def test_without_dask_the_parameter_says_how_to_install_it(dataterra_provider, scene, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException

    from dataterra.dataterra_plugin.scale import scheduler_description

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    assert "python3-distributed" in scheduler_description()
    with pytest.raises(QgsProcessingException, match="python3-distributed"):
        processing.run("dataterra:spectral_species", species_parameters(scene, tmp_path, DASK_SCHEDULER="local:2"))
    assert not (tmp_path / "species.tif").exists()
    processing.run("dataterra:spectral_species", species_parameters(scene, tmp_path))  # in process: works
    assert read(tmp_path / "species.tif").shape == (2, 80, 90)


def test_qgis_process_takes_the_scheduler(run_qgis_process, scene, tmp_path):
    out = run_qgis_process("dataterra:alpha_diversity", {
        "INPUT": scene["path"], "WINDOW": 3, "DASK_SCHEDULER": "bad",
        "OUTPUT": tmp_path / "alpha.tif"}, expect_success=False)
    assert out.returncode != 0 and "local:N" in out.stdout + out.stderr


@pytest.mark.parametrize("language, opening", [("en", "DASK_SCHEDULER (advanced): empty computes the blocks"),
                                               ("fr", "DASK_SCHEDULER (avancé) : vide, les blocs sont calculés")])
def test_the_help_of_every_algorithm_with_the_parameter_explains_it(dataterra_provider, request, language, opening):
    """The algorithms that have DASK_SCHEDULER end their help with what it does and what it
    gains; the others do not speak of it."""
    from qgis.core import QgsApplication

    if language == "fr":
        request.getfixturevalue("french")
    algorithms = QgsApplication.processingRegistry().providerById("dataterra").algorithms()
    with_parameter = {algorithm.name() for algorithm in algorithms if algorithm.parameterDefinition("DASK_SCHEDULER")}
    explained = {algorithm.name() for algorithm in algorithms
                 if algorithm.shortHelpString().split("\n\n")[-1].startswith(opening)}
    assert with_parameter == explained == {
        "spectral_species", "alpha_diversity", "beta_diversity", "functional_diversity", "effective_mesh_size",
        "forest_harmonic_model", "forest_dieback_detection", "forest_dieback_all"}
