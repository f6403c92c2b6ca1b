"""dataterra:catalog_search through processing.run and qgis_process, against loopback servers."""
import json

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")


def test_processing_run_stac_paging(dataterra_provider, replay_server, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    out = str(tmp_path / "stac.gpkg")
    result = processing.run("dataterra:catalog_search", {
        "URL": replay_server.url + "/stac/search", "PROTOCOL": 0, "COLLECTION": "sentinel-2-l1c",
        "EXTENT": "-21.1,-20.6,62.8,63.2 [EPSG:4326]", "START": "2024-01-01", "END": "2024-02-28",
        "MAX_RECORDS": 150, "OUTPUT": out})
    layer = QgsVectorLayer(result["OUTPUT"], "fp")
    assert layer.featureCount() == 150
    feature = next(layer.getFeatures())
    assert feature["id"] == "S2-0000" and feature["collection"] == "sentinel-2-l1c"
    assert feature["cloud_cover"] == pytest.approx(0.0)
    assert feature.geometry().boundingBox().xMinimum() == pytest.approx(-21.00037677459615, abs=1e-6)
    assert any(link["rel"] == "data" for link in json.loads(feature["links"]))
    body = json.loads(replay_server.requests[-1]["body"])
    assert body["bbox"] == pytest.approx([-21.1, 62.8, -20.6, 63.2])
    assert body["datetime"] == "2024-01-01T00:00:00Z/2024-02-28T23:59:59Z"


def test_processing_run_csw(dataterra_provider, pycsw_server, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    result = processing.run("dataterra:catalog_search", {
        "URL": pycsw_server.url, "PROTOCOL": 2, "TEXT": "glacier", "MAX_RECORDS": 1000,
        "OUTPUT": str(tmp_path / "csw.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "fp")
    assert layer.featureCount() == sum(1 for f in pycsw_server.facts if f["theme"] == "glacier")


def test_bad_date_is_clear(dataterra_provider, replay_server):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="START must be a date"):
        processing.run("dataterra:catalog_search", {"URL": replay_server.url + "/stac", "START": "last week",
                                                    "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="start date is after the end date"):
        processing.run("dataterra:catalog_search", {"URL": replay_server.url + "/stac", "START": "2024-03-01",
                                                    "END": "2024-02-28", "OUTPUT": "memory:"})


def test_dates_are_date_widgets_whose_value_is_searched(dataterra_provider, replay_server, tmp_path):
    """Issue 16: START and END were free text boxes in the dialog."""
    import processing
    from qgis.PyQt.QtCore import QDate
    from qgis.core import QgsApplication, QgsProcessingParameterDateTime
    from qgis.gui import QgsGui, QgsProcessingGui

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("dataterra:catalog_search")
    values = {}
    for name, date in (("START", QDate(2024, 1, 5)), ("END", QDate(2024, 2, 9))):
        definition = algorithm.parameterDefinition(name)
        assert definition.type() == "datetime" and definition.dataType() == QgsProcessingParameterDateTime.Date
        assert definition.flags() & definition.FlagOptional
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(definition, QgsProcessingGui.Standard)
        widget = wrapper.createWrappedWidget(processing.tools.dataobjects.createContext())
        wrapper.setWidgetValue(date, processing.tools.dataobjects.createContext())
        values[name] = wrapper.widgetValue()
        assert values[name] == date, widget
    processing.run("dataterra:catalog_search", {
        "URL": replay_server.url + "/stac/search", "PROTOCOL": 0, "MAX_RECORDS": 5, **values,
        "OUTPUT": str(tmp_path / "dated.gpkg")})
    assert json.loads(replay_server.requests[-1]["body"])["datetime"] == "2024-01-05T00:00:00Z/2024-02-09T23:59:59Z"


def test_server_error_is_processing_error(dataterra_provider, replay_server):
    import processing
    from qgis.core import QgsProcessingException

    install = replay_server.routes
    install["/alg/500"] = lambda r: (500, {"Content-Type": "text/plain"}, b"database down")
    with pytest.raises(QgsProcessingException, match="HTTP 500"):
        processing.run("dataterra:catalog_search", {"URL": replay_server.url + "/alg/500", "OUTPUT": "memory:"})


def test_qgis_process_geodes(run_qgis_process, replay_server, tmp_path):
    out = tmp_path / "geodes.gpkg"
    result = run_qgis_process("dataterra:catalog_search", {
        "URL": replay_server.url + "/geodes/search", "PROTOCOL": 1, "COLLECTION": "PEPS_S2_L1C",
        "MAX_RECORDS": 100, "OUTPUT": str(out)})
    from osgeo import ogr

    dataset = ogr.Open(result["results"]["OUTPUT"].split("|")[0])
    assert dataset.GetLayer(0).GetFeatureCount() == 100


def test_qgis_process_takes_dates_as_text(run_qgis_process, replay_server, tmp_path):
    out = tmp_path / "stac.gpkg"
    run_qgis_process("dataterra:catalog_search", {
        "URL": replay_server.url + "/stac/search", "PROTOCOL": 0, "START": "2024-01-01", "END": "2024-02-28",
        "MAX_RECORDS": 3, "OUTPUT": str(out)})
    assert json.loads(replay_server.requests[-1]["body"])["datetime"] == "2024-01-01T00:00:00Z/2024-02-28T23:59:59Z"
    refused = run_qgis_process("dataterra:catalog_search", {
        "URL": replay_server.url + "/stac/search", "START": "01/02/2024", "OUTPUT": str(out)}, expect_success=False)
    assert refused.returncode != 0 and "START must be a date" in refused.stdout + refused.stderr


def test_hub_is_chosen_from_a_list_and_still_given_by_id(dataterra_provider, replay_server, tmp_path):
    """Issue 16: the toolbox offered a free text box for the hub id."""
    import processing
    from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

    from dataterra.dataterra_plugin.catalog.catalogues_dialog import user_catalogues_file
    from dataterra.dataterra_plugin.catalog.core.hubs import Hub, write_hub_file

    write_hub_file(user_catalogues_file(), [Hub("my-stac", "My STAC", "STAC", replay_server.url + "/stac/search")])
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("dataterra:catalog_search")
        hub = algorithm.parameterDefinition("HUB")
        assert hub.type() == "enum" and hub.usesStaticStrings()
        assert {"geodes", "odatis-sextant", "my-stac"} <= set(hub.options())
        result = processing.run("dataterra:catalog_search", {"HUB": "my-stac", "MAX_RECORDS": 12,
                                                             "OUTPUT": str(tmp_path / "mine.gpkg")})
        assert QgsVectorLayer(result["OUTPUT"], "fp").featureCount() == 12
        with pytest.raises(QgsProcessingException):
            processing.run("dataterra:catalog_search", {"HUB": "no-such-hub", "OUTPUT": "memory:"})
    finally:
        import os

        os.remove(user_catalogues_file())


def test_a_url_token_and_password_never_reach_the_log(dataterra_provider, replay_server, tmp_path):
    """A custom catalogue URL is logged (and named in messages and records) without its
    user:password@ and query values: a query can carry a token."""
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

    secret_url = replay_server.url.replace("http://", "http://someone:PASSWD@") + "/stac/search?token=SECRET"
    feedback = QgsProcessingFeedback()
    result = processing.run("dataterra:catalog_search", {
        "URL": secret_url, "PROTOCOL": 0, "COLLECTION": "sentinel-2-l1c", "MAX_RECORDS": 5,
        "OUTPUT": str(tmp_path / "secret.gpkg")}, feedback=feedback)
    log = feedback.textLog()
    shown = replay_server.url.replace("http://", "http://***@") + "/stac/search?token=***"
    assert f"Searching {shown} (STAC)" in log and "5 records written" in log
    assert "SECRET" not in log and "PASSWD" not in log
    sources = {feature["source"] for feature in QgsVectorLayer(result["OUTPUT"], "fp").getFeatures()}
    assert sources == {shown}
    assert replay_server.requests[-1]["query"]["token"] == ["SECRET"]  # the server still gets it

    replay_server.routes["/alg/500"] = lambda r: (500, {"Content-Type": "text/plain"}, b"database down")
    feedback = QgsProcessingFeedback()
    failing = replay_server.url.replace("http://", "http://someone:PASSWD@") + "/alg/500?token=SECRET"
    with pytest.raises(QgsProcessingException, match="HTTP 500") as caught:
        processing.run("dataterra:catalog_search", {"URL": failing, "OUTPUT": "memory:"}, feedback=feedback)
    for text in (feedback.textLog(), str(caught.value)):
        assert "SECRET" not in text and "PASSWD" not in text


@pytest.mark.parametrize("language, advice", [
    ("en", "add it under My catalogues… in the catalogue dock, with its authentication, and give its id as HUB. "
           "A key or a password written into URL does reach the server, but QGIS keeps every parameter in its "
           "Processing history."),
    ("fr", "ajoutez-le dans Mes catalogues… du panneau catalogue, avec son authentification, et donnez son "
           "identifiant comme HUB. Une clé ou un mot de passe écrit dans URL parvient bien au serveur, mais QGIS garde "
           "chaque paramètre dans son historique des traitements.")])
def test_the_help_says_where_a_catalogue_key_goes(dataterra_provider, request, language, advice):
    """QGIS 3.22 keeps every Processing parameter in its history and cannot mark one as secret:
    the help sends keys to an authentication configuration instead of the URL."""
    from qgis.core import QgsApplication

    if language == "fr":
        request.getfixturevalue("french")
    algorithm = QgsApplication.processingRegistry().algorithmById("dataterra:catalog_search")
    assert advice in algorithm.shortHelpString()
