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


@pytest.mark.parametrize("max_cost, threshold, pixel", [(0.0, 0.0, (10.0, 10.0)), (900.0, 0.0, (10.0, 10.0)),
                                                        (700.0, 800.0, (10.0, 15.0))])
def test_shared_searches_equal_per_pair(max_cost, threshold, pixel):
    # one bounded search per patch (on a window of the grid when the bound is short) gives
    # the paths and the corridor of two full scikit-image searches per pair
    from dataterra.biodispersal.core.corridors import least_cost_corridors, least_cost_corridors_per_pair
    from dataterra.biodispersal.core.dispersal import label_source_patches

    rng = np.random.default_rng(11)
    habitat = (rng.random((60, 70)) < 0.02).astype(float)
    habitat[np.where(habitat == 0)] = np.nan
    labels = label_source_patches(habitat)
    friction = rng.uniform(1.0, 20.0, habitat.shape)
    friction[rng.random(habitat.shape) < 0.1] = np.nan  # barriers
    geotransform = (0.0, pixel[0], 0.0, 0.0, 0.0, -pixel[1])
    shared = least_cost_corridors(labels, friction, geotransform, None, max_cost, threshold)
    reference = least_cost_corridors_per_pair(labels, friction, geotransform, None, max_cost, threshold)
    assert len(reference.paths) > 10
    assert [p[:2] for p in shared.paths] == [p[:2] for p in reference.paths]
    for ours, theirs in zip(shared.paths, reference.paths):
        assert ours[2] == pytest.approx(theirs[2], rel=1e-12)  # cost
        assert ours[3] == pytest.approx(theirs[3], rel=1e-12)  # length
        assert [tuple(cell) for cell in ours[4]] == [tuple(cell) for cell in theirs[4]]  # no ties here
    assert np.array_equal(np.isfinite(shared.corridor), np.isfinite(reference.corridor))
    finite = np.isfinite(reference.corridor)
    np.testing.assert_allclose(shared.corridor[finite], reference.corridor[finite], rtol=1e-12)


def test_shared_searches_cancel():
    from dataterra.biodispersal.core.corridors import least_cost_corridors
    from dataterra.rasterblocks.errors import Cancelled

    labels = np.zeros((5, 9), dtype=np.int32)
    labels[2, 0], labels[2, 8] = 1, 2
    calls = []
    with pytest.raises(Cancelled):
        least_cost_corridors(labels, np.ones(labels.shape), (0, 10, 0, 0, 0, -10), [(1, 2)],
                             is_cancelled=lambda: calls.append(1) or len(calls) > 1)


def zero_row_case(patch_friction):
    """Patches 1 (columns 0-1) and 2 (columns 8-9) on friction 2, joined by a zero-friction row."""
    labels = np.zeros((9, 10), dtype=np.int32)
    labels[3:6, 0:2], labels[3:6, 8:10] = 1, 2
    friction = np.full(labels.shape, 2.0)
    friction[4, 2:8] = 0.0
    friction[labels > 0] = patch_friction
    return labels, friction, (0.0, 10.0, 0.0, 0.0, 0.0, -10.0)


def test_corridor_along_a_zero_friction_row():
    from dataterra.biodispersal.core.corridors import least_cost_corridors
    from dataterra.biodispersal.core.patchgraph import build_patch_graph

    labels, friction, geotransform = zero_row_case(patch_friction=2.0)
    # onto the row (2 + 0) / 2 x 10 m, free along it, off it (0 + 2) / 2 x 10 m: 20 instead of 7 x 20
    graph = build_patch_graph(labels, geotransform, friction)
    assert graph.edge_length.tolist() == [pytest.approx(20.0)]
    result = least_cost_corridors(labels, friction, geotransform)
    (i, j, cost, length, path), = result.paths
    assert (i, j) == (1, 2) and cost == pytest.approx(20.0) and length == pytest.approx(70.0)
    assert [cell for cell in path if friction[cell] == 0] == [(4, c) for c in range(2, 8)]
    assert result.corridor[4, 5] == pytest.approx(20.0) and np.isinf(result.corridor[0, 5])


def test_corridor_inside_one_zero_plateau_starts_in_the_patch():
    from dataterra.biodispersal.core.corridors import least_cost_corridors

    # habitat at friction 0 (as in BioDispersal's frictions): both patches and the row are one plateau
    labels, friction, geotransform = zero_row_case(patch_friction=0.0)
    (i, j, cost, length, path), = least_cost_corridors(labels, friction, geotransform).paths
    assert cost == 0.0 and labels[path[0]] == 1 and labels[path[-1]] == 2
    assert all(friction[cell] == 0 for cell in path)
    steps = np.abs(np.diff(np.array(path), axis=0))
    assert steps.max() == 1 and np.all(steps.sum(axis=1) > 0)  # queen steps, no jump
    assert length >= 60.0  # at least the six cells of the row between the patches
