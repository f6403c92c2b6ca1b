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

Two labellings run side by side:

- *patches*: connected habitat, whatever the zones (their whole area gives CBC's weight,
  the whole-raster measures and the minimum patch area);
- *pieces*: connected habitat **within one zone** (pixels of two zones never join). This is
  Jaeger's cutting-out: the unit is cut out of the landscape, so when a patch leaves a unit
  and comes back, its two parts inside the unit are two pieces, as FragScape counts them.
  Each piece lies in one patch.

Per zone (a reporting unit or a grid cell, id > 0; 0 means outside every unit) the
accumulator keeps, in pixel units:

- CUT: Σ over pieces of piece²;
- CBC: Σ over pieces of piece × its whole patch (Moser et al. 2007);
- habitat pixels, valid pixels, and number of pieces.
"""
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ...rasterblocks.errors import check_cancel


# the connectivities of structure_for, in the order of effective_mesh_size's CONNECTIVITY options
NEIGHBOURS = (4, 8)


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


def _empty():
    return np.zeros(0, dtype=np.int64)


@dataclass
class _Lines:
    """One line of pixels (a block's edge, or the last row read): patch ids, piece ids, zones."""

    patch: np.ndarray
    piece: np.ndarray
    zone: np.ndarray

    @classmethod
    def blank(cls, width):
        return cls(np.zeros(width, dtype=np.int64), np.zeros(width, dtype=np.int64),
                   np.zeros(width, dtype=np.int64))

    def put(self, start, other):
        stop = start + other.patch.size
        self.patch[start:stop], self.piece[start:stop], self.zone[start:stop] = other.patch, other.piece, other.zone


@dataclass
class _Pieces:
    """Pieces as rows: piece id, patch id, zone, pixel count."""

    piece: np.ndarray = field(default_factory=_empty)
    patch: np.ndarray = field(default_factory=_empty)
    zone: np.ndarray = field(default_factory=_empty)
    count: np.ndarray = field(default_factory=_empty)

    @staticmethod
    def join(parts):
        return _Pieces(*(np.concatenate([getattr(p, name) for p in parts])
                         for name in ("piece", "patch", "zone", "count")))


@dataclass
class _Parts:
    """Finished pieces of unfinished patches, summed per (patch, zone): a piece that no longer
    touches the last row read cannot grow, so only its patch's final area is still missing
    (CBC, minimum patch area). Kept as sums, at most one row per zone a patch crosses, not one
    per piece: a patch spanning the raster (random habitat above the percolation threshold)
    would otherwise carry every piece it has in every unit down to the last strip."""

    patch: np.ndarray = field(default_factory=_empty)
    zone: np.ndarray = field(default_factory=_empty)
    count: np.ndarray = field(default_factory=_empty)  # Σ piece pixels
    square: np.ndarray = field(default_factory=lambda: np.zeros(0))  # Σ piece², float: zone 0 may be huge
    pieces: np.ndarray = field(default_factory=_empty)  # how many pieces

    def plus_pieces(self, patch, zone, count):
        """These rows followed by one row per finished piece (its patch, zone and pixel count)."""
        return _Parts(np.concatenate([self.patch, patch]), np.concatenate([self.zone, zone]),
                      np.concatenate([self.count, count]), np.concatenate([self.square, count.astype(float) ** 2]),
                      np.concatenate([self.pieces, np.ones(count.size, dtype=np.int64)]))

    def where(self, kept, patch_number):
        """The rows ``kept``, renumbered by ``patch_number`` and summed per (patch, zone)."""
        patch, zone = patch_number[self.patch[kept]], self.zone[kept]
        if patch.size == 0:
            return _Parts()
        key = patch * (int(zone.max()) + 1) + zone
        unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)

        def total(values):
            return np.bincount(inverse, weights=values[kept], minlength=unique.size)

        return _Parts(patch[first], zone[first], total(self.count).astype(np.int64), total(self.square),
                      total(self.pieces).astype(np.int64))


class _Open:
    """Patches (and their pieces) that touch the last row read so far, numbered from 1."""

    def __init__(self, width):
        self.patches = 0
        self.pieces = 0
        self.last_row = _Lines.blank(width)
        self.rows = _Pieces()  # the pieces that touch the last row
        self.parts = _Parts()  # the finished pieces of these patches


class _Edges:
    """Pairs of ids that touch across block edges, for the patch and the piece graphs."""

    def __init__(self, eight):
        self.eight = eight
        self.patch = ([], [])
        self.piece = ([], [])

    def add(self, before, after):
        """``before`` and ``after`` are facing _Lines (pieces join only inside one zone)."""
        shifts = [(slice(None), slice(None))]
        if self.eight:
            shifts += [(slice(None, -1), slice(1, None)), (slice(1, None), slice(None, -1))]
        for first, second in shifts:
            a, b = before.patch[first], after.patch[second]
            touching = (a > 0) & (b > 0)
            self.patch[0].append(a[touching])
            self.patch[1].append(b[touching])
            same_zone = touching & (before.zone[first] == after.zone[second])
            self.piece[0].append(before.piece[first][same_zone])
            self.piece[1].append(after.piece[second][same_zone])


def components(node_count, pairs):
    """Connected component of each node 0..node_count-1 of the graph of ``pairs``."""
    sources, targets = np.concatenate(pairs[0]), np.concatenate(pairs[1])
    graph = coo_matrix((np.ones(sources.size, dtype=np.int8), (sources, targets)),
                       shape=(node_count, node_count))
    return connected_components(graph, directed=False)[1]


def label_within_zones(habitat, zone, structure):
    """(labels 1..n, n, zone of each label) of the habitat connected within one zone; None when
    the block's habitat lies in a single zone (then pieces are the patches themselves)."""
    present = np.flatnonzero(np.bincount(zone[habitat]))
    if present.size <= 1:
        return None
    local = np.zeros(int(zone.max()) + 1, dtype=np.int32)
    local[present] = np.arange(1, present.size + 1)
    keyed = np.where(habitat, local[zone], 0)
    pieces = np.zeros(habitat.shape, dtype=np.int32)
    count = 0
    zones = []
    for index, box in enumerate(ndimage.find_objects(keyed)):
        if box is None:
            continue
        inside = keyed[box] == index + 1
        labels, found = ndimage.label(inside, structure=structure)
        np.copyto(pieces[box], labels + count, where=inside)  # a view: writes into ``pieces``
        count += found
        zones.append(np.full(found, present[index], dtype=np.int64))
    return pieces, count, np.concatenate(zones) if zones else np.zeros(0, dtype=np.int64)


def label_and_accumulate(read_block, width, height, n_zones=0, connectivity=8, block=1024,
                         min_patch_pixels=0, progress=None, is_cancelled=None, labelled=False):
    """Stream a raster by blocks, label habitat patches and pieces, accumulate per-zone sums.

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
    labelled : bool
        ``read_block`` returns the block already labelled (:func:`label_block`, e.g. on a
        Dask worker) instead of its masks.

    Returns
    -------
    ZoneSums
    """
    structure = structure_for(connectivity)
    sums = ZoneSums(int(n_zones))
    state = _Open(width)
    strips = list(range(0, height, block))
    for strip_index, row in enumerate(strips):
        nrows = min(block, height - row)
        last_strip = strip_index == len(strips) - 1
        state = _process_strip(read_block, row, nrows, width, block, structure, sums, state, last_strip,
                               min_patch_pixels, is_cancelled, labelled)
        if progress is not None:
            progress((strip_index + 1) / len(strips))
    return sums


def _block_pieces(patches, pieces, piece_count, piece_zones, patch_offset, piece_offset):
    """_Pieces of one block: each piece's patch, zone and pixel count (strip-wide ids).
    ``piece_zones`` is the zone of each piece (None: all in zone 0)."""
    counts = np.bincount(pieces.ravel(), minlength=piece_count + 1)[1:].astype(np.int64)
    ids = np.arange(1, piece_count + 1, dtype=np.int64)
    if piece_zones is None:
        piece_zones = np.zeros(piece_count, dtype=np.int64)
    if pieces is patches:  # the block's habitat lies in one zone
        return _Pieces(ids + piece_offset, ids + patch_offset, piece_zones, counts)
    patch_of = np.zeros(piece_count + 1, dtype=np.int64)
    patch_of[pieces.ravel()] = patches.ravel()  # background: piece 0 -> patch 0
    return _Pieces(ids + piece_offset, patch_of[1:] + patch_offset, piece_zones, counts)


def _shifted(labels, offset):
    """Strip-wide ids of block labels (0 stays background)."""
    labels = labels.astype(np.int64)
    return np.where(labels > 0, labels + offset, 0)


@dataclass
class LabelledBlock:
    """What the merge needs of one labelled block, with block-local ids (from 1): its valid
    pixels per zone, its pieces, and the patch/piece/zone lines of its four edges. Small
    next to the block: this is what a worker sends back."""

    valid_count: int
    valid_zones: np.ndarray  # zone ids with valid pixels (None: no zones)
    valid_per_zone: np.ndarray
    patch_count: int
    piece_count: int
    pieces: _Pieces
    top: _Lines
    bottom: _Lines
    left: _Lines
    right: _Lines


def label_block(masks, structure):
    """The :class:`LabelledBlock` of one block's ``(habitat, valid, zone)`` masks (zone None:
    no zones): patches, and pieces within zones, labelled with ``structure``."""
    habitat, valid, zone = masks
    habitat = habitat & valid
    valid_zones = valid_per_zone = None
    patches, patch_count = ndimage.label(habitat, structure=structure)
    piece_zones = None
    if zone is None:
        zone_lines = np.zeros_like(patches)
    else:
        zone = zone.astype(np.int64, copy=False)
        valid_zones, valid_per_zone = np.unique(zone[valid], return_counts=True)
        zone_lines = zone
    split = None if zone is None else label_within_zones(habitat, zone, structure)
    if split is None:
        pieces, piece_count = patches, patch_count
        if zone is not None and patch_count:  # one zone holds all of this block's habitat
            piece_zones = np.full(patch_count, zone.flat[np.argmax(habitat)], dtype=np.int64)
    else:
        pieces, piece_count, piece_zones = split

    def line(index):
        return _Lines(patches[index].astype(np.int64), pieces[index].astype(np.int64),
                      zone_lines[index].astype(np.int64))

    return LabelledBlock(int(np.count_nonzero(valid)), valid_zones, valid_per_zone, patch_count, piece_count,
                         _block_pieces(patches, pieces, piece_count, piece_zones, 0, 0), line(0), line(-1),
                         line((slice(None), 0)), line((slice(None), -1)))


def _shifted_lines(lines, patch_offset, piece_offset):
    """Strip-wide ids of a block's edge line (0 stays background)."""
    return _Lines(_shifted(lines.patch, patch_offset), _shifted(lines.piece, piece_offset), lines.zone)


def _process_strip(read_block, row, nrows, width, block, structure, sums, state, last_strip,
                   min_patch_pixels, is_cancelled, labelled=False):
    next_patch, next_piece = state.patches + 1, state.pieces + 1
    first_row, last_row = _Lines.blank(width), _Lines.blank(width)
    edges = _Edges(structure.sum() == 9)
    new_rows = [state.rows]
    previous_right = None
    for col in range(0, width, block):
        check_cancel(is_cancelled)
        ncols = min(block, width - col)
        result = read_block(col, row, ncols, nrows)
        labels = result if labelled else label_block(result, structure)
        sums.whole_valid += labels.valid_count
        if labels.valid_zones is None:
            sums.valid[0] += labels.valid_count
        else:
            inside = labels.valid_zones <= sums.n_zones
            sums.valid[labels.valid_zones[inside]] += labels.valid_per_zone[inside]
        pieces = labels.pieces
        new_rows.append(_Pieces(pieces.piece + (next_piece - 1), pieces.patch + (next_patch - 1), pieces.zone,
                                pieces.count))
        first_row.put(col, _shifted_lines(labels.top, next_patch - 1, next_piece - 1))
        last_row.put(col, _shifted_lines(labels.bottom, next_patch - 1, next_piece - 1))
        left = _shifted_lines(labels.left, next_patch - 1, next_piece - 1)
        if previous_right is not None:
            edges.add(previous_right, left)
        previous_right = _shifted_lines(labels.right, next_patch - 1, next_piece - 1)
        next_patch += labels.patch_count
        next_piece += labels.piece_count
    edges.add(state.last_row, first_row)
    return _merge_and_close(next_patch, next_piece, edges, _Pieces.join(new_rows), state.parts, last_row, sums,
                            last_strip, min_patch_pixels, width)


def _merge_and_close(patch_nodes, piece_nodes, edges, rows, parts, last_row, sums, last_strip, min_patch_pixels,
                     width):
    """Union-find over the edge pairs; close the patches that cannot grow any more."""
    patch_of_node = components(patch_nodes, edges.patch)
    piece_of_node = patch_of_node if sums.n_zones == 0 else components(piece_nodes, edges.piece)
    merged_piece = piece_of_node[rows.piece]
    merged_patch = patch_of_node[rows.patch]
    parts = _Parts(patch_of_node[parts.patch], parts.zone, parts.count, parts.square, parts.pieces)
    patch_area = (np.bincount(merged_patch, weights=rows.count, minlength=patch_nodes)
                  + np.bincount(parts.patch, weights=parts.count, minlength=patch_nodes)).astype(np.int64)
    piece_area = np.bincount(merged_piece, weights=rows.count, minlength=piece_nodes).astype(np.int64)
    piece_patch = np.zeros(piece_nodes, dtype=np.int64)
    piece_patch[merged_piece] = merged_patch
    piece_zone = np.zeros(piece_nodes, dtype=np.int64)
    piece_zone[merged_piece] = rows.zone
    present = np.flatnonzero(piece_area)
    merged = _Pieces(present, piece_patch[present], piece_zone[present], piece_area[present])
    is_open = np.zeros(patch_nodes, dtype=bool)
    piece_is_open = np.zeros(piece_nodes, dtype=bool)
    if not last_strip:
        is_open[patch_of_node[last_row.patch[last_row.patch > 0]]] = True
        piece_is_open[piece_of_node[last_row.piece[last_row.piece > 0]]] = True
    finished = ~piece_is_open[merged.piece]
    parts = parts.plus_pieces(merged.patch[finished], merged.zone[finished], merged.count[finished])
    growing = _Pieces(*(getattr(merged, name)[~finished] for name in ("piece", "patch", "zone", "count")))
    _close(sums, parts, patch_area, is_open, min_patch_pixels)
    return _carry(growing, parts, is_open, patch_of_node, piece_of_node, last_row, width)


def _close(sums, parts, patch_area, is_open, min_patch_pixels):
    """Add the pieces of the patches that are finished (and large enough) to the zone sums."""
    closed = ~is_open[parts.patch]
    whole = patch_area[parts.patch[closed]]
    kept = whole >= max(1, min_patch_pixels)
    whole = whole[kept]
    zones, counts = parts.zone[closed][kept], parts.count[closed][kept]
    size = sums.n_zones + 1
    sums.cut += np.bincount(zones, weights=parts.square[closed][kept], minlength=size)
    sums.cbc += np.bincount(zones, weights=counts.astype(float) * whole, minlength=size)
    sums.habitat += np.bincount(zones, weights=counts, minlength=size).astype(np.int64)
    sums.pieces += np.bincount(zones, weights=parts.pieces[closed][kept], minlength=size).astype(np.int64)
    closed_patch = ~is_open & (patch_area >= max(1, min_patch_pixels))
    closed_areas = patch_area[closed_patch].astype(float)
    sums.whole_sq += float(np.sum(closed_areas * closed_areas))
    sums.whole_habitat += int(closed_areas.sum())
    sums.whole_patches += int(closed_patch.sum())


def _renumbering(size, kept_ids):
    """Array mapping each of ``kept_ids`` to 1..k (others to 0)."""
    renumber = np.zeros(size, dtype=np.int64)
    renumber[kept_ids] = np.arange(1, kept_ids.size + 1)
    return renumber


def _carry(pieces, parts, is_open, patch_of_node, piece_of_node, last_row, width):
    """Renumber the open patches and their growing pieces from 1 for the next strip; keep the
    finished pieces of the open patches as sums per (patch, zone)."""
    carried = _Open(width)
    open_patches = np.flatnonzero(is_open)
    open_pieces = pieces.piece  # a growing piece touches the last row, so does its patch
    patch_number = _renumbering(is_open.size, open_patches)
    piece_number = _renumbering(piece_of_node.size, open_pieces)
    carried.patches, carried.pieces = int(open_patches.size), int(open_pieces.size)
    carried.rows = _Pieces(piece_number[open_pieces], patch_number[pieces.patch], pieces.zone, pieces.count)
    carried.parts = parts.where(is_open[parts.patch], patch_number)
    carried.last_row = _Lines(np.where(last_row.patch > 0, patch_number[patch_of_node[last_row.patch]], 0),
                              np.where(last_row.piece > 0, piece_number[piece_of_node[last_row.piece]], 0),
                              last_row.zone)
    return carried
