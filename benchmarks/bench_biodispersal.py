"""Benchmark: dataterra:cost_distance against grass7:r.cost on the same friction raster, and
dataterra:connectivity_graph on 2,000 patches. Prints a Markdown table.

    .venv/bin/python benchmarks/bench_biodispersal.py [--size 4000] [--patches 2000]

Both cost tools run through QGIS Processing (reading the GeoTIFF and writing the result
included); results are compared cell by cell (relative difference where both reach).
"""
import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "demo"))
import bootstrap  # noqa: E402


def write(path, array, nodata):
    gdal_type = gdal.GDT_Int32 if np.issubdtype(array.dtype, np.integer) else gdal.GDT_Float32
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal_type,
                                              ["TILED=YES", "COMPRESS=DEFLATE"])
    ds.SetGeoTransform((700000.0, 10.0, 0.0, 6300000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).SetNoDataValue(nodata)
    ds.GetRasterBand(1).WriteArray(array)
    ds = None
    return str(path)


def read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    array = band.ReadAsArray().astype(np.float64)
    if band.GetNoDataValue() is not None:
        array[array == band.GetNoDataValue()] = np.nan
    return array


def timed(function):
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def compare(ours, theirs):
    both = np.isfinite(ours) & np.isfinite(theirs)
    same_reach = float(np.mean(np.isfinite(ours) == np.isfinite(theirs)))
    rel = np.abs(ours[both] - theirs[both]) / np.maximum(np.abs(theirs[both]), 1e-12)
    return float(rel.max()) if rel.size else 0.0, same_reach


def bench_cost(workdir, size, n_sources, rng, knight=False):
    import processing

    friction = rng.uniform(1.0, 100.0, (size, size)).astype(np.float32)
    friction[rng.random((size, size)) < 0.05] = -9999.0
    friction_path = write(workdir / "friction.tif", friction, -9999.0)
    starts = np.full((size, size), -1, dtype=np.int32)
    passable = np.flatnonzero(friction.ravel() > 0)
    chosen = rng.choice(passable, n_sources, replace=False)
    starts.ravel()[chosen] = np.arange(1, n_sources + 1)
    start_path = write(workdir / f"start_{n_sources}.tif", starts, -1)
    t_ours, ours = timed(lambda: processing.run("dataterra:cost_distance", {
        "SOURCES": start_path, "FRICTION": friction_path, "UNITS": 0, "KNIGHT_MOVE": knight,
        "OUTPUT": str(workdir / f"ours_{n_sources}.tif")}))
    t_grass, grass = timed(lambda: processing.run("grass7:r.cost", {
        "input": friction_path, "start_raster": start_path, "-k": knight, "-n": False, "max_cost": 0,
        "memory": 2000, "output": str(workdir / f"grass_{n_sources}.tif"), "outdir": "TEMPORARY_OUTPUT"}))
    rel, same = compare(read(ours["OUTPUT"]), read(grass["output"]))
    return t_ours, t_grass, rel, same


def bench_graph(workdir, n_patches, rng):
    import processing

    side = int(np.ceil(np.sqrt(n_patches)))
    size = side * 20
    habitat = np.zeros((size, size), dtype=np.int32)
    centres = [(r * 20 + 10, c * 20 + 10) for r in range(side) for c in range(side)][:n_patches]
    for r, c in centres:  # 2,000 separate patches of random size (3..8 cells across)
        h, w = rng.integers(3, 9, 2)
        habitat[r - h // 2:r - h // 2 + h, c - w // 2:c - w // 2 + w] = 1
    friction = rng.uniform(1.0, 50.0, habitat.shape).astype(np.float32)
    patches = write(workdir / "patches.tif", habitat, -1)
    friction_path = write(workdir / "graph_friction.tif", friction, -9999.0)
    rows = []
    for max_distance, importance in ((0, False), (1500, True), (2000, True)):
        parameters = {
            "PATCHES": patches, "FRICTION": friction_path, "MAX_DISTANCE": max_distance, "DISTANCE_50": 1500,
            "NODE_IMPORTANCE": importance, "OUTPUT_NODES": str(workdir / f"nodes{max_distance}.gpkg"),
            "OUTPUT_EDGES": str(workdir / f"edges{max_distance}.gpkg")}
        t, result = timed(lambda p=parameters: processing.run("dataterra:connectivity_graph", p))
        rows.append(f"| connectivity_graph, {n_patches} patches on {size} x {size} cells, friction, MAX_DISTANCE "
                    f"{max_distance}, node importance {'on' if importance else 'off'} | {t:.1f} | - | - | "
                    f"PC {result['PC']:.3e}, ECA {result['ECA']:.1f} ha, {result['N_COMPONENTS']} component(s) |")
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--patches", type=int, default=2000)
    parser.add_argument("--knight-size", type=int, default=1500, help="size of the knight's-move case")
    args = parser.parse_args()
    bootstrap.start_qgis()
    rng = np.random.default_rng(42)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for n_sources in (1, 1000):
            t_ours, t_grass, rel, same = bench_cost(workdir, args.size, n_sources, rng)
            rows.append(f"| cost_distance vs r.cost, {args.size} x {args.size}, {n_sources} source(s) | "
                        f"{t_ours:.1f} | {t_grass:.1f} | {t_ours / t_grass:.2f} | max rel. diff {rel:.1e}, "
                        f"same reached cells {100 * same:.3f} % |")
            print(rows[-1], file=sys.stderr, flush=True)
        # the knight's move needs an explicit 16-neighbour graph (~450 bytes per cell): smaller raster
        t_ours, t_grass, rel, same = bench_cost(workdir, args.knight_size, 1, rng, knight=True)
        size = args.knight_size
        rows.append(f"| cost_distance vs r.cost -k (knight's move), {size} x {size}, 1 source | "
                    f"{t_ours:.1f} | {t_grass:.1f} | {t_ours / t_grass:.2f} | max rel. diff {rel:.1e}, "
                    f"same reached cells {100 * same:.3f} % |")
        print(rows[-1], file=sys.stderr, flush=True)
        rows.extend(bench_graph(workdir, args.patches, rng))
    ours_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| case | Data Terra (s) | GRASS r.cost (s) | ratio | results |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    # GRASS runs in child processes forked from this one, so their peak is not separable here
    print(f"\nPeak memory of this process (QGIS + Data Terra): {ours_mb:.0f} MB.")


if __name__ == "__main__":
    main()
