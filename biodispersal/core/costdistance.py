"""Accumulated cost (cost distance) over a friction raster, with GRASS r.cost's cost model.

The cost model is the one of GRASS GIS ``r.cost`` (raster/r.cost/main.c), so that both
tools give the same numbers:

* a move between two 8-neighbours costs the mean of their two frictions times the step
  length: 1 (east-west), ``ns_res / ew_res`` (north-south) or the diagonal
  ``sqrt(1 + (ns_res / ew_res)**2)``, in units of the east-west cell size ("cells");
* a knight's move (one row and two columns, or two rows and one column) costs the mean
  of **four** frictions, the two end cells and the two cells the move crosses, times its
  length ``sqrt(4 + (ns/ew)**2)`` or ``sqrt(1 + 4 (ns/ew)**2)``;
* nodata (NaN) friction is a barrier: a move touching a nodata cell is not allowed, and
  for a knight's move neither of the two crossed cells may be nodata;
* start cells have an accumulated cost of 0;
* with ``max_cost > 0`` cells whose accumulated cost exceeds it are left unreached (r.cost
  stops its search there too; it may leave tentative values on the fringe, this core does
  not).

Units ``"metres"`` multiply every cost by the east-west cell size, so a friction of 1
everywhere gives the Euclidean (8- or 16-direction) distance in metres.

The search is Dijkstra's algorithm in compiled code: scikit-image's ``MCP_Geometric`` for
8 neighbours (its cost of a step is exactly the r.cost one), ``scipy.sparse.csgraph
.dijkstra(min_only=True)`` on a CSR graph built with vectorised numpy for knight's moves
(``MCP_Geometric`` refuses offsets of length 2). No Python object per cell.

References
----------
Dijkstra, E. W. (1959). A note on two problems in connexion with graphs. Numerische
Mathematik 1, 269-271.
GRASS Development Team. r.cost manual and source, https://grass.osgeo.org/grass-stable/manuals/r.cost.html
"""
from dataclasses import dataclass, field

import numpy as np

from ...rasterblocks.errors import DataTerraError, check_cancel

UNITS = ("cells", "metres")

# (row offset, column offset) of the moves kept in one direction only; the graph is
# symmetric so each is added both ways.
QUEEN_FORWARD = ((0, 1), (1, -1), (1, 0), (1, 1))
KNIGHT_FORWARD = ((1, 2), (1, -2), (2, 1), (2, -1))


@dataclass
class CostSurface:
    """Result of :func:`accumulated_cost`.

    Attributes
    ----------
    cost : ndarray of float64
        Accumulated cost from the nearest source (``inf`` where unreachable or beyond
        ``max_cost``), in cells (east-west cell size) or metres times friction.
    nearest : ndarray of int32 or None
        Id of the source each cell is reached from (0 where unreached).
    warnings : list of str
        Things the user should know (sources dropped on impassable cells...).
    """

    cost: np.ndarray
    nearest: np.ndarray = None
    warnings: list = field(default_factory=list)


def validate_friction(friction: np.ndarray) -> np.ndarray:
    """Friction as float64 with impassable cells (NaN or inf) set to ``inf``.

    Raises :class:`DataTerraError` when a passable cell has a friction <= 0: Dijkstra's
    search needs positive costs.
    """
    friction = np.asarray(friction, dtype=np.float64)
    if friction.ndim != 2:
        raise DataTerraError("The friction must be a single-band raster.")
    passable = np.isfinite(friction)
    bad = passable & (friction <= 0)
    if bad.any():
        raise DataTerraError(
            f"The friction raster has {int(bad.sum())} cell(s) with a friction <= 0 "
            f"(minimum {float(friction[bad].min()):g}). Every passable cell needs a friction > 0; "
            "set impassable cells to nodata instead of 0 or a negative value.")
    return np.where(passable, friction, np.inf)


def accumulated_cost(friction, source_ids, *, pixel_width=1.0, pixel_height=1.0, units="cells",
                     knight_move=False, max_cost=0.0, want_nearest=True,
                     progress=None, is_cancelled=None) -> CostSurface:
    """Least accumulated cost from the nearest source to every cell (GRASS r.cost model).

    Parameters
    ----------
    friction : ndarray (rows, cols)
        Cost of crossing one cell per unit of distance (dimensionless); NaN or inf =
        impassable. Must be > 0 where passable.
    source_ids : ndarray of int (rows, cols)
        Source id per cell, 0 where the cell is not a source.
    pixel_width, pixel_height : float
        Cell size (east-west, north-south), in metres for projected rasters.
    units : {"cells", "metres"}
        "cells": step lengths in east-west cell sizes, as r.cost; "metres": in metres.
    knight_move : bool
        Also use the 8 knight's moves (16 directions), as ``r.cost -k``.
    max_cost : float
        Stop the search beyond this accumulated cost (0 = unlimited).
    want_nearest : bool
        Also return the id of the nearest source of every reached cell.
    progress, is_cancelled : callables, optional
        ``progress(fraction)`` and ``is_cancelled()``; the compiled search itself cannot be
        interrupted, cancellation is checked before and after it.

    Returns
    -------
    CostSurface
    """
    if units not in UNITS:
        raise DataTerraError(f"Unknown units {units!r}: use one of {', '.join(UNITS)}.")
    if max_cost < 0:
        raise DataTerraError(f"The maximum cost must be >= 0 (0 = unlimited), not {max_cost:g}.")
    costs = validate_friction(friction)
    source_ids = np.asarray(source_ids)
    if source_ids.shape != costs.shape:
        raise DataTerraError("The sources and the friction must have the same grid.")
    warnings = []
    is_source = source_ids != 0
    on_barrier = is_source & ~np.isfinite(costs)
    if on_barrier.any():
        warnings.append(f"{int(on_barrier.sum())} source cell(s) lie on impassable (nodata) friction "
                        "cells and were ignored.")
        is_source &= ~on_barrier
    if not is_source.any():
        raise DataTerraError(
            "No source cell: the sources do not cover any passable cell of the friction raster. "
            "Check that the sources overlap the friction extent and are not all on nodata cells.")
    check_cancel(is_cancelled)
    if progress:
        progress(0.05)
    ns_over_ew = pixel_height / pixel_width
    scale = pixel_width if units == "metres" else 1.0
    if knight_move:
        cost, nearest_flat = _dijkstra_csgraph(costs, is_source, ns_over_ew, scale, max_cost)
        nearest = None
        if want_nearest:
            nearest = np.zeros(costs.shape, dtype=np.int32)
            reached = nearest_flat >= 0
            nearest.ravel()[reached] = source_ids.ravel()[nearest_flat[reached]]
    else:
        cost, traceback, offsets = _dijkstra_mcp(costs * scale, is_source, ns_over_ew)
        nearest = _nearest_from_traceback(traceback, offsets, source_ids, is_source) if want_nearest else None
    check_cancel(is_cancelled)
    if max_cost > 0:
        beyond = cost > max_cost
        cost[beyond] = np.inf
        if nearest is not None:
            nearest[beyond] = 0
    if nearest is not None:
        nearest[~np.isfinite(cost)] = 0
    if progress:
        progress(1.0)
    return CostSurface(cost=cost, nearest=nearest, warnings=warnings)


def _dijkstra_mcp(costs, is_source, ns_over_ew):
    """8-neighbour search with scikit-image (its step cost is r.cost's)."""
    from skimage.graph import MCP_Geometric

    mcp = MCP_Geometric(costs, fully_connected=True, sampling=(ns_over_ew, 1.0))
    starts = np.argwhere(is_source)
    cost, traceback = mcp.find_costs(starts)
    offsets = np.asarray(mcp.offsets)
    return np.asarray(cost, dtype=np.float64), np.asarray(traceback), offsets


def _nearest_from_traceback(traceback, offsets, source_ids, is_source):
    """Source id of every cell by following MCP's traceback to the root (pointer jumping).

    ``offsets[traceback[i]]`` leads from the predecessor to cell ``i``; every cell's root
    is found in O(log(path length)) vectorised passes.
    """
    rows, cols = traceback.shape
    flat_index = np.arange(rows * cols, dtype=np.int64)
    step = offsets[:, 0].astype(np.int64) * cols + offsets[:, 1].astype(np.int64)
    tb = traceback.ravel()
    parent = flat_index.copy()
    has_parent = (tb >= 0) & ~is_source.ravel()
    parent[has_parent] = flat_index[has_parent] - step[tb[has_parent]]
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            break
        parent = grand
    nearest = np.where(is_source.ravel()[parent], source_ids.ravel()[parent], 0).astype(np.int32)
    return nearest.reshape(rows, cols)


def _move_weights(costs, dr, dc, ns_over_ew):
    """Cost of the move (dr, dc) from every cell of the valid window, r.cost's formula.

    Returns (from_rows slice, from_cols slice, weights) where weights is inf when the move
    touches an impassable cell.
    """
    rows, cols = costs.shape
    r0, r1 = max(0, -dr), rows - max(0, dr)
    c0, c1 = max(0, -dc), cols - max(0, dc)
    here = costs[r0:r1, c0:c1]
    there = costs[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
    length = float(np.hypot(dr * ns_over_ew, dc))
    if abs(dr) < 2 and abs(dc) < 2:
        weights = (here + there) * (length / 2.0)
    else:
        if abs(dc) == 2:  # crosses (r, c + sign) and (r + dr, c + sign)
            sc = int(np.sign(dc))
            cross_a = costs[r0:r1, c0 + sc:c1 + sc]
            cross_b = costs[r0 + dr:r1 + dr, c0 + sc:c1 + sc]
        else:  # |dr| == 2: crosses (r + sign, c) and (r + sign, c + dc)
            sr = int(np.sign(dr))
            cross_a = costs[r0 + sr:r1 + sr, c0:c1]
            cross_b = costs[r0 + sr:r1 + sr, c0 + dc:c1 + dc]
        weights = (here + there + cross_a + cross_b) * (length / 4.0)
    return slice(r0, r1), slice(c0, c1), weights


def build_move_graph(costs, ns_over_ew, scale=1.0, knight_move=True):
    """Symmetric CSR graph of r.cost's moves between passable cells (int32 indices).

    Node ``i`` is the flat index ``row * cols + col``. Built slot by slot with numpy, no
    Python loop over cells.
    """
    from scipy.sparse import csr_matrix

    rows, cols = costs.shape
    n = rows * cols
    forward = QUEEN_FORWARD + (KNIGHT_FORWARD if knight_move else ())
    moves = [m for dr, dc in forward for m in ((dr, dc), (-dr, -dc))]
    slot_weights = np.full((n, len(moves)), np.inf, dtype=np.float64)
    grid_view = slot_weights.reshape(rows, cols, len(moves))
    for slot, (dr, dc) in enumerate(moves):
        rs, cs, weights = _move_weights(costs, dr, dc, ns_over_ew)
        grid_view[rs, cs, slot] = weights * scale
    valid = np.isfinite(slot_weights)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(valid.sum(axis=1), out=indptr[1:])
    # row-major compression keeps edges grouped by node, as CSR wants; int32 temporaries
    # keep the peak near 25 bytes per potential edge
    data = slot_weights[valid]
    del slot_weights
    slot_steps = np.array([dr * cols + dc for dr, dc in moves], dtype=np.int32)
    indices = (np.arange(n, dtype=np.int32)[:, None] + slot_steps[None, :])[valid]
    del valid
    if indptr[-1] < np.iinfo(np.int32).max:
        indptr = indptr.astype(np.int32)
    return csr_matrix((data, indices, indptr), shape=(n, n))


def _dijkstra_csgraph(costs, is_source, ns_over_ew, scale, max_cost):
    """16-direction search with scipy's Dijkstra on the move graph (multi-source)."""
    from scipy.sparse.csgraph import dijkstra

    graph = build_move_graph(costs, ns_over_ew, scale, knight_move=True)
    sources = np.flatnonzero(is_source.ravel()).astype(np.int32)
    limit = max_cost if max_cost > 0 else np.inf
    dist, _pred, nearest_flat = dijkstra(graph, directed=True, indices=sources, min_only=True,
                                         return_predecessors=True, limit=limit)
    return dist.reshape(costs.shape), nearest_flat
