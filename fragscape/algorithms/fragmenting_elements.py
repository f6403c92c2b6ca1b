"""dataterra:fragmenting_elements — barriers (roads, railways, rivers…) as dissolved polygons."""
import processing
from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDistance,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProperty,
    QgsPropertyDefinition,
    QgsWkbTypes,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm, require_projected_crs
from .common import as_layer


class FragmentingElements(DataTerraAlgorithm):
    GROUP_ID = "fragmentation"
    INPUT = "INPUT"
    FILTER = "FILTER"
    BUFFER = "BUFFER"
    OUTPUT = "OUTPUT"

    def name(self):
        return "fragmenting_elements"

    def displayName(self):  # noqa: N802
        return self.tr("Fragmenting elements (barriers)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Turns one kind of barrier (roads, railways, rivers, built-up areas…) into dissolved "
            "polygons that cut habitat patches apart, for Prepare landscape.\n\n"
            "INPUT: line or polygon layer in a projected CRS (metres).\n"
            "FILTER: optional expression keeping only some features, e.g. \"ETAT\" = 'Revêtu'.\n"
            "BUFFER: buffer distance in metres on each side; a number, a field or an expression "
            "(data-defined), e.g. CASE WHEN \"VOCATION\" = 'Type autoroutier' THEN 30 ELSE 7.5 END. "
            "Lines need a distance above 0; polygons may keep 0.\n"
            "OUTPUT: one dissolved (multi)polygon of every buffered feature.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Barriers (lines or polygons)"),
            [QgsProcessing.TypeVectorLine, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, self.tr("Filter (expression)"), parentLayerParameterName=self.INPUT, optional=True))
        buffer = QgsProcessingParameterDistance(
            self.BUFFER, self.tr("Buffer distance (metres)"), defaultValue=0.0, parentParameterName=self.INPUT,
            minValue=0.0)
        buffer.setIsDynamic(True)
        buffer.setDynamicPropertyDefinition(QgsPropertyDefinition(
            self.BUFFER, self.tr("Buffer distance (metres)"), QgsPropertyDefinition.DoublePositive))
        buffer.setDynamicLayerParameterName(self.INPUT)
        self.addParameter(buffer)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Fragmenting elements"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.tr("The barrier layer could not be loaded."))
        require_projected_crs(source.sourceCrs(), self.tr("The barrier layer"))
        distance = self._distance(parameters, context, source)
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        layer = parameters[self.INPUT]
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        if expression:
            layer = processing.run("native:extractbyexpression",
                                   {"INPUT": layer, "EXPRESSION": expression, "OUTPUT": "memory:"},
                                   context=context, feedback=steps, is_child_algorithm=True)["OUTPUT"]
            if as_layer(layer, context).featureCount() == 0:
                feedback.pushWarning(self.tr("No feature matches the filter: the output is empty."))
        steps.setCurrentStep(1)
        buffered = processing.run("native:buffer", {
            "INPUT": layer, "DISTANCE": distance, "SEGMENTS": 5, "END_CAP_STYLE": 0, "JOIN_STYLE": 0,
            "MITER_LIMIT": 2, "DISSOLVE": True, "OUTPUT": "memory:"},
            context=context, feedback=steps, is_child_algorithm=True)["OUTPUT"]
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, QgsFields(),
                                                 QgsWkbTypes.MultiPolygon, source.sourceCrs())
        for feature in as_layer(buffered, context).getFeatures():
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            output = QgsFeature()
            output.setGeometry(geometry)
            sink.addFeature(output, QgsFeatureSink.FastInsert)
        return {self.OUTPUT: destination}

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # A field name or an expression typed as text is a data-defined buffer too.
        value = parameters.get(self.BUFFER)
        if _is_expression_text(value):
            expression = QgsExpression(value)
            if expression.hasParserError():
                return False, self.tr("The buffer expression is not valid: {0}").format(expression.parserErrorString())
            parameters = {**parameters, self.BUFFER: QgsProperty.fromExpression(value)}
        return super().checkParameterValues(parameters, context)

    def _distance(self, parameters, context, source):
        """A number or a QgsProperty (field / expression) for native:buffer's DISTANCE."""
        value = parameters.get(self.BUFFER)
        if _is_expression_text(value):
            return QgsProperty.fromExpression(value)
        if isinstance(value, QgsProperty) and value.propertyType() != QgsProperty.StaticProperty:
            return value
        distance = self.parameterAsDouble(parameters, self.BUFFER, context)
        if distance <= 0 and QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.LineGeometry:
            raise QgsProcessingException(self.tr(
                "Lines have no area: give a buffer distance above 0 metres (e.g. half the road width)."))
        return distance


def _is_expression_text(value):
    """True for a text that is not a number (a field name or an expression)."""
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False
