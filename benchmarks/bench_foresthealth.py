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

``--tile`` runs the detection (the training and detection of ``series.run``, as
``forest_dieback_detection`` calls it) over a whole synthetic Sentinel-2 tile, 10,980 × 10,980 px
at 10 m (20 m bands and mask 5,490 × 5,490) × 150 dates, on ``--scheduler`` (default
$DASK_SCHEDULER or ``local:2``: two Dask worker processes), then the export of its polygons.
The series is built once under build/bench/foresthealth (~7 GB): 10 distinct synthetic
acquisitions of 1,098 px repeated over the tile (four healthy seasons, then three after each
of two onsets, in zones of every repetition) written as tiled GeoTIFFs, the other dates links
to the one of their season and stage (:func:`linked_series`). Each step is watched from
outside (:func:`run_watched`): wall time, CPU time of the process tree, peak of the summed
resident memory of the tree (sampled every 0.5 s) and each process's own peak.
``--tile-size``/``--tile-rows`` run a smaller part (e.g. ``--tile-size 2048``).

``--tile-strip`` runs the detection in this process on a full-width strip of that tile
(``--strip-rows`` rows): its time × 10980 / rows estimates a whole tile's on one core.
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
import process_tree

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


TILE_RUN = """
import json, resource, sys, time
sys.path.insert(0, {pkgroot!r})
from dataterra.foresthealth.core import detection, series
started = time.perf_counter()
options = series.IndexOptions(mask_formula={mask!r}, apply_source_mask=True)
plan = series.run({series!r}, {state!r}, options, detection.Settings(), scheduler={scheduler!r})
print(json.dumps({{"seconds": time.perf_counter() - started, "dates": len(plan.dates),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}}))
"""

EXPORT_RUN = """
import json, resource, sys, time
sys.path.insert(0, {pkgroot!r})
import numpy as np
from dataterra.foresthealth.core import export, series
started = time.perf_counter()
window = series.load_state({state!r})["window"]
forest = np.ones((window.height, window.width), bool)
features = export.export_features({state!r}, forest, [0.265], ["Low anomaly", "Severe anomaly"])
print(json.dumps({{"seconds": time.perf_counter() - started, "features": len(features),
                  "dieback_features": sum(f.layer == "dieback" for f in features),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}}))
"""

TILE_WIDTH = 10980  # a Sentinel-2 tile at 10 m
TILE_BASE = 1098  # the distinct synthetic acquisitions, repeated 10 × 10 times over a tile
ONSETS = ("2018-08-01", "2019-04-01")
# the distinct acquisitions: four healthy seasons (training), then three after each onset (zones in dieback)
ANCHORS = (("2017-01-10", "2017-04-10", "2017-07-10", "2017-10-10"), ("2018-10-10", "2018-12-10", "2019-02-10"),
           ("2019-06-10", "2019-08-10", "2019-10-10"))
TIFF_OPTIONS = ("TILED=YES", "COMPRESS=ZSTD", "ZSTD_LEVEL=1", "PREDICTOR=2", "BIGTIFF=IF_SAFER")


def day_of_year(date):
    return int((np.datetime64(date) - np.datetime64(date[:4] + "-01-01")).astype(int))


def anchor_of(date):
    """The distinct acquisition standing for ``date``: same dieback stage, nearest season."""
    stage = sum(date >= onset for onset in ONSETS)

    def distance(anchor):
        days = abs(day_of_year(anchor) - day_of_year(date))
        return min(days, 365 - days)
    return min(ANCHORS[stage], key=distance)


def linked_series(folder, height, width, n_dates=150):
    """A THEIA series of ``height`` × ``width`` px at 10 m (20 m bands and mask at half that) and
    ``n_dates`` dates every 10 days from 2016-01-01, cheaply: 10 distinct synthetic acquisitions
    (two onset zones, dieback from ONSETS) repeated over the extent and written once as tiled
    GeoTIFFs, every other date a folder of symbolic links to the one of its season and stage."""
    from osgeo import gdal

    from dataterra.foresthealth.core import synthetic
    products = folder / "products"
    if (folder / "complete").exists():
        return products
    shutil.rmtree(folder, ignore_errors=True)
    base = min(TILE_BASE, height, width) // 2 * 2
    quarter = base // 4 // 2 * 2
    onsets = {(quarter, 2 * quarter, quarter, 2 * quarter): ONSETS[0],
              (2 * quarter, 3 * quarter, 2 * quarter, 3 * quarter + quarter // 2): ONSETS[1]}
    distinct = folder / "distinct"
    synthetic.synthetic_series(distinct, size=base, onsets=onsets, cloudy_share=0.0, seed=9, gap=None,
                               dates=[anchor for stage in ANCHORS for anchor in stage])
    written = {}
    for date in synthetic.irregular_dates("2016-01-01", "2020-12-31", steps=(10,))[:n_dates]:
        anchor, target = anchor_of(date), products / synthetic.theia_name(date)
        source = distinct / synthetic.theia_name(anchor)
        for path in source.rglob("*.tif"):
            relative = path.relative_to(source).parent
            copy = target / relative / path.name.replace(source.name, target.name)
            if anchor in written:
                first = written[anchor]
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.symlink_to(first / relative / path.name.replace(source.name, first.name))
                continue
            ds = gdal.Open(str(path))
            array = ds.ReadAsArray()
            scale = base // array.shape[0]  # 1 at 10 m, 2 at 20 m
            rows, cols = height // scale, width // scale
            repeated = np.tile(array, (-(-rows // array.shape[0]), -(-cols // array.shape[1])))[:rows, :cols]
            synthetic.write_tif(copy, repeated, ds.GetGeoTransform(), 32631, TIFF_OPTIONS)
        written.setdefault(anchor, target)
    shutil.rmtree(distinct)
    (folder / "complete").write_text(json.dumps({"height": height, "width": width, "dates": n_dates}))
    return products


LAUNCHER = "launching process (client, scheduler, nannies)"


def process_role(command):
    text = " ".join(command)
    if "resource_tracker" in text:
        return "resource tracker"
    return "Dask worker" if "multiprocessing" in text else text[-40:]


def dieback_summary(state, rows=512):
    """(dieback pixels, {first dieback date: pixels}) of a state folder, read strip by strip."""
    from osgeo import gdal
    dates = json.loads((state / "state.json").read_text())["dates"]
    dieback, first = gdal.Open(str(state / "state.tif")), gdal.Open(str(state / "first_date.tif"))
    count, by_date = 0, {}
    for row in range(0, dieback.RasterYSize, rows):
        height = min(rows, dieback.RasterYSize - row)
        flags = dieback.ReadAsArray(0, row, dieback.RasterXSize, height).astype(bool)
        values, counts = np.unique(first.ReadAsArray(0, row, dieback.RasterXSize, height)[flags], return_counts=True)
        count += int(flags.sum())
        for value, number in zip(values, counts):
            by_date[dates[value]] = by_date.get(dates[value], 0) + int(number)
    return count, dict(sorted(by_date.items()))


def run_watched(code, log, interval=0.5, environment=None):
    """Run ``code`` in a new Python process; every ``interval`` s sum the resident memory of it
    and of all its descendants (Dask workers, ...). Returns its JSON figures with ``cpu`` (the
    whole tree's CPU time), ``tree_peak_mb`` and ``processes`` (each one's own peak, VmHWM =
    its ru_maxrss, with its role)."""
    cpu = children_cpu()
    with open(log, "w") as output:
        done, watch = process_tree.run_watched([sys.executable, "-c", code], interval, stdout=output,
                                               stderr=subprocess.STDOUT, text=True,
                                               env=dict(os.environ, **(environment or {})))
    lines = Path(log).read_text().strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the run failed ({done.returncode}), see {log}")
    figures = json.loads(lines[-1])
    processes = [{"process": LAUNCHER if member["root"] else process_role(member["command"]),
                  "peak_mb": member["peak_mb"]} for member in watch.processes]
    figures.update({"cpu": children_cpu() - cpu, "tree_peak_mb": watch.peak_mb, "processes": processes})
    return figures


def directory_gb(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink()) / 1e9


def tile_run(work, height, width=TILE_WIDTH, scheduler=None, with_export=False, n_dates=150):
    """Detection (and the export of its polygons) over a ``height`` × ``width`` px part of a tile
    with 150 linked dates (:func:`linked_series`), each run watched by :func:`run_watched`."""
    folder = work / f"tile_{width}x{height}"
    started = time.perf_counter()
    products = linked_series(folder, height, width, n_dates)
    figures = {"build_seconds": time.perf_counter() - started, "inputs_gb": directory_gb(folder),
               "load_before": Path("/proc/loadavg").read_text().split()[:3]}
    state = folder / "state"
    shutil.rmtree(state, ignore_errors=True)
    code = TILE_RUN.format(pkgroot=str(PKGROOT), mask=MASK_FORMULA, series=str(products), state=str(state),
                           scheduler=scheduler)
    # each process reads a few 256-px tiles of each file per date and block: a larger GDAL cache (the
    # default is 5 % of the RAM in each of the three processes) would only fill up
    figures["detection"] = run_watched(code, folder / "detection.log", environment={"GDAL_CACHEMAX": "64"})
    figures["load_after_detection"] = Path("/proc/loadavg").read_text().split()[:3]
    figures["state_gb"] = directory_gb(state)
    figures["dieback_pixels"], figures["first_dieback_dates"] = dieback_summary(state)
    (folder / "figures.json").write_text(json.dumps(figures, indent=1))  # kept if the export is stopped
    if with_export:
        code = EXPORT_RUN.format(pkgroot=str(PKGROOT), state=str(state))
        figures["export"] = run_watched(code, folder / "export.log")
        figures["load_after_export"] = Path("/proc/loadavg").read_text().split()[:3]
    (folder / "figures.json").write_text(json.dumps(figures, indent=1))
    shutil.rmtree(state, ignore_errors=True)
    return figures


def print_tile(figures, height, width, scheduler):
    detection = figures["detection"]
    print(f"Tile: {width} × {height} px × {detection['dates']} dates (10 distinct synthetic acquisitions linked, "
          f"inputs {figures['inputs_gb']:.1f} GB, built in {figures['build_seconds']:.0f} s), scheduler "
          f"{scheduler or 'in process'}; load average before {' '.join(figures['load_before'])}, after "
          f"{' '.join(figures['load_after_detection'])}.\n")
    print("| Step | Wall time (s) | CPU time of the tree (s) | Peak of the process tree (MB) | "
          "Peak of each process (MB) |")
    print("|---|---|---|---|---|")
    for step in ("detection", "export"):
        if step in figures:
            run = figures[step]
            each = "; ".join(f"{p['process']} {p['peak_mb']:.0f}" for p in run["processes"])
            print(f"| {step} | {run['seconds']:.0f} | {run['cpu']:.0f} | {run['tree_peak_mb']:.0f} | {each} |")
    print(f"\nState folder {figures['state_gb']:.1f} GB on disk; {figures['dieback_pixels']} px in dieback, first "
          f"dieback dates {figures['first_dieback_dates']}.")
    if "export" in figures:
        print(f"Export: {figures['export']['features']} polygons ({figures['export']['dieback_features']} dieback).")


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
    parser.add_argument("--tile", action="store_true")
    parser.add_argument("--tile-without-export", action="store_true", help="--tile: the detection only")
    parser.add_argument("--tile-size", type=int, default=TILE_WIDTH, help="width of the tile (px)")
    parser.add_argument("--tile-rows", type=int, help="its height (px), default: the width")
    parser.add_argument("--scheduler", default=os.environ.get("DASK_SCHEDULER", "local:2"))
    args = parser.parse_args()
    ensure_package_link()
    work = ROOT / "build" / "bench" / "foresthealth"
    if args.tile:
        rows = args.tile_rows or args.tile_size
        figures = tile_run(work, rows, args.tile_size, args.scheduler, with_export=not args.tile_without_export)
        print_tile(figures, rows, args.tile_size, args.scheduler)
        return
    if args.tile_strip:
        figures = tile_run(work, args.strip_rows)
        print_tile(figures, args.strip_rows, TILE_WIDTH, None)
        print(f"A whole tile ({TILE_WIDTH} rows, same peak memory) ≈ "
              f"{figures['detection']['seconds'] * TILE_WIDTH / args.strip_rows / 60:.0f} min on one core.\n")
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
