"""The plugin's style on every output layer an algorithm hands to QGIS, wherever it runs
from (toolbox, model, script with runAndLoadResults): a layer post-processor attached to
each output that QGIS loads on completion (QgsProcessingLayerPostProcessorInterface).

Which style an output gets is decided here, by algorithm and output name; outputs not
listed get a style from what they hold (a class raster: one colour per class; a
continuous single-band raster: a colour ramp), and vector outputs not listed keep QGIS's
default symbol.
"""
from qgis.core import Qgis, QgsProcessingLayerPostProcessorInterface, QgsRasterLayer, QgsVectorLayer

from .styles import cost_ramp_renderer, graduated_renderer, paletted_renderer, style_footprints

MAX_CLASSES = 64  # an integer raster with more distinct values is shown as continuous


def _graduated(field, ramp="Greens"):
    def style(layer):
        if layer.fields().indexOf(field) >= 0:
            layer.setRenderer(graduated_renderer(layer, field, ramp=ramp))
    return style


def _ramp(ramp, band=1):
    return lambda layer: layer.setRenderer(cost_ramp_renderer(layer, ramp, band=band))


def _classes(layer):
    layer.setRenderer(paletted_renderer(layer))


# (algorithm id, output name) -> style(layer)
STYLES = {
    ("dataterra:effective_mesh_size", "OUTPUT"): _graduated("meff_ha"),
    ("dataterra:effective_mesh_size", "OUTPUT_RASTER"): _ramp("Greens"),
    ("dataterra:compare_fragmentation", "OUTPUT"): _graduated("meff_ha_diff", ramp="RdYlGn"),
    ("dataterra:connectivity_graph", "OUTPUT_NODES"): _graduated("dPC"),
    ("dataterra:cost_distance", "OUTPUT"): _ramp("Spectral"),
    ("dataterra:cost_distance", "OUTPUT_NEAREST"): _classes,
    ("dataterra:friction_from_landcover", "OUTPUT"): _ramp("Reds"),
    ("dataterra:least_cost_corridors", "OUTPUT_CORRIDORS"): _ramp("Spectral"),
    ("dataterra:spectral_species", "OUTPUT"): _classes,
    # 10 bands of indices: the map shows Shannon's (band 3, shannon_mean), not an RGB of three
    ("dataterra:alpha_diversity", "OUTPUT"): _ramp("Viridis", band=3),
    ("dataterra:catalog_search", "OUTPUT"): style_footprints,
}


def is_class_raster(layer):
    """An integer raster with few distinct values (classes, not measurements)."""
    integer_types = (Qgis.Byte, Qgis.UInt16, Qgis.Int16, Qgis.UInt32, Qgis.Int32)
    if layer.dataProvider().dataType(1) not in integer_types:
        return False
    histogram = layer.dataProvider().histogram(1, 0)  # exact for integers up to a few thousand values
    return 0 < sum(1 for count in histogram.histogramVector if count) <= MAX_CLASSES


def default_style(layer):
    """The style of an output nobody listed: a class raster gets one colour per class, a
    continuous single-band raster a colour ramp; anything else keeps QGIS's default."""
    if isinstance(layer, QgsRasterLayer) and layer.bandCount() == 1:
        _classes(layer) if is_class_raster(layer) else layer.setRenderer(cost_ramp_renderer(layer, "Viridis"))


def output_style(algorithm_id, output_name):
    return STYLES.get((algorithm_id, output_name), default_style)


class OutputStyler(QgsProcessingLayerPostProcessorInterface):
    """Applies ``style`` to the layer QGIS has just loaded."""

    def __init__(self, style):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (Qt API)
        if isinstance(layer, (QgsRasterLayer, QgsVectorLayer)) and layer.isValid():
            self.style(layer)
            layer.triggerRepaint()


_alive = []  # QGIS keeps no Python reference to a post-processor: the plugin must


def style_outputs(algorithm_id, context, run_outputs):
    """Attach the plugin's style to the outputs of one run of ``algorithm_id`` that QGIS will
    load: ``run_outputs`` are the run's result values (paths, layer ids). Every step of a
    graphical model shares one context: the layers of other steps are left alone, and so is
    a layer the algorithm gave a style of its own (forest health's dates and classes)."""
    for layer_id, details in context.layersToLoadOnCompletion().items():
        if layer_id.split("|")[0] not in run_outputs or details.postProcessor() is not None:
            continue
        styler = OutputStyler(output_style(algorithm_id, details.outputName))
        _alive.append(styler)
        del _alive[:-200]  # the styles of the last runs only
        context.layerToLoadOnCompletionDetails(layer_id).setPostProcessor(styler)
