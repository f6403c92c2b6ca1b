"""The plugin loads, unloads and reloads cleanly in one QGIS session (issue 4, item 1)."""
import configparser

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar
from qgis.core import QgsApplication

from dataterra import classFactory
from dataterra.dataterra_plugin.catalog.dock import CatalogDock
from dataterra.dataterra_plugin.dinamis.ui import DinamisDock
from dataterra.dataterra_plugin.paths import PLUGIN_ROOT
from dataterra.dataterra_plugin.plugin import DataTerraPlugin
from dataterra.rasterblocks import execution


def flush_deletions():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def live_menus(window):
    return [m for m in window.menuBar().findChildren(QMenu, DataTerraPlugin.MENU_OBJECT_NAME)
            + window.findChildren(QMenu, DataTerraPlugin.MENU_OBJECT_NAME)
            if m.menuAction() in window.menuBar().actions()]


def counts(iface):
    window = iface.mainWindow()
    registry = QgsApplication.processingRegistry()
    return {
        "menus": len({id(m) for m in live_menus(window)}),
        "toolbars": len(window.findChildren(QToolBar, DataTerraPlugin.TOOLBAR_OBJECT_NAME)),
        "docks": len(window.findChildren(CatalogDock)) + len(window.findChildren(DinamisDock)),
        "providers": sum(1 for p in registry.providers() if p.id() == "dataterra"),
    }


@pytest.fixture
def clean_registry(qgis_app, qgis_processing):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("dataterra")
    if existing is not None:
        registry.removeProvider(existing)
    yield registry


def test_metadata_declares_what_qgis_needs():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["name"] == "Data Terra"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    for key in ("description", "about", "version", "author", "email", "tags",
                "homepage", "tracker", "repository"):
        assert general[key].strip(), key
    assert "FR" in general["about"] and "Un seul plugin" in general["about"]
    assert (PLUGIN_ROOT / general["icon"]).is_file()


def test_class_factory_creates_the_plugin(qgis_iface, clean_registry):
    plugin = classFactory(qgis_iface)
    assert isinstance(plugin, DataTerraPlugin)


def test_load_unload_three_times_leaves_nothing_behind(qgis_iface, clean_registry):
    assert counts(qgis_iface) == {"menus": 0, "toolbars": 0, "docks": 0, "providers": 0}
    for _ in range(3):
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        assert execution._KEPT.keeping  # local:N clusters are kept between runs in the desktop
        plugin.toggle_catalog_dock()  # open the dock and a wizard so unload has to remove them
        plugin.open_fragmentation_wizard()
        plugin.open_connectivity_wizard()
        plugin.open_forest_wizard()
        plugin.open_ogc_browser()
        plugin.open_dinamis_dock()
        flush_deletions()
        assert counts(qgis_iface) == {"menus": 1, "toolbars": 1, "docks": 2, "providers": 1}
        assert [a.text() for a in plugin.menu.actions() if a.text()] == [a.text() for a in plugin.actions]
        plugin.unload()
        flush_deletions()
        assert counts(qgis_iface) == {"menus": 0, "toolbars": 0, "docks": 0, "providers": 0}
        assert not execution._KEPT.keeping  # and closed with the plugin


def test_headless_init_processing_registers_provider_once(clean_registry):
    plugin = DataTerraPlugin(None)  # what qgis_process does: no iface, no GUI
    plugin.initProcessing()
    plugin.initProcessing()
    assert [p.id() for p in clean_registry.providers()].count("dataterra") == 1
    provider = clean_registry.providerById("dataterra")
    assert provider.name() == "Data Terra"
    assert not provider.icon().isNull()
    clean_registry.removeProvider(plugin.provider)


def test_catalog_action_toggles_the_dock(qgis_iface, clean_registry):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        catalog_action = plugin.actions[0]
        catalog_action.trigger()
        assert not plugin.catalog_dock.isHidden()
        catalog_action.trigger()
        assert plugin.catalog_dock.isHidden()
        catalog_action.trigger()
        assert not plugin.catalog_dock.isHidden()
    finally:
        plugin.unload()
        flush_deletions()


def test_a_second_provider_with_the_same_id_is_not_kept(qgis_iface, dataterra_provider):
    plugin = DataTerraPlugin(qgis_iface)
    plugin.initProcessing()  # dataterra is already registered: refused, and nothing to unload
    assert plugin.provider is None
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("dataterra") is not None
