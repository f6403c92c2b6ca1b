"""The plugin object QGIS creates: menu, toolbar, catalogue dock and Processing provider.

``initGui``/``unload`` are exact inverses, so the plugin can be reloaded any number of
times in one session without leaving menus, toolbars, docks or providers behind.
``initProcessing`` alone is what qgis_process calls (iface is then None).
"""
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu
from qgis.core import QgsApplication

from ..rasterblocks.execution import keep_local_clusters, worker_modules
from .i18n import install_translators, remove_translators
from .paths import icon_path
from .provider import DataTerraProvider


class DataTerraPlugin:
    MENU_OBJECT_NAME = "DataTerraMenu"
    TOOLBAR_OBJECT_NAME = "DataTerraToolbar"

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.catalog_dock = None
        self.dinamis_dock = None
        self.dialogs = {}
        install_translators()

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("DataTerraPlugin", text)

    # --- Processing -----------------------------------------------------------------

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is None:
            provider = DataTerraProvider()
            # the registry refuses (and deletes) a second provider with the same id
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # --- GUI ------------------------------------------------------------------------

    def initGui(self):  # noqa: N802
        self.initProcessing()
        # in the desktop a chain of algorithms on local:N reuses one cluster (closed on unload or when idle)
        keep_local_clusters(True, preload=worker_modules())
        main_window = self.iface.mainWindow()
        self.menu = QMenu(self.tr("Data Terra"), main_window)
        self.menu.setObjectName(self.MENU_OBJECT_NAME)
        self.toolbar = self.iface.addToolBar(self.tr("Data Terra"))
        self.toolbar.setObjectName(self.TOOLBAR_OBJECT_NAME)

        self._add_action("catalogue.svg", self.tr("Search the catalogues"), self.toggle_catalog_dock,
                         self.tr("Search the Data Terra hubs' catalogues by place, date and keywords"))
        self._add_action("dinamis.svg", self.tr("DINAMIS orders"), self.open_dinamis_dock,
                         self.tr("Request and track Pléiades / SPOT 6-7 imagery from DINAMIS"),
                         name="dinamis_orders")
        self._add_action("dataterra.svg", self.tr("OGC services…"), self.open_ogc_browser,
                         self.tr("Browse WMS, WMTS, WFS and WCS services, add their layers, download coverages"),
                         name="ogc_services")
        self.menu.addSeparator()
        self._add_action("fragmentation.svg", self.tr("Fragmentation study…"), self.open_fragmentation_wizard,
                         self.tr("Guided effective mesh size study: land cover, fragmenting elements, reporting"),
                         name="fragmentation_study")
        self._add_action("connectivity.svg", self.tr("Connectivity study…"), self.open_connectivity_wizard,
                         self.tr("Guided ecological connectivity study: habitat, friction, dispersal, graph indices"),
                         name="connectivity_study")
        self._add_action("foresthealth.svg", self.tr("Forest health study…"), self.open_forest_wizard,
                         self.tr("Guided forest dieback detection from Sentinel-2 series: area, dates, products or "
                                 "catalogue items, forest mask"),
                         name="forest_health_study")
        self.menu.addSeparator()
        for group_id, text in (
            ("fragmentation", self.tr("Fragmentation tools")),
            ("connectivity", self.tr("Connectivity tools")),
            ("biodiversity", self.tr("Biodiversity tools")),
            ("foresthealth", self.tr("Forest health tools")),
        ):
            self._add_action(f"{group_id}.svg", text, lambda _=False, g=group_id: self.show_toolbox_group(g),
                             name=f"{group_id}_tools", toolbar=False)

        menu_bar = main_window.menuBar()
        help_menu = self.iface.helpMenu() if hasattr(self.iface, "helpMenu") else None
        if help_menu is not None and help_menu.menuAction() in menu_bar.actions():
            menu_bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def _add_action(self, icon, text, slot, tip=None, name=None, toolbar=True):
        action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
        action.setObjectName("DataTerra_" + (name or icon.split(".")[0]))
        action.triggered.connect(slot)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        if self.dinamis_dock is not None:
            self.iface.removeDockWidget(self.dinamis_dock)
            self.dinamis_dock.close()
            self.dinamis_dock.deleteLater()
            self.dinamis_dock = None
        for dialog in self.dialogs.values():
            dialog.close()
            dialog.deleteLater()
        self.dialogs = {}
        if self.catalog_dock is not None:
            self.catalog_dock.shutdown()
            self.iface.removeDockWidget(self.catalog_dock)
            self.catalog_dock.deleteLater()
            self.catalog_dock = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        keep_local_clusters(False)  # the workers hold this version of the code: closed with it
        remove_translators()

    # --- actions --------------------------------------------------------------------

    def toggle_catalog_dock(self):
        if self.catalog_dock is None:
            from .catalog.dock import CatalogDock

            self.catalog_dock = CatalogDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.catalog_dock)
            self.catalog_dock.show()
        else:
            # isHidden, not isVisible: the latter is False whenever the main window is
            self.catalog_dock.setHidden(not self.catalog_dock.isHidden())

    def open_fragmentation_wizard(self):
        from .ui.fragmentation_wizard import FragmentationWizard

        self._show_dialog("fragmentation", FragmentationWizard)

    def open_connectivity_wizard(self):
        from .ui.connectivity_wizard import ConnectivityWizard

        self._show_dialog("connectivity", ConnectivityWizard)

    def open_forest_wizard(self):
        from .ui.forest_wizard import ForestWizard

        def records():  # the Sentinel-2 items found by the catalogue dock, if open
            return list(self.catalog_dock.records) if self.catalog_dock is not None else []

        self._show_dialog("foresthealth", lambda iface, parent: ForestWizard(iface, parent, records))

    def open_dinamis_dock(self):
        from .dinamis.ui import open_dinamis_dock

        self.dinamis_dock = open_dinamis_dock(self.iface, self.dinamis_dock)

    def open_ogc_browser(self):
        from .ogc.browser import OgcBrowserDialog

        self._show_dialog("ogc", OgcBrowserDialog)

    def _show_dialog(self, key, dialog_class):
        """One non-modal dialog per kind, kept while the plugin is loaded."""
        if key not in self.dialogs:
            self.dialogs[key] = dialog_class(self.iface, self.iface.mainWindow())
        self.dialogs[key].show()
        self.dialogs[key].raise_()

    def show_toolbox_group(self, group_id):
        """Open the Processing toolbox filtered on one Data Terra group."""
        from .algorithm_base import group_tag

        toolbox = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is None:
            self.iface.messageBar().pushWarning(
                self.tr("Data Terra"), self.tr("Enable the Processing plugin to use the Data Terra algorithms."))
            return
        toolbox.setVisible(True)
        toolbox.raise_()
        search = getattr(toolbox, "searchBox", None)
        if search is not None:
            search.setText(group_tag(group_id))
