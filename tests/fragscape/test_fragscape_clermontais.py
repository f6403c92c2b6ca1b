"""The Clermontais scenario of demo/step_20_fragscape.py: vector and 10 m raster agree per commune."""
import importlib.util
from pathlib import Path

import pytest

DEMO_STEP = Path(__file__).resolve().parents[2] / "demo" / "step_20_fragscape.py"


@pytest.fixture(scope="module")
def demo_step():
    spec = importlib.util.spec_from_file_location("step_20_fragscape", DEMO_STEP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vector_and_raster_meff_agree_per_commune(dataterra_provider, sample_data, demo_step, tmp_path):
    outputs, _ = demo_step.run_scenario(sample_data, tmp_path, None)
    rows = demo_step.per_commune_table(outputs)
    assert len(rows) == 20
    measured = [r for r in rows if r["habitat_ha_vector"] >= 1.0]  # at least 100 pixels of 10 m
    assert len(measured) == 17
    for row in measured:
        for method in ("cut", "cbc"):
            assert abs(row[f"raster_vs_vector_{method}_pct"]) < 3.0, row
        # CBC counts whole patches, also outside the commune: never below CUT
        assert row["meff_ha_vector_cbc"] >= row["meff_ha_vector_cut"] - 1e-9
    # habitat areas agree too (rasterised at pixel centres)
    for row in measured:
        assert row["habitat_ha_raster"] == pytest.approx(row["habitat_ha_vector"], rel=0.01)
    # the three others have (almost) no natural land: a 0.03 ha sliver is 3 pixels at 10 m
    tiny = {r["NOM_COM"]: r for r in rows if r["habitat_ha_vector"] < 1.0}
    assert set(tiny) == {"PAULHAN", "SAINT-FELIX-DE-LODEZ", "USCLAS-D'HERAULT"}
    assert tiny["SAINT-FELIX-DE-LODEZ"]["meff_ha_raster_cut"] == 0 == tiny["SAINT-FELIX-DE-LODEZ"]["meff_ha_vector_cut"]


def test_csv_written(dataterra_provider, sample_data, demo_step, tmp_path):
    rows = [{"INSEE_COM": "34001", "NOM_COM": "A", "meff_ha_vector_cut": 1.5}]
    path = demo_step.write_csv(rows, tmp_path / "t.csv")
    assert Path(path).read_text(encoding="utf-8").splitlines() == ["INSEE_COM,NOM_COM,meff_ha_vector_cut",
                                                                   "34001,A,1.5"]
