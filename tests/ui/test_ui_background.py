"""Background chains of Processing algorithms and study settings kept in the project."""
import time

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.core import QgsProject, QgsVectorLayer

from dataterra.dataterra_plugin.ui.background import AlgorithmChain, ChainStep
from dataterra.dataterra_plugin.ui.project_settings import load_study, save_study


def wait_for(chain, timeout_s=60):
    """Spin the event loop until the chain ends; measure the longest main-thread gap."""
    loop = QEventLoop()
    outcome = {}
    chain.finished.connect(lambda outputs: (outcome.update(ok=outputs), loop.quit()))
    chain.failed.connect(lambda message: (outcome.update(error=message), loop.quit()))
    beats = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start(20)
    QTimer.singleShot(timeout_s * 1000, loop.quit)
    chain.start()
    loop.exec_()
    heartbeat.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:])]
    return outcome, max(gaps, default=0.0)


def test_chain_passes_outputs_between_steps(qgis_app, qgis_processing, sample_data, tmp_path):
    steps = [
        ChainStep("buffer", "native:buffer", {"INPUT": str(sample_data["communes"]), "DISTANCE": 100.0,
                                              "SEGMENTS": 5, "DISSOLVE": False, "OUTPUT": str(tmp_path / "b.gpkg")}),
        ChainStep("dissolve", "native:dissolve",
                  lambda outputs: {"INPUT": outputs["buffer"]["OUTPUT"], "OUTPUT": str(tmp_path / "d.gpkg")}),
    ]
    chain = AlgorithmChain(steps)
    progress = []
    chain.progressChanged.connect(progress.append)
    outcome, _ = wait_for(chain)
    assert "ok" in outcome, outcome
    dissolved = QgsVectorLayer(outcome["ok"]["dissolve"]["OUTPUT"], "d", "ogr")
    communes = QgsVectorLayer(str(sample_data["communes"]), "c", "ogr")
    assert dissolved.featureCount() == 1
    union_area = next(dissolved.getFeatures()).geometry().area()
    total_area = sum(f.geometry().area() for f in communes.getFeatures())
    # communes tile the EPCI: the dissolved 100 m buffer is the EPCI grown by ~100 m
    assert total_area < union_area < total_area * 1.1
    assert progress[-1] == 100.0 and progress == sorted(progress)


def test_cancel_stops_and_reports(qgis_app, qgis_processing, sample_data, tmp_path):
    steps = [ChainStep(f"s{i}", "native:buffer",
                       {"INPUT": str(sample_data["clc"]), "DISTANCE": 10.0, "SEGMENTS": 50, "DISSOLVE": True,
                        "OUTPUT": str(tmp_path / f"o{i}.gpkg")}) for i in range(3)]
    chain = AlgorithmChain(steps)
    chain.stepStarted.connect(lambda index, label: chain.cancel())
    outcome, longest_gap = wait_for(chain)
    assert "Cancelled" in outcome.get("error", "")
    assert "s1" not in chain.outputs and "s2" not in chain.outputs
    assert longest_gap < 0.5  # the main thread kept spinning


def test_unknown_algorithm_is_reported():
    chain = AlgorithmChain([ChainStep("x", "dataterra:does_not_exist", {})])
    messages = []
    chain.failed.connect(messages.append)
    chain.start()
    QCoreApplication.processEvents()
    assert messages and "dataterra:does_not_exist" in messages[0]


def test_study_settings_survive_a_project_round_trip(qgis_app, tmp_path):
    project = QgsProject()
    config = {"landcover": "/data/clc.gpkg", "classes": [311, 312], "method": "CBC", "resolution": 10.0}
    save_study("fragmentation", config, project)
    path = tmp_path / "study.qgz"
    assert project.write(str(path))
    reopened = QgsProject()
    assert reopened.read(str(path))
    assert load_study("fragmentation", reopened) == config
    assert load_study("connectivity", reopened) is None


@pytest.mark.parametrize("damaged", ["{not json", ""])
def test_damaged_settings_give_defaults(qgis_app, damaged):
    project = QgsProject()
    project.writeEntry("dataterra", "fragmentation", damaged)
    assert load_study("fragmentation", project) is None


def test_select_layer_by_source_opens_vectors_and_rasters(qgis_app, sample_data, geotiff, tmp_path):
    import numpy as np
    from qgis.core import QgsMapLayerProxyModel, QgsRasterLayer
    from qgis.gui import QgsMapLayerComboBox

    from dataterra.dataterra_plugin.ui.study_wizard import layer_source, select_layer_by_source

    QgsProject.instance().clear()
    combo = QgsMapLayerComboBox()
    combo.setFilters(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.RasterLayer)
    raster = geotiff(tmp_path / "landcover.tif", np.full((3, 3), 311, dtype=np.int32))
    select_layer_by_source(combo, raster)
    assert isinstance(combo.currentLayer(), QgsRasterLayer) and layer_source(combo) == raster
    select_layer_by_source(combo, str(sample_data["communes"]))
    assert combo.currentLayer().featureCount() == 20
    select_layer_by_source(combo, raster)  # already in the project: selected, not added again
    assert len(QgsProject.instance().mapLayers()) == 2
    QgsProject.instance().clear()
