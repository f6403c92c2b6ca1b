"""The detection run: Sentinel-2 products → per-pixel model, dieback and stress state.

One pass per block over the dates (memory bounded by the block, not by the number of
dates): each date is read over the block, its index and mask computed, then the block's
training or detection advances (:mod:`.detection`). The state of every pixel is written to
a folder of GeoTIFFs plus ``state.json`` (documented open formats, no pickles); a later run
with new dates continues from it without retraining and gives exactly what one run over
all dates gives.

State folder::

    state.json                 parameters, dates used (index order), dates dropped, grid
    coeffs.tif                 5 × float64 model coefficients (NaN without model)
    first_detection.tif        uint16 index of the first detection date (0 = no model)
    phase.tif                  uint8 0 training, 1 detecting, 2 insufficient coverage
    n_valid.tif, ata.tif, atb.tif  training accumulators (normal equations)
    state.tif, count.tif, first_date.tif, first_date_unconfirmed.tif   dieback
    nb_periods.tif, dates.tif, cum_diff.tif, nb_dates.tif              stress periods
    soil_state.tif, soil_count.tif, soil_first_date.tif                bare soil (soil mode)
"""
import functools
import json
import shutil
import uuid
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from osgeo import gdal, gdal_array

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError, check_cancel
from ...rasterblocks.execution import map_blocks
from ...rasterblocks.io import GTIFF_TILE, Window, fast_compression
from . import detection, masks, products as s2
from .formula import parse, vegetation_index

STATE_VERSION = 1
DEFAULT_BLOCK = 256  # 256 × 256 px: a block's per-date temporaries stay in the processor's cache
# pixels of a task on a Dask cluster (~300 bytes of state a pixel: ~150 MB). A worker holds its task's
# state and a serialised copy while sending it, and this process receives it: a whole strip of a
# 10,980-px tile (~830 MB) would take the three processes of a 2-worker cluster over 4 GB.
TASK_PIXELS = 2048 * 256


@dataclass
class IndexOptions:
    """How each date becomes a masked vegetation index (fordead's step 1)."""

    vi: str = "CRSWIR"
    formula: str = None  # a user index formula instead of ``vi``
    sign: int = None  # its direction with dieback, +1 or −1
    mask_formula: str = "(B2 >= 700)"
    mask_precedence: str = "python"  # fordead's reading; "logical" is the fix
    soil_detection: bool = False
    apply_source_mask: bool = False
    cloud_limit: float = 0.4  # −1: keep every date
    cloudiness_in_area: bool = False  # fix: cloudiness over the area, not the whole product
    start_date: str = "2015-01-01"
    ignored_period: tuple = None  # ("11-01", "05-01"): dates between these month-days (winter) are ignored
    swath_band: str = None  # None: fordead's, the first band of its band set (B8A in its tutorial)
    swath_any_band: bool = False  # fix: outside the swath when any band is negative
    reflectance: str = "FRE"
    sen2cor_offset: bool = False  # fix: remove the +1000 offset of Sen2Cor baseline ≥ 04.00


class SeriesError(DataTerraError):
    """A series that cannot be processed as asked."""


@dataclass
class Plan:
    """Dates and settings of one run, and where it starts in the date list."""

    options: IndexOptions
    settings: detection.Settings
    dates: list  # every date used, in index order (previous runs' dates first)
    first_new: int  # index of the first date this run processes
    grid: s2.Grid
    window: Window
    groups: dict  # date → products
    cloudiness: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)

    @cached_property
    def stack_bands(self):
        """The bands fordead stacks for a date, in its order: shadows are tested on all of them,
        the swath on the first."""
        index, _ = vegetation_index(self.options.vi, self.options.formula, self.options.sign)
        mask_bands = () if self.options.soil_detection or not self.options.mask_formula else parse(
            self.options.mask_formula, self.options.mask_precedence).bands
        return tuple(masks.fordead_bands(index.bands, mask_bands, self.options.soil_detection))

    @property
    def swath_band(self):
        return self.options.swath_band or self.stack_bands[0]

    @cached_property
    def bands(self):
        """The bands read: the stack, and a swath band chosen outside it."""
        return tuple(dict.fromkeys(self.stack_bands + (self.swath_band,)))

    def detection_start(self):
        """(first index allowed to start detection, last training index) as fordead sets them."""
        last_training = sum(d <= self.settings.max_last_date_training for d in self.dates) - 1
        if self.dates and self.dates[-1] < self.settings.min_last_date_training:
            # the series stops before the last training dates (a run with an early UNTIL): no pixel
            # may start detecting yet; the update that brings those dates decides, as one run would
            return len(self.dates), last_training
        before = sum(d < self.settings.min_last_date_training for d in self.dates[:last_training + 1]) - 1
        if before == last_training:
            before -= 1  # fordead moves the start back one date to keep a detection date
        return before + 1, last_training


def _in_ignored_period(date, period):
    """fordead keeps the dates strictly between the two month-days ("05-01" < MM-DD < "11-01")."""
    if not period:
        return False
    return not (min(period) < date[5:] < max(period))


def select_dates(groups, options: IndexOptions, window20=None, after=None, known=None, until=None):
    """(kept dates, dropped dates, cloudiness by date) by start date and cloudiness."""
    kept, dropped, cloudiness = [], [], dict(known or {})
    for date, products in groups.items():
        if date < options.start_date or (after and date <= after) or (until and date > until) or \
                _in_ignored_period(date, options.ignored_period):
            continue
        if options.cloud_limit == -1:
            kept.append(date)
            continue
        if date not in cloudiness:
            cloudiness[date] = s2.cloudiness(products, window20 if options.cloudiness_in_area else None)
        (kept if cloudiness[date] <= options.cloud_limit else dropped).append(date)
    return kept, dropped, cloudiness


def plan_run(folder, options: IndexOptions, settings: detection.Settings, extent=None, previous=None,
             until=None, training=True) -> Plan:
    """Find the products, choose the dates (up to ``until``) and the window; ``previous`` is a
    loaded state."""
    groups = s2.group_by_date(s2.find_products(folder, options.reflectance, options.sen2cor_offset))
    all_products = [p for group in groups.values() for p in group]
    grid = s2.reference_grid(all_products) if previous is None else previous["grid"]
    window = grid.window_of_extent(extent) if extent is not None and previous is None else (
        previous["window"] if previous else Window(0, 0, grid.width, grid.height))
    window20 = Window(window.col // 2, window.row // 2, (window.col + window.width - 1) // 2 - window.col // 2 + 1,
                      (window.row + window.height - 1) // 2 - window.row // 2 + 1)  # the 20 m pixels it covers
    old_dates = previous["dates"] if previous else []
    kept, dropped, cloudiness = select_dates(groups, options, window20, after=old_dates[-1] if old_dates else None,
                                             known=previous.get("cloudiness") if previous else None, until=until)
    plan = Plan(options, settings, old_dates + kept, len(old_dates), grid, window,
                {d: groups[d] for d in kept}, cloudiness, (previous["dropped"] if previous else []) + dropped)
    s2.check_products([p for d in kept for p in groups[d]], grid, plan.bands)
    if previous is None and training:
        start, last_training = plan.detection_start()
        if last_training + 1 <= settings.nb_min_date:
            raise SeriesError(QT_TRANSLATE_NOOP("DataTerraError", "Too few dates for training: {count} dates kept "
                                                "(cloudiness ≤ {limit}) up to {last}, but the model needs more than "
                                                "{needed} valid dates per pixel. Add earlier products or lower the "
                                                "minimum number of dates."),
                              count=last_training + 1, limit=options.cloud_limit,
                              last=settings.max_last_date_training, needed=settings.nb_min_date)
    return plan


class _Outputs:
    """The state GeoTIFFs of a run, written block by block into a temporary folder."""

    def __init__(self, folder: Path, plan: Plan, shapes: dict):
        self.folder = folder
        self.datasets = {}
        driver = gdal.GetDriverByName("GTiff")
        geotransform = plan.grid.sub_geotransform(plan.window)
        options = fast_compression() + ["TILED=YES", "BIGTIFF=IF_SAFER"]
        for name, (dtype, bands) in shapes.items():
            ds = driver.Create(str(folder / f"{name}.tif"), plan.window.width, plan.window.height, bands,
                               gdal_array.NumericTypeCodeToGDALTypeCode(np.dtype(dtype)), options)
            ds.SetGeoTransform(geotransform)
            ds.SetProjection(plan.grid.crs_wkt)
            self.datasets[name] = ds

    def write(self, name, array, window: Window):
        ds = self.datasets[name]
        stack = array if array.ndim == 3 else array[None]
        for band in range(stack.shape[0]):
            ds.GetRasterBand(band + 1).WriteArray(stack[band].astype(_dtype(ds), copy=False), window.col, window.row)

    def flush(self):
        """Compress and write what is cached now (on a cluster, while the workers compute the
        next strips, rather than all at the end)."""
        for ds in self.datasets.values():
            ds.FlushCache()

    def close(self):
        self.flush()
        self.datasets.clear()


def _dtype(ds):
    return gdal_array.GDALTypeCodeToNumericTypeCode(ds.GetRasterBand(1).DataType)


def _state_shapes(settings: detection.Settings, soil: bool) -> dict:
    periods = settings.max_nb_stress_periods + 1
    shapes = {"n_valid": (np.uint16, 1), "ata": (np.float64, 15), "atb": (np.float64, 5), "phase": (np.uint8, 1),
              "first_detection": (np.uint16, 1), "coeffs": (np.float64, 5), "state": (np.uint8, 1),
              "count": (np.uint8, 1), "first_date": (np.uint16, 1), "first_date_unconfirmed": (np.uint16, 1),
              "nb_periods": (np.uint8, 1), "dates": (np.uint16, 2 * periods - 1), "cum_diff": (np.float64, periods),
              "nb_dates": (np.uint16, periods)}
    if soil:
        shapes.update({"soil_state": (np.uint8, 1), "soil_count": (np.uint16, 1), "soil_first_date": (np.uint16, 1)})
    return shapes


def run(folder, state_folder, options: IndexOptions = None, settings: detection.Settings = None, extent=None,
        block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None, on_date=None, until=None, detect=True,
        scheduler=None):
    """Process the products of ``folder`` into the state folder ``state_folder``.

    When ``state_folder`` already holds a state, only dates after its last date are processed,
    from that state, with its parameters (``options``/``settings`` are then ignored).
    ``on_date(date_index, date, block_window, vi, mask, anomaly)`` sees every block date (tests,
    index series). Dates after ``until`` are left for a later run; ``detect=False`` only trains
    (a state for :func:`fit_model`, not to be continued). ``scheduler`` says where the strips
    of blocks are computed (``rasterblocks.execution``; ``on_date`` needs this process).
    Returns the plan.
    """
    state_folder = Path(state_folder)
    _refuse_foreign_folder(state_folder)
    previous = load_state(state_folder) if (state_folder / "state.json").exists() else None
    if previous:
        options, settings = previous["options"], previous["settings"]
    options = options or IndexOptions()
    settings = settings or detection.Settings()
    _, settings.sign = vegetation_index(options.vi, options.formula, options.sign)
    plan = plan_run(folder, options, settings, extent, previous, until)
    temporary = state_folder.with_name(f".{state_folder.name}.{uuid.uuid4().hex[:8]}.part")
    temporary.mkdir(parents=True)
    try:
        outputs = _Outputs(temporary, plan, _state_shapes(settings, options.soil_detection))
        try:
            _process_blocks(plan, outputs, previous, block_size, progress, is_cancelled, on_date, state_folder,
                            detect, scheduler)
        finally:
            outputs.close()
        _write_json(temporary / "state.json", plan)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    if state_folder.exists():
        old = state_folder.with_name(f".{state_folder.name}.{uuid.uuid4().hex[:8]}.old")
        state_folder.rename(old)
        temporary.rename(state_folder)
        shutil.rmtree(old, ignore_errors=True)
    else:
        temporary.rename(state_folder)
    return plan


def _refuse_foreign_folder(folder: Path):
    """The state folder is replaced at the end of a run: refuse one holding anything else."""
    if not folder.is_dir():
        return
    known = {"state.json"} | {f"{name}.tif" for name in _state_shapes(detection.Settings(), soil=True)}
    foreign = sorted(p.name for p in folder.iterdir() if p.name not in known and not p.name.endswith(".aux.xml"))
    if foreign:
        raise SeriesError(QT_TRANSLATE_NOOP("DataTerraError", "The folder {folder} holds other files than a "
                                            "detection state ({names}…): choose a new or empty folder for the "
                                            "state."), folder=str(folder), names=", ".join(foreign[:3]))


def _blocks(window: Window, size: int):
    for row in range(0, window.height, size):
        for col in range(0, window.width, size):
            yield Window(col, row, min(size, window.width - col), min(size, window.height - row))


def _padded(plan: Plan, block: Window, halo: int) -> tuple:
    """(window on the product grid with up to ``halo`` pixels around, slices of ``block`` in it)."""
    col0 = max(0, plan.window.col + block.col - halo)
    row0 = max(0, plan.window.row + block.row - halo)
    col1 = min(plan.grid.width, plan.window.col + block.col + block.width + halo)
    row1 = min(plan.grid.height, plan.window.row + block.row + block.height + halo)
    inner_row = plan.window.row + block.row - row0
    inner_col = plan.window.col + block.col - col0
    return Window(col0, row0, col1 - col0, row1 - row0), (slice(inner_row, inner_row + block.height),
                                                         slice(inner_col, inner_col + block.width))


def _strips(window: Window, size: int, most_pixels: int = None):
    """The blocks of ``window`` grouped by rows of blocks (each date's files are opened once per strip),
    each row cut into strips of at most ``most_pixels`` pixels (at least one block) if given."""
    rows = {}
    for block in _blocks(window, size):
        rows.setdefault(block.row, []).append(block)
    per_strip = max(1, most_pixels // (size * size)) if most_pixels else window.width
    return [row[start:start + per_strip] for row in rows.values() for start in range(0, len(row), per_strip)]


def strip_dates(plan: Plan, index, strip, soils=None, is_cancelled=None):
    """For each new date: (date index, date, [(block, index values, mask) of each block of ``strip``]).

    In soil mode ``soils`` holds each block's bare-soil state over the block and its halo,
    advanced date by date. A date's files are opened once for the whole strip.
    """
    options = plan.options
    mask_formula = None if options.soil_detection or not options.mask_formula else parse(
        options.mask_formula, options.mask_precedence)
    halo = masks.CLOUD_GROWTH if options.soil_detection else 0
    windows = [_padded(plan, block, halo) for block in strip]
    soils = soils or [None] * len(strip)
    for offset, date in enumerate(plan.dates[plan.first_new:]):
        date_index = plan.first_new + offset
        group, opened, items = plan.groups[date], {}, []
        for block, (read_window, inner), soil in zip(strip, windows, soils):
            check_cancel(is_cancelled)
            bands = s2.read_bands(group, plan.bands, read_window, plan.grid, opened)
            vi = np.asarray(index.evaluate(bands), dtype=np.float64)
            invalid = ~np.isfinite(vi)
            vi[invalid] = 0
            cloudy = s2.read_cloud_mask(group, read_window, plan.grid, opened) if options.apply_source_mask else None
            mask = masks.date_mask(bands, invalid, mask_formula=mask_formula, soil=soil, date_index=date_index,
                                   swath_band=plan.swath_band, swath_any_band=options.swath_any_band,
                                   shadow_bands=plan.stack_bands,
                                   source_cloudy=cloudy)
            items.append((block, vi[inner], mask[inner]))
        yield date_index, date, items


def _process_blocks(plan, outputs, previous, block_size, progress, is_cancelled, on_date, state_folder,
                    detect=True, scheduler=None):
    in_process = not (scheduler or "").strip()
    # on a cluster a strip's state travels between processes: strips of bounded size
    strips = _strips(plan.window, block_size, None if in_process else TASK_PIXELS)
    # in this process a strip also reports progress and checks cancel date by date; a worker cannot call back
    callbacks = {"on_date": on_date, "is_cancelled": is_cancelled, "progress": (
        lambda number, fraction: progress((number + fraction) / len(strips))) if progress else None} \
        if in_process else {}
    compute = functools.partial(detect_strip, plan, previous, state_folder, detect, **callbacks)

    # strips of whole tiles: flushed once written (a partly written tile would be written twice)
    whole_tiles = block_size % GTIFF_TILE == 0

    def write(_strip, blocks):
        for block, arrays in blocks:
            for name, array in arrays.items():
                outputs.write(name, array, block)
        if whole_tiles:
            outputs.flush()

    map_blocks(compute, list(enumerate(strips)), write, scheduler, None if in_process else progress, is_cancelled)


def detect_strip(plan, previous, state_folder, detect, numbered_strip, on_date=None, is_cancelled=None,
                 progress=None):
    """[(block, {state name: array})] of one strip ``(number, [blocks])``: the block work of
    :func:`run` (training and detection over every new date), reading the products and the
    previous state by path wherever it runs."""
    number, strip = numbered_strip
    settings = plan.settings
    index, _ = vegetation_index(plan.options.vi, plan.options.formula, plan.options.sign)
    start, _ = plan.detection_start()
    new_dates = plan.dates[plan.first_new:]
    terms = {d: detection.harmonic_terms(d) for d in new_dates}
    halo = masks.CLOUD_GROWTH if plan.options.soil_detection else 0
    states, soils = zip(*(_initial_state(previous, state_folder, plan, block, _padded(plan, block, halo)[0],
                                         settings, plan.options) for block in strip))
    for offset, (date_index, date, items) in enumerate(strip_dates(plan, index, strip, soils, is_cancelled)):
        for (block, vi, mask), state in zip(items, states):
            if date <= settings.max_last_date_training:
                detection.train_step(state, ~mask, vi, terms[date], date_index, start <= date_index,
                                     settings.nb_min_date)
            else:
                detection.end_training(state)
            anomaly = None
            if detect and date >= settings.min_last_date_training:
                anomaly = detection.detect_step(state, mask, vi, terms[date], date_index, settings)
            if on_date:
                on_date(date_index, date, block, vi, mask, anomaly)
        if progress:
            progress(number, (offset + 1) / max(1, len(new_dates)))
    written = []
    for block, state, soil in zip(strip, states, soils):
        detection.forget_finished_training(state)
        # an array of zeros is not sent nor written: the state rasters' unwritten tiles are zeros
        arrays = {name: array for name, array in state.arrays().items() if array.any()}
        if soil is not None:
            inner = _padded(plan, block, halo)[1]
            arrays.update({f"soil_{name}": getattr(soil, name)[inner] for name in ("state", "count", "first_date")})
        written.append((block, arrays))
    return written


def _initial_state(previous, state_folder, plan, block, read_window, settings, options):
    shape = (block.height, block.width)
    if previous is None:
        state = detection.BlockState.empty(shape, settings.max_nb_stress_periods)
        soil = masks.SoilState.empty((read_window.height, read_window.width)) if options.soil_detection else None
        return state, soil
    arrays = {name: _read_state(state_folder / f"{name}.tif", block) for name in detection.BlockState.empty(
        (1, 1), settings.max_nb_stress_periods).arrays()}
    arrays["state"] = arrays["state"].astype(bool)
    state = detection.BlockState(**arrays)
    soil = None
    if options.soil_detection:
        local = Window(read_window.col - plan.window.col, read_window.row - plan.window.row,
                       read_window.width, read_window.height)
        soil = masks.SoilState(_read_state(state_folder / "soil_state.tif", local).astype(bool),
                               _read_state(state_folder / "soil_count.tif", local),
                               _read_state(state_folder / "soil_first_date.tif", local))
    return state, soil


def _read_state(path, window):
    ds = gdal.Open(str(path))
    array = ds.ReadAsArray(window.col, window.row, window.width, window.height)
    return array if ds.RasterCount > 1 else array.reshape(window.height, window.width)


def _write_json(path, plan: Plan):
    start, last_training = plan.detection_start()
    document = {
        "format": "dataterra-foresthealth-state", "version": STATE_VERSION,
        "options": asdict(plan.options), "settings": asdict(plan.settings),
        "dates": plan.dates, "dropped_dates": plan.dropped, "cloudiness": plan.cloudiness,
        "detection_start": [start, last_training],
        "grid": {"width": plan.grid.width, "height": plan.grid.height, "geotransform": list(plan.grid.geotransform),
                 "crs_wkt": plan.grid.crs_wkt},
        "window": [plan.window.col, plan.window.row, plan.window.width, plan.window.height],
    }
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")


def load_state(folder) -> dict:
    """The JSON part of a state folder, with its options, settings, grid and window rebuilt."""
    path = Path(folder) / "state.json"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeriesError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot read the detection state {path}: {exc}"),
                          path=str(path), exc=exc) from exc
    if document.get("format") != "dataterra-foresthealth-state":
        raise SeriesError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a forest-health detection state."),
                          path=str(path))
    grid = document["grid"]
    return {
        "options": IndexOptions(**document["options"]), "settings": detection.Settings(**document["settings"]),
        "dates": document["dates"], "dropped": document["dropped_dates"], "cloudiness": document["cloudiness"],
        "detection_start": tuple(document["detection_start"]), "folder": Path(folder),
        "grid": s2.Grid(grid["width"], grid["height"], tuple(grid["geotransform"]), grid["crs_wkt"]),
        "window": Window(*document["window"]),
    }


def fit_model(folder, coefficients_path, first_date_path=None, options: IndexOptions = None,
              settings: detection.Settings = None, extent=None, block_size=DEFAULT_BLOCK, progress=None,
              is_cancelled=None, scheduler=None):
    """The harmonic model alone: a 5-band float64 raster of coefficients (NaN without model) and,
    optionally, the first detection date of each pixel (YYYYMMDD, 0 without model); the training
    runs where ``scheduler`` says (:func:`run`)."""
    settings = settings or detection.Settings()
    workspace = Path(coefficients_path).with_name(f".{Path(coefficients_path).stem}.{uuid.uuid4().hex[:8]}.model")
    try:
        plan = run(folder, workspace, options, settings, extent, block_size, progress, is_cancelled,
                   until=settings.max_last_date_training, detect=False, scheduler=scheduler)
        phase = gdal.Open(str(workspace / "phase.tif")).ReadAsArray()
        first = gdal.Open(str(workspace / "first_detection.tif")).ReadAsArray()
        coeffs = gdal.Open(str(workspace / "coeffs.tif")).ReadAsArray()
        coeffs[:, phase != 1] = np.nan
        write_raster(coefficients_path, coeffs, plan, nodata=None,
                     descriptions=["c1 constant", "c2 sin(2πt/T)", "c3 cos(2πt/T)", "c4 sin(4πt/T)", "c5 cos(4πt/T)"])
        if first_date_path:
            write_raster(first_date_path, dates_as_numbers(first, phase == 1, plan.dates), plan, nodata=0)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return plan


def dates_as_numbers(indices, valid, dates):
    """YYYYMMDD integers of ``dates[indices]`` where ``valid``, else 0."""
    numbers = np.array([int(d.replace("-", "")) for d in dates], dtype=np.int32)
    return np.where(valid, numbers[indices.astype(np.intp)], 0).astype(np.int32)


def write_raster(path, array, plan_or_grid, nodata=None, descriptions=None):
    """Write ``array`` ((bands,) h, w) on the run's window, atomically."""
    from ...rasterblocks.io import atomic_path
    if isinstance(plan_or_grid, Plan):
        geotransform, crs_wkt = plan_or_grid.grid.sub_geotransform(plan_or_grid.window), plan_or_grid.grid.crs_wkt
    else:
        geotransform, crs_wkt = plan_or_grid
    stack = array if array.ndim == 3 else array[None]
    with atomic_path(path) as temporary:
        ds = gdal.GetDriverByName("GTiff").Create(
            temporary, stack.shape[2], stack.shape[1], stack.shape[0],
            gdal_array.NumericTypeCodeToGDALTypeCode(stack.dtype), ["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetGeoTransform(geotransform)
        ds.SetProjection(crs_wkt)
        for k in range(stack.shape[0]):
            band = ds.GetRasterBand(k + 1)
            if nodata is not None:
                band.SetNoDataValue(nodata)
            if descriptions:
                band.SetDescription(descriptions[k])
            band.WriteArray(stack[k])
        ds = None


def index_series(folder, output_path, options: IndexOptions = None, extent=None, block_size=DEFAULT_BLOCK,
                 progress=None, is_cancelled=None):
    """The masked vegetation index of every kept date: one float32 band per date (named by its
    date, NaN where masked), written block by block."""
    from ...rasterblocks.io import atomic_path
    options = options or IndexOptions()
    index, _ = vegetation_index(options.vi, options.formula, options.sign)
    plan = plan_run(folder, options, detection.Settings(), extent, training=False)
    if not plan.dates:
        raise SeriesError(QT_TRANSLATE_NOOP("DataTerraError", "No date passes the cloudiness limit {limit}."),
                          limit=options.cloud_limit)
    strips = _strips(plan.window, block_size)
    with atomic_path(output_path) as temporary:
        ds = gdal.GetDriverByName("GTiff").Create(
            temporary, plan.window.width, plan.window.height, len(plan.dates), gdal.GDT_Float32,
            ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER", "INTERLEAVE=BAND"])
        ds.SetGeoTransform(plan.grid.sub_geotransform(plan.window))
        ds.SetProjection(plan.grid.crs_wkt)
        for k, date in enumerate(plan.dates):
            ds.GetRasterBand(k + 1).SetDescription(date)
            ds.GetRasterBand(k + 1).SetNoDataValue(float("nan"))
        ds.SetMetadataItem("DATES", ",".join(plan.dates))
        halo = masks.CLOUD_GROWTH if options.soil_detection else 0
        for number, strip in enumerate(strips):
            soils = [masks.SoilState.empty((w.height, w.width)) for w, _ in (_padded(plan, b, halo) for b in strip)] \
                if options.soil_detection else None
            for date_index, _, items in strip_dates(plan, index, strip, soils, is_cancelled):
                for block, vi, mask in items:
                    values = np.where(mask, np.nan, vi).astype(np.float32)
                    ds.GetRasterBand(date_index + 1).WriteArray(values, block.col, block.row)
                if progress:
                    progress((number * len(plan.dates) + date_index + 1) / (len(strips) * len(plan.dates)))
        ds = None
    return plan
