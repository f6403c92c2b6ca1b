"""The shipped Processing model of the Clermontais forest sub-network runs and equals the toolbox chain."""
import numpy as np
import pytest
from osgeo import gdal

from dataterra.biodispersal.models.build_models import MODEL_PATH


@pytest.mark.slow
def test_clermontais_model_runs(dataterra_provider, sample_data, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL_PATH))
    model.initAlgorithm()
    result = processing.run(model, {
        "landcover": str(sample_data["clc"]), "class_field": "CODE_12", "resolution": 100.0, "max_cost": 3000.0,
        "distance_50": 1000.0, "min_area": 20.0,
        "friction:Friction": str(tmp_path / "friction.tif"), "patches:Forest patches": str(tmp_path / "patches.tif"),
        "dispersal:Dispersal cost": str(tmp_path / "cost.tif"), "graph:Graph patches": str(tmp_path / "nodes.gpkg"),
        "graph:Graph links": str(tmp_path / "edges.gpkg")})
    landcover = processing.run("dataterra:select_habitat", {
        "LANDCOVER": str(sample_data["clc"]), "CLASS_FIELD": "CODE_12", "CLASSES": "111-523", "RESOLUTION": 100,
        "OUTPUT": str(tmp_path / "lc.tif")})["OUTPUT"]
    friction = processing.run("dataterra:friction_from_landcover", {
        "INPUT": landcover, "PRESET": 4, "OUTPUT": str(tmp_path / "f.tif")})["OUTPUT"]
    patches = processing.run("dataterra:select_habitat", {
        "LANDCOVER": landcover, "CLASSES": "311-313, 324", "MIN_AREA": 20, "KEEP_CLASS": False,
        "OUTPUT": str(tmp_path / "p.tif")})["OUTPUT"]
    cost = processing.run("dataterra:cost_distance", {
        "SOURCES": patches, "FRICTION": friction, "MAX_COST": 3000, "KNIGHT_MOVE": True, "UNITS": 1,
        "OUTPUT": str(tmp_path / "c.tif")})["OUTPUT"]
    model_cost = gdal.Open(result["dispersal:Dispersal cost"]).ReadAsArray()
    np.testing.assert_array_equal(model_cost, gdal.Open(cost).ReadAsArray())
    assert (model_cost == 0).sum() > 100
