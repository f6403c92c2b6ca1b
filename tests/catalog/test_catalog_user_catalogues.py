"""Issue 16: users add, edit, remove, import and export their own catalogues in a dialog;
they are kept across sessions and searched from the dock like the hubs'."""
import json
import os

from qgis.PyQt.QtWidgets import QDialog
from qtwait import wait_until
from catalog_docks import DOCKS


def filled_form(title, protocol, endpoint, collections=""):
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CatalogueForm

    form = CatalogueForm()
    form.title.setText(title)
    form.protocol.setCurrentText(protocol)
    form.endpoint.setText(endpoint)
    form.collections.setText(collections)
    form.accept()
    return form


def test_add_edit_remove_are_kept_in_the_file(qgis_app, tmp_path):
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog

    path = str(tmp_path / "catalogues.json")
    dialog = CataloguesDialog(path=path)
    assert dialog.table.rowCount() == 0 and not dialog.edit_button.isEnabled()
    hub = dialog.add(filled_form("Parc du Haut-Languedoc GeoNetwork", "CSW", "https://geo.example.org/csw",
                                 "dataset, series"))
    assert hub.id == "parc-du-haut-languedoc-geonetwork" and hub.collections == ["dataset", "series"]
    dialog.add(filled_form("Parc du Haut-Languedoc GeoNetwork", "STAC", "https://stac.example.org"))
    saved = json.loads(open(path, encoding="utf-8").read())["hubs"]
    assert [entry["id"] for entry in saved] == ["parc-du-haut-languedoc-geonetwork",
                                                "parc-du-haut-languedoc-geonetwork-2"]
    reopened = CataloguesDialog(path=path)  # next session
    assert reopened.table.rowCount() == 2 and reopened.table.item(1, 1).text() == "STAC"
    reopened.table.selectRow(1)
    assert reopened.edit_button.isEnabled()
    reopened.edit_selected(filled_form("Parc STAC", "STAC", "https://stac.example.org/v2"))
    reopened.table.selectRow(0)
    reopened.remove_selected()
    assert [(h.id, h.title, h.endpoint) for h in CataloguesDialog(path=path).hubs] == [
        ("parc-du-haut-languedoc-geonetwork-2", "Parc STAC", "https://stac.example.org/v2")]


def test_titles_are_shown_whole(qgis_app, tmp_path):
    """Issue 16: the title column read "Observatoire…" beside a wide address column."""
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog

    dialog = CataloguesDialog(path=str(tmp_path / "catalogues.json"))
    title = "Observatoire du Clermontais (GeoNetwork)"
    dialog.add(filled_form(title, "CSW", "https://geo.example.org/geonetwork/srv/fre/csw"))
    assert dialog.table.columnWidth(0) > dialog.table.fontMetrics().horizontalAdvance(title)
    assert dialog.table.item(0, 0).toolTip() == title


def test_a_form_without_an_address_is_not_accepted(qgis_app):
    form = filled_form("No address", "CSW", "geo.example.org/csw")
    assert form.result() != QDialog.Accepted and "http://" in form.problem.text()


def test_export_then_import_elsewhere(qgis_app, tmp_path):
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog

    mine = CataloguesDialog(path=str(tmp_path / "mine.json"))
    mine.add(filled_form("Lab catalogue", "OGC-API-Records", "https://records.example.org", "metadata:main"))
    shared = mine.export_file(str(tmp_path / "shared.json"))
    colleague = CataloguesDialog(path=str(tmp_path / "colleague.json"))
    assert colleague.import_file(shared) == 1
    assert [(h.id, h.protocol, h.collections) for h in colleague.hubs] == [
        ("lab-catalogue", "OGC-API-Records", ["metadata:main"])]
    bad = tmp_path / "bad.json"
    bad.write_text('{"catalogues": []}')
    assert colleague.import_file(str(bad)) == 0 and "has no 'hubs' list" in colleague.status.text()


def test_a_user_catalogue_is_searched_from_the_dock_and_kept_across_sessions(qgis_app, replay_server):
    from dataterra.dataterra_plugin.catalog.catalogues_dialog import CataloguesDialog, user_catalogues_file
    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None)
    DOCKS.append(dock)
    dialog = CataloguesDialog(dock)
    try:
        dialog.add(filled_form("My replay STAC", "STAC", replay_server.url + "/stac/search"))
        dialog.accept()
        dock.manage_catalogues(dialog)
        index = dock.hub_combo.findData("my-replay-stac")
        assert index >= 0 and dock.hub_combo.itemText(index) == "My replay STAC"
        dock.hub_combo.setCurrentIndex(index)
        dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
        dock.max_spin.setValue(15)
        dock.search()
        assert wait_until(lambda: dock.task is None, 20), dock.status.text()
        assert len(dock.records) == 15 and {r.source for r in dock.records} == {"my-replay-stac"}
        later = CatalogDock(None)  # another session
        DOCKS.append(later)
        assert later.hub_combo.findData("my-replay-stac") >= 0
    finally:
        os.remove(user_catalogues_file())
