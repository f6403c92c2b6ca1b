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

Node importance is exact without n all-pairs searches: removing k only changes the
distances from a source s to the nodes below k in s's shortest-path tree (for link counts,
the nodes k dominates in the fewest-links DAG), so those subtrees are searched again from
their border, many at once (the subtree recomputation of dynamic shortest paths:
Ramalingam & Reps 1996, Journal of Algorithms 21:267-305; dominators of a DAG as in
Cooper, Harvey & Kennedy 2001, "A simple, fast dominance algorithm").
"""
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP, check_cancel

ZERO_LENGTH = 1e-9  # csgraph would read a 0-length edge as "no edge"
# p*_ij below this is taken as 0: Dijkstra stops at D = ln(1e12) / k = 39.9 d50; the
# relative error on PC is below n x 1e-12
PC_NEGLIGIBLE = 1e-12
# node importance copies the subtree below every node of every source's shortest-path
# tree; copies are built this many copied nodes at a time (~100 bytes each: bounds memory)
COPY_NODES_PER_CALL = 400_000
# sources whose distance rows are computed together (batch x block size values); progress
# is reported after each batch
BATCH_CELLS = 250_000
# small components are grouped in blocks of about this many patches (fewer calls)
BLOCK_NODES = 2048
WAVE_NODES = 4096  # copied nodes searched by one Dijkstra call (keeps its heap small)
OUTSIDE = -(2 ** 40)  # preorder position of nodes outside a tree


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


def _forest_layout(parent, in_forest):
    """Subtree size and preorder position of every node of a forest (flat arrays).

    ``parent`` is -1 at the roots and outside the forest. The position ``tin`` counts from
    0 at the root of each tree, so the strict descendants of k are the nodes of k's tree
    with ``tin[k] < tin < tin[k] + size[k]``; outside the forest ``tin`` is very negative.
    """
    depth = (parent >= 0).astype(np.int64)
    jump = parent.copy()
    active = np.flatnonzero(jump >= 0)
    while active.size:  # pointer jumping: log2(depth) passes
        up = jump[active]
        depth[active] += depth[up]
        jump[active] = jump[up]
        active = active[jump[active] >= 0]
    nodes = np.flatnonzero(in_forest)
    nodes = nodes[np.argsort(depth[nodes], kind="stable")]
    level_start = np.searchsorted(depth[nodes], np.arange(int(depth[nodes].max(initial=0)) + 2))
    levels = [nodes[level_start[d]:level_start[d + 1]] for d in range(len(level_start) - 1)]
    size = in_forest.astype(np.int64)
    for level_nodes in reversed(levels[1:]):
        np.add.at(size, parent[level_nodes], size[level_nodes])
    tin = np.full(len(parent), OUTSIDE, dtype=np.int64)
    tin[levels[0]] = 0
    for level_nodes in levels[1:]:
        level_nodes = level_nodes[np.argsort(parent[level_nodes], kind="stable")]
        par = parent[level_nodes]
        before = np.cumsum(size[level_nodes]) - size[level_nodes]
        first = np.ones(len(par), dtype=bool)
        first[1:] = par[1:] != par[:-1]
        sibling_start = np.maximum.accumulate(np.where(first, np.arange(len(par)), 0))
        tin[level_nodes] = tin[par] + 1 + before - before[sibling_start]
    return size, tin


def _dominator_parents(graph, hops):
    """Immediate dominator of every node in each source's fewest-links DAG (flat ids).

    ``hops`` (B, m): link counts from B sources. In the DAG of the edges u -> v with
    ``hops[v] = hops[u] + 1``, the immediate dominator of v is the lowest common ancestor,
    in the dominator tree, of v's DAG predecessors (computed level by level). Removing k
    changes the fewest-links distance from the source to exactly the nodes k dominates.
    -1 at the sources and at unreached nodes.
    """
    n_sources, m = hops.shape
    heads = np.repeat(np.arange(m), np.diff(graph.indptr))
    tails = graph.indices
    from_hops = hops[:, heads]
    batch, entry = np.nonzero((hops[:, tails] == from_hops + 1) & np.isfinite(from_hops))
    level = hops[batch, tails[entry]].astype(np.int64)
    below = batch * m + heads[entry]
    above = batch * m + tails[entry]
    order = np.lexsort((above, level))
    below, above, level = below[order], above[order], level[order]
    idom = np.full(n_sources * m, -1, dtype=np.int64)
    dom_depth = np.zeros(n_sources * m, dtype=np.int64)
    level_start = np.searchsorted(level, np.arange(1, int(level.max(initial=0)) + 2))
    for lo, hi in zip(level_start[:-1], level_start[1:]):
        targets, candidates = above[lo:hi], below[lo:hi].copy()
        first = np.ones(len(targets), dtype=bool)
        first[1:] = targets[1:] != targets[:-1]
        starts = np.flatnonzero(first)
        group = np.cumsum(first) - 1
        depth = dom_depth[candidates]
        while True:  # lowest common ancestor: lift the deepest candidates until they agree
            unsettled = np.minimum.reduceat(candidates, starts) != np.maximum.reduceat(candidates, starts)
            if not unsettled.any():
                break
            lift = unsettled[group] & (depth == np.maximum.reduceat(depth, starts)[group])
            candidates[lift] = idom[candidates[lift]]
            depth[lift] -= 1
        idom[targets[starts]] = candidates[starts]
        dom_depth[targets[starts]] = dom_depth[candidates[starts]] + 1
    return idom


def _removal_losses(graph, parent, dist, old_terms, new_terms, limit, is_cancelled=None):
    """For every node k, the pair terms lost from B sources' rows when k is removed.

    Parameters
    ----------
    graph : CSR (m, m)
        The (block of the) graph the distances were computed on.
    parent : int array (B * m,)
        Flat ids ``source_number * m + node`` of a tree per source in which every node
        whose distance depends on k is a descendant of k: the shortest-path tree, or the
        dominator tree of the shortest-path DAG. -1 at the sources and unreached nodes.
    dist : (B, m)
        Distances from the sources (inf when unreached or beyond ``limit``).
    old_terms : (B, m)
        Pair terms with those distances.
    new_terms : callable (source_numbers, nodes, distances) -> terms.

    Returns
    -------
    loss : (m,) sum over sources s != k and nodes v below k in s's tree of
    ``old_terms[s, v] - new_terms(s, v, distance from s to v without k)``.

    Only k's subtree can get new distances; every other node keeps its own (its tree path
    avoids k). So the subtree of every (source, k) is copied as a separate small graph,
    entered from a super-source by edges weighted with the best distance through a
    neighbour outside the subtree (not k), and one Dijkstra over the disjoint union of
    many copies gives all the new distances at once.
    """
    n_sources, m = dist.shape
    reached = np.isfinite(dist).ravel()
    size, tin = _forest_layout(parent, reached)
    node_at = np.zeros(n_sources * m, dtype=np.int64)
    reached_ids = np.flatnonzero(reached)
    node_at[(reached_ids // m) * m + tin[reached_ids]] = reached_ids % m
    removed = np.flatnonzero((parent >= 0) & (size >= 2))  # nodes with a subtree below them
    copy_sizes = size[removed] - 1
    loss = np.zeros(m)
    flat_dist, flat_old = dist.ravel(), old_terms.ravel()
    copies_before = np.cumsum(copy_sizes) - copy_sizes
    start = 0
    while start < len(removed):  # chunks of about COPY_NODES_PER_CALL copied nodes
        check_cancel(is_cancelled)
        stop = max(start + 1, int(np.searchsorted(copies_before, copies_before[start] + COPY_NODES_PER_CALL)))
        ks = removed[start:stop]
        loss_k = _subtree_losses(graph, ks, copy_sizes[start:stop], tin, node_at, flat_dist, flat_old, new_terms,
                                 limit, m)
        np.add.at(loss, ks % m, loss_k)
        start = stop
    return loss


def _copies_dijkstra(indptr, columns, weights, entered, entry_cost, copy_start, limit):
    """Distances in disjoint copies (CSR rows/columns 0..total-1) from a super-source.

    The super-source reaches node ``entered[i]`` at ``entry_cost[i]``. Copies are searched
    a wave of about WAVE_NODES nodes at a time: one search over all of them would hold
    every entered node in its heap at once, which is several times slower.
    """
    total = len(indptr) - 1
    new_dist = np.empty(total)
    wave = copy_start // WAVE_NODES
    starts = copy_start[np.flatnonzero(np.diff(wave, prepend=-1))]
    for lo, hi in zip(starts, list(starts[1:]) + [total]):
        e0, e1 = np.searchsorted(entered, (lo, hi))
        n_wave = hi - lo
        wave_ptr = np.empty(n_wave + 2, dtype=np.int64)
        wave_ptr[:-1] = indptr[lo:hi + 1] - indptr[lo]
        wave_ptr[-1] = wave_ptr[-2] + (e1 - e0)
        wave_graph = csr_matrix((np.concatenate([weights[indptr[lo]:indptr[hi]], entry_cost[e0:e1]]),
                                 np.concatenate([columns[indptr[lo]:indptr[hi]] - lo, entered[e0:e1] - lo]),
                                 wave_ptr), shape=(n_wave + 1, n_wave + 1))
        new_dist[lo:hi] = dijkstra(wave_graph, directed=True, indices=n_wave, limit=limit)[:n_wave]
    return new_dist


def _subtree_losses(graph, ks, lengths, tin, node_at, flat_dist, flat_old, new_terms, limit, m):
    """Losses of the removed nodes ``ks`` (flat ids) from searches over their subtree copies."""
    total = int(lengths.sum())
    copy_start = np.cumsum(lengths) - lengths
    owner = np.repeat(np.arange(len(ks)), lengths)
    base = ((ks // m) * m)[owner]  # flat id of node 0 of the copy's tree
    first_tin = (tin[ks] + 1)[owner]
    node = node_at[base + np.arange(total) - copy_start[owner] + first_tin]
    degree = graph.indptr[node + 1] - graph.indptr[node]  # >= 1: every copied node has a parent
    entry_start = np.cumsum(degree) - degree
    entry_owner = np.repeat(np.arange(total), degree)
    entry = np.arange(int(degree.sum())) + (graph.indptr[node] - entry_start)[entry_owner]
    neighbour = base[entry_owner] + graph.indices[entry]
    weight = graph.data[entry]
    relative = tin[neighbour] - first_tin[entry_owner]  # -1: the removed node itself
    inside = (relative >= 0) & (relative < lengths[owner][entry_owner])
    # entry cost of a copied node: best distance through a neighbour outside the subtree
    # (not k); reduced only over the entries that have one (fewer, shorter segments)
    boundary = np.flatnonzero(~inside & (relative != -1))
    through = flat_dist[neighbour[boundary]] + weight[boundary]
    boundary_owner = entry_owner[boundary]
    segment = np.flatnonzero(np.diff(boundary_owner, prepend=-1))
    entry_cost = np.full(total, np.inf)
    if boundary.size:
        entry_cost[boundary_owner[segment]] = np.minimum.reduceat(through, segment)
    indptr = np.zeros(total + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(inside)[entry_start + degree - 1]  # entries are grouped by copied node
    columns = (relative + copy_start[owner][entry_owner])[inside]
    entered = np.flatnonzero(entry_cost <= limit)
    new_dist = _copies_dijkstra(indptr, columns, weight[inside], entered, entry_cost[entered], copy_start, limit)
    source = ks[owner] // m
    lost = flat_old[base + node] - new_terms(source, node, new_dist)
    return np.add.reduceat(lost, copy_start)


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
    node_importance : bool
        Also compute dIIC, dPC and its fractions (else they stay 0).
    progress, is_cancelled : callables, optional
        ``progress(fraction)``; ``is_cancelled()`` is checked between batches of sources and
        between groups of searches.
    """
    areas = np.asarray(areas, dtype=np.float64)
    n = len(areas)
    if n == 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The graph has no patch: check the habitat patches "
                                               "input."))
    if landscape_area <= 0 or distance_50 <= 0:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The landscape area and the distance at p = 0.5 "
                                               "must both be > 0."))
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
    blocks = _blocks(component, n_components)
    pc_rows, iic_rows = np.zeros(n), np.zeros(n)
    pc_loss, iic_loss = np.zeros(n), np.zeros(n)
    limit = -np.log(PC_NEGLIGIBLE) / k_decay
    work = sum(len(members) ** 2 for members in blocks)
    done = 0
    for members in blocks:
        block = graph[members][:, members]
        unit = block.copy()
        unit.data[:] = 1.0
        a = areas[members]
        batch_size = max(1, min(len(members), BATCH_CELLS // len(members)))
        for start in range(0, len(members), batch_size):
            check_cancel(is_cancelled)
            sources = np.arange(start, min(start + batch_size, len(members)))
            rows = members[sources]
            p_rows, p_loss = _pc_rows(block, a, sources, k_decay, limit, node_importance, is_cancelled)
            i_rows, i_loss = _iic_rows(unit, a, sources, node_importance, is_cancelled)
            pc_rows[rows], iic_rows[rows] = p_rows, i_rows
            pc_loss[members] += p_loss
            iic_loss[members] += i_loss
            done += len(sources) * len(members)
            if progress:
                progress(done / work)
    pc_num, iic_num = float(pc_rows.sum()), float(iic_rows.sum())
    result = GraphIndices(IIC=iic_num / landscape_area ** 2, PC=pc_num / landscape_area ** 2,
                          ECA=float(np.sqrt(pc_num)), N_COMPONENTS=int(n_components), component=component,
                          dIIC=np.zeros(n), dPC=np.zeros(n), dPC_intra=np.zeros(n), dPC_flux=np.zeros(n),
                          dPC_connector=np.zeros(n))
    if node_importance:
        # removing k drops its row and column (2 row_k - a_k², counted once on the diagonal)
        # and the terms of the pairs whose paths went through it (the loss)
        intra = areas ** 2
        result.dPC_intra = 100.0 * intra / pc_num
        result.dPC_flux = 100.0 * 2.0 * (pc_rows - intra) / pc_num
        result.dPC_connector = 100.0 * pc_loss / pc_num
        result.dPC = result.dPC_intra + result.dPC_flux + result.dPC_connector
        result.dIIC = 100.0 * (2.0 * iic_rows - intra + iic_loss) / iic_num
    return result


def _blocks(component, n_components):
    """Node lists of groups of whole components (small ones together, so they share calls)."""
    sizes = np.bincount(component, minlength=n_components)
    order = np.argsort(component, kind="stable")
    members_of = np.split(order, np.cumsum(sizes)[:-1])
    blocks, current, count = [], [], 0
    for c in np.argsort(sizes, kind="stable"):
        if current and count + sizes[c] > BLOCK_NODES:
            blocks.append(np.concatenate(current))
            current, count = [], 0
        current.append(members_of[c])
        count += sizes[c]
    if current:
        blocks.append(np.concatenate(current))
    return blocks


def _pc_rows(block, a, sources, k_decay, limit, node_importance, is_cancelled):
    """PC row sums of ``sources`` and the losses of every node's removal from those rows."""
    if not node_importance:
        dist = dijkstra(block, directed=True, indices=sources, limit=limit)
        return (a[sources, None] * a[None, :] * np.exp(-k_decay * dist)).sum(axis=1), 0.0
    dist, predecessors = dijkstra(block, directed=True, indices=sources, limit=limit, return_predecessors=True)
    terms = a[sources, None] * a[None, :] * np.exp(-k_decay * dist)
    parent = np.where(predecessors >= 0, predecessors + (np.arange(len(sources)) * len(a))[:, None], -1).ravel()
    source_area = a[sources]

    def new_terms(source, node, distance):
        return source_area[source] * a[node] * np.exp(-k_decay * distance)

    return terms.sum(axis=1), _removal_losses(block, parent, dist, terms, new_terms, limit, is_cancelled)


def _iic_rows(unit, a, sources, node_importance, is_cancelled):
    """IIC row sums (fewest links) of ``sources`` and the losses of every node's removal."""
    hops = dijkstra(unit, directed=True, indices=sources, unweighted=True)
    terms = a[sources, None] * a[None, :] / (1.0 + hops)
    if not node_importance:
        return terms.sum(axis=1), 0.0
    source_area = a[sources]

    def new_terms(source, node, links):
        return source_area[source] * a[node] / (1.0 + links)

    parent = _dominator_parents(unit, hops)
    return terms.sum(axis=1), _removal_losses(unit, parent, hops, terms, new_terms, np.inf, is_cancelled)
