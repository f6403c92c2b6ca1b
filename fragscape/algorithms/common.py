"""QGIS-side helpers shared by the fragmentation algorithms: CRS checks, reprojection,
geometry repair, and conversion of QGIS features to OGR for GDAL rasterisation."""
import processing
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

ogr.UseExceptions()
translate = QCoreApplication.translate  # pylupdate5 reads translate("Context", "literal")


def layer_in_crs(layer_or_id, crs, what, context, feedback):
    """The vector layer, reprojected to ``crs`` (with a warning) when it is in another CRS."""
    layer = as_layer(layer_or_id, context)
    if layer.crs() == crs:
        return layer
    feedback.pushWarning(translate(
        "FragscapeCommon", "{0} is in {1}; it is reprojected to {2} for the computation.").format(
            what, layer.crs().authid(), crs.authid()))
    result = processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": "memory:"},
                            context=context, feedback=None, is_child_algorithm=True)
    return as_layer(result["OUTPUT"], context)


def as_layer(value, context):
    if isinstance(value, str):
        return QgsProcessingUtils.mapLayerFromString(value, context)
    return value


def repaired(geometry):
    """A valid copy of ``geometry`` (GEOS makeValid when invalid); None when nothing is left."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
        if geometry.type() != QgsWkbTypes.PolygonGeometry:  # a collection: keep its polygons
            parts = [p for p in geometry.asGeometryCollection() if p.type() == QgsWkbTypes.PolygonGeometry]
            geometry = QgsGeometry.unaryUnion(parts) if parts else None
    return geometry


def repaired_geometries(layer, feedback=None, request=None):
    """[(feature, valid geometry)] of a polygon layer; counts and reports the repairs."""
    rows, fixed = [], 0
    for feature in layer.getFeatures(request or QgsFeatureRequest()):
        geometry = feature.geometry()
        if geometry is not None and not geometry.isNull() and not geometry.isGeosValid():
            fixed += 1
        geometry = repaired(geometry)
        if geometry is not None and not geometry.isEmpty():
            rows.append((feature, geometry))
    if fixed and feedback is not None:
        feedback.pushWarning(translate(
                "FragscapeCommon", "{0} invalid geometries of {1} were repaired.").format(fixed, layer.name()))
    return rows


def linear(geometry):
    """``geometry`` with curves replaced by straight segments (e.g. WFS MultiSurface):
    GDAL's rasteriser silently burns nothing for curved geometries."""
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        return QgsGeometry(geometry.constGet().segmentize())
    return geometry


def ogr_layer(geometries, values, crs, field="zone_id", geometry_type=ogr.wkbUnknown):
    """An in-memory OGR layer (datasource, layer) with an integer ``field``, for gdal.RasterizeLayer."""
    datasource = ogr.GetDriverByName("Memory").CreateDataSource("fragscape")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    layer = datasource.CreateLayer("features", srs, geometry_type)
    layer.CreateField(ogr.FieldDefn(field, ogr.OFTInteger))
    definition = layer.GetLayerDefn()
    for geometry, value in zip(geometries, values):
        feature = ogr.Feature(definition)
        feature.SetField(field, int(value))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(linear(geometry).asWkb())))
        layer.CreateFeature(feature)
    return datasource, layer


def rectangle_geometry(xmin, ymin, xmax, ymax):
    return QgsGeometry.fromRect(QgsRectangle(xmin, ymin, xmax, ymax))


def parse_codes(text, what):
    """'311, 312 313' -> [311, 312, 313]; a clear message for anything else."""
    if text is None or not str(text).strip():
        return []
    codes = []
    for token in str(text).replace(";", ",").replace(" ", ",").split(","):
        if not token.strip():
            continue
        try:
            value = float(token)
        except ValueError as exc:
            raise QgsProcessingException(
                translate(
                "FragscapeCommon",
                "{0}: '{1}' is not a number. Give codes separated by commas, e.g. 311,312,313.").format(
                    what, token)) from exc
        codes.append(int(value) if value.is_integer() else value)
    return codes
