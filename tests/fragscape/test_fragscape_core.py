"""Pure core: block-wise labelling, effective mesh size vs pylandstats, CUT / CBC by hand."""
import math
import warnings

import numpy as np
import pytest
from scipy import ndimage

from dataterra.fragscape.core.blocklabel import label_and_accumulate, structure_for
from dataterra.fragscape.core.metrics import CBC, CUT, cbc_sum, cut_sum, metrics_from_sum, unit_metrics
from dataterra.fragscape.core.raster_mesh import effective_mesh_size_raster, write_grid_raster
from dataterra.rasterblocks import Cancelled, DataTerraError, RasterError, open_raster


def random_landscape(seed, shape, habitat_share=0.55, nodata_share=0.05):
    """1 = habitat, 2 = other land, 0 = nodata."""
    rng = np.random.default_rng(seed)
    landscape = np.where(rng.random(shape) < habitat_share, 1, 2).astype(np.uint8)
    landscape[rng.random(shape) < nodata_share] = 0
    return landscape


@pytest.mark.parametrize("connectivity", [4, 8])
@pytest.mark.parametrize("seed,shape", [(1, (97, 133)), (2, (211, 180))])
def test_meff_equals_pylandstats_class_level(tif_writer, connectivity, seed, shape):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pylandstats
    landscape = random_landscape(seed, shape)
    path = tif_writer(landscape, pixel=10.0, nodata=0)
    reference = pylandstats.Landscape(landscape, res=(10, 10), nodata=0, neighborhood_rule=str(connectivity))
    # pylandstats: MESH = Σ a² / A in hectares, A = every non-nodata cell (all classes)
    expected_ha = reference.effective_mesh_size(class_val=1)
    for block in (16, 37, 4096):  # 16 and 37 < raster size: block merging is exercised
        result = effective_mesh_size_raster(path, habitat_values=[1], connectivity=connectivity, block=block)
        assert result.whole.meff_ha == pytest.approx(expected_ha, rel=1e-9)
        assert result.whole.n_patches == reference.number_of_patches(class_val=1)
        assert result.whole.area_ha == pytest.approx(reference.landscape_area / 1e4, rel=1e-12)


def _blocked_patch_areas(mask, connectivity, block):
    """Accumulated sums of the block-wise labelling of a boolean array (no zones)."""
    height, width = mask.shape

    def read(col, row, ncols, nrows):
        window = mask[row:row + nrows, col:col + ncols]
        return window, np.ones_like(window), None

    sums = label_and_accumulate(read, width, height, 0, connectivity, block)
    return sums


@pytest.mark.parametrize("connectivity", [4, 8])
def test_blocked_labelling_matches_unblocked(connectivity):
    rng = np.random.default_rng(5)
    mask = rng.random((150, 170)) < 0.6
    labels, count = ndimage.label(mask, structure=structure_for(connectivity))
    areas = np.bincount(labels.ravel())[1:].astype(float)
    for block in (7, 32, 1000):
        sums = _blocked_patch_areas(mask, connectivity, block)
        assert sums.whole_patches == count
        assert sums.whole_sq == float(np.sum(areas ** 2))
        assert sums.whole_habitat == int(mask.sum())


def test_diagonal_across_block_corner_joins_only_with_8_connectivity():
    mask = np.zeros((4, 4), dtype=bool)
    mask[1, 1] = mask[2, 2] = True  # touch by a corner exactly at the block corner (block 2)
    assert _blocked_patch_areas(mask, 8, 2).whole_patches == 1
    assert _blocked_patch_areas(mask, 4, 2).whole_patches == 2
    mask = np.zeros((4, 4), dtype=bool)
    mask[1, 2] = mask[2, 1] = True  # the other diagonal
    assert _blocked_patch_areas(mask, 8, 2).whole_patches == 1


def test_u_shaped_patch_merged_late():
    """Two arms opened in separate blocks join only in the last strip."""
    mask = np.zeros((9, 9), dtype=bool)
    mask[:, 0] = mask[:, 8] = mask[8, :] = True
    sums = _blocked_patch_areas(mask, 4, 3)
    assert sums.whole_patches == 1
    assert sums.whole_sq == float(mask.sum()) ** 2


# Hand-made case, pixels of 10 m (100 m²); zone 1 = left half, zone 2 = right half
HABITAT = np.array([
    [1, 1, 1, 1, 0, 0],  # patch A: 3 pixels in zone 1, 1 in zone 2
    [0, 0, 0, 0, 0, 1],  # patch B: 2 pixels in zone 2
    [1, 0, 0, 0, 0, 1],
    [1, 0, 0, 0, 0, 0],  # patch C: 2 pixels in zone 1
], dtype=np.uint8)
ZONES = np.array([[1, 1, 1, 2, 2, 2]] * 4, dtype=np.int32)


@pytest.mark.parametrize("block", [2, 3, 64])
def test_cut_and_cbc_by_hand(tif_writer, block):
    habitat = tif_writer(HABITAT)
    zones = tif_writer(ZONES)
    cut = effective_mesh_size_raster(habitat, method=CUT, connectivity=4, zone_path=zones, block=block)
    cbc = effective_mesh_size_raster(habitat, method=CBC, connectivity=4, zone_path=zones, block=block)
    # CUT zone 1: (3² + 2²) px² / 12 px × 100 m² = 108.33 m²; zone 2: (1² + 2²) / 12 × 100
    assert cut.zones[1].meff == pytest.approx(13 / 12 * 100)
    assert cut.zones[2].meff == pytest.approx(5 / 12 * 100)
    # CBC zone 1: (3·4 + 2·2) / 12 × 100; zone 2: (1·4 + 2·2) / 12 × 100
    assert cbc.zones[1].meff == pytest.approx(16 / 12 * 100)
    assert cbc.zones[2].meff == pytest.approx(8 / 12 * 100)
    assert cut.zones[1].n_patches == 2 and cut.zones[2].n_patches == 2
    assert cut.zones[1].habitat_area == pytest.approx(500) and cut.zones[1].total_area == pytest.approx(1200)
    # whole extent: (4² + 2² + 2²) / 24 × 100
    assert cut.whole.meff == pytest.approx(100.0) and cbc.whole.meff == pytest.approx(100.0)
    assert cut.whole.coherence == pytest.approx(100.0 / 2400)
    assert cut.whole.splitting_index == pytest.approx(24.0)
    assert cut.whole.s_eff == pytest.approx(24.0)


# A patch that leaves zone 1 and comes back (4- and 8-connectivity alike): one patch of
# 9 pixels; in zone 1 two pieces of 3 pixels joined only through zone 2; in zone 2 one of 3.
U_HABITAT = np.array([
    [1, 1, 1, 1, 0, 0],
    [0, 0, 0, 1, 0, 0],
    [1, 1, 1, 1, 0, 0],
    [0, 0, 0, 0, 0, 0],
], dtype=np.uint8)


@pytest.mark.parametrize("connectivity", [4, 8])
@pytest.mark.parametrize("block", [2, 3, 64])
def test_patch_leaving_a_zone_and_coming_back_counts_two_pieces(tif_writer, block, connectivity):
    habitat, zones = tif_writer(U_HABITAT), tif_writer(ZONES)
    cut = effective_mesh_size_raster(habitat, method=CUT, connectivity=connectivity, zone_path=zones, block=block)
    cbc = effective_mesh_size_raster(habitat, method=CBC, connectivity=connectivity, zone_path=zones, block=block)
    # CUT zone 1: (3² + 3²) px² / 12 px × 100 m² = 150 m² (not 6² / 12 × 100 = 300); zone 2: 3² / 12 × 100
    assert cut.zones[1].meff == pytest.approx(150.0) and cut.zones[2].meff == pytest.approx(75.0)
    assert cut.zones[1].n_patches == 2 and cut.zones[2].n_patches == 1
    # CBC: each piece weighted by the whole patch (9 px): (3·9 + 3·9) / 12 × 100, 3·9 / 12 × 100
    assert cbc.zones[1].meff == pytest.approx(450.0) and cbc.zones[2].meff == pytest.approx(225.0)
    assert cbc.zones[1].n_patches == 2
    assert cut.whole.n_patches == 1 and cut.whole.meff == pytest.approx(81 / 24 * 100)
    grid = effective_mesh_size_raster(habitat, method=CUT, connectivity=connectivity, grid_size=30.0, block=block)
    # grid cell 1 = rows 0-2 × columns 0-2 (9 px): the same two pieces, (3² + 3²) / 9 × 100
    assert grid.zones[1].meff == pytest.approx(200.0) and grid.zones[1].n_patches == 2


def test_vector_formulas_match_raster_hand_case():
    cut = unit_metrics([300, 200], [400, 200], 1200, CUT)
    cbc = unit_metrics([300, 200], [400, 200], 1200, CBC)
    assert cut.meff == pytest.approx(13e4 / 1200)
    assert cbc.meff == pytest.approx(16e4 / 1200)
    assert cut.n_patches == 2 and cut.habitat_area == 500
    assert cut_sum([3, 4]) == 25 and cbc_sum([1, 2], [10, 20]) == 50
    empty = metrics_from_sum(0.0, 1000.0, 0, 0.0)
    assert empty.meff == 0 and math.isnan(empty.splitting_index) and math.isnan(empty.s_eff)
    with pytest.raises(ValueError):
        unit_metrics([1], [1], 10, "XYZ")


def test_grid_cells_and_grid_raster(tif_writer, tmp_path):
    habitat = np.zeros((4, 6), dtype=np.uint8)
    habitat[0:2, 0:2] = 1  # 4 pixels in cell 1, one patch
    habitat[0:2, 2] = 1  # joins the patch: 2 pixels in cell 2
    path = tif_writer(habitat, pixel=10.0)
    result = effective_mesh_size_raster(path, grid_size=20.0, method=CUT, connectivity=8)
    assert result.grid.columns == 3 and result.grid.rows == 2
    assert result.zones[1].meff == pytest.approx(16 / 4 * 100)  # whole 2x2 cell is habitat
    assert result.zones[2].meff == pytest.approx(4 / 4 * 100)
    assert result.zones[4].meff == 0
    cbc = effective_mesh_size_raster(path, grid_size=20.0, method=CBC, connectivity=8)
    assert cbc.zones[2].meff == pytest.approx(2 * 6 / 4 * 100)
    output = write_grid_raster(result, path, tmp_path / "meff.tif")
    info = open_raster(output)
    assert (info.width, info.height, info.pixel_width) == (3, 2, 20.0)
    values = info.read()
    assert values[0, 0] == pytest.approx(0.04) and values[1, 0] == pytest.approx(0.0)


def test_min_patch_area_drops_small_patches(tif_writer):
    habitat = np.zeros((5, 5), dtype=np.uint8)
    habitat[0, 0] = 1
    habitat[3:5, 3:5] = 1
    path = tif_writer(habitat)
    result = effective_mesh_size_raster(path, min_patch_area=200.0)
    assert result.whole.n_patches == 1
    assert result.whole.meff == pytest.approx(16 / 25 * 100)


def test_habitat_values_default_and_list(tif_writer):
    landcover = np.array([[311, 312, 0], [111, 311, 0]], dtype=np.uint16)
    path = tif_writer(landcover)
    default = effective_mesh_size_raster(path, connectivity=4)  # every non-zero value
    assert default.whole.habitat_area == pytest.approx(400)
    chosen = effective_mesh_size_raster(path, habitat_values=[311, 312], connectivity=4)
    assert chosen.whole.habitat_area == pytest.approx(300)
    absent = effective_mesh_size_raster(path, habitat_values=[999])
    assert absent.whole.meff == 0 and absent.whole.n_patches == 0


def test_bad_inputs(tif_writer):
    with pytest.raises(RasterError, match="geographic"):
        effective_mesh_size_raster(tif_writer(np.ones((3, 3), np.uint8), pixel=0.001,
                                              origin=(3.0, 43.0), epsg=4326))
    with pytest.raises(DataTerraError, match="no valid pixel"):
        effective_mesh_size_raster(tif_writer(np.zeros((3, 3), np.uint8), nodata=0))
    other_grid = tif_writer(np.ones((3, 4), np.int32))
    with pytest.raises(RasterError, match="grid"):
        effective_mesh_size_raster(tif_writer(np.ones((3, 3), np.uint8)), zone_path=other_grid)
    with pytest.raises(ValueError, match="4 or 8"):
        effective_mesh_size_raster(tif_writer(np.ones((3, 3), np.uint8)), connectivity=6)


def test_cancel_midway(tif_writer):
    path = tif_writer(random_landscape(3, (64, 64)))
    calls = {"n": 0}

    def cancel_after_two():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        effective_mesh_size_raster(path, block=16, is_cancelled=cancel_after_two)


def _direct_zone_sums(habitat, zones, connectivity):
    """Per-zone CUT and CBC sums (pixel units) without blocks: whole patches from one labelling,
    pieces from labelling each zone's habitat on its own."""
    structure = structure_for(connectivity)
    labels, _ = ndimage.label(habitat, structure=structure)
    whole = np.bincount(labels.ravel())
    cut, cbc, pieces = {}, {}, {}
    for zone in np.unique(zones):
        parts, count = ndimage.label(habitat & (zones == zone), structure=structure)
        for part in range(1, count + 1):
            inside = parts == part
            size = int(inside.sum())
            cut[zone] = cut.get(zone, 0) + size**2
            cbc[zone] = cbc.get(zone, 0) + size * whole[labels[inside][0]]
            pieces[zone] = pieces.get(zone, 0) + 1
    return cut, cbc, pieces


@pytest.mark.parametrize("connectivity", [4, 8])
def test_blocked_zone_sums_match_direct_computation(tif_writer, connectivity):
    rng = np.random.default_rng(11)
    habitat = (rng.random((90, 110)) < 0.62).astype(np.uint8)
    zones = (rng.integers(1, 4, size=(9, 11)).repeat(10, axis=0).repeat(10, axis=1)).astype(np.int32)
    zones[:5, :] = 0  # outside every unit
    habitat_path, zone_path = tif_writer(habitat), tif_writer(zones)
    cut, cbc, pieces = _direct_zone_sums(habitat.astype(bool), zones, connectivity)
    for method, expected in (("CUT", cut), ("CBC", cbc)):
        for block in (7, 16, 1000):
            result = effective_mesh_size_raster(habitat_path, method=method, connectivity=connectivity,
                                                zone_path=zone_path, block=block)
            for zone in (1, 2, 3):
                area = (zones == zone).sum() * 100.0
                assert result.zones[zone].meff == pytest.approx(expected[zone] * 100.0**2 / area, rel=1e-12)
                assert result.zones[zone].n_patches == pieces[zone]


def _comb(teeth=30, width=10):
    """A spine down column 0 with a tooth across the whole width on every other row: one patch
    spanning every strip; zone 1 = columns 0-4 (the spine and the teeth's first halves, one
    piece), zone 2 = columns 5-9, where each tooth's half is a piece of its own (5 pixels)."""
    habitat = np.zeros((2 * teeth, width), dtype=bool)
    habitat[:, 0] = True
    habitat[::2, :] = True
    zones = np.where(np.arange(width) < width // 2, 1, 2)[None, :].repeat(2 * teeth, axis=0)
    return habitat, zones


def _zone_sums_by_strips(habitat, zones, connectivity, block, min_patch_pixels, monkeypatch):
    """label_and_accumulate over arrays; also the number of rows carried after each strip."""
    from dataterra.fragscape.core import blocklabel

    carried = []
    process_strip = blocklabel._process_strip

    def recording(*args, **kwargs):
        state = process_strip(*args, **kwargs)
        carried.append(state.rows.piece.size + state.parts.patch.size)
        return state

    monkeypatch.setattr(blocklabel, "_process_strip", recording)

    def read(col, row, ncols, nrows):
        window = (slice(row, row + nrows), slice(col, col + ncols))
        return habitat[window], np.ones_like(habitat[window]), zones[window]

    sums = label_and_accumulate(read, habitat.shape[1], habitat.shape[0], int(zones.max()), connectivity, block,
                                min_patch_pixels)
    return sums, carried


@pytest.mark.parametrize("connectivity", [4, 8])
def test_finished_pieces_of_a_patch_spanning_the_raster_are_carried_as_sums(connectivity, monkeypatch):
    habitat, zones = _comb()
    sums, carried = _zone_sums_by_strips(habitat, zones, connectivity, 4, 0, monkeypatch)
    whole = 60 + 30 * 4 + 30 * 5  # the spine, then the teeth's halves in zone 1 and in zone 2
    assert sums.whole_patches == 1 and sums.whole_sq == whole**2
    assert list(sums.pieces[1:]) == [1, 30]
    assert list(sums.habitat[1:]) == [180, 150]
    assert list(sums.cut[1:]) == [180**2, 30 * 5**2]
    assert list(sums.cbc[1:]) == [180 * whole, 30 * 5 * whole]
    # 15 strips; the 29 finished teeth of zone 2 are one sum, not 29 rows (the growing piece of
    # zone 1, at most one growing tooth, and the sum of zone 2's finished ones)
    assert len(carried) == 15 and max(carried) <= 3


def test_minimum_patch_area_applies_to_the_summed_pieces(monkeypatch):
    habitat, zones = _comb()
    kept, _ = _zone_sums_by_strips(habitat, zones, 4, 4, 330, monkeypatch)
    dropped, _ = _zone_sums_by_strips(habitat, zones, 4, 4, 331, monkeypatch)
    assert list(kept.pieces[1:]) == [1, 30] and kept.whole_patches == 1
    assert list(dropped.pieces[1:]) == [0, 0] and list(dropped.cut[1:]) == [0, 0] and dropped.whole_patches == 0
