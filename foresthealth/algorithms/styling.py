"""Styles of the forest-health outputs, applied when QGIS loads them after a run.

First dates are shown as real dates (one legend entry per date, colours from early to late),
the state and the confidence classes by name, the confidence index on a red ramp; the
polygon layers of the GeoPackage are loaded with a class renderer and the dieback layer is
made temporal (each polygon shows from the first day of its period on).
"""

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsVectorLayerTemporalProperties,
)

_KEEP = []  # post-processors must outlive the algorithm (QGIS calls them afterwards)
STATE_COLOURS = {1: "#52b788", 2: "#d62828", 3: "#a68a64", 4: "#6c584c"}
CLASS_RAMP = "Reds"


translate = QCoreApplication.translate  # pylupdate5 finds translate("Context", "text") calls


def state_labels():
    return {
        1: translate("ForestHealth", "Healthy"),
        2: translate("ForestHealth", "Dieback"),
        3: translate("ForestHealth", "Bare soil"),
        4: translate("ForestHealth", "Bare soil after dieback"),
    }


def class_label(name):
    """Legend label of a confidence class: the default class names in the user's language,
    names the user chose as given (they are also the values written in the polygons)."""
    defaults = {"Low anomaly": translate("ForestHealth", "Low anomaly"),
                "Severe anomaly": translate("ForestHealth", "Severe anomaly")}
    return defaults.get(name, name)


class _Styler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, function):
        super().__init__()
        self.function = function

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is not None and layer.isValid():
            self.function(layer)
            layer.triggerRepaint()


def _on_load(context, path, function):
    if context.willLoadLayerOnCompletion(path):
        styler = _Styler(function)
        _KEEP.append(styler)
        context.layerToLoadOnCompletionDetails(path).setPostProcessor(styler)


def _ramp_colours(count, ramp="Spectral"):
    colour_ramp = QgsStyle.defaultStyle().colorRamp(ramp)
    if colour_ramp is None or count == 0:
        return [QColor("#d62828")] * count
    return [colour_ramp.color(k / max(1, count - 1)) for k in range(count)]


def date_renderer(layer):
    """One class per YYYYMMDD value of the raster, labelled as a date, early blue to late red."""
    import numpy as np
    from osgeo import gdal

    values = np.unique(gdal.Open(layer.source()).ReadAsArray())
    values = [int(v) for v in values if v > 0]
    colours = list(reversed(_ramp_colours(len(values))))
    classes = [
        QgsPalettedRasterRenderer.Class(v, c, f"{str(v)[:4]}-{str(v)[4:6]}-{str(v)[6:]}")
        for v, c in zip(values, colours)
    ]
    return QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)


def style_date_raster(context, path, name=None):
    _on_load(context, path, lambda layer: layer.setRenderer(date_renderer(layer)))


def _paletted(layer, labels, colours):
    classes = [QgsPalettedRasterRenderer.Class(code, QColor(colours[code]), label) for code, label in labels.items()]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))


def _class_colours(names):
    return dict(enumerate(_ramp_colours(len(names), CLASS_RAMP), start=1))


def _confidence_ramp(layer):
    from qgis.core import QgsRasterBandStats

    from ...dataterra_plugin.styles import readable_legend

    stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.Max)
    shader_function = QgsColorRampShader(0.0, max(stats.maximumValue, 1e-6))
    shader_function.setSourceColorRamp(QgsStyle.defaultStyle().colorRamp(CLASS_RAMP))
    shader_function.classifyColorRamp(5)
    shader_function.setLegendSettings(readable_legend(stats.maximumValue))  # three significant digits, not six decimals
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))


def _polygon_renderer(layer, names):
    colours = list(_ramp_colours(len(names), CLASS_RAMP)) + [QColor("#a68a64")]
    categories = []
    for name, colour in zip(list(names) + [translate("ForestHealth", "Bare ground")], colours):
        symbol = QgsFillSymbol.createSimple({"color": colour.name(), "outline_style": "no"})
        value = "Bare ground" if colour == colours[-1] else name
        categories.append(QgsRendererCategory(value, symbol, class_label(name)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("class", categories))


def make_temporal(layer):
    """Each polygon from the first day of its period on (the temporal controller plays them)."""
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
    properties.setStartField("period_start")
    properties.setEndField("")
    properties.setIsActive(True)


def style_results(context, outputs, polygons, layers, settings):
    """Styles of the export's rasters; loads and styles the GeoPackage's layers."""
    names = settings["class_names"]
    style_date_raster(context, outputs["FIRST_DATE"])
    _on_load(context, outputs["STATE_RASTER"], lambda layer: _paletted(layer, state_labels(), STATE_COLOURS))
    _on_load(context, outputs["CONFIDENCE"], _confidence_ramp)
    _on_load(
        context,
        outputs["CONFIDENCE_CLASS"],
        lambda layer: _paletted(layer, {code: class_label(name) for code, name in enumerate(names, start=1)},
                                _class_colours(names)),
    )
    if context.project() is None:
        return
    for layer_name in layers:
        uri = f"{polygons}|layername={layer_name}"
        details = QgsProcessingContext.LayerDetails(layer_name, context.project(), layer_name)
        context.addLayerToLoadOnCompletion(uri, details)

        def style(layer, temporal=(layer_name == "dieback"), with_classes=(layer_name != "soil")):
            if with_classes:
                _polygon_renderer(layer, names)
            if temporal:
                make_temporal(layer)

        _on_load(context, uri, style)


def style_layer(layer, output, class_names):
    """Style one result layer opened outside Processing (the guided dialog): ``output`` is an
    export output name (FIRST_DATE, STATE_RASTER, CONFIDENCE, CONFIDENCE_CLASS) or a layer of
    the GeoPackage (dieback, stress_periods, soil)."""
    if output == "FIRST_DATE":
        layer.setRenderer(date_renderer(layer))
    elif output == "STATE_RASTER":
        _paletted(layer, state_labels(), STATE_COLOURS)
    elif output == "CONFIDENCE":
        _confidence_ramp(layer)
    elif output == "CONFIDENCE_CLASS":
        _paletted(layer, {code: class_label(name) for code, name in enumerate(class_names, start=1)},
                  _class_colours(class_names))
    else:
        if output != "soil":
            _polygon_renderer(layer, class_names)
        if output == "dieback":
            make_temporal(layer)
