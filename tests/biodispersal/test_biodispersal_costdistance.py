"""The cost-distance core against GRASS r.cost (run through QGIS Processing), a textbook
Dijkstra written here, and by hand; its memory and its cancellation."""
import heapq
import shutil
import tracemalloc
from pathlib import Path

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
    ids[0, 0] = 1
    friction[1, 1], friction[2, 2] = -0.5, -np.inf
    with pytest.raises(DataTerraError, match=r"2 cell\(s\) with a negative friction \(minimum -inf\)"):
        accumulated_cost(friction, ids)
    friction[2, 2] = 0.0  # zero is allowed, a negative value still is not
    with pytest.raises(DataTerraError, match=r"1 cell\(s\) with a negative friction \(minimum -0.5\)"):
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


def search_with_peak_memory(friction, ids):
    """(accumulated_cost with the knight's move, peak bytes of its allocations)."""
    tracemalloc.start()
    try:
        result = accumulated_cost(friction, ids, knight_move=True)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_a_few_arrays_per_cell():
    """The padded friction and cost (float64) and nearest id (int32) take 20 bytes per cell;
    the bucket queue a few more. The former explicit graph of the 16 moves took ~400."""
    rng = np.random.default_rng(5)
    friction = rng.uniform(1.0, 100.0, (1000, 1000))
    friction[rng.random(friction.shape) < 0.05] = np.nan
    ids = np.zeros(friction.shape, dtype=np.int32)
    ids.ravel()[rng.choice(friction.size, 1000, replace=False)] = np.arange(1, 1001)
    result, peak = search_with_peak_memory(friction, ids)
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


# --- zero friction (GRASS r.cost semantics: a move between two zero cells is free) -------------------------


def test_zero_friction_by_hand():
    # one row: 0 0 0 2 0, source on the left; then a plateau entered from a positive cell
    row = accumulated_cost(np.array([[0.0, 0.0, 0.0, 2.0, 0.0]]), np.array([[1, 0, 0, 0, 0]]))
    np.testing.assert_array_equal(row.cost, [[0.0, 0.0, 0.0, 1.0, 2.0]])
    assert np.all(row.nearest == 1)
    friction = np.array([[4.0, 4.0, 0.0, 0.0],
                         [4.0, np.nan, 0.0, 0.0],
                         [4.0, np.nan, 0.0, 6.0]])
    ids = np.zeros(friction.shape, dtype=int)
    ids[2, 0] = 7
    cells = accumulated_cost(friction, ids)
    # up one cell of friction 4 (cost 4), diagonally to (0, 1) (4 x sqrt 2; a diagonal step only
    # touches its two cells, so the nodata (1, 1) does not block it), then into the plateau:
    # (4 + 0) / 2 = 2, and all of the plateau costs the same
    entry = 4.0 + 4.0 * np.sqrt(2.0) + 2.0
    plateau = friction == 0
    np.testing.assert_array_equal(cells.cost[plateau], entry)
    assert cells.cost[0, 0] == 8.0 and cells.cost[2, 3] == entry + (0 + 6) / 2
    assert np.isinf(cells.cost[1, 1]) and np.all(cells.nearest[plateau] == 7)
    # the knight's move (1, 0) -> (0, 2) crosses the nodata (1, 1): no shortcut
    knight = accumulated_cost(friction, ids, knight_move=True)
    np.testing.assert_array_equal(knight.cost[plateau], entry)
    # max_cost keeps a plateau whole or drops it whole
    capped = accumulated_cost(friction, ids, max_cost=9.0)
    assert np.all(np.isinf(capped.cost[plateau])) and capped.cost[0, 0] == 8.0


def test_sources_on_a_plateau_keep_their_ids():
    friction = np.zeros((3, 6))
    friction[:, 3] = 2.0
    ids = np.zeros(friction.shape, dtype=int)
    ids[0, 0], ids[2, 2], ids[1, 5] = 3, 4, 9
    result = accumulated_cost(friction, ids)
    np.testing.assert_array_equal(result.cost[:, :3], 0.0)
    np.testing.assert_array_equal(result.cost[:, 4:], 0.0)
    np.testing.assert_array_equal(result.cost[:, 3], 1.0)  # (0 + 2) / 2 from either side
    assert result.nearest[0, 0] == 3 and result.nearest[2, 2] == 4 and result.nearest[1, 5] == 9
    assert set(result.nearest[:, :3].ravel()) == {3, 4} and set(result.nearest[:, 4:].ravel()) == {9}


def plateau_case(seed, shape=(40, 50), zero_fraction=0.45, barrier_fraction=0.08, n_sources=3):
    """Random friction where zero cells gather into plateaus of every size (smoothed noise)."""
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    noise = ndimage.uniform_filter(rng.random(shape), 3)
    friction = rng.uniform(1.0, 30.0, shape)
    friction[noise < np.quantile(noise, zero_fraction)] = 0.0
    friction[rng.random(shape) < barrier_fraction] = np.nan
    ids = np.zeros(shape, dtype=np.int32)
    passable = np.argwhere(np.isfinite(friction))
    for k, idx in enumerate(rng.choice(len(passable), n_sources, replace=False), start=1):
        ids[tuple(passable[idx])] = k
    return friction, ids


@pytest.mark.parametrize("knight", [False, True])
@pytest.mark.parametrize("pixel", [(10.0, 10.0), (10.0, 25.0)])
@pytest.mark.parametrize("seed", [1, 2])
def test_zero_plateaus_equal_textbook_dijkstra(knight, pixel, seed):
    friction, ids = plateau_case(seed)
    assert (friction == 0).sum() > 500
    width, height = pixel
    ours = accumulated_cost(friction, ids, pixel_width=width, pixel_height=height, knight_move=knight)
    expected, _ = heap_dijkstra(friction, ids, height / width, 1.0, knight)
    np.testing.assert_array_equal(np.isfinite(ours.cost), np.isfinite(expected))
    np.testing.assert_allclose(ours.cost, expected, rtol=1e-12)
    assert (ours.cost == 0).sum() > (ids > 0).sum()  # plateaus around sources cost nothing
    for max_cost in (20.0, 60.0):
        capped = accumulated_cost(friction, ids, pixel_width=width, pixel_height=height, knight_move=knight,
                                  max_cost=max_cost)
        within = expected <= max_cost
        np.testing.assert_array_equal(np.isfinite(capped.cost), within)
        np.testing.assert_allclose(capped.cost[within], expected[within], rtol=1e-12)


def test_a_million_cell_plateau_by_hand():
    # a 1000 x 1000 zero block left of a 10-column band of friction 1 whose right column is the source
    friction = np.zeros((1000, 1010))
    friction[:, 1000:] = 1.0
    ids = np.zeros(friction.shape, dtype=np.int32)
    ids[:, 1009] = 1
    result, peak = search_with_peak_memory(friction, ids)
    np.testing.assert_array_equal(result.cost[:, 1000:], np.arange(9, -1, -1.0)[None, :].repeat(1000, 0))
    np.testing.assert_array_equal(result.cost[:, :1000], 9.5)  # 9 + (1 + 0) / 2 to enter the block
    # the padded friction and cost and the nearest id (20 B) plus 12 B per zero cell
    assert peak < 40 * friction.size


def test_a_serpentine_plateau_of_a_million_cells():
    # zero corridors 1 cell wide joined at alternate ends: a path of ~1e6 cells, one plateau;
    # walking it one zero-cost step per pass would take a million passes
    rows, cols = 1999, 1000
    friction = np.zeros((rows, cols))
    walls = np.arange(1, rows, 2)
    friction[walls, :] = np.nan
    friction[walls[0::2], cols - 1] = 0.0  # gaps at the right end, then the left end
    friction[walls[1::2], 0] = 0.0
    friction[-1, :-1] = 3.0  # the last corridor, entered at its right end, has friction 3
    ids = np.zeros(friction.shape, dtype=np.int32)
    ids[0, 0] = 1
    result = accumulated_cost(friction, ids)
    assert (friction == 0).sum() >= 1_000_000
    np.testing.assert_array_equal(result.cost[friction == 0], 0.0)
    # leftwards along the last row: (0 + 3) / 2 off the plateau, then 3 per step
    np.testing.assert_allclose(result.cost[-1, -6:-1], 1.5 + 3.0 * np.arange(5)[::-1])
    assert np.all(np.isinf(result.cost[np.isnan(friction)]))


@pytest.mark.parametrize("knight", [False, True])
def test_least_cost_path_across_plateaus(knight):
    friction, ids = plateau_case(seed=5 + knight, shape=(30, 40), n_sources=2)
    surface = accumulated_cost(friction, ids, pixel_width=10.0, pixel_height=10.0, knight_move=knight)
    reached = np.isfinite(surface.cost)
    plateau_ends = np.argwhere(reached & (friction == 0) & (surface.cost > 0))
    ends = [tuple(plateau_ends[len(plateau_ends) // 2]),
            tuple(np.unravel_index(np.argmax(np.where(reached, surface.cost, -1)), friction.shape))]
    for end in ends:
        path = least_cost_path(friction, surface.cost, end, knight_move=knight, sources=ids > 0)
        assert path[-1] == end and ids[path[0]] != 0
        total = 0.0
        for (r0, c0), (r1, c1) in zip(path[:-1], path[1:]):
            dr, dc = r1 - r0, c1 - c0
            if max(abs(dr), abs(dc)) == 1:
                total += (friction[r0, c0] + friction[r1, c1]) / 2 * np.hypot(dr, dc)
            else:
                crossed = ([(r0, c0 + dc // 2), (r1, c0 + dc // 2)] if abs(dc) == 2
                           else [(r0 + dr // 2, c0), (r0 + dr // 2, c1)])
                total += (friction[r0, c0] + friction[r1, c1] + sum(friction[c] for c in crossed)) / 4 \
                    * np.hypot(dr, dc)
        assert total == pytest.approx(surface.cost[end], rel=1e-12, abs=1e-12)


# --- BioDispersal's own forest friction of Bousquet d'Orb (tests/data/biodispersal/README.md) ---------------

BOUSQUET_MAX_COST = 1000.0


@pytest.fixture(scope="module")
def bousquet_forest():
    folder = Path(__file__).resolve().parent.parent / "data" / "biodispersal"
    friction = read_tif_nan(folder / "bousquet_forest_friction.tif")
    sources = read_tif_nan(folder / "bousquet_forest_sources.tif")
    return {"friction": friction, "ids": (np.nan_to_num(sources) > 0).astype(np.int32),
            "friction_path": str(folder / "bousquet_forest_friction.tif"),
            "sources_path": str(folder / "bousquet_forest_sources.tif"),
            "biodispersal_cost": read_tif_nan(folder / "bousquet_forest_cost_biodispersal.tif")}


def read_tif_nan(path):
    from osgeo import gdal

    dataset = gdal.Open(str(path))  # kept alive while its band is read
    band = dataset.GetRasterBand(1)
    array = band.ReadAsArray().astype(np.float64)
    array[array == band.GetNoDataValue()] = np.nan
    return array


def test_bousquet_forest_equals_biodispersal(bousquet_forest):
    # BioDispersal 1.3.1's own dispersal step (r.cost, 8 neighbours, max cost 1000, then cost <= 1000)
    friction, expected = bousquet_forest["friction"], bousquet_forest["biodispersal_cost"]
    assert (friction == 0).sum() == 367_985 and bousquet_forest["ids"].sum() == 395_057
    ours = accumulated_cost(friction, bousquet_forest["ids"], max_cost=BOUSQUET_MAX_COST).cost
    np.testing.assert_array_equal(np.isfinite(ours), np.isfinite(expected))
    assert np.isfinite(ours).sum() == 925_384 and (ours == 0).sum() == 407_751
    np.testing.assert_allclose(ours[np.isfinite(ours)], expected[np.isfinite(expected)], rtol=1e-6, atol=0)


@pytest.mark.parametrize("knight", [False, True])
def test_bousquet_forest_equals_grass_r_cost(bousquet_forest, grass_r_cost, tmp_path, knight):
    # copies: GRASS through QGIS leaves .aux.xml statistics beside its inputs
    inputs = [shutil.copy(bousquet_forest[key], tmp_path) for key in ("friction_path", "sources_path")]
    grass_cost, _ = grass_r_cost(*inputs, tmp_path, knight=knight, max_cost=BOUSQUET_MAX_COST)
    within = grass_cost <= BOUSQUET_MAX_COST  # r.cost may leave tentative values beyond max_cost
    ours = accumulated_cost(bousquet_forest["friction"], bousquet_forest["ids"], knight_move=knight,
                            max_cost=BOUSQUET_MAX_COST).cost
    np.testing.assert_array_equal(np.isfinite(ours), within)
    assert within.sum() > 900_000 and (grass_cost == 0).sum() > 400_000
    np.testing.assert_allclose(ours[within], grass_cost[within], rtol=1e-6, atol=0)
