"""Least-cost paths and corridors between habitat patches (GRASS r.cost model, 8 neighbours).

For a pair of patches (i, j): ``c_i`` and ``c_j`` are the accumulated costs from each
patch (metres x friction); the least-cost distance is ``min over cells of j of c_i``, the
least-cost path is traced back from that cell, and the corridor is the set of cells where
``c_i + c_j`` stays below a threshold (the cells through which a path costs at most that
much, as in the "corridor" tools of Graphab / Linkage Mapper, McRae & Kavanagh 2011).
"""
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from ...rasterblocks.errors import DataTerraError, check_cancel
from .costdistance import validate_friction
from .patchgraph import build_patch_graph

CACHE_SIZE = 6  # accumulated-cost surfaces kept in memory at once
DEFAULT_CORRIDOR_FACTOR = 1.1  # without a threshold: paths at most 10 % dearer than the best one


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


class _CostCache:
    """Accumulated cost from one patch at a time, the last few kept (they are raster-sized)."""

    def __init__(self, labels, costs, ns_over_ew):
        self.labels, self.costs, self.ns_over_ew = labels, costs, ns_over_ew
        self.surfaces = OrderedDict()

    def get(self, patch):
        from skimage.graph import MCP_Geometric

        if patch in self.surfaces:
            self.surfaces.move_to_end(patch)
            return self.surfaces[patch]
        mcp = MCP_Geometric(self.costs, fully_connected=True, sampling=(self.ns_over_ew, 1.0))
        cumulative, _ = mcp.find_costs(np.argwhere(self.labels == patch))
        self.surfaces[patch] = (mcp, np.asarray(cumulative))
        if len(self.surfaces) > CACHE_SIZE:
            self.surfaces.popitem(last=False)
        return self.surfaces[patch]


def least_cost_corridors(labels, friction, geotransform, pairs=None, max_cost=0.0, threshold=0.0,
                         progress=None, is_cancelled=None) -> Corridors:
    """Least-cost paths and corridors between patch pairs.

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
    """
    pixel_w, pixel_h = abs(geotransform[1]), abs(geotransform[5])
    costs = validate_friction(friction) * pixel_w
    present = set(np.unique(labels[labels > 0]).tolist())
    if not present:
        raise DataTerraError("No habitat patch: the patches input has no valid non-zero cell.")
    if pairs is None:
        graph = build_patch_graph(labels, geotransform, friction, max_distance=max_cost, is_cancelled=is_cancelled)
        pairs = list(zip((graph.edge_i + 1).tolist(), (graph.edge_j + 1).tolist()))
    unknown = sorted({p for pair in pairs for p in pair} - present)
    if unknown:
        raise DataTerraError(f"Patch id(s) {', '.join(map(str, unknown))} are not in the patches raster "
                             f"(ids 1 to {max(present)}).")
    cache = _CostCache(labels, costs, pixel_h / pixel_w)
    result = Corridors(corridor=np.full(labels.shape, np.inf))
    for number, (i, j) in enumerate(sorted(pairs)):
        check_cancel(is_cancelled)
        mcp_i, cost_i = cache.get(i)
        _, cost_j = cache.get(j)
        cells_j = np.argwhere(labels == j)
        best = int(np.argmin(cost_i[labels == j]))
        least = float(cost_i[tuple(cells_j[best])])
        if not np.isfinite(least) or (max_cost > 0 and least > max_cost):
            continue
        path = mcp_i.traceback(tuple(cells_j[best]))
        steps = np.diff(np.asarray(path, dtype=np.float64), axis=0)
        length = float(np.hypot(steps[:, 0] * pixel_h, steps[:, 1] * pixel_w).sum()) if len(path) > 1 else 0.0
        result.paths.append((i, j, least, length, path))
        limit = threshold if threshold > 0 else DEFAULT_CORRIDOR_FACTOR * least
        through = cost_i + cost_j
        inside = through <= limit
        result.corridor[inside] = np.minimum(result.corridor[inside], through[inside])
        if progress:
            progress((number + 1) / len(pairs))
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
