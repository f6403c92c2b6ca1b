"""Least-cost paths and corridors between habitat patches (GRASS r.cost model, 8 neighbours).

For a pair of patches (i, j): ``c_i`` and ``c_j`` are the accumulated costs from each
patch (metres x friction); the least-cost distance is ``min over cells of j of c_i``, the
least-cost path is traced back from that cell, and the corridor is the set of cells where
``c_i + c_j`` stays below a threshold (the cells through which a path costs at most that
much, as in the "corridor" tools of Graphab / Linkage Mapper, McRae & Kavanagh 2011).
"""
from dataclasses import dataclass, field

import numpy as np

from ...rasterblocks.errors import DataTerraError, check_cancel
from .costdistance import build_move_graph, validate_friction
from .patchgraph import build_patch_graph

DEFAULT_CORRIDOR_FACTOR = 1.1  # without a threshold: paths at most 10 % dearer than the best one
# a window of the grid is searched on its own when it is at most 1/8 of the grid (Dijkstra's
# set-up costs the whole graph; copying a window costs about 8 x its cells)
WINDOW_WORTH = 8
BOUND_MARGIN = 1e-9  # relative margin on search bounds (rounding between two searches)


@dataclass
class Corridors:
    """Paths (from_id, to_id, cost, length in metres, [(row, col), ...]) and corridor raster."""

    paths: list = field(default_factory=list)
    corridor: np.ndarray = None  # min over pairs of c_i + c_j inside corridors, inf elsewhere


def parse_pairs(text):
    """[(i, j), ...] from "1-2, 2-3" text."""
    pairs = []
    for part in str(text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            i, j = (int(x) for x in part.split("-"))
        except ValueError:
            raise DataTerraError(f"{part!r} is not a pair of patch ids; write pairs as 1-2, 2-5.") from None
        pairs.append((i, j))
    return pairs


@dataclass
class _Surface:
    """Accumulated cost from one patch, on the cells it reaches within the search bound."""

    cells: np.ndarray  # flat indices of the reached cells (sorted)
    cost: np.ndarray  # least cost from the patch (metres x friction)
    predecessor: np.ndarray  # previous cell on the least-cost path (-9999 in the patch)


def _search(graph, shape, patch_cells, bound, reach):
    """Bounded Dijkstra from all the cells of one patch (scipy, compiled).

    ``reach`` (rows, cols): how far from the patch a cell costing at most ``bound`` can be
    (bound / (lowest friction x cell size)); the search runs on that window of the move
    graph, so its set-up costs the window, not the whole raster.
    """
    from scipy.sparse.csgraph import dijkstra

    rows, cols = np.unravel_index(patch_cells, shape)
    window = (slice(max(0, rows.min() - reach[0]), min(shape[0], rows.max() + reach[0] + 1)),
              slice(max(0, cols.min() - reach[1]), min(shape[1], cols.max() + reach[1] + 1)))
    sub_graph, window_cells, window = _window_graph(graph, shape, window)
    width = window[1].stop - window[1].start
    starts = (rows - window[0].start) * width + (cols - window[1].start)
    cost, predecessor, _ = dijkstra(sub_graph, directed=True, indices=starts, min_only=True,
                                    return_predecessors=True, limit=bound)
    reached = np.flatnonzero(np.isfinite(cost))
    previous = predecessor[reached]
    return _Surface(window_cells[reached], cost[reached],
                    np.where(previous >= 0, window_cells[np.maximum(previous, 0)], -9999))


def _window_graph(graph, shape, window):
    """(move graph on a window of the grid, flat grid id of every window cell, window used).

    Small windows are copied out of the grid's graph; for large ones the whole grid is used.
    """
    from scipy.sparse import csr_matrix

    rows, cols = window
    width = cols.stop - cols.start
    if (rows.stop - rows.start) * width * WINDOW_WORTH > graph.shape[0]:
        # copying a large window costs more than setting up a search on the whole grid
        return graph, np.arange(graph.shape[0]), (slice(0, shape[0]), slice(0, shape[1]))
    cells = (np.arange(rows.start, rows.stop)[:, None] * shape[1] + np.arange(cols.start, cols.stop)[None, :]).ravel()
    first = graph.indptr[cells].astype(np.int64)
    count = graph.indptr[cells + 1] - first
    owner = np.repeat(np.arange(len(cells)), count)
    entry = np.arange(int(count.sum())) + np.repeat(first - (np.cumsum(count) - count), count)
    target_row, target_col = np.divmod(graph.indices[entry].astype(np.int64), shape[1])
    keep = ((target_row >= rows.start) & (target_row < rows.stop) & (target_col >= cols.start)
            & (target_col < cols.stop))
    indptr = np.zeros(len(cells) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner[keep], minlength=len(cells)), out=indptr[1:])
    local = (target_row[keep] - rows.start) * width + (target_col[keep] - cols.start)
    return csr_matrix((graph.data[entry[keep]], local, indptr), shape=(len(cells), len(cells))), cells, window


def _reach(bound, costs, pixel_w, pixel_h):
    """(rows, cols) beyond which every cell costs more than ``bound`` from a patch.

    A path costs at least the lowest friction x its length in metres, and its length is
    at least the rows (x pixel height) and the columns (x pixel width) it crosses.
    """
    passable = costs[np.isfinite(costs)]
    if not np.isfinite(bound) or passable.size == 0:
        return costs.shape
    lowest = float(passable.min())
    return tuple(int(min(n, np.ceil(bound / (lowest * size)))) for n, size in zip(costs.shape, (pixel_h, pixel_w)))


def search_bound(max_cost, threshold):
    """Highest accumulated cost any kept pair needs (inf = unbounded).

    A kept pair has a least cost L <= max_cost and its corridor cells have
    c_i + c_j <= threshold (or 1.1 L), so each c_i stays below this bound.
    """
    if max_cost <= 0:
        return np.inf
    return max(max_cost, threshold) if threshold > 0 else DEFAULT_CORRIDOR_FACTOR * max_cost


def least_cost_corridors(labels, friction, geotransform, pairs=None, max_cost=0.0, threshold=0.0,
                         progress=None, is_cancelled=None) -> Corridors:
    """Least-cost paths and corridors between patch pairs, one search per patch.

    Parameters
    ----------
    labels : ndarray of int
        Patch ids (0 = background).
    friction : ndarray
        Friction, NaN = impassable. Costs are in metres x friction.
    pairs : list of (int, int), optional
        Patch id pairs; by default the neighbouring patches of the planar graph.
    max_cost : float
        Pairs whose least cost exceeds it are skipped (0 = no limit).
    threshold : float
        Corridor cells have ``c_i + c_j <= threshold``; 0 = 1.1 x the pair's least cost.

    Every patch of the pairs is searched once (Dijkstra from all its cells on the
    8-neighbour move graph of :func:`costdistance.build_move_graph`, stopped at
    :func:`search_bound`), and that surface serves all its pairs: the path of (i, j) is
    traced back through i's predecessors from the cell of j that i reaches cheapest; the
    corridor adds the surfaces of i and j. A surface is dropped after its last pair.
    """
    pairs, costs, pixel_w, pixel_h, link_costs = _prepare(labels, friction, geotransform, pairs, max_cost,
                                                          is_cancelled)
    graph = build_move_graph(costs, pixel_h / pixel_w, scale=pixel_w, knight_move=False)
    bounds = _patch_bounds(pairs, link_costs, search_bound(max_cost, threshold), threshold)
    flat_labels = labels.ravel()
    order = np.argsort(flat_labels, kind="stable")  # cells of each patch in raster order
    starts = np.searchsorted(flat_labels[order], np.arange(int(flat_labels.max()) + 2))
    pairs = sorted(pairs)
    last_use = {}
    for number, pair in enumerate(pairs):
        for patch in pair:
            last_use[patch] = number
    surfaces = {}
    # the surface of the pairs' first patch spread on the grid, for lookups; stale
    # predecessors elsewhere are never followed (a path only visits cells i reaches)
    cost_i = np.full(flat_labels.size, np.inf)
    predecessor_i = np.full(flat_labels.size, -9999, dtype=np.int64)
    spread_patch, spread = None, None
    result = Corridors(corridor=np.full(labels.shape, np.inf))
    for number, (i, j) in enumerate(pairs):
        for patch in (i, j):
            if patch not in surfaces:
                check_cancel(is_cancelled)
                surfaces[patch] = _search(graph, labels.shape, order[starts[patch]:starts[patch + 1]], bounds[patch],
                                          _reach(bounds[patch], costs, pixel_w, pixel_h))
                if progress:
                    progress(0.95 * number / len(pairs))
        if spread_patch != i:
            if spread is not None:
                cost_i[spread.cells] = np.inf
            spread_patch, spread = i, surfaces[i]
            cost_i[spread.cells] = spread.cost
            predecessor_i[spread.cells] = spread.predecessor
        _add_pair(result, i, j, cost_i, predecessor_i, surfaces[j], order[starts[j]:starts[j + 1]], labels.shape,
                  (pixel_w, pixel_h), max_cost, threshold)
        for patch in {i, j}:
            if last_use[patch] == number:  # memory: only surfaces still needed are kept
                del surfaces[patch]
    if progress:
        progress(1.0)
    return result


def _add_pair(result, i, j, cost_i, predecessor_i, surface_j, cells_j, shape, pixel, max_cost, threshold):
    """Path and corridor of (i, j) from i's surface (on the grid) and j's."""
    best = int(np.argmin(cost_i[cells_j]))
    least = float(cost_i[cells_j[best]])
    if not np.isfinite(least) or (max_cost > 0 and least > max_cost):
        return
    flat_path = [int(cells_j[best])]
    while predecessor_i[flat_path[-1]] >= 0:
        flat_path.append(int(predecessor_i[flat_path[-1]]))
    rows, cols = np.unravel_index(np.array(flat_path[::-1]), shape)
    path = list(zip(rows.tolist(), cols.tolist()))
    steps = np.diff(np.column_stack([rows, cols]).astype(np.float64), axis=0)
    length = float(np.hypot(steps[:, 0] * pixel[1], steps[:, 1] * pixel[0]).sum()) if len(path) > 1 else 0.0
    result.paths.append((i, j, least, length, path))
    limit = threshold if threshold > 0 else DEFAULT_CORRIDOR_FACTOR * least
    through = cost_i[surface_j.cells] + surface_j.cost
    inside = through <= limit
    corridor = result.corridor.ravel()
    cells = surface_j.cells[inside]
    corridor[cells] = np.minimum(corridor[cells], through[inside])


def _patch_bounds(pairs, link_costs, bound, threshold):
    """Search bound of every patch: what its pairs need, at most ``bound``.

    A planar-graph link's cost is the cost of a real path between its two patches (through
    their zones of nearest patch), so it bounds the pair's least cost L from above; the
    corridor then needs costs up to 1.1 x that (or the threshold). The small margin covers
    the rounding differences between the two searches.
    """
    bounds = {}
    for pair in pairs:
        link = link_costs.get(pair)
        need = bound if link is None else min(bound, max(link, threshold or DEFAULT_CORRIDOR_FACTOR * link))
        for patch in pair:
            bounds[patch] = max(bounds.get(patch, 0.0), need * (1 + BOUND_MARGIN))
    return bounds


def _prepare(labels, friction, geotransform, pairs, max_cost, is_cancelled):
    """(pairs, costs per metre with inf = impassable, pixel width, pixel height, link costs), checked.

    Link costs ({(i, j): cost}) are known for the default pairs (planar-graph links).
    """
    pixel_w, pixel_h = abs(geotransform[1]), abs(geotransform[5])
    costs = validate_friction(friction)
    present = set(np.unique(labels[labels > 0]).tolist())
    if not present:
        raise DataTerraError("No habitat patch: the patches input has no valid non-zero cell.")
    link_costs = {}
    if pairs is None:
        graph = build_patch_graph(labels, geotransform, friction, max_distance=max_cost, is_cancelled=is_cancelled)
        pairs = list(zip((graph.edge_i + 1).tolist(), (graph.edge_j + 1).tolist()))
        link_costs = dict(zip(pairs, graph.edge_length.tolist()))
    unknown = sorted({p for pair in pairs for p in pair} - present)
    if unknown:
        raise DataTerraError(f"Patch id(s) {', '.join(map(str, unknown))} are not in the patches raster "
                             f"(ids 1 to {max(present)}).")
    return pairs, costs, pixel_w, pixel_h, link_costs


def least_cost_corridors_per_pair(labels, friction, geotransform, pairs=None, max_cost=0.0, threshold=0.0,
                                  is_cancelled=None) -> Corridors:
    """Reference implementation: two full scikit-image searches per pair (no sharing, no bound).

    Kept for the tests and the benchmark, which check that :func:`least_cost_corridors`
    gives the same paths, costs, lengths and corridor.
    """
    from skimage.graph import MCP_Geometric

    pairs, costs, pixel_w, pixel_h, _ = _prepare(labels, friction, geotransform, pairs, max_cost, is_cancelled)
    result = Corridors(corridor=np.full(labels.shape, np.inf))
    for i, j in sorted(pairs):
        check_cancel(is_cancelled)
        surfaces = []
        for patch in (i, j):
            mcp = MCP_Geometric(costs * pixel_w, fully_connected=True, sampling=(pixel_h / pixel_w, 1.0))
            cumulative, _ = mcp.find_costs(np.argwhere(labels == patch))
            surfaces.append((mcp, np.asarray(cumulative)))
        (mcp_i, c_i), (_, c_j) = surfaces
        cells_j = np.argwhere(labels == j)
        best = int(np.argmin(c_i[labels == j]))
        least = float(c_i[tuple(cells_j[best])])
        if not np.isfinite(least) or (max_cost > 0 and least > max_cost):
            continue
        path = mcp_i.traceback(tuple(cells_j[best]))
        steps = np.diff(np.asarray(path, dtype=np.float64), axis=0)
        length = float(np.hypot(steps[:, 0] * pixel_h, steps[:, 1] * pixel_w).sum()) if len(path) > 1 else 0.0
        result.paths.append((i, j, least, length, path))
        limit = threshold if threshold > 0 else DEFAULT_CORRIDOR_FACTOR * least
        through = c_i + c_j
        inside = through <= limit
        result.corridor[inside] = np.minimum(result.corridor[inside], through[inside])
    return result


def write_paths(path, corridors, info):
    """Least-cost paths as lines (cell centres) with from_id, to_id, cost and length_m."""
    from osgeo import ogr, osr

    from ...rasterblocks import atomic_path

    srs = osr.SpatialReference()
    srs.ImportFromWkt(info.crs_wkt)
    x0, dx, _, y0, _, dy = info.geotransform
    with atomic_path(path) as temporary:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        layer = ds.CreateLayer("least_cost_paths", srs=srs, geom_type=ogr.wkbLineString)
        for name, kind in (("from_id", ogr.OFTInteger), ("to_id", ogr.OFTInteger), ("cost", ogr.OFTReal),
                           ("length_m", ogr.OFTReal)):
            layer.CreateField(ogr.FieldDefn(name, kind))
        for i, j, cost, length, cells in corridors.paths:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("from_id", int(i))
            feature.SetField("to_id", int(j))
            feature.SetField("cost", float(cost))
            feature.SetField("length_m", float(length))
            line = ogr.Geometry(ogr.wkbLineString)
            for row, col in (cells if len(cells) > 1 else list(cells) * 2):
                line.AddPoint_2D(x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy)
            feature.SetGeometry(line)
            layer.CreateFeature(feature)
        ds = None
    return str(path)
