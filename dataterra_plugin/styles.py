"""Styles for land-cover layers from the nomenclatures in resources/ (OSO, Corine)."""
import math

from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsRendererCategory,
)

from . import nomenclature
from .i18n import user_language


def landcover_categories(name: str, codes=None, language: str = None):
    """(code, label, QColor) of nomenclature ``name``, limited to ``codes`` when given."""
    language = language or user_language()
    wanted = None if codes is None else {int(c) for c in codes}
    return [
        (c.code, f"{c.code} {c.label(language)}", QColor(c.color))
        for c in nomenclature.load(name)
        if wanted is None or c.code in wanted
    ]


def landcover_vector_renderer(field: str, name: str, codes=None, language: str = None, code_as_text=False):
    """Categorised renderer of a land-cover polygon layer whose ``field`` holds the codes."""
    categories = []
    for code, label, color in landcover_categories(name, codes, language):
        symbol = QgsFillSymbol.createSimple({"color": color.name(), "outline_style": "no"})
        categories.append(QgsRendererCategory(str(code) if code_as_text else code, symbol, label))
    return QgsCategorizedSymbolRenderer(field, categories)


def landcover_raster_renderer(provider, name: str, band: int = 1, codes=None, language: str = None):
    """Paletted renderer of a land-cover raster holding the nomenclature's codes."""
    classes = [
        QgsPalettedRasterRenderer.Class(code, color, label)
        for code, label, color in landcover_categories(name, codes, language)
    ]
    return QgsPalettedRasterRenderer(provider, band, classes)


def label_decimals(widths):
    """Decimals that tell classes of these ``widths`` apart, and no more (legends read
    "2,510 - 9,999", not "2,509.947266 - 9,999.947266", nor "0 - 0" for a skewed index such
    as dPC): two significant digits of the narrowest class."""
    widths = [abs(w) for w in widths if math.isfinite(w) and w != 0]
    if not widths:
        return 2
    return max(0, min(6, 1 - math.floor(math.log10(min(widths)))))


def graduated_renderer(layer, field: str, classes: int = 5, ramp: str = "Greens"):
    """Quantile-graduated renderer of ``field`` with a colour ramp from QGIS's default style
    and legend labels rounded to what separates the classes."""
    from qgis.core import QgsClassificationQuantile, QgsGraduatedSymbolRenderer, QgsStyle, QgsSymbol

    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(QgsSymbol.defaultSymbol(layer.geometryType()))
    color_ramp = QgsStyle.defaultStyle().colorRamp(ramp)
    if color_ramp is not None:
        renderer.setSourceColorRamp(color_ramp)
    method = QgsClassificationQuantile()
    method.setLabelTrimTrailingZeroes(True)
    renderer.setClassificationMethod(method)
    renderer.updateClasses(layer, classes)  # the (layer, mode, classes) form is deprecated since QGIS 3.10
    ranges = renderer.ranges()
    method.setLabelPrecision(label_decimals([r.upperValue() - r.lowerValue() for r in ranges]))
    for number, class_range in enumerate(ranges):
        renderer.updateRangeLabel(number, method.labelForRange(class_range.lowerValue(), class_range.upperValue()))
    return renderer


def style_footprints(layer, color=(31, 120, 180)):
    """Translucent fill and a solid outline: overlapping footprints, and the imagery under
    them, stay readable."""
    red, green, blue = color
    fill = layer.renderer().symbol().symbolLayer(0)
    fill.setFillColor(QColor(red, green, blue, 40))
    fill.setStrokeColor(QColor(red, green, blue))
    layer.triggerRepaint()


def cost_ramp_renderer(layer, ramp: str = "Spectral", classes: int = 8, band: int = 1):
    """Pseudo-colour ramp over the range of one band (e.g. accumulated cost, low to high)."""
    from qgis.core import (
        QgsColorRampShader,
        QgsRasterBandStats,
        QgsRasterShader,
        QgsSingleBandPseudoColorRenderer,
        QgsStyle,
    )

    stats = layer.dataProvider().bandStatistics(band, QgsRasterBandStats.Min | QgsRasterBandStats.Max)
    ramp_shader = QgsColorRampShader(stats.minimumValue, stats.maximumValue)
    ramp_shader.setSourceColorRamp(QgsStyle.defaultStyle().colorRamp(ramp))
    ramp_shader.classifyColorRamp(classes)
    ramp_shader.setLegendSettings(readable_legend(stats.maximumValue - stats.minimumValue))
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp_shader)
    return QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)


def legend_decimals(span: float) -> int:
    """Decimals that show a range of width ``span`` with about three significant digits
    (a cost up to 10,000: none, not "9,999.947266"; Shannon up to 2.4: two)."""
    if not span > 0:
        return 2
    return int(min(6, max(0, 2 - math.floor(math.log10(span)))))


def readable_legend(span: float):
    """Legend settings of a colour ramp whose labels have ``legend_decimals(span)`` decimals."""
    from qgis.core import QgsBasicNumericFormat, QgsColorRampLegendNodeSettings

    number_format = QgsBasicNumericFormat()
    number_format.setNumberDecimalPlaces(legend_decimals(span))
    number_format.setShowTrailingZeros(False)
    settings = QgsColorRampLegendNodeSettings()
    settings.setNumericFormat(number_format)  # the settings take ownership
    return settings


def paletted_renderer(layer, band: int = 1, ramp: str = "Random colors"):
    """One colour per value of a class raster (spectral species, habitat patches, nearest
    source), values read from the raster itself."""
    from qgis.core import QgsRandomColorRamp, QgsStyle

    color_ramp = QgsStyle.defaultStyle().colorRamp(ramp) or QgsRandomColorRamp()
    classes = QgsPalettedRasterRenderer.classDataFromRaster(layer.dataProvider(), band, color_ramp)
    return QgsPalettedRasterRenderer(layer.dataProvider(), band, classes)
