"""Results of a detection state: per-pixel rasters and polygons by period and class.

As fordead exports them:

* relevant area = forest mask ∧ model (sufficient coverage) ∧ at most ``max_nb_stress_periods``
  closed stress periods;
* periods: bins ending on the dates of ``frequency`` (month ends by default) from
  ``start_date`` to ``end_date``, kept from the first bin after the first date used to one
  bin after the last; a date belongs to the bin ``(previous end, end]``; a date on or before
  the first kept end is not exported;
* confidence index = the stress index of the current period of pixels in dieback (not bare
  soil), classes by thresholds, a period of exactly 3 dates in the lowest class;
* polygons: 4-connected regions of one period, split by 4-connected regions of one class
  (a region of a period outside every class region is "Bare ground"); one feature per
  (period region, class region) pair, multi-part where the pair's pixels touch by corners.
"""
import calendar
import contextlib
import re
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr, osr
from scipy import ndimage

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError, check_cancel
from ...rasterblocks.io import Window, atomic_path
from . import detection
from .series import load_state

NO_DATE = 99999999
BARE_GROUND = "Bare ground"


def _add_months(year, month, months):
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


def period_ends(start_date: str, end_date: str, frequency: str, dates) -> list:
    """Bin ends (ISO dates) as fordead's ``get_bins`` keeps them."""
    if frequency == "sentinel":
        ends = list(dates)
    else:
        match = re.fullmatch(r"(\d*)(ME|M|D)", frequency)
        if not match:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown period frequency {frequency!r}: use "
                                                   "ME (month ends), 3ME, 15D or sentinel."), frequency=frequency)
        step = int(match.group(1) or 1)
        ends = []
        if match.group(2) == "D":
            day = np.datetime64(start_date)
            while day <= np.datetime64(end_date):
                ends.append(str(day))
                day += np.timedelta64(step, "D")
        else:
            year, month = int(start_date[:4]), int(start_date[5:7])
            while True:
                end = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
                if end > end_date:
                    break
                if end >= start_date:
                    ends.append(end)
                    year, month = _add_months(year, month, step)
                else:
                    year, month = _add_months(year, month, 1)
    low, high = max(start_date, dates[0]), min(end_date, dates[-1])
    inside = [low <= e <= high for e in ends]
    kept = [e for k, e in enumerate(ends) if inside[k] or (k > 0 and inside[k - 1])]
    return kept


def period_labels(ends) -> list:
    """'first day - last day' of each bin after the first end (fordead's period names)."""
    return [f"{np.datetime64(ends[k - 1]) + np.timedelta64(1, 'D')} - {ends[k]}" for k in range(1, len(ends))]


def period_index(date_numbers, ends):
    """Bin of each date number (days since 2015-01-01): 1 … len(ends)−1, 0 or len(ends) outside."""
    bins = np.array([detection.days_since_epoch(e) for e in ends])
    return np.digitize(date_numbers, bins, right=True)


def date_numbers(index_array, valid, dates):
    """Days since 2015-01-01 of ``dates[index_array]``, NO_DATE where not ``valid``."""
    numbers = np.array([detection.days_since_epoch(d) for d in dates])
    result = numbers[index_array.astype(np.intp)]
    return np.where(valid, result, NO_DATE)


@dataclass
class Results:
    """Per-pixel results of a state over its window."""

    dates: list
    relevant: np.ndarray
    sufficient: np.ndarray
    state: np.ndarray
    first_date: np.ndarray
    soil_state: np.ndarray
    soil_first_date: np.ndarray
    confidence_area: np.ndarray
    confidence_index: np.ndarray
    current_nb_dates: np.ndarray
    nb_periods: np.ndarray
    stress_dates: np.ndarray
    stress_index: np.ndarray
    nb_dates: np.ndarray
    settings: detection.Settings


def _read(folder, name, window=None):
    ds = gdal.Open(str(folder / f"{name}.tif"))
    if window is None:
        window = Window(0, 0, ds.RasterXSize, ds.RasterYSize)
    array = ds.ReadAsArray(window.col, window.row, window.width, window.height)
    return array if ds.RasterCount > 1 else array.reshape(window.height, window.width)


def results(state_folder, forest_mask, window=None) -> Results:
    """Per-pixel results of the state in ``state_folder`` (over ``window`` of its grid, or all of it);
    ``forest_mask`` a bool array on the state's whole window."""
    state = load_state(state_folder)
    folder, settings = state["folder"], state["settings"]
    forest_mask = np.asarray(forest_mask, bool)
    if window is not None:
        forest_mask = forest_mask[window.slices]

    def read(name):
        return _read(folder, name, window)
    phase, nb_periods = read("phase"), read("nb_periods")
    sufficient = phase == 1
    relevant = forest_mask & sufficient & (nb_periods <= settings.max_nb_stress_periods)
    dieback = read("state").astype(bool)
    if state["options"].soil_detection:
        soil_state, soil_first = read("soil_state").astype(bool), read("soil_first_date")
    else:
        soil_state, soil_first = np.zeros_like(dieback), np.zeros(dieback.shape, np.uint16)
    cum_diff, nb_dates = read("cum_diff"), read("nb_dates")
    if cum_diff.ndim == 2:
        cum_diff, nb_dates = cum_diff[None], nb_dates[None]
    block = detection.BlockState.empty(dieback.shape, settings.max_nb_stress_periods)
    block.nb_periods, block.cum_diff, block.nb_dates = nb_periods, cum_diff, nb_dates
    index, current_nb = detection.confidence(block, settings)
    confidence_area = relevant & dieback & ~soil_state
    return Results(state["dates"], relevant, sufficient, dieback, read("first_date"), soil_state, soil_first,
                   confidence_area, np.where(confidence_area, index, 0.0), current_nb, nb_periods,
                   read("dates").reshape(-1, *dieback.shape),
                   detection.stress_index(cum_diff, nb_dates, settings.stress_index_mode), nb_dates, settings)


def _components(values, mask):
    """Labels (0 outside ``mask``) of the 4-connected regions of equal ``values``."""
    labels = np.zeros(values.shape, np.int32)
    count = 0
    for value in np.unique(values[mask]):
        found, n = ndimage.label(mask & (values == value))
        labels[found > 0] = found[found > 0] + count
        count += n
    return labels


def features_by_pair(period, period_mask, classes=None, class_mask=None, bare_ground=True):
    """Feature id per pixel (0 = none) and, per id, (period value, class value or None)."""
    period_regions = _components(period, period_mask)
    if classes is None:
        _, first, inverse = np.unique(period_regions[period_mask], return_index=True, return_inverse=True)
        result = np.zeros(period.shape, np.int32)
        result[period_mask] = inverse + 1
        values = period[period_mask]
        return result, [(int(values[i]), None) for i in first]
    class_regions = _components(classes, class_mask)
    keep = period_mask & (class_mask | bare_ground)
    keys = period_regions[keep].astype(np.int64) * (int(class_regions.max()) + 1) + np.where(
        class_mask[keep], class_regions[keep], 0)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    result = np.zeros(period.shape, np.int32)
    result[keep] = inverse + 1
    period_values, class_values, has_class = period[keep], classes[keep], class_mask[keep]
    attrs = [(int(period_values[i]), int(class_values[i]) if has_class[i] else None) for i in first]
    return result, attrs


def polygons(feature_ids, geotransform):
    """{feature id: ogr MultiPolygon} of a feature-id raster (4-connected polygonization)."""
    height, width = feature_ids.shape
    driver = gdal.GetDriverByName("MEM")
    raster = driver.Create("", width, height, 1, gdal.GDT_Int32)
    raster.SetGeoTransform(geotransform)
    band = raster.GetRasterBand(1)
    band.WriteArray(feature_ids.astype(np.int32))
    mask_ds = driver.Create("", width, height, 1, gdal.GDT_Byte)
    mask_ds.GetRasterBand(1).WriteArray((feature_ids > 0).astype(np.uint8))
    layer_ds = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = layer_ds.CreateLayer("p", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    gdal.Polygonize(band, mask_ds.GetRasterBand(1), layer, 0, [], callback=None)
    merged = {}
    for feature in layer:
        geometry = feature.GetGeometryRef().Clone()
        merged.setdefault(feature.GetField("id"), ogr.Geometry(ogr.wkbMultiPolygon)).AddGeometry(geometry)
    return merged


@dataclass
class Feature:
    layer: str
    period: str
    period_start: str
    period_end: str
    klass: str
    geometry: object  # ogr geometry


def _class_name(names, value):
    return BARE_GROUND if value is None else names[value]


def periods_of(res: Results, first_dates, valid, ends):
    """(bin of each pixel's date, mask of pixels exported): relevant pixels with a kept bin."""
    index = period_index(date_numbers(first_dates, valid, res.dates), ends)
    return index, res.relevant & (index != 0) & (index != len(ends))


def _compact(period, mask, classes=None, class_mask=None):
    arrays = [period.astype(np.uint16), mask]
    if classes is not None:
        arrays += [classes.astype(np.uint8), class_mask]
    return arrays


def dieback_pixels(res: Results, ends, thresholds):
    """(period bin, exported mask, confidence class, class mask) of the dieback layer."""
    period, mask = periods_of(res, res.first_date, res.state, ends)
    classes = detection.confidence_class(res.confidence_index, res.current_nb_dates, thresholds)
    return _compact(period, mask, classes, res.confidence_area)


def stress_pixels(res: Results, k, ends, thresholds):
    """(start period bin, exported mask, class, class mask) of the closed stress period ``k``."""
    closed = k < res.nb_periods
    classes = detection.confidence_class(res.stress_index[k], res.nb_dates[k], thresholds)
    start, start_mask = periods_of(res, res.stress_dates[2 * k], closed, ends)
    return _compact(start, start_mask, classes, res.relevant & closed)


def soil_pixels(res: Results, ends):
    """(period bin of the first bare-soil date, exported mask)."""
    return _compact(*periods_of(res, res.soil_first_date, res.soil_state, ends))


def _assemble(state_folder, forest_mask, pick, rows):
    """Whole-window arrays of ``pick(strip results)``, computed strip by strip (small dtypes)."""
    window = load_state(state_folder)["window"]
    parts = [pick(results(state_folder, forest_mask, Window(0, row, window.width, min(rows, window.height - row))))
             for row in range(0, window.height, rows)]
    return [np.concatenate(arrays, axis=0) for arrays in zip(*parts)]


def export_features(state_folder, forest_mask, thresholds, class_names, frequency="ME", start_date="2015-06-23",
                    end_date="2030-01-02", rows=256) -> list:
    """Dieback polygons by period and class, stress periods, and bare soil (soil mode).

    Per-pixel results are read strip by strip; only the periods, classes and masks of one
    layer (3 bytes a pixel) are held for the whole window at a time.
    """
    if len(class_names) != len(thresholds) + 1:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Give one more class name than thresholds "
                                               "({thresholds} thresholds, {names} names)."),
                             thresholds=len(thresholds), names=len(class_names))
    state = load_state(state_folder)
    geotransform = state["grid"].sub_geotransform(state["window"])
    ends = period_ends(start_date, end_date, frequency, state["dates"])
    labels = period_labels(ends)
    features = []

    def add(layer, pick, with_class, bare_ground=True):
        arrays = _assemble(state_folder, forest_mask, pick, rows)
        if not bare_ground and not arrays[3].any():
            return  # fordead skips a stress period no pixel reached
        ids, attrs = features_by_pair(*arrays, bare_ground=bare_ground) if with_class else features_by_pair(*arrays)
        for fid, geometry in polygons(ids, geotransform).items():
            period, klass = attrs[fid - 1]
            features.append(Feature(layer, labels[period - 1], labels[period - 1][:10], ends[period],
                                    _class_name(class_names, klass) if with_class else None, geometry))

    add("dieback", lambda res: dieback_pixels(res, ends, thresholds), True)
    for k in range(state["settings"].max_nb_stress_periods):
        add("stress_periods", lambda res, k=k: stress_pixels(res, k, ends, thresholds), True, bare_ground=False)
    if state["options"].soil_detection:
        add("soil", lambda res: soil_pixels(res, ends), False)
    return features


def write_geopackage_atomically(path, features, crs_wkt):
    """:func:`write_geopackage` to a temporary name, renamed when complete."""
    from ...rasterblocks.io import atomic_path
    with atomic_path(path) as temporary:
        return write_geopackage(temporary, features, crs_wkt)


def write_geopackage(path, features, crs_wkt):
    """One GeoPackage, one layer per kind (dieback, stress_periods, soil), with period dates."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    layers = {}
    for feature in features:
        if feature.layer not in layers:
            layer = ds.CreateLayer(feature.layer, srs, ogr.wkbMultiPolygon)
            for name, kind in (("period", ogr.OFTString), ("period_start", ogr.OFTDate),
                               ("period_end", ogr.OFTDate), ("class", ogr.OFTString), ("area_m2", ogr.OFTReal)):
                layer.CreateField(ogr.FieldDefn(name, kind))
            layers[feature.layer] = layer
        layer = layers[feature.layer]
        out = ogr.Feature(layer.GetLayerDefn())
        out.SetField("period", feature.period)
        out.SetField("period_start", feature.period_start.replace("-", "/"))
        out.SetField("period_end", feature.period_end.replace("-", "/"))
        if feature.klass is not None:
            out.SetField("class", feature.klass)
        out.SetField("area_m2", feature.geometry.GetArea())
        out.SetGeometry(feature.geometry)
        layer.CreateFeature(out)
    ds = None
    return list(layers)


STATE_CODES = {"healthy": 1, "dieback": 2, "bare_soil": 3, "bare_soil_after_dieback": 4}


def result_rasters(res: Results, thresholds) -> dict:
    """name → array of the per-pixel result rasters (0 = no data outside the relevant area):
    first_dieback_date (YYYYMMDD), dieback_state (1 healthy, 2 dieback, 3 bare soil, 4 bare soil
    after dieback), confidence_index (float64, as fordead writes it), confidence_class (1 …)."""
    from .series import dates_as_numbers
    state = np.where(res.state, 2, 1) + np.where(res.soil_state, 2, 0)
    classes = detection.confidence_class(res.confidence_index, res.current_nb_dates, thresholds) + 1
    return {
        "first_dieback_date": np.where(res.relevant, dates_as_numbers(res.first_date, res.state, res.dates), 0),
        "dieback_state": np.where(res.relevant, state, 0).astype(np.uint8),
        "confidence_index": res.confidence_index,
        "confidence_class": np.where(res.confidence_area, classes, 0).astype(np.uint8),
    }


RASTER_NAMES = ("first_dieback_date", "dieback_state", "confidence_index", "confidence_class")
_RASTER_TYPES = {"first_dieback_date": gdal.GDT_Int32, "dieback_state": gdal.GDT_Byte,
                 "confidence_index": gdal.GDT_Float64, "confidence_class": gdal.GDT_Byte}


def write_result_rasters(state_folder, forest_mask, paths: dict, thresholds, rows=256, progress=None,
                         is_cancelled=None):
    """The rasters of :func:`result_rasters` (``paths``: name → file), strip by strip, atomically."""
    state = load_state(state_folder)
    grid, window = state["grid"], state["window"]
    with contextlib.ExitStack() as stack:
        datasets = {}
        for name, path in paths.items():
            temporary = stack.enter_context(atomic_path(path))
            ds = gdal.GetDriverByName("GTiff").Create(temporary, window.width, window.height, 1, _RASTER_TYPES[name],
                                                      ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"])
            ds.SetGeoTransform(grid.sub_geotransform(window))
            ds.SetProjection(grid.crs_wkt)
            ds.GetRasterBand(1).SetNoDataValue(0)
            datasets[name] = ds
        for row in range(0, window.height, rows):
            check_cancel(is_cancelled)
            strip = Window(0, row, window.width, min(rows, window.height - row))
            arrays = result_rasters(results(state_folder, forest_mask, strip), thresholds)
            for name, ds in datasets.items():
                ds.GetRasterBand(1).WriteArray(arrays[name], 0, row)
            if progress:
                progress(min(1.0, (row + rows) / window.height))
        for ds in datasets.values():
            ds.FlushCache()
        datasets.clear()
