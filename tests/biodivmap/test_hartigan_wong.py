"""Hartigan–Wong k-means against R's stats::kmeans on fixed starts (tests/data/biodivmap, made by
make_kmeans_reference.R), and the pure-NumPy version against the Numba one."""
from pathlib import Path

import numpy as np
import pytest

from dataterra.biodivmap.core import hartigan_wong, hartigan_wong_compiled
from dataterra.rasterblocks import DataTerraError

DATA = Path(__file__).parent.parent / "data" / "biodivmap"
CASES = ("separated", "overlapping", "flat")


def reference(case):
    table = np.genfromtxt(DATA / f"kmeans_reference_{case}.csv", delimiter=",", names=True)
    dims = [n for n in table.dtype.names if n.startswith("x")]
    points = np.column_stack([table[n] for n in dims])
    order = table["start_order"].astype(int)
    starts = points[np.argsort(order)[np.sort(order) > 0]]
    centres = np.genfromtxt(DATA / f"kmeans_reference_{case}_centres.csv", delimiter=",", names=True)
    r_centres = np.column_stack([centres[n] for n in centres.dtype.names[:len(dims)]])
    return points, starts, table["cluster"].astype(int) - 1, r_centres, centres


@pytest.mark.parametrize("compiled", [False, None])
@pytest.mark.parametrize("case", CASES)
def test_same_clusters_and_centres_as_r_kmeans(case, compiled):
    points, starts, r_labels, r_centres, r_table = reference(case)
    fit = hartigan_wong.hartigan_wong(points, starts, iter_max=50, compiled=compiled)
    np.testing.assert_array_equal(fit["labels"], r_labels)
    np.testing.assert_allclose(fit["centres"], r_centres, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(fit["sizes"], r_table["size"].astype(int))
    np.testing.assert_allclose(fit["withinss"], r_table["withinss"], rtol=1e-12)
    assert fit["iterations"] == int(r_table["iter"][0])


def test_hartigan_wong_is_not_lloyd():
    """On the overlapping case, a Lloyd fixed point from the same starts is another partition with a larger SS."""
    points, starts, r_labels, _, r_table = reference("overlapping")
    centres = starts.copy()
    for _ in range(200):
        labels = np.argmin(hartigan_wong.squared_distance(points[:, None, :], centres[None]), axis=1)
        centres = np.array([points[labels == c].mean(axis=0) for c in range(len(centres))])
    lloyd_ss = sum(((points[labels == c] - centres[c]) ** 2).sum() for c in range(len(centres)))
    assert (labels != r_labels).sum() > 0
    assert lloyd_ss > r_table["withinss"].sum()


@pytest.mark.skipif(hartigan_wong_compiled.run_compiled is None, reason="Numba is not installed")
def test_numpy_and_numba_make_the_same_moves():
    rng = np.random.default_rng(5)
    points = rng.normal(size=(3000, 4)) + rng.integers(0, 3, size=(3000, 1))
    for centres in hartigan_wong.random_starts(points, 30, 3, rng):
        slow = hartigan_wong.hartigan_wong(points, centres, compiled=False)
        fast = hartigan_wong.hartigan_wong(points, centres)
        np.testing.assert_array_equal(slow["labels"], fast["labels"])
        np.testing.assert_array_equal(slow["centres"], fast["centres"])
        assert slow["iterations"] == fast["iterations"]


def test_best_of_starts_keeps_the_smallest_within_ss():
    rng = np.random.default_rng(0)
    points = rng.normal(size=(400, 2))
    best = hartigan_wong.kmeans_partitions([points], 6, np.random.default_rng(3), n_start=5)[0]
    runs = [hartigan_wong.hartigan_wong(points, c)
            for c in hartigan_wong.random_starts(points, 6, 5, np.random.default_rng(3))]
    smallest = min(runs, key=lambda r: r["withinss"].sum())
    np.testing.assert_array_equal(best, smallest["centres"])
    assert smallest["withinss"].sum() <= min(r["withinss"].sum() for r in runs)


def test_too_few_distinct_points_is_refused():
    points = np.repeat(np.eye(3), 10, axis=0)
    with pytest.raises(DataTerraError, match="distinct"):
        hartigan_wong.random_starts(points, 4, 1, np.random.default_rng(0))
