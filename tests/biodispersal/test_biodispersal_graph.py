"""Graph indices against hand values and a brute-force networkx reference."""
import math

import networkx as nx
import numpy as np
import pytest

from dataterra.biodispersal.core.graph import graph_indices


def test_three_patches_by_hand():
    # 0 --100-- 1 --100-- 2, d50 = 100 so each link has p = 0.5 and p*_02 = 0.25
    result = graph_indices([1.0, 2.0, 3.0], [0, 1], [1, 2], [100.0, 100.0], landscape_area=10.0, distance_50=100.0)
    assert result.PC == pytest.approx(23.5 / 100)
    assert result.ECA == pytest.approx(math.sqrt(23.5))
    assert result.IIC == pytest.approx(24.0 / 100)  # 14 + 2 (2/2 + 6/2 + 3/3)
    assert result.N_COMPONENTS == 1
    assert result.dPC[1] == pytest.approx(100 * 13.5 / 23.5)
    assert result.dPC_intra[1] == pytest.approx(100 * 4 / 23.5)
    assert result.dPC_flux[1] == pytest.approx(100 * 8 / 23.5)
    assert result.dPC_connector[1] == pytest.approx(100 * 1.5 / 23.5)
    assert result.dPC_connector[0] == pytest.approx(0.0, abs=1e-12)
    assert result.dIIC[1] == pytest.approx(100 * (24 - 10) / 24)
    cut = graph_indices([1.0, 2.0, 3.0], [0, 1], [1, 2], [100.0, 300.0], 10.0, 100.0, max_distance=200.0)
    assert cut.N_COMPONENTS == 2 and cut.component[0] == cut.component[1] != cut.component[2]


def brute_force(areas, edges, landscape_area, d50):
    k = math.log(2) / d50

    def sums(graph):
        weighted = dict(nx.all_pairs_dijkstra_path_length(graph, weight="d"))
        hops = dict(nx.all_pairs_shortest_path_length(graph))
        pc = sum(areas[i] * areas[j] * math.exp(-k * weighted[i][j]) for i in graph for j in weighted[i])
        iic = sum(areas[i] * areas[j] / (1 + hops[i][j]) for i in graph for j in hops[i])
        return pc, iic

    graph = nx.Graph()
    graph.add_nodes_from(range(len(areas)))
    for i, j, d in edges:
        if not graph.has_edge(i, j) or graph[i][j]["d"] > d:
            graph.add_edge(i, j, d=d)
    pc, iic = sums(graph)
    d_pc, d_iic = [], []
    for node in range(len(areas)):
        reduced = graph.copy()
        reduced.remove_node(node)
        pc_k, iic_k = sums(reduced)
        d_pc.append(100 * (pc - pc_k) / pc)
        d_iic.append(100 * (iic - iic_k) / iic)
    return pc / landscape_area ** 2, iic / landscape_area ** 2, np.array(d_pc), np.array(d_iic), \
        nx.number_connected_components(graph)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_graphs_equal_networkx(seed):
    rng = np.random.default_rng(seed)
    n = 15
    areas = rng.uniform(1, 50, n)
    m = 22
    edges = [(int(i), int(j), float(d)) for i, j, d in
             zip(rng.integers(0, n, m), rng.integers(0, n, m), rng.uniform(10, 500, m)) if i != j]
    i, j, d = (np.array(x) for x in zip(*edges))
    result = graph_indices(areas, i, j, d, landscape_area=2000.0, distance_50=150.0)
    pc, iic, d_pc, d_iic, components = brute_force(areas, edges, 2000.0, 150.0)
    assert result.PC == pytest.approx(pc, rel=1e-9)
    assert result.IIC == pytest.approx(iic, rel=1e-9)
    assert result.N_COMPONENTS == components
    np.testing.assert_allclose(result.dPC, d_pc, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(result.dIIC, d_iic, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(result.dPC_intra + result.dPC_flux + result.dPC_connector, result.dPC, atol=1e-9)
    assert np.all(result.dPC_connector > -1e-9)


def test_patch_graph_euclidean_and_least_cost():
    from dataterra.biodispersal.core.patchgraph import build_patch_graph

    labels = np.zeros((5, 20), dtype=np.int32)
    labels[1:3, 0:2] = 1
    labels[1:3, 6:8] = 2
    labels[1:3, 14:16] = 3
    geotransform = (0.0, 10.0, 0.0, 50.0, 0.0, -10.0)
    euclid = build_patch_graph(labels, geotransform)
    edges = {(int(i), int(j)): d for i, j, d in zip(euclid.edge_i, euclid.edge_j, euclid.edge_length)}
    assert edges == {(0, 1): pytest.approx(50.0), (1, 2): pytest.approx(70.0)}  # 0 and 2 are not neighbours
    np.testing.assert_allclose(euclid.areas, [400.0, 400.0, 400.0])
    np.testing.assert_allclose(euclid.centroids[0], [10.0, 30.0])
    friction = np.full(labels.shape, 2.0)
    cost = build_patch_graph(labels, geotransform, friction=friction)
    np.testing.assert_allclose(cost.edge_length, [100.0, 140.0])  # friction 2 x metres
    capped = build_patch_graph(labels, geotransform, friction=friction, max_distance=120.0)
    assert list(capped.edge_length) == pytest.approx([100.0])


def test_connectivity_graph_algorithm(dataterra_provider, raster_writer, tmp_path, run_qgis_process):
    import processing
    from osgeo import ogr

    habitat = np.zeros((5, 20), dtype=np.int32)
    habitat[1:3, 0:2] = 311
    habitat[1:3, 6:8] = 312
    habitat[1:3, 14:16] = 311
    path = raster_writer("habitat.tif", habitat)
    result = processing.run("dataterra:connectivity_graph", {
        "PATCHES": path, "MAX_DISTANCE": 0, "DISTANCE_50": 50.0, "LANDSCAPE_AREA": 1.0,
        "OUTPUT_NODES": str(tmp_path / "nodes.gpkg"), "OUTPUT_EDGES": str(tmp_path / "edges.gpkg")})
    # areas 0.04 ha each, links 50 m (p = 0.5) and 70 m (p = 2 ** -1.4), A_L = 1 ha
    a, p01, p12 = 0.04, 0.5, 2 ** -1.4
    pc_num = 3 * a * a + 2 * a * a * (p01 + p12 + p01 * p12)
    assert result["PC"] == pytest.approx(pc_num)
    assert result["ECA"] == pytest.approx(math.sqrt(pc_num))
    assert result["IIC"] == pytest.approx(3 * a * a + 2 * a * a * (1 / 2 + 1 / 2 + 1 / 3))
    assert result["N_COMPONENTS"] == 1
    nodes_ds = ogr.Open(result["OUTPUT_NODES"])
    nodes = {f.GetField("patch_id"): f for f in nodes_ds.GetLayer(0)}
    assert len(nodes) == 3 and nodes[2].GetField("dPC_connector") > 0
    assert nodes[1].GetField("area_ha") == pytest.approx(a)
    edges_ds = ogr.Open(result["OUTPUT_EDGES"])
    assert sorted(f.GetField("distance") for f in edges_ds.GetLayer(0)) == pytest.approx([50.0, 70.0])
    friction = raster_writer("friction.tif", np.full(habitat.shape, 2.0, dtype=np.float32))
    out = run_qgis_process("dataterra:connectivity_graph", {
        "PATCHES": path, "FRICTION": friction, "MAX_DISTANCE": 120, "DISTANCE_50": 100,
        "OUTPUT_NODES": str(tmp_path / "n2.gpkg"), "OUTPUT_EDGES": str(tmp_path / "e2.gpkg")})
    assert out["results"]["N_COMPONENTS"] == 2


def random_edges(rng, n, m, integer_lengths=False):
    """Random undirected edges (parallel edges and self-loops dropped by the callers)."""
    lengths = rng.integers(1, 4, m) * 100.0 if integer_lengths else rng.uniform(10, 500, m)
    return [(int(i), int(j), float(d)) for i, j, d in zip(rng.integers(0, n, m), rng.integers(0, n, m), lengths)
            if i != j]


@pytest.mark.parametrize("seed, integer_lengths", [(3, False), (4, True), (5, True)])
def test_node_importance_exact_with_ties_and_components(seed, integer_lengths):
    # equal lengths make many equal shortest paths (the subtree of a removed patch then holds
    # nodes whose distance does not change) and sparse edges leave several components
    rng = np.random.default_rng(seed)
    n = 45
    areas = rng.uniform(1, 50, n)
    edges = random_edges(rng, n, 70, integer_lengths)
    i, j, d = (np.array(x) for x in zip(*edges))
    result = graph_indices(areas, i, j, d, landscape_area=3000.0, distance_50=120.0)
    pc, iic, d_pc, d_iic, components = brute_force(areas, edges, 3000.0, 120.0)
    assert components > 1
    assert result.PC == pytest.approx(pc, rel=1e-9)
    assert result.IIC == pytest.approx(iic, rel=1e-9)
    np.testing.assert_allclose(result.dPC, d_pc, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(result.dIIC, d_iic, rtol=1e-9, atol=1e-9)
    assert np.all(result.dPC_connector > -1e-9)


def test_node_importance_split_in_many_calls(monkeypatch):
    # tiny batches, chunks, waves and blocks: the same numbers as in one go and as networkx
    import dataterra.biodispersal.core.graph as graph_module

    rng = np.random.default_rng(7)
    n = 80
    areas = rng.uniform(1, 50, n)
    edges = random_edges(rng, n, 200)
    i, j, d = (np.array(x) for x in zip(*edges))
    whole = graph_indices(areas, i, j, d, landscape_area=5000.0, distance_50=200.0)
    for name, value in (("BATCH_CELLS", 150), ("COPY_NODES_PER_CALL", 40), ("WAVE_NODES", 7), ("BLOCK_NODES", 3)):
        monkeypatch.setattr(graph_module, name, value)
    split = graph_indices(areas, i, j, d, landscape_area=5000.0, distance_50=200.0)
    _, _, d_pc, d_iic, _ = brute_force(areas, edges, 5000.0, 200.0)
    for result in (whole, split):
        np.testing.assert_allclose(result.dPC, d_pc, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(result.dIIC, d_iic, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(split.dPC_connector, whole.dPC_connector, rtol=1e-12, atol=1e-12)


def test_node_importance_cancel():
    from dataterra.rasterblocks.errors import Cancelled

    rng = np.random.default_rng(8)
    edges = random_edges(rng, 30, 60)
    i, j, d = (np.array(x) for x in zip(*edges))
    with pytest.raises(Cancelled):
        graph_indices(rng.uniform(1, 5, 30), i, j, d, 100.0, 100.0, is_cancelled=lambda: True)
