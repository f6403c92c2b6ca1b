"""The cost-distance core against GRASS r.cost (run through QGIS Processing), a textbook
Dijkstra written here, and by hand; its memory and its cancellation."""
import heapq
import tracemalloc

import numpy as np
import pytest

from dataterra.biodispersal.core.costdistance import accumulated_cost, least_cost_path
from dataterra.rasterblocks.errors import Cancelled, DataTerraError


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


def heap_dijkstra(friction, ids, ns_over_ew=1.0, scale=1.0, knight=False):
    """Textbook Dijkstra (binary heap, one cell at a time) on r.cost's moves, written from
    r.cost's description independently of the core: (cost, nearest id)."""
    rows, cols = friction.shape
    f = np.where(np.isfinite(friction), friction, np.inf)
    cost = np.full(friction.shape, np.inf)
    nearest = np.zeros(friction.shape, dtype=np.int64)
    moves = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]
    if knight:
        moves += [(dr, dc) for dr in (-2, -1, 1, 2) for dc in (-2, -1, 1, 2) if abs(dr) != abs(dc)]
    heap = []
    for r, c in np.argwhere((ids != 0) & np.isfinite(f)):
        cost[r, c], nearest[r, c] = 0.0, ids[r, c]
        heap.append((0.0, int(r), int(c)))
    heapq.heapify(heap)
    while heap:
        d, r, c = heapq.heappop(heap)
        if d > cost[r, c]:
            continue
        for dr, dc in moves:
            rr, cc = r + dr, c + dc
            if not (0 <= rr < rows and 0 <= cc < cols):
                continue
            length = np.hypot(dr * ns_over_ew, dc) * scale
            if abs(dr) < 2 and abs(dc) < 2:
                step = (f[r, c] + f[rr, cc]) / 2 * length
            elif abs(dc) == 2:  # crosses the two cells of the column in between
                mid = c + dc // 2
                step = (f[r, c] + f[rr, cc] + f[r, mid] + f[rr, mid]) / 4 * length
            else:
                mid = r + dr // 2
                step = (f[r, c] + f[rr, cc] + f[mid, c] + f[mid, cc]) / 4 * length
            if np.isfinite(step) and d + step < cost[rr, cc]:
                cost[rr, cc], nearest[rr, cc] = d + step, nearest[r, c]
                heapq.heappush(heap, (d + step, rr, cc))
    return cost, nearest


@pytest.mark.parametrize("knight", [False, True])
@pytest.mark.parametrize("pixel", [(10.0, 10.0), (10.0, 25.0), (30.0, 10.0)])
@pytest.mark.parametrize("units", ["cells", "metres"])
def test_equals_textbook_dijkstra_on_rectangular_cells(knight, pixel, units):
    # the QGIS GRASS provider resamples rectangular cells to square ones, so rectangular
    # cells (r.cost's NS_fac) are checked against a heap Dijkstra instead
    friction, ids = random_case(seed=20 + knight, shape=(25, 35), n_sources=3, barrier_fraction=0.15)
    width, height = pixel
    ours = accumulated_cost(friction, ids, pixel_width=width, pixel_height=height, units=units, knight_move=knight)
    expected, nearest = heap_dijkstra(friction, ids, height / width, width if units == "metres" else 1.0, knight)
    np.testing.assert_array_equal(np.isfinite(ours.cost), np.isfinite(expected))
    np.testing.assert_allclose(ours.cost, expected, rtol=1e-12)
    reached = np.isfinite(expected)
    assert np.mean(ours.nearest[reached] == nearest[reached]) > 0.99  # exact ties may go either way
    assert np.all(ours.nearest[~reached] == 0)


def walled_case(seed):
    """Random friction with a vertical wall (one gap) and a diagonal wall, five sources."""
    friction, ids = random_case(seed=seed, shape=(60, 80), n_sources=5, barrier_fraction=0.03)
    friction[:, 40] = np.nan
    friction[12, 40] = 5.0  # the only way through the vertical wall
    rows = np.arange(5, 45)
    friction[rows, rows - 5] = np.nan  # a diagonal wall: 8-neighbour diagonals slip through its corners
    ids[~np.isfinite(friction)] = 0
    ids[50, 60], ids[30, 10] = 60, 70  # sources on both sides of the walls
    friction[50, 60] = friction[30, 10] = 3.0
    return friction, ids


@pytest.mark.parametrize("knight", [False, True])
def test_walls_sources_max_cost_and_metres_equal_grass(tmp_path, raster_writer, grass_r_cost, knight):
    friction, ids = walled_case(seed=30 + knight)
    friction_path = raster_writer("friction.tif", np.nan_to_num(friction, nan=-9999), nodata=-9999)
    start_path = raster_writer("start.tif", np.where(ids > 0, ids, -1), nodata=-1)
    for max_cost in (0, 150):
        grass_cost, grass_nearest = grass_r_cost(friction_path, start_path, tmp_path, knight=knight,
                                                 max_cost=max_cost)
        cells = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=10.0, knight_move=knight,
                                 max_cost=max_cost)
        metres = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=10.0, knight_move=knight,
                                  max_cost=10.0 * max_cost, units="metres")
        within = grass_cost <= max_cost if max_cost else np.isfinite(grass_cost)
        assert within.sum() > 1000 and (max_cost == 0 or (~within).sum() > 500)
        for ours, scale in ((cells, 1.0), (metres, 10.0)):
            np.testing.assert_allclose(ours.cost[within] / scale, grass_cost[within], rtol=1e-6)
            assert np.all(~np.isfinite(ours.cost[~within]))
            assert np.mean(ours.nearest[within] == grass_nearest[within]) > 0.999


def test_cancel_stops_the_search_midway():
    rng = np.random.default_rng(4)
    friction = rng.uniform(1.0, 100.0, (400, 400))
    ids = np.zeros(friction.shape, dtype=np.int32)
    ids[0, 0] = 1  # one corner source: a long search
    reports = []

    def is_cancelled():
        return bool(reports) and reports[-1] >= 0.2

    with pytest.raises(Cancelled):
        accumulated_cost(friction, ids, knight_move=True, progress=reports.append, is_cancelled=is_cancelled)
    # progress came during the search, and it stopped at the first check after the request
    assert len(reports) >= 10 and reports == sorted(reports)
    assert 0.2 <= reports[-1] < 0.3


def test_memory_is_a_few_arrays_per_cell():
    """The padded friction and cost (float64) and nearest id (int32) take 20 bytes per cell;
    the bucket queue a few more. The former explicit graph of the 16 moves took ~400."""
    rng = np.random.default_rng(5)
    friction = rng.uniform(1.0, 100.0, (1000, 1000))
    friction[rng.random(friction.shape) < 0.05] = np.nan
    ids = np.zeros(friction.shape, dtype=np.int32)
    ids.ravel()[rng.choice(friction.size, 1000, replace=False)] = np.arange(1, 1001)
    tracemalloc.start()
    try:
        result = accumulated_cost(friction, ids, knight_move=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert np.isfinite(result.cost).sum() > 900_000
    assert peak < 40 * friction.size


@pytest.mark.parametrize("knight", [False, True])
def test_least_cost_path_adds_up_to_the_cost(knight):
    friction, ids = random_case(seed=40 + knight, shape=(30, 40), n_sources=2, barrier_fraction=0.1)
    surface = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=20.0, units="metres", knight_move=knight)
    end = tuple(int(v) for v in np.unravel_index(np.argmax(np.where(np.isfinite(surface.cost), surface.cost, -1)),
                                                friction.shape))
    path = least_cost_path(friction, surface.cost, end, pixel_width=10.0, pixel_height=20.0, units="metres",
                           knight_move=knight)
    assert path[-1] == end and ids[path[0]] != 0 and surface.cost[path[0]] == 0
    total, used_knight = 0.0, False
    for (r0, c0), (r1, c1) in zip(path[:-1], path[1:]):
        dr, dc = r1 - r0, c1 - c0
        length = np.hypot(dr * 20.0, dc * 10.0)
        if max(abs(dr), abs(dc)) == 1:
            step = (friction[r0, c0] + friction[r1, c1]) / 2 * length
        else:
            assert knight and sorted((abs(dr), abs(dc))) == [1, 2]
            used_knight = True
            if abs(dc) == 2:  # crosses the column in between, on both rows
                crossed = [(r0, c0 + dc // 2), (r1, c0 + dc // 2)]
            else:
                crossed = [(r0 + dr // 2, c0), (r0 + dr // 2, c1)]
            step = (friction[r0, c0] + friction[r1, c1] + sum(friction[cell] for cell in crossed)) / 4 * length
        assert np.isfinite(step)
        total += step
    assert total == pytest.approx(surface.cost[end], rel=1e-12)
    assert used_knight == knight
    with pytest.raises(DataTerraError, match="not reached"):
        least_cost_path(friction, surface.cost, tuple(np.argwhere(np.isnan(friction))[0]))
