"""Hartigan–Wong k-means (Hartigan & Wong 1979, algorithm AS 136), the default of R's ``stats::kmeans``.

biodivMapR clusters its spectral species with R's ``kmeans(x, centers = k, iter.max = 50,
nstart = 10)``: Hartigan–Wong from 10 random starts, the start with the smallest total
within-cluster sum of squares kept. Lloyd's algorithm (the plugin's former clustering)
stops at a different local optimum: a point moves to another cluster only when that
cluster's centre is nearer, whereas Hartigan–Wong moves it whenever the move lowers the
total sum of squares, counting the shift of both centres (the factors n/(n−1) and
n/(n+1) below).

AS 136 in brief (``m`` points, ``k`` clusters):

1. every point gets its nearest (``ic1``) and second nearest (``ic2``) initial centre;
   centres become the means of their points;
2. *optimal transfer*: each point in turn is moved from its cluster L1 to the cluster L2
   minimising ``n_L2/(n_L2+1)·d²(x, c_L2)`` if that is below ``n_L1/(n_L1−1)·d²(x, c_L1)``;
   only clusters of the "live set" (updated in the last ``m`` steps) are searched when L1
   itself is not live;
3. *quick transfer*: points are swapped between their ``ic1`` and ``ic2`` only, cycling
   until ``m`` consecutive points stay put;
4. repeat 2-3 until a whole optimal-transfer pass moves no point, at most ``iter_max``
   times.

AS 136 visits the points one by one and moves at most one point at a time. Between two
moves nothing that decides a move changes, so this pure-NumPy version evaluates the next
points in vectorised chunks, finds the first one that moves, applies the bookkeeping of
the points before it (AS 136's "no transfer" branch) and the move, and goes on after it:
the same sequence of moves, the same counters, far fewer Python steps. Chunks start small
(moves are frequent in the first passes) and double while no point moves.
"""
import numpy as np

from ...rasterblocks import DataTerraError
from ...rasterblocks.errors import QT_TRANSLATE_NOOP, check_cancel
from . import hartigan_wong_compiled

BIG = hartigan_wong_compiled.BIG  # AS 136's "infinite" n/(n-1) of a one-point cluster


def squared_distance(points, centres):
    """Squared distances summed dimension by dimension, in a fixed order (reproducible to the last bit)."""
    total = (points[..., 0] - centres[..., 0]) ** 2
    for axis in range(1, points.shape[-1]):
        total = total + (points[..., axis] - centres[..., axis]) ** 2
    return total


class _Run:
    """One AS 136 run: points (m, D), initial centres (k, D)."""

    FIRST_CHUNK = 16

    def __init__(self, points, centres):
        self.x = points
        self.m, self.k = len(points), len(centres)
        self.c = np.array(centres, dtype=np.float64)
        d = squared_distance(points[:, None, :], self.c[None, :, :])
        self.ic1 = np.argmin(d, axis=1)  # nearest and second nearest initial centre (earliest on ties)
        d[np.arange(self.m), self.ic1] = np.inf
        self.ic2 = np.argmin(d, axis=1)
        self.nc = np.zeros(self.k, dtype=np.int64)
        self.centre_means()
        self.empty = bool((self.nc == 0).any())
        n = self.nc.astype(np.float64)
        self.an2 = n / (n + 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.an1 = np.where(n > 1, n / (n - 1.0), BIG)
        self.itran = np.ones(self.k, dtype=bool)
        self.ncp = np.full(self.k, -1, dtype=np.int64)
        self.live = np.zeros(self.k, dtype=np.int64)
        self.d = np.zeros(self.m)
        self.indx = 0
        self.converged = False
        self.quick_limit_hit = False
        self.iterations = 0

    def centre_means(self):
        self.nc = np.bincount(self.ic1, minlength=self.k)
        sums = np.column_stack([np.bincount(self.ic1, weights=self.x[:, axis], minlength=self.k)
                                for axis in range(self.x.shape[1])])
        self.c = np.where(self.nc[:, None] > 0, sums / np.maximum(self.nc, 1)[:, None], self.c)

    def transfer(self, i, l1, l2):
        """Move point ``i`` from cluster ``l1`` to ``l2`` (AS 136's running centre and factor updates)."""
        x = self.x[i]
        al1 = float(self.nc[l1])
        alw = al1 - 1.0
        al2 = float(self.nc[l2])
        alt = al2 + 1.0
        self.c[l1] = (self.c[l1] * al1 - x) / alw
        self.c[l2] = (self.c[l2] * al2 + x) / alt
        self.nc[l1] -= 1
        self.nc[l2] += 1
        self.an2[l1] = alw / al1
        self.an1[l1] = alw / (alw - 1.0) if alw > 1.0 else BIG
        self.an1[l2] = alt / al2
        self.an2[l2] = alt / (alt + 1.0)
        self.ic1[i] = l2
        self.ic2[i] = l1

    def optimal_transfer(self):
        """One optimal-transfer pass; sets ``converged`` when m points in a row did not move."""
        m = self.m
        self.live[self.itran] = m + 1
        clusters = np.arange(self.k)
        i, chunk = 0, self.FIRST_CHUNK
        while i < m:
            idx = np.arange(i, min(m, i + chunk))
            x, l1, l2 = self.x[idx], self.ic1[idx], self.ic2[idx]
            point = idx + 1  # AS 136 numbers points from 1: LIVE holds such numbers
            movable = self.nc[l1] != 1
            d = np.where(movable & (self.ncp[l1] != 0), squared_distance(x, self.c[l1]) * self.an1[l1], self.d[idx])
            r2 = squared_distance(x, self.c[l2]) * self.an2[l2]
            score = squared_distance(x[:, None, :], self.c[None, :, :]) * self.an2[None, :]
            not_live = (point >= self.live[l1])[:, None] & (point[:, None] >= self.live[None, :])
            score[not_live | (clusters == l1[:, None]) | (clusters == l2[:, None])] = np.inf
            best = np.argmin(score, axis=1)
            best_score = score[np.arange(len(idx)), best]
            better = best_score < r2
            l2 = np.where(better, best, l2)
            moves = movable & (np.where(better, best_score, r2) < d)
            first = int(np.argmax(moves)) if moves.any() else len(idx)
            settle = m - self.indx - 1  # offset of the point after which m points in a row stayed
            end = min(first, settle + 1, len(idx))
            kept = idx[:end][movable[:end]]
            self.d[kept] = d[:end][movable[:end]]
            self.ic2[kept] = l2[:end][movable[:end]]
            if settle < first and settle < len(idx):
                self.converged = True
                return
            if first == len(idx):
                self.indx += len(idx)
                i += len(idx)
                chunk *= 2
                continue
            here, into = idx[first], l2[first]
            self.d[here] = d[first]
            self.indx = 0
            self.live[[l1[first], into]] = m + point[first]
            self.ncp[[l1[first], into]] = point[first]
            self.transfer(here, l1[first], into)
            i, chunk = here + 1, self.FIRST_CHUNK
        self.itran[:] = False
        self.live -= m

    def quick_transfer(self):
        """Quick-transfer stage: cycle over the points until m in a row stay (at most 50·m steps, as R)."""
        m = self.m
        limit = 50 * m
        count = step = position = 0
        chunk = self.FIRST_CHUNK
        while True:
            n = min(chunk, m)
            idx = (position + np.arange(n)) % m
            st = step + 1 + np.arange(n)
            x, l1, l2 = self.x[idx], self.ic1[idx], self.ic2[idx]
            movable = self.nc[l1] != 1
            stale = movable & (st <= self.ncp[l1])
            d = np.where(stale, squared_distance(x, self.c[l1]) * self.an1[l1], self.d[idx])
            recent = movable & ((st < self.ncp[l1]) | (st < self.ncp[l2]))
            moves = recent & (squared_distance(x, self.c[l2]) < d / self.an2[l2])
            first = int(np.argmax(moves)) if moves.any() else n
            over = np.flatnonzero(st >= limit)
            limit_at = int(over[0]) if len(over) else n
            settle = m - count - 1
            end = min(first, limit_at, settle, n)
            self.d[idx[:end][stale[:end]]] = d[:end][stale[:end]]
            if limit_at <= min(first, settle) and limit_at < n:
                self.quick_limit_hit = True
                return
            if settle < first and settle < n:
                if stale[settle]:
                    self.d[idx[settle]] = d[settle]
                return
            if first == n:
                count, step, position, chunk = count + n, step + n, (position + n) % m, chunk * 2
                continue
            here, a, b = idx[first], l1[first], l2[first]
            self.d[here] = d[first]
            step = int(st[first])
            count = 0
            self.indx = 0
            self.itran[[a, b]] = True
            self.ncp[[a, b]] = step + m
            self.transfer(here, a, b)
            position, chunk = (here + 1) % m, self.FIRST_CHUNK

    def run(self, iter_max, is_cancelled=None, compiled=None):
        if self.empty:
            return self
        compiled = hartigan_wong_compiled.run_compiled if compiled is None else compiled
        if compiled:
            check_cancel(is_cancelled)
            self.iterations, self.converged, self.quick_limit_hit = hartigan_wong_compiled.run_compiled(
                self.x, self.c, self.ic1, self.ic2, self.nc, self.an1, self.an2, iter_max)
            self.centre_means()
            return self
        for _ in range(iter_max):
            check_cancel(is_cancelled)
            self.iterations += 1
            self.optimal_transfer()
            if self.converged:
                break
            self.quick_transfer()
            if self.quick_limit_hit or self.k == 2:
                break
            self.ncp[:] = 0
        self.centre_means()  # AS 136 ends with exact means (the running updates drift)
        return self

    def within_ss(self):
        d = squared_distance(self.x, self.c[self.ic1])
        return np.bincount(self.ic1, weights=d, minlength=self.k)


def hartigan_wong(points, initial_centres, iter_max=50, is_cancelled=None, compiled=None):
    """AS 136 from the given initial centres: dict of ``centres`` (k, D), ``labels`` (0-based),
    ``sizes``, ``withinss``, ``iterations``, ``converged`` and ``empty`` (an initial centre got
    no point: R stops with "empty cluster"; here the run is reported and skipped).

    ``compiled``: None uses the Numba version when Numba is installed; False forces the
    pure-NumPy version (the same moves, slower)."""
    run = _Run(np.asarray(points, dtype=np.float64), initial_centres).run(iter_max, is_cancelled, compiled)
    return {"centres": run.c, "labels": run.ic1, "sizes": run.nc, "withinss": run.within_ss(),
            "iterations": run.iterations, "converged": run.converged, "empty": run.empty,
            "quick_limit_hit": run.quick_limit_hit}


def random_starts(points, n_clusters, n_start, rng):
    """``n_start`` sets of ``n_clusters`` distinct data points drawn without replacement (R's ``kmeans`` starts)."""
    distinct = np.unique(points, axis=0)
    if len(distinct) < n_clusters:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Only {distinct} distinct pixels for {n_clusters} "
                                               "spectral species: lower N_CLUSTERS or sample more pixels."),
                             distinct=len(distinct), n_clusters=n_clusters)
    return [distinct[rng.choice(len(distinct), n_clusters, replace=False)] for _ in range(n_start)]


def kmeans_partitions(partitions, n_clusters, rng, n_start=10, iter_max=50, is_cancelled=None):
    """Best-of-``n_start`` Hartigan–Wong centroids of each partition: (n_partitions, n_clusters, D).

    Like R's ``kmeans(nstart = n_start)``: the start with the smallest total within-cluster
    sum of squares is kept (the first one on a tie).
    """
    best = []
    for part in partitions:
        runs = [hartigan_wong(part, centres, iter_max, is_cancelled)
                for centres in random_starts(part, n_clusters, n_start, rng)]
        best.append(min((r for r in runs if not r["empty"]), key=lambda r: r["withinss"].sum())["centres"])
    return np.array(best)
