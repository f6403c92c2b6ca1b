"""Alpha, beta and functional diversity maps from spectral species, streamed by strips.

Windows are squares of ``window`` × ``window`` pixels. Non-overlapping windows give a
coarser output grid (pixel size × window); a moving window gives one value per pixel
(window centred on it). A window is analysed when more than ``min_valid`` of its
pixels are valid (biodivMapR's ``PCsun > MinSun``); species below ``pcelim`` of a window
are ignored (biodivMapR). Values are the mean over the k-means iterations (one band per
iteration in the spectral-species raster), with their standard deviation (n − 1, as R's
``sd``). Fisher's α is given only where every iteration has more than 2 species
(biodivMapR); beta diversity compares species shares (see :func:`beta_diversity`);
functional diversity standardises the components and skips partial edge windows (see
:func:`functional_diversity`).
"""
import dataclasses
import functools

import numpy as np
from osgeo import gdal, ogr
from scipy.ndimage import uniform_filter

from ...rasterblocks import DataTerraError, atomic_path, check_same_grid, create_like, open_raster
from ...rasterblocks.errors import Message, QT_TRANSLATE_NOOP, RasterError, check_cancel
from ...rasterblocks.execution import map_blocks, sharing_one_cluster
from ...rasterblocks.values import refuse_infinite, to_float32
from . import indices
from .spectral import SPECIES_NODATA

NODATA = -9999.0
STRIP_PIXELS = 1_000_000  # per strip: (iterations × windows × species) counts stay small
MOVING_BYTES = 200_000_000
CLUSTER_STRIPS = 16  # beta and functional diversity on a cluster: at least this many strips (image allowing)
MAX_SPECIES = 65535  # labels of a UInt16 spectral-species raster (N_CLUSTERS <= 65000)
COUNT_BYTES = 2 * 2**30  # species counts of one strip: beyond this, refused rather than swapped


# ---------------------------------------------------------------------------- helpers


def check_window(info, window):
    if window < 1:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "WINDOW must be at least 1 pixel."))
    if window > min(info.width, info.height):
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "WINDOW ({window} pixels) is larger than the image ({width} × "
                              "{height} pixels): choose a smaller window."),
            window=window,
            width=info.width,
            height=info.height
        )


def coarse_grid(info, window):
    """The RasterInfo of the non-overlapping window grid (partial edge windows included)."""
    x0, dx, rx, y0, ry, dy = info.geotransform
    return dataclasses.replace(info, width=-(-info.width // window), height=-(-info.height // window),
                               geotransform=(x0, dx * window, rx, y0, ry, dy * window))


def species_count(info, scheduler=None, is_cancelled=None):
    """Number of spectral species: the largest label in the raster, from one pass over its
    strips (every band at once: a pixel-interleaved raster is decompressed once, and on a
    cluster the workers share the pass).

    Labels outside 0..MAX_SPECIES (±inf, negative, huge) are refused (the rule for
    non-finite values, rasterblocks/values.py)."""
    largest = 0.0  # stays 0 when every band is nodata

    def keep(_strip, ranges):
        nonlocal largest
        for band, extremes in enumerate(ranges):
            for value in extremes or ():
                if not 0 <= value <= MAX_SPECIES:  # NaN, ±inf and huge labels too
                    raise RasterError(QT_TRANSLATE_NOOP(
                        "DataTerraError", "The spectral-species raster {path} holds {value:g} in band {band}: "
                        "species labels are whole numbers from 1 to {max_species} (0 or nodata: no species)."),
                        path=info.path, value=value, band=band + 1, max_species=MAX_SPECIES)
                largest = max(largest, value)

    rows = max(1, STRIP_PIXELS // info.width)
    map_blocks(functools.partial(label_range, info), strips(info.height, rows), keep, scheduler,
               is_cancelled=is_cancelled)
    if largest <= 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The spectral-species raster holds no species "
                                               "(every pixel is masked)."))
    return int(largest)


def label_range(info, strip):
    """(min, max) of the valid labels of each band of one strip ``(row, height)``, None for a
    band without any (nodata and NaN left out; ±inf kept, to be refused)."""
    row, height = strip
    labels = info.open().ReadAsArray(0, row, info.width, height).reshape(info.band_count, height, info.width)
    ranges = []
    for band, nodata in zip(labels, info.nodata):
        valid = band[band != nodata] if nodata is not None else band.ravel()
        if valid.dtype.kind == "f":
            valid = valid[~np.isnan(valid)]
        ranges.append((float(valid.min()), float(valid.max())) if valid.size else None)
    return ranges


def window_ids(rows, cols, window):
    """Row-major index of the non-overlapping window of every pixel of a (rows, cols) strip."""
    wc = -(-cols // window)
    return ((np.arange(rows) // window)[:, None] * wc + (np.arange(cols) // window)[None, :]).ravel()


def window_counts(labels, window, n_species, ids=None):
    """(n_windows, n_species + 1) counts over non-overlapping windows of a label strip.

    Column 0 counts nodata pixels. ``labels`` is (rows, cols); windows in row-major order.
    """
    rows, cols = labels.shape
    n_windows = -(-rows // window) * -(-cols // window)
    ids = window_ids(rows, cols, window) if ids is None else ids
    flat = ids * (n_species + 1) + labels.ravel()
    return np.bincount(flat, minlength=n_windows * (n_species + 1)).reshape(n_windows, n_species + 1).astype(np.int32)


def strip_rows(info, window, rows, scheduler=None):
    """Rows per strip: ``rows`` rounded down to whole windows; on a cluster, small enough for
    at least :data:`CLUSTER_STRIPS` strips, so that the workers share the work evenly (the
    windows, hence the values, do not depend on the strips)."""
    rows = max(window, rows // window * window)
    if scheduler:
        rows = min(rows, max(window, -(-info.height // (CLUSTER_STRIPS * window)) * window))
    return rows


def window_keys(seed, first_window_row, window_rows, window_cols):
    """Random sampling keys of the windows of ``window_rows`` rows of the window grid from
    ``first_window_row``: one seeded stream per row of windows, so a window's key does not
    depend on how the raster is cut into strips."""
    return np.concatenate([np.random.default_rng([seed, first_window_row + offset]).random(window_cols)
                           for offset in range(window_rows)])


def strips(height, rows_per_strip):
    for row in range(0, height, rows_per_strip):
        yield row, min(rows_per_strip, height - row)


def summary(per_iteration, valid):
    """Mean and standard deviation over iterations (NaN where the window is invalid)."""
    stack = np.array(per_iteration)
    with np.errstate(invalid="ignore"), np.testing.suppress_warnings() as sup:
        sup.filter(RuntimeWarning)
        mean, sd = np.nanmean(stack, axis=0), np.nanstd(stack, axis=0, ddof=1)
    return np.where(valid, mean, np.nan), np.where(valid, sd, np.nan)


def as_output(values):
    return to_float32(values, NODATA)


def alpha_band_names(hill_q):
    names = []
    for name in indices.INDEX_NAMES:
        label = f"hill_q{hill_q:g}" if name == "hill" else name
        names += [f"{label}_mean", f"{label}_sd"]
    return names


# ---------------------------------------------------------------------------- alpha


def alpha_diversity(species_path, output_path, window=10, min_valid=0.25, pcelim=0.02, moving=False,
                    hill_q=2.0, progress=None, is_cancelled=None, scheduler=None):
    """Alpha diversity maps: one band per index (mean, sd over iterations); see module doc.

    ``scheduler`` says where the strips are computed (``rasterblocks.execution``)."""
    info = open_raster(species_path)
    check_window(info, window)
    with sharing_one_cluster(scheduler):  # the species count and the passes: one cluster
        n_species = species_count(info, scheduler, is_cancelled)
        check_count_memory(info, window, n_species, moving)
        grid = info if moving else coarse_grid(info, window)
        names = alpha_band_names(hill_q)
        if moving:
            # the moving window holds (iterations × species) float32 counts per pixel
            rows_per_strip = max(1, MOVING_BYTES // (4 * info.width * info.band_count * n_species))
        else:
            rows_per_strip = max(window, (STRIP_PIXELS // info.width) // window * window)
        strip_alpha = functools.partial(alpha_strip, info, window, n_species, min_valid, pcelim, hill_q, moving)
        with atomic_path(output_path) as temporary:
            out = create_like(temporary, grid, np.float32, len(names), NODATA, names)

            def write(_strip, result):
                bands, out_row = result
                for index, values in enumerate(bands):
                    out.GetRasterBand(index + 1).WriteArray(values, 0, out_row)

            map_blocks(strip_alpha, strips(info.height, rows_per_strip), write, scheduler, progress, is_cancelled)
            out.FlushCache()
            out = None
        return output_path


def alpha_strip(info, window, n_species, min_valid, pcelim, hill_q, moving, strip):
    """(float32 index bands, output row) of one strip ``(row, height)``: the block work of
    :func:`alpha_diversity`, reading the labels by path wherever it runs."""
    row, height = strip
    ds = info.open()
    if moving:
        counts, valid_share, shape, out_row = _moving_counts(ds, info, row, height, window, n_species)
    else:
        counts, valid_share, shape, out_row = _block_counts(ds, info, row, height, window, n_species)
    bands = _alpha_from_counts(counts, valid_share > min_valid, pcelim, hill_q)  # biodivMapR's PCsun > MinSun
    return [as_output(values).reshape(shape) for values in bands], out_row


def _alpha_from_counts(counts, valid, pcelim, hill_q):
    per_index = {name: [] for name in indices.INDEX_NAMES}
    for iteration_counts in counts:
        values = indices.alpha_indices(indices.apply_pcelim(iteration_counts, pcelim), hill_q)
        for name in indices.INDEX_NAMES:
            per_index[name].append(values[name])
    # biodivMapR leaves Fisher's α undefined (NA) for a window as soon as one iteration has
    # 2 species or fewer there
    fisher_defined = valid & (np.min(per_index["richness"], axis=0) > 2)
    bands = []
    for name in indices.INDEX_NAMES:
        bands.extend(summary(per_index[name], fisher_defined if name == "fisher" else valid))
    return bands


def _read_labels(ds, info, row, height):
    """Labels as int64 (nodata: 0); a fractional label is refused (species_count checked the range)."""
    labels = ds.ReadAsArray(0, row, info.width, height).reshape(info.band_count, height, info.width)
    for band, nodata in enumerate(info.nodata):
        if nodata is not None:
            labels[band][labels[band] == nodata] = SPECIES_NODATA
    if labels.dtype.kind == "f":
        labels[np.isnan(labels)] = SPECIES_NODATA
        fractional = labels != np.floor(labels)
        if fractional.any():
            raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "The spectral-species raster {path} holds "
                                                "{value:g}: species labels are whole numbers."),
                              path=info.path, value=float(labels[fractional][0]))
    return labels.astype(np.int64)


def check_count_memory(info, window, n_species, moving):
    """Refuse a label range whose counts would not fit :data:`COUNT_BYTES` per strip."""
    if moving:  # float32 counts of (iterations × species) per pixel, at least one row
        needed = 4 * info.width * info.band_count * n_species
    else:  # per window: an int64 bincount and int32 counts per iteration
        windows = max(STRIP_PIXELS, window * info.width) / (window * window)
        needed = windows * (n_species + 1) * (8 + 4 * info.band_count)
    if needed > COUNT_BYTES:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "The largest spectral-species label of {path} is "
                                            "{n_species}: counting that many species per window needs {gigabytes:.1f} "
                                            "GB. Number the species 1..K without gaps, or use a larger WINDOW."),
                          path=info.path, n_species=n_species, gigabytes=needed / 1e9)


def _block_counts(ds, info, row, height, window, n_species):
    labels = _read_labels(ds, info, row, height)
    ids = window_ids(height, info.width, window)
    counts = np.array([window_counts(band, window, n_species, ids) for band in labels])
    # share of the full window size: partial edge windows need as many valid pixels
    valid_share = (counts[0].sum(axis=1) - counts[0][:, 0]) / (window * window)
    shape = (-(-height // window), -(-info.width // window))
    return counts[:, :, 1:], valid_share, shape, row // window


def _moving_counts(ds, info, row, height, window, n_species):
    """Counts of the window centred on every pixel of the strip (box sums per species)."""
    half_before = window // 2
    top = max(0, row - half_before)
    bottom = min(info.height, row + height + (window - 1 - half_before))
    labels = _read_labels(ds, info, top, bottom - top)
    inner = slice(row - top, row - top + height)
    area = float(window * window)
    counts = np.empty((info.band_count, height * info.width, n_species), dtype=np.float32)
    for it, band in enumerate(labels):
        for species in range(1, n_species + 1):
            box = uniform_filter((band == species).astype(np.float32), size=window, mode="constant")
            counts[it, :, species - 1] = np.rint(box[inner] * area).ravel()
    valid_share = counts[0].sum(axis=1) / area
    return counts, valid_share, (height, info.width), row


# ---------------------------------------------------------------------------- beta


def beta_diversity(species_path, output_path, window=10, n_samples=2000, dimensions=3, min_valid=0.25,
                   pcelim=0.02, neighbours=3, seed=0, progress=None, is_cancelled=None, scheduler=None):
    """Beta diversity map (biodivMapR): Bray-Curtis between windows, PCoA, then projection.

    1. one pass keeps a seeded uniform random sample of ``n_samples`` valid windows
       (smallest random keys), with their species profiles: the counts left after
       ``pcelim``, as shares of their window, shares below ``pcelim`` zeroed again
       (biodivMapR's ``normalize_SSD``);
    2. Bray-Curtis dissimilarities between them (mean over iterations; an empty profile is
       at 1 from everything, as in biodivMapR), PCoA to ``dimensions`` axes;
    3. a second pass places every window at the inverse-distance weighted mean of the
       PCoA coordinates of its ``neighbours`` least dissimilar sampled windows.
    Output: a ``dimensions``-band raster on the window grid (bands ready for an RGB).
    ``scheduler`` says where the strips of both passes are computed (``rasterblocks.execution``);
    the PCoA runs here.
    """
    info = open_raster(species_path)
    check_window(info, window)
    with sharing_one_cluster(scheduler):  # the species count and the passes: one cluster
        n_species = species_count(info, scheduler, is_cancelled)
        check_count_memory(info, window, n_species, False)
        grid = coarse_grid(info, window)
        all_strips = list(strips(info.height, strip_rows(info, window, STRIP_PIXELS // info.width, scheduler)))
        step = progress or (lambda f: None)
        keys, sampled = np.empty(0), None

        def keep_smallest_keys(_strip, result):
            nonlocal keys, sampled
            strip_keys, new = result
            keys = np.concatenate([keys, strip_keys])
            sampled = new if sampled is None else np.concatenate([sampled, new], axis=1)
            if len(keys) > n_samples:
                best = np.argpartition(keys, n_samples)[:n_samples]
                keys, sampled = keys[best], sampled[:, best]

        map_blocks(functools.partial(beta_sample_strip, info, window, n_species, min_valid, pcelim, n_samples, seed),
                   all_strips, keep_smallest_keys, scheduler, lambda fraction: step(0.4 * fraction), is_cancelled)
        if sampled is None or sampled.shape[1] < 3:
            raise DataTerraError(
                QT_TRANSLATE_NOOP("DataTerraError", "Fewer than 3 windows have enough valid pixels for beta diversity: "
                                  "lower MIN_VALID or WINDOW, or check the spectral-species raster's mask.")
            )
        sampled = sampled[:, np.argsort(keys)]
        dissimilarity = indices.bray_curtis(sampled[0], sampled[0], empty=1.0)
        for iteration in sampled[1:]:  # running sum: one N_SAMPLES² matrix in memory
            dissimilarity += indices.bray_curtis(iteration, iteration, empty=1.0)
        dissimilarity /= len(sampled)
        coordinates, _ = indices.pcoa(dissimilarity, dimensions)
        check_cancel(is_cancelled)
        step(0.5)
        names = [f"PCoA {i + 1}" for i in range(dimensions)]
        place_strip = functools.partial(beta_place_strip, info, window, n_species, min_valid, pcelim, sampled,
                                        coordinates, neighbours)
        with atomic_path(output_path) as temporary:
            out = create_like(temporary, grid, np.float32, dimensions, NODATA, names)

            def write(_strip, result):
                axes, out_row = result
                for axis, values in enumerate(axes):
                    out.GetRasterBand(axis + 1).WriteArray(values, 0, out_row)

            map_blocks(place_strip, all_strips, write, scheduler,
                       lambda fraction: step(0.5 + 0.5 * fraction), is_cancelled)
            out.FlushCache()
            out = None
        return {"output": output_path, "samples": int(sampled.shape[1])}


def _beta_profiles_of_strip(info, window, n_species, pcelim, row, height):
    counts, share, shape, out_row = _block_counts(info.open(), info, row, height, window, n_species)
    return np.array([indices.beta_profiles(c, pcelim) for c in counts]), share, shape, out_row


def beta_sample_strip(info, window, n_species, min_valid, pcelim, n_samples, seed, strip):
    """(random keys, profiles) of the valid windows of one strip ``(row, height)`` with the
    ``n_samples`` smallest keys: the strip's share of the sample of :func:`beta_diversity`
    (the overall smallest keys are among each strip's smallest)."""
    row, height = strip
    profiles, share, shape, _ = _beta_profiles_of_strip(info, window, n_species, pcelim, row, height)
    chosen = np.flatnonzero(share > min_valid)
    keys = window_keys(seed, row // window, *shape)[chosen]
    profiles = profiles[:, chosen]
    if len(keys) > n_samples:
        best = np.argpartition(keys, n_samples)[:n_samples]
        keys, profiles = keys[best], profiles[:, best]
    return keys, profiles


def beta_place_strip(info, window, n_species, min_valid, pcelim, sampled, coordinates, neighbours, strip):
    """(float32 PCoA bands, output row) of one strip ``(row, height)``: every valid window
    placed among the sampled ones (:func:`place_by_neighbours`)."""
    row, height = strip
    profiles, share, shape, out_row = _beta_profiles_of_strip(info, window, n_species, pcelim, row, height)
    placed = np.full((len(share), coordinates.shape[1]), np.nan)
    valid = np.flatnonzero(share > min_valid)
    if len(valid):
        placed[valid] = place_by_neighbours(profiles[:, valid], sampled, coordinates, neighbours)
    return [as_output(placed[:, axis]).reshape(shape) for axis in range(coordinates.shape[1])], out_row


def place_by_neighbours(counts, sampled, coordinates, neighbours, chunk=512):
    """Inverse-distance weighted PCoA coordinates of the nearest sampled windows."""
    placed = np.empty((counts.shape[1], coordinates.shape[1]))
    k = min(neighbours, sampled.shape[1])
    for start in range(0, counts.shape[1], chunk):
        part = slice(start, start + chunk)
        d = indices.bray_curtis(counts[0][part], sampled[0], empty=1.0)
        for c, s in zip(counts[1:], sampled[1:]):  # running sum: one (chunk, n_samples) array
            d += indices.bray_curtis(c[part], s, empty=1.0)
        d /= len(counts)
        nearest = np.argpartition(d, k - 1, axis=1)[:, :k]
        dist = np.take_along_axis(d, nearest, axis=1)
        weights = 1.0 / np.maximum(dist, 1e-9)
        exact = dist <= 1e-12
        weights = np.where(exact.any(axis=1, keepdims=True), exact.astype(float), weights)
        placed[part] = (weights[:, :, None] * coordinates[nearest]).sum(1) / weights.sum(1, keepdims=True)
    return placed


# ---------------------------------------------------------------------------- functional


FUNCTIONAL_NAMES = ("FRic", "FEve", "FDiv")


def functional_diversity(pca_path, output_path, window=10, dimensions=3, min_valid=0.25,
                         mask_path=None, progress=None, is_cancelled=None, standardise=True,
                         edge_windows=False, scheduler=None):
    """FRic, FEve and FDiv (Villéger et al. 2008) per non-overlapping window of a PCA raster.

    Every valid pixel of a window is an "individual" with equal weight in the space of
    the first ``dimensions`` principal components. ``standardise`` (biodivMapR): each
    component is first mapped to (x − (Q1 − 1.5·IQR)) / (4·IQR), quartiles over every valid
    pixel of the raster (:func:`component_fences`); otherwise PCA units are used (FRic in
    units^dimensions). Partial windows at the right and bottom edges get no value unless
    ``edge_windows`` (biodivMapR skips them). A window needs more than ``min_valid`` of
    its pixels valid and at least max(4, dimensions + 1) of them. The fences are computed
    here; ``scheduler`` says where the strips are then computed (``rasterblocks.execution``).
    """
    info = open_raster(pca_path)
    check_window(info, window)
    if dimensions < 1 or dimensions > info.band_count:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "DIMENSIONS must be between 1 and the number of PCA "
                                               "bands ({band_count})."), band_count=info.band_count)
    if window * window <= dimensions:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "WINDOW is too small: a convex hull needs more "
                                               "pixels than dimensions."))
    if mask_path:
        problems = check_same_grid(info, open_raster(mask_path))
        if problems:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The mask {mask_path} does not share the PCA "
                                                   "raster's grid ({problems}); resample it onto that grid first."),
                mask_path=mask_path,
                problems=', '.join(problems))
    grid = coarse_grid(info, window)
    rows_per_strip = strip_rows(info, window, STRIP_PIXELS // (info.width * dimensions), scheduler)
    step = progress or (lambda f: None)
    fences = component_fences(info.open(), info, dimensions, is_cancelled) if standardise else None
    step(0.1)
    # in this process the strip also checks cancel between its windows; a worker cannot call back
    strip_functional = functools.partial(functional_strip, info, mask_path, window, dimensions, min_valid, fences,
                                         edge_windows, is_cancelled=None if scheduler else is_cancelled)
    with atomic_path(output_path) as temporary:
        out = create_like(temporary, grid, np.float32, 3, NODATA, list(FUNCTIONAL_NAMES))
        computed = 0

        def write(_strip, result):
            nonlocal computed
            values, windows, out_row = result
            computed += windows
            for band, band_values in enumerate(values):
                out.GetRasterBand(band + 1).WriteArray(band_values, 0, out_row)

        map_blocks(strip_functional, strips(info.height, rows_per_strip), write, scheduler,
                   lambda fraction: step(0.1 + 0.9 * fraction), is_cancelled)
        if not computed:  # refused like an input without species (alpha, beta)
            raise no_valid_window(info.path)
        out.FlushCache()
        out = None
    return output_path


def no_valid_window(path):
    """The refusal of a PCA raster without a computable window (every pixel nodata or masked)."""
    return RasterError(QT_TRANSLATE_NOOP("DataTerraError", "No window of the PCA raster {path} has enough "
                                         "valid pixels (every pixel is nodata or masked, or MIN_VALID is too "
                                         "high): nothing to compute."), path=path)


def _valid_band_values(band, nodata, row, height, width):
    values = band.ReadAsArray(0, row, width, height).ravel()
    keep = np.isfinite(values)
    if nodata is not None:
        keep &= values != nodata
    return values[keep]


def r_quantile(values, probability):
    """R's default ``quantile`` (type 7) of a 1-D array, partitioned in place (no sorted copy)."""
    position = (len(values) - 1) * probability
    low = int(np.floor(position))
    high = min(low + 1, len(values) - 1)
    values.partition([low, high])
    weight = position - low
    return (1.0 - weight) * float(values[low]) + weight * float(values[high])


def component_fences(ds, info, dimensions, is_cancelled=None, weight=1.5):
    """(offset, scale) per component: Q1 − w·IQR and (Q3 + w·IQR) − (Q1 − w·IQR) = (1 + 2w)·IQR.

    Quartiles over every valid pixel of the band, as biodivMapR computes them before
    functional diversity (one band in memory at a time, float32).
    """
    offsets, scales = [], []
    for b in range(dimensions):
        check_cancel(is_cancelled)
        band = ds.GetRasterBand(b + 1)
        values = np.empty(info.width * info.height, dtype=np.float32)  # one band, filled strip by strip
        count = 0
        for row, height in strips(info.height, max(1, STRIP_PIXELS // info.width)):
            valid = _valid_band_values(band, info.nodata[b], row, height, info.width)
            values[count:count + len(valid)] = valid
            count += len(valid)
        values = values[:count]
        if len(values) == 0:
            raise no_valid_window(info.path)
        q1, q3 = r_quantile(values, 0.25), r_quantile(values, 0.75)
        offsets.append(q1 - weight * (q3 - q1))
        scales.append((1.0 + 2.0 * weight) * (q3 - q1) or 1.0)
        del values
    return np.array(offsets), np.array(scales)


def functional_strip(info, mask_path, window, dimensions, min_valid, fences, edge_windows, strip,
                     is_cancelled=None):
    """(3 float32 bands FRic, FEve, FDiv, number of computed windows, output row) of one strip
    ``(row, height)``: the block work of :func:`functional_diversity`, reading by path."""
    row, height = strip
    mask_ds = gdal.Open(str(mask_path)) if mask_path else None
    values = _functional_strip(info.open(), mask_ds, info, row, height, window, dimensions, min_valid,
                               is_cancelled, fences)
    computed = int(np.isfinite(values).any(axis=1).sum())
    values = values.reshape(-(-height // window), -(-info.width // window), 3)
    if not edge_windows:
        values[:, info.width // window:] = np.nan
        if height % window:
            values[height // window:] = np.nan
    return [as_output(values[:, :, band]) for band in range(3)], computed, row // window


def _functional_strip(ds, mask_ds, info, row, height, window, dimensions, min_valid, is_cancelled,
                      fences=None, chunk=64):
    data = np.stack([ds.GetRasterBand(b + 1).ReadAsArray(0, row, info.width, height)
                     for b in range(dimensions)]).astype(np.float64)
    refuse_infinite(data, Message(QT_TRANSLATE_NOOP("DataTerraError", "The PCA raster {path}"), path=info.path))
    valid = np.all(np.isfinite(data), axis=0)
    for b in range(dimensions):
        nodata = info.nodata[b]
        if nodata is not None:
            valid &= data[b] != nodata
    if mask_ds is not None:
        valid &= mask_ds.GetRasterBand(1).ReadAsArray(0, row, info.width, height) != 0
    if fences is not None:
        data = (data - fences[0][:, None, None]) / fences[1][:, None, None]
    points, keep = _window_stack(data, valid, window)
    values = np.full((len(points), 3), np.nan)
    counts = keep.sum(axis=1)
    enough = np.flatnonzero((counts > min_valid * window * window) & (counts >= max(4, dimensions + 1)))
    for start in range(0, len(enough), chunk):
        check_cancel(is_cancelled)
        part = enough[start:start + chunk]
        values[part, 1] = indices.functional_evenness_of_windows(points[part], keep[part])
        for number in part:  # one convex hull per window gives FRic and FDiv
            values[number, 0], values[number, 2] = indices.functional_richness_and_divergence(
                points[number][keep[number]])
    return values


def _window_stack(data, valid, window):
    """Pixels of every non-overlapping window: (n_windows, window², bands) values and validity.

    Windows in row-major order; partial edge windows are padded with invalid pixels.
    """
    bands, height, width = data.shape
    rows, cols = -(-height // window), -(-width // window)
    padded = np.zeros((bands, rows * window, cols * window))
    padded[:, :height, :width] = data
    ok = np.zeros((rows * window, cols * window), dtype=bool)
    ok[:height, :width] = valid
    points = padded.reshape(bands, rows, window, cols, window).transpose(1, 3, 2, 4, 0)
    keep = ok.reshape(rows, window, cols, window).transpose(0, 2, 1, 3)
    return points.reshape(rows * cols, window * window, bands), keep.reshape(rows * cols, window * window)


# ---------------------------------------------------------------------------- plots


def plot_counts(species_path, plots, progress=None, is_cancelled=None):
    """Species counts inside every plot: list of (plot_id, (n_iter, n_species) counts, valid pixels).

    ``plots`` is a list of (plot_id, WKT polygon in the raster's CRS); a pixel belongs to
    a plot when its centre is inside (GDAL rasterisation).
    """
    info = open_raster(species_path)
    ds = info.open()
    n_species = species_count(info, is_cancelled=is_cancelled)
    results = []
    for number, (plot_id, wkt) in enumerate(plots):
        check_cancel(is_cancelled)
        geometry = ogr.CreateGeometryFromWkt(wkt)
        if geometry is None or geometry.IsEmpty():
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Plot {plot_id} has an empty or invalid "
                                                   "geometry."), plot_id=plot_id)
        c0, r0, width, height = _plot_window(geometry, info)
        c1, r1 = c0 + width, r0 + height
        counts = np.zeros((info.band_count, n_species))
        valid_pixels = 0
        if c1 > c0 and r1 > r0:
            inside = _rasterise(geometry, info, c0, r0, c1 - c0, r1 - r0)
            labels = ds.ReadAsArray(c0, r0, c1 - c0, r1 - r0).reshape(info.band_count, r1 - r0, c1 - c0)
            for it in range(info.band_count):
                picked = labels[it][inside]
                counts[it] = np.bincount(picked, minlength=n_species + 1)[1:n_species + 1]
            valid_pixels = int((labels[0][inside] != SPECIES_NODATA).sum())
        results.append((plot_id, counts, valid_pixels))
        if progress:
            progress((number + 1) / max(len(plots), 1))
    return results


def _plot_window(geometry, info):
    """(col, row, width, height) of the pixels covering a plot's envelope, clipped to the raster."""
    x0, dx, _, y0, _, dy = info.geotransform
    xmin, xmax, ymin, ymax = geometry.GetEnvelope()
    c0 = max(0, int(np.floor((xmin - x0) / dx)))
    c1 = min(info.width, int(np.ceil((xmax - x0) / dx)))
    r0 = max(0, int(np.floor((ymax - y0) / dy)))
    r1 = min(info.height, int(np.ceil((ymin - y0) / dy)))
    return c0, r0, c1 - c0, r1 - r0


def plot_functional(pca_path, plots, dimensions=3, is_cancelled=None):
    """FRic, FEve, FDiv of the valid PCA pixels of every plot: (n_plots, 3) array (NaN if too few)."""
    info = open_raster(pca_path)
    if dimensions < 1 or dimensions > info.band_count:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "DIMENSIONS must be between 1 and the number of PCA "
                                               "bands ({band_count})."), band_count=info.band_count)
    ds = info.open()
    values = np.full((len(plots), 3), np.nan)
    for number, (_, wkt) in enumerate(plots):
        check_cancel(is_cancelled)
        geometry = ogr.CreateGeometryFromWkt(wkt)
        col, row, width, height = _plot_window(geometry, info)
        if width <= 0 or height <= 0:
            continue
        inside = _rasterise(geometry, info, col, row, width, height)
        data = np.stack([ds.GetRasterBand(b + 1).ReadAsArray(col, row, width, height) for b in range(dimensions)])
        keep = inside & np.all(np.isfinite(data), axis=0)
        for b in range(dimensions):
            if info.nodata[b] is not None:
                keep &= data[b] != info.nodata[b]
        points = data[:, keep].T.astype(np.float64)
        if len(points) > dimensions:
            values[number] = (indices.functional_richness(points), indices.functional_evenness(points),
                              indices.functional_divergence(points))
    return values


def _rasterise(geometry, info, col, row, width, height):
    x0, dx, _, y0, _, dy = info.geotransform
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    target.SetGeoTransform((x0 + col * dx, dx, 0, y0 + row * dy, 0, dy))
    source = ogr.GetDriverByName("Memory").CreateDataSource("plot")
    layer = source.CreateLayer("plot", srs=info.srs if info.crs_wkt else None)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geometry)
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.ReadAsArray().astype(bool)


def diversity_at_plots(species_path, plots, pcelim=0.02, hill_q=2.0, pca_path=None, dimensions=3,
                       progress=None, is_cancelled=None):
    """Every alpha index (mean, sd over iterations) per plot and the plots' Bray-Curtis matrix.

    With ``pca_path``, FRic, FEve and FDiv of the plot's pixels are added. Returns
    (rows, names, matrix): rows are dicts, ``matrix`` the (n_plots, n_plots) Bray-Curtis
    dissimilarity averaged over iterations.
    """
    gathered = plot_counts(species_path, plots, progress, is_cancelled)
    if not gathered:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "No plot was given."))
    names = alpha_band_names(hill_q)
    stack = np.array([c for _, c, _ in gathered])  # (plots, iterations, species)
    by_iteration = [indices.apply_pcelim(stack[:, it], pcelim) for it in range(stack.shape[1])]
    valid = np.array([v > 0 for _, _, v in gathered])
    bands = _alpha_from_counts(by_iteration, valid, pcelim=0.0, hill_q=hill_q)
    rows = []
    for index, (plot_id, _, valid_pixels) in enumerate(gathered):
        row = {"plot_id": plot_id, "valid_pixels": valid_pixels}
        row.update({name: float(bands[b][index]) for b, name in enumerate(names)})
        rows.append(row)
    if pca_path:
        functional = plot_functional(pca_path, plots, dimensions, is_cancelled)
        names = names + list(FUNCTIONAL_NAMES)
        for row, values in zip(rows, functional):
            row.update({name: float(v) for name, v in zip(FUNCTIONAL_NAMES, values)})
    matrix = np.mean([indices.bray_curtis(c, c) for c in by_iteration], axis=0)
    return rows, names, matrix
