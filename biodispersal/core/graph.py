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
# p*_ij below this is taken as 0: Dijkstra stops at D = ln(1e12) / k = 39.9 d50; the
# relative error on PC is below n x 1e-12
PC_NEGLIGIBLE = 1e-12
# dIIC has no distance decay, so removing a patch means new all-pairs paths over the
# whole component; above this size dIIC is left empty (NaN) to keep the time reasonable
IIC_IMPORTANCE_MAX_PATCHES = 1000


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


def _internal_nodes(predecessors):
    """Boolean (m, m): [i, k] is True when k is an inner node of i's shortest-path tree."""
    m = predecessors.shape[0]
    internal = np.zeros((m, m), dtype=bool)
    rows = np.repeat(np.arange(m), m)
    cols = predecessors.ravel()
    valid = cols >= 0
    internal[rows[valid], cols[valid]] = True
    internal[np.arange(m), np.arange(m)] = False
    return internal


class _Component:
    """Shortest paths of one connected component and the pair terms of PC and IIC."""

    def __init__(self, graph, areas, k_decay, limit, with_iic_importance):
        self.graph, self.areas, self.k_decay, self.limit = graph, areas, k_decay, limit
        outer = np.outer(areas, areas)
        distances, predecessors = dijkstra(graph, directed=True, return_predecessors=True, limit=limit)
        self.pc_terms = outer * np.exp(-k_decay * distances)
        self.pc_internal = _internal_nodes(predecessors)
        del distances, predecessors
        if with_iic_importance:
            links, hop_predecessors = dijkstra(graph, directed=True, unweighted=True, return_predecessors=True)
            self.iic_internal = _internal_nodes(hop_predecessors)
        else:
            links = dijkstra(graph, directed=True, unweighted=True)
            self.iic_internal = None
        self.iic_terms = outer / (1.0 + links)
        self.pc_rows = self.pc_terms.sum(axis=1)
        self.iic_rows = self.iic_terms.sum(axis=1)
        self.pc, self.iic = float(self.pc_rows.sum()), float(self.iic_rows.sum())

    def without(self, k, terms, rows, internal, unweighted):
        """Pair sum of the component once node k is removed (only rows whose tree used k change)."""
        a = self.areas
        total = float(rows.sum()) - 2.0 * rows[k] + a[k] ** 2
        affected = np.flatnonzero(internal[:, k])
        if affected.size == 0:
            return total
        rest = np.delete(np.arange(len(a)), k)
        reduced = self.graph[rest][:, rest]
        sources = affected - (affected > k)
        distances = dijkstra(reduced, directed=True, indices=sources, unweighted=unweighted,
                             limit=np.inf if unweighted else self.limit)
        outer = a[affected][:, None] * a[rest][None, :]
        new = outer / (1.0 + distances) if unweighted else outer * np.exp(-self.k_decay * distances)
        return total + float(new.sum()) - float((rows[affected] - terms[affected, k]).sum())


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
    limit = -np.log(PC_NEGLIGIBLE) / k_decay
    members_of = [np.flatnonzero(component == c) for c in range(n_components)]
    components = []
    for members in members_of:
        check_cancel(is_cancelled)
        with_iic = node_importance and len(members) <= IIC_IMPORTANCE_MAX_PATCHES
        components.append(_Component(graph[members][:, members], areas[members], k_decay, limit, with_iic))
    pc_num = sum(c.pc for c in components)
    iic_num = sum(c.iic for c in components)
    zeros = np.zeros(n)
    result = GraphIndices(IIC=iic_num / landscape_area ** 2, PC=pc_num / landscape_area ** 2,
                          ECA=float(np.sqrt(pc_num)), N_COMPONENTS=int(n_components), component=component,
                          dIIC=zeros.copy(), dPC=zeros.copy(), dPC_intra=zeros.copy(), dPC_flux=zeros.copy(),
                          dPC_connector=zeros.copy())
    if node_importance:
        _node_importance(result, members_of, components, pc_num, iic_num, progress, is_cancelled)
    return result


def _node_importance(result, members_of, components, pc_num, iic_num, progress, is_cancelled):
    """Fill dPC (and fractions) and dIIC by removing each patch in turn from its component."""
    done, n = 0, len(result.dPC)
    for members, comp in zip(members_of, components):
        a = comp.areas
        for local, node in enumerate(members):
            check_cancel(is_cancelled)
            intra = a[local] ** 2
            flux = 2.0 * (comp.pc_rows[local] - intra)
            pc_without = comp.without(local, comp.pc_terms, comp.pc_rows, comp.pc_internal, False)
            d_pc = 100.0 * (comp.pc - pc_without) / pc_num
            result.dPC[node] = d_pc
            result.dPC_intra[node] = 100.0 * intra / pc_num
            result.dPC_flux[node] = 100.0 * flux / pc_num
            result.dPC_connector[node] = d_pc - result.dPC_intra[node] - result.dPC_flux[node]
            if comp.iic_internal is not None:
                iic_without = comp.without(local, comp.iic_terms, comp.iic_rows, comp.iic_internal, True)
                result.dIIC[node] = 100.0 * (comp.iic - iic_without) / iic_num
            else:
                result.dIIC[node] = np.nan
            done += 1
            if progress and done % 50 == 0:
                progress(done / n)
