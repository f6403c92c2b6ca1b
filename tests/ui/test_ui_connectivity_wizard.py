"""The guided connectivity study runs the toolbox algorithms in the background and saves its choices."""
import pytest
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.core import QgsGraduatedSymbolRenderer, QgsProject

from dataterra.dataterra_plugin.ui.connectivity_wizard import ConnectivityWizard, preset_index
from dataterra.dataterra_plugin.ui.project_settings import load_study


def run_and_wait(wizard, timeout_s=240):
    loop = QEventLoop()
    wizard.run_study()
    wizard.chain.finished.connect(loop.quit)
    wizard.chain.failed.connect(loop.quit)
    QTimer.singleShot(timeout_s * 1000, loop.quit)
    loop.exec_()


def test_preset_index_matches_the_friction_enum():
    from dataterra.biodispersal.algorithms.landcover_steps import FrictionFromLandcoverAlgorithm

    for nomenclature in ("clc", "oso"):
        for group in ("forest", "open_grassland", "wetland"):
            assert FrictionFromLandcoverAlgorithm.PRESETS[preset_index(nomenclature, group)] == (nomenclature, group)


@pytest.mark.slow
def test_wizard_study_matches_the_toolbox(qgis_iface, dataterra_provider, sample_data, tmp_path):
    import processing

    QgsProject.instance().clear()
    wizard = ConnectivityWizard(qgis_iface)
    config = {"subnetwork": "forest", "landcover": str(sample_data["clc"]), "class_field": "CODE_12",
              "nomenclature": "clc", "groups": ["forest", "wetland"],
              "classes": {"forest": "", "open_grassland": "", "wetland": "411, 412, 421, 511, 512"},
              "min_area_ha": 20.0, "resolution": 100.0,
              "max_cost": 3000.0, "knight_move": False, "distance_50": 1000.0, "max_link": 6000.0,
              "output_dir": str(tmp_path / "study")}
    wizard.apply_config(config)
    assert wizard.config() == config
    run_and_wait(wizard)
    log = wizard.run_page.log.toPlainText()
    assert "Done." in log, log
    assert set(wizard.result_layers) == {"forest", "wetland"}
    dispersal, nodes, _ = wizard.result_layers["forest"]
    assert isinstance(nodes.renderer(), QgsGraduatedSymbolRenderer)
    # the accumulated cost in a colour ramp from its minimum (0, at the patches) to its maximum
    shader = dispersal.renderer().shader().rasterShaderFunction()
    stats = dispersal.dataProvider().bandStatistics(1)
    assert (shader.minimumValue(), shader.maximumValue()) == (0.0, stats.maximumValue)
    assert 0 < stats.maximumValue <= config["max_cost"]
    values = [item.value for item in shader.colorRampItemList()]
    assert values == sorted(values) and (values[0], values[-1]) == (0.0, stats.maximumValue)
    assert load_study("connectivity") == config
    landcover = processing.run("dataterra:select_habitat", {
        "LANDCOVER": config["landcover"], "CLASS_FIELD": "CODE_12", "CLASSES": "111-523", "RESOLUTION": 100,
        "OUTPUT": str(tmp_path / "lc.tif")})["OUTPUT"]
    friction = processing.run("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 4, "OUTPUT": str(tmp_path / "f.tif")})["OUTPUT"]
    patches = processing.run("dataterra:select_habitat", {
        "LANDCOVER": landcover, "CLASSES": "311-313, 324", "MIN_AREA": 20, "OUTPUT": str(tmp_path / "p.tif")})["OUTPUT"]
    graph = processing.run("dataterra:connectivity_graph", {
        "PATCHES": patches, "FRICTION": friction, "MAX_DISTANCE": 6000, "DISTANCE_50": 1000,
        "OUTPUT_NODES": str(tmp_path / "n.gpkg"), "OUTPUT_EDGES": str(tmp_path / "e.gpkg")})
    assert f"Forest species: IIC = {graph['IIC']:.4g}, PC = {graph['PC']:.4g}" in log
    wizard.deleteLater()


def test_wizard_refuses_to_run_without_land_cover(qgis_iface, dataterra_provider):
    QgsProject.instance().clear()
    wizard = ConnectivityWizard(qgis_iface)
    wizard.apply_config({"landcover": "", "groups": []})
    wizard.run_study()
    log = wizard.run_page.log.toPlainText()
    assert "choose a land-cover layer" in log and "tick at least one species group" in log
    assert wizard.chain is None
    wizard.deleteLater()


def test_class_field_is_listed_at_open_and_kept_when_the_study_reopens(qgis_iface, dataterra_provider, sample_data):
    """Issue 16: the class field list was empty at open (filled only after choosing another
    layer and back), defaulted to "fid", and a saved study reopened without its class field."""
    from qgis.core import QgsVectorLayer

    QgsProject.instance().clear()
    clc = QgsVectorLayer(str(sample_data["clc"]), "clc", "ogr")
    QgsProject.instance().addMapLayer(clc)
    wizard = ConnectivityWizard(qgis_iface)
    assert wizard.landcover.currentLayer() is clc
    assert wizard.class_field.layer() is clc
    assert wizard.class_field.currentField() == "CODE_12"  # not "fid", the first field
    wizard.class_field.setField("ID")
    wizard.group_boxes["wetland"].setChecked(True)
    from dataterra.dataterra_plugin.ui.project_settings import save_study
    save_study("connectivity", wizard.config())
    wizard.deleteLater()
    reopened = ConnectivityWizard(qgis_iface)
    assert reopened.class_field.currentField() == "ID"
    assert reopened.validate(reopened.config()) == []
    reopened.deleteLater()


def test_a_saved_study_reuses_the_land_cover_loaded_under_another_spelling(qgis_iface, dataterra_provider,
                                                                           sample_data, monkeypatch):
    from qgis.core import QgsVectorLayer

    from dataterra.dataterra_plugin.ui.project_settings import save_study

    QgsProject.instance().clear()
    clc_path = sample_data["clc"]
    clc = QgsVectorLayer(f"{clc_path}|layername={clc_path.stem}", "clc", "ogr")
    QgsProject.instance().addMapLayer(clc)
    monkeypatch.chdir(clc_path.parent)
    save_study("connectivity", {"landcover": f"../CLC/{clc_path.name}", "class_field": "CODE_12"})
    wizard = ConnectivityWizard(qgis_iface)
    assert list(QgsProject.instance().mapLayers().values()) == [clc]
    assert wizard.landcover.currentLayer() is clc
    wizard.deleteLater()


def test_raster_paths_open_without_ogr_warnings(qgis_app, dataterra_provider, geotiff, tmp_path):
    """Issue 16: each step of a connectivity run logged OGR "Cannot open <raster>.tif"."""
    import numpy as np
    import processing
    from qgis.core import QgsApplication

    landcover = geotiff(tmp_path / "landcover.tif", np.array([[311, 311, 211], [311, 211, 211]], dtype=np.int16),
                        pixel=100.0)
    logged = []

    def keep(message, tag, level):
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        result = processing.run("dataterra:select_habitat", {
            "LANDCOVER": landcover, "CLASSES": "311", "KEEP_CLASS": False, "OUTPUT": str(tmp_path / "patches.tif")})
        QgsApplication.processEvents()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    from osgeo import gdal

    dataset = gdal.Open(result["OUTPUT"])
    band = dataset.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    assert band.ReadAsArray().tolist() == [[1, 1, nodata], [1, nodata, nodata]]  # class 311 is the habitat
    assert not [m for tag, m in logged if tag == "OGR" and "Cannot open" in m], logged


def test_open_a_biodispersal_project_and_run_it(qgis_iface, dataterra_provider, test_data, tmp_path):
    import shutil

    import numpy as np
    from osgeo import gdal

    QgsProject.instance().clear()
    project = tmp_path / "BousquetOrb"
    shutil.copytree(test_data / "biodispersal" / "BousquetOrb", project)
    wizard = ConnectivityWizard(qgis_iface)
    assert not wizard.open_biodispersal_project(str(test_data / "biodispersal" / "README.md"))
    assert "not well-formed XML" in wizard.run_page.log.toPlainText()
    assert wizard.open_biodispersal_project(str(project / "BousquetOrb.xml"))
    config = wizard.config()
    assert config["biodispersal_project"] == str(project / "BousquetOrb.xml")
    assert (config["subnetwork"], config["resolution"], config["max_cost"]) == ("BousquetOrb", 25.0, 1000.0)
    assert config["groups"] == ["forest", "open_grassland", "wetland"]
    log = wizard.run_page.log.toPlainText()
    assert "3 sub-network(s) (grasslands, forest, wetlands)" in log and "does not exist here" in log
    assert "Weighting of Source/BDALTI/pente.tif" not in log and "Weighting of Subnetworks/forest" in log
    # the land cover is missing: named, and nothing runs
    assert "Input layer not found: Source/CorineLandCover/CLC12_BOUSQUET_ORB_BUF.tif" in log
    wizard.run_study()
    assert wizard.chain is None and "CLC12_BOUSQUET_ORB_BUF.tif" in wizard.run_page.log.toPlainText().split(
        "Input layer not found")[-1]
    (project / "Source" / "CorineLandCover").mkdir()
    shutil.move(project / "substitute_CLC12_BOUSQUET_ORB_BUF.tif",
                project / "Source" / "CorineLandCover" / "CLC12_BOUSQUET_ORB_BUF.tif")
    wizard.output_dir.setFilePath(str(tmp_path / "out"))
    run_and_wait(wizard)
    assert "Done." in wizard.run_page.log.toPlainText(), wizard.run_page.log.toPlainText()
    assert set(wizard.result_layers) == {"forest", "grasslands", "wetlands"}
    (forest,) = wizard.result_layers["forest"]
    dataset = gdal.Open(forest.source())
    cost = dataset.GetRasterBand(1).ReadAsArray()
    assert (cost != -9999).sum() == 925_384  # BioDispersal's reached cells (tests/data/biodispersal)
    assert np.nanmax(np.where(cost == -9999, np.nan, cost)) == 1000.0
    assert load_study("connectivity")["biodispersal_project"] == str(project / "BousquetOrb.xml")
    dataset = None
    wizard.deleteLater()


def test_study_log_shows_the_algorithm_error_and_starts_empty_each_run(qgis_iface, dataterra_provider, geotiff,
                                                                       tmp_path):
    """Issue 16: a failing step said only "see the Processing log"; the log kept older runs."""
    import numpy as np

    QgsProject.instance().clear()
    landcover = geotiff(tmp_path / "clc.tif", np.full((20, 20), 211, np.int16), pixel=100.0)
    wizard = ConnectivityWizard(qgis_iface)
    wizard.apply_config({"landcover": landcover, "class_field": "", "nomenclature": "clc", "groups": ["forest"],
                         "classes": {"forest": "312"}, "output_dir": str(tmp_path / "out")})
    for _ in range(2):
        run_and_wait(wizard, timeout_s=60)
    log = wizard.run_page.log.toPlainText()
    assert "none of the classes 312 is in the land cover" in log, log
    assert log.count("Friction (Forest species)") == 1  # the second run's log only
    wizard.deleteLater()


def test_study_reopens_on_its_first_page(qgis_iface, dataterra_provider):
    QgsProject.instance().clear()
    wizard = ConnectivityWizard(qgis_iface)
    wizard.show()
    first = wizard.currentId()
    wizard.next()
    assert wizard.currentId() != first
    wizard.hide()
    wizard.show()
    assert wizard.currentId() == first
    wizard.hide()
    wizard.deleteLater()


def test_save_as_a_biodispersal_project_and_reopen_it(qgis_iface, dataterra_provider, test_data, tmp_path):
    """Issue 17: a study opened from a BioDispersal project is saved back as a file BioDispersal reads."""
    import shutil

    from dataterra.biodispersal.projects.biodispersal_xml import read_project

    QgsProject.instance().clear()
    source = tmp_path / "BousquetOrb"
    shutil.copytree(test_data / "biodispersal" / "BousquetOrb", source)
    wizard = ConnectivityWizard(qgis_iface)
    assert not wizard.save_project_button.isEnabled()  # the plugin's own study has no BioDispersal project
    assert wizard.open_biodispersal_project(str(source / "BousquetOrb.xml"))
    assert wizard.save_project_button.isEnabled()
    wizard.resolution.setValue(50)
    wizard.max_cost.setValue(1500)
    saved = tmp_path / "elsewhere" / "mine.xml"
    saved.parent.mkdir()
    assert wizard.save_biodispersal_project(str(saved)) == str(saved)
    assert wizard.config()["biodispersal_project"] == str(saved)
    original, copy = read_project(source / "BousquetOrb.xml"), read_project(saved)
    assert (copy.resolution, copy.crs) == (50.0, original.crs)
    assert [s.name for s in copy.subnetworks] == [s.name for s in original.subnetworks]
    assert [d.max_cost for s in copy.subnetworks for d in s.dispersals] == [1500.0] * sum(
        len(s.dispersals) for s in original.subnetworks)
    assert [str(sorted(s.frictions.items())) for s in copy.subnetworks] == \
        [str(sorted(s.frictions.items())) for s in original.subnetworks]  # str: NaN != NaN
    assert copy.classes == original.classes and copy.groups == original.groups
    assert [(s.layer, s.mode, s.value) for s in copy.selections] == \
        [(s.layer, s.mode, s.value) for s in original.selections]  # relative paths point to the same files
    assert copy.input_layers() != {} and copy.extent_layer == original.extent_layer
    reopened = ConnectivityWizard(qgis_iface)
    assert reopened.open_biodispersal_project(str(saved))
    assert (reopened.resolution.value(), reopened.max_cost.value()) == (50.0, 1500.0)
    assert reopened.config()["groups"] == wizard.config()["groups"]
    wizard.deleteLater()
    reopened.deleteLater()
