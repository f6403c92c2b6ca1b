"""OGC service browser: GetCapabilities fetched in a background task, a tree of layers /
feature types / coverages with their details, and actions: add as layer, zoom to the
bounding box, save as a QGIS connection, download a coverage or features."""
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsNetworkContentFetcherTask,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from .core.capabilities import SERVICE_TYPES, parse_capabilities
from .core.safexml import OgcError
from .core.transport import add_query
from .links import service_from_link
from .services import load_services
from .temporal import configure_temporal_controller
from .uris import layer_for, save_connection
from ..i18n import data_label, error_text

CONTENT_ROLE = Qt.UserRole + 1


class OgcBrowserDialog(QDialog):
    def __init__(self, iface=None, parent=None, url="", service_type="WMS"):
        super().__init__(parent)
        self.iface = iface
        self.tree = None
        self.task = None
        self.pending_selection = ""
        self.setWindowTitle(self.tr("Data Terra: OGC services"))
        self.resize(900, 600)
        self._build(url, service_type)

    @classmethod
    def for_link(cls, iface, url, protocol="", parent=None):
        """A browser opened on a catalogue record's link (see links.service_from_link),
        connecting at once and selecting the link's layer when it names one."""
        found = service_from_link(url, protocol)
        if found is None:
            return None
        service_type, base_url, layer_name = found
        dialog = cls(iface, parent, base_url, service_type)
        dialog.pending_selection = layer_name
        dialog.load_capabilities()
        return dialog

    # ---- widgets ---------------------------------------------------------------------

    def _build(self, url, service_type):
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.url_combo = QComboBox()
        self.url_combo.setEditable(True)
        self.url_combo.setToolTip(self.tr("Type a service URL or pick one of the hubs' services"))
        try:
            for service in load_services():
                self.url_combo.addItem(f"{service.hub}: {data_label(service.title)}",
                                       (service.url, service.type, service))
                self.url_combo.setItemData(self.url_combo.count() - 1, self._provenance(service), Qt.ToolTipRole)
        except OgcError as exc:
            self._message(error_text(exc))
        self.url_combo.setCurrentText(url)
        self.url_combo.activated.connect(self._pick_curated)
        self.type_combo = QComboBox()
        self.type_combo.addItems(SERVICE_TYPES)
        self.type_combo.setCurrentText(service_type)
        self.auth_select = QgsAuthConfigSelect(self)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(self.load_capabilities)
        row.addWidget(QLabel(self.tr("URL")))
        row.addWidget(self.url_combo, 1)
        row.addWidget(self.type_combo)
        row.addWidget(self.connect_button)
        layout.addLayout(row)
        layout.addWidget(self.auth_select)
        splitter = QSplitter()
        self.contents_tree = QTreeWidget()
        self.contents_tree.setHeaderLabels([self.tr("Title"), self.tr("Name")])
        self.contents_tree.currentItemChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        splitter.addWidget(self.contents_tree)
        splitter.addWidget(self.details)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.add_button = buttons.addButton(self.tr("Add as layer"), QDialogButtonBox.ActionRole)
        self.zoom_button = buttons.addButton(self.tr("Zoom to extent"), QDialogButtonBox.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save connection"), QDialogButtonBox.ActionRole)
        self.download_button = buttons.addButton(self.tr("Download…"), QDialogButtonBox.ActionRole)
        self.add_button.clicked.connect(self.add_selected_layer)
        self.zoom_button.clicked.connect(self.zoom_to_selected)
        self.save_button.clicked.connect(self.save_current_connection)
        self.download_button.clicked.connect(self.download_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    def _provenance(self, service):
        """Where a curated address comes from, and whether anyone checked it."""
        if service.verified:
            return self.tr("{0}\nSource: {1}\nChecked on {2}.").format(service.url, service.source, service.verified)
        return self.tr("{0}\nSource: {1}\nNot checked yet: if the service does not answer, look for its current "
                       "address on the hub's site.").format(service.url, service.source)

    def _pick_curated(self, index):
        data = self.url_combo.itemData(index)
        if data:
            self.url_combo.setEditText(data[0])
            self.type_combo.setCurrentText(data[1])
            self._message(self._provenance(data[2]).replace("\n", " "))

    def _message(self, text):
        self.status.setText(text)

    def url(self):
        return self.url_combo.currentText().strip()

    def authcfg(self):
        return self.auth_select.configId()

    # ---- capabilities, fetched without blocking QGIS ---------------------------------------

    def capabilities_url(self):
        service = self.type_combo.currentText()
        return add_query(self.url(), {"SERVICE": service, "REQUEST": "GetCapabilities"})

    def load_capabilities(self):
        if not self.url().startswith(("http://", "https://")):
            self._message(self.tr("Enter the service URL, starting with http:// or https://."))
            return
        self.connect_button.setEnabled(False)
        self.clear_tree()  # a failed connect must not leave the previous service's layers usable
        self._message(self.tr("Asking the service for its capabilities…"))
        self.task_url = self.url()  # the URL field may change while the task runs
        self.task = QgsNetworkContentFetcherTask(QUrl(self.capabilities_url()), self.authcfg())
        self.task.fetched.connect(self._capabilities_fetched)
        QgsApplication.taskManager().addTask(self.task)

    def _capabilities_fetched(self):
        self.connect_button.setEnabled(True)
        reply = self.task.reply()
        if reply is None or reply.error():
            error = reply.errorString() if reply is not None else self.tr("no answer")
            self._message(self.tr("The service could not be reached: {0}. Check the URL and the network.")
                          .format(error))
            return
        try:
            self.show_tree(parse_capabilities(bytes(reply.readAll()), self.task_url))
        except OgcError as exc:
            self._message(error_text(exc))

    def clear_tree(self):
        """Forget the service shown: empty list and details, actions disabled."""
        self.tree = None
        self.contents_tree.clear()
        self.details.clear()
        self._update_buttons()

    def show_tree(self, tree):
        """Fill the tree widget from a parsed :class:`ServiceTree`."""
        self.tree = tree
        self.contents_tree.clear()
        for content in tree.contents:
            self.contents_tree.addTopLevelItem(self._item(content))
        self.contents_tree.expandToDepth(1)
        if self.pending_selection:
            self.select(self.pending_selection)
            self.pending_selection = ""
        self._message(self.tr("{0} {1}: {2} ({3} items)").format(tree.service_type, tree.version, tree.title,
                                                            len(tree.names())))
        self._update_buttons()

    def _item(self, content):
        item = QTreeWidgetItem([content.title or content.name, content.name])
        item.setData(0, CONTENT_ROLE, content)
        item.setToolTip(0, content.abstract[:500])
        for sub in content.children:
            item.addChild(self._item(sub))
        return item

    def select(self, name):
        """Make the item called ``name`` current; False if there is none."""
        for item in self.contents_tree.findItems(name, Qt.MatchExactly | Qt.MatchRecursive, 1):
            self.contents_tree.setCurrentItem(item)
            return True
        return False

    def selected_content(self):
        item = self.contents_tree.currentItem()
        return item.data(0, CONTENT_ROLE) if item is not None else None

    def _show_details(self, *args):
        content = self.selected_content()
        self._update_buttons()
        if content is None:
            self.details.clear()
            return
        labels = {"name": self.tr("Name"), "crs": self.tr("CRS"), "formats": self.tr("Formats"),
                  "styles": self.tr("Styles"), "default": self.tr("default"),
                  "extent": self.tr("Extent (WGS 84)"), "legend": self.tr("Legend")}
        lines = [f"<h3>{content.title or content.name}</h3>", f"<p><b>{labels['name']}</b>: {content.name}</p>"]
        if content.abstract:
            lines.append(f"<p>{content.abstract}</p>")
        if content.crs:
            lines.append(f"<p><b>{labels['crs']}</b>: {', '.join(content.crs[:30])}</p>")
        if content.formats:
            lines.append(f"<p><b>{labels['formats']}</b>: {', '.join(content.formats)}</p>")
        if content.styles:
            lines.append(f"<p><b>{labels['styles']}</b>: {', '.join(s.name for s in content.styles)}</p>")
        for dimension in content.dimensions.values():
            values = ", ".join(dimension.values[:10]) + (" …" if len(dimension.values) > 10 else "")
            lines.append(f"<p><b>{dimension.name}</b> ({dimension.units}): {values}; "
                         f"{labels['default']} {dimension.default}</p>")
        if content.bbox_wgs84:
            lines.append(f"<p><b>{labels['extent']}</b>: "
                         + ", ".join(f"{v:.4f}" for v in content.bbox_wgs84) + "</p>")
        if content.legend_url:
            lines.append(f'<p><a href="{content.legend_url}">{labels["legend"]}</a></p>')
        self.details.setHtml("".join(lines))

    def _update_buttons(self):
        content = self.selected_content()
        requestable = content is not None and bool(content.name)
        self.add_button.setEnabled(requestable)
        self.zoom_button.setEnabled(content is not None and content.bbox_wgs84 is not None)
        self.save_button.setEnabled(self.tree is not None)
        self.download_button.setEnabled(requestable and self.tree.service_type in ("WCS", "WFS"))

    # ---- actions -----------------------------------------------------------------------

    def map_crs(self):
        if self.iface is not None:
            return self.iface.mapCanvas().mapSettings().destinationCrs()
        return QgsProject.instance().crs()

    def add_selected_layer(self):
        content = self.selected_content()
        if content is None or not content.name:
            return None
        layer = layer_for(self.tree, content, self.map_crs().authid() or "EPSG:2154", self.authcfg())
        if not layer.isValid():
            self._message(self.tr("QGIS could not open {0}: {1}").format(
                content.name, layer.dataProvider().error().message() if layer.dataProvider() else ""))
            return None
        QgsProject.instance().addMapLayer(layer)
        self._message(self.tr("{0} added to the project.").format(layer.name()))
        if content.time is not None and self.tree.service_type in ("WMS", "WMTS") and self.iface is not None:
            controller = self.iface.mapCanvas().temporalController()
            if configure_temporal_controller(controller, content.time):
                self._message(self.tr("{0} added; the temporal controller steps through its time dimension.")
                              .format(layer.name()))
        return layer

    def zoom_to_selected(self):
        content = self.selected_content()
        if content is None or content.bbox_wgs84 is None or self.iface is None:
            return
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), self.map_crs(),
                                           QgsProject.instance())
        canvas = self.iface.mapCanvas()
        canvas.setExtent(transform.transformBoundingBox(QgsRectangle(*content.bbox_wgs84)))
        canvas.refresh()

    def save_current_connection(self):
        if self.tree is None:
            return
        name = self.tree.title or self.tree.url
        save_connection(self.tree.service_type, name, self.tree.url, self.authcfg(), self.tree.version)
        self._message(self.tr("Saved as the {0} connection “{1}” (Browser panel and Data Source Manager).").format(
            self.tree.service_type, name))

    def download_parameters(self):
        content = self.selected_content()
        if self.tree.service_type == "WCS":
            versions = {"1.0.0": 0, "2.0.1": 2}
            return "dataterra:download_coverage", {
                "URL": self.tree.url, "COVERAGE": content.name, "AUTHCFG": self.authcfg(),
                "VERSION": versions.get(self.tree.version, 1)}
        return "dataterra:download_features", {
            "URL": self.tree.url, "TYPENAME": content.name, "AUTHCFG": self.authcfg(),
            "VERSION": 2 if self.tree.version.startswith("2") else 1}

    def download_selected(self):
        import processing

        algorithm, parameters = self.download_parameters()
        processing.execAlgorithmDialog(algorithm, parameters)
