"""BioDispersal's "selection" and "fusion" steps on rasters (numpy + scipy, no qgis).

* :func:`select_habitat`: cells of chosen land-cover classes, optionally without patches
  smaller than a minimum area (8-connected patches);
* :func:`merge_by_priority`: several rasters stacked in priority order, the first valid
  (non-nodata) value wins, e.g. roads over land cover over rivers.
"""
import numpy as np
from scipy import ndimage

from ...rasterblocks import open_raster
from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .grids import read_float, read_on_grid, write_array

INT_NODATA = -2147483647
EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)


def parse_classes(text) -> list:
    """Class codes from "311, 312;313" or "311-313" style text (ranges inclusive)."""
    codes = []
    for part in str(text).replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if "-" in part[1:]:
                start, end = part.split("-", 1) if not part.startswith("-") else part[1:].split("-", 1)
                codes.extend(range(int(start), int(end) + 1))
            else:
                codes.append(int(float(part)))
        except ValueError:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{part!r} is not a class code; write codes "
                                                   "separated by commas, e.g. 311, 312, 313 or 311-313."),
                                 part=part) from None
    if not codes:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "No class given: list the land-cover codes to "
                                               "select, e.g. 311, 312, 313."))
    return codes


def remove_small_patches(selected, min_cells):
    """``selected`` without its 8-connected patches of fewer than ``min_cells`` cells."""
    if min_cells <= 1:
        return selected
    labels, count = ndimage.label(selected, structure=EIGHT_CONNECTED)
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    keep = sizes >= min_cells
    keep[0] = False
    return keep[labels]


def select_habitat_array(landcover, classes, min_cells=0, keep_class=True):
    """int32 array: the class (or 1) where ``landcover`` is one of ``classes``, else nodata."""
    selected = np.isin(landcover, np.asarray(classes, dtype=np.float64)) & np.isfinite(landcover)
    selected = remove_small_patches(selected, min_cells)
    if keep_class:
        values = np.where(selected, np.nan_to_num(landcover), 0).astype(np.int32)
    else:
        values = selected.astype(np.int32)
    return np.where(selected, values, INT_NODATA).astype(np.int32)


def select_habitat(landcover, info, classes, output, min_area=0.0, keep_class=True, is_cancelled=None):
    """Write the selected habitat raster on ``info``'s grid; ``min_area`` in m². Returns counts.

    ``landcover`` is the land-cover array (float, NaN = nodata) on that grid.
    """
    check_cancel(is_cancelled)
    min_cells = int(np.ceil(min_area / info.pixel_area)) if min_area > 0 else 0
    result = select_habitat_array(landcover, classes, min_cells, keep_class)
    selected = int((result != INT_NODATA).sum())
    if selected == 0:
        present = np.unique(landcover[np.isfinite(landcover)])[:30]
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "No cell selected: none of the classes {classes} is in the land cover "
                              "(classes present: {present}), or every patch is smaller than the minimum area."),
            classes=', '.join(str(c) for c in classes),
            present=', '.join(str(int(c)) for c in present))
    check_cancel(is_cancelled)
    write_array(output, info, result, np.int32, INT_NODATA, "selected habitat")
    return {"selected_cells": selected, "selected_area_m2": selected * info.pixel_area}


def merge_by_priority(paths, output, is_cancelled=None):
    """Write the first valid value of ``paths`` (priority order) on the first raster's grid.

    Returns the list of warnings (rasters resampled onto the first raster's grid).
    """
    if not paths:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Give at least one raster to merge."))
    reference = open_raster(paths[0])
    merged = read_float(reference)
    warnings = []
    all_integer = np.issubdtype(reference.dtype, np.integer)
    for path in paths[1:]:
        check_cancel(is_cancelled)
        values, warning = read_on_grid(path, reference, "near", QT_TRANSLATE_NOOP("DataTerraError", "The raster"))
        if warning:
            warnings.append(warning)
        all_integer &= np.issubdtype(open_raster(path).dtype, np.integer)
        gaps = np.isnan(merged)
        merged[gaps] = values[gaps]
    check_cancel(is_cancelled)
    if all_integer:
        write_array(output, reference, np.where(np.isnan(merged), INT_NODATA, merged).astype(np.int32),
                    np.int32, INT_NODATA, "merged")
    else:
        write_array(output, reference, np.where(np.isnan(merged), -9999.0, merged).astype(np.float32),
                    np.float32, -9999.0, "merged")
    return warnings
