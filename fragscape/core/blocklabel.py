"""Connected habitat patches of a raster, labelled by blocks, areas accumulated per zone.

The raster is streamed strip by strip (``block`` rows), each strip block by block
(``block`` × ``block`` pixels). Each block is labelled on its own with
:func:`scipy.ndimage.label` (4- or 8-connectivity); the labels that touch across block
edges (inside the strip, and between the strip and the last row of the previous one) are
merged with a union-find (connected components of the graph of boundary label pairs,
``scipy.sparse.csgraph``). A patch that does not reach the strip's last row can never
grow again: its area is final, so its contribution is added to the per-zone sums and it
is forgotten. Memory is therefore bounded by one strip (``block`` × raster width) plus
the patches that are still open, never by the raster height.

Per zone (a reporting unit or a grid cell, id > 0; 0 means outside every unit) the
accumulator keeps, in pixel units:

- CUT: Σ over (patch, zone) pieces of piece²;
- CBC: Σ over (patch, zone) pieces of piece × whole patch (Moser et al. 2007);
- habitat pixels, valid pixels, and number of pieces.

A piece is the part of one patch inside one zone; when a patch leaves a unit and enters
it again, both parts form one piece (as an intersection of polygons does in vector mode).
"""
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ...rasterblocks.errors import check_cancel


def structure_for(connectivity):
    """The scipy structuring element of 4- (rook) or 8- (queen) connectivity."""
    if int(connectivity) == 4:
        return ndimage.generate_binary_structure(2, 1)
    if int(connectivity) == 8:
        return ndimage.generate_binary_structure(2, 2)
    raise ValueError(f"Connectivity must be 4 or 8, not {connectivity!r}.")


@dataclass
class ZoneSums:
    """Per-zone accumulators in pixel units (index = zone id, 0 = outside every zone)."""

    n_zones: int
    cut: np.ndarray = field(init=False)
    cbc: np.ndarray = field(init=False)
    habitat: np.ndarray = field(init=False)
    valid: np.ndarray = field(init=False)
    pieces: np.ndarray = field(init=False)
    whole_sq: float = 0.0  # Σ whole patch² over the whole raster
    whole_habitat: int = 0
    whole_valid: int = 0
    whole_patches: int = 0

    def __post_init__(self):
        size = self.n_zones + 1
        self.cut = np.zeros(size)
        self.cbc = np.zeros(size)
        self.habitat = np.zeros(size, dtype=np.int64)
        self.valid = np.zeros(size, dtype=np.int64)
        self.pieces = np.zeros(size, dtype=np.int64)


class _OpenPatches:
    """Patches that touch the last row read so far, numbered 1..count."""

    def __init__(self, width):
        self.count = 0
        self.last_row = np.zeros(width, dtype=np.int64)
        self.area = np.zeros(1, dtype=np.int64)  # index 0 = background
        self.piece_label = np.zeros(0, dtype=np.int64)
        self.piece_zone = np.zeros(0, dtype=np.int64)
        self.piece_count = np.zeros(0, dtype=np.int64)


def _edge_pairs(before, after, eight):
    """Label pairs that touch across an edge: ``before`` and ``after`` are facing lines."""
    pairs = [(before, after)]
    if eight:
        pairs.append((before[:-1], after[1:]))
        pairs.append((before[1:], after[:-1]))
    sources, targets = [], []
    for a, b in pairs:
        both = (a > 0) & (b > 0)
        sources.append(a[both])
        targets.append(b[both])
    return np.concatenate(sources), np.concatenate(targets)


def _global(line, offset):
    """Strip-wide ids of a line of block labels (0 stays background)."""
    line = line.astype(np.int64)
    return np.where(line > 0, line + offset, 0)


BINCOUNT_LIMIT = 1 << 24  # (labels x zones) key space above which pieces are grouped by sorting


def _block_pieces(labels, zones, count, offset, n_zones):
    """(strip label, zone, pixel count) of every (patch, zone) piece of one block.

    Zones present in the block are renumbered 0..k-1 so that a bincount over
    label·k + zone replaces a sort whenever the key space is small (the usual case).
    """
    if labels.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    present = np.flatnonzero(np.bincount(zones, minlength=n_zones + 1))
    local = np.zeros(n_zones + 1, dtype=np.int64)
    local[present] = np.arange(present.size)
    space = (count + 1) * max(1, present.size)
    if space > BINCOUNT_LIMIT:
        return _group_pieces(labels.astype(np.int64) + offset, zones, np.ones(labels.size), n_zones)
    key = labels.astype(np.int64) * present.size + local[zones]
    counts = np.bincount(key, minlength=space)
    keys = np.flatnonzero(counts)
    return keys // present.size + offset, present[keys % present.size], counts[keys].astype(np.int64)


def _group_pieces(labels, zones, counts, n_zones):
    """Sum ``counts`` by (label, zone) key."""
    if labels.size == 0:
        return labels, zones, counts
    if n_zones == 0:  # fast path: one bincount instead of a sort
        summed = np.bincount(labels, weights=counts)
        present = np.flatnonzero(summed)
        return present, np.zeros(present.size, dtype=np.int64), summed[present].astype(np.int64)
    key = labels * (n_zones + 1) + zones
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=counts).astype(np.int64)
    return unique // (n_zones + 1), unique % (n_zones + 1), summed


def label_and_accumulate(read_block, width, height, n_zones=0, connectivity=8, block=1024,
                         min_patch_pixels=0, progress=None, is_cancelled=None):
    """Stream a raster by blocks, label habitat patches and accumulate per-zone sums.

    Parameters
    ----------
    read_block : callable(col, row, ncols, nrows) -> (habitat, valid, zone)
        Returns boolean habitat and valid masks and the integer zone ids (0..n_zones,
        or None when there are no zones) of that window.
    width, height : int
        Raster size in pixels.
    n_zones : int
        Largest zone id (0 when only the whole raster is reported).
    connectivity : {4, 8}
    block : int
        Block edge in pixels; memory is O(block × width).
    min_patch_pixels : int
        Patches with fewer pixels are not habitat (still part of the total area).

    Returns
    -------
    ZoneSums
    """
    structure = structure_for(connectivity)
    eight = int(connectivity) == 8
    sums = ZoneSums(int(n_zones))
    open_patches = _OpenPatches(width)
    strips = list(range(0, height, block))
    for strip_index, row in enumerate(strips):
        nrows = min(block, height - row)
        last_strip = strip_index == len(strips) - 1
        open_patches = _process_strip(read_block, row, nrows, width, block, structure, eight, sums,
                                      open_patches, last_strip, min_patch_pixels, is_cancelled)
        if progress is not None:
            progress((strip_index + 1) / len(strips))
    return sums


def _process_strip(read_block, row, nrows, width, block, structure, eight, sums, open_patches,
                   last_strip, min_patch_pixels, is_cancelled):
    next_label = open_patches.count + 1
    first_row = np.zeros(width, dtype=np.int64)
    last_row = np.zeros(width, dtype=np.int64)
    sources, targets = [], []
    new_labels, new_zones, new_counts = [], [], []
    previous_right_column = None
    for col in range(0, width, block):
        check_cancel(is_cancelled)
        ncols = min(block, width - col)
        habitat, valid, zone = read_block(col, row, ncols, nrows)
        habitat = habitat & valid
        valid_count = int(np.count_nonzero(valid))
        sums.whole_valid += valid_count
        labels, count = ndimage.label(habitat, structure=structure)
        offset = next_label - 1  # block labels 1..count become offset+1..offset+count
        if zone is None:  # fast path: ndimage labels are 1..count, all present
            sums.valid[0] += valid_count
            block_counts = np.bincount(labels.ravel(), minlength=count + 1)[1:]
            piece = (np.arange(next_label, next_label + count, dtype=np.int64),
                     np.zeros(count, dtype=np.int64), block_counts.astype(np.int64))
        else:
            zone = zone.astype(np.int64, copy=False)
            sums.valid += np.bincount(zone[valid], minlength=sums.n_zones + 1)[: sums.n_zones + 1]
            piece = _block_pieces(labels[habitat], zone[habitat], count, offset, sums.n_zones)
        next_label += count
        new_labels.append(piece[0])
        new_zones.append(piece[1])
        new_counts.append(piece[2])
        first_row[col:col + ncols] = _global(labels[0], offset)
        last_row[col:col + ncols] = _global(labels[-1], offset)
        left_column = _global(labels[:, 0], offset)
        if previous_right_column is not None:
            s, t = _edge_pairs(previous_right_column, left_column, eight)
            sources.append(s)
            targets.append(t)
        previous_right_column = _global(labels[:, -1], offset)
    s, t = _edge_pairs(open_patches.last_row, first_row, eight)
    sources.append(s)
    targets.append(t)
    return _merge_and_close(next_label, sources, targets, new_labels, new_zones, new_counts, last_row,
                            sums, open_patches, last_strip, min_patch_pixels, width)


def _merge_and_close(node_count, sources, targets, new_labels, new_zones, new_counts, last_row, sums,
                     open_patches, last_strip, min_patch_pixels, width):
    """Union-find over the edge pairs; close the patches that cannot grow any more."""
    sources = np.concatenate(sources)
    targets = np.concatenate(targets)
    graph = coo_matrix((np.ones(sources.size, dtype=np.int8), (sources, targets)),
                       shape=(node_count, node_count))
    _, component = connected_components(graph, directed=False)
    piece_label = np.concatenate([open_patches.piece_label, *new_labels])
    piece_zone = np.concatenate([open_patches.piece_zone, *new_zones])
    piece_count = np.concatenate([open_patches.piece_count, *new_counts])
    piece_component = component[piece_label]
    patch_area = np.bincount(piece_component, weights=piece_count, minlength=node_count).astype(np.int64)
    piece_component, piece_zone, piece_count = _group_pieces(piece_component, piece_zone, piece_count,
                                                             sums.n_zones)
    is_open = np.zeros(node_count, dtype=bool)
    if not last_strip:
        is_open[component[last_row[last_row > 0]]] = True
    _close(sums, piece_component, piece_zone, piece_count, patch_area, is_open, min_patch_pixels)
    return _carry(piece_component, piece_zone, piece_count, patch_area, is_open, component, last_row, width)


def _close(sums, piece_component, piece_zone, piece_count, patch_area, is_open, min_patch_pixels):
    closed_piece = ~is_open[piece_component]
    whole = patch_area[piece_component[closed_piece]]
    counts = piece_count[closed_piece]
    zones = piece_zone[closed_piece]
    kept = whole >= max(1, min_patch_pixels)
    whole, counts, zones = whole[kept], counts[kept], zones[kept]
    size = sums.n_zones + 1
    sums.cut += np.bincount(zones, weights=counts.astype(float) ** 2, minlength=size)
    sums.cbc += np.bincount(zones, weights=counts.astype(float) * whole, minlength=size)
    sums.habitat += np.bincount(zones, weights=counts, minlength=size).astype(np.int64)
    sums.pieces += np.bincount(zones, minlength=size)
    closed_patch = ~is_open & (patch_area >= max(1, min_patch_pixels))
    closed_areas = patch_area[closed_patch].astype(float)
    sums.whole_sq += float(np.sum(closed_areas * closed_areas))
    sums.whole_habitat += int(closed_areas.sum())
    sums.whole_patches += int(closed_patch.sum())


def _carry(piece_component, piece_zone, piece_count, patch_area, is_open, component, last_row, width):
    """Renumber the open patches 1..k for the next strip."""
    carried = _OpenPatches(width)
    open_ids = np.flatnonzero(is_open)
    renumber = np.zeros(is_open.size, dtype=np.int64)
    renumber[open_ids] = np.arange(1, open_ids.size + 1)
    carried.count = int(open_ids.size)
    carried.area = np.concatenate([[0], patch_area[open_ids]])
    keep = is_open[piece_component]
    carried.piece_label = renumber[piece_component[keep]]
    carried.piece_zone = piece_zone[keep]
    carried.piece_count = piece_count[keep]
    carried.last_row = np.where(last_row > 0, renumber[component[last_row]], 0)
    return carried
