"""The Data Terra catalogue dock (search of the hubs' catalogues)."""
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget


class CatalogDock(QDockWidget):
    """Dock widget hosting the catalogue search."""

    OBJECT_NAME = "DataTerraCatalogDock"

    def __init__(self, iface=None, parent=None):
        super().__init__(self.tr("Data Terra catalogue"), parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("Search the Data Terra hubs' catalogues."), body))
        self.setWidget(body)

    def tr(self, text):
        return QCoreApplication.translate("CatalogDock", text)
