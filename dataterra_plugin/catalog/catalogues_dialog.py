"""The user's own catalogues: add, edit, remove, import and export them in a dialog; they
are kept in the QGIS profile (dataterra/catalogues.json, the layout of resources/hubs.json)
and offered by the dock beside the hubs' catalogues, session after session."""
import os
import re

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from ...rasterblocks.errors import DataTerraError
from .core.hubs import PROTOCOLS, Hub, load_hubs, read_hub_file, write_hub_file
from ..i18n import error_text
from ..ui.widgets import fit_columns, set_row


def user_catalogues_file():
    """Where the user's catalogues are kept: the QGIS profile, not the plugin folder (which
    an update replaces)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "dataterra", "catalogues.json")


def user_catalogues(path=None):
    """The user's catalogues ([] before the first one is added)."""
    path = path or user_catalogues_file()
    return read_hub_file(path) if os.path.exists(path) else []


def all_catalogues(path=None):
    """The hubs' catalogues then the user's (a user catalogue with a hub's id replaces it)."""
    path = path or user_catalogues_file()
    return load_hubs([path] if os.path.exists(path) else [])


def new_id(title, taken):
    """An id made from ``title`` ("My GeoNetwork" -> "my-geonetwork"), unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "catalogue"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def translate(context, text):
    """QCoreApplication.translate under the name pylupdate5 looks for: a module-level translate("CataloguesDialog", "…")
    would be extracted under the context @default, never looked up at run time."""
    return QCoreApplication.translate(context, text)


class CatalogueForm(QDialog):
    """Title, protocol, address and collections of one catalogue."""

    def __init__(self, hub=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("CataloguesDialog", "Catalogue"))
        self.title = QLineEdit(hub.title if hub else "")
        self.protocol = QComboBox()
        self.protocol.addItems(list(PROTOCOLS))
        self.protocol.setCurrentText(hub.protocol if hub else "CSW")
        self.endpoint = QLineEdit(hub.endpoint if hub else "")
        self.endpoint.setPlaceholderText("https://…")
        self.collections = QLineEdit(", ".join(hub.collections) if hub else "")
        self.collections.setPlaceholderText(translate("CataloguesDialog", "optional, comma separated"))
        self.problem = QLabel("")
        form = QFormLayout()
        form.addRow(translate("CataloguesDialog", "Title"), self.title)
        form.addRow(translate("CataloguesDialog", "Protocol"), self.protocol)
        form.addRow(translate("CataloguesDialog", "Address (URL)"), self.endpoint)
        form.addRow(translate("CataloguesDialog", "Collections"), self.collections)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self):
        if not self.title.text().strip():
            self.problem.setText(translate("CataloguesDialog", "Give the catalogue a title."))
        elif not self.endpoint.text().strip().startswith(("http://", "https://")):
            self.problem.setText(translate("CataloguesDialog", "The address must start with http:// or https://."))
        else:
            super().accept()

    def hub(self, hub_id):
        collections = [c.strip() for c in self.collections.text().split(",") if c.strip()]
        return Hub(hub_id, self.title.text().strip(), self.protocol.currentText(), self.endpoint.text().strip(),
                   collections=collections, source=translate("CataloguesDialog", "added by the user"))


class CataloguesDialog(QDialog):
    """The table of the user's catalogues with Add, Edit, Remove, Import and Export; every
    change is saved at once."""

    def __init__(self, parent=None, path=None):
        super().__init__(parent)
        self.setWindowTitle(translate("CataloguesDialog", "My catalogues"))
        self.resize(640, 360)
        self.path = path or user_catalogues_file()
        self.hubs = user_catalogues(self.path)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([translate("CataloguesDialog", "Title"),
                                              translate("CataloguesDialog", "Protocol"),
                                              translate("CataloguesDialog", "Address")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.status = QLabel(translate("CataloguesDialog",
                                       "Your catalogues are offered in the catalogue dock beside the hubs'."))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("CataloguesDialog", "Add…"))
        self.edit_button = QPushButton(translate("CataloguesDialog", "Edit…"))
        self.remove_button = QPushButton(translate("CataloguesDialog", "Remove"))
        self.import_button = QPushButton(translate("CataloguesDialog", "Import…"))
        self.export_button = QPushButton(translate("CataloguesDialog", "Export…"))
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit_selected),
                             (self.remove_button, self.remove_selected),
                             (self.import_button, lambda: self.import_file()),
                             (self.export_button, lambda: self.export_file())):
            button.clicked.connect(slot)
            row.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self):
        self.table.setRowCount(len(self.hubs))
        for row, hub in enumerate(self.hubs):
            set_row(self.table, row, (hub.title, hub.protocol, hub.endpoint))
        fit_columns(self.table)
        self._update_buttons()

    def _update_buttons(self):
        chosen = self.selected_row() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.export_button.setEnabled(bool(self.hubs))

    def selected_row(self):
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return min(rows) if rows else None

    def _save(self, message):
        try:
            write_hub_file(self.path, self.hubs)
        except OSError as exc:
            self.status.setText(translate("CataloguesDialog", "Could not save your catalogues in {0}: {1}").format(
                self.path, exc))
            return
        self._fill()
        self.status.setText(message)

    def add(self, form=None):
        """Ask for a new catalogue (``form``: an already filled CatalogueForm, for tests)."""
        form = form or CatalogueForm(parent=self)
        if form.result() != QDialog.Accepted and form.exec_() != QDialog.Accepted:
            return None
        taken = {hub.id for hub in load_hubs()} | {hub.id for hub in self.hubs}
        hub = form.hub(new_id(form.title.text(), taken))
        self.hubs.append(hub)
        self._save(translate("CataloguesDialog", "Catalogue “{0}” added.").format(hub.title))
        return hub

    def edit_selected(self, form=None):
        row = self.selected_row()
        if row is None:
            return None
        form = form or CatalogueForm(self.hubs[row], parent=self)
        if form.result() != QDialog.Accepted and form.exec_() != QDialog.Accepted:
            return None
        self.hubs[row] = form.hub(self.hubs[row].id)
        self._save(translate("CataloguesDialog", "Catalogue “{0}” saved.").format(self.hubs[row].title))
        return self.hubs[row]

    def remove_selected(self):
        row = self.selected_row()
        if row is None:
            return
        removed = self.hubs.pop(row)
        self._save(translate("CataloguesDialog", "Catalogue “{0}” removed.").format(removed.title))

    def import_file(self, path=None):
        """Add the catalogues of a JSON hub list; those with an id already listed replace it."""
        path = path or QFileDialog.getOpenFileName(self, translate("CataloguesDialog", "Import catalogues"), "",
                                                   translate("CataloguesDialog", "Hub lists (*.json)"))[0]
        if not path:
            return 0
        try:
            imported = read_hub_file(path)
        except DataTerraError as exc:
            self.status.setText(error_text(exc))
            return 0
        ids = {hub.id for hub in imported}
        self.hubs = [hub for hub in self.hubs if hub.id not in ids] + imported
        self._save(translate("CataloguesDialog", "Catalogues imported: {0}.").format(len(imported)))
        return len(imported)

    def export_file(self, path=None):
        """Write the user's catalogues to a JSON hub list another user can import."""
        path = path or QFileDialog.getSaveFileName(self, translate("CataloguesDialog", "Export catalogues"),
                                                   "catalogues.json",
                                                   translate("CataloguesDialog", "Hub lists (*.json)"))[0]
        if not path:
            return None
        try:
            write_hub_file(path, self.hubs)
        except OSError as exc:
            self.status.setText(translate("CataloguesDialog", "Could not write {0}: {1}").format(path, exc))
            return None
        self.status.setText(translate("CataloguesDialog", "Catalogues exported to {0}.").format(path))
        return path
