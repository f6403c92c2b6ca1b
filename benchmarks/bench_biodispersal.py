"""Benchmark: dataterra:cost_distance against grass7:r.cost on the same friction raster (random,
random with zero-friction plateaus, and BioDispersal's own Bousquet d'Orb forest friction),
and dataterra:connectivity_graph on 2,000 patches. Prints a Markdown table.

    .venv/bin/python benchmarks/bench_biodispersal.py [--size 4000] [--patches 2000]

Both cost tools run through QGIS Processing (reading the GeoTIFF and writing the result
included), with 8 directions and with the knight's move (r.cost -k); results are compared
cell by cell (relative difference where both reach). Peak memory per cell: every numpy
array of Data Terra's algorithm (tracemalloc, in a second run) and the peak RSS of the
r.cost process (it keeps its segments in memory with memory=2000).
"""
import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import process_tree
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


def traced_peak(function):
    """Peak of the numpy / Python allocations made by ``function`` (tracemalloc), in bytes."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench_cost(workdir, size, n_sources, rng, knight=False, zero_fraction=0.0):
    """Time, result difference and peak memory per cell of cost_distance and r.cost [-k].

    With ``zero_fraction``, that share of the cells has friction 0 in plateaus of every size
    (smoothed noise below its quantile), as BioDispersal's frictions give 0 to habitat.
    """
    friction = rng.uniform(1.0, 100.0, (size, size)).astype(np.float32)
    if zero_fraction:
        from scipy import ndimage

        noise = ndimage.uniform_filter(rng.random((size, size), dtype=np.float32), 9)
        friction[noise < np.quantile(noise, zero_fraction)] = 0.0
        del noise
    friction[rng.random((size, size)) < 0.05] = -9999.0
    friction_path = write(workdir / "friction.tif", friction, -9999.0)
    starts = np.full((size, size), -1, dtype=np.int32)
    passable = np.flatnonzero(friction.ravel() >= 0)
    chosen = rng.choice(passable, n_sources, replace=False)
    starts.ravel()[chosen] = np.arange(1, n_sources + 1)
    start_path = write(workdir / f"start_{n_sources}.tif", starts, -1)
    del friction, starts, passable
    return compare_cost_tools(workdir, friction_path, start_path, f"{n_sources}", knight)


def compare_cost_tools(workdir, friction_path, start_path, tag, knight, max_cost=0.0):
    """cost_distance and r.cost [-k] on the same files: times, max rel. diff, same reach, bytes per cell."""
    import processing

    parameters = {"SOURCES": start_path, "FRICTION": friction_path, "UNITS": 0, "KNIGHT_MOVE": knight,
                  "MAX_COST": max_cost, "OUTPUT": str(workdir / f"ours_{tag}.tif")}
    t_ours, ours = timed(lambda: processing.run("dataterra:cost_distance", parameters))
    # memory in a second run: tracemalloc would slow the timed one down
    ours_peak = traced_peak(lambda: processing.run("dataterra:cost_distance", {
        **parameters, "OUTPUT": str(workdir / f"ours_mem_{tag}.tif")}))
    # r.cost runs as a grandchild of QGIS Processing: its own peak (VmHWM), seen in this process's tree
    with process_tree.TreeWatch(os.getpid(), 0.2) as tree:
        t_grass, grass = timed(lambda: processing.run("grass7:r.cost", {
            "input": friction_path, "start_raster": start_path, "-k": knight, "-n": False, "max_cost": max_cost,
            "memory": 2000, "output": str(workdir / f"grass_{tag}.tif"), "outdir": "TEMPORARY_OUTPUT"}))
    grass_peak = max((member["peak_mb"] for member in tree.processes if member["name"] == "r.cost"), default=0)
    theirs = read(grass["output"])
    if max_cost:
        theirs[theirs > max_cost] = np.nan  # r.cost leaves tentative values beyond max_cost
    rel, same = compare(read(ours["OUTPUT"]), theirs)
    cells = theirs.size
    return {"ours": t_ours, "grass": t_grass, "rel": rel, "same": same, "ours_bytes": ours_peak / cells,
            "grass_bytes": grass_peak * 2**20 / cells}


def cost_row(size, n_sources, knight, figures, what="random friction"):
    move = "r.cost -k (knight's move, 16 directions)" if knight else "r.cost (8 directions)"
    return (f"| cost_distance vs {move}, {what}, {size}, {n_sources} source(s) | {figures['ours']:.1f} | "
            f"{figures['grass']:.1f} | {figures['ours'] / figures['grass']:.2f} | max rel. diff {figures['rel']:.1e}, "
            f"same reached cells {100 * figures['same']:.3f} %; peak memory per cell: Data Terra "
            f"{figures['ours_bytes']:.0f} B (all arrays of the algorithm), r.cost {figures['grass_bytes']:.0f} B "
            "(peak RSS of the r.cost process) |")


def bench_bousquet(workdir):
    """BioDispersal's own forest friction of Bousquet d'Orb (367,985 zero cells), max cost 1000."""
    data = Path(__file__).resolve().parent.parent / "tests" / "data" / "biodispersal"
    rows = []
    for knight in (False, True):
        figures = compare_cost_tools(workdir, str(data / "bousquet_forest_friction.tif"),
                                     str(data / "bousquet_forest_sources.tif"), f"bousquet{knight}", knight, 1000.0)
        rows.append(cost_row("1342 x 1589", "395,057 cells", knight, figures,
                             "BioDispersal's Bousquet d'Orb forest friction (17 % zero), MAX_COST 1000"))
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def patch_grid(n_patches, rng):
    """Habitat raster of ``n_patches`` separate patches (3..8 cells across) on a grid, and a friction."""
    side = int(np.ceil(np.sqrt(n_patches)))
    size = side * 20
    habitat = np.zeros((size, size), dtype=np.int32)
    centres = [(r * 20 + 10, c * 20 + 10) for r in range(side) for c in range(side)][:n_patches]
    for r, c in centres:
        h, w = rng.integers(3, 9, 2)
        habitat[r - h // 2:r - h // 2 + h, c - w // 2:c - w // 2 + w] = 1
    return habitat, rng.uniform(1.0, 50.0, habitat.shape).astype(np.float32)


def bench_graph(workdir, n_patches, rng):
    import processing

    habitat, friction = patch_grid(n_patches, rng)
    size = habitat.shape[0]
    patches = write(workdir / "patches.tif", habitat, -1)
    friction_path = write(workdir / "graph_friction.tif", friction, -9999.0)
    rows = []
    # MAX_DISTANCE 0 keeps every link of the planar graph: one component of all the patches
    for max_distance, importance in ((0, False), (2000, True), (0, True)):
        parameters = {
            "PATCHES": patches, "FRICTION": friction_path, "MAX_DISTANCE": max_distance, "DISTANCE_50": 1500,
            "NODE_IMPORTANCE": importance, "OUTPUT_NODES": str(workdir / f"nodes{max_distance}{importance}.gpkg"),
            "OUTPUT_EDGES": str(workdir / f"edges{max_distance}{importance}.gpkg")}
        t, result = timed(lambda p=parameters: processing.run("dataterra:connectivity_graph", p))
        rows.append(f"| connectivity_graph, {n_patches} patches on {size} x {size} cells, friction, MAX_DISTANCE "
                    f"{max_distance}, node importance {'on (dPC, dIIC)' if importance else 'off'} | {t:.1f} | - | - | "
                    f"PC {result['PC']:.3e}, ECA {result['ECA']:.1f} ha, {result['N_COMPONENTS']} component(s) |")
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def networkx_importance(areas, edge_i, edge_j, length, d50):
    """Brute force: PC, IIC numerators and dPC, dIIC (percent) by networkx all-pairs paths,
    the graph rebuilt without each patch in turn."""
    import math

    import networkx as nx

    k = math.log(2) / d50
    graph = nx.Graph()
    graph.add_nodes_from(range(len(areas)))
    for i, j, d in zip(edge_i.tolist(), edge_j.tolist(), length.tolist()):
        if not graph.has_edge(i, j) or graph[i][j]["d"] > d:
            graph.add_edge(i, j, d=d)

    def sums(g):
        weighted = dict(nx.all_pairs_dijkstra_path_length(g, weight="d"))
        hops = dict(nx.all_pairs_shortest_path_length(g))
        pc = sum(areas[i] * areas[j] * math.exp(-k * weighted[i][j]) for i in g for j in weighted[i])
        iic = sum(areas[i] * areas[j] / (1 + hops[i][j]) for i in g for j in hops[i])
        return pc, iic

    pc, iic = sums(graph)
    d_pc, d_iic = [], []
    for node in range(len(areas)):
        reduced = graph.copy()
        reduced.remove_node(node)
        pc_k, iic_k = sums(reduced)
        d_pc.append(100 * (pc - pc_k) / pc)
        d_iic.append(100 * (iic - iic_k) / iic)
    return np.array(d_pc), np.array(d_iic)


def bench_graph_reference(n_patches, rng):
    """Node importance of the same kind of graph by Data Terra and by networkx brute force."""
    from dataterra.biodispersal.core.dispersal import label_source_patches
    from dataterra.biodispersal.core.graph import graph_indices
    from dataterra.biodispersal.core.patchgraph import build_patch_graph

    habitat, friction = patch_grid(n_patches, rng)
    graph = build_patch_graph(label_source_patches(habitat), (0.0, 10.0, 0.0, 0.0, 0.0, -10.0), friction)
    areas = graph.areas / 1e4
    t_ours, ours = timed(lambda: graph_indices(areas, graph.edge_i, graph.edge_j, graph.edge_length,
                                               landscape_area=1e4, distance_50=1500.0))
    t_nx, (d_pc, d_iic) = timed(lambda: networkx_importance(areas, graph.edge_i, graph.edge_j, graph.edge_length,
                                                            1500.0))
    diff = max(float(np.abs(ours.dPC - d_pc).max()), float(np.abs(ours.dIIC - d_iic).max()))
    row = (f"| node importance (dPC + fractions, dIIC) of {n_patches} patches in {ours.N_COMPONENTS} component(s), "
           f"{len(graph.edge_i)} links: graph_indices vs networkx all-pairs brute force | {t_ours:.2f} | "
           f"{t_nx:.1f} (networkx) | {t_ours / t_nx:.3f} | max abs. diff of dPC, dIIC {diff:.1e} (percent points) |")
    print(row, file=sys.stderr, flush=True)
    return [row]


def bench_corridors(workdir):
    """least_cost_corridors on the Clermontais forest patches: shared searches vs one search per pair."""
    import processing

    from dataterra.biodispersal.core import grids
    from dataterra.biodispersal.core.corridors import least_cost_corridors, least_cost_corridors_per_pair
    from dataterra.biodispersal.core.dispersal import label_source_patches
    from dataterra.rasterblocks import open_raster

    landcover = processing.run("dataterra:select_habitat", {
        "LANDCOVER": str(bootstrap.SAMPLE["clc"]), "CLASS_FIELD": "CODE_12", "CLASSES": "111-523",
        "RESOLUTION": 25.0, "KEEP_CLASS": True, "OUTPUT": str(workdir / "clc_25m.tif")})["OUTPUT"]
    friction_path = processing.run("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 4, "OUTPUT": str(workdir / "friction_forest.tif")})["OUTPUT"]
    patches_path = processing.run("dataterra:select_habitat", {
        "LANDCOVER": landcover, "CLASSES": "311-313, 324", "MIN_AREA": 5.0, "KEEP_CLASS": False,
        "OUTPUT": str(workdir / "forest.tif")})["OUTPUT"]
    info = open_raster(friction_path)
    friction = grids.read_float(info)
    labels = label_source_patches(grids.read_float(open_raster(patches_path)))
    max_cost = 10000.0
    t_shared, shared = timed(lambda: least_cost_corridors(labels, friction, info.geotransform, None, max_cost))
    t_pairs, per_pair = timed(lambda: least_cost_corridors_per_pair(labels, friction, info.geotransform, None,
                                                                    max_cost))
    rel = max(abs(a[2] - b[2]) / b[2] for a, b in zip(shared.paths, per_pair.paths))
    same_length = all(abs(a[3] - b[3]) <= 1e-9 * b[3] for a, b in zip(shared.paths, per_pair.paths))
    finite = np.isfinite(per_pair.corridor)
    same_corridor = np.array_equal(np.isfinite(shared.corridor), finite) and np.allclose(
        shared.corridor[finite], per_pair.corridor[finite], rtol=1e-12)
    row = (f"| least_cost_corridors, Clermontais forest at 25 m ({info.width} x {info.height}), "
           f"{len(shared.paths)} neighbouring pairs, MAX_COST {max_cost:g}: one shared search per patch vs two "
           f"searches per pair | {t_shared:.1f} | {t_pairs:.1f} (per pair) | {t_shared / t_pairs:.2f} | max rel. "
           f"diff of path costs {rel:.1e}, same lengths {same_length}, same corridor raster {same_corridor} |")
    print(row, file=sys.stderr, flush=True)
    return [row]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--patches", type=int, default=2000)
    parser.add_argument("--reference-patches", type=int, default=300,
                        help="patches of the graph compared with the networkx brute force")
    args = parser.parse_args()
    bootstrap.start_qgis()
    rng = np.random.default_rng(42)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for knight in (False, True):
            for n_sources in (1, 1000):
                figures = bench_cost(workdir, args.size, n_sources, rng, knight=knight)
                rows.append(cost_row(f"{args.size} x {args.size}", n_sources, knight, figures))
                print(rows[-1], file=sys.stderr, flush=True)
        rows.extend(bench_bousquet(workdir))
        for knight in (False, True):
            figures = bench_cost(workdir, args.size, 1000, rng, knight=knight, zero_fraction=0.4)
            rows.append(cost_row(f"{args.size} x {args.size}", 1000, knight, figures,
                                 "random friction with 40 % of zero cells in plateaus"))
            print(rows[-1], file=sys.stderr, flush=True)
        rows.extend(bench_graph(workdir, args.patches, rng))
        rows.extend(bench_graph_reference(args.reference_patches, rng))
        rows.extend(bench_corridors(workdir))
    ours_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| case | Data Terra (s) | GRASS r.cost (s) | ratio | results |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    # GRASS runs in child processes forked from this one, so their peak is not separable here
    print(f"\nPeak memory of this process (QGIS + Data Terra): {ours_mb:.0f} MB.")


if __name__ == "__main__":
    main()
