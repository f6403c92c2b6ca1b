"""FragScape 2.0.7's per-commune results on its Clermontais projects, and the comparison of the
plugin's effective_mesh_size outputs with them (tests/data/fragscape/README.md)."""
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
