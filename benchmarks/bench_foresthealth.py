"""Benchmark of forest health: the plugin's streamed dieback detection vs fordead, side by side.

Runs alone (``python benchmarks/bench_foresthealth.py [--size 500]``) and prints a Markdown
table. Series: the seeded synthetic THEIA series of ``foresthealth.core.synthetic`` (size ×
size pixels at 10 m, 2016–2019, ~170 acquisitions of which ~150 pass the cloudiness limit,
two onset zones), fordead's tutorial settings. Each tool runs in its own process: wall time
and peak memory (max RSS) of the whole chain (index and masks, model, detection, export of
the polygons), the ratio, and the agreement of their per-pixel results (model coefficients,
dieback state and first dieback date).

fordead runs from its own venv (``--fordead-venv``, default $FORDEAD_VENV, built by
``../shared/tools/install_fordead.sh``); without it only the plugin's figures are given. The
plugin also runs on the first half of the dates, to show that its peak memory does not grow
with the number of dates (fordead's training holds pixels × dates × 5 float64).

``--tile-strip`` also runs the detection on a strip of a full Sentinel-2 tile (10,980 px wide,
``--strip-rows`` rows, 150 dates built from 10 distinct synthetic acquisitions linked under 150
dates): the detection holds one strip of blocks at a time, so its peak memory is that of a
whole tile, and its time × 10980 / rows estimates a whole tile's.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("GDAL_CACHEMAX", "256")
ROOT = Path(__file__).resolve().parent.parent
PKGROOT = ROOT / "build" / "pkgroot"
MASK_FORMULA = "B2 > 600 | (B3 == 0) | (B4 ==0)"

PLUGIN_RUN = """
import json, resource, sys, time
sys.path.insert(0, {pkgroot!r})
import numpy as np
from dataterra.foresthealth.core import detection, export, series
started = time.perf_counter()
options = series.IndexOptions(mask_formula={mask!r}, apply_source_mask=True)
series.run({series!r}, {state!r}, options, detection.Settings(), until={until!r})
forest = np.ones(({size}, {size}), bool)
loaded = series.load_state({state!r})
features = export.export_features({state!r}, forest, [0.265], ["Low anomaly", "Severe anomaly"])
print(json.dumps({{"seconds": time.perf_counter() - started, "dates": len(loaded["dates"]),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                  "features": len(features)}}))
"""


def ensure_package_link():
    PKGROOT.mkdir(parents=True, exist_ok=True)
    link = PKGROOT / "dataterra"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(PKGROOT))


def make_series(folder, size):
    from dataterra.foresthealth.core import synthetic
    if (folder / "truth.json").exists():
        return json.loads((folder / "truth.json").read_text())
    shutil.rmtree(folder, ignore_errors=True)
    half, third = size // 2 // 2 * 2, size // 3 // 2 * 2
    onsets = {(0, third, 0, half): "2018-08-01", (half, size, third, size): "2019-04-01"}
    truth = synthetic.synthetic_series(folder / "study_area", size=size, seed=5, onsets=onsets)
    (folder / "vector").mkdir(parents=True, exist_ok=True)
    x0, y0 = 600000.0, 5400000.0
    ring = [[x0, y0], [x0 + 10 * size, y0], [x0 + 10 * size, y0 - 10 * size], [x0, y0 - 10 * size], [x0, y0]]
    (folder / "vector" / "area_interest.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}},
        "features": [{"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon",
                                                                                "coordinates": [ring]}}]}))
    summary = {"dates": truth["dates"], "cloudy": truth["cloudy_dates"]}
    (folder / "truth.json").write_text(json.dumps(summary))
    return summary


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_plugin(series_folder, state, size, until=None):
    shutil.rmtree(state, ignore_errors=True)
    code = PLUGIN_RUN.format(pkgroot=str(PKGROOT), mask=MASK_FORMULA, series=str(series_folder), state=str(state),
                             until=until, size=size)
    cpu = children_cpu()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["cpu"] = children_cpu() - cpu
    return figures


def run_fordead(venv, series_root, out):
    """fordead's tutorial chain (../shared/tools/run_fordead_tutorial.sh), step by step."""
    shutil.rmtree(out, ignore_errors=True)
    binary = str(Path(venv) / "bin" / "fordead")
    environment = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
    steps = [
        ["masked_vi", "-i", str(series_root / "study_area"), "-o", str(out), "-n", "0.4", "--interpolation_order", "0",
         "--sentinel_source", "THEIA", "--formula_mask", MASK_FORMULA, "--vi", "CRSWIR", "--apply_source_mask"],
        ["train_model", "-o", str(out), "--nb_min_date", "10", "--min_last_date_training", "2018-01-01",
         "--max_last_date_training", "2018-06-01"],
        ["dieback_detection", "-o", str(out), "--threshold_anomaly", "0.16", "--stress_index_mode", "weighted_mean"],
        ["forest_mask", "-o", str(out), "-f", "vector", "--vector_path",
         str(series_root / "vector" / "area_interest.geojson")],
        ["export_results", "-o", str(out), "--frequency", "ME", "-t", "0.265", "-c", "Low anomaly", "-c",
         "Severe anomaly"],
    ]
    started, cpu = time.perf_counter(), children_cpu()
    peak = 0.0
    for step in steps:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([binary, *step], capture_output=True, text=True, check=True, env=environment,
                       cwd=str(out.parent))
        peak = max(peak, before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"seconds": time.perf_counter() - started, "peak_mb": peak / 1024.0, "cpu": children_cpu() - cpu}


STRIP_RUN = """
import json, resource, sys, time
sys.path.insert(0, {pkgroot!r})
from dataterra.foresthealth.core import detection, series
started = time.perf_counter()
options = series.IndexOptions(mask_formula={mask!r}, apply_source_mask=True)
plan = series.run({series!r}, {state!r}, options, detection.Settings())
print(json.dumps({{"seconds": time.perf_counter() - started, "dates": len(plan.dates),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}}))
"""


def tile_strip(work, rows, n_dates=150, width=10980):
    """Detection on a full-width strip of a tile; 150 dates linked to 10 distinct acquisitions."""
    from dataterra.foresthealth.core import synthetic
    folder = work / f"tile_strip_{rows}"
    products = folder / "products"
    if not products.exists():
        distinct = folder / "distinct"
        truth = synthetic.synthetic_series(distinct, size=rows, start="2016-01-01", end="2016-04-30",
                                           cloudy_share=0.0, seed=9, onsets={}, gap=None)
        # widen each acquisition to the tile's width by tiling its columns
        from osgeo import gdal
        names = sorted(p.name for p in distinct.iterdir())[:10]
        dates = synthetic.irregular_dates("2016-01-01", "2019-12-31", steps=(10,), seed=0)[:n_dates]
        for k, date in enumerate(dates):
            source = distinct / names[k % len(names)]
            target = products / synthetic.theia_name(date)
            for path in source.rglob("*.tif"):
                wide = target / path.relative_to(source).parent / path.name.replace(source.name, target.name)
                if k < len(names):
                    array = gdal.Open(str(path)).ReadAsArray()
                    repeats = -(-width // rows)
                    tiled = np.tile(array, (1, repeats))[:, : width * array.shape[1] // rows]
                    ds = gdal.Open(str(path))
                    synthetic.write_tif(wide, tiled, ds.GetGeoTransform(), 32631)
                else:
                    first = products / synthetic.theia_name(dates[k % len(names)])
                    original = first / path.relative_to(source).parent / path.name.replace(
                        source.name, first.name)
                    wide.parent.mkdir(parents=True, exist_ok=True)
                    wide.symlink_to(original)
        del truth
    state = folder / "state"
    shutil.rmtree(state, ignore_errors=True)
    code = STRIP_RUN.format(pkgroot=str(PKGROOT), mask=MASK_FORMULA, series=str(products), state=str(state))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(state, ignore_errors=True)
    return figures


def agreement(state, fordead_out):
    from osgeo import gdal
    read = lambda path: gdal.Open(str(path)).ReadAsArray()  # noqa: E731
    ours = read(state / "coeffs.tif")
    theirs = read(fordead_out / "DataModel" / "coeff_model.tif")
    both = ~np.isnan(ours) & ~np.isnan(theirs)
    state_diff = int((read(state / "state.tif").astype(bool) != read(fordead_out / "DataDieback" /
                                                                     "state_dieback.tif").astype(bool)).sum())
    first_diff = int((read(state / "first_date.tif") != read(fordead_out / "DataDieback" /
                                                             "first_date_dieback.tif")).sum())
    return {"max_coeff_diff": float(np.abs(ours[both] - theirs[both]).max()),
            "nan_pattern_equal": bool(np.array_equal(np.isnan(ours), np.isnan(theirs))),
            "state_diff": state_diff, "first_date_diff": first_diff}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--fordead-venv", default=os.environ.get("FORDEAD_VENV", "/tmp/forest/fdvenv"))
    parser.add_argument("--tile-strip", action="store_true")
    parser.add_argument("--strip-rows", type=int, default=512)
    args = parser.parse_args()
    ensure_package_link()
    work = ROOT / "build" / "bench" / "foresthealth"
    if args.tile_strip:
        strip = tile_strip(work, args.strip_rows)
        print(f"Tile strip: 10980 × {args.strip_rows} px × {strip['dates']} dates: {strip['seconds']:.0f} s, "
              f"peak memory {strip['peak_mb']:.0f} MB; a whole tile (10980 rows, same peak memory) ≈ "
              f"{strip['seconds'] * 10980 / args.strip_rows / 60:.0f} min on one core.\n")
    series_root = work / f"series_{args.size}"
    summary = make_series(series_root, args.size)
    kept = [d for d in summary["dates"] if d not in summary["cloudy"]]
    plugin = run_plugin(series_root / "study_area", work / "state", args.size)
    half = run_plugin(series_root / "study_area", work / "state_half", args.size, until=kept[len(kept) // 2])
    megapixels = args.size * args.size / 1e6
    print(f"Series: {args.size} × {args.size} px, {len(summary['dates'])} acquisitions, {plugin['dates']} kept "
          f"(cloudiness ≤ 0.4); fordead's tutorial settings.\n")
    print("| Tool | Dates | Wall time (s) | CPU time (s) | CPU s per date per Mpx | Peak memory (MB) |")
    print("|---|---|---|---|---|---|")
    for label, figures in (("Data Terra (all dates)", plugin), ("Data Terra (first half of the dates)", half)):
        print(f"| {label} | {figures['dates']} | {figures['seconds']:.1f} | {figures['cpu']:.1f} | "
              f"{figures['cpu'] / figures['dates'] / megapixels:.3f} | {figures['peak_mb']:.0f} |")
    venv = Path(args.fordead_venv)
    if not (venv / "bin" / "fordead").exists():
        print(f"\nfordead not found in {venv} (build it with ../shared/tools/install_fordead.sh): no comparison.")
        return
    fordead = run_fordead(venv, series_root, work / "fordead_out")
    print(f"| fordead (CLI, tutorial chain) | {plugin['dates']} | {fordead['seconds']:.1f} | {fordead['cpu']:.1f} | "
          f"{fordead['cpu'] / plugin['dates'] / megapixels:.3f} | {fordead['peak_mb']:.0f} |")
    wall = fordead["seconds"] / plugin["seconds"]
    print(f"\nSpeed-up: {fordead['cpu'] / plugin['cpu']:.1f}× in CPU time ({wall:.1f}× in wall time, which a "
          f"loaded machine blurs); memory ratio: {fordead['peak_mb'] / plugin['peak_mb']:.1f}×.")
    agree = agreement(work / "state", work / "fordead_out")
    print(f"Agreement with fordead: model coefficients within {agree['max_coeff_diff']:.1e} "
          f"(same pixels without model: {agree['nan_pattern_equal']}), dieback state differs on "
          f"{agree['state_diff']} px, first dieback date on {agree['first_date_diff']} px.")


if __name__ == "__main__":
    main()
