"""The guided fragmentation study runs the same algorithms as the toolbox, in the
background, styles its result and re-runs identically from the saved project."""
import shutil
from pathlib import Path

import processing
import pytest
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.core import QgsGraduatedSymbolRenderer, QgsProject, QgsVectorLayer

from dataterra.dataterra_plugin.ui.fragmentation_wizard import FragmentationWizard
from dataterra.dataterra_plugin.ui.project_settings import load_study

ROAD_FILTER = "\"ETAT\" = 'Revêtu'"
ROAD_BUFFER = ("CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 WHEN \"VOCATION\" = 'Liaison principale' "
               "THEN 22.5 WHEN \"VOCATION\" = 'Liaison régionale' THEN 15 ELSE 7.5 END")


def scenario(sample_data, folder):
    return {
        "landcover": str(sample_data["clc"]), "class_field": "CODE_12", "preset": "clc", "classes": "",
        "study_area": str(sample_data["epci"]),
        "barriers": [{"source": str(sample_data["roads"]), "filter": ROAD_FILTER, "buffer": ROAD_BUFFER}],
        "reporting": str(sample_data["communes"]), "grid_size": 0.0, "method": "CBC", "mode": "vector",
        "resolution": 10.0, "connectivity": 4, "output_dir": str(folder),
    }


def run_and_wait(wizard, timeout_s=240):
    loop = QEventLoop()
    wizard.chain_done = None
    wizard.run_study()
    wizard.chain.finished.connect(loop.quit)
    wizard.chain.failed.connect(loop.quit)
    QTimer.singleShot(timeout_s * 1000, loop.quit)
    loop.exec_()


@pytest.mark.slow
def test_wizard_study_matches_the_toolbox_and_is_saved(qgis_iface, dataterra_provider, sample_data, tmp_path):
    QgsProject.instance().clear()
    wizard = FragmentationWizard(qgis_iface)
    config = scenario(sample_data, tmp_path / "wizard")
    wizard.apply_config(config)
    assert wizard.config() == config  # every choice shows in the pages and reads back
    run_and_wait(wizard)
    log = wizard.run_page.log.toPlainText()
    assert "Done." in log, log
    layer = wizard.result_layer
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "meff_ha"
    assert load_study("fragmentation") == config

    # the same chain run directly from processing gives the same per-commune values
    roads = processing.run("dataterra:fragmenting_elements", {
        "INPUT": config["barriers"][0]["source"], "FILTER": ROAD_FILTER, "BUFFER": ROAD_BUFFER,
        "OUTPUT": str(tmp_path / "roads.gpkg")})["OUTPUT"]
    habitat = processing.run("dataterra:prepare_landscape", {
        "LANDCOVER": config["landcover"], "CLASS_FIELD": "CODE_12", "PRESET": 2, "FRAGMENTING": [roads],
        "STUDY_AREA": config["study_area"], "MODE": 0, "OUTPUT": str(tmp_path / "habitat.gpkg")})["OUTPUT"]
    direct = processing.run("dataterra:effective_mesh_size", {
        "INPUT": habitat, "REPORTING": config["reporting"], "METHOD": 1,
        "OUTPUT": str(tmp_path / "meff.gpkg")})["OUTPUT"]
    expected = {f["INSEE_COM"]: f["meff_ha"] for f in QgsVectorLayer(direct, "d", "ogr").getFeatures()}
    got = {f["INSEE_COM"]: f["meff_ha"] for f in layer.getFeatures()}
    assert len(got) == 20 and got.keys() == expected.keys()
    for code, value in expected.items():
        assert got[code] == pytest.approx(value, rel=1e-9)
    wizard.deleteLater()


def test_wizard_refuses_to_run_without_land_cover(qgis_iface, dataterra_provider):
    QgsProject.instance().clear()
    wizard = FragmentationWizard(qgis_iface)
    wizard.apply_config({"landcover": "", "preset": "none", "classes": ""})
    wizard.run_study()
    log = wizard.run_page.log.toPlainText()
    assert "choose a land-cover layer" in log and "habitat classes" in log
    assert wizard.chain is None
    wizard.deleteLater()


def test_optional_layers_start_empty_and_the_class_field_is_not_fid(qgis_iface, dataterra_provider, sample_data):
    """Issue 16: the optional study area and reporting units defaulted to the land cover."""
    from qgis.core import QgsProject, QgsVectorLayer

    from dataterra.dataterra_plugin.ui.fragmentation_wizard import FragmentationWizard

    QgsProject.instance().clear()
    QgsProject.instance().removeEntry("dataterra", "fragmentation")
    clc = QgsVectorLayer(str(sample_data["clc"]), "clc", "ogr")
    QgsProject.instance().addMapLayer(clc)
    wizard = FragmentationWizard(qgis_iface)
    assert wizard.landcover.currentLayer() is clc
    assert wizard.class_field.currentField() == "CODE_12"
    assert wizard.study_area.currentLayer() is None and wizard.reporting.currentLayer() is None
    assert wizard.config()["study_area"] == "" and wizard.config()["reporting"] == ""
    wizard.deleteLater()


FRAGSCAPE_PROJECTS = Path(__file__).resolve().parents[1] / "data" / "fragscape" / "projects"
NATURAL_CLC = "231,243,311,312,313,321,322,323,324,331,332,333,411,421,422,511,512,521"


def laid_out_project(sample_data, tmp_path, name="EPCI_Clermontais_2012_CUT.xml"):
    """FragScape's layout: <tmp>/Source = the Clermontais data, <tmp>/project/<name>."""
    (tmp_path / "Source").symlink_to(Path(sample_data["clc"]).parents[1], target_is_directory=True)
    (tmp_path / "project").mkdir()
    return str(shutil.copy(FRAGSCAPE_PROJECTS / name, tmp_path / "project" / name))


def test_open_a_fragscape_project_fills_the_pages(qgis_iface, dataterra_provider, sample_data, tmp_path):
    QgsProject.instance().clear()
    wizard = FragmentationWizard(qgis_iface)
    notes = wizard.open_fragscape_project(laid_out_project(sample_data, tmp_path))
    config = wizard.config()
    assert config["classes"] == NATURAL_CLC and config["preset"] == "none" and config["class_field"] == "CODE_12"
    assert config["landcover"].startswith(str(tmp_path / "Source" / "CLC" / "CLC12_D034_RGF_clipped.gpkg"))
    assert config["study_area"].startswith(str(tmp_path / "Source" / "ZoneEtude" / "EPCIClermontais.gpkg"))
    assert config["reporting"].endswith("EPCIClermontaisCommunes.shp")
    assert [(b["buffer"], "Liaison" in b["filter"] or "autoroutier" in b["filter"]) for b in config["barriers"]] == \
        [("7.5", True), ("15", True), ("22.5", True), ("30", True)]
    assert (config["method"], config["mode"]) == ("CUT", "vector")
    shown = wizard.project_notes.text()
    assert "does not exist here" in shown and "$area >= 1000" in shown and shown == "\n".join(notes)
    # saved back as a FragScape project: the same study when opened again
    saved = wizard.save_fragscape_project(str(tmp_path / "project" / "saved.xml"))
    again = FragmentationWizard(qgis_iface)
    again.open_fragscape_project(saved)
    assert again.config()["classes"] == NATURAL_CLC and len(again.config()["barriers"]) == 4
    wizard.deleteLater()
    again.deleteLater()


def test_opening_a_project_or_a_study_reuses_the_layers_already_loaded(qgis_iface, dataterra_provider, sample_data,
                                                                        tmp_path):
    """The project names its layers through a link and ``..`` (../Source/CLC/x.gpkg), without a
    layer name; QGIS has them by their real paths, the GeoPackages with their layer names: they
    must be used, not loaded a second time. The same when a saved study spells them otherwise."""
    QgsProject.instance().clear()
    loaded = {}
    for key in ("clc", "roads", "epci", "communes"):
        path = str(sample_data[key])
        source = path if path.endswith(".shp") else f"{path}|layername={Path(path).stem}"
        loaded[key] = QgsVectorLayer(source, key, "ogr")
        assert loaded[key].isValid()
        QgsProject.instance().addMapLayer(loaded[key])
    wizard = FragmentationWizard(qgis_iface)
    wizard.open_fragscape_project(laid_out_project(sample_data, tmp_path))
    assert len(QgsProject.instance().mapLayers()) == 4
    assert wizard.landcover.currentLayer() is loaded["clc"]
    assert wizard.study_area.currentLayer() is loaded["epci"]
    assert wizard.reporting.currentLayer() is loaded["communes"]
    barriers = [wizard.barriers.cellWidget(row, 0).currentLayer() for row in range(wizard.barriers.rowCount())]
    assert barriers == [loaded["roads"]] * 4
    # a saved study naming the land cover through the link, "./" and a trailing separator
    spelled = str(tmp_path / "Source" / "." / "CLC" / Path(sample_data["clc"]).name) + "/"
    wizard.landcover.setLayer(None)
    wizard.apply_config({**wizard.config(), "landcover": spelled})
    assert len(QgsProject.instance().mapLayers()) == 4 and wizard.landcover.currentLayer() is loaded["clc"]
    wizard.deleteLater()


def test_open_a_project_names_what_is_missing_or_wrong(qgis_iface, dataterra_provider, sample_data, tmp_path):
    QgsProject.instance().clear()
    wizard = FragmentationWizard(qgis_iface)
    xml = Path(laid_out_project(sample_data, tmp_path))
    xml.write_text(xml.read_text(encoding="utf-8").replace("EPCIClermontaisCommunes.shp", "moved.shp"),
                   encoding="utf-8")
    notes = wizard.open_fragscape_project(str(xml))
    assert any(note.startswith("Not found: reporting layer") and "moved.shp" in note for note in notes)
    foreign = tmp_path / "foreign.xml"
    foreign.write_text("<BioDispersalModel/>", encoding="utf-8")
    assert "not a FragScape project" in wizard.open_fragscape_project(str(foreign))[0]
    wizard.deleteLater()


def test_barrier_filter_has_the_expression_builder_of_its_layer(qgis_iface, dataterra_provider, sample_data):
    """Issue 16: the filter was a bare text box, without QGIS's expression builder."""
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.gui import QgsExpressionLineEdit

    from dataterra.dataterra_plugin.ui.fragmentation_wizard import FragmentationWizard

    QgsProject.instance().clear()
    roads = QgsVectorLayer(str(sample_data["roads"]), "roads", "ogr")
    QgsProject.instance().addMapLayer(roads)
    wizard = FragmentationWizard(qgis_iface)
    wizard.add_barrier(str(sample_data["roads"]), ROAD_FILTER, "20")
    edit = wizard.barriers.cellWidget(0, 1)
    assert isinstance(edit, QgsExpressionLineEdit)
    assert edit.isValidExpression()[0]
    assert wizard.config()["barriers"] == [{"source": roads.source(), "filter": ROAD_FILTER,
                                            "buffer": "20"}]
    edit.setExpression("\"ETAT\" = ")  # unfinished: the builder says so
    assert not edit.isValidExpression()[0]
    wizard.deleteLater()


def test_raster_connectivity_is_fragscapes_4_neighbours_unless_8_is_chosen(qgis_iface, dataterra_provider, geotiff,
                                                                          tmp_path):
    """FragScape labels raster patches with 4 neighbours (ndimage.generate_binary_structure(2, 1));
    the dialog's default reproduces it, 8 neighbours is the option."""
    import numpy as np
    from scipy import ndimage

    # two 2 x 2 habitat blocks of 10 m pixels touching only at a corner, in 16 pixels
    habitat = np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1]], dtype=np.uint8)
    path = geotiff(tmp_path / "corner.tif", habitat)

    def expected_meff_ha(structure):  # Jaeger: sum of squared patch areas / total area
        labels, count = ndimage.label(habitat, structure)
        areas = ndimage.sum(habitat, labels, range(1, count + 1)) * 100.0
        return float((areas ** 2).sum() / (habitat.size * 100.0) / 1e4)

    wizard = FragmentationWizard(qgis_iface)
    assert wizard.config()["connectivity"] == 4
    assert not wizard.connectivity.isEnabled()  # vector mode: no pixels to connect
    wizard.apply_config({**wizard.config(), "mode": "raster", "output_dir": str(tmp_path / "study")})
    assert wizard.connectivity.isEnabled()
    results = {}
    for choice in (4, 8):
        wizard.connectivity.setCurrentIndex((4, 8).index(choice))
        config = wizard.config()
        assert config["connectivity"] == choice
        meff_step = wizard.chain_steps(config)[-1]
        parameters = meff_step.resolve({"landscape": {"OUTPUT_RASTER": path}})
        results[choice] = processing.run(meff_step.algorithm_id, parameters)["MEFF_HA"]
    fragscape_rule = ndimage.generate_binary_structure(2, 1)
    assert results[4] == pytest.approx(expected_meff_ha(fragscape_rule)) == pytest.approx(0.02)  # 2 x 400 m²
    assert results[8] == pytest.approx(expected_meff_ha(ndimage.generate_binary_structure(2, 2))) \
        == pytest.approx(0.04)  # one 800 m² patch
    # a FragScape project (which has no such setting) opens with FragScape's rule
    wizard.connectivity.setCurrentIndex(1)
    project = tmp_path / "raster_project.xml"
    wizard.save_fragscape_project(str(project))
    wizard.open_fragscape_project(str(project))
    assert wizard.config()["connectivity"] == 4
    wizard.deleteLater()


def test_a_long_buffer_expression_shows_its_start(qgis_iface, dataterra_provider, sample_data):
    """Issue 16: the buffer box showed the end of a CASE expression ("... ELSE 7.5 END"); it
    shows its start, has the expression builder like the filter, and gives the text back whole."""
    from qgis.PyQt.QtWidgets import QLineEdit
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.gui import QgsExpressionLineEdit

    QgsProject.instance().clear()
    roads = QgsVectorLayer(str(sample_data["roads"]), "roads", "ogr")
    QgsProject.instance().addMapLayer(roads)
    wizard = FragmentationWizard(qgis_iface)
    wizard.resize(900, 560)
    wizard.add_barrier(str(sample_data["roads"]), ROAD_FILTER, ROAD_BUFFER)
    wizard.show()
    buffer = wizard.barriers.cellWidget(0, 2)
    assert isinstance(buffer, QgsExpressionLineEdit)
    assert buffer.isValidExpression()[0]  # checked against the roads' fields (VOCATION)
    line = buffer.findChild(QLineEdit)
    assert line.cursorPosition() == 0
    assert line.width() < line.fontMetrics().horizontalAdvance(ROAD_BUFFER)  # too long to show whole
    # what is drawn starts with the expression's start: the text left of the cursor is empty
    assert line.cursorRect().left() < line.fontMetrics().horizontalAdvance("CASE")
    assert wizard.config()["barriers"][0]["buffer"] == ROAD_BUFFER
    wizard.hide()
    wizard.deleteLater()
    QgsProject.instance().clear()
