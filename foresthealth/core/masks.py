"""Per-date masks of the vegetation index, as fordead computes them.

Masked (True) where any band read is 0 (shadows and no data), outside the swath (a
negative reflectance), where the index is not finite, where the user's mask formula is
true, and — with ``apply_source_mask`` — where the provider's cloud mask says cloudy.

Soil-detection mode replaces the user's formula by fordead's bare-soil and cloud rules:
a bare-soil anomaly is ``B11 > 1250 & B2 < 600 & B3 + B4 > 800``; three successive
anomalies on valid dates (not shadow, in the swath, B2 < 600) make the pixel bare soil for
good; clouds are ``B2 > 700 | (B3/(B8A+B4+B3) > 0.15 & B2 > 400)`` away from soil, grown by
3 pixels (4-connected), so a block is read with a 3-pixel halo (:data:`CLOUD_GROWTH`).

Outside the swath: fordead tests only the first band of its band set, a Python set whose order
:func:`fordead_bands` reproduces (B8A in the reference runs); ``swath_any_band=True`` tests
every band.
"""
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .formula import parse

SOIL_ANOMALY = parse("(B11 > 1250) & (B2 < 600) & ((B3 + B4) > 800)")
CLOUD_GREENNESS = parse("B3/(B8A+B4+B3)")
SOIL_BANDS = ("B2", "B3", "B4", "B8A", "B11")
CLOUD_GROWTH = 3
_CROSS = ndimage.generate_binary_structure(2, 1)


@dataclass
class SoilState:
    """Bare-soil detection of a block: state (bool), successive anomalies, first date index."""

    state: np.ndarray
    count: np.ndarray
    first_date: np.ndarray

    @classmethod
    def empty(cls, shape):
        return cls(np.zeros(shape, bool), np.zeros(shape, np.uint16), np.zeros(shape, np.uint16))


def shadows_and_swath(bands: dict, swath_band: str, swath_any_band: bool, shadow_bands=None):
    """(shadows, outside_swath): any of ``shadow_bands`` (default: all) == 0; the swath band (or any
    of them) < 0."""
    stack = [bands[name] for name in (shadow_bands or bands)]
    shadows = np.zeros(stack[0].shape, bool)
    for array in stack:
        shadows |= array == 0
    if swath_any_band:
        outside = np.zeros_like(shadows)
        for array in stack:
            outside |= array < 0
    else:
        outside = bands[swath_band] < 0
    return shadows, outside


def update_soil(soil: SoilState, bands: dict, shadows, outside, date_index: int):
    """Count successive bare-soil anomalies on valid dates; 3 make the pixel soil for good."""
    anomaly = np.asarray(SOIL_ANOMALY.evaluate(bands), bool)
    invalid = shadows | outside | (bands["B2"] >= 600)
    valid = ~invalid
    soil.count = np.where(valid & anomaly, soil.count + 1, soil.count).astype(np.uint16)
    soil.count[valid & ~anomaly] = 0
    soil.state |= soil.count == 3
    soil.first_date[valid & (soil.count == 1) & ~soil.state] = date_index
    return anomaly


def clouds(bands: dict, soil_state, soil_anomaly):
    """fordead's cloud rule away from bare soil, grown by 3 pixels (4-connected)."""
    greenness = CLOUD_GREENNESS.evaluate(bands)
    with np.errstate(invalid="ignore"):
        faint = (greenness > 0.15) & (bands["B2"] > 400)
    cloudy = ~(soil_state | soil_anomaly) & ((bands["B2"] > 700) | faint)
    return ndimage.binary_dilation(cloudy, structure=_CROSS, iterations=CLOUD_GROWTH)


def date_mask(bands: dict, index_invalid, *, mask_formula=None, soil: SoilState = None, date_index=0,
              swath_band="B8A", swath_any_band=False, source_cloudy=None, shadow_bands=None):
    """The mask of one date over a block (True = not usable)."""
    shadows, outside = shadows_and_swath(bands, swath_band, swath_any_band, shadow_bands)
    if soil is not None:
        anomaly = update_soil(soil, bands, shadows, outside, date_index)
        mask = shadows | clouds(bands, soil.state, anomaly) | outside | soil.state | anomaly
    else:
        mask = shadows | outside
        if mask_formula is not None:
            mask |= np.asarray(mask_formula.evaluate(bands), bool)
    mask |= index_invalid
    if source_cloudy is not None:
        mask |= source_cloudy
    return mask


# fordead lists its bands as list(set(...)) and tests the first for the swath. Its reference
# runs use PYTHONHASHSEED=0, under which CPython ≥ 3.11 (SipHash-1-3) hashes the band names to:
_FORDEAD_HASHES = {
    "B1": -1739534515852405675, "B2": -8393120973069998216, "B3": 1594739153650415953,
    "B4": -1939251401355351820, "B5": -44810125428378136, "B6": -6168252698898879626,
    "B7": -9059334477764962241, "B8": -4762879719359280913, "B8A": 49505275488149833,
    "B9": 4677201993444415677, "B11": 8954510775919705013, "B12": 4663757773273759730,
}
_LINEAR_PROBES, _PERTURB_SHIFT, _SET_MINSIZE = 9, 5, 8


def python_set_order(names):
    """The iteration order of ``list(set(names))`` in CPython 3.11 under PYTHONHASHSEED=0
    (open addressing with linear probes then perturbation; resized ×4 when 3/5 full)."""
    def insert(table, name):
        mask = len(table) - 1
        hash_ = _FORDEAD_HASHES[name] & 0xFFFFFFFFFFFFFFFF
        index, perturb = hash_ & mask, hash_
        while True:
            probes = _LINEAR_PROBES if index + _LINEAR_PROBES <= mask else 0
            for slot in range(index, index + probes + 1):
                if table[slot] is None:
                    table[slot] = name
                    return
            perturb >>= _PERTURB_SHIFT
            index = (index * 5 + 1 + perturb) & mask

    table, used = [None] * _SET_MINSIZE, 0
    for name in names:
        if name in table:
            continue
        insert(table, name)
        used += 1
        if used * 5 >= (len(table) - 1) * 3:
            size = _SET_MINSIZE
            while size <= used * 4:
                size <<= 1
            old, table = [n for n in table if n is not None], [None] * size
            for kept in old:
                insert(table, kept)
    return [name for name in table if name is not None]


def fordead_bands(index_bands, mask_bands=(), soil=False):
    """The bands fordead reads, in its order (the first is its swath test band)."""
    forced = list(SOIL_BANDS) if soil else python_set_order(mask_bands)
    return python_set_order(list(forced) + list(index_bands))
