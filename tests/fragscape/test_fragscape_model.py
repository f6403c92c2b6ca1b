"""resources/models/fragscape_clermontais.model3: the Clermontais scenario as a Processing model."""
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "fragscape_clermontais.model3"


@pytest.mark.parametrize("mode", [0, 1])
def test_model_runs_the_clermontais_scenario(dataterra_provider, sample_data, mode):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert [c.algorithmId() for c in model.childAlgorithms().values()].count("dataterra:effective_mesh_size") == 1
    result = processing.run(model, {
        "roads": str(sample_data["roads"]), "landcover": str(sample_data["clc"]),
        "study_area": str(sample_data["epci"]), "communes": str(sample_data["communes"]),
        "method": 0, "mode": mode, "meff:meff": "memory:"})
    layer = result["meff:meff"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, processing.tools.dataobjects.createContext())
    meff = {f["NOM_COM"]: f["meff_ha"] for f in layer.getFeatures()}
    assert len(meff) == 20
    # the same figures as demo/step_20_fragscape.py (docs/fragscape.md): vector and 10 m raster agree within
    # 0.03 % in Cabrières; in Clermont-l'Hérault raster patches of 4-neighbour pixels (FragScape's rule,
    # the model's CONNECTIVITY) keep diagonal strips apart, 0.69 % below the vector meff
    assert meff["CABRIERES"] == pytest.approx(821.4, rel=1e-3)
    assert meff["CLERMONT-L'HERAULT"] == pytest.approx((237.38, 235.75)[mode], rel=1e-4)
