"""Demo step 0: the Clermontais landscape, styled from resources/nomenclature_clc.csv."""
from qgis.core import QgsVectorLayer

from dataterra.dataterra_plugin.styles import landcover_vector_renderer
from mapping import render_map

TITLE = "Clermontais land cover (Corine Land Cover 2012) and communes"


def load_sample_layers(sample):
    """The Corine land cover (styled by CODE_12) and the communes (outlines, labels)."""
    landcover = QgsVectorLayer(str(sample["clc"]), "Corine Land Cover 2012", "ogr")
    communes = QgsVectorLayer(str(sample["communes"]), "Communes", "ogr")
    for layer in (landcover, communes):
        if not layer.isValid():
            raise RuntimeError(f"Cannot open the sample layer {layer.source()}")
    codes = {int(v) for v in landcover.uniqueValues(landcover.fields().indexOf("CODE_12"))}
    landcover.setRenderer(landcover_vector_renderer("CODE_12", "clc", codes, language="en", code_as_text=True))
    communes.renderer().symbol().symbolLayer(0).setBrushStyle(0)  # Qt.NoBrush: outlines only
    communes.renderer().symbol().symbolLayer(0).setStrokeWidth(0.5)
    return landcover, communes


def run(ctx):
    landcover, communes = load_sample_layers(ctx.sample)
    ctx.log(f"{landcover.featureCount()} land-cover polygons, {communes.featureCount()} communes")
    png = render_map([communes, landcover], ctx.output / "clermontais_landcover.png", TITLE,
                     extent_layer=communes)
    return [png]
