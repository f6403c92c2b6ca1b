"""Diversity indices against hand computations and scipy formulas."""
import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.spatial import ConvexHull
from scipy.spatial.distance import braycurtis, pdist, squareform

from dataterra.biodivmap.core import indices
from dataterra.biodivmap.core.diversity import _alpha_from_counts, window_counts


def test_shannon_simpson_hill_by_hand():
    counts = np.array([[2, 2, 0], [1, 1, 2]])
    # p = (1/2, 1/2): H = ln 2; p = (1/4, 1/4, 1/2): H = 2·(1/4)·ln 4 + (1/2)·ln 2 = 1.5 ln 2
    np.testing.assert_allclose(indices.shannon(counts), [np.log(2), 1.5 * np.log(2)])
    np.testing.assert_allclose(indices.simpson(counts), [0.5, 1 - (1 / 16 + 1 / 16 + 1 / 4)])
    np.testing.assert_allclose(indices.richness(counts), [2, 3])
    np.testing.assert_allclose(indices.hill(counts, 0), [2, 3])
    np.testing.assert_allclose(indices.hill(counts, 1), [2, np.exp(1.5 * np.log(2))])
    np.testing.assert_allclose(indices.hill(counts, 2), [2, 1 / 0.375])
    np.testing.assert_allclose(indices.hill(counts, 3), [2, (2 / 64 + 1 / 8) ** (-1 / 2)])


def test_fisher_alpha_solves_fisher_equation():
    counts = np.array([[5, 3, 1, 1, 1, 2, 7], [50, 50, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1]])
    alpha = indices.fisher_alpha(counts)
    for row, value in zip(counts[:2], alpha[:2]):
        s, n = (row > 0).sum(), row.sum()
        expected = brentq(lambda a, s=s, n=n: a * np.log(1 + n / a) - s, 1e-6, 1e6)
        assert value == pytest.approx(expected, rel=1e-8)
    assert np.isnan(alpha[2])  # S = N: α is infinite


def test_pcelim_drops_rare_species():
    counts = np.array([[97, 2, 1]])
    np.testing.assert_array_equal(indices.apply_pcelim(counts, 0.02), [[97, 2, 0]])


def test_bray_curtis_equals_scipy():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 20, (5, 8)), rng.integers(0, 20, (4, 8))
    d = indices.bray_curtis(a, b)
    for i in range(5):
        for j in range(4):
            assert d[i, j] == pytest.approx(braycurtis(a[i], b[j]))


def test_pcoa_recovers_euclidean_configuration():
    points = np.random.default_rng(1).normal(size=(12, 2))
    d = squareform(pdist(points))
    coordinates, _ = indices.pcoa(d, 3)
    np.testing.assert_allclose(squareform(pdist(coordinates)), d, atol=1e-9)


def test_double_centring_equals_the_products_with_the_centring_matrix():
    matrix = np.random.default_rng(3).random((9, 9))
    centring = np.eye(9) - 1.0 / 9
    np.testing.assert_allclose(indices.double_centred(matrix), centring @ matrix @ centring, atol=1e-14)


def test_pcoa_keeps_the_largest_axes_in_order():
    points = np.random.default_rng(4).normal(size=(40, 5)) * [5.0, 3.0, 2.0, 0.5, 0.1]
    d = squareform(pdist(points))
    coordinates, values = indices.pcoa(d, 2)
    centred = points - points.mean(axis=0)
    expected = np.sort(np.linalg.eigvalsh(centred @ centred.T))[::-1][:2]  # Gower: B = X Xᵀ
    np.testing.assert_allclose(values, expected, rtol=1e-10)
    np.testing.assert_allclose(np.abs(coordinates.T @ coordinates), np.diag(expected), atol=1e-8)


def test_functional_richness_equals_convex_hull_volume():
    cube = np.array([[x, y, z] for x in (0, 1) for y in (0, 2) for z in (0, 3)], dtype=float)
    points = np.vstack([cube, [[0.5, 1, 1]]])
    assert indices.functional_richness(points) == pytest.approx(6.0)
    random = np.random.default_rng(2).normal(size=(30, 3))
    assert indices.functional_richness(random) == pytest.approx(ConvexHull(random).volume)
    assert indices.functional_richness(np.zeros((10, 3))) == 0.0  # degenerate


def test_functional_evenness_and_divergence_by_hand():
    line = np.column_stack([np.arange(6.0), np.zeros(6)])
    assert indices.functional_evenness(line) == pytest.approx(1.0)  # regular spacing
    uneven = np.array([[0.0, 0], [0.1, 0], [0.2, 0], [10, 0]])
    # EW ∝ (0.1, 0.1, 9.8), PEW = (0.01, 0.01, 0.98), 1/(S-1) = 1/3
    assert indices.functional_evenness(uneven) == pytest.approx((0.01 + 0.01 + 1 / 3 - 1 / 3) / (2 / 3))
    square = np.array([[1.0, 1], [1, -1], [-1, 1], [-1, -1], [0, 0]])
    # dG = (r, r, r, r, 0), mean 0.8 r, Δd = 0, Δ|d| = 0.32 r → FDiv = 0.8 / 1.12
    assert indices.functional_divergence(square) == pytest.approx(0.8 / 1.12)


def test_window_counts_by_hand():
    labels = np.array([[1, 1, 2], [0, 2, 2], [1, 0, 0]])
    counts = window_counts(labels, 2, 2)
    np.testing.assert_array_equal(counts, [[1, 2, 1], [0, 0, 2], [1, 1, 0], [1, 0, 0]])


def test_batched_evenness_equals_one_window_at_a_time():
    rng = np.random.default_rng(3)
    points = rng.normal(size=(6, 25, 3))
    points[2, 5:10] = points[2, 4]  # duplicated pixels: zero-length edges
    points[3] = 0.5  # every pixel identical
    valid = rng.random((6, 25)) > 0.3
    valid[4] = False
    valid[4, :2] = True  # two pixels only: FEve undefined
    valid[3] = True
    batched = indices.functional_evenness_of_windows(points, valid)
    for window, keep, value in zip(points, valid, batched):
        expected = indices.functional_evenness(window[keep])
        if np.isnan(expected):
            assert np.isnan(value)
        else:
            assert value == pytest.approx(expected, abs=1e-9)
    assert np.isnan(batched[3]) and np.isnan(batched[4])  # identical points; only two points


def test_evenness_keeps_zero_length_edges_of_duplicated_pixels():
    points = np.array([[0.0, 0], [0, 0], [1, 0], [2, 0]])
    # spanning tree edges 0, 1, 1: PEW = (0, 1/2, 1/2), 1/(S-1) = 1/3 → (0 + 1/3 + 1/3 - 1/3) / (2/3)
    assert indices.functional_evenness(points) == pytest.approx(0.5)
    batched = indices.functional_evenness_of_windows(points[None], np.ones((1, 4), bool))
    assert batched[0] == pytest.approx(0.5)


def test_evenness_equals_scipy_spanning_tree_formula():
    from scipy.sparse.csgraph import minimum_spanning_tree

    points = np.random.default_rng(6).normal(size=(30, 3))
    lengths = minimum_spanning_tree(squareform(pdist(points))).data  # distinct points: no zero edge
    pew = lengths / lengths.sum()
    even = 1 / 29
    assert indices.functional_evenness(points) == pytest.approx((np.minimum(pew, even).sum() - even) / (1 - even))


def test_richness_and_divergence_from_one_hull():
    points = np.random.default_rng(4).normal(size=(40, 3))
    fric, fdiv = indices.functional_richness_and_divergence(points)
    assert fric == pytest.approx(ConvexHull(points).volume)
    assert fdiv == pytest.approx(indices.functional_divergence(points))
    assert indices.functional_richness_and_divergence(np.zeros((10, 3)))[0] == 0.0


def test_beta_profiles_are_shares_renormalised_after_pcelim():
    """biodivMapR's normalize_SSD: counts left after PCELIM become shares of what is left."""
    counts = indices.apply_pcelim(np.array([[50, 1, 49, 0], [0, 0, 0, 0]]), 0.02)
    profiles = indices.beta_profiles(counts, 0.02)
    np.testing.assert_allclose(profiles[0], [50 / 99, 0, 49 / 99, 0])
    np.testing.assert_array_equal(profiles[1], 0)
    # Bray-Curtis on shares: windows of 100 and 10 pixels with the same composition are identical
    same = indices.beta_profiles(np.array([[60, 40], [6, 4]]), 0.02)
    assert indices.bray_curtis(same, same, empty=1.0)[0, 1] == 0
    assert indices.bray_curtis(np.array([[60, 40]]), np.array([[6, 4]]))[0, 0] == pytest.approx(90 / 110)
    # an empty window is at 1 from everything, itself included (biodivMapR)
    d = indices.bray_curtis(profiles, profiles, empty=1.0)
    assert d[1, 1] == 1 and d[0, 1] == 1 and d[0, 0] == 0


def test_fisher_only_where_every_iteration_has_more_than_two_species():
    first = np.array([[30, 30, 40, 0], [50, 50, 0, 0]], dtype=float)
    second = np.array([[25, 25, 25, 25], [40, 30, 30, 0]], dtype=float)
    bands = _alpha_from_counts([first, second], np.array([True, True]), 0.0, 2.0)
    richness_mean, richness_sd, fisher_mean = bands[0], bands[1], bands[6]
    np.testing.assert_allclose(richness_mean, [3.5, 2.5])
    np.testing.assert_allclose(richness_sd, [np.std([3, 4], ddof=1), np.std([2, 3], ddof=1)])  # n - 1, as R's sd
    expected = np.mean([indices.fisher_alpha(first[:1])[0], indices.fisher_alpha(second[:1])[0]])
    assert fisher_mean[0] == pytest.approx(expected)
    assert np.isnan(fisher_mean[1])  # the first iteration has 2 species there
