"""DINAMIS in the QGIS interface: the profile dialog (who you are, what you may obtain
and why), a polygon drawing tool for the area of interest, and the DINAMIS dock (prepare,
estimate, submit or package a request; the order book as a table and a footprints
layer, refreshed in the background; deliveries downloaded and loaded)."""

import json
from datetime import date
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsTask,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsAuthConfigSelect, QgsMapTool, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rasterblocks.errors import DataTerraError
from ...rasterblocks.untrusted import PRODUCT_RASTER_DRIVERS, check_untrusted
from ..net.qgis_transport import QgisTransport
from .core import workflow
from .core.aoi import check_aoi
from .core.client import OrderingClient, OrderingTransport, TransportError
from .core.orderbook import LAYER, OrderBook
from .core.rules import Profile, eligibility, load_rules, quota_estimate
from .settings import load_profile, order_book_path, save_profile, save_server_settings, server_settings
from ..i18n import data_label, error_text
from ..layer_sources import loaded_layer
from ..styles import style_footprints
from ..ui.widgets import button_grid, compact_combo, fit_columns, set_row

CONDITIONS = ("french_partner", "airbus_agreement", "public_contract")
ORDERABLE = ("pleiades_archive", "pleiades_tasking", "spot67_archive", "spot67_tasking", "dinamis_catalogue")
REFRESH_MS = 5 * 60 * 1000


def translate(context, text):
    """QCoreApplication.translate under the name pylupdate5 looks for."""
    return QCoreApplication.translate(context, text)


def label_text(text):
    """A form label shown as written: a single "&" would underline the next letter as a
    keyboard shortcut ("Airbus R&D agreement")."""
    return text.replace("&", "&&")


def status_label(status):
    """What an order status of the order book means, in the user's language."""
    labels = {
        "draft": translate("Dinamis", "Draft"),
        "submitted": translate("Dinamis", "Submitted"),
        "accepted": translate("Dinamis", "Accepted"),
        "in_production": translate("Dinamis", "In production"),
        "delivered": translate("Dinamis", "Delivered"),
        "refused": translate("Dinamis", "Refused"),
        "cancelled": translate("Dinamis", "Cancelled"),
    }
    return labels.get(status, status)


def path_label(backend):
    """How an order goes to DINAMIS: through the ordering server or the web request page."""
    labels = {"rest": translate("Dinamis", "Ordering server"), "web": translate("Dinamis", "Web request page")}
    return labels.get(backend, backend or "")


def eligibility_html(profile, rules):
    """The eligibility of a profile as an HTML list: allowed first, then refused, with why."""
    rows = sorted(eligibility(profile, rules), key=lambda e: not e.allowed)
    items = []
    for entitlement in rows:
        mark = "✔" if entitlement.allowed else "✘"
        reasons = " ".join(map(error_text, entitlement.reasons))
        items.append(f"<li>{mark} <b>{data_label(entitlement.label)}</b><br/>{reasons}</li>")
    return "<ul>" + "".join(items) + "</ul>"


class ProfileDialog(QDialog):
    """State once who you are; see at once what you may obtain and why."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Dinamis", "DINAMIS profile"))
        self.rules = load_rules()
        self.user_type = QComboBox()
        for key, value in self.rules["user_types"].items():
            self.user_type.addItem(data_label(value["label"]), key)
        self.institution = QLineEdit()
        self.email = QLineEdit()
        self.subscribed = QCheckBox(translate("Dinamis", "My organisation has subscribed to DINAMIS"))
        self.subscribed.setChecked(True)
        self.conditions = {key: QLineEdit() for key in CONDITIONS}
        self.server_url = QLineEdit()
        self.auth = QgsAuthConfigSelect(self)
        self.eligibility = QTextBrowser()
        form = QFormLayout()
        form.addRow(translate("Dinamis", "User type"), self.user_type)
        form.addRow(translate("Dinamis", "Institution"), self.institution)
        form.addRow(translate("Dinamis", "Contact e-mail"), self.email)
        form.addRow("", self.subscribed)
        for key, text in (("french_partner", translate("Dinamis", "French partner (foreign scientists)")),
                          ("airbus_agreement", translate("Dinamis", "Airbus R&D agreement (private R&D)")),
                          ("public_contract", translate("Dinamis", "Public contract reference (contractors)"))):
            form.addRow(label_text(text), self.conditions[key])
        form.addRow(translate("Dinamis", "Ordering server URL (optional)"), self.server_url)
        form.addRow(translate("Dinamis", "Authentication"), self.auth)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("Dinamis", "What you may obtain, and why:")))
        layout.addWidget(self.eligibility)
        layout.addWidget(buttons)
        self._load()
        for widget in (self.institution, *self.conditions.values()):
            widget.textChanged.connect(self.update_eligibility)
        self.user_type.currentIndexChanged.connect(self.update_eligibility)
        self.subscribed.toggled.connect(self.update_eligibility)
        self.update_eligibility()

    def _load(self):
        profile = load_profile()
        url, authcfg = server_settings()
        self.server_url.setText(url)
        self.auth.setConfigId(authcfg)
        if profile is None:
            return
        self.user_type.setCurrentIndex(max(self.user_type.findData(profile.user_type), 0))
        self.institution.setText(profile.institution)
        self.email.setText(profile.contact_email)
        self.subscribed.setChecked(profile.subscribed)
        for key, value in profile.conditions.items():
            if key in self.conditions:
                self.conditions[key].setText(value)

    def profile(self):
        return Profile(
            self.user_type.currentData(),
            self.institution.text().strip(),
            self.email.text().strip(),
            self.subscribed.isChecked(),
            {k: w.text().strip() for k, w in self.conditions.items() if w.text().strip()},
        )

    def update_eligibility(self):
        self.eligibility.setHtml(eligibility_html(self.profile(), self.rules))

    def accept(self):
        if not self.institution.text().strip():
            QMessageBox.warning(self, self.windowTitle(), translate("Dinamis", "Give the name of your institution."))
            return
        save_profile(self.profile())
        save_server_settings(self.server_url.text().strip(), self.auth.configId())
        super().accept()


class AoiDrawTool(QgsMapTool):
    """Left click adds a vertex, right click (or :meth:`finish`) closes the polygon."""

    polygonDrawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.band.setStrokeColor(QColor(227, 119, 40))
        self.band.setFillColor(QColor(227, 119, 40, 40))
        self.band.setWidth(2)

    def add_point(self, point):
        self.points.append(point)
        self.band.addPoint(point)

    def finish(self):
        """Close the polygon: it stays drawn on the map (the area of interest) and the map is
        handed back to the tool the user had before."""
        geometry = QgsGeometry.fromPolygonXY([self.points]) if len(self.points) >= 3 else QgsGeometry()
        self.points = []
        if geometry.isEmpty():
            self.band.reset(QgsWkbTypes.PolygonGeometry)
        else:
            self.band.setToGeometry(geometry, None)
        if self.canvas().mapTool() is self:
            self.canvas().unsetMapTool(self)
        self.polygonDrawn.emit(geometry)
        return geometry

    def clear(self):
        """Take the drawn area off the map."""
        self.points = []
        self.band.reset(QgsWkbTypes.PolygonGeometry)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.RightButton:
            self.finish()
        else:
            self.add_point(self.toMapCoordinates(event.pos()))


class DinamisDock(QDockWidget):
    """Prepare, check, estimate, submit (REST) or package (web path) a request, and follow
    the order book. Network calls run in QgsTask; ``wait=True`` runs them in place (tests)."""

    COLUMNS = ("local_id", "product_id", "status", "area_km2", "quota_units", "remote_id", "updated", "backend",
               "status_message")

    def __init__(self, iface=None, parent=None, transport_factory=None, book_path=None,
                 search_transport_factory=None):
        super().__init__(translate("Dinamis", "DINAMIS orders"), parent)
        self.setObjectName("DataTerraDinamisDock")
        self.iface = iface
        self.rules = load_rules()
        self.transport_factory = transport_factory or (
            lambda authcfg: OrderingTransport(QgisTransport(None, authcfg, error_class=TransportError)))
        self.book_path = Path(book_path or order_book_path())
        self.book = None
        self.aoi = None  # (wkt, crs authid)
        self.report = None
        self.tasks = []
        self.search_transport_factory = search_transport_factory
        self._build()
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.refresh())
        self.timer.start(REFRESH_MS)
        self.open_book()

    # --- widgets -------------------------------------------------------------------
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        self.product = QComboBox()
        for product_id in ORDERABLE:
            self.product.addItem(data_label(self.rules["products"][product_id]["label"]), product_id)
        compact_combo(self.product)
        self.purpose = QLineEdit()
        self.project = QLineEdit()
        form = QFormLayout()
        form.addRow(translate("Dinamis", "Product"), self.product)
        form.addRow(translate("Dinamis", "Purpose"), self.purpose)
        form.addRow(translate("Dinamis", "Project"), self.project)
        layout.addLayout(form)
        row = QHBoxLayout()
        for text, slot in (
            (translate("Dinamis", "Profile…"), self.edit_profile),
            (translate("Dinamis", "AOI from selection"), self.aoi_from_selection),
            (translate("Dinamis", "Draw AOI"), self.draw_aoi),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        self.message = QLabel(translate("Dinamis", "State your profile, then take or draw an area of interest."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.estimate_button = QPushButton(translate("Dinamis", "Check and estimate"))
        self.submit_button = QPushButton(translate("Dinamis", "Submit order"))
        self.package_button = QPushButton(translate("Dinamis", "Request package…"))
        self.portal_button = QPushButton(translate("Dinamis", "Open DINAMIS request page"))
        self.estimate_button.clicked.connect(self.check_and_estimate)
        self.submit_button.clicked.connect(lambda: self.submit())
        self.package_button.clicked.connect(self.write_package)
        self.portal_button.clicked.connect(self.open_request_page)
        layout.addLayout(button_grid((self.estimate_button, self.submit_button, self.package_button,
                                      self.portal_button)))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Dinamis", "Id"),
                translate("Dinamis", "Product"),
                translate("Dinamis", "Status"),
                translate("Dinamis", "Area (km²)"),
                translate("Dinamis", "Quota"),
                translate("Dinamis", "Server id"),
                translate("Dinamis", "Updated"),
                translate("Dinamis", "Path"),
                translate("Dinamis", "Message"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        layout.addWidget(self.table)
        buttons = []
        for text, slot in (
            (translate("Dinamis", "Refresh"), lambda: self.refresh()),
            (translate("Dinamis", "Download and load"), lambda: self.deliver()),
            (translate("Dinamis", "Cancel order"), self.cancel_selected),
            (translate("Dinamis", "Show footprints"), self.show_footprints),
            (translate("Dinamis", "Save as draft"), lambda: self.save_draft()),
            (translate("Dinamis", "Request package for the selected draft…"), lambda: self.package_selected()),
        ):
            buttons.append(QPushButton(text))
            buttons[-1].clicked.connect(slot)
        layout.addLayout(button_grid(buttons))
        from .search_ui import SearchTab

        self.search_tab = SearchTab(self, self.search_transport_factory)
        self.tabs = QTabWidget()
        self.tabs.addTab(body, translate("Dinamis", "Request and orders"))
        self.tabs.addTab(self.search_tab, translate("Dinamis", "Search images"))
        self.setWidget(self.tabs)

    def say(self, text):
        self.message.setText(text)

    # --- order book ------------------------------------------------------------------
    def open_book(self):
        try:
            self.book = OrderBook(self.book_path)
        except DataTerraError as exc:
            self.book = None
            self.say(error_text(exc))
            return
        self.fill_table()

    def fill_table(self):
        rows = self.book.orders() if self.book else []
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            set_row(self.table, index, [self.cell_text(key, row[key]) for key in self.COLUMNS])
        fit_columns(self.table)

    def cell_text(self, key, value):
        """What a user reads in the order table: product names and statuses, not their ids."""
        if key == "product_id":
            product = self.rules["products"].get(value)
            return data_label(product["label"]) if product else str(value or "")
        if key == "status":
            return status_label(value)
        if key == "backend":
            return path_label(value)
        return f"{value:.2f}" if isinstance(value, float) else str(value or "")

    def selected_local_id(self):
        row = self.table.currentRow()
        return int(self.table.item(row, 0).text()) if row >= 0 else None

    def show_footprints(self):
        """The order book's footprints on the map: one layer, reloaded when shown again."""
        source = f"{self.book_path}|layername={LAYER}"
        layer = loaded_layer(source, QgsProject.instance().mapLayers().values())
        if layer is not None:
            layer.reload()
            layer.triggerRepaint()
            return layer
        layer = QgsVectorLayer(source, translate("Dinamis", "DINAMIS order footprints"), "ogr")
        if layer.isValid():
            style_footprints(layer, (227, 119, 40))  # the delivered image stays visible under it
            QgsProject.instance().addMapLayer(layer)
        return layer

    # --- profile and AOI -----------------------------------------------------------------
    def edit_profile(self):
        ProfileDialog(self).exec_()

    def set_aoi(self, geometry, crs):
        if geometry is None or geometry.isEmpty():
            self.say(translate("Dinamis", "The area of interest is empty: draw a polygon or select a feature."))
            return
        self.aoi = (geometry.asWkt(), crs.authid() or crs.toWkt())
        self.check_and_estimate()

    def aoi_from_selection(self):
        layer = self.iface.activeLayer() if self.iface else None
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.PolygonGeometry:
            self.say(translate("Dinamis", "Select a polygon layer and one of its features first."))
            return
        features = layer.selectedFeatures() or list(layer.getFeatures())
        self.set_aoi(QgsGeometry.unaryUnion([f.geometry() for f in features]), layer.crs())

    def draw_aoi(self):
        if not self.iface:
            return
        canvas = self.iface.mapCanvas()
        if getattr(self, "draw_tool", None) is not None:
            self.draw_tool.clear()  # the previous area leaves the map with the previous tool
        self.draw_tool = AoiDrawTool(canvas)
        self.draw_tool.polygonDrawn.connect(lambda g: self.set_aoi(g, canvas.mapSettings().destinationCrs()))
        canvas.setMapTool(self.draw_tool)
        self.say(translate("Dinamis", "Click the vertices of the area; right-click to finish."))

    # --- request -------------------------------------------------------------------------
    def product_id(self):
        return self.product.currentData()

    def check_and_estimate(self):
        """Check eligibility and the AOI; show the area and quota, or every reason."""
        profile = load_profile()
        if profile is None:
            self.say(translate("Dinamis", "State your DINAMIS profile first (Profile…)."))
            return False
        entitlement = next(e for e in eligibility(profile, self.rules) if e.product_id == self.product_id())
        if not entitlement.allowed:
            reasons = " ".join(map(error_text, entitlement.reasons))
            self.say(translate("Dinamis", "Not available to your profile. {0}").format(reasons))
            return False
        if self.aoi is None:
            self.say(translate("Dinamis", "Take or draw an area of interest first."))
            return False
        try:
            self.report = check_aoi(self.aoi[0], self.aoi[1], self.product_id(), self.rules)
        except DataTerraError as exc:
            self.say(error_text(exc))
            return False
        if self.report.issues:
            self.say(" ".join(issue.message for issue in self.report.issues))
            return False
        estimate = quota_estimate(self.product_id(), self.report.area_km2, self.rules)
        self.say(
            translate(
                "Dinamis", "Area {0:.2f} km² (WGS 84 ellipsoid), {1} vertices; estimated quota {2:.2f} {3}."
            ).format(self.report.area_km2, self.report.vertex_count, estimate["quota_units"], estimate["unit"])
        )
        return True

    def request_body(self):
        from osgeo import ogr

        return {
            "product_id": self.product_id(),
            "aoi": json.loads(ogr.CreateGeometryFromWkt(self.report.wkt_wgs84).ExportToJson()),
            "purpose": self.purpose.text().strip(),
            "project": self.project.text().strip(),
        }

    def client(self):
        url, authcfg = server_settings()
        if not url:
            # no trailing comma after the literal: pylupdate5 would not see the string
            raise DataTerraError(translate("Dinamis", "No ordering server is configured: set its URL in the "
                                           "profile, or use 'Request package…' and the DINAMIS request page."))
        return OrderingClient(url, self.transport_factory(authcfg))

    def submit(self, wait=False):
        if self.book is None or not self.check_and_estimate():
            return None
        estimate = quota_estimate(self.product_id(), self.report.area_km2, self.rules)
        local_id = self.book.add_draft(
            self.request_body(), self.report.wkt_wgs84, self.report.area_km2, estimate["quota_units"]
        )
        self.fill_table()
        self.say(translate("Dinamis", "Sending order {0} to DINAMIS…").format(local_id))
        return self.run(
            translate("Dinamis", "Submitting DINAMIS order"),
            lambda: workflow.submit(self.book, self.client(), local_id),
            wait,
            on_done=lambda order: self.say(translate(
                "Dinamis", "Order {0} submitted to DINAMIS (server id {1}). Its status is refreshed every five "
                "minutes, or with Refresh.").format(local_id, order["id"] if order else "")),
        )

    def refresh(self, wait=False):
        if self.book is None or not server_settings()[0]:
            return None
        return self.run(
            translate("Dinamis", "Refreshing DINAMIS orders"), lambda: workflow.refresh(self.book, self.client()), wait
        )

    def deliver(self, local_id=None, wait=False):
        local_id = local_id if local_id is not None else self.selected_local_id()
        if local_id is None:
            self.say(translate("Dinamis", "Select a delivered order in the table."))
            return None
        folder = self.book_path.parent / "dinamis_products" / str(local_id)
        self.say(translate("Dinamis", "Downloading the images of order {0}…").format(local_id))
        return self.run(
            translate("Dinamis", "Downloading DINAMIS products"),
            lambda: workflow.deliver(self.book, self.client(), local_id, folder),
            wait,
            on_done=lambda paths: self.load_products(local_id, folder, paths),
        )

    def load_products(self, local_id, folder, paths):
        """Say where an order was downloaded and add its images to the map."""
        loaded, refused = self.add_product_layers(paths)
        self.say(" ".join([translate("Dinamis", "Order {0} downloaded to {1}; images added to the map: {2}.").format(
            local_id, folder, loaded)] + refused))

    def add_product_layers(self, paths):
        """Add downloaded products as layers, each checked first to be an image format (QGIS would
        open any format GDAL knows, a VRT reading other files included); (count added, refusals)."""
        loaded, refused = 0, []
        for path in paths or []:
            try:
                check_untrusted(path, PRODUCT_RASTER_DRIVERS, str(path))
            except DataTerraError as exc:
                refused.append(error_text(exc))
                continue
            layer = QgsRasterLayer(str(path), Path(path).stem)
            if layer.isValid():
                QgsProject.instance().addMapLayer(layer)
                loaded += 1
        return loaded, refused

    def cancel_selected(self, wait=False):
        """Cancel the selected order, once the user has confirmed it."""
        local_id = self.selected_local_id()
        if local_id is None:
            self.say(translate("Dinamis", "Select the order to cancel in the table."))
            return None
        question = translate("Dinamis", "Cancel order {0}? DINAMIS stops preparing it; this cannot be undone.")
        if not self.confirm(question.format(local_id)):
            return None
        return self.run(
            translate("Dinamis", "Cancelling DINAMIS order"),
            lambda: workflow.cancel(self.book, self.client(), local_id),
            wait,
            on_done=lambda _order: self.say(translate("Dinamis", "Order {0} cancelled.").format(local_id)),
        )

    def confirm(self, question):
        """Ask ``question``; True when the user answers Yes (No is the default)."""
        box = QMessageBox(QMessageBox.Question, self.windowTitle(), question, QMessageBox.Yes | QMessageBox.No, self)
        box.setDefaultButton(QMessageBox.No)
        return box.exec_() == QMessageBox.Yes

    def write_package(self, folder=None):
        from .core.package import write_request_package

        if not self.check_and_estimate():
            return None
        folder = folder or self.ask_package_folder()
        if not folder:
            return None
        profile = load_profile()
        entitlement = next(e for e in eligibility(profile, self.rules) if e.product_id == self.product_id())
        estimate = quota_estimate(self.product_id(), self.report.area_km2, self.rules)
        try:
            files = write_request_package(
                folder, self.request_body(), self.report.wkt_wgs84, profile, self.report, estimate, entitlement
            )
        except DataTerraError as exc:
            self.say(error_text(exc))
            return None
        self.say(
            translate(
                "Dinamis", "Request package written to {0}: attach its files to the DINAMIS request form."
            ).format(folder)
        )
        return files

    def package_folder_dialog(self):
        """The dialog naming the package's folder: a new one, which need not exist yet (a
        folder chooser only accepts existing folders, and the package wants an empty one)."""
        dialog = QFileDialog(self, translate("Dinamis", "New folder for the request package"))
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setFileMode(QFileDialog.AnyFile)
        dialog.setOption(QFileDialog.DontConfirmOverwrite, True)  # an existing empty folder is fine
        dialog.setLabelText(QFileDialog.Accept, translate("Dinamis", "Create"))
        dialog.selectFile(f"dinamis_request_{date.today():%Y-%m-%d}")
        return dialog

    def ask_package_folder(self):
        dialog = self.package_folder_dialog()
        return dialog.selectedFiles()[0] if dialog.exec_() == QDialog.Accepted and dialog.selectedFiles() else ""

    def save_draft(self):
        """Keep the checked request in the order book as a draft (nothing is sent)."""
        if self.book is None or not self.check_and_estimate():
            return None
        estimate = quota_estimate(self.product_id(), self.report.area_km2, self.rules)
        local_id = self.book.add_draft(
            self.request_body(), self.report.wkt_wgs84, self.report.area_km2, estimate["quota_units"]
        )
        self.fill_table()
        self.say(translate("Dinamis", "Draft {0} saved in the order book.").format(local_id))
        return local_id

    def package_selected(self, local_id=None, folder=None, open_page=True):
        """Hand a draft of the order book to the web request path: write its request package
        (AOI as GeoPackage, KML and zipped shapefile, request, summary), mark it as going
        through the web page (so it is never sent by the REST client) and open that page."""
        from .core.package import write_request_package

        local_id = local_id if local_id is not None else self.selected_local_id()
        if self.book is None or local_id is None:
            self.say(translate("Dinamis", "Select a draft in the order book table."))
            return None
        profile = load_profile()
        if profile is None:
            self.say(translate("Dinamis", "State your DINAMIS profile first (Profile…)."))
            return None
        try:
            row = self.book.get(local_id)
            if row["status"] != "draft" or row["sent_at"] or row["remote_id"]:
                raise DataTerraError(translate(
                    "Dinamis", "Order {0} is {1} or may already have reached the ordering server: only a draft "
                    "never sent can go through the web request page.").format(local_id, status_label(row["status"])))
            if row["backend"] == "web":
                raise DataTerraError(translate(
                    "Dinamis", "Order {0} already went to the web request path ({1}): use that package, so that "
                    "the request is not sent twice.").format(local_id, row["status_message"]))
            request = row["request_json"]
            report = check_aoi(row["wkt"], "EPSG:4326", request["product_id"], self.rules)
            entitlement = next(e for e in eligibility(profile, self.rules) if e.product_id == request["product_id"])
            estimate = quota_estimate(request["product_id"], report.area_km2, self.rules)
            folder = folder or self.ask_package_folder()
            if not folder:
                return None
            files = write_request_package(folder, request, report.wkt_wgs84, profile, report, estimate, entitlement)
            self.book.hand_to_web(local_id, folder)
        except DataTerraError as exc:
            self.say(error_text(exc))
            return None
        self.fill_table()
        if open_page:
            self.open_request_page()
        self.say(translate(
            "Dinamis", "Request package of order {0} written to {1}; attach its files to the DINAMIS request form "
            "opened in your browser.").format(local_id, folder))
        return files

    def open_request_page(self):
        """Open the DINAMIS request page in the user's browser (through Qt, as QGIS opens links:
        Python's webbrowser leaves a process behind, and a ResourceWarning, without a browser)."""
        url = self.rules["request_page"]["url"]
        if not QDesktopServices.openUrl(QUrl(url)):
            self.say(translate("Dinamis", "No web browser could be opened: go to {0} yourself.").format(url))

    # --- background work -----------------------------------------------------------------
    def run(self, title, function, wait, on_done=None):
        """Run ``function`` in a QgsTask (or now when ``wait``); errors go to the message line."""

        def finished(result=None, error=None):
            if sip.isdeleted(self):  # the dock was deleted (plugin unloaded) while the task ran
                return
            if error is not None:
                self.say(
                    error_text(error)
                    if isinstance(error, DataTerraError)
                    else translate("Dinamis", "Unexpected error: {0}").format(error)
                )
            elif on_done is not None:
                on_done(result)
            self.fill_table()

        if wait:
            try:
                result = function()
            except DataTerraError as exc:
                finished(error=exc)
                return None
            finished(result)
            return result

        def task_function(task):
            return function()

        def task_finished(exception, result=None):
            finished(result, exception)

        task = QgsTask.fromFunction(title, task_function, on_finished=task_finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task


def open_dinamis_dock(iface, dock=None):
    """Show the DINAMIS dock in QGIS's main window (created once); returns it. For the
    plugin's menu action: ``self.dinamis_dock = open_dinamis_dock(self.iface, self.dinamis_dock)``."""
    if dock is None:
        dock = DinamisDock(iface, iface.mainWindow())
        iface.addDockWidget(Qt.RightDockWidgetArea, dock)
    dock.show()
    dock.raise_()
    return dock
