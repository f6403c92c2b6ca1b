"""The cost-distance core against GRASS r.cost (run through QGIS Processing) and by hand."""
import numpy as np
import pytest

from dataterra.biodispersal.core.costdistance import accumulated_cost
from dataterra.rasterblocks.errors import DataTerraError


def random_case(seed, shape=(60, 80), n_sources=3, barrier_fraction=0.1):
    rng = np.random.default_rng(seed)
    friction = rng.uniform(1.0, 50.0, shape)
    friction[rng.random(shape) < barrier_fraction] = np.nan
    ids = np.zeros(shape, dtype=np.int32)
    passable = np.argwhere(np.isfinite(friction))
    for k, idx in enumerate(rng.choice(len(passable), n_sources, replace=False), start=1):
        ids[tuple(passable[idx])] = 10 * k
    return friction, ids


def test_hand_values_on_a_3x3_grid():
    friction = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    ids = np.zeros((3, 3), dtype=int)
    ids[0, 0] = 1
    result = accumulated_cost(friction, ids)
    assert result.cost[0, 1] == pytest.approx((1 + 2) / 2)
    assert result.cost[1, 1] == pytest.approx((1 + 5) / 2 * np.sqrt(2))
    assert result.cost[0, 2] == pytest.approx(1.5 + 2.5)
    # knight's move (0,0) -> (1,2) crosses (0,1) and (1,1): mean of 1, 2, 5, 6 times sqrt(5)
    knight = accumulated_cost(friction, ids, knight_move=True)
    assert knight.cost[1, 2] == pytest.approx(min((1 + 2 + 5 + 6) / 4 * np.sqrt(5), result.cost[1, 2]))
    metres = accumulated_cost(friction, ids, pixel_width=25.0, pixel_height=25.0, units="metres")
    np.testing.assert_allclose(metres.cost, result.cost * 25.0)
    # rectangular cells (r.cost's NS_fac = ns_res / ew_res): 10 m wide, 20 m high
    tall = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=20.0, knight_move=True)
    assert tall.cost[1, 0] == pytest.approx((1 + 4) / 2 * 2.0)
    assert tall.cost[1, 1] == pytest.approx(min((1 + 5) / 2 * np.sqrt(5), tall.cost[1, 0] + 4.5))
    knight_21 = (1 + 4 + 5 + 8) / 4 * np.sqrt(17)  # down 2 rows of 20 m, right 1 column
    via_10 = tall.cost[1, 0] + (4 + 8) / 2 * np.sqrt(5)
    assert tall.cost[2, 1] == pytest.approx(min(knight_21, via_10))


@pytest.mark.parametrize("knight", [False, True])
def test_equals_grass_r_cost(tmp_path, raster_writer, grass_r_cost, knight):
    friction, ids = random_case(seed=1 + knight)
    friction_path = raster_writer("friction.tif", np.nan_to_num(friction, nan=-9999), nodata=-9999)
    start_path = raster_writer("start.tif", np.where(ids > 0, ids, -1), nodata=-1)
    grass_cost, grass_nearest = grass_r_cost(friction_path, start_path, tmp_path, knight=knight)
    ours = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=10.0, knight_move=knight)
    ours_cost = np.where(np.isfinite(ours.cost), ours.cost, np.nan)
    np.testing.assert_array_equal(np.isnan(ours_cost), np.isnan(grass_cost))
    np.testing.assert_allclose(ours_cost, grass_cost, rtol=1e-6, equal_nan=True)
    reached = ~np.isnan(grass_nearest)
    agree = ours.nearest[reached] == grass_nearest[reached]
    assert agree.mean() > 0.999  # exact ties may go either way


def test_max_cost_equals_grass(tmp_path, raster_writer, grass_r_cost):
    friction, ids = random_case(seed=7, n_sources=4)
    friction_path = raster_writer("friction.tif", np.nan_to_num(friction, nan=-9999), nodata=-9999)
    start_path = raster_writer("start.tif", np.where(ids > 0, ids, -1), nodata=-1)
    max_cost = 300
    grass_cost, _ = grass_r_cost(friction_path, start_path, tmp_path, knight=True, max_cost=max_cost)
    ours = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=10.0, knight_move=True,
                            max_cost=max_cost)
    within = grass_cost <= max_cost
    assert within.sum() > 300 and (~np.isfinite(ours.cost)).sum() > 1000
    np.testing.assert_allclose(ours.cost[within], grass_cost[within], rtol=1e-6)
    # r.cost may leave tentative values just beyond max_cost; we leave them unreached
    assert np.all(~np.isfinite(ours.cost[~within]))


def test_bad_friction_and_no_source():
    friction = np.ones((4, 4))
    ids = np.zeros((4, 4), dtype=int)
    with pytest.raises(DataTerraError, match="No source"):
        accumulated_cost(friction, ids)
    friction[1, 1] = 0.0
    ids[0, 0] = 1
    with pytest.raises(DataTerraError, match="friction <= 0"):
        accumulated_cost(friction, ids)
