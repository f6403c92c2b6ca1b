"""Fixtures of the DINAMIS tests: the rules, profiles, the Clermontais AOI, and the
loopback reference ordering server."""
import pytest
from osgeo import ogr

SECRET = "s3cr3t-Tok3n-DINAMIS-42"


@pytest.fixture(scope="session")
def rules():
    from dataterra.dataterra_plugin.dinamis.core.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def clermontais_wkt(sample_data):
    """(WKT in Lambert-93, EPSG code) of the Clermontais EPCI outline."""
    dataset = ogr.Open(str(sample_data["epci"]))
    feature = dataset.GetLayer(0).GetNextFeature()
    return feature.GetGeometryRef().ExportToWkt(), "EPSG:2154"


@pytest.fixture
def secret():
    return SECRET


@pytest.fixture
def reference_server(tmp_path):
    """A reference ordering server on 127.0.0.1 with its SQLite database in tmp_path."""
    from dataterra.dataterra_plugin.dinamis.core.reference_server import ReferenceServer

    server = ReferenceServer(tmp_path / "server.sqlite", token=SECRET, production_delay=0.0)
    server.start()
    yield server
    server.stop()
