"""Build the Processing model of the Clermontais forest sub-network (run with QGIS started).

    python -m dataterra.biodispersal.models.build_models

writes resources/models/biodispersal_clermontais_forest.model3.

The model chains the toolbox algorithms as the tutorial does: Corine polygons -> land-cover
raster -> friction (Corine forest preset) -> forest patches -> dispersal -> graph.
"""
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "models" / "biodispersal_clermontais_forest.model3"


def _child(algorithm_id, child_id, description, sources):
    from qgis.core import QgsProcessingModelChildAlgorithm

    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    return child


def build_model():
    """The QgsProcessingModelAlgorithm of the forest sub-network."""
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildParameterSource as Source,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
        QgsProcessingParameterVectorLayer,
    )

    model = QgsProcessingModelAlgorithm("Clermontais forest sub-network", "Data Terra", "dataterra_clermontais")
    model.addModelParameter(QgsProcessingParameterVectorLayer(
        "landcover", "Corine Land Cover polygons", [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingModelParameter("landcover"))
    model.addModelParameter(QgsProcessingParameterField(
        "class_field", "Class field", "CODE_12", "landcover"), QgsProcessingModelParameter("class_field"))
    for name, label, value in (("resolution", "Resolution (m)", 25.0), ("max_cost", "Maximum dispersal cost", 2500.0),
                               ("distance_50", "Cost at which dispersal probability is 0.5", 1000.0),
                               ("min_area", "Minimum forest patch area (ha)", 5.0)):
        model.addModelParameter(QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double, value),
                                QgsProcessingModelParameter(name))
    steps = [
        ("dataterra:select_habitat", "landcover_raster", "Land-cover raster", {
            "LANDCOVER": Source.fromModelParameter("landcover"),
            "CLASS_FIELD": Source.fromModelParameter("class_field"),
            "CLASSES": Source.fromStaticValue("111-523"), "RESOLUTION": Source.fromModelParameter("resolution"),
            "KEEP_CLASS": Source.fromStaticValue(True)}, {}),
        ("dataterra:friction_from_landcover", "friction", "Friction for forest species", {
            "INPUT": Source.fromChildOutput("landcover_raster", "OUTPUT"), "PRESET": Source.fromStaticValue(4)},
         {"OUTPUT": "Friction"}),
        ("dataterra:select_habitat", "patches", "Forest patches", {
            "LANDCOVER": Source.fromChildOutput("landcover_raster", "OUTPUT"),
            "CLASSES": Source.fromStaticValue("311-313, 324"), "MIN_AREA": Source.fromModelParameter("min_area"),
            "KEEP_CLASS": Source.fromStaticValue(False)}, {"OUTPUT": "Forest patches"}),
        ("dataterra:cost_distance", "dispersal", "Dispersal", {
            "SOURCES": Source.fromChildOutput("patches", "OUTPUT"),
            "FRICTION": Source.fromChildOutput("friction", "OUTPUT"),
            "MAX_COST": Source.fromModelParameter("max_cost"), "KNIGHT_MOVE": Source.fromStaticValue(True),
            "UNITS": Source.fromStaticValue(1)}, {"OUTPUT": "Dispersal cost"}),
        ("dataterra:connectivity_graph", "graph", "Landscape graph", {
            "PATCHES": Source.fromChildOutput("patches", "OUTPUT"),
            "FRICTION": Source.fromChildOutput("friction", "OUTPUT"),
            "MAX_DISTANCE": Source.fromStaticValue(5000.0), "DISTANCE_50": Source.fromModelParameter("distance_50")},
         {"OUTPUT_NODES": "Graph patches", "OUTPUT_EDGES": "Graph links"}),
    ]
    for algorithm_id, child_id, description, sources, outputs in steps:
        child = _child(algorithm_id, child_id, description, sources)
        model_outputs = {}
        for output_name, label in outputs.items():
            output = QgsProcessingModelOutput(label)
            output.setChildId(child_id)
            output.setChildOutputName(output_name)
            model_outputs[label] = output
        child.setModelOutputs(model_outputs)
        model.addChildAlgorithm(child)
    return model


def main():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "demo"))
    import bootstrap  # noqa: F401  (QGIS + the Data Terra provider)

    bootstrap.start_qgis()
    build_model().toFile(str(MODEL_PATH))
    print(MODEL_PATH)


if __name__ == "__main__":
    main()
