"""The demo step runs end to end on the sample data (it is what a training session shows)."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

from osgeo import ogr

ROOT = Path(__file__).resolve().parents[2]


def test_demo_step_70(dataterra_provider, sample_data, tmp_path):
    from qgis.core import QgsProcessingFeedback

    spec = importlib.util.spec_from_file_location("step_70_dinamis", ROOT / "demo" / "step_70_dinamis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    messages = []
    ctx = SimpleNamespace(output=tmp_path, sample=sample_data, feedback=QgsProcessingFeedback(),
                          shared={}, log=messages.append)
    written = module.run(ctx)
    names = {Path(p).name for p in written}
    assert {"aoi.gpkg", "aoi.kml", "aoi_shapefile.zip", "summary.txt", "dinamis_orders.gpkg"} <= names
    assert any(m.startswith("submitted (one answer lost") and m.endswith("1 order on the server") for m in messages)
    dataset = ogr.Open(str(tmp_path / "dinamis_orders.gpkg"))
    layer = dataset.GetLayer(0)
    statuses = [feature.GetField("status") for feature in layer]
    # the retried order is delivered; the one sent through dataterra:dinamis_submit_order is submitted
    assert statuses == ["delivered", "submitted"]
    assert any(m.startswith("dataterra:dinamis_submit_order: order") and m.endswith("2 orders on the server")
               for m in messages)
