"""With QGIS's locale set to French, menu, toolbar, groups and names show in French."""
from qgis.core import QgsSettings

from dataterra import classFactory


def test_menu_and_toolbar_in_french(qgis_iface, qgis_processing):
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    try:
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        try:
            texts = [a.text() for a in plugin.actions]
            assert texts == [
                "Rechercher dans les catalogues",
                "Commandes DINAMIS",
                "Services OGC…",
                "Étude de fragmentation…",
                "Étude de connectivité…",
                "Étude de la santé des forêts…",
                "Outils de fragmentation",
                "Outils de connectivité",
                "Outils de biodiversité",
                "Outils de santé des forêts",
            ]
            assert plugin.menu.title() == "Data Terra"
            assert plugin.catalog_dock is None
            plugin.toggle_catalog_dock()
            assert plugin.catalog_dock.windowTitle() == "Catalogue Data Terra"
        finally:
            plugin.unload()
    finally:
        settings.setValue("locale/userLocale", "en_US")
        settings.setValue("locale/overrideFlag", False)
