"""Issue 16, the DINAMIS dock and profile as a new user meets them (pytest-qgis, driving
the widgets): labels shown as written, a request package into a folder that does not
exist yet, a question before cancelling an order and a word after it."""
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDialog


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


def test_the_french_dock_is_no_wider_than_the_english_one(qgis_app, tmp_path):
    """Issue 16: in French the DINAMIS dock's minimum width grew by a fifth (rows of four long
    French buttons, the product names in the combo) and squeezed the map."""
    from dataterra.dataterra_plugin.dinamis.ui import DinamisDock
    from dataterra.dataterra_plugin.i18n import install_translators

    widths = {}
    for language in ("en", "fr"):
        install_translators(language)
        try:
            dock = DinamisDock(None, book_path=tmp_path / f"{language}.gpkg")
            widths[language] = dock.minimumSizeHint().width()
            if language == "fr":
                assert dock.tabs.tabText(1) == "Rechercher des images"  # really in French
            dock.deleteLater()
        finally:
            install_translators("en")
    assert widths["fr"] <= widths["en"]
