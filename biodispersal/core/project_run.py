"""BioDispersal's chain on a project's grid: selection, fusion, friction and dispersal (GDAL, no qgis).

BioDispersal (Chailloux et al., INRAE) builds every raster of a project in two grids, and
the numbers only match if this core does the same:

* the **working grid** starts at the top-left corner of the extent layer's bounding box in
  the project CRS, with ``round(width / resolution)`` columns (GDAL's ``-te -tr`` rule);
  selections are burnt there — vector features **all-touched** with their class code
  (features burnt in layer order, the last one wins), rasters reclassified (value → class
  code, other values nodata) and resampled there;
* each group raster is then **clipped to the extent layer** on the **study grid**:
  the polygon's bounding box snapped outwards to multiples of the resolution (``-tap``),
  nearest neighbour, nodata outside the polygon;
* fusion: per sub-network, the first group (priority order) with a value in a cell gives
  it (a nodata cell of a higher group does not mask lower groups), Int16, nodata −9999;
* friction: class code → friction of the sub-network, classes without friction nodata,
  Float32, nodata −9999;
* dispersal: the start layer burnt (not all-touched) on the working grid and clipped the
  same way; GRASS r.cost's cost model (:mod:`.costdistance`, 8 neighbours), cells beyond
  the maximum cost nodata, Float32, nodata −9999.
"""
import os
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from ...rasterblocks import RasterInfo
from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel
from .costdistance import accumulated_cost
from .friction import lookup
from .grids import FLOAT_NODATA, rasterize_features, write_array

gdal.UseExceptions()

CLASS_NODATA = -9999  # Int16, as BioDispersal
START_NODATA = 0


@dataclass
class Grid:
    """A north-up grid: (xmin, ymax) top-left corner, cell size, columns, rows, CRS (WKT)."""

    xmin: float
    ymax: float
    resolution: float
    width: int
    height: int
    crs_wkt: str

    @property
    def geotransform(self):
        return (self.xmin, self.resolution, 0.0, self.ymax, 0.0, -self.resolution)

    def info(self, dtype=np.int32):
        return RasterInfo(path="", width=self.width, height=self.height, band_count=1,
                          geotransform=self.geotransform, crs_wkt=self.crs_wkt, nodata=[None],
                          dtype=np.dtype(dtype), band_descriptions=[""])

    def dataset(self, array, nodata):
        """An in-memory GDAL dataset of ``array`` (Int16, Byte or Float32) on this grid."""
        types = {np.dtype(np.int16): gdal.GDT_Int16, np.dtype(np.uint8): gdal.GDT_Byte,
                 np.dtype(np.float32): gdal.GDT_Float32}
        ds = gdal.GetDriverByName("MEM").Create("", self.width, self.height, 1, types[array.dtype])
        ds.SetGeoTransform(self.geotransform)
        ds.SetProjection(self.crs_wkt)
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        band.WriteArray(array)
        return ds


def working_grid(extent, resolution, crs_wkt) -> Grid:
    """The grid BioDispersal burns selections on: ``extent`` = (xmin, ymin, xmax, ymax) in the project CRS."""
    xmin, ymin, xmax, ymax = extent
    if not resolution > 0 or xmax <= xmin or ymax <= ymin:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The study extent {extent} or resolution "
                                               "{resolution} is empty."), extent=extent, resolution=resolution)
    return Grid(xmin, ymax, resolution, int(0.5 + (xmax - xmin) / resolution),
                int(0.5 + (ymax - ymin) / resolution), crs_wkt)


def burn_features(features, grid, all_touched=True, nodata=CLASS_NODATA):
    """Int16 array of the codes of ``features`` [(code > 0, WKB in the grid CRS), ...] burnt in order."""
    codes = rasterize_features(features, grid.info(), all_touched=all_touched)
    return np.where(codes > 0, codes, nodata).astype(np.int16)


def reclassify_onto(raster_path, codes, grid, resampling="near"):
    """Int16 array: ``raster_path``'s values mapped through ``codes`` {value: code} (others nodata),
    resampled onto ``grid``. ``codes`` = {"": code} keeps every valid cell as that code;
    an empty ``codes`` keeps the raster's own values (BioDispersal's "RResample")."""
    source = gdal.Open(str(raster_path))
    band = source.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = np.isfinite(values) if nodata is None else np.isfinite(values) & (values != nodata)
    if "" in codes:
        coded = np.where(valid, codes[""], np.nan)
    elif codes:
        keys = np.array(sorted(float(k) for k in codes), dtype=np.float64)
        coded = lookup(values, keys, np.array([codes[_key_text(k, codes)] for k in keys], dtype=np.float64))
        coded[~valid] = np.nan
    else:
        coded = np.where(valid, values, np.nan)
    reclassified = gdal.GetDriverByName("MEM").Create("", source.RasterXSize, source.RasterYSize, 1, gdal.GDT_Int16)
    reclassified.SetGeoTransform(source.GetGeoTransform())
    reclassified.SetProjection(source.GetProjection())
    out = reclassified.GetRasterBand(1)
    out.SetNoDataValue(CLASS_NODATA)
    out.WriteArray(np.where(np.isnan(coded), CLASS_NODATA, coded).astype(np.int16))
    target = grid.dataset(np.full((grid.height, grid.width), CLASS_NODATA, dtype=np.int16), CLASS_NODATA)
    gdal.Warp(target, reclassified, resampleAlg=resampling, srcNodata=CLASS_NODATA, dstNodata=CLASS_NODATA)
    return target.GetRasterBand(1).ReadAsArray()


def _key_text(value, codes):
    """The key of ``codes`` (text, as in the project) whose number is ``value``."""
    for key in codes:
        if float(key) == value:
            return key
    raise KeyError(value)


def clip_to_extent(array, grid, extent_layer, nodata):
    """(array, study Grid): ``array`` on the working grid clipped to the extent layer's polygon.

    The study grid is the polygon's bounding box snapped outwards to multiples of the
    resolution; nearest neighbour; nodata outside the polygon.
    """
    clipped = gdal.Warp("", grid.dataset(array, nodata), format="MEM", cutlineDSName=str(extent_layer),
                        cropToCutline=True, xRes=grid.resolution, yRes=grid.resolution, targetAlignedPixels=True,
                        srcNodata=nodata, dstNodata=nodata, resampleAlg="near")
    x0, dx, _, y0, _, _ = clipped.GetGeoTransform()
    study = Grid(x0, y0, dx, clipped.RasterXSize, clipped.RasterYSize, grid.crs_wkt)
    return clipped.GetRasterBand(1).ReadAsArray(), study


def merge_groups(group_arrays, priority):
    """Int16 class raster: in each cell the value of the first group of ``priority`` that has one."""
    merged = None
    for name in reversed(priority):  # lower priorities first, overwritten by higher ones
        values = group_arrays[name]
        if merged is None:
            merged = np.full(values.shape, CLASS_NODATA, dtype=np.int16)
        merged = np.where(values != CLASS_NODATA, values, merged).astype(np.int16)
    return merged


def friction_of_classes(classes, frictions):
    """Float32 friction raster (nodata −9999) of a class raster: ``frictions`` {code: friction, NaN impassable}."""
    codes = np.array(sorted(frictions), dtype=np.float64)
    values = np.array([frictions[c] for c in sorted(frictions)], dtype=np.float64)
    friction = lookup(classes.astype(np.float64), codes, values) if codes.size else np.full(classes.shape, np.nan)
    friction[classes == CLASS_NODATA] = np.nan
    return np.where(np.isnan(friction), FLOAT_NODATA, friction).astype(np.float32)


def dispersal_cost(friction, start, max_cost, is_cancelled=None):
    """Float32 accumulated cost (nodata −9999 where unreached or beyond ``max_cost``), r.cost model in cells."""
    values = np.where(friction == FLOAT_NODATA, np.nan, friction.astype(np.float64))
    sources = (start != START_NODATA).astype(np.int32)
    surface = accumulated_cost(values, sources, max_cost=max_cost, want_nearest=False, is_cancelled=is_cancelled)
    return np.where(np.isfinite(surface.cost), surface.cost, FLOAT_NODATA).astype(np.float32)


def write_grid_raster(path, grid, array, nodata, description):
    os.makedirs(os.path.dirname(str(path)) or ".", exist_ok=True)
    return write_array(path, grid.info(array.dtype), array, array.dtype, nodata, description)


def run_subnetwork(name, priority, frictions, dispersals, group_arrays, study, folder, is_cancelled=None):
    """Write the class, friction and dispersal rasters of one sub-network under ``folder/name``.

    ``dispersals``: [(max cost, start array on the study grid)]. Returns {output key: path}.
    """
    missing = [group for group in priority if group not in group_arrays]
    if missing:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Sub-network {name} merges group(s) {groups} that no "
                                               "selection of the project fills."), name=name,
                             groups=", ".join(missing))
    outputs = {}
    classes = merge_groups(group_arrays, priority)
    outputs["classes"] = write_grid_raster(os.path.join(folder, name, f"{name}_classes.tif"), study, classes,
                                           CLASS_NODATA, "class code")
    friction = friction_of_classes(classes, frictions)
    outputs["friction"] = write_grid_raster(os.path.join(folder, name, f"{name}_friction.tif"), study, friction,
                                            FLOAT_NODATA, "friction")
    for max_cost, start in dispersals:
        check_cancel(is_cancelled)
        cost = dispersal_cost(friction, start, max_cost, is_cancelled)
        key = f"dispersal_{max_cost:g}"
        outputs[key] = write_grid_raster(os.path.join(folder, name, f"{name}_disp_{max_cost:g}.tif"), study, cost,
                                         FLOAT_NODATA, "accumulated cost")
    return outputs
