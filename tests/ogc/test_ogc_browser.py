"""The service browser dialog, headless, against the loopback qgis_mapserver."""
import time

import pytest
from qgis.core import QgsProject

from dataterra.dataterra_plugin.ogc.browser import OgcBrowserDialog
from dataterra.dataterra_plugin.ogc.core.capabilities import parse_capabilities

pytestmark = pytest.mark.network  # talks to qgis_mapserver on 127.0.0.1


def wait_for(condition, app, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    return condition()


def test_browser_loads_capabilities_and_adds_a_layer(qgis_app, ogc_server):
    dialog = OgcBrowserDialog(url=ogc_server.url, service_type="WFS")
    assert dialog.url_combo.count() >= 5  # the curated hub services
    dialog.load_capabilities()
    assert wait_for(lambda: dialog.tree is not None or "could not" in dialog.status.text(), qgis_app)
    assert dialog.tree.service_type == "WFS"
    item = dialog.contents_tree.topLevelItem(0)
    assert item.text(1) == "communes"
    dialog.contents_tree.setCurrentItem(item)
    assert dialog.add_button.isEnabled() and dialog.download_button.isEnabled()
    layer = dialog.add_selected_layer()
    try:
        assert layer is not None and layer.featureCount() == 20
        assert QgsProject.instance().mapLayer(layer.id()) is layer
    finally:
        QgsProject.instance().removeAllMapLayers()
    algorithm, parameters = dialog.download_parameters()
    assert algorithm == "dataterra:download_features" and parameters["TYPENAME"] == "communes"


def test_browser_shows_dimensions_and_reports_errors(qgis_app, test_data):
    dialog = OgcBrowserDialog()
    dialog.show_tree(parse_capabilities((test_data / "ogc" / "owslib_wms_nccs_nasa_getcap_130.xml").read_bytes()))
    root = dialog.contents_tree.topLevelItem(0)
    leaf = root.child(0).child(0)
    dialog.contents_tree.setCurrentItem(leaf)
    assert "time" in dialog.details.toPlainText() and "elevation" in dialog.details.toPlainText()
    assert not dialog.download_button.isEnabled()  # WMS: nothing to download as data
    dialog.url_combo.setEditText("not a url")
    dialog.load_capabilities()
    assert "http://" in dialog.status.text()


def test_browser_from_a_catalogue_link(qgis_app, ogc_server):
    link = f"{ogc_server.url}?SERVICE=WMS&REQUEST=GetMap&LAYERS=multiband&VERSION=1.3.0"
    dialog = OgcBrowserDialog.for_link(None, link, "OGC:WMS-1.3.0-http-get-map")
    assert dialog.type_combo.currentText() == "WMS" and dialog.url() == ogc_server.url
    assert wait_for(lambda: dialog.tree is not None, qgis_app)
    assert dialog.selected_content().name == "multiband"
    assert "EPSG:2154" in dialog.details.toPlainText()
    assert OgcBrowserDialog.for_link(None, "https://h/file.zip", "WWW:DOWNLOAD") is None


def test_browser_lists_wmts_tile_layers_and_adds_one(qgis_app, ogc_server):
    dialog = OgcBrowserDialog(url=ogc_server.url, service_type="WMTS")
    dialog.load_capabilities()
    assert wait_for(lambda: dialog.tree is not None or "could not" in dialog.status.text(), qgis_app)
    assert dialog.tree.service_type == "WMTS" and sorted(dialog.tree.names()) == ["communes", "multiband"]
    dialog.select("multiband")
    details = dialog.details.toPlainText()
    assert "EPSG:2154" in details and "image/png" in details
    assert dialog.add_button.isEnabled() and not dialog.download_button.isEnabled()
    layer = dialog.add_selected_layer()
    try:
        assert layer is not None and layer.isValid() and layer.providerType() == "wms"
        assert "tileMatrixSet=" in layer.source()
        assert QgsProject.instance().mapLayer(layer.id()) is layer
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_curated_service_shows_its_source_and_that_it_is_unchecked(qgis_app):
    from qgis.PyQt.QtCore import Qt

    from dataterra.dataterra_plugin.ogc.services import load_services

    dialog = OgcBrowserDialog()
    first = load_services()[0]
    index = dialog.url_combo.findText(f"{first.hub}: {first.title}")
    assert index >= 0
    tooltip = dialog.url_combo.itemData(index, Qt.ToolTipRole)
    assert first.url in tooltip and first.source in tooltip and "Not checked yet" in tooltip
    dialog._pick_curated(index)
    assert dialog.url() == first.url and dialog.type_combo.currentText() == first.type
    assert "Not checked yet" in dialog.status.text()


def test_browser_download_button_parameters_fetch_mapserver_pixels(qgis_app, dataterra_provider, mapserver, tmp_path):
    # Connect to MapServer's WCS (no VERSION: it answers 2.0.1), select the coverage, and run
    # the algorithm with the parameters the Download button would open it with
    import numpy as np
    import processing
    from osgeo import gdal

    dialog = OgcBrowserDialog(url=mapserver["url"], service_type="WCS")
    dialog.load_capabilities()
    assert wait_for(lambda: dialog.tree is not None or "could not" in dialog.status.text(), qgis_app)
    assert (dialog.tree.service_type, dialog.tree.version) == ("WCS", "2.0.1")
    dialog.select("multiband")
    assert dialog.download_button.isEnabled()
    algorithm, parameters = dialog.download_parameters()
    assert algorithm == "dataterra:download_coverage" and parameters["VERSION"] == 2
    output = tmp_path / "from_browser.tif"
    processing.run(algorithm, {**parameters, "EXTENT": "720000,730000,6280000,6287000 [EPSG:2154]",
                               "RESOLUTION": 0, "OUTPUT": str(output)})
    source = gdal.Open(str(mapserver["raster"])).ReadAsArray()
    np.testing.assert_array_equal(gdal.Open(str(output)).ReadAsArray(), source[:, 0:70, 0:100])


def test_failed_connect_clears_the_previous_service_and_saves_nothing(qgis_app, ogc_server):
    """Issue 16: after a failed connect the old service's list stayed with its buttons enabled,
    and "Save connection" saved the failed URL under the old service's name."""
    from qgis.core import QgsSettings

    dialog = OgcBrowserDialog(url=ogc_server.url, service_type="WFS")
    dialog.load_capabilities()
    assert wait_for(lambda: dialog.tree is not None, qgis_app)
    name = dialog.tree.title
    dialog.url_combo.setEditText("http://127.0.0.1:9/nothing-listens-here")
    dialog.save_current_connection()  # the service shown is saved, not the URL being typed
    key = f"qgis/connections-wfs/{name}/url"
    assert QgsSettings().value(key) == ogc_server.url
    dialog.load_capabilities()
    assert wait_for(lambda: dialog.connect_button.isEnabled(), qgis_app)
    assert "could not be reached" in dialog.status.text()
    assert dialog.tree is None and dialog.contents_tree.topLevelItemCount() == 0
    assert not any(b.isEnabled() for b in (dialog.save_button, dialog.add_button, dialog.download_button))
    dialog.save_current_connection()
    assert QgsSettings().value(key) == ogc_server.url
    QgsSettings().remove(f"qgis/connections-wfs/{name}")
