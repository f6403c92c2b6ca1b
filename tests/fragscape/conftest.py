"""Shared fixtures of the fragscape tests: small GeoTIFFs written on the fly."""
import pytest
from osgeo import gdal

gdal.UseExceptions()


@pytest.fixture
def tif_writer(tmp_path, geotiff):
    counter = {"n": 0}

    def write(array, **kwargs):
        counter["n"] += 1
        return geotiff(tmp_path / f"raster_{counter['n']}.tif", array, **kwargs)

    return write


def memory_polygons(wkts, epsg=2154, fields=None, name="polygons"):
    """A memory polygon layer from WKT strings; ``fields`` = {name: [values]} (strings or ints)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = f"MultiPolygon?crs=EPSG:{epsg}"
    for field, values in (fields or {}).items():
        kind = "integer" if isinstance(values[0], int) else "string"
        spec += f"&field={field}:{kind}"
    layer = QgsVectorLayer(spec, name, "memory")
    features = []
    for number, wkt in enumerate(wkts):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([values[number] for values in (fields or {}).values()])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def save_gpkg(layer, path):
    """Write a layer to a GeoPackage; returns the path as str."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


# Hand-made vector case (EPSG:2154, metres): two 100 m x 100 m units side by side
UNIT_WKTS = ["POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))"]
PATCH_WKTS = [
    "POLYGON((50 0, 150 0, 150 20, 50 20, 50 0))",  # straddles: 1000 m² in each unit, whole 2000
    "POLYGON((10 40, 50 40, 50 80, 10 80, 10 40), (20 50, 30 50, 30 60, 20 60, 20 50))",  # hole: 1500
    "MULTIPOLYGON(((120 40, 140 40, 140 60, 120 60, 120 40)), ((160 40, 180 40, 180 60, 160 60, 160 40)))",
    "POLYGON((300 0, 310 0, 310 10, 300 10, 300 0))",  # outside every unit: 100
    "POLYGON((0 90, 10 100, 10 90, 0 100, 0 90))",  # invalid bow-tie: two 25 m² triangles
]
# CUT U1: (1000² + 1500² + 25² + 25²) / 10000; U2: (1000² + 400² + 400²) / 10000  [m²]
EXPECTED_CUT_M2 = [(1000**2 + 1500**2 + 2 * 25**2) / 1e4, (1000**2 + 2 * 400**2) / 1e4]
# CBC U1: (1000·2000 + 1500² + 2·25²) / 10000; U2: (1000·2000 + 2·400²) / 10000
EXPECTED_CBC_M2 = [(1000 * 2000 + 1500**2 + 2 * 25**2) / 1e4, (1000 * 2000 + 2 * 400**2) / 1e4]


@pytest.fixture
def hand_case(qgis_app):
    """The hand-made vector case: layers and hand-computed meff per unit (m²)."""
    return {
        "units": memory_polygons(UNIT_WKTS, fields={"name": ["west", "east"]}, name="units"),
        "patches": memory_polygons(PATCH_WKTS, name="patches"),
        "cut_m2": EXPECTED_CUT_M2,
        "cbc_m2": EXPECTED_CBC_M2,
    }


@pytest.fixture
def vector_tools(qgis_app):
    """memory_polygons and save_gpkg, for tests (no imports across test files)."""
    class Tools:
        polygons = staticmethod(memory_polygons)
        gpkg = staticmethod(save_gpkg)

    return Tools


def memory_lines(wkts, attributes, epsg=2154):
    """A memory line layer; ``attributes`` = {field: [string values]}."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = f"LineString?crs=EPSG:{epsg}" + "".join(f"&field={name}:string" for name in attributes)
    layer = QgsVectorLayer(spec, "lines", "memory")
    features = []
    for number, wkt in enumerate(wkts):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([values[number] for values in attributes.values()])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture
def landcover_case(qgis_app):
    """Three 100 m land-cover squares (311, 312, 111), a 20 m wide barrier across the first."""
    landcover = memory_polygons(
        ["POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))",
         "POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))"], fields={"CODE_12": ["311", "312", "111"]},
        name="landcover")
    barrier = memory_polygons(["POLYGON((40 -10, 60 -10, 60 110, 40 110, 40 -10))"], name="barrier")
    study = memory_polygons(["POLYGON((0 0, 250 0, 250 50, 0 50, 0 0))"], name="study")
    return {"landcover": landcover, "barrier": barrier, "study": study}


@pytest.fixture
def line_tools(qgis_app):
    class Tools:
        lines = staticmethod(memory_lines)

    return Tools
