"""What #10 says must hold, where the other test files left a gap: the whole UI flow with
a *drawn* area of interest, a profile not eligible told why before anything is sent from
the dock, a saved draft never sent behind the user's back, and no secret in the request
package or the search path."""
import json

import pytest


@pytest.fixture
def configured(qgis_app, reference_server, basic_authcfg):
    from qgis.core import QgsSettings

    from dataterra.dataterra_plugin.dinamis.settings import save_server_settings

    QgsSettings().remove("dataterra/dinamis")
    save_server_settings(reference_server.base_url, basic_authcfg)
    return reference_server


def test_whole_flow_with_a_drawn_area(configured, qgis_iface, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRasterLayer

    from dataterra.dataterra_plugin.dinamis.core.aoi import ring_area_m2
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock, ProfileDialog

    server = configured
    dialog = ProfileDialog()  # profile stated through the dialog, as a user does
    dialog.user_type.setCurrentIndex(dialog.user_type.findData("uia_research"))
    dialog.institution.setText("INRAE UMR TETIS")
    dialog.accept()
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.product.setCurrentIndex(dock.product.findData("pleiades_archive"))
    qgis_iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    dock.draw_aoi()
    corners = [(3.3, 43.55), (3.5, 43.55), (3.5, 43.7), (3.3, 43.7)]
    for x, y in corners:
        dock.draw_tool.add_point(QgsPointXY(x, y))
    dock.draw_tool.finish()
    # 0.2° x 0.15° at 43.6° N on the ellipsoid (closed form checked in test_dinamis_aoi.py)
    expected = ring_area_m2(corners) / 1e6
    assert f"Area {expected:.2f} km²" in dock.message.text() and expected == pytest.approx(268.7, rel=2e-3)
    assert f"estimated quota {expected:.2f} km2" in dock.message.text()  # Pléiades archive: factor 1

    order = dock.submit(wait=True)
    assert order["status"] == "submitted" and server.order_count() == 1
    sent = json.loads(server.orders()[0]["request_json"])
    assert sent["product_id"] == "pleiades_archive"
    assert sent["aoi"]["coordinates"][0][:4] == [list(c) for c in corners]
    statuses = []
    for _ in range(3):
        dock.refresh(wait=True)
        statuses.append(dock.table.item(0, 2).text())
    assert statuses == ["Accepted", "In production", "Delivered"]
    paths = dock.deliver(local_id=int(dock.table.item(0, 0).text()), wait=True)
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    # other tests' leftovers (e.g. catalogue quicklooks, PNG) are not this flow's business
    assert [layer.source() for layer in layers if layer.isValid() and layer.source().endswith(".tif")] == [
        str(paths[0])]
    assert server.order_count() == 1
    QgsProject.instance().removeAllMapLayers()


def test_dock_tells_an_ineligible_profile_why_before_sending(configured, qgis_iface, sample_data, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    server = configured
    save_profile(Profile("french_private_rd", "Start-up X"))  # no Airbus R&D agreement declared
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.product.setCurrentIndex(dock.product.findData("pleiades_tasking"))
    dock.aoi_from_selection()
    assert dock.submit(wait=True) is None
    assert "Not available to your profile. Not open to " in dock.message.text()
    assert "Not open to 'French private entity: research and development' users" in dock.message.text()
    dock.product.setCurrentIndex(dock.product.findData("spot67_archive"))
    assert dock.submit(wait=True) is None
    assert "prior agreement of Airbus Defence and Space for R&D use" in dock.message.text()
    assert server.order_count() == 0 and dock.book.orders() == [] and dock.table.rowCount() == 0
    QgsProject.instance().removeAllMapLayers()


def test_saved_draft_is_never_sent_by_refresh(configured, qgis_iface, sample_data, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    server = configured
    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.aoi_from_selection()
    local_id = dock.save_draft()
    for _ in range(2):
        dock.refresh(wait=True)
    assert server.order_count() == 0
    assert dock.book.get(local_id)["status"] == "draft" and not dock.book.get(local_id)["sent_at"]
    QgsProject.instance().removeAllMapLayers()


def test_no_secret_in_request_package_search_or_logs(configured, qgis_iface, sample_data, tmp_path, secret,
                                                     opened_urls, loopback_rules):
    import time

    from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: logged.append(message))
    save_profile(Profile("uia_research", "INRAE UMR TETIS", "someone@inrae.fr"))
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.rules = loopback_rules
    dock.aoi_from_selection()
    files = dock.package_selected(dock.save_draft(), folder=str(tmp_path / "package"))
    assert len(files) == 5
    for path in files:
        assert secret.encode() not in path.read_bytes()
    outcomes = []
    tab = dock.search_tab
    tab.area.setCurrentIndex(tab.area.findData("aoi"))
    tab.searchFinished.connect(outcomes.append)
    tab.search()
    deadline = time.time() + 30
    while not outcomes and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert outcomes and outcomes[0] is not None
    assert secret.encode() not in (tmp_path / "orders.gpkg").read_bytes()
    settings = QgsSettings()
    settings.sync()
    assert secret not in open(settings.fileName(), encoding="utf-8", errors="replace").read()
    assert not any(secret in message for message in logged)
    assert secret not in dock.message.text() + tab.message.text() + tab.refusals.text()
    QgsProject.instance().removeAllMapLayers()
