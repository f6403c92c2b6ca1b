"""Effective mesh size and its companions as pure functions over areas.

References
----------
Jaeger, J. A. G. (2000). Landscape division, splitting index, and effective mesh size:
new measures of landscape fragmentation. Landscape Ecology 15, 115-130.
Moser, B., Jaeger, J. A. G., Tappeiner, U., Tasser, E., Eiselt, B. (2007). Modification of
the effective mesh size for measuring landscape fragmentation to solve the boundary
problem. Landscape Ecology 22, 447-459.

Every area is in the same unit (m² in the plugin); ``meff`` comes out in that unit.
"""
import math
from dataclasses import dataclass

import numpy as np

CUT = "CUT"
CBC = "CBC"
METHODS = (CUT, CBC)


@dataclass(frozen=True)
class MeshMetrics:
    """Fragmentation measures of one reporting unit (areas in m²).

    meff : effective mesh size, (1/A) Σ a_i·a_i^cmpl  (CUT: a_i^cmpl = a_i).
    s_eff : effective mesh number, A / meff (NaN when there is no habitat).
    coherence : meff / A, the probability that two random points of the unit are
        connected (dimensionless, 0..1).
    splitting_index : 1 / coherence (NaN when there is no habitat).
    """

    meff: float
    coherence: float
    splitting_index: float
    s_eff: float
    n_patches: int
    habitat_area: float
    total_area: float

    @property
    def meff_ha(self):
        return self.meff / 1e4

    @property
    def meff_km2(self):
        return self.meff / 1e6

    @property
    def habitat_ha(self):
        return self.habitat_area / 1e4

    @property
    def area_ha(self):
        return self.total_area / 1e4


def metrics_from_sum(weighted_sum, total_area, n_patches, habitat_area):
    """Measures from Σ a_i·a_i^cmpl (m⁴ / m² units consistent) and the unit area A.

    Parameters
    ----------
    weighted_sum : float
        Σ a_i² (CUT) or Σ a_i·a_i^cmpl (CBC), in area² units.
    total_area : float
        Area A of the reporting unit (habitat or not), in area units.
    n_patches : int
        Number of habitat patches (pieces) counted in the unit.
    habitat_area : float
        Σ a_i, habitat area inside the unit.
    """
    weighted_sum, total_area, habitat_area = float(weighted_sum), float(total_area), float(habitat_area)
    if total_area <= 0:
        nan = float("nan")
        return MeshMetrics(nan, nan, nan, nan, int(n_patches), float(habitat_area), float(total_area))
    meff = float(weighted_sum) / total_area
    coherence = meff / total_area
    splitting = 1.0 / coherence if coherence > 0 else float("nan")
    s_eff = total_area / meff if meff > 0 else float("nan")
    return MeshMetrics(meff, coherence, splitting, s_eff, int(n_patches), float(habitat_area), float(total_area))


def cut_sum(piece_areas):
    """Σ a_i² over the pieces of patches cut at the unit boundary (Jaeger 2000, CUT)."""
    pieces = np.asarray(piece_areas, dtype=float)
    return float(np.sum(pieces * pieces))


def cbc_sum(piece_areas, whole_patch_areas):
    """Σ a_i·a_i^cmpl: each piece inside the unit times its whole patch area (Moser et al. 2007)."""
    pieces = np.asarray(piece_areas, dtype=float)
    wholes = np.asarray(whole_patch_areas, dtype=float)
    if pieces.shape != wholes.shape:
        raise ValueError("piece_areas and whole_patch_areas must have the same length")
    return float(np.sum(pieces * wholes))


def unit_metrics(piece_areas, whole_patch_areas, unit_area, method=CUT):
    """Measures of one unit from its patch pieces (the vector mode's whole computation).

    Parameters
    ----------
    piece_areas : sequence of float
        Area of each patch's part inside the unit (m²); one entry per piece.
    whole_patch_areas : sequence of float
        Area of the whole patch each piece belongs to, also outside the unit (m²).
    unit_area : float
        Area of the reporting unit (m²).
    method : {"CUT", "CBC"}
    """
    pieces = np.asarray(piece_areas, dtype=float)
    if method == CUT:
        weighted = cut_sum(pieces)
    elif method == CBC:
        weighted = cbc_sum(pieces, whole_patch_areas)
    else:
        raise ValueError(f"Unknown method {method!r}; choose CUT or CBC.")
    return metrics_from_sum(weighted, unit_area, len(pieces), float(pieces.sum()))


def aggregate_units(units):
    """Measures of a set of units taken together (Jaeger 2000, eq. for a region made of
    units): meff = Σ_j A_j·meff_j / Σ_j A_j, i.e. the area-weighted mean of the units'
    meff with the same method. Units without area are skipped."""
    kept = [u for u in units if u.total_area > 0 and not math.isnan(u.meff)]
    total = sum(u.total_area for u in kept)
    weighted = sum(u.meff * u.total_area for u in kept)
    return metrics_from_sum(weighted, total, sum(u.n_patches for u in kept), sum(u.habitat_area for u in kept))


def relative_change(before, after):
    """(after - before) / before in %, NaN when undefined."""
    if before is None or after is None:
        return float("nan")
    if before == 0 or math.isnan(before) or math.isnan(after):
        return float("nan")
    return 100.0 * (after - before) / before
