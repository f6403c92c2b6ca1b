"""Where to search: the canvas extent, a rectangle or polygon drawn on the map, or a
layer's extent, reprojected to WGS 84 for the catalogues.

Every backend takes a bounding box; a drawn polygon is sent as the STAC ``intersects``
geometry where the backend accepts it, and otherwise searched by its bounding box and the
records whose footprint misses the polygon are dropped on our side (``keeps``).
"""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapTool, QgsMapToolEmitPoint, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


class SearchArea:
    """A search area in WGS 84: ``bbox`` (west, south, east, north) in degrees and, for a
    drawn polygon, its ``polygon`` (QgsGeometry, EPSG:4326); ``None`` polygon for boxes."""

    def __init__(self, bbox, polygon=None, shape=None, crs=None):
        self.bbox = bbox
        self.polygon = polygon
        self.shape, self.crs = shape, crs  # the area as drawn, for the map

    @property
    def is_polygon(self):
        return self.polygon is not None

    @classmethod
    def from_geometry(cls, geometry, crs, polygon=False):
        """The area of ``geometry`` given in ``crs``; None when it cannot be reprojected.

        A rectangle goes through transformBoundingBox, which follows the curved edges of
        the reprojected box (a projected rectangle is not a rectangle in degrees); a
        polygon is reprojected vertex by vertex after densifying its edges for the same reason.
        """
        transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
        try:
            if not polygon:
                return cls(clamp(transform.transformBoundingBox(geometry.boundingBox())), None, geometry, crs)
            degrees = QgsGeometry(geometry)
            step = max(geometry.boundingBox().width(), geometry.boundingBox().height()) / 64.0
            if step > 0 and not crs.isGeographic():
                degrees = degrees.densifyByDistance(step)
            if degrees.transform(transform) != 0:
                return None
        except QgsCsException:
            return None
        if degrees.isEmpty():
            return None
        return cls(clamp(degrees.boundingBox()), degrees, geometry, crs)

    def stac_intersects(self):
        """The polygon as a GeoJSON geometry dict (STAC ``intersects``), or None."""
        if self.polygon is None:
            return None
        import json

        return json.loads(self.polygon.asJson(7))

    def keeps(self, footprint):
        """Whether a record whose footprint is ``footprint`` (QgsGeometry, EPSG:4326) is in
        the area. Records without a footprint are kept: the server matched them."""
        if self.polygon is None or footprint is None or footprint.isEmpty():
            return True
        return self.polygon.intersects(footprint)


def clamp(rectangle):
    return (max(-180.0, rectangle.xMinimum()), max(-90.0, rectangle.yMinimum()),
            min(180.0, rectangle.xMaximum()), min(90.0, rectangle.yMaximum()))


def area_band(canvas):
    """The rubber band that shows the search area on the map."""
    band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
    band.setColor(QColor(227, 26, 28, 200))
    band.setFillColor(QColor(227, 26, 28, 30))
    band.setWidth(2)
    return band


class RectangleTool(QgsMapToolEmitPoint):
    """Press, drag and release to draw a rectangle; emits ``drawn(QgsGeometry)`` in the
    canvas CRS."""

    drawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.band = area_band(canvas)
        self.start = None

    def canvasPressEvent(self, event):  # noqa: N802 - Qt override
        self.start = self.toMapCoordinates(event.pos())
        self.band.reset(QgsWkbTypes.PolygonGeometry)

    def canvasMoveEvent(self, event):  # noqa: N802
        if self.start is not None:
            self.band.setToGeometry(self._rectangle(self.toMapCoordinates(event.pos())), None)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if self.start is None:
            return
        geometry = self._rectangle(self.toMapCoordinates(event.pos()))
        self.start = None
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        if geometry.area() > 0:
            self.drawn.emit(geometry)

    def _rectangle(self, end):
        return QgsGeometry.fromRect(QgsRectangle(self.start, end))

    def deactivate(self):
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        self.start = None
        super().deactivate()


class PolygonTool(QgsMapTool):
    """Left clicks add vertices, a right click or a double click closes the polygon (three
    vertices at least), Escape starts again; emits ``drawn(QgsGeometry)`` in the canvas CRS."""

    drawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.band = area_band(canvas)
        self.points = []
        self.closing_release = False  # the release that ends a double click adds no vertex

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt override
        if self.closing_release:
            self.closing_release = False
            return
        if event.button() == Qt.RightButton:
            self._finish()
            return
        self.points.append(QgsPointXY(self.toMapCoordinates(event.pos())))
        self._show(self.points)

    def canvasPressEvent(self, event):  # noqa: N802
        self.closing_release = False

    def canvasDoubleClickEvent(self, event):  # noqa: N802
        # A double click's first release has usually added its vertex already; add it only
        # if not (some systems send press, double click, release).
        point = QgsPointXY(self.toMapCoordinates(event.pos()))
        tolerance = 3 * self.canvas().mapUnitsPerPixel()
        if not self.points or self.points[-1].distance(point) > tolerance:
            self.points.append(point)
        self._finish()
        self.closing_release = True  # the release that follows adds no vertex

    def canvasMoveEvent(self, event):  # noqa: N802
        if self.points:
            self._show(self.points + [QgsPointXY(self.toMapCoordinates(event.pos()))])

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self._clear()

    def _show(self, points):
        if len(points) >= 3:
            self.band.setToGeometry(QgsGeometry.fromPolygonXY([points]), None)
        else:
            self.band.setToGeometry(QgsGeometry.fromPolylineXY(points), None)

    def _finish(self):
        points = list(self.points)
        self._clear()
        if len(points) < 3:
            return
        geometry = QgsGeometry.fromPolygonXY([points])
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()  # a self-crossing outline: search what it encloses
        if geometry.area() > 0:
            self.drawn.emit(geometry)

    def _clear(self):
        self.points = []
        self.band.reset(QgsWkbTypes.PolygonGeometry)

    def deactivate(self):
        self._clear()
        super().deactivate()


def remove_canvas_items(canvas, items, tools):
    """Take the dock's rubber bands and map tools off ``canvas`` (dock closed or deleted)."""
    try:
        for tool in tools:
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
        for item in items:
            canvas.scene().removeItem(item)
    except RuntimeError:  # the canvas went first (QGIS closing)
        pass
