"""Landscape-graph connectivity indices: IIC, PC, ECA and the importance of every patch.

* Integral Index of Connectivity (Pascual-Hortal & Saura 2006, Landscape Ecology 21:959-967)
  ``IIC = sum_i sum_j a_i a_j / (1 + nl_ij) / A_L**2``, with ``nl_ij`` the number of links
  of the shortest (fewest links) path between i and j, the term being 0 when they are not
  connected;
* Probability of Connectivity (Saura & Pascual-Hortal 2007, Landscape and Urban Planning
  83:91-103) ``PC = sum_i sum_j a_i a_j p*_ij / A_L**2``, with ``p*_ij`` the maximum
  product of link probabilities over all paths; link probabilities are
  ``p_ij = exp(-k d_ij)``, ``k = ln(2) / d50`` (so ``p*_ij = exp(-k D_ij)`` with ``D_ij`` the
  shortest path length);
* Equivalent Connected Area ``ECA = sqrt(sum_i sum_j a_i a_j p*_ij)`` (Saura et al. 2011);
* importance of patch k: ``dI_k = 100 (I - I_without_k) / I`` (A_L unchanged), and for PC
  its three fractions (Saura & Rubio 2010, Ecography 33:523-537): ``dPCintra`` (k's own
  area, ``a_k**2``), ``dPCflux`` (pairs with k at one end, ``2 sum_{j != k} a_k a_j p*_kj``)
  and ``dPCconnector`` (the rest: k as a stepping stone between other patches).

Sums run over ordered pairs including i = j. Shortest paths come from
``scipy.sparse.csgraph`` (Dijkstra), per connected component.
"""
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from ...rasterblocks.errors import DataTerraError, check_cancel

ZERO_LENGTH = 1e-9  # csgraph would read a 0-length edge as "no edge"


@dataclass
class GraphIndices:
    """Indices of a landscape graph (areas in the unit of ``areas``; d in distance units).

    Per node arrays: ``component`` (0-based), ``dIIC``, ``dPC``, ``dPC_intra``,
    ``dPC_flux``, ``dPC_connector`` (percent).
    """

    IIC: float
    PC: float
    ECA: float
    N_COMPONENTS: int
    component: np.ndarray
    dIIC: np.ndarray
    dPC: np.ndarray
    dPC_intra: np.ndarray
    dPC_flux: np.ndarray
    dPC_connector: np.ndarray


def _graph(n, i, j, d):
    """Symmetric CSR graph keeping the shortest of parallel edges."""
    d = np.maximum(np.asarray(d, dtype=np.float64), ZERO_LENGTH)
    rows = np.concatenate([i, j])
    cols = np.concatenate([j, i])
    data = np.concatenate([d, d])
    order = np.lexsort((data, cols, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return coo_matrix((data[first], (rows[first], cols[first])), shape=(n, n)).tocsr()


def _pair_sums(graph, areas, k_decay):
    """(PC numerator, IIC numerator) over the ordered pairs of one connected graph."""
    if graph.shape[0] == 0:
        return 0.0, 0.0, np.zeros((0, 0)), np.zeros((0, 0))
    distances = dijkstra(graph, directed=False)
    links = dijkstra(graph, directed=False, unweighted=True)
    outer = np.outer(areas, areas)
    pc = float(np.sum(outer * np.exp(-k_decay * distances)))
    iic = float(np.sum(outer / (1.0 + links)))
    return pc, iic, distances, links


def graph_indices(areas, edge_i, edge_j, edge_length, landscape_area, distance_50, max_distance=0.0,
                  node_importance=True, progress=None, is_cancelled=None) -> GraphIndices:
    """IIC, PC, ECA, number of components and per-patch dIIC, dPC (with fractions).

    Parameters
    ----------
    areas : array (n,)
        Patch areas (m² or any area unit; ECA comes out in that unit).
    edge_i, edge_j, edge_length : arrays (m,)
        Undirected edges between patches (0-based node numbers) and their length
        (Euclidean or least-cost distance).
    landscape_area : float
        A_L, in the unit of ``areas``.
    distance_50 : float
        Distance at which the link probability is 0.5 (same unit as ``edge_length``).
    max_distance : float
        Edges longer than this are dropped (0 = keep all).
    """
    areas = np.asarray(areas, dtype=np.float64)
    n = len(areas)
    if n == 0:
        raise DataTerraError("The graph has no patch: check the habitat patches input.")
    if landscape_area <= 0 or distance_50 <= 0:
        raise DataTerraError("The landscape area and the distance at p = 0.5 must both be > 0.")
    edge_i = np.asarray(edge_i, dtype=np.int64)
    edge_j = np.asarray(edge_j, dtype=np.int64)
    edge_length = np.asarray(edge_length, dtype=np.float64)
    keep = edge_i != edge_j
    if max_distance > 0:
        keep &= edge_length <= max_distance
    edge_i, edge_j, edge_length = edge_i[keep], edge_j[keep], edge_length[keep]
    k_decay = np.log(2.0) / distance_50
    graph = _graph(n, edge_i, edge_j, edge_length)
    n_components, component = connected_components(graph, directed=False)
    pc_num = iic_num = 0.0
    members_of = [np.flatnonzero(component == c) for c in range(n_components)]
    per_component = []
    for members in members_of:
        sub = graph[members][:, members]
        pc_c, iic_c, dist_c, links_c = _pair_sums(sub, areas[members], k_decay)
        pc_num += pc_c
        iic_num += iic_c
        per_component.append((sub, pc_c, iic_c, dist_c))
    zeros = np.zeros(n)
    result = GraphIndices(IIC=iic_num / landscape_area ** 2, PC=pc_num / landscape_area ** 2,
                          ECA=float(np.sqrt(pc_num)), N_COMPONENTS=int(n_components), component=component,
                          dIIC=zeros.copy(), dPC=zeros.copy(), dPC_intra=zeros.copy(), dPC_flux=zeros.copy(),
                          dPC_connector=zeros.copy())
    if node_importance:
        _node_importance(result, areas, members_of, per_component, pc_num, iic_num, k_decay, progress, is_cancelled)
    return result


def _node_importance(result, areas, members_of, per_component, pc_num, iic_num, k_decay, progress, is_cancelled):
    """Fill dPC (and fractions) and dIIC by removing each patch in turn from its component."""
    done, n = 0, len(areas)
    for members, (sub, pc_c, iic_c, dist_c) in zip(members_of, per_component):
        a = areas[members]
        degree = np.diff(sub.indptr)
        for local, node in enumerate(members):
            check_cancel(is_cancelled)
            flux = 2.0 * a[local] * float(np.sum(np.delete(a * np.exp(-k_decay * dist_c[local]), local)))
            intra = a[local] ** 2
            if degree[local] < 2:  # a leaf or isolated patch is no stepping stone
                pc_without = pc_c - intra - flux
                links_row = dijkstra(sub, directed=False, unweighted=True, indices=local)
                iic_without = iic_c - intra - 2.0 * a[local] * float(
                    np.sum(np.delete(a / (1.0 + links_row), local)))
            else:
                rest = np.delete(np.arange(len(members)), local)
                pc_without, iic_without, _, _ = _pair_sums(sub[rest][:, rest], a[rest], k_decay)
            d_pc = 100.0 * (pc_num - (pc_num - pc_c + pc_without)) / pc_num
            result.dPC[node] = d_pc
            result.dPC_intra[node] = 100.0 * intra / pc_num
            result.dPC_flux[node] = 100.0 * flux / pc_num
            result.dPC_connector[node] = d_pc - result.dPC_intra[node] - result.dPC_flux[node]
            result.dIIC[node] = 100.0 * (iic_c - iic_without) / iic_num
            done += 1
            if progress and done % 50 == 0:
                progress(done / n)
