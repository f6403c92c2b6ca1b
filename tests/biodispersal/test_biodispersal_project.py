"""BioDispersal project files: the safe reader, the writer, and dataterra:run_biodispersal_project
against BioDispersal 1.3.1 itself on its Bousquet d'Orb project (tests/data/biodispersal/README.md)."""
import hashlib
import json
import math
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from dataterra.biodispersal.projects.biodispersal_xml import (
    ProjectError,
    parse_overrides,
    read_project,
    write_project,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "biodispersal"
SAMPLE = DATA / "BousquetOrb"
CLC_REF = "Source/CorineLandCover/CLC12_BOUSQUET_ORB_BUF.tif"  # missing from BioDispersal's repository
CLC_OVERRIDE = f"{CLC_REF}={SAMPLE / 'substitute_CLC12_BOUSQUET_ORB_BUF.tif'}"
SUBNETWORKS = ("forest", "grasslands", "wetlands")


def test_reads_the_bousquet_project():
    project = read_project(SAMPLE / "BousquetOrb.xml")
    assert project.resolution == 25.0 and project.crs == "EPSG:2154"
    # the workspace is a Windows folder: paths are relative to the XML's folder
    assert project.folder == str(SAMPLE.resolve())
    assert project.extent_layer == str(SAMPLE.resolve() / "Source/ZoneEtude/EPCI_GrandOrb_Buf4000.shp")
    assert any("C:/Users/mathieu.chailloux" in note and "does not exist" in note for note in project.notes)
    assert [s.name for s in project.subnetworks] == ["grasslands", "forest", "wetlands"]
    forest = project.subnetwork("forest")
    assert forest.priority == ["roads", "railroads", "w2", "w1", "landuse"]
    assert project.subnetwork("wetlands").priority == ["w2", "w1", "roads", "railroads", "landuse"]
    assert forest.frictions[4] == 0.0 and forest.frictions[19] == 10000.0 and forest.frictions[5] == 5.0
    assert len(forest.frictions) == 26
    (dispersal,) = forest.dispersals
    assert dispersal.start_ref == "Source/Reservoirs/RBP_MILBOISE.shp" and dispersal.max_cost == 1000.0
    selections = {s.group: s for s in project.selections}
    assert selections["roads"].mode == "field" and selections["roads"].value == "VOCATION"
    assert selections["roads"].codes == {"Liaison principale": 19, "Liaison locale": 20, "Liaison régionale": 21}
    assert selections["w1"].mode == "expression" and "De 0 à 15 mètres" in selections["w1"].value
    assert selections["w1"].codes == {"": 22} and selections["railroads"].codes == {"": 23}
    assert selections["landuse"].mode == "raster_classes" and selections["landuse"].codes["512"] == 1
    assert selections["landuse"].codes["243"] == 25 and len(selections["landuse"].codes) == 20
    assert len(project.weightings) == 4 and sum("Weighting" in note for note in project.notes) == 4
    assert project.missing_layers() == [CLC_REF]


def test_reads_the_other_sample_variants():
    second = read_project(SAMPLE / "BousquetOrb2.xml")
    # a fourth sub-network "roads" without dispersal, and rows without its column stay without friction
    assert [s.name for s in second.subnetworks] == ["grasslands", "forest", "wetlands", "roads"]
    assert second.subnetwork("roads").dispersals == [] and second.subnetwork("roads").priority == ["roads"]
    tutorial = read_project(SAMPLE / "BousquetOrbTuto.xml")
    assert tutorial.resolution == 10.0
    assert [s.name for s in tutorial.subnetworks][:3] == ["Grasslands", "Forest", "Wetlands"]
    assert all(s.priority for s in tutorial.subnetworks)


def test_existing_workspace_and_absolute_paths(tmp_path):
    text = (SAMPLE / "BousquetOrb.xml").read_text(encoding="utf-8")
    workspace = tmp_path / "elsewhere"
    workspace.mkdir()
    moved = tmp_path / "project.xml"
    moved.write_text(text.replace(
        "C:/Users/mathieu.chailloux/AppData/Roaming/QGIS/QGIS3/profiles/default/python/plugins/BioDispersal/"
        "sample_data/BousquetOrb", str(workspace)), encoding="utf-8")
    project = read_project(moved)
    assert project.folder == str(workspace) and not any("does not exist" in note for note in project.notes)
    assert project.subnetwork("forest").dispersals[0].start_layer == str(
        workspace / "Source/Reservoirs/RBP_MILBOISE.shp")
    assert CLC_REF in project.missing_layers() and len(project.missing_layers()) == 8


@pytest.mark.parametrize("text, message", [
    (b"<BioDispersalModel><ParamsModel resolution='25'", "not well-formed XML"),
    (b"<FragScapeModel><Params/></FragScapeModel>", "is not a BioDispersal project: its root element is "
                                                     "<FragScapeModel>"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b"<BioDispersalModel>&b;</BioDispersalModel>", "DTD or entities"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<BioDispersalModel>&x;</BioDispersalModel>", "DTD or entities"),
    (b"<BioDispersalModel><STModel/></BioDispersalModel>", "has no <ParamsModel>"),
    (b"<BioDispersalModel><ParamsModel resolution='0' extent='a.shp'/></BioDispersalModel>", "must be > 0"),
    (b"<BioDispersalModel><ParamsModel resolution='25'/></BioDispersalModel>", "gives no extent layer"),
    (b"<BioDispersalModel><ParamsModel resolution='25' extent='a.shp'/><STModel/></BioDispersalModel>",
     "defines no sub-network"),
])
def test_bad_and_foreign_files_get_clear_messages(tmp_path, text, message):
    path = tmp_path / "project.xml"
    path.write_bytes(text)
    with pytest.raises(ProjectError, match=re.escape(message)):
        read_project(path)


def test_missing_file_and_overrides(tmp_path):
    with pytest.raises(ProjectError, match="cannot be read"):
        read_project(tmp_path / "absent.xml")
    assert parse_overrides("a.shp = /x/b.gpkg|layername=b;\n c.tif=/y/c.tif") == {
        "a.shp": "/x/b.gpkg|layername=b", "c.tif": "/y/c.tif"}
    with pytest.raises(ProjectError, match="not written as name=path"):
        parse_overrides("a.shp")
    project = read_project(SAMPLE / "BousquetOrb.xml")
    with pytest.raises(ProjectError, match=r"override\(s\) nothing.shp name no input layer"):
        project.with_layers({"nothing.shp": "/x.shp"})
    # by file name as well as by path in the project
    swapped = project.with_layers({"CLC12_BOUSQUET_ORB_BUF.tif": str(SAMPLE / "substitute_CLC12_BOUSQUET_ORB_BUF.tif")})
    assert swapped.missing_layers() == [] and project.missing_layers() == [CLC_REF]


def test_written_project_reads_back_the_same(tmp_path):
    project = read_project(SAMPLE / "BousquetOrb.xml")
    copy = tmp_path / "copy" / "BousquetOrb_saved.xml"
    copy.parent.mkdir()
    write_project(project, copy)
    again = read_project(copy)
    assert again.folder == str(copy.parent.resolve())  # the workspace written is the file's folder
    assert again.extent_layer == project.extent_layer and again.resolution == project.resolution
    for ours, theirs in zip(again.subnetworks, project.subnetworks):
        assert (ours.name, ours.priority) == (theirs.name, theirs.priority)
        assert ours.frictions.keys() == theirs.frictions.keys()
        assert all(ours.frictions[c] == theirs.frictions[c] or (math.isnan(ours.frictions[c])
                   and math.isnan(theirs.frictions[c])) for c in ours.frictions)
        assert [(d.start_layer, d.max_cost) for d in ours.dispersals] == \
            [(d.start_layer, d.max_cost) for d in theirs.dispersals]
    assert [(s.group, s.layer, s.mode, s.value, s.codes) for s in again.selections] == \
        [(s.group, s.layer, s.mode, s.value, s.codes) for s in project.selections]
    # paths relative to the file, as BioDispersal writes them
    from xml.etree import ElementTree

    root = ElementTree.parse(copy).getroot()
    layers = [item.get("in_layer") for item in root.iter("SelectionItem")] + [root.find("ParamsModel").get("extent")]
    assert len(layers) == 6 and not any(os.path.isabs(layer) for layer in layers)


def read_band(path):
    dataset = gdal.Open(str(path))  # kept alive while its band is read
    band = dataset.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), dataset.GetGeoTransform()


def test_missing_layer_is_named_and_nothing_is_run(dataterra_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="CLC12_BOUSQUET_ORB_BUF.tif"):
        processing.run("dataterra:run_biodispersal_project", {
            "PROJECT": str(SAMPLE / "BousquetOrb.xml"), "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.tif"))


_RUNS = {}  # the project is run once for the tests of this module


@pytest.fixture
def bousquet_run(tmp_path_factory, dataterra_provider):
    """The whole Bousquet d'Orb project run by the plugin (about 10 s)."""
    import processing

    if "bousquet" not in _RUNS:
        folder = tmp_path_factory.mktemp("bousquet")
        result = processing.run("dataterra:run_biodispersal_project", {
            "PROJECT": str(SAMPLE / "BousquetOrb.xml"), "OUTPUT_FOLDER": str(folder),
            "LAYER_OVERRIDES": CLC_OVERRIDE})
        _RUNS["bousquet"] = json.loads(result["OUTPUTS"]), result["NOTES"]
    return _RUNS["bousquet"]


def test_bousquet_equals_biodispersal(bousquet_run):
    outputs, notes = bousquet_run
    facts = json.loads((DATA / "reference" / "facts.json").read_text())["subnetworks"]
    assert "Weighting" in notes
    for name in SUBNETWORKS:
        classes, class_nodata, grid = read_band(outputs[f"{name}_classes"])
        expected, _, expected_grid = read_band(DATA / "reference" / f"{name}_classes.tif")
        assert grid == expected_grid == (693950.0, 25.0, 0.0, 6308100.0, 0.0, -25.0) and class_nodata == -9999
        np.testing.assert_array_equal(classes, expected)  # identical class rasters
        friction, friction_nodata, _ = read_band(outputs[f"{name}_friction"])
        assert friction.dtype == np.float32 and friction_nodata == -9999
        assert hashlib.sha256(friction.tobytes()).hexdigest() == facts[name]["friction_float32_sha256"]
        assert (friction == 0).sum() == facts[name]["friction_zero_cells"]
        cost, _, _ = read_band(outputs[f"{name}_dispersal_1000"])
        reference_path = DATA / ("bousquet_forest_cost_biodispersal.tif" if name == "forest"
                                 else f"reference/{name}_disp_1000.tif")
        theirs, their_nodata, _ = read_band(reference_path)
        theirs_reached = np.isfinite(theirs) & (theirs != their_nodata)  # BioDispersal leaves NaN unreached
        reached = cost != -9999
        np.testing.assert_array_equal(reached, theirs_reached)
        assert reached.sum() == facts[name]["dispersal_reached_cells"]
        assert (cost[reached] == 0).sum() == facts[name]["dispersal_cells_at_cost_0"]
        np.testing.assert_allclose(cost[reached], theirs[reached], rtol=1e-6, atol=0)


def test_saved_study_runs_the_same(bousquet_run, dataterra_provider, tmp_path):
    """A project saved by the plugin (paths relative to the new file) runs to the same rasters."""
    import processing

    saved = tmp_path / "saved.xml"
    processing.run("dataterra:run_biodispersal_project", {
        "PROJECT": str(SAMPLE / "BousquetOrb.xml"), "OUTPUT_FOLDER": str(tmp_path / "first"),
        "SUBNETWORKS": "grasslands", "LAYER_OVERRIDES": CLC_OVERRIDE, "SAVED_PROJECT": str(saved)})
    assert read_project(saved).missing_layers() == []  # the override is in the saved project
    result = processing.run("dataterra:run_biodispersal_project", {
        "PROJECT": str(saved), "OUTPUT_FOLDER": str(tmp_path / "out"), "SUBNETWORKS": "wetlands"})
    outputs = json.loads(result["OUTPUTS"])
    assert not any(key.startswith("forest") for key in outputs)
    for key in ("wetlands_classes", "wetlands_friction", "wetlands_dispersal_1000"):
        ours, _, _ = read_band(outputs[key])
        first, _, _ = read_band(bousquet_run[0][key])
        np.testing.assert_array_equal(ours, first)
    assert os.path.isfile(os.path.join(tmp_path, "out", "Groups", "landuse.tif"))
    shutil.rmtree(tmp_path / "out")
