"""Cost distance from files: sources and friction in, accumulated cost rasters out.

BioDispersal's "dispersal" step (Chailloux et al., INRAE) on GRASS r.cost's cost model
(see :mod:`.costdistance`).
"""
import numpy as np
from scipy import ndimage

from ...rasterblocks import open_raster, require_projected
from ...rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP, check_cancel
from .costdistance import accumulated_cost
from .grids import (
    FLOAT_NODATA,
    float_with_nodata,
    polygonize,
    rasterize_features,
    read_float,
    read_on_grid,
    write_array,
)

EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)


def label_source_patches(values: np.ndarray) -> np.ndarray:
    """int32 ids of the 8-connected patches of valid non-zero cells (0 elsewhere)."""
    selected = np.isfinite(values) & (values != 0)
    labels, _count = ndimage.label(selected, structure=EIGHT_CONNECTED)
    return labels.astype(np.int32)


def load_friction(friction_path, units):
    """(RasterInfo, float64 friction with NaN nodata); checks the CRS for metres."""
    info = open_raster(friction_path)
    if units == "metres":
        require_projected(info, QT_TRANSLATE_NOOP("DataTerraError", "The friction raster"))
    return info, read_float(info, infinite=True)


def sources_from_raster(source_path, friction_info):
    """(source ids on the friction grid, warnings)."""
    values, warning = read_on_grid(source_path, friction_info, "near",
                                  QT_TRANSLATE_NOOP("DataTerraError", "The source raster"))
    return label_source_patches(values), [warning] if warning else []


def sources_from_features(features, friction_info, feature_count):
    """(source ids on the friction grid, warnings) from (id, WKB) pairs in the friction CRS."""
    ids = rasterize_features(features, friction_info)
    inside = len(np.unique(ids[ids > 0]))
    warnings = []
    if 0 < inside < feature_count:
        warnings.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "{outside} of {feature_count} source feature(s) "
                                                  "fall outside the friction raster (or are too small to cover a cell "
                                                  "centre) and were ignored."),
                                outside=feature_count - inside, feature_count=feature_count))
    if inside == 0:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "None of the {feature_count} source feature(s) overlaps the friction "
                              "raster. Check that the sources and the friction cover the same area (and their CRS)."),
            feature_count=feature_count)
    return ids, warnings


def run_cost_distance(friction_info, friction, source_ids, *, output, output_nearest=None, output_area=None,
                      max_cost=0.0, knight_move=False, units="cells", progress=None, is_cancelled=None):
    """Compute and write the accumulated cost (and optionally nearest source and areas).

    Returns a dict: ``warnings`` (list of str), ``n_sources`` (number of source ids),
    ``reached_cells``, ``max_cost_reached``. Outputs are written only once everything is
    computed, each atomically.
    """
    result = accumulated_cost(
        friction, source_ids, pixel_width=friction_info.pixel_width, pixel_height=friction_info.pixel_height,
        units=units, knight_move=knight_move, max_cost=max_cost,
        want_nearest=bool(output_nearest or output_area),
        progress=(lambda f: progress(0.8 * f)) if progress else None, is_cancelled=is_cancelled)
    check_cancel(is_cancelled)
    reached = np.isfinite(result.cost)
    write_array(output, friction_info, float_with_nodata(result.cost), np.float32, FLOAT_NODATA,
                "accumulated cost")
    if output_nearest:
        write_array(output_nearest, friction_info, result.nearest, np.int32, 0, "nearest source id")
    if output_area:
        check_cancel(is_cancelled)
        polygonize(result.nearest, friction_info, output_area, "dispersal_areas", "source_id",
                   is_cancelled=is_cancelled)
    if progress:
        progress(1.0)
    return {
        "warnings": result.warnings,
        "n_sources": int(len(np.unique(source_ids[source_ids > 0]))),
        "reached_cells": int(reached.sum()),
        "max_cost_reached": float(result.cost[reached].max()) if reached.any() else 0.0,
    }
