"""Effective mesh size of a habitat raster, whole extent, per grid cell or per zone raster.

Areas are in m² (pixel area × pixel counts); the raster must be in a projected CRS.
See :mod:`.blocklabel` for the block-wise labelling and :mod:`.metrics` for the measures
(Jaeger 2000; Moser et al. 2007).
"""
import contextlib
import functools
import math
from dataclasses import dataclass

import numpy as np

from ...rasterblocks import (
    DataTerraError,
    RasterError,
    atomic_path,
    check_same_grid,
    create_like,
    open_raster,
    require_projected,
)
from ...rasterblocks.execution import imap_blocks
from .blocklabel import label_and_accumulate, label_block, structure_for
from .metrics import CBC, CUT, METHODS, metrics_from_sum
from ...rasterblocks.errors import QT_TRANSLATE_NOOP

DEFAULT_BLOCK = 1024


@dataclass
class RasterMeshResult:
    """Whole-extent measures and per-zone measures (zone id -> MeshMetrics)."""

    whole: object
    zones: dict
    method: str
    pixel_area: float
    grid: object = None  # GridSpec when zones are grid cells


@dataclass(frozen=True)
class GridSpec:
    """Square grid cells of ``cell_pixels`` pixels aligned on the raster's origin."""

    cell_pixels: int
    columns: int
    rows: int

    @property
    def count(self):
        return self.columns * self.rows

    def zone_ids(self, col, row, ncols, nrows):
        """Zone ids (1-based, row-major) of a window of pixels."""
        cols = (np.arange(col, col + ncols) // self.cell_pixels)
        rows = (np.arange(row, row + nrows) // self.cell_pixels)
        return (rows[:, None] * self.columns + cols[None, :] + 1).astype(np.int64)


def make_grid(info, grid_size):
    """The grid of cells of about ``grid_size`` metres over raster ``info``."""
    cell_pixels = int(round(grid_size / info.pixel_width))
    if cell_pixels < 1:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "The grid size ({grid_size} m) is smaller than a pixel "
                              "({pixel_width} m): choose a larger grid size."),
            grid_size=grid_size,
            pixel_width=info.pixel_width)
    return GridSpec(cell_pixels, math.ceil(info.width / cell_pixels), math.ceil(info.height / cell_pixels))


def habitat_mask(values, valid, habitat_values=None):
    """True where ``values`` is habitat: in ``habitat_values``, or non-zero when None."""
    if habitat_values is None or len(habitat_values) == 0:
        return valid & (values != 0)
    wanted = list(habitat_values)
    if len(wanted) == 1:
        return valid & (values == wanted[0])
    if values.dtype in (np.uint8, np.uint16):  # a lookup table is ~10x faster than np.isin
        table = np.zeros(np.iinfo(values.dtype).max + 1, dtype=bool)
        codes = [int(v) for v in wanted if 0 <= v <= np.iinfo(values.dtype).max and float(v).is_integer()]
        table[codes] = True
        return valid & table[values]
    return valid & np.isin(values, np.asarray(wanted))


def effective_mesh_size_raster(path, habitat_values=None, method=CUT, connectivity=8, zone_path=None,
                               grid_size=None, min_patch_area=0.0, block=DEFAULT_BLOCK,
                               progress=None, is_cancelled=None, scheduler=None):
    """Effective mesh size of the habitat of a raster, read and labelled by blocks.

    Parameters
    ----------
    path : str
        Habitat (or land-cover) raster in a projected CRS; nodata pixels are outside the
        landscape and count in no area.
    habitat_values : sequence of int, optional
        Pixel values that are habitat; default: every non-zero valid value.
    method : {"CUT", "CBC"}
        Per-zone method (the whole extent is the same with both).
    connectivity : {4, 8}
    zone_path : str, optional
        Integer raster on the same grid: reporting unit id per pixel (0 or nodata = none).
    grid_size : float, optional
        Side of square reporting cells in metres (instead of ``zone_path``).
    min_patch_area : float
        Patches smaller than this (m²) are not counted as habitat.
    block : int
        Block edge in pixels: memory grows with block × raster width.
    scheduler : str, optional
        Where the blocks are read, masked and labelled (``rasterblocks.execution``): None =
        here. The merge of patches across blocks runs here.

    Returns
    -------
    RasterMeshResult
        Areas in m², meff in m².
    """
    if method not in METHODS:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown method {method!r}: choose CUT or CBC."),
            method=method)
    info = open_raster(path)
    require_projected(info, QT_TRANSLATE_NOOP("DataTerraError", "The habitat raster"))
    zone_info, grid, n_zones = _zones(info, zone_path, grid_size)
    # each block read, masked and labelled where ``scheduler`` says, in the order
    # label_and_accumulate asks for them; the merge across blocks runs here
    labeller = functools.partial(label_habitat_block, HabitatBlocks(info, zone_info, grid, habitat_values),
                                 structure_for(connectivity))
    windows = [(col, row, min(block, info.width - col), min(block, info.height - row))
               for row in range(0, info.height, block) for col in range(0, info.width, block)]
    with contextlib.closing(imap_blocks(labeller, windows, scheduler, is_cancelled)) as blocks:

        def read_block(col, row, ncols, nrows):
            window, result = next(blocks)
            assert window == (col, row, ncols, nrows), "blocks read out of order"
            return result

        min_pixels = int(math.ceil(min_patch_area / info.pixel_area - 1e-9)) if min_patch_area else 0
        sums = label_and_accumulate(read_block, info.width, info.height, n_zones, connectivity, block,
                                    min_pixels, progress, is_cancelled, labelled=True)
    if sums.whole_valid == 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{path} has no valid pixel (all nodata): nothing to "
                                               "measure."), path=path)
    return _result(sums, info.pixel_area, method, grid)


def label_habitat_block(reader, structure, window):
    """The :class:`~.blocklabel.LabelledBlock` of one window: the block work of
    :func:`effective_mesh_size_raster`, reading by path wherever it runs."""
    return label_block(reader(window), structure)


@dataclass(frozen=True)
class HabitatBlocks:
    """Reads one window ``(col, row, ncols, nrows)`` as (habitat, valid, zone) masks, by path,
    wherever it runs (in this process or on a Dask worker)."""

    info: object
    zone_info: object
    grid: object
    habitat_values: object

    def __call__(self, window):
        col, row, ncols, nrows = window
        dataset = self.info.open()  # kept in a variable: a band must not outlive its dataset
        values = dataset.GetRasterBand(1).ReadAsArray(col, row, ncols, nrows)
        valid = self.info.valid_mask(values)
        habitat = habitat_mask(values, valid, self.habitat_values)
        zone = None
        if self.zone_info is not None:
            zone_dataset = self.zone_info.open()
            zone = zone_dataset.GetRasterBand(1).ReadAsArray(col, row, ncols, nrows).astype(np.int64)
            zone[~self.zone_info.valid_mask(zone) | (zone < 0)] = 0
        elif self.grid is not None:
            zone = self.grid.zone_ids(col, row, ncols, nrows)
        return habitat, valid, zone


def _zones(info, zone_path, grid_size):
    if zone_path is not None and grid_size:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Give either reporting units or a grid size, not "
                                               "both."))
    if zone_path is not None:
        zone_info = open_raster(zone_path)
        problems = check_same_grid(info, zone_info)
        if problems:
            raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "The reporting-unit raster is not on the habitat "
                                                "raster's grid ({problems}); rasterise the units on that grid."),
                problems=', '.join(problems))
        n_zones = _max_zone(zone_info)
        return zone_info, None, n_zones
    if grid_size:
        grid = make_grid(info, grid_size)
        return None, grid, grid.count
    return None, None, 0


def _max_zone(zone_info):
    dataset = zone_info.open()
    band = dataset.GetRasterBand(1)
    stats = band.ComputeRasterMinMax(False)
    return max(0, int(stats[1]))


def _result(sums, pixel_area, method, grid):
    squared = pixel_area * pixel_area
    whole = metrics_from_sum(sums.whole_sq * squared, sums.whole_valid * pixel_area, sums.whole_patches,
                             sums.whole_habitat * pixel_area)
    weighted = sums.cut if method == CUT else sums.cbc
    zones = {}
    for zone in np.flatnonzero(sums.valid[1:]) + 1:
        zones[int(zone)] = metrics_from_sum(weighted[zone] * squared, sums.valid[zone] * pixel_area,
                                            sums.pieces[zone], sums.habitat[zone] * pixel_area)
    return RasterMeshResult(whole, zones, method, pixel_area, grid)


def write_grid_raster(result, like_path, output_path, field="meff_ha", nodata=-1.0):
    """Write one measure per grid cell as a Float32 GeoTIFF (cells without data: nodata)."""
    grid = result.grid
    if grid is None:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "A grid raster needs a grid size."))
    info = open_raster(like_path)
    values = np.full(grid.count, nodata, dtype=np.float32)
    for zone, metrics in result.zones.items():
        value = getattr(metrics, field)
        values[zone - 1] = nodata if value is None or math.isnan(value) else value
    x0, dx, _, y0, _, dy = info.geotransform
    cell = grid.cell_pixels

    class _Like:  # the grid's own geometry for create_like
        width, height = grid.columns, grid.rows
        geotransform = (x0, dx * cell, 0.0, y0, 0.0, dy * cell)
        crs_wkt = info.crs_wkt

    with atomic_path(output_path) as temporary:
        dataset = create_like(temporary, _Like, np.float32, nodata=nodata, descriptions=[field])
        dataset.GetRasterBand(1).WriteArray(values.reshape(grid.rows, grid.columns))
        dataset.FlushCache()
        dataset = None
    return output_path


__all__ = ["effective_mesh_size_raster", "write_grid_raster", "RasterMeshResult", "GridSpec", "CUT", "CBC"]
