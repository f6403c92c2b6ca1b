"""Landscape graph of habitat patches from a raster: nodes, edges and their lengths.

Edges follow Graphab's planar topology (Foltête, Clauzel & Vuidel 2012, Environmental
Modelling & Software 38:316-327): every cell is allocated to its nearest patch (least-cost
with a friction, Euclidean without), and two patches are linked when their allocation
zones touch. The length of a link is the shortest crossing of the zones' border:
``cost_a + step(a, b) + cost_b`` over neighbouring cells a, b of the two zones (with a
friction: the least-cost distance in metres x friction, GRASS r.cost model), or the
distance between the two closest patch cells (centre to centre) without friction.
Paths through intermediate patches are then found on the graph, as Graphab does.
"""
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .costdistance import KNIGHT_FORWARD, QUEEN_FORWARD, _move_weights, accumulated_cost, validate_friction


@dataclass
class PatchGraph:
    """Patches 1..n (node k-1 = patch k) and undirected edges (0-based nodes)."""

    areas: np.ndarray  # m²
    centroids: np.ndarray  # (n, 2) x, y of the mean cell centre
    edge_i: np.ndarray
    edge_j: np.ndarray
    edge_length: np.ndarray
    zones: np.ndarray  # allocation of every cell to a patch id (0 = none)


def patch_centroids(labels, n, geotransform):
    rows, cols = np.indices(labels.shape)
    counts = np.bincount(labels.ravel(), minlength=n + 1)[1:]
    mean_row = np.bincount(labels.ravel(), rows.ravel(), minlength=n + 1)[1:] / np.maximum(counts, 1)
    mean_col = np.bincount(labels.ravel(), cols.ravel(), minlength=n + 1)[1:] / np.maximum(counts, 1)
    x0, dx, _, y0, _, dy = geotransform
    return np.column_stack([x0 + (mean_col + 0.5) * dx, y0 + (mean_row + 0.5) * dy])


def _border_edges(zones, pair_length_fn, moves):
    """(i, j, length) minimum over neighbouring cells of different zones, per zone pair."""
    keys, lengths = [], []
    rows, cols = zones.shape
    n_max = int(zones.max()) + 1
    for dr, dc in moves:
        r0, r1 = max(0, -dr), rows - max(0, dr)
        c0, c1 = max(0, -dc), cols - max(0, dc)
        za = zones[r0:r1, c0:c1]
        zb = zones[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
        border = (za != zb) & (za > 0) & (zb > 0)
        if not border.any():
            continue
        length = pair_length_fn(dr, dc, (slice(r0, r1), slice(c0, c1)), border)
        ok = np.isfinite(length)
        a, b = za[border][ok].astype(np.int64), zb[border][ok].astype(np.int64)
        keys.append(np.minimum(a, b) * n_max + np.maximum(a, b))
        lengths.append(length[ok])
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    keys = np.concatenate(keys)
    lengths = np.concatenate(lengths)
    order = np.lexsort((lengths, keys))
    keys, lengths = keys[order], lengths[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys, lengths = keys[first], lengths[first]
    return keys // n_max - 1, keys % n_max - 1, lengths


def build_patch_graph(labels, geotransform, friction=None, knight_move=False, max_distance=0.0,
                      is_cancelled=None) -> PatchGraph:
    """Planar patch graph of a labelled raster (patch ids 1..n, 0 = background).

    Parameters
    ----------
    labels : ndarray of int
        Patch id of every cell (consecutive 1..n).
    geotransform : tuple
        GDAL geotransform of the grid (metres).
    friction : ndarray, optional
        Friction (NaN = impassable); lengths are least-cost distances in metres x friction.
    max_distance : float
        Stop the cost search beyond this distance (0 = unlimited); longer links are dropped.
    """
    labels = np.asarray(labels, dtype=np.int32)
    n = int(labels.max())
    if n == 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "No habitat patch: the patches raster has no valid "
                                               "non-zero cell."))
    pixel_w, pixel_h = abs(geotransform[1]), abs(geotransform[5])
    areas = np.bincount(labels.ravel(), minlength=n + 1)[1:] * pixel_w * pixel_h
    moves = QUEEN_FORWARD + (KNIGHT_FORWARD if knight_move and friction is not None else ())
    check_cancel(is_cancelled)
    if friction is not None:
        costs = validate_friction(friction)
        surface = accumulated_cost(costs, labels, pixel_width=pixel_w, pixel_height=pixel_h, units="metres",
                                   knight_move=knight_move, max_cost=max_distance, is_cancelled=is_cancelled)
        cost, zones = surface.cost, surface.nearest

        def crossing(dr, dc, window, border):
            rs, cs, weights = _move_weights(costs, dr, dc, pixel_h / pixel_w)
            here = cost[window][border]
            there = cost[window[0].start + dr:window[0].stop + dr, window[1].start + dc:window[1].stop + dc][border]
            return here + weights[border] * pixel_w + there
    else:
        # exact Euclidean distance to the nearest patch cell, and which cell it is
        _, nearest = ndimage.distance_transform_edt(labels == 0, sampling=(pixel_h, pixel_w), return_indices=True)
        zones = labels[nearest[0], nearest[1]]
        near_y = nearest[0].astype(np.float64) * pixel_h
        near_x = nearest[1].astype(np.float64) * pixel_w

        def crossing(dr, dc, window, border):
            other = (slice(window[0].start + dr, window[0].stop + dr), slice(window[1].start + dc, window[1].stop + dc))
            return np.hypot(near_y[window][border] - near_y[other][border],
                            near_x[window][border] - near_x[other][border])
    check_cancel(is_cancelled)
    edge_i, edge_j, lengths = _border_edges(zones, crossing, moves)
    if max_distance > 0:
        keep = lengths <= max_distance
        edge_i, edge_j, lengths = edge_i[keep], edge_j[keep], lengths[keep]
    return PatchGraph(areas=areas, centroids=patch_centroids(labels, n, geotransform), edge_i=edge_i,
                      edge_j=edge_j, edge_length=lengths, zones=zones)
