"""Benchmark of biodivmap: block-streamed pipeline vs a straightforward in-memory one.

Runs alone (``python benchmarks/bench_biodivmap.py [--size 2000]``) and prints a Markdown
table: throughput (pixels/s) of every step of the streamed pipeline (Data Terra core),
of an in-memory pipeline written the obvious way with scikit-learn (PCA, KMeans) and
scipy (pdist/cdist Bray-Curtis, ConvexHull) on the whole image as one array, their
ratio, the agreement of the results, and each pipeline's peak memory (each runs in its
own process). Image: the seeded synthetic Sentinel-2-like scene (10 bands, float32,
8 true species), default 2,000 × 2,000 pixels.

The reference is the same method (see :func:`reference_fit`): same seeded subsample,
same IQR fences, same PCA, same k-means starts and Lloyd iterations (the streamed side
runs the plugin's Lloyd option on covariance PCA for this comparison), so the two must
agree at the default N_CLUSTERS = 50 too: the table gives the adjusted Rand index (ARI)
between the two labelings of every iteration, the number of pixels labelled differently,
and the largest differences of Shannon and FRic, each pipeline computing its diversity
maps from its own species and PCA scores.

``--large N`` (or ``--only-large --large N``) also runs the whole streamed chain on an
N × N image written block by block (10,000: 4.2 GB) and reports its peak memory; the
in-memory reference does not run there (it would not fit).

``--biodivmapr N`` runs biodivMapR 1.14.6 itself (Rscript, benchmarks/bench_biodivmapr.R;
install it with tools/install_biodivmapr.sh) and the plugin's default chain (biodivMapR's
clustering) one after the other on the same N × N ENVI image, and prints both times,
peak memories and their ratio.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

# a fixed GDAL block cache (default: 5 % of the RAM), so peak memory does not depend on the machine
os.environ.setdefault("GDAL_CACHEMAX", "256")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "demo"))

WINDOW = 10
SEED = 1
BLOCK = 512  # the core's block size: the subsample rule depends on it
SAMPLE_SIZE = 100_000


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def streamed(folder, clusters, n_iter, n_samples):
    from dataterra.biodivmap.core import diversity, spectral

    scene = str(folder / "scene.tif")
    times = {}
    model, times["fit (sample, PCA, k-means)"] = timed(
        spectral.fit_model, scene, n_clusters=clusters, n_iter=n_iter, n_components=3, seed=SEED,
        sample_size=SAMPLE_SIZE, block=BLOCK, clustering="lloyd", pca_type="covariance", excluded_ranges=())
    _, times["classify (PCA + nearest centroid)"] = timed(
        spectral.apply_model, model, scene, folder / "species.tif", folder / "pca.tif")
    _, times["alpha (5 indices, mean + sd)"] = timed(
        diversity.alpha_diversity, folder / "species.tif", folder / "alpha.tif", window=WINDOW)
    _, times["beta (Bray-Curtis, PCoA, placement)"] = timed(
        diversity.beta_diversity, folder / "species.tif", folder / "beta.tif", window=WINDOW, n_samples=n_samples,
        seed=SEED)
    _, times["functional (FRic, FEve, FDiv)"] = timed(
        diversity.functional_diversity, folder / "pca.tif", folder / "functional.tif", window=WINDOW)
    return {"times": times, "peak_mb": peak_mb()}


def reference_fit(pixels, clusters, n_iter, seed=SEED, width=None, block=BLOCK, sample_size=SAMPLE_SIZE):
    """The core's method written the obvious way on the whole image in RAM (reference).

    Same steps as ``spectral.fit_model``, each done with numpy / scikit-learn instead of
    the core's code: the masks of the core's defaults; the same subsample (a key from
    ``default_rng([seed, block number])`` for every valid pixel of every ``block`` ×
    ``block`` block, row by row, and the ``sample_size`` smallest keys); the IQR fences
    (w = 4) of the sample; scikit-learn ``PCA`` (exact SVD, float64) with the core's sign
    convention (largest loading positive); the sample split into ``n_iter`` parts by the same seeded
    permutation; per part, scikit-learn ``KMeans`` (Lloyd, tol 1e-4, max_iter 300) from
    the same k-means++ starts (the one piece taken from the core, so that both start from
    the same centroids), best of 3 by inertia.
    """
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA

    from dataterra.biodivmap.core.spectral import _kmeans_plus_plus

    valid = vegetation(pixels)
    height = len(pixels) // width
    keys, chosen = [], []
    number = 0
    for row in range(0, height, block):
        for col in range(0, width, block):
            rows = np.arange(row, min(row + block, height))
            cols = np.arange(col, min(col + block, width))
            index = (rows[:, None] * width + cols[None, :]).ravel()  # block pixels, row-major
            index = index[valid[index]]
            keys.append(np.random.default_rng([seed, number]).random(len(index)))
            chosen.append(index)
            number += 1
    keys, chosen = np.concatenate(keys), np.concatenate(chosen)
    sample = pixels[chosen[np.argsort(keys)[:sample_size]]]
    q1, q3 = np.percentile(sample, [25, 75], axis=0)
    low, high = q1 - 4.0 * (q3 - q1), q3 + 4.0 * (q3 - q1)
    sample = sample[np.all((sample >= low) & (sample <= high), axis=1)]
    pca = PCA(n_components=3, svd_solver="full").fit(sample.astype(np.float64))  # exact SVD, as the core's
    largest = np.argmax(np.abs(pca.components_), axis=1)
    pca.components_ *= np.sign(pca.components_[np.arange(3), largest])[:, None]
    projected = pca.transform(sample.astype(np.float64))
    rng = np.random.default_rng(seed)
    models = []
    for part in np.array_split(rng.permutation(len(projected)), n_iter):
        points = projected[part]
        fits = [KMeans(clusters, init=_kmeans_plus_plus(points, clusters, rng), n_init=1, tol=1e-4,
                       max_iter=300, algorithm="lloyd").fit(points) for _ in range(3)]
        models.append(min(fits, key=lambda fit: fit.inertia_))
    return pca, models, valid, (low, high)


def reference_classify(pixels, pca, models, valid, fences):
    """(n_iter, n_pixels) species 1..k of every pixel, 0 where masked (scikit-learn predict)."""
    low, high = fences
    kept = valid & np.all((pixels >= low) & (pixels <= high), axis=1)
    scores = pca.transform(pixels[kept].astype(np.float64))
    labels = np.zeros((len(models), len(pixels)), dtype=np.uint8)
    for it, model in enumerate(models):
        labels[it, kept] = model.predict(scores) + 1
    return labels, scores, kept


def vegetation(pixels):
    """The core's default masks on the 10 Sentinel-2 bands: finite, NDVI ≥ 0.3, NIR ≥ 0.15, blue ≤ 0.10."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ndvi = (pixels[:, 6] - pixels[:, 2]) / (pixels[:, 6] + pixels[:, 2])
    return np.all(np.isfinite(pixels), axis=1) & (ndvi >= 0.3) & (pixels[:, 6] >= 0.15) & (pixels[:, 0] <= 0.10)


def read_pixels(path):
    from osgeo import gdal

    image = gdal.Open(str(path)).ReadAsArray().astype(np.float32)
    bands, rows, cols = image.shape
    return image.reshape(bands, -1).T, rows, cols


def in_memory(folder, clusters, n_iter, n_samples):
    """The reference pipeline: whole image in RAM, scikit-learn (PCA, KMeans) and scipy."""
    from scipy.spatial.distance import cdist, pdist, squareform

    from dataterra.biodivmap.core import indices

    times = {}
    started = time.perf_counter()
    pixels, rows, cols = read_pixels(folder / "scene.tif")
    pca, models, valid, fences = reference_fit(pixels, clusters, n_iter, width=cols)
    times["fit (sample, PCA, k-means)"] = time.perf_counter() - started
    started = time.perf_counter()
    labels, scores, kept = reference_classify(pixels, pca, models, valid, fences)
    labels = labels.reshape(n_iter, rows, cols)
    pca_scores = np.full((3, rows * cols), -9999.0)
    pca_scores[:, kept] = scores.T
    pca_scores = pca_scores.reshape(3, rows, cols)
    times["classify (PCA + nearest centroid)"] = time.perf_counter() - started
    np.save(folder / "reference_species.npy", labels)

    k = int(labels.max())  # from here on, the reference's own species and PCA scores
    started = time.perf_counter()
    counts = [window_counts(band, k) for band in labels]
    shannon = np.mean([indices.shannon(indices.apply_pcelim(c, 0.02)) for c in counts], axis=0)
    for c in counts:  # the other indices, to do the same work
        c = indices.apply_pcelim(c, 0.02)
        indices.simpson(c), indices.richness(c), indices.fisher_alpha(c), indices.hill(c, 2)
    times["alpha (5 indices, mean + sd)"] = time.perf_counter() - started
    np.save(folder / "reference_shannon.npy", shannon)

    started = time.perf_counter()
    eligible = np.flatnonzero(counts[0].sum(axis=1) >= 0.25 * WINDOW * WINDOW)  # MIN_VALID
    chosen = eligible[np.argsort(window_keys(rows, cols)[eligible])[:n_samples]]
    counts = np.array([indices.apply_pcelim(c, 0.02) for c in counts])
    d = np.mean([squareform(pdist(c[chosen], "braycurtis")) for c in counts], axis=0)
    coordinates, _ = indices.pcoa(d, 3)
    full = sum(cdist(c[eligible], c[chosen], "braycurtis") for c in counts) / len(counts)  # one array at a time
    # the 5 least dissimilar sampled windows; argpartition as the core, so that ties at the
    # 5th neighbour (frequent: Bray-Curtis of small counts) are broken the same way
    nearest = np.argpartition(full, 4, axis=1)[:, :5]
    distance = np.take_along_axis(full, nearest, 1)
    exact = distance <= 1e-12  # a sampled window keeps its own coordinates
    weights = np.where(exact.any(axis=1, keepdims=True), exact, 1.0 / np.maximum(distance, 1e-9))
    beta = np.full((len(counts[0]), 3), np.nan)
    beta[eligible] = (weights[:, :, None] * coordinates[nearest]).sum(1) / weights.sum(1, keepdims=True)
    times["beta (Bray-Curtis, PCoA, placement)"] = time.perf_counter() - started
    np.save(folder / "reference_beta.npy", beta.T.reshape(3, rows // WINDOW, cols // WINDOW))

    started = time.perf_counter()
    fric = np.full((rows // WINDOW, cols // WINDOW), np.nan)
    for r in range(rows // WINDOW):
        for c in range(cols // WINDOW):
            block = pca_scores[:, r * WINDOW:(r + 1) * WINDOW, c * WINDOW:(c + 1) * WINDOW].reshape(3, -1).T
            block = block[np.all(block != -9999.0, axis=1)]
            fric[r, c] = indices.functional_richness(block)
            indices.functional_evenness(block), indices.functional_divergence(block)
    times["functional (FRic, FEve, FDiv)"] = time.perf_counter() - started
    np.save(folder / "reference_fric.npy", fric)
    return {"times": times, "peak_mb": peak_mb()}


def window_keys(rows, cols):
    """The random key of every window, drawn as the core's beta_diversity draws them.

    The core reads the species raster by strips of whole window rows (about
    ``STRIP_PIXELS`` pixels) and gives the windows of strip number s keys from
    ``default_rng([SEED, s])``; the N_SAMPLES eligible windows of smallest keys are sampled.
    """
    from dataterra.biodivmap.core.diversity import STRIP_PIXELS

    strip_rows = max(WINDOW, (STRIP_PIXELS // cols) // WINDOW * WINDOW) // WINDOW
    per_strip = strip_rows * (cols // WINDOW)
    n_windows = (rows // WINDOW) * (cols // WINDOW)
    return np.concatenate([np.random.default_rng([SEED, number]).random(min(per_strip, n_windows - start))
                           for number, start in enumerate(range(0, n_windows, per_strip))])


def window_counts(labels, k):
    rows, cols = labels.shape
    blocks = labels.reshape(rows // WINDOW, WINDOW, cols // WINDOW, WINDOW).transpose(0, 2, 1, 3)
    blocks = blocks.reshape(-1, WINDOW * WINDOW)
    return np.array([np.bincount(b, minlength=k + 1)[1:] for b in blocks])


def large(folder, clusters, n_iter, n_samples, size):
    """The whole streamed chain on the large image (no in-memory reference: it would not fit).

    Every output of ``spectral_species`` (species, PCA, mask, model), then alpha, beta,
    functional diversity (PCA + mask) and 100 circular field plots; the peak resident
    memory of this process is reported after each step.
    """

    from dataterra.biodivmap.core import diversity, spectral, synthetic

    scene = str(folder / f"large_scene_{size}.tif")
    out = {name: str(folder / f"large_{name}") for name in
           ("species.tif", "pca.tif", "mask.tif", "model.npz", "alpha.tif", "beta.tif", "functional.tif")}
    steps = {
        "spectral species (fit + classify; writes species, PCA, mask, model)": lambda: spectral.spectral_species(
            scene, out["species.tif"], out["model.npz"], out["pca.tif"], out["mask.tif"], sensor="sentinel2_20m",
            n_clusters=clusters, n_iter=n_iter, n_components=3, seed=1),
        "alpha (5 indices, mean + sd)": lambda: diversity.alpha_diversity(
            out["species.tif"], out["alpha.tif"], window=WINDOW),
        "beta (Bray-Curtis, PCoA, placement)": lambda: diversity.beta_diversity(
            out["species.tif"], out["beta.tif"], window=WINDOW, n_samples=n_samples),
        "functional (FRic, FEve, FDiv)": lambda: diversity.functional_diversity(
            out["pca.tif"], out["functional.tif"], window=WINDOW, mask_path=out["mask.tif"]),
        "diversity at 100 plots (radius 20 m, with PCA)": lambda: diversity.diversity_at_plots(
            out["species.tif"], large_plots(size, synthetic), pca_path=out["pca.tif"]),
    }
    times, peaks = {}, {}
    started = time.perf_counter()
    for name, step in steps.items():
        _, times[name] = timed(step)
        peaks[name] = peak_mb()
        print(f"{name}: {times[name]:.0f} s, peak so far {peaks[name]:.0f} MB", file=sys.stderr, flush=True)
    return {"times": times, "peaks": peaks, "wall_s": time.perf_counter() - started, "peak_mb": peak_mb()}


def large_plots(size, synthetic, count=10, radius=20.0):
    """count × count circular plots (WKT, Lambert-93) on a regular grid over the large scene."""
    from osgeo import ogr

    x0, y0 = synthetic.ORIGIN_L93
    extent = size * synthetic.PIXEL_SIZE
    plots = []
    for i in range(count):
        for j in range(count):
            centre = ogr.CreateGeometryFromWkt(
                f"POINT ({x0 + (j + 0.5) * extent / count} {y0 - (i + 0.5) * extent / count})")
            plots.append((f"plot_{i}_{j}", centre.Buffer(radius, 16).ExportToWkt()))
    return plots


def plugin_chain(folder, clusters, n_iter, n_samples):
    """The plugin's default chain (biodivMapR's clustering) on the ENVI image of :func:`run_biodivmapr`."""
    from dataterra.biodivmap.core import diversity, hartigan_wong_compiled, spectral

    out = {name: str(folder / f"plugin_{name}") for name in
           ("species.tif", "pca.tif", "mask.tif", "alpha.tif", "beta.tif", "functional.tif")}
    started = time.perf_counter()
    spectral.spectral_species(str(folder / "envi_scene"), out["species.tif"], None, out["pca.tif"], out["mask.tif"],
                              sensor="sentinel2_20m", n_clusters=clusters, n_iter=n_iter, n_components=3, seed=SEED)
    diversity.alpha_diversity(out["species.tif"], out["alpha.tif"], window=WINDOW)
    diversity.beta_diversity(out["species.tif"], out["beta.tif"], window=WINDOW, n_samples=n_samples, seed=SEED)
    diversity.functional_diversity(out["pca.tif"], out["functional.tif"], window=WINDOW, mask_path=out["mask.tif"])
    return {"wall_s": time.perf_counter() - started, "peak_mb": peak_mb(),
            "numba": hartigan_wong_compiled.run_compiled is not None}


def run_biodivmapr(folder, args):
    """biodivMapR then the plugin on the same ENVI Int16 image (reflectance × 10,000)."""
    from osgeo import gdal

    from dataterra.biodivmap.core import sensors, synthetic

    size = args.biodivmapr
    reflectance, _, _, _ = synthetic.synthetic_scene(size, size, seed=42)
    data = np.rint(reflectance * 10000).astype(np.int16)
    image = folder / "envi_scene"
    ds = gdal.GetDriverByName("ENVI").Create(str(image), size, size, len(data), gdal.GDT_Int16, ["INTERLEAVE=BIL"])
    ds.SetGeoTransform((synthetic.ORIGIN_L93[0], 10.0, 0, synthetic.ORIGIN_L93[1], 0, -10.0))
    for band in range(len(data)):
        ds.GetRasterBand(band + 1).WriteArray(data[band])
    ds = None
    with open(str(image) + ".hdr", "a") as stream:
        wavelengths = sensors.SENSORS["sentinel2_20m"]["wavelengths_nm"]
        stream.write("wavelength units = Nanometers\nwavelength = {" + ", ".join(f"{w:g}" for w in wavelengths) + "}\n")
    r_out = folder / "biodivmapr_out"
    started = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(folder / "biodivmapr_peak_kb"), "Rscript",
                    str(ROOT / "benchmarks" / "bench_biodivmapr.R"), str(image), str(r_out), str(args.clusters),
                    str(args.iterations), str(args.samples)], check=True, capture_output=True,
                   cwd=str(folder))  # biodivMapR's FDiv writes vert.txt in the working directory
    r_seconds = time.perf_counter() - started
    r_peak = float((folder / "biodivmapr_peak_kb").read_text().split()[-1]) / 1024
    done = subprocess.run([sys.executable, __file__, "--child", "plugin", "--folder", str(folder),
                           "--clusters", str(args.clusters), "--iterations", str(args.iterations),
                           "--samples", str(args.samples)], capture_output=True, text=True, check=True)
    ours = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\nbiodivMapR 1.14.6 vs the plugin's default chain (species, alpha, beta, functional) on the same "
          f"{size} × {size} px ENVI Int16 image, N_CLUSTERS={args.clusters}, N_ITER={args.iterations}, "
          f"WINDOW={WINDOW}, N_SAMPLES={args.samples}; plugin Hartigan–Wong "
          f"{'compiled by Numba' if ours['numba'] else 'in pure NumPy (Numba not installed)'}:\n")
    print("| tool | seconds | peak RSS (MB) |\n|---|---:|---:|")
    print(f"| biodivMapR | {r_seconds:.0f} | {r_peak:,.0f} |")
    print(f"| plugin | {ours['wall_s']:.1f} | {ours['peak_mb']:,.0f} |")
    print(f"\nSpeed ratio biodivMapR / plugin: {r_seconds / ours['wall_s']:.1f}")


def child(mode, folder, clusters, n_iter, n_samples, size):
    import bootstrap

    bootstrap.expose_package()
    if mode == "plugin":
        result = plugin_chain(Path(folder), clusters, n_iter, n_samples)
    elif mode == "large":
        result = large(Path(folder), clusters, n_iter, n_samples, size)
    else:
        result = {"streamed": streamed, "in_memory": in_memory}[mode](Path(folder), clusters, n_iter, n_samples)
    print(json.dumps(result))


def read_band(path, band):
    from osgeo import gdal

    dataset = gdal.Open(str(path))  # keep the dataset alive while its band is read
    return dataset.GetRasterBand(band).ReadAsArray()


def agreement_at_true_k(folder):
    """Both pipelines with N_CLUSTERS = 8 (the true count), 1 iteration: both find the true species?"""
    from sklearn.metrics import adjusted_rand_score

    from dataterra.biodivmap.core import spectral

    truth = np.load(folder / "truth.npy").ravel()
    model = spectral.fit_model(str(folder / "scene.tif"), n_clusters=8, n_iter=1, n_components=3, seed=SEED,
                               clustering="lloyd", pca_type="covariance")
    spectral.apply_model(model, str(folder / "scene.tif"), folder / "species_k8.tif")
    ours = read_band(folder / "species_k8.tif", 1).ravel()
    pixels, _, cols = read_pixels(folder / "scene.tif")
    pca, models, valid, fences = reference_fit(pixels, 8, 1, width=cols)
    reference = reference_classify(pixels, pca, models, valid, fences)[0][0]
    return {"N_CLUSTERS=8: ARI streamed vs in-memory": adjusted_rand_score(ours, reference),
            "N_CLUSTERS=8: ARI streamed vs truth": adjusted_rand_score(truth, ours),
            "N_CLUSTERS=8: ARI in-memory vs truth": adjusted_rand_score(truth, reference)}


def agreement(folder):
    from osgeo import gdal
    from sklearn.metrics import adjusted_rand_score

    truth = np.load(folder / "truth.npy").ravel()
    ours = gdal.Open(str(folder / "species.tif")).ReadAsArray()
    reference = np.load(folder / "reference_species.npy")
    alpha = read_band(folder / "alpha.tif", 3)
    fric = read_band(folder / "functional.tif", 1)
    beta = gdal.Open(str(folder / "beta.tif")).ReadAsArray()
    reference_shannon = np.load(folder / "reference_shannon.npy").reshape(alpha.shape)
    reference_fric = np.load(folder / "reference_fric.npy")
    valid = alpha != -9999.0
    ari = [adjusted_rand_score(a.ravel(), b.ravel()) for a, b in zip(ours, reference)]
    return {
        **agreement_at_true_k(folder),
        f"ARI streamed vs in-memory, lowest of the {len(ours)} iterations": min(ari),
        f"pixels labelled differently, over {ours.size:,} (pixels × iterations)": int((ours != reference).sum()),
        "ARI vs truth, streamed (iteration 1)": adjusted_rand_score(truth, ours[0].ravel()),
        "ARI vs truth, in-memory (iteration 1)": adjusted_rand_score(truth, reference[0].ravel()),
        "max |Shannon streamed - in-memory| (each from its own species)":
            float(np.abs(alpha[valid] - reference_shannon[valid]).max()),
        "max |beta PCoA coordinate streamed - in-memory| (each from its own species)":
            float(np.nanmax(np.abs(np.where(beta == -9999.0, np.nan, beta) - np.load(folder / "reference_beta.npy")))),
        "max |FRic streamed - in-memory| (each from its own PCA)":
            float(np.nanmax(np.abs(np.where(fric == -9999.0, np.nan, fric) - reference_fric))),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--clusters", type=int, default=50)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--samples", type=int, default=2000, help="windows sampled for beta")
    parser.add_argument("--large", type=int, default=0,
                        help="also run the streamed chain on a LARGE × LARGE image and report peak memory")
    parser.add_argument("--only-large", action="store_true", help="skip the 2000 × 2000 comparison")
    parser.add_argument("--biodivmapr", type=int, default=0,
                        help="only compare with biodivMapR itself (Rscript) on a BIODIVMAPR × BIODIVMAPR image")
    parser.add_argument("--child", choices=["streamed", "in_memory", "large", "plugin"])
    parser.add_argument("--folder")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder, args.clusters, args.iterations, args.samples, args.large)
        return
    import bootstrap

    bootstrap.expose_package()
    from dataterra.biodivmap.core import synthetic

    folder = ROOT / "build" / "bench" / "biodivmap"
    folder.mkdir(parents=True, exist_ok=True)
    if args.biodivmapr:
        run_biodivmapr(folder, args)
        return
    if args.only_large:
        run_large(folder, args)
        return
    truth = synthetic.write_synthetic_scene(folder / "scene.tif", args.size, args.size, seed=42)
    np.save(folder / "truth.npy", truth["labels"])
    results = {}
    for mode in ("streamed", "in_memory"):
        done = subprocess.run([sys.executable, __file__, "--child", mode, "--folder", str(folder),
                               "--clusters", str(args.clusters), "--iterations", str(args.iterations),
                               "--samples", str(args.samples)], capture_output=True, text=True, check=True)
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    pixels = args.size * args.size
    print(f"Image {args.size} × {args.size} px, 10 bands float32, N_CLUSTERS={args.clusters}, "
          f"N_ITER={args.iterations}, WINDOW={WINDOW}, N_SAMPLES={args.samples}\n")
    print("| step | streamed (px/s) | in-memory sklearn/scipy (px/s) | speed ratio streamed / in-memory |")
    print("|---|---:|---:|---:|")
    total = {"streamed": 0.0, "in_memory": 0.0}
    for step, seconds in results["streamed"]["times"].items():
        reference = results["in_memory"]["times"][step]
        total["streamed"] += seconds
        total["in_memory"] += reference
        print(f"| {step} | {pixels / seconds:,.0f} | {pixels / reference:,.0f} | {reference / seconds:.2f} |")
    print(f"| whole chain | {pixels / total['streamed']:,.0f} | {pixels / total['in_memory']:,.0f} | "
          f"{total['in_memory'] / total['streamed']:.2f} |")
    print(f"\nPeak memory (RSS): streamed {results['streamed']['peak_mb']:.0f} MB, "
          f"in-memory {results['in_memory']['peak_mb']:.0f} MB\n")
    print("| agreement | value |\n|---|---:|")
    for name, value in agreement(folder).items():
        print(f"| {name} | {value:,} |" if isinstance(value, int) else f"| {name} | {value:.6g} |")
    if args.large:
        run_large(folder, args)


def run_large(folder, args):
    from dataterra.biodivmap.core import synthetic

    scene = folder / f"large_scene_{args.large}.tif"
    if not scene.exists():
        started = time.perf_counter()
        synthetic.write_large_scene(scene, args.large, args.large, seed=42)
        print(f"Large scene written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    # stderr passes through: the child reports each step as it ends (the run takes a while)
    done = subprocess.run([sys.executable, __file__, "--child", "large", "--folder", str(folder),
                           "--clusters", str(args.clusters), "--iterations", str(args.iterations),
                           "--samples", str(args.samples), "--large", str(args.large)],
                          stdout=subprocess.PIPE, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    pixels = args.large * args.large
    size_gb = scene.stat().st_size / 1e9
    print(f"\nLarge image {args.large} × {args.large} px, 10 bands float32 ({size_gb:.1f} GB on disk), "
          f"streamed chain, N_CLUSTERS={args.clusters}, N_ITER={args.iterations}, WINDOW={WINDOW}, "
          f"N_SAMPLES={args.samples}, GDAL_CACHEMAX={os.environ['GDAL_CACHEMAX']} MB:\n")
    print("| step | seconds | px/s | peak RSS so far (MB) |\n|---|---:|---:|---:|")
    for step, seconds in result["times"].items():
        print(f"| {step} | {seconds:.0f} | {pixels / seconds:,.0f} | {result['peaks'][step]:,.0f} |")
    print(f"| whole chain | {result['wall_s']:.0f} | {pixels / result['wall_s']:,.0f} | {result['peak_mb']:,.0f} |")
    print(f"\nPeak memory (RSS) of the whole streamed chain: {result['peak_mb']:.0f} MB "
          f"(wall time {result['wall_s'] / 60:.0f} min)")


if __name__ == "__main__":
    main()
