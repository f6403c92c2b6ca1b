"""Issue 16, the DINAMIS dock and profile as a new user meets them (pytest-qgis, driving
the widgets): labels shown as written, a request package into a folder that does not
exist yet, a question before cancelling an order and a word after it."""
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox


def answer_next_question(button):
    """Click ``button`` (QMessageBox.Yes / No) on the next modal question box."""
    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(0, click)


def test_ampersand_is_shown_not_turned_into_a_shortcut(qgis_app):
    from qgis.PyQt.QtWidgets import QFormLayout

    from dataterra.dataterra_plugin.dinamis.ui import ProfileDialog

    dialog = ProfileDialog()
    form = dialog.findChild(QFormLayout)
    label = form.labelForField(dialog.conditions["airbus_agreement"])
    assert label.text() == "Airbus R&&D agreement (private R&&D)"  # displayed: "Airbus R&D agreement"
    product_names = [dialog.user_type.itemText(i) for i in range(dialog.user_type.count())]
    assert "French institutional user: research" in product_names and "uia_research" not in product_names


def test_package_folder_may_be_a_new_folder(qgis_app, tmp_path):
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    dock = DinamisDock(None, book_path=tmp_path / "orders.gpkg")
    dialog = dock.package_folder_dialog()
    dialog.setOption(dialog.DontUseNativeDialog, True)
    wanted = tmp_path / "request_for_the_park"  # does not exist yet: the package creates it
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(wanted.name)
    QTimer.singleShot(0, dialog.accept)
    assert dialog.exec_() == QDialog.Accepted
    assert dialog.selectedFiles() == [str(wanted)]


def test_cancelling_an_order_asks_first_and_says_it_is_done(qgis_app, qgis_iface, sample_data, tmp_path,
                                                            reference_server):
    from qgis.core import QgsProject, QgsSettings, QgsVectorLayer

    from dataterra.dataterra_plugin.dinamis.core.rules import Profile
    from dataterra.dataterra_plugin.dinamis.settings import save_profile, save_server_settings
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    QgsSettings().remove("dataterra/dinamis")
    save_profile(Profile("uia_research", "INRAE", "a@b.fr", True, {}))
    save_server_settings(reference_server.base_url, "")
    epci = QgsVectorLayer(str(sample_data["epci"]), "EPCI", "ogr")
    QgsProject.instance().addMapLayer(epci)
    qgis_iface.setActiveLayer(epci)
    dock = DinamisDock(qgis_iface, book_path=tmp_path / "orders.gpkg")
    dock.aoi_from_selection()
    local_id = dock.save_draft()
    dock.table.selectRow(0)
    answer_next_question(QMessageBox.No)
    assert dock.cancel_selected(wait=True) is None
    assert dock.table.item(0, 2).text() == "Draft"
    answer_next_question(QMessageBox.Yes)
    dock.cancel_selected(wait=True)
    assert dock.table.item(0, 2).text() == "Cancelled"
    assert dock.message.text() == f"Order {local_id} cancelled."
    QgsProject.instance().removeAllMapLayers()


def test_request_page_opens_through_qt_without_leaving_a_process(qgis_app, tmp_path, opened_urls):
    """Issue 16: Python's webbrowser left a ResourceWarning when no browser was installed."""
    import warnings

    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock

    dock = DinamisDock(None, book_path=tmp_path / "orders.gpkg")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dock.open_request_page()
    assert opened_urls == [dock.rules["request_page"]["url"]]
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
