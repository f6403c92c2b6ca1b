"""The plugin reproduces FragScape 2.0.7 on its own Clermontais projects, commune by commune.

FragScape's values are facts: tests/data/fragscape/clermontais_fragscape_2.0.7.csv, written by
FragScape itself run headless on its sample projects (tests/data/fragscape/README.md gives the
commit and the command). The plugin runs the same chain: the CLC classes the project selects,
paved roads buffered by class cut them, the communes report. FragScape's CUT project clips the
land use to the EPCI; its CBC project does not (whole patches reach beyond the EPCI).

Every measure is compared to 1e-6 relative, with one floor: USCLAS-D'HERAULT keeps a 332 m² sliver
of habitat whose area GEOS gives 6e-4 m² apart in the two chains (1.8e-6 relative), so areas also
pass within 1e-3 m² and meff within 1e-4 m² (FragScape itself rounds meff to 1e-5 m²). With the old
count (one piece per patch and unit) BRIGNAC's meff was 18 % off; it is now within 1e-9.
"""
import csv
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "fragscape" / "clermontais_fragscape_2.0.7.csv"
HABITAT_CLASSES = "231,243,311,312,313,321,322,323,324,331,332,333,411,421,422,511,512,521"
ROADS = (("Liaison locale", 7.5), ("Liaison régionale", 15), ("Liaison principale", 22.5),
         ("Type autoroutier", 30))
REL = 1e-6
AREA_FLOOR_M2 = 1e-3
MEFF_FLOOR_M2 = 1e-4


def fragscape_values(project):
    """{INSEE_COM: row} of FragScape's results for one project (numbers as float)."""
    with open(REFERENCE, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["project"] == project]
    return {r["INSEE_COM"]: {k: (float(v) if k not in ("project", "INSEE_COM", "NOM_COM") and v else v)
                             for k, v in r.items()} for r in rows}


def plugin_values(sample_data, folder, clip_to_epci):
    """{INSEE_COM: {"CUT": feature, "CBC": feature}} of dataterra:effective_mesh_size (vector mode)."""
    import processing
    from qgis.core import QgsVectorLayer

    roads = [processing.run("dataterra:fragmenting_elements", {
        "INPUT": str(sample_data["roads"]), "BUFFER": distance,
        "FILTER": f"\"VOCATION\" = '{vocation}' AND \"ETAT\" = 'Revêtu'",
        "OUTPUT": str(folder / f"road{number}.gpkg")})["OUTPUT"] for number, (vocation, distance) in enumerate(ROADS)]
    landscape = processing.run("dataterra:prepare_landscape", {
        "LANDCOVER": str(sample_data["clc"]), "CLASS_FIELD": "CODE_12", "HABITAT_CLASSES": HABITAT_CLASSES,
        "FRAGMENTING": roads, "STUDY_AREA": str(sample_data["epci"]) if clip_to_epci else None, "MODE": 0,
        "OUTPUT": str(folder / "patches.gpkg")})["OUTPUT"]
    values = {}
    for index, method in enumerate(("CUT", "CBC")):
        path = folder / f"meff_{method}.gpkg"
        processing.run("dataterra:effective_mesh_size", {
            "INPUT": landscape, "REPORTING": str(sample_data["communes"]), "METHOD": index, "OUTPUT": str(path)})
        for feature in QgsVectorLayer(str(path), method, "ogr").getFeatures():
            values.setdefault(feature["INSEE_COM"], {})[method] = feature
    return values


_RUNS = {}  # each project runs once per session (dataterra_provider is function-scoped)


def project_run(clip_to_epci, sample_data, tmp_path_factory):
    if clip_to_epci not in _RUNS:
        folder = tmp_path_factory.mktemp("fragscape_cut" if clip_to_epci else "fragscape_cbc")
        _RUNS[clip_to_epci] = plugin_values(sample_data, folder, clip_to_epci)
    return _RUNS[clip_to_epci]


@pytest.fixture
def cut_project(dataterra_provider, sample_data, tmp_path_factory):
    return project_run(True, sample_data, tmp_path_factory)


@pytest.fixture
def cbc_project(dataterra_provider, sample_data, tmp_path_factory):
    return project_run(False, sample_data, tmp_path_factory)


def is_null(value):
    """A NULL attribute (PyQGIS 3.22 gives a null QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def assert_cut_measures(ours, theirs):
    """Every CUT measure of one commune against FragScape's fields (areas in m², ours in ha)."""
    name = theirs["NOM_COM"]
    area = ours["area_ha"] * 1e4
    meff = ours["meff_ha"] * 1e4
    assert area == pytest.approx(theirs["At"], rel=REL), name
    assert ours["habitat_ha"] * 1e4 == pytest.approx(theirs["sum_Ai"], rel=REL, abs=AREA_FLOOR_M2), name
    assert ours["n_patches"] == int(theirs["patches"]), name
    assert meff == pytest.approx(theirs["MSIZ"], rel=REL, abs=MEFF_FLOOR_M2), name
    assert meff * area == pytest.approx(theirs["NPRO"], rel=REL, abs=MEFF_FLOOR_M2 * area), name  # Σ a_i²
    # the measures derived from meff share its tolerance
    rel = REL if theirs["MSIZ"] == 0 else max(REL, MEFF_FLOOR_M2 / theirs["MSIZ"])
    assert ours["coherence"] == pytest.approx(theirs["COH"], rel=rel), name
    assert 1 - ours["coherence"] == pytest.approx(theirs["DIVI"], rel=rel), name  # degree of division
    if theirs["NPRO"] == 0:  # no habitat: FragScape writes 0 for the infinite SPLI and SDEN, we write NULL
        assert theirs["SPLI"] == theirs["SDEN"] == 0, name
        assert is_null(ours["splitting_index"]) and is_null(ours["s_eff"]), name
        return
    assert ours["splitting_index"] == pytest.approx(theirs["SPLI"], rel=rel), name
    # FragScape's SDEN is the mesh density 1 / meff (per m²); s_eff = A / meff mesh number
    assert ours["s_eff"] == pytest.approx(theirs["SDEN"] * theirs["At"], rel=rel), name


def test_cut_project_every_measure_per_commune(cut_project):
    reference = fragscape_values("CUT")
    assert len(reference) == 20 and set(cut_project) == set(reference)
    for insee, theirs in reference.items():
        assert_cut_measures(cut_project[insee]["CUT"], theirs)


def test_cbc_project_every_measure_per_commune(cbc_project):
    reference = fragscape_values("CBC")
    assert len(reference) == 20 and set(cbc_project) == set(reference)
    for insee, theirs in reference.items():
        ours = cbc_project[insee]["CBC"]
        name = theirs["NOM_COM"]
        meff = ours["meff_ha"] * 1e4
        area = ours["area_ha"] * 1e4
        assert meff == pytest.approx(theirs["CBC_MSIZ"], rel=REL, abs=MEFF_FLOOR_M2), name
        assert meff * area == pytest.approx(theirs["CBC_NPRO"], rel=REL, abs=MEFF_FLOOR_M2 * area), name
        assert ours["n_patches"] == int(theirs["patches"]), name
        assert ours["habitat_ha"] * 1e4 == pytest.approx(theirs["sum_Ai"], rel=REL, abs=AREA_FLOOR_M2), name
        # FragScape's CBC output also carries the CUT measures of the same (unclipped) landscape
        assert_cut_measures(cbc_project[insee]["CUT"], theirs)


def test_no_habitat_commune_is_covered(cut_project):
    """SAINT-FELIX-DE-LODEZ has no habitat left: meff 0 and NULL splitting index on both sides."""
    theirs = fragscape_values("CUT")["34254"]
    assert theirs["NPRO"] == 0 and cut_project["34254"]["CUT"]["meff_ha"] == 0


def test_connected_parts_matter_on_this_data(cut_project):
    """Where FragScape's count of parts differs from one piece per patch (BRIGNAC: 4 parts, the
    old count gave 2), the plugin's meff is FragScape's: the case the cutting-out is about."""
    theirs = fragscape_values("CUT")["34041"]
    assert theirs["NOM_COM"] == "BRIGNAC" and int(theirs["patches"]) == 4
    assert cut_project["34041"]["CUT"]["meff_ha"] == pytest.approx(theirs["MSIZ"] / 1e4, rel=1e-8)
    assert cut_project["34041"]["CUT"]["n_patches"] == 4
