"""Hartigan–Wong (AS 136) as plain loops, compiled by Numba when it is installed (optional).

The same algorithm as :mod:`.hartigan_wong`, written point by point as Hartigan & Wong
wrote it: with Numba (``python3-numba`` on Debian 12, ``numba`` on PyPI) it runs about as
fast as R's Fortran. Without Numba the plugin uses the vectorised pure-NumPy version,
which makes the same moves (tests/biodivmap/test_hartigan_wong.py compares both).
Distances are summed dimension by dimension in the same order in both versions.
"""
import numpy as np

try:
    from numba import njit
except (ImportError, OSError):  # numba missing, or built for another NumPy
    njit = None

BIG = 1.0e30


def _distance(x, i, c, lc):
    total = 0.0
    for axis in range(x.shape[1]):
        diff = x[i, axis] - c[lc, axis]
        total = total + diff * diff
    return total


def _move(x, i, c, nc, an1, an2, ic1, ic2, l1, l2):
    al1 = float(nc[l1])
    alw = al1 - 1.0
    al2 = float(nc[l2])
    alt = al2 + 1.0
    for axis in range(x.shape[1]):
        c[l1, axis] = (c[l1, axis] * al1 - x[i, axis]) / alw
        c[l2, axis] = (c[l2, axis] * al2 + x[i, axis]) / alt
    nc[l1] -= 1
    nc[l2] += 1
    an2[l1] = alw / al1
    an1[l1] = alw / (alw - 1.0) if alw > 1.0 else BIG
    an1[l2] = alt / al2
    an2[l2] = alt / (alt + 1.0)
    ic1[i] = l2
    ic2[i] = l1


def _optimal_transfer(x, c, nc, an1, an2, ic1, ic2, ncp, d, itran, live, indx):
    """One pass; returns the updated count of points in a row that stayed (m = converged)."""
    m, k = x.shape[0], c.shape[0]
    for cluster in range(k):
        if itran[cluster]:
            live[cluster] = m + 1
    for i in range(m):
        point = i + 1
        indx += 1
        l1 = ic1[i]
        if nc[l1] != 1:
            if ncp[l1] != 0:
                d[i] = _distance(x, i, c, l1) * an1[l1]
            ll = ic2[i]
            l2 = ll
            r2 = _distance(x, i, c, ll) * an2[ll]
            for cluster in range(k):
                if (point >= live[l1] and point >= live[cluster]) or cluster == l1 or cluster == ll:
                    continue
                score = _distance(x, i, c, cluster) * an2[cluster]
                if score < r2:
                    r2 = score
                    l2 = cluster
            if r2 >= d[i]:
                ic2[i] = l2
            else:
                indx = 0
                live[l1] = m + point
                live[l2] = m + point
                ncp[l1] = point
                ncp[l2] = point
                _move(x, i, c, nc, an1, an2, ic1, ic2, l1, l2)
        if indx == m:
            return indx
    for cluster in range(k):
        itran[cluster] = False
        live[cluster] -= m
    return indx


def _quick_transfer(x, c, nc, an1, an2, ic1, ic2, ncp, d, itran, indx):
    """Returns (indx, limit reached)."""
    m = x.shape[0]
    limit = 50 * m
    count = 0
    step = 0
    while True:
        for i in range(m):
            count += 1
            step += 1
            if step >= limit:
                return indx, True
            l1 = ic1[i]
            l2 = ic2[i]
            if nc[l1] != 1:
                if step <= ncp[l1]:
                    d[i] = _distance(x, i, c, l1) * an1[l1]
                if step < ncp[l1] or step < ncp[l2]:
                    if _distance(x, i, c, l2) < d[i] / an2[l2]:
                        count = 0
                        indx = 0
                        itran[l1] = True
                        itran[l2] = True
                        ncp[l1] = step + m
                        ncp[l2] = step + m
                        _move(x, i, c, nc, an1, an2, ic1, ic2, l1, l2)
            if count == m:
                return indx, False


def _run(x, c, ic1, ic2, nc, an1, an2, iter_max):
    """AS 136 from the nearest/second-nearest assignment; returns (iterations, converged, limit hit)."""
    m, k = x.shape[0], c.shape[0]
    itran = np.ones(k, dtype=np.bool_)
    ncp = np.full(k, -1, dtype=np.int64)
    live = np.zeros(k, dtype=np.int64)
    d = np.zeros(m)
    indx = 0
    iterations = 0
    for _ in range(iter_max):
        iterations += 1
        indx = _optimal_transfer(x, c, nc, an1, an2, ic1, ic2, ncp, d, itran, live, indx)
        if indx == m:
            return iterations, True, False
        indx, hit = _quick_transfer(x, c, nc, an1, an2, ic1, ic2, ncp, d, itran, indx)
        if hit:
            return iterations, False, True
        if k == 2:
            return iterations, False, False
        for cluster in range(k):
            ncp[cluster] = 0
    return iterations, False, False


if njit is not None:
    _distance = njit(cache=False)(_distance)
    _move = njit(cache=False)(_move)
    _optimal_transfer = njit(cache=False)(_optimal_transfer)
    _quick_transfer = njit(cache=False)(_quick_transfer)
    run_compiled = njit(cache=False)(_run)
else:
    run_compiled = None
