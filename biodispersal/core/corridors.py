"""Least-cost paths and corridors between habitat patches (GRASS r.cost model, 8 neighbours).

For a pair of patches (i, j): ``c_i`` and ``c_j`` are the accumulated costs from each
patch (metres x friction); the least-cost distance is ``min over cells of j of c_i``, the
least-cost path is traced back from that cell, and the corridor is the set of cells where
``c_i + c_j`` stays below a threshold (the cells through which a path costs at most that
much, as in the "corridor" tools of Graphab / Linkage Mapper, McRae & Kavanagh 2011).
"""
from dataclasses import dataclass, field

import numpy as np

from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .costdistance import accumulated_cost, least_cost_path, validate_friction
from .patchgraph import build_patch_graph

DEFAULT_CORRIDOR_FACTOR = 1.1  # without a threshold: paths at most 10 % dearer than the best one
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
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{part!r} is not a pair of patch ids; write "
                                                   "pairs as 1-2, 2-5."), part=part) from None
        pairs.append((i, j))
    return pairs


@dataclass
class _Surface:
    """Accumulated cost from one patch on the window of the grid it was searched on."""

    window: tuple  # (rows slice, cols slice)
    cost: np.ndarray  # least cost from the patch (metres x friction), inf beyond the bound
    sources: np.ndarray  # the patch's cells on the window (paths start there)


def _search(costs, labels, patch, cells, bound, pixel, is_cancelled):
    """Cost distance from one patch (:func:`costdistance.accumulated_cost`), stopped at ``bound``.

    The search runs on the window of cells that can cost at most ``bound`` (see
    :func:`_reach`), so a short search does not pay for the whole grid.
    """
    rows, cols = np.unravel_index(cells, labels.shape)
    reach = _reach(bound, costs, *pixel)
    window = tuple(slice(max(0, int(lo) - r), min(n, int(hi) + r + 1))
                   for lo, hi, r, n in zip((rows.min(), cols.min()), (rows.max(), cols.max()), reach, labels.shape))
    sources = labels[window] == patch
    if not np.isfinite(costs[window][sources]).any():  # a patch on impassable cells reaches nothing
        return _Surface(window, np.where(sources, 0.0, np.inf), sources)
    surface = accumulated_cost(costs[window], sources, pixel_width=pixel[0], pixel_height=pixel[1], units="metres",
                               max_cost=bound if np.isfinite(bound) else 0.0, want_nearest=False,
                               is_cancelled=is_cancelled)
    return _Surface(window, surface.cost, sources)


def _reach(bound, costs, pixel_w, pixel_h):
    """(rows, cols) beyond which every cell costs more than ``bound`` from a patch.

    A path costs at least the lowest friction x its length in metres, and its length is
    at least the rows (x pixel height) and the columns (x pixel width) it crosses.
    """
    passable = costs[np.isfinite(costs)]
    if not np.isfinite(bound) or passable.size == 0:
        return costs.shape
    lowest = float(passable.min())
    if lowest == 0:  # zero friction: a free path may reach anywhere
        return costs.shape
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
        Friction, NaN = impassable, 0 = free (GRASS r.cost model). Costs are in metres x
        friction.
    pairs : list of (int, int), optional
        Patch id pairs; by default the neighbouring patches of the planar graph.
    max_cost : float
        Pairs whose least cost exceeds it are skipped (0 = no limit).
    threshold : float
        Corridor cells have ``c_i + c_j <= threshold``; 0 = 1.1 x the pair's least cost.

    Every patch of the pairs is searched once (:func:`costdistance.accumulated_cost` from
    all its cells, 8 neighbours, stopped at the cost its pairs need), and that surface
    serves all its pairs: the path of (i, j) is traced back on i's surface
    (:func:`costdistance.least_cost_path`) from the cell of j that i reaches cheapest; the
    corridor adds the surfaces of i and j. A surface is dropped after its last pair.
    """
    pairs, costs, pixel_w, pixel_h, link_costs = _prepare(labels, friction, geotransform, pairs, max_cost,
                                                          is_cancelled)
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
    result = Corridors(corridor=np.full(labels.shape, np.inf))
    for number, (i, j) in enumerate(pairs):
        for patch in (i, j):
            if patch not in surfaces:
                check_cancel(is_cancelled)
                surfaces[patch] = _search(costs, labels, patch, order[starts[patch]:starts[patch + 1]], bounds[patch],
                                          (pixel_w, pixel_h), is_cancelled)
                if progress:
                    progress(0.95 * number / len(pairs))
        _add_pair(result, i, j, surfaces[i], surfaces[j], order[starts[j]:starts[j + 1]], costs, labels.shape,
                  (pixel_w, pixel_h), max_cost, threshold)
        for patch in {i, j}:
            if last_use[patch] == number:  # memory: only surfaces still needed are kept
                del surfaces[patch]
        check_cancel(is_cancelled)
    if progress:
        progress(1.0)
    return result


def _add_pair(result, i, j, surface_i, surface_j, cells_j, costs, shape, pixel, max_cost, threshold):
    """Path and corridor of (i, j) from the surfaces of i and j."""
    (rows_i, cols_i) = surface_i.window
    rows, cols = np.unravel_index(cells_j, shape)
    inside = (rows >= rows_i.start) & (rows < rows_i.stop) & (cols >= cols_i.start) & (cols < cols_i.stop)
    cost_at_j = np.full(len(cells_j), np.inf)
    cost_at_j[inside] = surface_i.cost[rows[inside] - rows_i.start, cols[inside] - cols_i.start]
    best = int(np.argmin(cost_at_j))
    least = float(cost_at_j[best])
    if not np.isfinite(least) or (max_cost > 0 and least > max_cost):
        return
    local = least_cost_path(costs[surface_i.window], surface_i.cost,
                            (rows[best] - rows_i.start, cols[best] - cols_i.start),
                            pixel_width=pixel[0], pixel_height=pixel[1], units="metres", sources=surface_i.sources)
    path = [(r + rows_i.start, c + cols_i.start) for r, c in local]
    steps = np.diff(np.asarray(path, dtype=np.float64), axis=0)
    length = float(np.hypot(steps[:, 0] * pixel[1], steps[:, 1] * pixel[0]).sum()) if len(path) > 1 else 0.0
    result.paths.append((i, j, least, length, path))
    limit = threshold if threshold > 0 else DEFAULT_CORRIDOR_FACTOR * least
    both = tuple(slice(max(a.start, b.start), min(a.stop, b.stop)) for a, b in zip(surface_i.window, surface_j.window))
    if both[0].start >= both[0].stop or both[1].start >= both[1].stop:
        return
    through = (surface_i.cost[_relative(both, surface_i.window)] + surface_j.cost[_relative(both, surface_j.window)])
    corridor = result.corridor[both]
    np.minimum(corridor, np.where(through <= limit, through, np.inf), out=corridor)


def _relative(window, outer):
    """``window`` (slices of the grid) as slices of the array covering ``outer``."""
    return tuple(slice(w.start - o.start, w.stop - o.start) for w, o in zip(window, outer))


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
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "No habitat patch: the patches input has no valid "
                                               "non-zero cell."))
    link_costs = {}
    if pairs is None:
        graph = build_patch_graph(labels, geotransform, friction, max_distance=max_cost, is_cancelled=is_cancelled)
        pairs = list(zip((graph.edge_i + 1).tolist(), (graph.edge_j + 1).tolist()))
        link_costs = dict(zip(pairs, graph.edge_length.tolist()))
    unknown = sorted({p for pair in pairs for p in pair} - present)
    if unknown:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Patch id(s) {ids} are not in the patches raster "
                                               "(ids 1 to {max_id})."),
            ids=', '.join(map(str, unknown)),
            max_id=max(present))
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
