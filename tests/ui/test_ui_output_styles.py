"""Issue 16: outputs loaded from the toolbox or a script (runAndLoadResults) carry the
plugin's style: a colour ramp for costs, one colour per class for class rasters, graduated
effective mesh sizes - not QGIS's grey or single-colour defaults."""
import numpy as np
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsNumericFormatContext,
    QgsPalettedRasterRenderer,
    QgsProject,
    QgsSingleBandPseudoColorRenderer,
)


def loaded(result, key):
    return QgsProject.instance().mapLayer(result[key]) or next(
        layer for layer in QgsProject.instance().mapLayers().values() if layer.source().split("|")[0] == result[key])


def test_connectivity_outputs_are_styled(qgis_app, dataterra_provider, geotiff, tmp_path):
    import processing

    QgsProject.instance().removeAllMapLayers()
    sources = geotiff(tmp_path / "sources.tif", np.array([[1, 0, 0, 0], [0, 0, 0, 2], [0, 0, 0, 0]], np.uint8),
                      pixel=10.0)
    friction = geotiff(tmp_path / "friction.tif", np.ones((3, 4), np.float32), pixel=10.0)
    result = processing.runAndLoadResults("dataterra:cost_distance", {
        "SOURCES": sources, "FRICTION": friction, "MAX_COST": 0,
        "OUTPUT": str(tmp_path / "cost.tif"), "OUTPUT_NEAREST": str(tmp_path / "nearest.tif")})
    cost = loaded(result, "OUTPUT")
    assert isinstance(cost.renderer(), QgsSingleBandPseudoColorRenderer)
    shader = cost.renderer().shader().rasterShaderFunction()
    # costs (in cells, friction 1) run from 0 at the sources to 1 + sqrt(2): the cell of row 2,
    # column 1 is one straight and one diagonal step from its nearest source
    assert shader.minimumValue() == 0.0 and abs(shader.maximumValue() - (1 + 2 ** 0.5)) < 1e-6
    # the legend reads "2.41", three significant digits, not "2.414214" (issue 16: "9,999.947266")
    legend_format = shader.legendSettings().numericFormat()
    assert legend_format.formatDouble(shader.maximumValue(), QgsNumericFormatContext()) == "2.41"
    nearest = loaded(result, "OUTPUT_NEAREST")
    assert isinstance(nearest.renderer(), QgsPalettedRasterRenderer)
    assert sorted(c.value for c in nearest.renderer().classes()) == [1.0, 2.0]  # the two sources
    QgsProject.instance().removeAllMapLayers()


def test_class_raster_of_any_algorithm_gets_one_colour_per_class(qgis_app, dataterra_provider, geotiff, tmp_path):
    import processing

    QgsProject.instance().removeAllMapLayers()
    landcover = geotiff(tmp_path / "lc.tif", np.array([[311, 311, 211], [312, 211, 211]], np.int16), pixel=100.0)
    result = processing.runAndLoadResults("dataterra:select_habitat", {
        "LANDCOVER": landcover, "CLASSES": "311, 312", "KEEP_CLASS": True, "OUTPUT": str(tmp_path / "h.tif")})
    habitat = loaded(result, "OUTPUT")
    assert isinstance(habitat.renderer(), QgsPalettedRasterRenderer)
    assert sorted(c.value for c in habitat.renderer().classes()) == [311.0, 312.0]
    QgsProject.instance().removeAllMapLayers()


def test_effective_mesh_size_is_graduated(qgis_app, dataterra_provider, sample_data, tmp_path):
    import processing

    QgsProject.instance().removeAllMapLayers()
    result = processing.runAndLoadResults("dataterra:effective_mesh_size", {
        "INPUT": str(sample_data["clc"]), "REPORTING": str(sample_data["communes"]),
        "OUTPUT": str(tmp_path / "meff.gpkg")})
    meff = loaded(result, "OUTPUT")
    assert isinstance(meff.renderer(), QgsGraduatedSymbolRenderer)
    assert meff.renderer().classAttribute() == "meff_ha"
    QgsProject.instance().removeAllMapLayers()


def test_alpha_diversity_shows_shannon(qgis_app, dataterra_provider, geotiff, tmp_path):
    import processing

    QgsProject.instance().removeAllMapLayers()
    # two 2 × 2 windows: one species only (H = 0), two species in equal shares (H = ln 2)
    species = geotiff(tmp_path / "species.tif", np.array([[1, 1, 1, 2], [1, 1, 2, 1]], np.int16), pixel=10.0)
    result = processing.runAndLoadResults("dataterra:alpha_diversity", {
        "INPUT": species, "WINDOW": 2, "OUTPUT": str(tmp_path / "alpha.tif")})
    alpha = loaded(result, "OUTPUT")
    assert isinstance(alpha.renderer(), QgsSingleBandPseudoColorRenderer)
    assert alpha.renderer().band() == 3  # shannon_mean
    shader = alpha.renderer().shader().rasterShaderFunction()
    assert abs(shader.minimumValue()) < 1e-6 and abs(shader.maximumValue() - np.log(2)) < 1e-6
    QgsProject.instance().removeAllMapLayers()


def chained_model():
    """A graphical model of three steps whose outputs are all final: QGIS's fill-nodata on the
    friction, the plugin's habitat selection, then the plugin's cost distance from the habitat
    over the filled friction (so cost distance runs last)."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterRasterLayer,
    )

    source = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm("styles", "tests")
    for name in ("landcover", "friction"):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, name), QgsProcessingModelParameter(name))

    def step(algorithm_id, output, sources):
        child = QgsProcessingModelChildAlgorithm(algorithm_id)
        child.generateChildId(model)
        for parameter, value in sources.items():
            child.addParameterSources(parameter, [value])
        final = QgsProcessingModelOutput(output)
        final.setChildOutputName("OUTPUT")
        final.setChildId(child.childId())
        child.setModelOutputs({output: final})
        model.addChildAlgorithm(child)
        return child.childId()

    filled = step("native:fillnodata", "filled", {
        "INPUT": source.fromModelParameter("friction"), "BAND": source.fromStaticValue(1),
        "FILL_VALUE": source.fromStaticValue(1.0)})
    habitat = step("dataterra:select_habitat", "habitat", {
        "LANDCOVER": source.fromModelParameter("landcover"), "CLASSES": source.fromStaticValue("1, 2")})
    step("dataterra:cost_distance", "cost", {
        "SOURCES": source.fromChildOutput(habitat, "OUTPUT"), "FRICTION": source.fromChildOutput(filled, "OUTPUT")})
    model.updateDestinationParameters()
    return model


def test_outputs_of_a_graphical_model_keep_each_step_s_style(qgis_app, dataterra_provider, geotiff, tmp_path):
    """Every step of a model shares one context: the last plugin step (cost distance) must not
    restyle the habitat of the step before it with its own ramp, nor QGIS's own outputs."""
    import processing
    from qgis.core import QgsSingleBandGrayRenderer

    QgsProject.instance().removeAllMapLayers()
    landcover = geotiff(tmp_path / "lc.tif", np.array([[1, 5, 5, 5], [5, 5, 5, 2], [5, 5, 5, 5]], np.uint8),
                        pixel=10.0)
    friction = geotiff(tmp_path / "friction.tif", np.array([[1, 1, 1, 1], [1, -9, 1, 1], [1, 1, 1, 1]],
                                                           np.float32), pixel=10.0, nodata=-9)
    model = chained_model()
    parameters = {"landcover": landcover, "friction": friction}
    for definition in model.destinationParameterDefinitions():
        parameters[definition.name()] = str(tmp_path / (definition.name().split(":")[-1] + ".tif"))
    processing.runAndLoadResults(model, parameters)
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}
    assert sorted(layers) == ["cost", "filled", "habitat"]
    habitat = layers["habitat"]
    assert isinstance(habitat.renderer(), QgsPalettedRasterRenderer)  # the classes kept, one colour each
    assert sorted(c.value for c in habitat.renderer().classes()) == [1.0, 2.0]
    cost = layers["cost"]
    assert isinstance(cost.renderer(), QgsSingleBandPseudoColorRenderer)
    shader = cost.renderer().shader().rasterShaderFunction()
    # friction 1 everywhere once filled: the farthest cell (row 2, column 1 or 2) is 1 + sqrt(2)
    assert abs(shader.maximumValue() - (1 + 2 ** 0.5)) < 1e-6
    assert shader.colorRampItemList()[0].color.name() == "#d7191c"  # Spectral, cost distance's ramp
    assert isinstance(layers["filled"].renderer(), QgsSingleBandGrayRenderer)  # QGIS's output, QGIS's style
    QgsProject.instance().removeAllMapLayers()


def test_legend_decimals_give_about_three_significant_digits():
    from dataterra.dataterra_plugin.styles import legend_decimals

    assert [legend_decimals(span) for span in (9999.947266, 120.0, 2.414, 0.05, 0.0)] == [0, 0, 2, 4, 2]
