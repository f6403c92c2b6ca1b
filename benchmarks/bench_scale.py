"""Benchmark of the Dask execution layer (rasterblocks/execution.py).

Runs alone (``python benchmarks/bench_scale.py [--size 1200] [--workers 2]``) and prints a
Markdown table:

* the speed-up of a local cluster of ``--workers`` processes (``local:N``) over the
  in-process path for the pixel labelling of spectral species (``apply_model``), the alpha,
  beta and functional diversity maps and dieback detection: each step alone on a new cluster
  (its start-up included: one ``qgis_process`` run), and the steps in a row on one kept cluster
  (QGIS desktop: the start-up paid once, counted in the total), and whether the outputs are
  bit-identical;
* the scheduler overhead per block: the time per block of a map over ``--blocks`` blocks
  that do nothing, on the local cluster, minus the in-process time;
* the peak memory of a worker after labelling with blocks of 256, 512 and 1024 pixels;
* the effective mesh size of a ``--mesh`` square random landscape per grid cell, in process
  and on the local cluster (time and peak memory of the launching process, each in its own
  process).

``--national`` (``make bench-national``, not in CI) only measures the effective mesh size per
unit on a synthetic France-sized raster: ``--national-size`` square at 10 m (default 100,000:
10¹⁰ pixels, a 1.9 GB tiled DEFLATE GeoTIFF written first, removed after the run even when it
fails or is killed) with about ``--units`` square reporting units: wall and CPU time, peak memory
of the launching process and of its process tree (with the Dask workers), and whether every
unit's meff is the same in process and on the cluster.

Image: the seeded synthetic Sentinel-2-like scene (10 bands, float32), ``--size`` square.
Each step runs ``--repeat`` times (default 3) in each place, in turn; the table gives the
median and the range.
The machine's load is printed with the figures: on a shared machine they vary.
"""
import argparse
import dataclasses
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("GDAL_CACHEMAX", "256")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "demo"))
import bootstrap  # noqa: E402,F401  (makes `import dataterra` work)

from dataterra.biodivmap.core import diversity, spectral, synthetic  # noqa: E402
from dataterra.rasterblocks import create_like, open_raster  # noqa: E402
from dataterra.rasterblocks.execution import keep_local_clusters, map_blocks, worker_modules  # noqa: E402
from osgeo import gdal  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_fragscape import CHILD_COMMON, child, write_random_landscape  # noqa: E402
from process_tree import peak_mb as worker_peak_mb  # noqa: E402  (run in each worker by client.run: its VmHWM)

MESH = CHILD_COMMON + """
from dataterra.fragscape.core.raster_mesh import effective_mesh_size_raster
path, grid_size, scheduler = sys.argv[1], float(sys.argv[2]), sys.argv[3]
import resource


def cpu_seconds():
    # this process and its ended children (the workers of a local cluster, joined when it closes)
    return sum(usage.ru_utime + usage.ru_stime for usage in (resource.getrusage(resource.RUSAGE_SELF),
                                                             resource.getrusage(resource.RUSAGE_CHILDREN)))


start, cpu_start = time.perf_counter(), cpu_seconds()
result = effective_mesh_size_raster(path, [1], "CUT", 8, grid_size=grid_size, scheduler=scheduler)
seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
import hashlib
per_unit = np.array([(zone, metrics.meff_ha) for zone, metrics in sorted(result.zones.items())])
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_mb(), "units": len(result.zones),
                  "meff_ha": result.whole.meff_ha, "per_unit_sha": hashlib.sha256(per_unit.tobytes()).hexdigest()}))
"""


def timed(function, *args, **kwargs):
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def nothing(block):
    return block


def same(first, second):
    a, b = gdal.Open(first).ReadAsArray(), gdal.Open(second).ReadAsArray()
    return a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True)


def startup_seconds(scheduler):
    """Time of a map over one empty block: starting (and closing, unless kept) the local cluster."""
    return timed(map_blocks, nothing, [0], lambda *_: None, scheduler)[0]


def overhead_per_block(scheduler, blocks):
    here = timed(map_blocks, nothing, range(blocks), lambda *_: None, "")[0]
    there = timed(map_blocks, nothing, range(blocks), lambda *_: None, scheduler)[0] - startup_seconds(scheduler)
    return (there - here) / blocks


def worker_memory_line(model, scene, folder, workers, blocks=(256, 512, 1024)):
    """Peak RSS of each worker of a running cluster after labelling with growing blocks:
    it grows with the block, not with the image."""
    from distributed import Client, LocalCluster

    cells = []
    for block in blocks:
        with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=40,
                          host="127.0.0.1") as cluster, Client(cluster, set_as_default=False) as client:
            spectral.apply_model(model, scene, str(folder / f"species_{block}.tif"), block=block,
                                 scheduler=cluster.scheduler_address)
            peaks = client.run(worker_peak_mb).values()
        cells.append(f"block {block}: {max(peaks):.0f} MB")
    return "Peak memory of a worker (labelling): " + ", ".join(cells) + "."


def load_text():
    return open("/proc/loadavg").read().split(" ")[0:3]


def mesh_lines(size, units, scheduler, folder, landscape=None, where=("", None)):
    """Markdown rows of the effective mesh size per grid cell, in process and on ``scheduler``:
    time, peak memory of the launching process (VmHWM) and of its whole process tree (the
    launching process, the Dask nannies and workers: summed RSS sampled every 0.5 s), CPU time.
    ``landscape``: a landscape written before by :func:`write_random_landscape` (removed too).
    ``where``: the runs, "" = in process, None = on ``scheduler``."""
    path = Path(landscape or Path(folder) / f"landscape_{size}.tif")
    try:
        started = time.perf_counter()
        if landscape is None:
            write_random_landscape(path, size)
        written = time.perf_counter() - started
        grid_size = 10.0 * max(1, round(size / units ** 0.5))
        lines = [f"Effective mesh size per unit, {size:,} × {size:,} px at 10 m ({size * size / 1e9:.3g} Gpx), "
                 f"grid cells of {grid_size:g} m (landscape written in {written:.0f} s, "
                 f"{path.stat().st_size / 1e9:.2f} GB, not counted); {os.cpu_count()} cores, "
                 f"nice {os.nice(0)}:\n",
                 "| where | seconds | CPU seconds | peak of the launching process (MB) "
                 "| peak of the process tree (MB) | units | meff (ha) | load average before → after |",
                 "|---|---|---|---|---|---|---|---|"]
        digests = set()
        for name in [scheduler if name is None else name for name in where]:
            before = load_text()
            run = child(MESH, path, grid_size, name, tree_every=0.5)
            lines.append(f"| {name or 'in process'} | {run['seconds']:.1f} | {run['cpu_seconds']:.1f} "
                         f"| {run['peak_mb']:.0f} "
                         f"| {run['tree_peak_mb']:.0f} | {run['units']:,} | {run['meff_ha']:.9g} "
                         f"| {' '.join(before)} → {' '.join(load_text())} |")
            print(lines[-1], file=sys.stderr, flush=True)  # progress of a long run
            digests.add(run["per_unit_sha"])
        if len(where) > 1:
            lines.append(f"\nmeff of every unit identical in process and on {scheduler}: "
                         f"{'yes' if len(digests) == 1 else 'NO'}.")
        else:  # to compare with a run elsewhere
            lines.append(f"\nSHA-256 of every unit's meff: {digests.pop()}.")
    finally:
        path.unlink(missing_ok=True)
    return lines


STEP_NAMES = ("labelling", "alpha", "beta", "functional", "dieback")


def tiled_species(species, folder, tiles):
    """The labelled species raster repeated ``tiles`` × ``tiles`` times: alpha diversity does
    seconds of work on the scene, too little to measure against the cluster's start-up."""
    if tiles <= 1:
        return species
    info = open_raster(species)
    labels = info.open().ReadAsArray()
    path = str(folder / f"species_tiled_{tiles}.tif")
    grid = dataclasses.replace(info, width=info.width * tiles, height=info.height * tiles)
    out = create_like(path, grid, labels.dtype, labels.shape[0], info.nodata[0])
    out.WriteArray(np.tile(labels, (1, tiles, tiles)))
    out = None
    return path


def step_runs(model, scene, folder, series_size, alpha_tiles=1):
    """(name, run(scheduler, tag) -> what to compare) of every step, in order: each step reads
    what the in-process labelling wrote, so both paths get the same input."""
    from dataterra.foresthealth.core import series
    from dataterra.foresthealth.core.synthetic import synthetic_series

    species, pca = str(folder / "species_inprocess.tif"), str(folder / "pca_inprocess.tif")
    products = folder / "series"
    big_species = []

    def labelling(scheduler, tag):
        spectral.apply_model(model, scene, str(folder / f"species_{tag}.tif"), str(folder / f"pca_{tag}.tif"),
                             scheduler=scheduler)
        return [str(folder / f"species_{tag}.tif")]

    def alpha(scheduler, tag):
        diversity.alpha_diversity(big_species[0], str(folder / f"alpha_{tag}.tif"), window=10, scheduler=scheduler)
        return [str(folder / f"alpha_{tag}.tif")]

    def beta(scheduler, tag):
        diversity.beta_diversity(species, str(folder / f"beta_{tag}.tif"), window=10, scheduler=scheduler)
        return [str(folder / f"beta_{tag}.tif")]

    def functional(scheduler, tag):
        diversity.functional_diversity(pca, str(folder / f"functional_{tag}.tif"), window=10, scheduler=scheduler)
        return [str(folder / f"functional_{tag}.tif")]

    def dieback(scheduler, tag):
        state = folder / f"state_{tag}"
        shutil.rmtree(state, ignore_errors=True)  # a new detection each time, not an update of the last run
        series.run(products, state, scheduler=scheduler)  # default blocks
        return sorted(str(path) for path in state.glob("*.tif"))

    def prepare(name):
        """Inputs written before the step is timed."""
        if name == "alpha" and not big_species:
            big_species.append(tiled_species(species, folder, alpha_tiles))
        if name == "dieback" and not products.exists():
            synthetic_series(products, size=series_size)

    return [("labelling", labelling), ("alpha", alpha), ("beta", beta), ("functional", functional),
            ("dieback", dieback)], prepare


STEP_TITLES = {"labelling": "spectral species: pixel labelling", "alpha": "alpha diversity map (species tiled)",
               "beta": "beta diversity map (both passes)", "functional": "functional diversity map",
               "dieback": "dieback detection (synthetic series, blocks of 256)"}


def median_seconds(runs):
    return statistics.median(seconds for seconds, _ in runs)


def seconds_cell(runs):
    """The median of the runs' seconds, with their range when there are several."""
    cell = f"{median_seconds(runs):.1f}"
    if len(runs) > 1:
        cell += f" ({min(seconds for seconds, _ in runs):.1f}–{max(seconds for seconds, _ in runs):.1f})"
    return cell


def step_row(name, here, cold, kept):
    """One Markdown row from the runs, (seconds, outputs) each, of a step: in process; on a new
    local cluster (its start-up and the workers' first imports included: one run of
    ``qgis_process``); on the cluster kept by the previous steps (QGIS desktop, a chain of steps);
    speed-ups of the medians; identical outputs."""
    reference = here[-1][1]
    identical = all(len(outputs) == len(reference) and all(same(a, b) for a, b in zip(reference, outputs))
                    for outputs in (cold[-1][1], kept[-1][1]))
    return (f"| {STEP_TITLES[name]} | {seconds_cell(here)} | {seconds_cell(cold)} "
            f"| {median_seconds(here) / median_seconds(cold):.2f}× | {seconds_cell(kept)} "
            f"| {median_seconds(here) / median_seconds(kept):.2f}× | {'yes' if identical else 'NO'} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocks", type=int, default=400)
    parser.add_argument("--clusters", type=int, default=30)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--mesh", type=int, default=4000)
    parser.add_argument("--series", type=int, default=1536,
                        help="dieback: square size of the synthetic series (1536: 6 strips of 256-px blocks, 3.4 GB)")
    parser.add_argument("--alpha-tiles", type=int, default=3,
                        help="alpha diversity runs on the species raster repeated N × N times")
    parser.add_argument("--steps", default=",".join(STEP_NAMES), help="comma-separated: " + ",".join(STEP_NAMES))
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each step in each place; the table gives their median (range)")
    parser.add_argument("--steps-only", action="store_true", help="skip the worker memory and mesh size lines")
    parser.add_argument("--national", action="store_true")
    parser.add_argument("--national-size", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=35_000)
    parser.add_argument("--landscape", help="--national: a landscape already written (removed after the run)")
    parser.add_argument("--only", choices=("inprocess", "cluster"), help="--national: only one of the two runs")
    args = parser.parse_args()
    args.steps = args.steps.split(",")
    scheduler = f"local:{args.workers}"
    folder = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    try:
        run_all(args, scheduler, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # the dieback series alone is gigabytes


def run_all(args, scheduler, folder):
    if args.national:
        # a run stopped with kill (SIGINT is ignored in the background) still removes the landscape
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # main() removes the folder
        print("\n".join(mesh_lines(args.national_size, args.units, scheduler, folder, args.landscape,
                                    {"inprocess": ("",), "cluster": (None,)}.get(args.only, ("", None)))))
        return
    scene = str(folder / "scene.tif")
    synthetic.write_synthetic_scene(scene, args.size, args.size, seed=1)
    model = spectral.fit_model(scene, n_clusters=args.clusters, n_iter=args.iterations, n_components=3, seed=1)
    start = startup_seconds(scheduler)
    every_step, prepare = step_runs(model, scene, folder, args.series, args.alpha_tiles)
    if "labelling" not in args.steps:  # the other steps read the in-process labelling
        dict(every_step)["labelling"]("", "inprocess")
    steps = [step for step in every_step if step[0] in args.steps]
    single = {name: ([], []) for name, _ in steps}
    for name, run in steps:  # each step alone: in process, then on a new cluster, in turn
        prepare(name)
        for _ in range(args.repeat):
            single[name][0].append(timed(run, "", "inprocess"))
            single[name][1].append(timed(run, scheduler, "new"))
    kept = {name: [] for name, _ in steps}
    try:  # the steps in a row on one kept cluster, as in QGIS
        keep_local_clusters(True, preload=worker_modules())  # as the QGIS plugin does
        kept_start = startup_seconds(scheduler)  # starts the kept cluster
        for _ in range(args.repeat):
            for name, run in steps:
                kept[name].append(timed(run, scheduler, "kept"))
    finally:
        keep_local_clusters(False)
    rows = [step_row(name, *single[name], kept[name]) for name, _ in steps]
    here = sum(median_seconds(single[name][0]) for name, _ in steps)
    there = sum(median_seconds(kept[name]) for name, _ in steps)
    per_block = overhead_per_block(scheduler, args.blocks)
    load = os.getloadavg()
    print(f"Scene {args.size} × {args.size} px, 10 bands; {args.clusters} species × {args.iterations} iterations; "
          f"{os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} (shared machine: figures vary). "
          f"Seconds: median of {args.repeat} runs (range).\n")
    print(f"| step | in process (s) | new {scheduler} (s) | speed-up | kept {scheduler} (s) | speed-up "
          "| identical |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"| **the steps in a row** (kept cluster: its start-up, {kept_start:.1f} s, counted once) | {here:.1f} "
          f"| | | {there + kept_start:.1f} | {here / (there + kept_start):.2f}× | |")
    print(f"\nLocal cluster start-up and shutdown: {start:.1f} s. Scheduler overhead per block "
          f"({args.blocks} empty blocks): {per_block * 1000:.1f} ms.\n")
    if args.steps_only:
        return
    print(worker_memory_line(model, scene, folder, args.workers) + "\n")
    print("\n".join(mesh_lines(args.mesh, 400, scheduler, folder)))


if __name__ == "__main__":
    main()
