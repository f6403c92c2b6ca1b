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
* a friction of 0 is allowed, as in r.cost (BioDispersal's frictions give 0 to habitat):
  a move between two zero cells is free, so every cell of an 8-connected group of zero
  cells (a "plateau") ends with the same least cost; a negative friction is refused
  (r.cost would silently make it impassable);
* start cells have an accumulated cost of 0;
* with ``max_cost > 0`` cells whose accumulated cost exceeds it are left unreached (r.cost
  stops its search there too; it may leave tentative values on the fringe, this core does
  not).

Units ``"metres"`` multiply every cost by the east-west cell size, so a friction of 1
everywhere gives the Euclidean (8- or 16-direction) distance in metres.

The search is a bucketed label-correcting shortest-path search (Dial 1969; Δ-stepping,
Meyer & Sanders 2003) written with whole-array numpy operations: the cells whose
tentative cost lies in the lowest bucket ``[m, m + Δ]`` are relaxed together towards
their 8 (or 16) neighbours, a cell improved later is relaxed again, and the search stops
when no tentative cost is left. Label-correcting searches converge to the exact least
costs whatever the processing order, so the result is Dijkstra's (and r.cost's) to the
last bit of the same floating-point sums; the bucket width Δ only trades re-relaxations
against the number of numpy passes. Zero-cost moves would make a plateau advance one cell
per pass, so plateaus are labelled once (scipy.ndimage.label) and a plateau is reached as
a whole: when one of its cells improves, all its cells take that cost at once and only its
border cells (those with a neighbour of positive friction) are relaxed further; the
others' moves stay on the plateau, or (a knight's move) cost more than the same step from
a border cell. Memory: the padded friction and cost (float64) and the nearest-source id
(int32), about 20 bytes per cell, plus 12 bytes per zero-friction cell (its index, its
plateau and the plateaus' member lists) and the cells waiting in the buckets; no graph and
no Python object per cell. Cancellation and progress are checked between buckets.

References
----------
Dial, R. B. (1969). Algorithm 360: shortest-path forest with topological ordering.
Communications of the ACM 12(11), 632-633.
Meyer, U., Sanders, P. (2003). Δ-stepping: a parallelizable shortest path algorithm.
Journal of Algorithms 49(1), 114-152.
Davidson, A., Baxter, S., Garland, M., Owens, J. D. (2014). Work-efficient parallel GPU
methods for single-source shortest paths. IEEE IPDPS 2014, 349-359 (the near-far queue).
GRASS Development Team. r.cost manual and source, https://grass.osgeo.org/grass-stable/manuals/r.cost.html
"""
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from ...rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP, check_cancel

UNITS = ("cells", "metres")

# (row offset, column offset) of the moves kept in one direction only (both directions of
# a move cost the same); used by the patch graph to cost a crossing between two cells.
QUEEN_FORWARD = ((0, 1), (1, -1), (1, 0), (1, 1))
KNIGHT_FORWARD = ((1, 2), (1, -2), (2, 1), (2, -1))

# all moves of the search; the queen moves come first because a knight's move reuses the
# frictions of the two queen neighbours it crosses
QUEEN_MOVES = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (-1, 1), (1, 1), (1, -1))
KNIGHT_MOVES = ((-2, -1), (-2, 1), (2, 1), (2, -1), (-1, -2), (-1, 2), (1, 2), (1, -2))

EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)
PAD = 2  # impassable border around the grid, as far as a knight's move reaches
CHUNK = 1 << 16  # cells relaxed per numpy pass: bounds the temporaries (~10 MB)
PROGRESS_STEP = 0.01  # share of the passable cells relaxed between two progress reports


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


def _friction_error(bad_count, bad_min):
    return DataTerraError(
        QT_TRANSLATE_NOOP("DataTerraError", "The friction raster has {bad_count} cell(s) with a negative friction "
                          "(minimum {bad_min:g}). Frictions must be >= 0 (0 = crossing costs nothing, as in GRASS "
                          "r.cost); set impassable cells to nodata instead of a negative value."),
        bad_count=bad_count, bad_min=bad_min)


def validate_friction(friction: np.ndarray) -> np.ndarray:
    """Friction as float64 with impassable cells (NaN or +inf) set to ``inf``.

    Raises :class:`DataTerraError` when a cell has a negative friction (-inf included, the rule
    for non-finite values in rasterblocks/values.py):
    r.cost would make it impassable without a word. Zero is allowed (a free crossing).
    """
    friction = np.asarray(friction, dtype=np.float64)
    if friction.ndim != 2:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The friction must be a single-band raster."))
    bad = friction < 0
    if bad.any():
        raise _friction_error(int(bad.sum()), float(friction[bad].min()))
    return np.where(np.isnan(friction), np.inf, friction)


def padded_friction(friction) -> np.ndarray:
    """float64 copy of ``friction`` inside a :data:`PAD`-cell border of ``inf`` (barrier).

    NaN and inf are impassable (``inf``); a negative friction raises :class:`DataTerraError`.
    One array of the padded size is allocated (the border makes every neighbour of a grid
    cell a valid flat index, so no bounds are checked during the search).
    """
    friction = np.asarray(friction)
    if friction.ndim != 2:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The friction must be a single-band raster."))
    rows, cols = friction.shape
    padded = np.full((rows + 2 * PAD, cols + 2 * PAD), np.inf)
    inner = padded[PAD:-PAD, PAD:-PAD]
    inner[...] = friction
    bad = inner < 0  # -inf included
    if bad.any():
        raise _friction_error(int(bad.sum()), float(inner[bad].min()))
    del bad
    inner[np.isnan(inner)] = np.inf
    return padded


def accumulated_cost(friction, source_ids, *, pixel_width=1.0, pixel_height=1.0, units="cells",
                     knight_move=False, max_cost=0.0, want_nearest=True,
                     progress=None, is_cancelled=None) -> CostSurface:
    """Least accumulated cost from the nearest source to every cell (GRASS r.cost model).

    Parameters
    ----------
    friction : ndarray (rows, cols)
        Cost of crossing one cell per unit of distance (dimensionless); NaN or inf =
        impassable; 0 = free (moves between two zero cells cost nothing). Must be >= 0.
    source_ids : ndarray of int (rows, cols)
        Source id per cell, 0 where the cell is not a source.
    pixel_width, pixel_height : float
        Cell size (east-west, north-south), in metres for projected rasters.
    units : {"cells", "metres"}
        "cells": step lengths in east-west cell sizes, as r.cost; "metres": in metres.
    knight_move : bool
        Also use the 8 knight's moves (16 directions), as ``r.cost -k``.
    max_cost : float
        Stop the search beyond this accumulated cost (0 = unlimited), in the output units.
    want_nearest : bool
        Also return the id of the nearest source of every reached cell.
    progress, is_cancelled : callables, optional
        ``progress(fraction)`` (share of the passable cells relaxed so far) and
        ``is_cancelled()``: progress is reported every 1 % of the cells, cancellation
        checked between buckets and every 65,536 relaxed cells (under a second);
        cancelling raises :class:`Cancelled`.

    Returns
    -------
    CostSurface
        ``cost`` and ``nearest`` are views of padded arrays (the padding is never read).
    """
    if units not in UNITS:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown units {units!r}: use one of {choices}."),
            units=units,
            choices=', '.join(UNITS))
    if max_cost < 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The maximum cost must be >= 0 (0 = unlimited), not "
                                               "{max_cost:g}."), max_cost=max_cost)
    friction_padded = padded_friction(friction)
    source_ids = np.asarray(source_ids)
    if source_ids.shape != tuple(s - 2 * PAD for s in friction_padded.shape):
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The sources and the friction must have the same "
                                               "grid."))
    inner = (slice(PAD, -PAD), slice(PAD, -PAD))
    warnings = []
    is_source = source_ids != 0
    on_barrier = is_source & np.isinf(friction_padded[inner])
    if on_barrier.any():
        warnings.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "{count} source cell(s) lie on impassable "
                                                  "(nodata) friction cells and were ignored."),
                                count=int(on_barrier.sum())))
        is_source &= ~on_barrier
    del on_barrier
    if not is_source.any():
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "No source cell: the sources do not cover any passable cell of the "
                              "friction raster. Check that the sources overlap the friction extent and are not all "
                              "on nodata cells."))
    check_cancel(is_cancelled)
    padded_cols = friction_padded.shape[1]
    start_rows, start_cols = np.nonzero(is_source)
    starts = (start_rows + PAD) * padded_cols + (start_cols + PAD)
    start_ids = source_ids[start_rows, start_cols].astype(np.int32) if want_nearest else None
    del is_source, start_rows, start_cols
    scale = pixel_width if units == "metres" else 1.0
    moves = MoveSet(padded_cols, pixel_height / pixel_width, scale, knight_move)
    search = CostSearch(friction_padded, moves, want_nearest=want_nearest)
    search.run(starts, start_ids, max_cost=max_cost, progress=progress, is_cancelled=is_cancelled)
    cost = search.cost.reshape(friction_padded.shape)[inner]
    nearest = search.nearest.reshape(friction_padded.shape)[inner] if want_nearest else None
    if max_cost > 0:
        # cells relaxed from the last bucket may hold tentative costs above max_cost
        beyond = cost > max_cost
        cost[beyond] = np.inf
        if nearest is not None:
            nearest[beyond] = 0
    if progress:
        progress(1.0)
    return CostSurface(cost=cost, nearest=nearest, warnings=warnings)


EXACT_STEP = 1e-9  # relative gap under which a neighbour's cost plus the step gives a cell's cost


def least_cost_path(friction, cost, end, *, pixel_width=1.0, pixel_height=1.0, units="cells",
                    knight_move=False, sources=None):
    """Cells of a least-cost path from the nearest source to ``end``, traced back on ``cost``.

    Parameters
    ----------
    friction : ndarray (rows, cols)
        The friction given to :func:`accumulated_cost` (NaN or inf = impassable).
    cost : ndarray (rows, cols)
        ``accumulated_cost(...).cost`` computed with the same cell size, units and moves.
    end : (int, int)
        (row, col) of the end cell; it must have been reached.
    sources : ndarray of bool, optional
        The source cells. Without it the path stops at the first cell of cost 0, which
        on a zero-friction plateau around a source may not be a source cell itself.

    Returns
    -------
    list of (int, int)
        (row, col) from a source cell (cost 0) to ``end``. At each cell the predecessor is
        the neighbour whose cost plus the step cost gives the cell's cost: the search
        computed exactly that sum, so the path's step costs add up to ``cost[end]``. A cell
        of a zero-friction plateau that was reached through another cell of the plateau
        (at the same cost) is left across the plateau, along the fewest cells, to the
        plateau cell the search entered by (or to a source).
    """
    cost = np.asarray(cost)
    rows, cols = cost.shape
    row, col = (int(v) for v in end)
    if not (0 <= row < rows and 0 <= col < cols) or not np.isfinite(cost[row, col]):
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Cell {cell} was not reached by the search: no "
                                               "least-cost path leads to it."), cell=tuple(end))
    friction = np.where(np.isfinite(friction), friction, np.inf)
    scale = pixel_width if units == "metres" else 1.0
    moves = _path_moves(pixel_height / pixel_width, scale, knight_move)
    path = [(row, col)]
    while cost[row, col] > 0 or (sources is not None and not sources[row, col]):
        here = (np.array([row]), np.array([col]))
        gap, back_row, back_col = _best_predecessors(friction, cost, *here, moves)
        if friction[row, col] == 0 and not gap[0] <= EXACT_STEP * cost[row, col]:
            crossing = _across_plateau(friction, cost, (row, col), moves, sources)
            if crossing:
                path.extend(crossing)
                row, col = crossing[-1]
                continue
        if back_row[0] < 0:
            if cost[row, col] == 0:
                break  # a cost-0 cell with no source in reach: the best the surface tells
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The cost surface does not lead back to a "
                                                   "source from cell {cell}: was it computed with the same "
                                                   "friction, cell size and moves?"), cell=tuple(end))
        row, col = int(back_row[0]), int(back_col[0])
        path.append((row, col))
    return path[::-1]


def _path_moves(ns_over_ew, scale, knight_move):
    """(dr, dc, factor, crossed cells or None) of every move: a move costs the sum of the
    frictions it touches times ``factor`` (length / 2 or / 4, x scale)."""
    moves = [(dr, dc, float(np.hypot(dr * ns_over_ew, dc)) / 2.0 * scale, None) for dr, dc in QUEEN_MOVES]
    if knight_move:
        moves += [(dr, dc, float(np.hypot(dr * ns_over_ew, dc)) / 4.0 * scale, _crossed_cells(dr, dc))
                  for dr, dc in KNIGHT_MOVES]
    return moves


def _best_predecessors(friction, cost, rows, cols, moves):
    """For the cells (rows, cols): (gap, row, col) of the cheaper neighbour whose cost plus
    the step to the cell comes closest to the cell's cost (gap inf and row -1 where none).

    The step sums the frictions in the search's order, so the true predecessor has gap 0.
    """
    n_rows, n_cols = cost.shape
    target_cost = cost[rows, cols]
    best_gap = np.full(rows.size, np.inf)
    best_row = np.full(rows.size, -1, dtype=np.int64)
    best_col = np.full(rows.size, -1, dtype=np.int64)
    for dr, dc, factor, crossed in moves:
        from_row, from_col = rows - dr, cols - dc
        inside = (from_row >= 0) & (from_row < n_rows) & (from_col >= 0) & (from_col < n_cols)
        from_row, from_col = np.where(inside, from_row, rows), np.where(inside, from_col, cols)
        from_cost = cost[from_row, from_col]
        if crossed is None:
            step = (friction[from_row, from_col] + friction[rows, cols]) * factor
        else:
            (r1, c1), (r2, c2) = crossed  # clipped: only moves from outside the grid could leave it
            first = (np.clip(from_row + r1, 0, n_rows - 1), np.clip(from_col + c1, 0, n_cols - 1))
            second = (np.clip(from_row + r2, 0, n_rows - 1), np.clip(from_col + c2, 0, n_cols - 1))
            step = (friction[first] + friction[second] + friction[rows, cols] + friction[from_row, from_col]) * factor
        with np.errstate(invalid="ignore"):
            gap = np.where(inside & (from_cost < target_cost), np.abs(step + from_cost - target_cost), np.inf)
        better = gap < best_gap
        best_gap[better], best_row[better], best_col[better] = gap[better], from_row[better], from_col[better]
    return best_gap, best_row, best_col


def _across_plateau(friction, cost, cell, moves, sources):
    """Cells after ``cell`` across its zero-friction plateau to the nearest exit, or [].

    The plateau is the 8-connected group of zero-friction cells at ``cell``'s cost; an
    exit is a plateau cell with an exact cheaper predecessor (the search entered the
    plateau there) or, at cost 0, a source cell. Breadth-first, one numpy pass per ring.
    """
    level = cost[cell]
    labels, _ = ndimage.label((friction == 0) & (cost == level), structure=EIGHT_CONNECTED)
    box = ndimage.find_objects(labels == labels[cell])[0]
    # one ring of False around the plateau's box: neighbours never leave it
    on_plateau = np.pad(labels[box] == labels[cell], 1)
    rows, cols = np.nonzero(on_plateau)
    grid_rows, grid_cols = rows - 1 + box[0].start, cols - 1 + box[1].start
    if level == 0:
        if sources is None:
            return []
        exit_here = np.asarray(sources)[grid_rows, grid_cols].astype(bool)
    else:
        gap = _best_predecessors(friction, cost, grid_rows, grid_cols, moves)[0]
        exit_here = gap <= EXACT_STEP * level
    width = on_plateau.shape[1]
    is_exit = np.zeros(on_plateau.size, dtype=bool)
    is_exit[rows * width + cols] = exit_here
    if not is_exit.any():
        return []
    walkable = on_plateau.ravel()
    offsets = np.array([dr * width + dc for dr, dc in QUEEN_MOVES])
    start = (cell[0] - box[0].start + 1) * width + (cell[1] - box[1].start + 1)
    parent = np.full(walkable.size, -1, dtype=np.int64)
    parent[start] = start
    ring = np.array([start])
    while not is_exit[ring].any():
        step_to = (ring[:, None] + offsets).ravel()
        step_from = np.repeat(ring, offsets.size)
        new = walkable[step_to] & (parent[step_to] < 0)
        step_to, first = np.unique(step_to[new], return_index=True)
        parent[step_to] = step_from[new][first]
        ring = step_to
    here = int(ring[is_exit[ring]][0])
    crossing = []
    while here != start:
        crossing.append(here)
        here = int(parent[here])
    return [(int(i // width) - 1 + box[0].start, int(i % width) - 1 + box[1].start) for i in reversed(crossing)]


def _crossed_cells(dr, dc):
    """The two queen neighbours a knight's move (dr, dc) crosses, in r.cost's order.

    r.cost sums, e.g. for two rows up and one column left, N + NW + NNW + the cell itself:
    first the straight neighbour, then the diagonal one.
    """
    if abs(dr) == 2:
        step = int(np.sign(dr))
        return (step, 0), (step, dc)
    step = int(np.sign(dc))
    return (0, step), (dr, step)


def _move_weights(costs, dr, dc, ns_over_ew):
    """Cost of the move (dr, dc) from every cell of the valid window, r.cost's formula.

    Whole-raster form of :class:`MoveSet`'s step costs, used by the patch graph to cost
    the crossing between two allocation zones.

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


class MoveSet:
    """Flat-index offsets and length factors of r.cost's moves on a padded grid.

    ``queen``: (offset, length / 2 x scale) for the 8 neighbours, so that a move costs
    ``(f_here + f_there) * factor``; ``knight``: (offset, length / 4 x scale, i, j) where
    i, j index the two crossed queen neighbours, the move costing
    ``(f_i + f_j + f_there + f_here) * factor`` (r.cost's summation order).
    """

    def __init__(self, padded_cols, ns_over_ew, scale=1.0, knight_move=False):
        self.queen = [(dr * padded_cols + dc, float(np.hypot(dr * ns_over_ew, dc)) / 2.0 * scale)
                      for dr, dc in QUEEN_MOVES]
        self.knight = []
        if knight_move:
            for dr, dc in KNIGHT_MOVES:
                first, second = _crossed_cells(dr, dc)
                self.knight.append((dr * padded_cols + dc, float(np.hypot(dr * ns_over_ew, dc)) / 4.0 * scale,
                                    QUEEN_MOVES.index(first), QUEEN_MOVES.index(second)))

    def typical_step(self, friction_padded):
        """Cost of a typical east-west step: the median positive friction x its length factor.

        Sampled on at most ~100,000 passable cells, so it costs nothing on big rasters.
        Zero frictions are left out: the bucket width must stay > 0.
        """
        flat = friction_padded.ravel()
        sample = flat[::max(1, flat.size // 100_000)]
        sample = sample[np.isfinite(sample) & (sample > 0)]
        if not sample.size:
            sample = flat[np.isfinite(flat) & (flat > 0)]
        median = float(np.median(sample)) if sample.size else 1.0
        return median * 2.0 * self.queen[0][1]


def _concatenated_ranges(starts, stops):
    """Indices ``starts[0]..stops[0]-1, starts[1]..stops[1]-1, ...`` in one array, and the sizes."""
    sizes = stops - starts
    total = int(sizes.sum())
    offsets = np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
    return np.arange(total, dtype=np.int64) + offsets, sizes


def _ranges_in_chunks(starts, stops, chunk=CHUNK):
    """The indices of :func:`_concatenated_ranges`, ``chunk`` at a time: (indices, range number of each).

    Bounds the temporaries when a range is a plateau of millions of cells.
    """
    sizes = stops - starts
    ends = np.cumsum(sizes)
    total = int(ends[-1]) if sizes.size else 0
    for first in range(0, total, chunk):
        position = np.arange(first, min(total, first + chunk), dtype=np.int64)
        which = np.searchsorted(ends, position, side="right")
        yield starts.take(which) + position - (ends.take(which) - sizes.take(which)), which


class ZeroPlateaus:
    """The 8-connected groups of zero-friction cells of a padded grid (flat indices).

    A move between two zero cells costs 0 (r.cost's mean of two frictions), so all the
    cells of a plateau share one least cost. The search reaches a plateau as a whole
    (:meth:`spread`) instead of one zero-cost step per numpy pass. Only the plateau's
    border cells (with a queen neighbour of positive, finite friction) are relaxed: an
    inner cell's queen moves stay on the plateau, and its knight's moves, which cross two
    zero cells, cost more than the queen step to the same target from the second crossed
    cell (a border cell of the same plateau): ``f/4 * sqrt(4 + r²) > f/2`` and
    ``f/4 * sqrt(1 + 4 r²) > f r/2`` for any cell ratio r = ns/ew.

    Memory: 12 bytes per zero cell (int32 indices while the padded grid has < 2**31 cells).
    """

    def __init__(self, friction_padded, queen_offsets):
        labels, count = ndimage.label(friction_padded == 0, structure=EIGHT_CONNECTED, output=np.int32)
        index_type = np.int32 if labels.size < 2 ** 31 else np.int64
        self.cells = np.flatnonzero(labels).astype(index_type)  # sorted: found by searchsorted
        self.plateau = labels.ravel().take(self.cells)
        del labels
        self.plateau -= 1
        border = self._border(friction_padded.ravel(), queen_offsets)
        order = np.lexsort((~border, self.plateau))  # by plateau, border cells first
        self.members = self.cells.take(order)
        del order
        self.start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.plateau, minlength=count), out=self.start[1:])
        self.border_count = np.bincount(self.plateau[border], minlength=count).astype(np.int64)

    def _border(self, flat_friction, queen_offsets):
        """True for the zero cells with a queen neighbour of positive, finite friction."""
        border = np.zeros(self.cells.size, dtype=bool)
        for first in range(0, self.cells.size, CHUNK):  # chunks: no temporary of the plateaus' size
            cells = self.cells[first:first + CHUNK]
            for offset in queen_offsets:
                neighbour = flat_friction.take(cells + offset)
                border[first:first + CHUNK] |= (neighbour > 0) & (neighbour < np.inf)
        return border

    def spread(self, cells, costs, friction, cost, nearest):
        """Improved (cells, costs) -> the same, a zero cell standing for its whole plateau.

        Every cell of a plateau holding an improved cell takes the lowest improved cost of
        the plateau (and its nearest source) where that is lower than its own; the plateau's
        border cells replace its improved cells in the returned cells to relax.
        Returns (cells, costs, number of inner plateau cells assigned without relaxing).
        """
        on_zero = friction.take(cells) == 0
        if not on_zero.any():
            return cells, costs, 0
        zero_cells, zero_costs = cells.compress(on_zero), costs.compress(on_zero)
        # same dtype as self.cells: searchsorted would otherwise copy it to int64
        plateau = self.plateau.take(np.searchsorted(self.cells, zero_cells.astype(self.cells.dtype)))
        order = np.lexsort((zero_costs, plateau))  # lowest cost first in each plateau
        plateau, zero_cells, zero_costs = plateau.take(order), zero_cells.take(order), zero_costs.take(order)
        first = np.ones(plateau.size, dtype=bool)
        first[1:] = plateau[1:] != plateau[:-1]
        plateau, zero_cells = plateau.compress(first), zero_cells.compress(first)
        zero_costs = zero_costs.compress(first)
        first_member, end_member = self.start.take(plateau), self.start.take(plateau + 1)
        zero_ids = nearest.take(zero_cells) if nearest is not None else None
        for positions, which in _ranges_in_chunks(first_member, end_member):
            members = self.members.take(positions)
            new_costs = zero_costs.take(which)
            lower = new_costs < cost.take(members)
            members = members.compress(lower)
            cost[members] = new_costs.compress(lower)
            if zero_ids is not None:
                nearest[members] = zero_ids.take(which.compress(lower))
        border_positions, border_sizes = _concatenated_ranges(first_member,
                                                              first_member + self.border_count.take(plateau))
        border = self.members.take(border_positions).astype(np.int64)
        off_plateau = ~on_zero
        cells = np.concatenate([cells.compress(off_plateau), border])
        costs = np.concatenate([costs.compress(off_plateau), np.repeat(zero_costs, border_sizes)])
        return cells, costs, int((end_member - first_member).sum() - border_sizes.sum())


class CostSearch:
    """Bucketed label-correcting search on a padded friction grid (flat indices).

    ``cost`` (float64) and ``nearest`` (int32) are flat arrays of the padded size,
    ``inf`` / 0 until reached. The pending cells are (index, cost) pairs: those below
    ``window_end`` in one array scanned at every bucket, the others kept aside in a "far"
    list scanned only when the window is empty (a near-far queue, Davidson et al. 2014),
    so a few very expensive moves do not slow down every bucket.
    """

    BUCKETS_PER_STEP = 1.0  # bucket width Δ in typical east-west steps
    WINDOW_BUCKETS = 16  # width of the scanned window, in buckets

    def __init__(self, friction_padded, moves, want_nearest=True):
        self.friction = friction_padded.ravel()
        self.moves = moves
        # before the cost arrays: the labelling's temporaries do not add to the search's peak
        has_zero = not np.all(self.friction != 0)
        self.plateaus = ZeroPlateaus(friction_padded, [offset for offset, _ in moves.queen]) if has_zero else None
        self.cost = np.full(self.friction.size, np.inf)
        self.nearest = np.zeros(self.friction.size, dtype=np.int32) if want_nearest else None
        self.delta = moves.typical_step(friction_padded) * self.BUCKETS_PER_STEP
        self.relaxed = 0  # cells relaxed, counting relaxations again after an improvement

    def run(self, starts, start_ids=None, max_cost=0.0, progress=None, is_cancelled=None):
        """Search from the flat indices ``starts`` (cost 0) until every reachable cell is final.

        With ``max_cost > 0`` the search stops once every pending cost exceeds it (cells
        above it may keep tentative costs: the caller clears them).
        """
        starts = np.asarray(starts, dtype=np.int64)
        self.cost[starts] = 0.0
        if self.nearest is not None:
            self.nearest[starts] = start_ids
        passable = max(1, int(np.isfinite(self.friction).sum()))
        window_end = self.delta * self.WINDOW_BUCKETS
        near_cells, near_costs = self._spread(starts, np.zeros(starts.size))
        far = []
        next_report = PROGRESS_STEP
        while True:
            check_cancel(is_cancelled)
            if not near_cells.size:
                near_cells, near_costs, far, window_end = self._refill_window(far)
                if not near_cells.size:
                    break
            lowest = float(near_costs.min())
            if max_cost > 0 and lowest > max_cost:
                break
            take = near_costs <= lowest + self.delta
            cells, costs = near_cells.compress(take), near_costs.compress(take)
            keep = ~take
            near_cells, near_costs = near_cells.compress(keep), near_costs.compress(keep)
            current = self.cost.take(cells) == costs  # an improved cell was queued again
            cells, costs = cells.compress(current), costs.compress(current)
            pushed = []
            for start in range(0, cells.size, CHUNK):
                check_cancel(is_cancelled)
                pushed_cells, pushed_costs = self._relax(cells[start:start + CHUNK], costs[start:start + CHUNK])
                inside = pushed_costs < window_end
                pushed.append((pushed_cells.compress(inside), pushed_costs.compress(inside)))
                if not inside.all():
                    outside = ~inside
                    far.append((pushed_cells.compress(outside), pushed_costs.compress(outside)))
            near_cells = np.concatenate([near_cells] + [pair[0] for pair in pushed])
            near_costs = np.concatenate([near_costs] + [pair[1] for pair in pushed])
            done = self.relaxed / passable
            if progress and done >= next_report:  # by work done, so tests need no timing
                progress(min(0.99, done))
                next_report = done + PROGRESS_STEP

    def _refill_window(self, far):
        """(cells, costs, far, window_end) of the next window, taken from the far list."""
        if not far:
            return np.zeros(0, np.int64), np.zeros(0), [], 0.0
        cells = np.concatenate([pair[0] for pair in far])
        costs = np.concatenate([pair[1] for pair in far])
        current = self.cost.take(cells) == costs
        cells, costs = cells.compress(current), costs.compress(current)
        if not cells.size:
            return cells, costs, [], 0.0
        window_end = float(costs.min()) + self.delta * self.WINDOW_BUCKETS
        inside = costs < window_end
        rest = [(cells.compress(~inside), costs.compress(~inside))] if not inside.all() else []
        return cells.compress(inside), costs.compress(inside), rest, window_end

    def _relax(self, cells, costs):
        """Relax the moves out of ``cells`` (final or tentative ``costs``); (improved cells, their costs).

        For one move the targets of distinct cells are distinct, so plain fancy
        assignment is a correct scatter; moves are applied one after the other.
        """
        self.relaxed += cells.size
        friction, cost, nearest = self.friction, self.cost, self.nearest
        here = friction.take(cells)
        ids = nearest.take(cells) if nearest is not None else None
        improved_cells, improved_costs = [], []
        queen_friction = []

        def apply(targets, candidate):
            better = candidate < cost.take(targets)
            targets, candidate = targets.compress(better), candidate.compress(better)
            cost[targets] = candidate
            if ids is not None:
                nearest[targets] = ids.compress(better)
            improved_cells.append(targets)
            improved_costs.append(candidate)

        for offset, factor in self.moves.queen:
            targets = cells + offset
            there = friction.take(targets)
            if self.moves.knight:
                queen_friction.append(there)
            candidate = here + there
            candidate *= factor
            candidate += costs
            apply(targets, candidate)
        for offset, factor, first, second in self.moves.knight:
            targets = cells + offset
            candidate = queen_friction[first] + queen_friction[second]
            candidate += friction.take(targets)
            candidate += here
            candidate *= factor
            candidate += costs
            apply(targets, candidate)
        improved_cells, improved_costs = np.concatenate(improved_cells), np.concatenate(improved_costs)
        # a cell improved by several moves is queued once, with its last (lowest) cost
        current = cost.take(improved_cells) == improved_costs
        return self._spread(improved_cells.compress(current), improved_costs.compress(current))

    def _spread(self, cells, costs):
        """(cells, costs) to relax next: an improved zero cell brings its whole plateau along."""
        if self.plateaus is None:
            return cells, costs
        cells, costs, assigned = self.plateaus.spread(cells, costs, self.friction, self.cost, self.nearest)
        self.relaxed += assigned  # progress counts them as done
        return cells, costs
