"""Vector mode of the effective mesh size: QGIS geometry gives the areas, the pure core
(:mod:`..core.metrics`) turns them into measures."""
from qgis.core import QgsGeometry, QgsSpatialIndex, QgsWkbTypes

from ...rasterblocks.errors import check_cancel
from ..core.metrics import unit_metrics
from .common import repaired_geometries


def habitat_patches(layer, min_area=0.0, feedback=None, is_cancelled=None):
    """Single-part patches of a polygon layer: repaired, dissolved (touching polygons join),
    exploded. Returns [(geometry, area m²)] with area >= ``min_area``."""
    rows = repaired_geometries(layer, feedback)
    check_cancel(is_cancelled)
    if not rows:
        return []
    union = QgsGeometry.unaryUnion([geometry for _, geometry in rows])
    check_cancel(is_cancelled)
    patches = []
    for part in union.asGeometryCollection():
        if part.type() != QgsWkbTypes.PolygonGeometry:
            continue
        area = part.area()
        if area > 0 and area >= min_area:
            patches.append((part, area))
    return patches


class PatchIndex:
    """Patches with a spatial index, to find the pieces of patches inside a unit."""

    def __init__(self, patches):
        self.patches = patches
        self.index = QgsSpatialIndex()
        for number, (geometry, _) in enumerate(patches):
            self.index.addFeature(number, geometry.boundingBox())

    def pieces(self, unit):
        """(piece areas, whole patch areas) of the patches that intersect ``unit``.

        A piece is one connected part of (patch ∩ unit): the unit is cut out of the
        landscape (Jaeger 2000), so a patch that leaves the unit and comes back gives two
        pieces, as in FragScape. Each piece keeps its whole patch's area (CBC's weight)."""
        engine = QgsGeometry.createGeometryEngine(unit.constGet())
        engine.prepareGeometry()
        pieces, wholes = [], []
        for number in self.index.intersects(unit.boundingBox()):
            geometry, area = self.patches[number]
            if not engine.intersects(geometry.constGet()):
                continue
            if engine.contains(geometry.constGet()):
                parts = [area]
            else:
                parts = [part.area() for part in unit.intersection(geometry).asGeometryCollection()
                         if part.type() == QgsWkbTypes.PolygonGeometry]
            for piece in parts:
                if piece > 0:
                    pieces.append(piece)
                    wholes.append(area)
        return pieces, wholes


def units_metrics(units, patch_index, method, progress=None, is_cancelled=None):
    """MeshMetrics of each unit geometry of ``units`` (a list), in the same order."""
    results = []
    for number, unit in enumerate(units):
        check_cancel(is_cancelled)
        pieces, wholes = patch_index.pieces(unit)
        results.append(unit_metrics(pieces, wholes, unit.area(), method))
        if progress is not None:
            progress((number + 1) / max(1, len(units)))
    return results
