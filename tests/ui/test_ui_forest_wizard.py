"""The guided forest-health study: its pages drive dataterra:forest_dieback_all in the background
on the shared fordead series (a products folder, or the catalogue dock's items served by a
loopback STAC server), style the results and re-run identically from the saved project."""
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.core import QgsCategorizedSymbolRenderer, QgsPalettedRasterRenderer, QgsProject

from dataterra.dataterra_plugin.catalog.core.stac import feature_record
from dataterra.dataterra_plugin.ui.forest_wizard import ForestWizard
from dataterra.dataterra_plugin.ui.project_settings import load_study
from dataterra.foresthealth.core import series
from dataterra.foresthealth.core.synthetic import write_theia_series
from tests.foresthealth.test_stac_items import FileServer, stac_features

DATA = Path(__file__).resolve().parent.parent / "data" / "foresthealth"
AREA = "642100.0,642500.0,5451500.0,5451900.0 [EPSG:32631]"  # 40 × 40 px of the 60 × 60 series


@pytest.fixture(scope="module")
def tiled_series(tmp_path_factory):
    """The shared series (tests/data/foresthealth/series.npz) as tiled THEIA products."""
    data = np.load(DATA / "series.npz")
    return write_theia_series(tmp_path_factory.mktemp("forest_ui") / "products", [str(n) for n in data["names"]],
                              data["bands10"], data["bands20"], data["clm"], data["geotransform"],
                              int(data["epsg"]), options=("TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"))


def scenario(products, folder, **changes):
    config = {"extent": "", "start_date": "2015-01-01", "min_last_date": "2018-01-01", "max_last_date": "2018-06-01",
              "index": "CRSWIR", "threshold": 0.16, "source": "folder", "products": str(products), "items": "",
              "mask": "polygons", "forest_polygons": str(DATA / "area_interest.geojson"), "forest_raster": "",
              "forest_classes": "", "output_dir": str(folder)}
    config.update(changes)
    return config


def run_and_wait(wizard, timeout_s=300, cancel_when=None):
    """Run the study and wait for its end; ``cancel_when``: a threading.Event set by the run
    (see :func:`paused_detection`), on which the study is cancelled."""
    loop = QEventLoop()
    wizard.run_study()
    if wizard.chain is None:
        return
    wizard.chain.finished.connect(loop.quit)
    wizard.chain.failed.connect(loop.quit)
    watch = QTimer()
    if cancel_when is not None:
        def cancel_once_started():
            if cancel_when.is_set():
                watch.stop()
                wizard.cancel_study()
                cancel_when.clear()  # lets the run go on, to find itself cancelled
        watch.timeout.connect(cancel_once_started)
        watch.start(10)
    QTimer.singleShot(timeout_s * 1000, loop.quit)
    loop.exec_()
    watch.stop()


def paused_detection(monkeypatch):
    """An Event set when dieback detection has read its first date; the detection then waits
    until the Event is cleared (at most 60 s): a cancel lands in the middle of the run however
    fast the machine is."""
    started = threading.Event()
    reading = series.strip_dates

    def pausing(*args, **kwargs):
        for number, item in enumerate(reading(*args, **kwargs)):
            if number == 0:
                started.set()
                deadline = time.monotonic() + 60
                while started.is_set() and time.monotonic() < deadline:
                    time.sleep(0.01)
            yield item

    monkeypatch.setattr(series, "strip_dates", pausing)
    return started


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


def direct_run(parameters, folder):
    """forest_dieback_all run from processing with the wizard's parameters, outputs in ``folder``."""
    import processing

    outputs = {"STATE": folder / "state", "POLYGONS": folder / "dieback.gpkg",
               "FIRST_DATE": folder / "first.tif", "STATE_RASTER": folder / "state.tif",
               "CONFIDENCE": folder / "ci.tif", "CONFIDENCE_CLASS": folder / "class.tif"}
    return processing.run("dataterra:forest_dieback_all", {**parameters, **{k: str(v) for k, v in outputs.items()}})


@pytest.mark.slow
def test_wizard_study_matches_the_algorithm_and_is_saved(qgis_iface, dataterra_provider, tiled_series, tmp_path):
    QgsProject.instance().clear()
    wizard = ForestWizard(qgis_iface)
    config = scenario(tiled_series, tmp_path / "wizard")
    wizard.apply_config(config)
    assert wizard.config() == config  # every choice shows in the pages and reads back
    run_and_wait(wizard)
    log = wizard.run_page.log.toPlainText()
    assert "Done." in log, log
    assert load_study("foresthealth") == config
    layers = wizard.result_layers
    assert {"FIRST_DATE", "STATE_RASTER", "CONFIDENCE", "CONFIDENCE_CLASS", "dieback"} <= set(layers)
    state_renderer = layers["STATE_RASTER"].renderer()
    assert isinstance(state_renderer, QgsPalettedRasterRenderer)
    assert [c.label for c in state_renderer.classes()][:2] == ["Healthy", "Dieback"]
    first_labels = [c.label for c in layers["FIRST_DATE"].renderer().classes()]
    assert first_labels and all(len(label) == 10 and label[4] == "-" for label in first_labels)
    assert isinstance(layers["dieback"].renderer(), QgsCategorizedSymbolRenderer)
    assert layers["dieback"].temporalProperties().isActive()
    group = QgsProject.instance().layerTreeRoot().findGroup("Forest health")
    assert group is not None and len(group.findLayers()) == len(layers)

    parameters = wizard.algorithm_parameters(config)
    assert parameters["PRODUCTS"] == str(tiled_series) and "STAC_ITEMS" not in parameters
    direct = direct_run({k: v for k, v in parameters.items() if k not in ("STATE", "POLYGONS") and k not in (
        "FIRST_DATE", "STATE_RASTER", "CONFIDENCE", "CONFIDENCE_CLASS")}, tmp_path / "direct")
    for output in ("FIRST_DATE", "STATE_RASTER", "CONFIDENCE", "CONFIDENCE_CLASS"):
        np.testing.assert_array_equal(read(layers[output].source()), read(direct[output]), err_msg=output)
    dieback = read(layers["STATE_RASTER"].source()) == 2
    assert dieback.any() and (read(layers["FIRST_DATE"].source())[dieback] > 20180000).all()
    assert layers["dieback"].featureCount() > 0
    wizard.deleteLater()


@pytest.mark.slow
def test_wizard_reads_the_catalogue_items_over_the_area(qgis_iface, dataterra_provider, tiled_series, tmp_path):
    """The catalogue dock's records → items file → the run over the area, equal to the folder's
    run over the same area with the cloudiness over the area; only ranges are fetched."""
    QgsProject.instance().clear()
    server = FileServer(tiled_series)
    try:
        records = [feature_record(f) for f in stac_features(server, tiled_series)]
        thumbnail_only = feature_record({"type": "Feature", "id": "other", "properties": {"datetime": "2018-01-01"},
                                         "assets": {"thumbnail": {"href": f"{server.url}/q.jpg"}}})
        wizard = ForestWizard(qgis_iface, catalogue_records=lambda: records + [thumbnail_only])
        wizard.apply_config(scenario("", tmp_path / "wizard", extent=AREA, mask="none"))
        items = wizard.take_catalogue_items()
        assert items == str(tmp_path / "wizard" / "catalogue_items.json")
        assert wizard.config()["source"] == "catalogue" and wizard.config()["items"] == items
        assert "165 items" in wizard.items_status.text()
        run_and_wait(wizard)
        log = wizard.run_page.log.toPlainText()
        assert "Done." in log, log
        direct = direct_run({"PRODUCTS": str(tiled_series), "EXTENT": AREA, "CLOUDINESS_IN_AREA": True},
                            tmp_path / "direct")
        state = read(wizard.result_layers["STATE_RASTER"].source())
        assert state.shape == (40, 40)
        np.testing.assert_array_equal(state, read(direct["STATE_RASTER"]))
        np.testing.assert_array_equal(read(wizard.result_layers["FIRST_DATE"].source()), read(direct["FIRST_DATE"]))
        tiffs = [r for r in server.requests if r["path"].endswith(".tif")]
        assert tiffs and all(r["headers"].get("Range") for r in tiffs)
        wizard.deleteLater()
    finally:
        server.close()


def test_wizard_cancel_leaves_no_result(qgis_iface, dataterra_provider, tiled_series, tmp_path, monkeypatch):
    QgsProject.instance().clear()
    wizard = ForestWizard(qgis_iface)
    wizard.apply_config(scenario(tiled_series, tmp_path / "cancelled"))
    run_and_wait(wizard, cancel_when=paused_detection(monkeypatch))
    log = wizard.run_page.log.toPlainText()
    assert "Done." not in log and "Cancelled" in log, log
    assert wizard.run_page.run_button.isEnabled() and not wizard.run_page.cancel_button.isEnabled()
    folder = tmp_path / "cancelled"
    assert not (folder / "state").exists() and not list(folder.glob("*.tif")) and not list(folder.glob("*.gpkg"))
    wizard.deleteLater()


def test_new_wizard_shows_fordeads_tutorial_settings(qgis_iface, dataterra_provider):
    QgsProject.instance().clear()
    wizard = ForestWizard(qgis_iface)
    config = wizard.config()
    assert (config["start_date"], config["min_last_date"], config["max_last_date"]) == (
        "2015-01-01", "2018-01-01", "2018-06-01")
    assert (config["index"], config["threshold"], config["source"], config["mask"]) == (
        "CRSWIR", 0.16, "folder", "none")
    wizard.deleteLater()


def test_wizard_refuses_incomplete_choices(qgis_iface, dataterra_provider, tmp_path):
    QgsProject.instance().clear()
    wizard = ForestWizard(qgis_iface, catalogue_records=lambda: [])
    wizard.apply_config(scenario("", tmp_path, source="catalogue", mask="oso", forest_polygons="",
                                 min_last_date="2018-07-01"))
    assert wizard.take_catalogue_items() is None
    assert "no Sentinel-2 item" in wizard.items_status.text()
    wizard.run_study()
    log = wizard.run_page.log.toPlainText()
    for expected in ("take the items of the catalogue", "read over an area of interest",
                     "cannot start after its latest start date", "forest or land-cover raster"):
        assert expected in log, (expected, log)
    assert wizard.chain is None
    wizard.mask_kind.setCurrentIndex(0)
    wizard.forest_classes.setText("")
    wizard.mask_kind.setCurrentIndex(3)  # OSO: its forest classes are proposed
    assert wizard.forest_classes.text() == "16,17"
    wizard.deleteLater()
