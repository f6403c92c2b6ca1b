"""A catalogue error raised by the core (a web page instead of JSON) reaches a French user in
French, in the Processing log and in the dock's status line (see rasterblocks/errors.py)."""

import pytest

from qtwait import wait_until

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

WEB_PAGE_FR = (
    "{what} : {host} a envoyé une page web au lieu de JSON (souvent une page de connexion, de maintenance ou "
    "d'erreur du proxy). Vérifiez l'adresse du service. Texte de la page : Maintenance Back soon")


def test_processing_error_in_french(french, dataterra_provider, fault_server):
    import processing
    from qgis.core import QgsProcessingException

    host = fault_server.url.split("//")[1]
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("dataterra:catalog_search", {"URL": fault_server.url + "/fault/html", "PROTOCOL": 0,
                                                    "OUTPUT": "memory:"})
    # the request's name ("STAC search of ...") is a translated piece of the message too
    assert str(raised.value) == WEB_PAGE_FR.format(what=f"Recherche STAC de {fault_server.url}/fault/html",
                                                   host=host)


def test_dock_status_in_french(french, fault_server, tmp_path):
    from qgis.PyQt import sip

    from dataterra.dataterra_plugin.catalog.dock import CatalogDock

    dock = CatalogDock(None)
    try:
        dock.hub_combo.setCurrentIndex(dock.hub_combo.count() - 1)  # other catalogue (URL)
        dock.url_edit.setText(fault_server.url + "/fault/html")
        dock.protocol_combo.setCurrentText("STAC")
        dock.area_combo.setCurrentIndex(dock.area_combo.findData("anywhere"))
        dock.loader.cache_dir = str(tmp_path)
        dock.search()
        assert wait_until(lambda: dock.task is None, 10)
        host = fault_server.url.split("//")[1]
        assert "a envoyé une page web au lieu de JSON" in dock.status.text(), dock.status.text()
        assert host in dock.status.text() and "Texte de la page : Maintenance" in dock.status.text()
        assert "web page instead" not in dock.status.text()
    finally:
        if not sip.isdeleted(dock):
            dock.cancel()
            dock.loader.clear()
            wait_until(lambda: dock.task is None, 5)
            dock.deleteLater()
