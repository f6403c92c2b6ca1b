"""The whole DINAMIS flow through the interface, under pytest-qgis, against the loopback
reference server: profile -> AOI (selection, drawing) -> estimate -> submit -> status
updates -> delivery -> layer loaded."""


def assert_each_product_named_once(dialog):
    """The product is named in bold above its reasons: the reasons, allowed or refused, do not
    repeat it."""
    lines = dialog.eligibility.toPlainText().splitlines()
    for product in dialog.rules["products"].values():
        assert sum(line.count(product["label"]) for line in lines) == 1, product["label"]
        (heading,) = [number for number, line in enumerate(lines) if line.endswith(product["label"])]
        assert lines[heading][0] in "✔✘" and product["label"] not in lines[heading + 1]


def test_profile_dialog_shows_eligibility_and_saves(qgis_app):
    from qgis.core import QgsSettings

    from dataterra.dataterra_plugin.dinamis.settings import load_profile
    from dataterra.dataterra_plugin.dinamis.ui import ProfileDialog

    QgsSettings().remove("dataterra/dinamis")
    dialog = ProfileDialog()
    dialog.user_type.setCurrentIndex(dialog.user_type.findData("foreign_scientist"))
    dialog.institution.setText("University of Liège")
    text = dialog.eligibility.toPlainText()
    assert "✘ Pléiades archive extraction" in text and "cooperation or collaborative project" in text
    assert_each_product_named_once(dialog)
    dialog.conditions["french_partner"].setText("UMR TETIS")
    assert "✔ Pléiades archive extraction" in dialog.eligibility.toPlainText()
    assert_each_product_named_once(dialog)
    dialog.accept()
    saved = load_profile()
    assert saved.user_type == "foreign_scientist" and saved.conditions == {"french_partner": "UMR TETIS"}


def test_whole_flow_against_reference_server(qgis_app, qgis_iface, sample_data, tmp_path, reference_server,
                                              basic_authcfg, secret):
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsPointXY,
        QgsProject,
        QgsRasterLayer,
        QgsVectorLayer,
    )

    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock, ProfileDialog

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: logged.append(message))
    dialog = ProfileDialog()
    dialog.user_type.setCurrentIndex(dialog.user_type.findData("uia_public_actor"))
    dialog.institution.setText("Communauté de communes du Clermontais")
    dialog.server_url.setText(reference_server.base_url)
    dialog.auth.setConfigId(basic_authcfg)
    dialog.accept()

    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    book_path = tmp_path / "profile" / "dinamis_orders.gpkg"
    dock = DinamisDock(qgis_iface, book_path=book_path)
    dock.purpose.setText("vineyard mapping")
    dock.aoi_from_selection()
    assert "230.49 km²" in dock.message.text() and "estimated quota 230.49 km2" in dock.message.text()

    order = dock.submit(wait=True)
    assert order["status"] == "submitted" and reference_server.order_count() == 1
    assert dock.table.rowCount() == 1 and dock.table.item(0, 2).text() == "Submitted"
    # issue 16: names, not the internal ids, and a word once the order is sent
    assert dock.table.item(0, 1).text() == "Pléiades archive extraction from the commercial catalogue"
    assert dock.table.item(0, 7).text() == "Ordering server"
    assert dock.message.text().startswith("Order 1 submitted to DINAMIS (server id ")
    statuses = []
    for _ in range(3):
        dock.refresh(wait=True)
        statuses.append(dock.table.item(0, 2).text())
    assert statuses == ["Accepted", "In production", "Delivered"]

    dock.table.selectRow(0)
    paths = dock.deliver(wait=True)
    loaded = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    assert any(layer.source() == str(paths[0]) and layer.isValid() and layer.bandCount() == 3 for layer in loaded)
    assert dock.message.text() == f"Order 1 downloaded to {paths[0].parent}; images added to the map: 1."
    footprints = dock.show_footprints()
    assert footprints.featureCount() == 1
    assert dock.show_footprints() is footprints  # issue 16: shown again, not added twice
    assert [layer.name() for layer in QgsProject.instance().mapLayers().values()].count(footprints.name()) == 1
    assert footprints.renderer().symbol().symbolLayer(0).fillColor().alpha() == 40  # delivery visible under it

    # the order book survives a "restart": a new dock reads the same file
    again = DinamisDock(qgis_iface, book_path=book_path)
    assert again.table.item(0, 2).text() == "Delivered"
    assert secret.encode() not in book_path.read_bytes()
    project_file = tmp_path / "project.qgs"
    assert QgsProject.instance().write(str(project_file))
    assert secret not in project_file.read_text(encoding="utf-8")
    assert not any(secret in message for message in logged)  # QGIS message log
    from pathlib import Path

    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.sync()
    assert Path(settings.fileName()).exists() and secret not in Path(settings.fileName()).read_text()

    # drawing a too small area is refused with its reason; nothing is submitted
    qgis_iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    dock.draw_aoi()
    for x, y in ((3.40, 43.60), (3.41, 43.60), (3.41, 43.61)):
        dock.draw_tool.add_point(QgsPointXY(x, y))
    assert qgis_iface.mapCanvas().mapTool() is dock.draw_tool
    dock.draw_tool.finish()
    assert "below the minimum of 25 km²" in dock.message.text()
    # issue 16: the tool lets go of the map once the polygon is closed, and the polygon stays drawn
    assert qgis_iface.mapCanvas().mapTool() is not dock.draw_tool
    assert dock.draw_tool.band.asGeometry().area() > 0
    assert dock.submit(wait=True) is None and reference_server.order_count() == 1
    QgsProject.instance().removeAllMapLayers()


def test_corrupted_book_is_reported_in_the_dock(qgis_app, qgis_iface, tmp_path):
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    path = tmp_path / "dinamis_orders.gpkg"
    path.write_bytes(b"not a geopackage at all")
    dock = DinamisDock(qgis_iface, book_path=path)
    assert dock.book is None and "damaged" in dock.message.text()
    assert path.read_bytes() == b"not a geopackage at all"


def test_french_translation_is_used(qgis_app, dataterra_provider, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from dataterra.dataterra_plugin.dinamis.algorithms import DinamisRequestPackage
    from dataterra.dataterra_plugin.dinamis.ui import ProfileDialog
    from dataterra.dataterra_plugin.paths import I18N

    translator = QTranslator()
    assert translator.load(str(I18N / "dinamis_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert ProfileDialog().windowTitle() == "Profil DINAMIS"
        from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

        dock = DinamisDock(None, book_path=tmp_path / "orders.gpkg")
        assert dock.tabs.tabText(1) == "Rechercher des images"
        assert dock.search_tab.search_button.text() == "Rechercher des images"
        algorithm = DinamisRequestPackage()
        algorithm.initAlgorithm()
        assert algorithm.displayName() == "Dossier de demande DINAMIS"
        # a string of the shared base class, in its own context
        assert algorithm.parameterDefinition("PURPOSE").description() == "Objet de la demande"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_background_refresh_runs_in_a_task(qgis_app, qgis_iface, sample_data, tmp_path, reference_server,
                                           basic_authcfg):
    import time

    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile, save_server_settings
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    save_profile(Profile("uia_research", "INRAE UMR TETIS"))
    save_server_settings(reference_server.base_url, basic_authcfg)
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.aoi_from_selection()
    task = dock.submit()  # a QgsTask: the main thread is not blocked
    deadline = time.time() + 30
    while dock.table.item(0, 2).text() != "Submitted" and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert dock.table.item(0, 2).text() == "Submitted", dock.message.text()
    dock.refresh()
    while dock.table.item(0, 2).text() != "Accepted" and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert dock.table.item(0, 2).text() == "Accepted"
    assert reference_server.order_count() == 1 and task is not None
    QgsProject.instance().removeAllMapLayers()
