"""Benchmark: block-wise effective mesh size vs pylandstats, and the vector mode on the Clermontais.

Each contender runs in its own subprocess, which reports its wall time and its peak resident
memory (``VmHWM``), on the same random GeoTIFF (1 = habitat, 2 = other land, read from
disk by both). Prints Markdown tables.

    .venv/bin/python benchmarks/bench_fragscape.py [--size 10000] [--big 40000] [--skip-vector]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import process_tree

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

CHILD_COMMON = f"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {str(ROOT / 'build' / 'pkgroot')!r})
sys.path.append({str(ROOT / 'benchmarks')!r})
import numpy as np
from osgeo import gdal
from process_tree import peak_mb
"""

OURS = CHILD_COMMON + """
from dataterra.fragscape.core.raster_mesh import effective_mesh_size_raster
path, connectivity, block = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
baseline = peak_mb()
start = time.perf_counter()
result = effective_mesh_size_raster(path, habitat_values=[1], connectivity=connectivity, block=block)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "meff_ha": result.whole.meff_ha, "patches": result.whole.n_patches,
                  "peak_mb": peak_mb(), "baseline_mb": baseline}))
"""

PYLANDSTATS = CHILD_COMMON + """
import pylandstats
path, connectivity = sys.argv[1], sys.argv[2]
baseline = peak_mb()
start = time.perf_counter()
dataset = gdal.Open(path)
array = dataset.GetRasterBand(1).ReadAsArray()
pixel = dataset.GetGeoTransform()[1]
landscape = pylandstats.Landscape(array, res=(pixel, pixel), nodata=0, neighborhood_rule=connectivity)
meff = landscape.effective_mesh_size(class_val=1)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "meff_ha": meff, "patches": int(landscape.number_of_patches(class_val=1)),
                  "peak_mb": peak_mb(), "baseline_mb": baseline}))
"""


def write_random_landscape(path, size, habitat_share=0.5, block=2048, seed=0):
    """A size x size uint8 GeoTIFF (EPSG:2154, 10 m): 1 habitat, 2 other; written by blocks.

    Seeded and deterministic: one random byte per pixel, habitat where it is below
    ``habitat_share`` × 256 (the share is rounded to 1/256). Tiled, DEFLATE at level 1: on random
    pixels a higher level (or a predictor) shrinks the file by a few % at ten times the time
    (10¹⁰ pixels: ~3 min, ~1.9 GB, instead of ~30 min)."""
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    rng = np.random.default_rng(seed)
    below = np.uint8(min(255, round(habitat_share * 256)))
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte,
                                                   ["TILED=YES", "BIGTIFF=YES", "COMPRESS=DEFLATE", "ZLEVEL=1"])
    dataset.SetGeoTransform((600000.0, 10.0, 0.0, 6600000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(0)
    for row in range(0, size, block):
        rows = min(block, size - row)
        for col in range(0, size, block):
            cols = min(block, size - col)
            habitat = rng.integers(0, 256, (rows, cols), dtype=np.uint8) < below
            band.WriteArray(2 - habitat.view(np.uint8), col, row)  # 1 habitat, 2 other
    dataset = None
    return path


def child(script, *args, extra_env=None, tree_every=None):
    """Run ``script`` in a new Python process; its last stdout line is JSON, returned as a dict.
    ``tree_every`` (seconds): also sample the summed RSS of the process tree that often and add
    its peak as ``tree_peak_mb``."""
    done, watch = process_tree.run_watched(
        [PYTHON, "-c", script, *map(str, args)], tree_every, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})})
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if watch:
        # the tree holds the child: a run shorter than one sampling interval was sampled only as it started
        result["tree_peak_mb"] = max(watch.peak_mb, result.get("peak_mb", 0.0))
    return result


def raster_table(size, connectivities, block, folder):
    path = write_random_landscape(Path(folder) / f"random_{size}.tif", size)
    lines = [f"### Raster, {size:,} x {size:,} random landscape (50 % habitat), block {block}", "",
             "| connectivity | this (s) | pylandstats (s) | time ratio | this peak RSS (MB) "
             "| pylandstats peak RSS (MB) | memory ratio | meff equal |",
             "|---|---|---|---|---|---|---|---|"]
    for connectivity in connectivities:
        ours = child(OURS, path, connectivity, block)
        reference = child(PYLANDSTATS, path, connectivity)
        same = abs(ours["meff_ha"] - reference["meff_ha"]) <= 1e-9 * reference["meff_ha"]
        lines.append(
            f"| {connectivity} | {ours['seconds']:.1f} | {reference['seconds']:.1f} "
            f"| {reference['seconds'] / ours['seconds']:.1f}x faster | {ours['peak_mb']:.0f} "
            f"| {reference['peak_mb']:.0f} | {reference['peak_mb'] / ours['peak_mb']:.1f}x less "
            f"| {'yes' if same else 'NO'} ({ours['meff_ha']:.6g} ha) |")
    os.remove(path)
    return "\n".join(lines)


def big_raster_line(size, block, folder):
    start = time.perf_counter()
    path = write_random_landscape(Path(folder) / f"random_{size}.tif", size)
    written = time.perf_counter() - start
    ours = child(OURS, path, 8, block)
    # GDAL's block cache (GDAL_CACHEMAX, default 5 % of RAM) is a fixed bound of its own:
    # measure again with a small cache to show the implementation's own footprint
    small_cache = child(OURS, path, 8, block, extra_env={"GDAL_CACHEMAX": "64"})
    os.remove(path)
    return (f"### Raster, {size:,} x {size:,} ({size * size / 1e9:.1f} Gpixels), 8-connectivity, block {block}\n\n"
            f"| GDAL cache | seconds | peak RSS (MB) | after imports (MB) | patches |\n|---|---|---|---|---|\n"
            f"| default (5 % of RAM) | {ours['seconds']:.0f} | {ours['peak_mb']:.0f} | {ours['baseline_mb']:.0f} "
            f"| {ours['patches']:,} |\n"
            f"| GDAL_CACHEMAX=64 MB | {small_cache['seconds']:.0f} | {small_cache['peak_mb']:.0f} "
            f"| {small_cache['baseline_mb']:.0f} | {small_cache['patches']:,} |\n\n"
            f"(landscape written in {written:.0f} s, not counted)")


def vector_table(folder):
    sys.path.insert(0, str(ROOT / "demo"))
    import bootstrap

    bootstrap.start_qgis()
    import importlib.util

    spec = importlib.util.spec_from_file_location("step", ROOT / "demo" / "step_20_fragscape.py")
    step = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(step)
    import processing

    sample = bootstrap.SAMPLE
    folder = Path(folder)
    timings = {}
    start = time.perf_counter()
    roads = processing.run("dataterra:fragmenting_elements", {
        "INPUT": str(sample["roads"]), "FILTER": step.ROAD_FILTER, "BUFFER": step.ROAD_BUFFER,
        "OUTPUT": str(folder / "roads.gpkg")})["OUTPUT"]
    timings["fragmenting_elements (roads by class)"] = time.perf_counter() - start
    start = time.perf_counter()
    patches = processing.run("dataterra:prepare_landscape", {
        "LANDCOVER": str(sample["clc"]), "CLASS_FIELD": "CODE_12", "PRESET": step.CLC_PRESET,
        "FRAGMENTING": [roads], "STUDY_AREA": str(sample["epci"]), "MODE": 0,
        "OUTPUT": str(folder / "patches.gpkg")})["OUTPUT"]
    timings["prepare_landscape (vector)"] = time.perf_counter() - start
    for index, method in enumerate(("CUT", "CBC")):
        start = time.perf_counter()
        processing.run("dataterra:effective_mesh_size", {
            "INPUT": patches, "REPORTING": str(sample["communes"]), "METHOD": index,
            "OUTPUT": str(folder / f"meff_{method}.gpkg")})
        timings[f"effective_mesh_size (vector, 20 communes, {method})"] = time.perf_counter() - start
    lines = ["### Vector mode, Clermontais (733 CLC polygons, 1101 road segments, 20 communes)", "",
             "| step | seconds |", "|---|---|"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in timings.items()]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--block", type=int, default=1024)
    parser.add_argument("--big", type=int, default=0, help="also measure this implementation alone on big x big")
    parser.add_argument("--skip-vector", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "build" / "pkgroot"))
    with tempfile.TemporaryDirectory(prefix="bench_fragscape_") as folder:
        print(raster_table(args.size, (4, 8), args.block, folder), flush=True)
        if args.big:
            print("\n" + big_raster_line(args.big, args.block, folder), flush=True)
        if not args.skip_vector:
            print("\n" + vector_table(folder), flush=True)
    os._exit(0)  # skip QGIS's slow teardown


if __name__ == "__main__":
    main()
