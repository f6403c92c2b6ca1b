"""dataterra:least_cost_corridors: paths and corridors by hand on a uniform friction."""
import numpy as np
import pytest
from osgeo import ogr


def test_least_cost_corridors(dataterra_provider, raster_writer, tmp_path, read_tif, run_qgis_process):
    import processing

    habitat = np.zeros((9, 20), dtype=np.int32)
    habitat[3:6, 0:2] = 1
    habitat[3:6, 8:10] = 1
    habitat[3:6, 17:20] = 1
    friction = np.full(habitat.shape, 2.0, dtype=np.float32)
    friction[0:3, 12:15] = -9999  # a wall above the straight line between patches 2 and 3
    patches = raster_writer("patches.tif", habitat)
    friction_path = raster_writer("friction.tif", friction, nodata=-9999)
    result = processing.run("dataterra:least_cost_corridors", {
        "PATCHES": patches, "FRICTION": friction_path, "PAIRS": "", "THRESHOLD": 0,
        "OUTPUT_PATHS": str(tmp_path / "paths.gpkg"), "OUTPUT_CORRIDORS": str(tmp_path / "corridors.tif")})
    ds = ogr.Open(result["OUTPUT_PATHS"])
    paths = {(f.GetField("from_id"), f.GetField("to_id")): f for f in ds.GetLayer(0)}
    assert set(paths) == {(1, 2), (2, 3)}  # 1 and 3 are not neighbours in the planar graph
    # straight east through 6 gaps of 10 m with friction 2 (from the edge cell to the edge cell)
    assert paths[(1, 2)].GetField("cost") == pytest.approx(7 * 10 * 2.0)
    assert paths[(1, 2)].GetField("length_m") == pytest.approx(70.0)
    assert paths[(2, 3)].GetField("cost") == pytest.approx(8 * 10 * 2.0)
    corridor = read_tif(result["OUTPUT_CORRIDORS"])
    assert corridor[4, 5] == pytest.approx(140.0) and np.isnan(corridor[0, 5])
    out = run_qgis_process("dataterra:least_cost_corridors", {
        "PATCHES": patches, "FRICTION": friction_path, "PAIRS": "1-3", "MAX_COST": 100,
        "OUTPUT_PATHS": str(tmp_path / "p2.gpkg"), "OUTPUT_CORRIDORS": str(tmp_path / "c2.tif")})
    ds2 = ogr.Open(out["results"]["OUTPUT_PATHS"])
    assert ds2.GetLayer(0).GetFeatureCount() == 0  # 1-3 costs 360 > 100
