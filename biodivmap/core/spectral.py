"""Spectral species (Féret & Asner 2014; biodivMapR, Féret & de Boissieu 2020).

Pipeline, every step streamed by blocks of pixels:

1. reflectance scale detection (integers ×10,000 are rescaled to 0-1, and said so);
2. masks: nodata, user mask, NDVI below a threshold (non-vegetation), NIR below a
   threshold (shade), blue above a threshold (clouds), then an inter-quartile range
   outlier filter (values outside [Q1 - w·IQR, Q3 + w·IQR], w = 4 by default);
3. bands in the water-vapour absorption ranges dropped (biodivMapR's 0-400, 895-1005,
   1320-1480 and 1780-2040 nm); optional continuum removal (reflectance divided by its
   upper convex hull across wavelengths; the first and last bands, always 1, are dropped);
4. PCA fitted on a seeded random subsample of valid pixels (default 100,000), on
   standardised bands by default (biodivMapR's SPCA) or on the covariance;
5. k-means with ``n_clusters`` centroids, repeated ``n_iter`` times on disjoint
   random partitions of that subsample. By default as biodivMapR v1.14.6 does it: each
   kept component rescaled to its inter-quartile fences, (x − m0)/(M0 − m0) with
   m0 = Q1 − w·IQR, M0 = Q3 + w·IQR (w = 2; biodivMapR v2 uses 3), then R's
   Hartigan–Wong k-means from 10 random starts, at most 50 iterations
   (:mod:`.hartigan_wong`). Option ``clustering="lloyd"``: the plugin's former
   clustering, Lloyd with k-means++ seeding on the raw component scores;
6. every pixel projected on the kept components (rescaled like the sample) and
   labelled with its nearest centroid of every iteration: one spectral-species band
   per iteration.

Memory is bounded by the block size and the subsample size, not by the image size.
"""
import functools
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal
from scipy.spatial import cKDTree

from ...rasterblocks import DataTerraError, RasterError, atomic_path, create_like, iter_windows, open_raster
from ...rasterblocks.errors import Message, QT_TRANSLATE_NOOP, check_cancel
from ...rasterblocks.execution import map_blocks
from ...rasterblocks.values import refuse_infinite
from . import hartigan_wong, sensors

SPECIES_NODATA = 0  # species are numbered 1..n_clusters
PCA_NODATA = -9999.0
MODEL_FORMAT = "dataterra-biodivmap-model/1"
# biodivMapR's Excluded_WL (nm): water-vapour absorption, and below 400 nm
WATER_VAPOUR_NM = ((0.0, 400.0), (895.0, 1005.0), (1320.0, 1480.0), (1780.0, 2040.0))
CLUSTERINGS = ("hartigan_wong", "lloyd")
PCA_TYPES = ("standardised", "covariance")


@dataclass
class MaskSettings:
    """Automatic mask thresholds (reflectance 0-1, NDVI unitless)."""

    ndvi_min: float = 0.3
    shade_nir_min: float = 0.15
    cloud_blue_max: float = 0.10
    iqr_weight: float = 4.0

    @classmethod
    def biodivmapr(cls):
        """biodivMapR's radiometric filter: NDVI > 0.8, NIR > 1500 and blue < 500 on reflectance × 10,000."""
        return cls(ndvi_min=0.8, shade_nir_min=0.15, cloud_blue_max=0.05)


@dataclass
class SpectralModel:
    """Everything needed to classify another image with the same spectral species."""

    wavelengths_nm: list
    scale_factor: float
    masks: MaskSettings
    continuum_removal: bool
    iqr_low: np.ndarray
    iqr_high: np.ndarray
    pca_mean: np.ndarray
    pca_components: np.ndarray  # (n_components, n_features)
    explained_variance_ratio: np.ndarray  # of the kept components
    centroids: np.ndarray  # (n_iter, n_clusters, n_components), in the clustering space
    info: dict = field(default_factory=dict)
    # clustering space = (scores - cluster_offset) / cluster_scale (biodivMapR's IQR fences; 0 and 1 for Lloyd)
    cluster_offset: np.ndarray = None
    cluster_scale: np.ndarray = None
    kept_bands: list = None  # band indices used (water-vapour bands dropped); None: all

    def __post_init__(self):
        if self.cluster_offset is None:
            self.cluster_offset = np.zeros(self.n_components)
        if self.cluster_scale is None:
            self.cluster_scale = np.ones(self.n_components)

    def clustering_space(self, scores):
        return (scores - self.cluster_offset) / self.cluster_scale

    @property
    def n_components(self):
        return self.pca_components.shape[0]

    @property
    def n_iter(self):
        return self.centroids.shape[0]

    @property
    def n_clusters(self):
        return self.centroids.shape[1]

    def save(self, path):
        """Write the model as a NumPy ``.npz`` of plain arrays plus a JSON header (no pickle)."""
        header = {
            "format": MODEL_FORMAT,
            "wavelengths_nm": list(map(float, self.wavelengths_nm)),
            "scale_factor": float(self.scale_factor),
            "masks": vars(self.masks),
            "continuum_removal": bool(self.continuum_removal),
            "kept_bands": None if self.kept_bands is None else [int(b) for b in self.kept_bands],
            "info": self.info,
        }
        final = Path(path)
        with atomic_path(final) as temporary:
            with open(temporary, "wb") as stream:
                np.savez(stream, header=np.array(json.dumps(header)), iqr_low=self.iqr_low,
                         iqr_high=self.iqr_high, pca_mean=self.pca_mean,
                         pca_components=self.pca_components,
                         explained_variance_ratio=self.explained_variance_ratio,
                         centroids=self.centroids, cluster_offset=self.cluster_offset,
                         cluster_scale=self.cluster_scale)
        return str(final)

    @classmethod
    def load(cls, path):
        try:
            arrays = _model_arrays(path)
            header = json.loads(str(arrays.pop("header")))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a spectral-species model written "
                                                   "by Data Terra ({exc})."), path=path, exc=exc) from exc
        if header.get("format") != MODEL_FORMAT:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "{path} is not a spectral-species model of "
                                                   "format {model_format}."), path=path, model_format=MODEL_FORMAT)
        return cls(header["wavelengths_nm"], header["scale_factor"], MaskSettings(**header["masks"]),
                   header["continuum_removal"], info=header.get("info", {}),
                   kept_bands=header.get("kept_bands"), **arrays)


# a model is kilobytes (centroids, PCA axes): a larger archive is not one
MAX_MODEL_BYTES = 64 * 2**20
_NPY_HEADER_READERS = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}


def _model_arrays(path):
    """{name: array} of a model's ``.npz``, each array's size checked before it is allocated: a
    hostile archive may declare gigabytes in a few bytes (a deflated member, or an .npy header
    announcing more values than the member holds, which numpy would allocate before reading)."""
    arrays = {}
    with zipfile.ZipFile(str(path)) as archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_MODEL_BYTES:
            raise ValueError(f"it unpacks to {unpacked} bytes, more than the {MAX_MODEL_BYTES} of a model")
        for member in members:
            with archive.open(member) as stream:
                _check_npy_header(stream, member)
            with archive.open(member) as stream:
                arrays[member.filename.removesuffix(".npy")] = np.lib.format.read_array(stream, allow_pickle=False)
    return arrays


def _check_npy_header(stream, member):
    reader = _NPY_HEADER_READERS.get(np.lib.format.read_magic(stream))
    if reader is None:
        raise ValueError(f"{member.filename} is not an array of a supported .npy version")
    shape, _, dtype = reader(stream)
    if dtype.hasobject or int(np.prod(shape, dtype=object)) * dtype.itemsize > member.file_size:
        raise ValueError(f"{member.filename} announces {shape} values of {dtype}, more than it holds")


# ---------------------------------------------------------------------------- reading


def read_pixels(dataset, window):
    """(n_pixels, n_bands) float32 reflectance of ``window``, row-major."""
    block = dataset.ReadAsArray(window.col, window.row, window.width, window.height)
    return block.reshape(dataset.RasterCount, -1).T.astype(np.float32, copy=False)


def band_metadata(path):
    ds = gdal.Open(str(path))
    return [{"description": ds.GetRasterBand(i + 1).GetDescription(),
             "metadata": ds.GetRasterBand(i + 1).GetMetadata()} for i in range(ds.RasterCount)]


def nodata_mask(info, pixels):
    """True where every band is valid (not nodata, not NaN); a valid ±inf is refused
    (the rule for non-finite values, rasterblocks/values.py)."""
    valid = np.all(~np.isnan(pixels), axis=1)
    for band, nodata in enumerate(info.nodata):
        if nodata is not None and not np.isnan(nodata):
            valid &= pixels[:, band] != np.float32(nodata)
    refuse_infinite(pixels[valid], info.path)
    return valid


def detect_scale(info, block=512, max_blocks=16):
    """Factor that brings the image to reflectance 0-1, and a message saying why.

    Integer images and images whose valid values go well above 1 (95th percentile
    above 1.5) are taken as reflectance × 10,000 (Sentinel-2 L2A, THEIA, SPOT/Pléiades
    reflectance products).
    """
    ds = info.open()
    values = []
    for index, window in enumerate(iter_windows(info.width, info.height, block)):
        if index >= max_blocks:
            break
        pixels = read_pixels(ds, window)
        values.append(pixels[::37][nodata_mask(info, pixels[::37])])  # every 37th pixel is plenty
    values = np.concatenate(values) if values else np.empty((0, info.band_count))
    if values.size == 0:
        return 1.0, ""
    high = float(np.percentile(values, 95))
    if np.issubdtype(info.dtype, np.integer) or high > 1.5:
        if high > 15000 * 1.5:
            raise DataTerraError(
                QT_TRANSLATE_NOOP("DataTerraError", "Reflectance values go up to {high:.0f}: neither 0-1 nor ×10,000 "
                                  "reflectance. Use a surface reflectance product (e.g. Sentinel-2 L2A)."),
                high=high
            )
        return 1e-4, Message(QT_TRANSLATE_NOOP(
            "DataTerraError", "Reflectance stored as integers scaled ×10,000 detected (95th percentile {high:.0f}): "
            "values are divided by 10,000 before masking and PCA."), high=high)
    return 1.0, ""


# ---------------------------------------------------------------------------- masks


def vegetation_mask(pixels, wavelengths, masks: MaskSettings):
    """True for pixels passing the NDVI, shade and cloud thresholds (reflectance 0-1)."""
    keep = np.ones(len(pixels), dtype=bool)
    red = sensors.band_near(wavelengths, sensors.RED_NM)
    nir = sensors.band_near(wavelengths, sensors.NIR_NM)
    blue = sensors.band_near(wavelengths, sensors.BLUE_NM)
    if red is not None and nir is not None and masks.ndvi_min is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            ndvi = (pixels[:, nir] - pixels[:, red]) / (pixels[:, nir] + pixels[:, red])
        keep &= ndvi >= masks.ndvi_min
    if nir is not None and masks.shade_nir_min is not None:
        keep &= pixels[:, nir] >= masks.shade_nir_min
    if blue is not None and masks.cloud_blue_max is not None:
        keep &= pixels[:, blue] <= masks.cloud_blue_max
    return keep


def unavailable_masks(wavelengths, masks: MaskSettings):
    """Messages for the automatic masks that cannot apply: no band near the wavelength they need."""
    red, nir, blue = (QT_TRANSLATE_NOOP("DataTerraError", "red"), QT_TRANSLATE_NOOP("DataTerraError", "near infrared"),
                      QT_TRANSLATE_NOOP("DataTerraError", "blue"))
    needs = (("NDVI", masks.ndvi_min, ((sensors.RED_NM, red), (sensors.NIR_NM, nir))),
             (QT_TRANSLATE_NOOP("DataTerraError", "shade"), masks.shade_nir_min, ((sensors.NIR_NM, nir),)),
             (QT_TRANSLATE_NOOP("DataTerraError", "cloud"), masks.cloud_blue_max, ((sensors.BLUE_NM, blue),)))
    shown = ", ".join(f"{w:g}" for w in wavelengths)
    messages = []
    for mask, threshold, bands in needs:
        missing = [(name, nm) for nm, name in bands if sensors.band_near(wavelengths, nm) is None]
        if threshold is None or not missing:
            continue
        if len(missing) == 1:
            (band, band_nm), = missing
            messages.append(Message(QT_TRANSLATE_NOOP(
                "DataTerraError", "The {mask} mask is not applied: no band near {band} (~{band_nm:g} nm) among the "
                "image's wavelengths ({wavelengths} nm). Check the sensor preset or the wavelengths, or mask those "
                "pixels with MASK."), mask=mask, band=band, band_nm=band_nm, wavelengths=shown))
        else:
            (band, band_nm), (other, other_nm) = missing
            messages.append(Message(QT_TRANSLATE_NOOP(
                "DataTerraError", "The {mask} mask is not applied: no band near {band} (~{band_nm:g} nm) or {other} "
                "(~{other_nm:g} nm) among the image's wavelengths ({wavelengths} nm). Check the sensor preset or the "
                "wavelengths, or mask those pixels with MASK."),
                mask=mask, band=band, band_nm=band_nm, other=other, other_nm=other_nm, wavelengths=shown))
    return messages


def iqr_fences(sample, weight):
    """Per-feature [Q1 - w·IQR, Q3 + w·IQR] of a sample, float64 (quartiles as R's default ``quantile``)."""
    q1, q3 = np.percentile(sample, [25, 75], axis=0)
    spread = q3 - q1
    return q1 - weight * spread, q3 + weight * spread


def iqr_bounds(sample, weight):
    """Per-feature outlier fences of the reflectance sample (Tukey's fences, w = 4 in biodivMapR), float32."""
    low, high = iqr_fences(sample, weight)
    return low.astype(np.float32), high.astype(np.float32)


def within(features, low, high):
    return np.all((features >= low) & (features <= high), axis=1)


def continuum_removed(pixels, wavelengths):
    """Reflectance divided by its upper convex hull over wavelength (Clark & Roush 1984).

    The hull at band j is the largest chord value over band pairs a ≤ j ≤ b (the concave
    majorant in 1-D), vectorised over pixels. The first and last bands (always 1) are
    dropped, so the result has ``n_bands - 2`` features.
    """
    x = np.asarray(wavelengths, dtype=np.float64)
    order = np.argsort(x)
    x, y = x[order], pixels[:, order]
    n = len(x)
    hull = y.copy()
    for a in range(n):
        for b in range(a + 2, n):
            t = (x[a + 1:b] - x[a]) / (x[b] - x[a])
            chord = y[:, [a]] * (1 - t) + y[:, [b]] * t
            np.maximum(hull[:, a + 1:b], chord, out=hull[:, a + 1:b])
    with np.errstate(divide="ignore", invalid="ignore"):
        removed = np.where(hull > 0, y / hull, 0.0)
    return removed[:, 1:-1].astype(np.float32)


# ---------------------------------------------------------------------------- preparation


@dataclass
class Preparation:
    """What turns raw block pixels into features (scale, masks, continuum removal)."""

    info: object
    wavelengths: list
    scale_factor: float
    masks: MaskSettings
    continuum_removal: bool
    iqr_low: np.ndarray = None
    iqr_high: np.ndarray = None
    kept_bands: list = None

    @property
    def feature_wavelengths(self):
        if self.kept_bands is None:
            return self.wavelengths
        return [self.wavelengths[b] for b in self.kept_bands]

    def features(self, pixels, extra_mask=None):
        """(features of the valid pixels, boolean valid mask over all pixels)."""
        valid = nodata_mask(self.info, pixels)
        if extra_mask is not None:
            valid &= extra_mask
        pixels = pixels * np.float32(self.scale_factor)
        valid &= vegetation_mask(pixels, self.wavelengths, self.masks)
        features = pixels[valid]
        if self.kept_bands is not None:
            features = features[:, self.kept_bands]
        if self.continuum_removal:
            features = continuum_removed(features, self.feature_wavelengths)
        if self.iqr_low is not None:
            inside = within(features, self.iqr_low, self.iqr_high)
            valid[np.flatnonzero(valid)[~inside]] = False
            features = features[inside]
        return features, valid


def read_user_mask(mask_info, dataset, window):
    """True where the user's mask raster keeps the pixel (non-zero, not nodata)."""
    if mask_info is None:
        return None
    values = dataset.GetRasterBand(1).ReadAsArray(window.col, window.row, window.width, window.height).ravel()
    return (values != 0) & mask_info.valid_mask(values)


def open_mask(image_info, mask_path):
    if not mask_path:
        return None, None
    mask_info = open_raster(mask_path)
    from ...rasterblocks import check_same_grid

    problems = check_same_grid(image_info, mask_info)
    if problems:
        raise RasterError(QT_TRANSLATE_NOOP("DataTerraError", "The mask {mask_path} does not share the image's grid "
                                            "({problems}); resample it onto the image first (Raster > Projections > "
                                            "Warp)."), mask_path=mask_path, problems=', '.join(problems))
    return mask_info, mask_info.open()


def sample_features(prep, mask_path, size, seed, block, progress=None, is_cancelled=None):
    """A seeded uniform random sample of ``size`` valid pixels' features, gathered block-wise.

    Every valid pixel gets a random key from a generator seeded by (seed, block number);
    the pixels with the ``size`` smallest keys over the whole image are kept, so the
    sample is uniform, reproducible and never needs more than one block in memory.
    """
    info = prep.info
    ds = info.open()
    mask_info, mask_ds = open_mask(info, mask_path)
    kept_keys = np.empty(0)
    kept = None
    windows = list(iter_windows(info.width, info.height, block))
    for number, window in enumerate(windows):
        check_cancel(is_cancelled)
        features, _ = prep.features(read_pixels(ds, window), read_user_mask(mask_info, mask_ds, window))
        keys = np.random.default_rng([seed, number]).random(len(features))
        kept_keys = np.concatenate([kept_keys, keys])
        kept = features if kept is None else np.concatenate([kept, features])
        if len(kept_keys) > size:
            best = np.argpartition(kept_keys, size)[:size]
            kept_keys, kept = kept_keys[best], kept[best]
        if progress:
            progress((number + 1) / len(windows))
    if kept is None or len(kept) == 0:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "No valid pixel left: the image is entirely masked (nodata, user "
                              "mask, NDVI, shade, cloud thresholds). Check the nodata value, the reflectance scale "
                              "and lower the NDVI or shade thresholds.")
        )
    order = np.argsort(kept_keys)  # reproducible order independent of block merging
    return kept[order]


# ---------------------------------------------------------------------------- PCA + k-means


def fit_pca(sample, n_components=0, variance=0.98, standardised=False):
    """Centred PCA by eigen-decomposition of the covariance (mean, components, ratios), float64.

    ``n_components`` > 0 keeps that many axes; 0 keeps the fewest explaining
    ``variance`` of the total. Signs are fixed (largest loading positive) so that the
    result does not depend on the LAPACK build. ``standardised``: PCA of the bands divided
    by their standard deviation (n − 1), R's ``prcomp(scale = TRUE)``, biodivMapR's SPCA;
    the returned components then include that division (scores = (x − mean) @ components.T).
    """
    mean = sample.mean(axis=0, dtype=np.float64)
    centred = sample - mean
    spread = np.ones(sample.shape[1])
    if standardised:
        spread = centred.std(axis=0, ddof=1)
        spread[~(spread > 0)] = 1.0  # a constant band adds nothing; biodivMapR drops it
        centred = centred / spread
    covariance = centred.T @ centred / max(len(sample) - 1, 1)
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    ratios = values / values.sum() if values.sum() > 0 else np.zeros_like(values)
    if n_components <= 0:
        n_components = int(np.searchsorted(np.cumsum(ratios), variance) + 1)
    n_components = min(n_components, len(values))
    components = vectors[:, :n_components].T
    signs = np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])
    components *= signs[:, None]
    return mean, components / spread[None, :], ratios[:n_components]


def project(features, mean, components):
    return (features - mean) @ components.T


def squared_distances(points, centroids):
    """(n_points, n_centroids) squared Euclidean distances, computed by matrix products."""
    d = (points * points).sum(1)[:, None] - 2.0 * points @ centroids.T + (centroids * centroids).sum(1)[None, :]
    return np.maximum(d, 0)


def nearest_centroid(points, centroids):
    """Index of the nearest centroid of every point (exact Euclidean).

    Uses scikit-learn's chunked ``pairwise_distances_argmin`` when it is installed (about
    3 × faster), else a scipy k-d tree (O(n log k)); both keep memory per call small.
    """
    if len(points) == 0:
        return np.empty(0, dtype=np.int64)
    centroids = np.asarray(centroids, dtype=points.dtype)
    try:
        from sklearn.metrics import pairwise_distances_argmin
    except ImportError:
        return cKDTree(centroids).query(points)[1].astype(np.int64)
    return pairwise_distances_argmin(points, centroids).astype(np.int64)


def kmeans(points, n_clusters, rng, max_iter=300, tol=1e-4, n_init=3):
    """Lloyd's k-means with greedy k-means++ seeding (Arthur & Vassilvitskii 2007); best of ``n_init``.

    Stops when the centroids move less than ``tol`` × the mean per-feature variance
    (squared), the criterion of scikit-learn's KMeans.
    """
    points = points.astype(np.float64)
    n_clusters = min(n_clusters, len(points))
    threshold = tol * np.mean(points.var(axis=0))
    best, best_inertia = None, np.inf
    for _ in range(n_init):
        centroids = _kmeans_plus_plus(points, n_clusters, rng)
        for _ in range(max_iter):
            labels = nearest_centroid(points, centroids)
            counts = np.bincount(labels, minlength=n_clusters)
            sums = np.column_stack([np.bincount(labels, weights=points[:, d], minlength=n_clusters)
                                    for d in range(points.shape[1])])
            moved = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centroids)
            shift = np.sum((moved - centroids) ** 2)
            centroids = moved
            if shift <= threshold:
                break
        inertia = np.min(squared_distances(points, centroids), axis=1).sum()
        if inertia < best_inertia:
            best, best_inertia = centroids, inertia
    return best


def _kmeans_plus_plus(points, n_clusters, rng):
    """Greedy k-means++: at each step, of 2 + ln k candidates drawn ∝ D², keep the best."""
    candidates_per_step = 2 + int(np.log(n_clusters))
    centroids = [points[rng.integers(len(points))]]
    closest = squared_distances(points, np.array(centroids))[:, 0]
    for _ in range(1, n_clusters):
        total = closest.sum()
        if total <= 0:
            picks = rng.integers(len(points), size=1)
        else:
            picks = rng.choice(len(points), size=candidates_per_step, p=closest / total)
        trials = np.minimum(closest[None, :], squared_distances(points, points[picks]).T)
        best = int(np.argmin(trials.sum(axis=1)))
        centroids.append(points[picks[best]])
        closest = trials[best]
    return np.array(centroids)


# ---------------------------------------------------------------------------- fit + apply


def kept_band_indices(wavelengths, excluded_ranges):
    """Indices of the bands outside every (low, high) nm range; None when every band is kept."""
    if not excluded_ranges:
        return None
    kept = [b for b, nm in enumerate(wavelengths)
            if not any(low <= nm <= high for low, high in excluded_ranges)]
    return None if len(kept) == len(wavelengths) else kept


def cluster_fences(scores, weight):
    """biodivMapR's clustering space per component: offset m0 = Q1 − w·IQR, scale M0 − m0 (M0 = Q3 + w·IQR)."""
    low, high = iqr_fences(scores, weight)
    scale = high - low
    scale[~(scale > 0)] = 1.0
    return low, scale


def fit_model(image_path, sensor=None, wavelengths=None, mask_path=None, masks=None,
              continuum_removal=False, sample_size=100_000, n_components=0, variance=0.98,
              n_clusters=50, n_iter=10, seed=0, block=512, progress=None, is_cancelled=None, log=None,
              clustering="hartigan_wong", cluster_iqr_weight=2.0, n_start=10, pca_type="standardised",
              excluded_ranges=WATER_VAPOUR_NM):
    """Fit the PCA and the ``n_iter`` k-means of the spectral species on ``image_path`` (module doc)."""
    info = open_raster(image_path)
    masks = masks or MaskSettings()
    wl = sensors.resolve_wavelengths(info.band_count, sensor, wavelengths, band_metadata(image_path))
    kept = kept_band_indices(wl, excluded_ranges)
    n_features = info.band_count if kept is None else len(kept)
    if n_features < 2:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Only {n_features} band(s) left outside the "
                                               "excluded water-vapour ranges: check the wavelengths."),
                             n_features=n_features)
    if continuum_removal and n_features < 4:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Continuum removal needs at least 4 bands (the "
                                               "first and last are dropped)."))
    scale, message = detect_scale(info)
    for warning in ([message] if message else []) + unavailable_masks(wl, masks):
        if log:
            log(warning)
    prep = Preparation(info, wl, scale, masks, continuum_removal, kept_bands=kept)
    step = progress or (lambda f: None)
    sample = sample_features(prep, mask_path, sample_size, seed, block,
                             lambda f: step(0.8 * f), is_cancelled)
    low, high = iqr_bounds(sample, masks.iqr_weight)
    sample = sample[within(sample, low, high)]
    if len(sample) < n_clusters * n_iter:
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "Only {sample_count} valid pixels were found, too few for {n_iter} "
                              "k-means of {n_clusters} spectral species. Lower N_CLUSTERS or N_ITER, or relax the "
                              "masks."), sample_count=len(sample), n_iter=n_iter, n_clusters=n_clusters
        )
    mean, components, ratios = fit_pca(sample, n_components, variance, pca_type == "standardised")
    # the k-means work on float64 scores: float32 rounding (1e-7) would be enough to change a
    # k-means++ draw now and then, and the result would then depend on the arithmetic used
    projected = project(sample.astype(np.float64), mean, components)
    if clustering == "hartigan_wong":
        offset, spread = cluster_fences(projected, cluster_iqr_weight)
    else:
        offset, spread = np.zeros(projected.shape[1]), np.ones(projected.shape[1])
    projected = (projected - offset) / spread
    rng = np.random.default_rng(seed)
    partitions = [projected[part] for part in np.array_split(rng.permutation(len(projected)), n_iter)]
    if clustering == "hartigan_wong":
        step(0.85)
        centroids = hartigan_wong.kmeans_partitions(partitions, n_clusters, rng, n_start=n_start,
                                                    is_cancelled=is_cancelled)
    else:
        centroids = []
        for number, part in enumerate(partitions):
            check_cancel(is_cancelled)
            centroids.append(kmeans(part, n_clusters, rng))
            step(0.8 + 0.2 * (number + 1) / n_iter)
    # float64 model: every pixel is projected and labelled in float64, so a label never
    # depends on a float32 rounding of a pixel lying on the border of two species
    return SpectralModel(wl, scale, masks, continuum_removal, low, high, mean, components, ratios,
                         np.array(centroids, dtype=np.float64),
                         info={"sample_size": int(len(sample)), "seed": int(seed), "clustering": clustering,
                               "pca_type": pca_type, "scale_message": message, "source": str(image_path)},
                         cluster_offset=offset, cluster_scale=spread, kept_bands=kept)


def apply_model(model, image_path, species_path, pca_path=None, mask_out_path=None, mask_path=None,
                block=512, progress=None, is_cancelled=None, scheduler=None):
    """Classify ``image_path`` block by block with ``model``; write species (+ PCA, mask).

    ``scheduler`` says where the blocks are classified (``rasterblocks.execution``)."""
    info = open_raster(image_path)
    if info.band_count != len(model.wavelengths_nm):
        raise DataTerraError(
            QT_TRANSLATE_NOOP("DataTerraError", "The model was fitted on {model_band_count} bands but "
                              "{image_path} has {band_count}: classify an image of the same sensor and band order."),
            model_band_count=len(model.wavelengths_nm),
            image_path=image_path,
            band_count=info.band_count
        )
    scale, _ = detect_scale(info)
    prep = Preparation(info, model.wavelengths_nm, scale, model.masks, model.continuum_removal,
                       model.iqr_low, model.iqr_high, model.kept_bands)
    mask_info, mask_ds = open_mask(info, mask_path)
    dtype = np.uint8 if model.n_clusters < 255 else np.uint16
    targets = [(species_path, dtype, model.n_iter, SPECIES_NODATA,
                [f"iteration {i + 1}" for i in range(model.n_iter)])]
    if pca_path:
        targets.append((pca_path, np.float32, model.n_components, PCA_NODATA,
                        [f"PC{i + 1}" for i in range(model.n_components)]))
    if mask_out_path:
        targets.append((mask_out_path, np.uint8, 1, 255, ["valid (1) / masked (0)"]))
    classify = functools.partial(classify_block, model, prep, mask_info, dtype, bool(pca_path), bool(mask_out_path))
    with _AtomicMany([t[0] for t in targets]) as temporaries:
        outputs = [create_like(tmp, info, dt, bands, nodata, names)
                   for tmp, (_, dt, bands, nodata, names) in zip(temporaries, targets)]
        counted = [0]

        def write(window, arrays):
            counted[0] += arrays[0]
            for output, array in zip(outputs, arrays[1:]):
                _write_bands(output, window, array)

        map_blocks(classify, iter_windows(info.width, info.height, block), write, scheduler, progress,
                   is_cancelled)
        if counted[0] == 0:
            raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Every pixel of the image is masked: nothing to "
                                                   "classify."))
        for index in range(len(outputs)):
            outputs[index].FlushCache()
            outputs[index] = None  # closes the GDAL dataset before the rename
    return {"species": species_path, "pca": pca_path, "mask": mask_out_path, "valid_pixels": counted[0]}


def classify_block(model, prep, mask_info, dtype, with_pca, with_mask, window):
    """(valid pixel count, species bands[, PCA bands][, mask band]) of one window: the block
    work of :func:`apply_model`, reading the image (and mask) by path wherever it runs."""
    dataset = prep.info.open()
    mask_ds = mask_info.open() if mask_info is not None else None
    features, valid = prep.features(read_pixels(dataset, window), read_user_mask(mask_info, mask_ds, window))
    scores = project(features, model.pca_mean, model.pca_components)
    space = model.clustering_space(scores)
    shape = (window.height, window.width)
    species = np.full((model.n_iter, valid.size), SPECIES_NODATA, dtype=dtype)
    for it in range(model.n_iter):
        species[it, valid] = nearest_centroid(space, model.centroids[it]) + 1
    arrays = [int(valid.sum()), species.reshape(model.n_iter, *shape)]
    if with_pca:
        pca = np.full((model.n_components, valid.size), PCA_NODATA, dtype=np.float32)
        pca[:, valid] = scores.T
        arrays.append(pca.reshape(model.n_components, *shape))
    if with_mask:
        arrays.append(valid.astype(np.uint8).reshape(1, *shape))
    return arrays


def _write_bands(dataset, window, array):
    for band in range(array.shape[0]):
        dataset.GetRasterBand(band + 1).WriteArray(array[band], window.col, window.row)


class _AtomicMany:
    """Several :func:`atomic_path` at once: all outputs appear together or none does."""

    def __init__(self, paths):
        self.contexts = [atomic_path(p) for p in paths]

    def __enter__(self):
        return [c.__enter__() for c in self.contexts]

    def __exit__(self, kind, value, trace):
        for context in reversed(self.contexts):
            context.__exit__(kind, value, trace)
        return False


def spectral_species(image_path, species_path, model_path=None, pca_path=None, mask_out_path=None,
                     progress=None, is_cancelled=None, log=None, block=512, scheduler=None, **fit_options):
    """Fit a model on ``image_path`` and classify it (the ``spectral_species`` algorithm)."""
    step = progress or (lambda f: None)
    model = fit_model(image_path, block=block, progress=lambda f: step(0.5 * f),
                      is_cancelled=is_cancelled, log=log, **fit_options)
    result = apply_model(model, image_path, species_path, pca_path, mask_out_path,
                         fit_options.get("mask_path"), block, lambda f: step(0.5 + 0.45 * f), is_cancelled,
                         scheduler)
    if model_path:
        result["model"] = model.save(model_path)
    step(1.0)
    result["model_object"] = model
    return result
