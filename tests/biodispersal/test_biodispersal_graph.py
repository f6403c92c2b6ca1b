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
