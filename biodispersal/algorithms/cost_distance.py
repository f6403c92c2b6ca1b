"""dataterra:cost_distance — accumulated cost from sources over a friction raster (r.cost model)."""
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.i18n import error_text
from ..core import dispersal
from ..core.costdistance import UNITS


def vector_source_features(layer, target_crs, context, feedback):
    """(id, WKB) pairs of ``layer``'s features in ``target_crs``; ids 1..n in feature order."""
    transform = QgsCoordinateTransform(layer.crs(), target_crs, context.transformContext())
    pairs = []
    for number, feature in enumerate(layer.getFeatures(), start=1):
        if feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        pairs.append((number, bytes(geometry.asWkb())))
    return pairs


def translate(context, text):
    """QCoreApplication.translate under the name pylupdate5 looks for (a ``tr`` passed in as an
    argument is extracted under @default, never looked up at run time)."""
    return QCoreApplication.translate(context, text)


def layer_file_path(layer, what):
    """GDAL-readable path of a raster layer, or an explanation of why it has none."""
    path = layer.source().split("|")[0]
    if layer.providerType() != "gdal":
        raise QgsProcessingException(translate(
            "ConnectivityInputs", "{0} must be a file raster (GDAL); save it as a GeoTIFF first.").format(what))
    return path


class CostDistanceAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    REQUIRED_MODULES = ("scipy",)
    SOURCES = "SOURCES"
    FRICTION = "FRICTION"
    MAX_COST = "MAX_COST"
    KNIGHT_MOVE = "KNIGHT_MOVE"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_NEAREST = "OUTPUT_NEAREST"
    OUTPUT_AREA = "OUTPUT_AREA"

    def name(self):
        return "cost_distance"

    def displayName(self):  # noqa: N802
        return self.tr("Cost distance (dispersal)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Accumulated cost of moving from the nearest source through a friction raster, with the "
            "cost model of GRASS r.cost: a move between neighbouring cells costs the mean of their "
            "frictions times the step length (1, the diagonal or, with the knight's move, the mean of "
            "the four cells crossed times its length). Nodata friction cells are impassable; a friction of 0 is a "
            "free crossing (as in r.cost and BioDispersal), a negative friction is refused.\n"
            "SOURCES: a raster (every valid non-zero cell; 8-connected patches get ids 1, 2, ...) or a "
            "point / polygon layer (feature number = id).\n"
            "MAX_COST: the search stops beyond this accumulated cost (0 = unlimited); cells beyond it "
            "are nodata. UNITS: 'cells' gives r.cost's numbers (step length in cell widths), 'metres' "
            "multiplies them by the cell width (needs a projected CRS).\n"
            "Outputs: the accumulated cost (float32, nodata where unreached), optionally the id of the "
            "nearest source and the dispersal areas as polygons (one per source).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.SOURCES, self.tr("Sources (raster, points or polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterRasterLayer(self.FRICTION, self.tr("Friction raster")))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_COST, self.tr("Maximum accumulated cost (0 = unlimited)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.KNIGHT_MOVE, self.tr("Use the knight's move (16 directions)"), False))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, self.tr("Distance units"), [self.tr("cells (as GRASS r.cost)"), self.tr("metres")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Accumulated cost")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_NEAREST, self.tr("Nearest source id"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_AREA, self.tr("Dispersal areas"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        friction_layer = self.parameterAsRasterLayer(parameters, self.FRICTION, context)
        sources_layer = self.parameterAsLayer(parameters, self.SOURCES, context)
        if friction_layer is None or sources_layer is None:
            raise QgsProcessingException(self.tr("Both the sources and the friction layer are required."))
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        friction_path = layer_file_path(friction_layer, self.tr("The friction"))
        info, friction = self.run_core(dispersal.load_friction, friction_path, units)
        feedback.pushInfo(self.tr("Reading the sources..."))
        if sources_layer.type() == QgsMapLayer.RasterLayer:
            source_path = layer_file_path(sources_layer, self.tr("The source raster"))
            ids, warnings = self.run_core(dispersal.sources_from_raster, source_path, info)
        else:
            features = vector_source_features(sources_layer, friction_layer.crs(), context, feedback)
            ids, warnings = self.run_core(dispersal.sources_from_features, features, info, len(features))
        outputs = {self.OUTPUT: self.parameterAsOutputLayer(parameters, self.OUTPUT, context)}
        nearest = self.parameterAsOutputLayer(parameters, self.OUTPUT_NEAREST, context) or None
        area = self.parameterAsOutputLayer(parameters, self.OUTPUT_AREA, context) or None
        progress, is_cancelled = self.core_callbacks(feedback, 10, 100)
        summary = self.run_core(
            dispersal.run_cost_distance, info, friction, ids, output=outputs[self.OUTPUT],
            output_nearest=nearest, output_area=area,
            max_cost=self.parameterAsDouble(parameters, self.MAX_COST, context),
            knight_move=self.parameterAsBoolean(parameters, self.KNIGHT_MOVE, context), units=units,
            progress=progress, is_cancelled=is_cancelled)
        for warning in warnings + summary["warnings"]:
            feedback.pushWarning(error_text(warning))
        feedback.pushInfo(self.tr("{0} source(s), {1} cells reached, highest cost {2:g}.").format(
            summary["n_sources"], summary["reached_cells"], summary["max_cost_reached"]))
        if nearest:
            outputs[self.OUTPUT_NEAREST] = nearest
        if area:
            outputs[self.OUTPUT_AREA] = area
        return outputs
