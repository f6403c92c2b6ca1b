"""The Data Terra catalogue dock: search the hubs, page through results, footprints,
quicklooks, metadata and per-record actions. Searches run in a QgsTask and quicklooks
arrive through asynchronous replies, so QGIS never freezes."""
import html
import os

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices, QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rasterblocks.errors import DataTerraError
from .auth import auth_headers, request_auth_config
from .core import SearchQuery
from .core.hubs import PROTOCOLS, hub_backend, load_hubs, make_backend
from .footprints import footprint_fields
from .signing import hub_signer
from .tasks import DownloadTask, QuicklookLoader, SearchTask

PAGE = 50  # records shown per list page
ALL_HUBS = "*"


class CatalogDock(QDockWidget):
    """Dock widget hosting the catalogue search."""

    OBJECT_NAME = "DataTerraCatalogDock"

    def __init__(self, iface=None, parent=None):
        super().__init__(self.tr("Data Terra catalogue"), parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.records = []
        self.matched = None
        self.page_index = 0
        self.task = None
        self.layer = None
        self.feature_ids = {}  # record index -> feature id
        self.errors = []  # messages of the catalogues that failed in the current search
        self._syncing = False
        self.loader = QuicklookLoader(parent=self)
        self.loader.loaded.connect(self._quicklook_loaded)
        try:
            self.hubs = [hub for hub in load_hubs() if hub.enabled]
        except DataTerraError as exc:
            self.hubs = []
            self._load_error = str(exc)
        self._build()

    def tr(self, text):
        return QCoreApplication.translate("CatalogDock", text)

    # --- widgets -------------------------------------------------------------------------

    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.hub_combo = QComboBox(body)
        self._fill_hub_combo()
        self.hub_combo.currentIndexChanged.connect(self._hub_changed)
        form.addRow(self.tr("Hub"), self.hub_combo)
        self.url_edit = QLineEdit(body)
        self.protocol_combo = QComboBox(body)
        self.protocol_combo.addItems(list(PROTOCOLS))
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.protocol_combo)
        form.addRow(self.tr("URL"), url_row)
        self.collection_combo = QComboBox(body)
        self.collection_combo.setEditable(True)
        form.addRow(self.tr("Collection"), self.collection_combo)
        self.text_edit = QLineEdit(body)
        form.addRow(self.tr("Text"), self.text_edit)
        dates = QHBoxLayout()
        self.use_dates = QCheckBox(self.tr("From"), body)
        self.start_edit = QDateEdit(QDate.currentDate().addYears(-1), body)
        self.end_edit = QDateEdit(QDate.currentDate(), body)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates.addWidget(self.use_dates)
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel(self.tr("to"), body))
        dates.addWidget(self.end_edit)
        form.addRow(self.tr("Dates"), dates)
        self.use_extent = QCheckBox(self.tr("Map canvas extent"), body)
        self.use_extent.setChecked(True)
        self.cloud_spin = QSpinBox(body)
        self.cloud_spin.setRange(0, 100)
        self.cloud_spin.setValue(100)
        self.cloud_spin.setSuffix(" %")
        where = QHBoxLayout()
        where.addWidget(self.use_extent)
        where.addWidget(QLabel(self.tr("Cloud cover at most"), body))
        where.addWidget(self.cloud_spin)
        form.addRow(self.tr("Where"), where)
        self.max_spin = QSpinBox(body)
        self.max_spin.setRange(1, 10000)
        self.max_spin.setValue(200)
        form.addRow(self.tr("Maximum records"), self.max_spin)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.search_button = QPushButton(self.tr("Search"), body)
        self.search_button.clicked.connect(self.search)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout.addLayout(buttons)
        self.status = QLabel(getattr(self, "_load_error", ""), body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Vertical, body)
        self.results = QListWidget(splitter)
        self.results.setIconSize(QPixmap(64, 64).size())
        self.results.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.results.itemSelectionChanged.connect(self._list_selection_changed)
        self.metadata = QTextBrowser(splitter)
        self.metadata.setOpenExternalLinks(True)
        layout.addWidget(splitter, 1)

        paging = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("Previous"), body)
        self.next_button = QPushButton(self.tr("Next"), body)
        self.page_label = QLabel(body)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page_index + 1))
        paging.addWidget(self.previous_button)
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.next_button)
        layout.addLayout(paging)

        actions = QHBoxLayout()
        self.add_services_button = QPushButton(self.tr("Add services"), body)
        self.download_button = QPushButton(self.tr("Download"), body)
        self.landing_button = QPushButton(self.tr("Open page"), body)
        self.add_services_button.clicked.connect(self.add_services)
        self.download_button.clicked.connect(self.download_selected)
        self.landing_button.clicked.connect(self.open_landing_page)
        for button in (self.add_services_button, self.download_button, self.landing_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.setWidget(body)
        self._hub_changed()
        self._update_paging()

    def _fill_hub_combo(self):
        self.hub_combo.clear()
        self.hub_combo.addItem(self.tr("All hubs"), ALL_HUBS)
        for hub in self.hubs:
            self.hub_combo.addItem(f"{hub.hub}: {hub.title}" if hub.hub else hub.title, hub.id)
        self.hub_combo.addItem(self.tr("Other catalogue (URL)"), "")

    def set_hubs(self, hubs):
        """Offer ``hubs`` (e.g. the default list plus the user's own catalogues)."""
        self.hubs = [hub for hub in hubs if hub.enabled]
        self._fill_hub_combo()

    def _hub_changed(self):
        hub = self.current_hub()
        custom = self.hub_combo.currentData() == ""
        self.url_edit.setEnabled(custom)
        self.protocol_combo.setEnabled(custom)
        self.collection_combo.clear()
        if hub is not None:
            self.collection_combo.addItems([""] + list(hub.collections))
            self.cloud_spin.setEnabled("cloud_cover" in hub.capabilities)

    def current_hub(self):
        hub_id = self.hub_combo.currentData()
        return next((hub for hub in self.hubs if hub.id == hub_id), None)

    # --- searching -----------------------------------------------------------------------

    def build_query(self):
        bbox = None
        if self.use_extent.isChecked() and self.iface is not None:
            canvas = self.iface.mapCanvas()
            transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                               QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
            try:
                extent = transform.transformBoundingBox(canvas.extent())
                bbox = (max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum()),
                        min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum()))
            except Exception:  # noqa: BLE001 - QgsCsException: search without extent
                bbox = None
        start = end = ""
        if self.use_dates.isChecked():
            start = self.start_edit.date().toString("yyyy-MM-dd")
            end = self.end_edit.date().toString("yyyy-MM-dd")
        cloud = self.cloud_spin.value() if self.cloud_spin.isEnabled() and self.cloud_spin.value() < 100 else None
        return SearchQuery(collection=self.collection_combo.currentText().strip(), bbox=bbox, start=start, end=end,
                           text=self.text_edit.text().strip(), max_cloud_cover=cloud,
                           max_records=self.max_spin.value(), page_size=100)

    def make_sources(self):
        """(backend, auth config id) pairs to search: the hub, every hub, or the URL."""
        if self.hub_combo.currentData() == ALL_HUBS:
            return [self.hub_source(hub) for hub in self.hubs]
        hub = self.current_hub()
        if hub is not None:
            return [self.hub_source(hub)]
        return [(make_backend(self.protocol_combo.currentText(), self.url_edit.text().strip()), "")]

    @staticmethod
    def hub_source(hub):
        return hub_backend(hub, headers=auth_headers(hub)), request_auth_config(hub)

    def search(self):
        """Start a search in the background (a running one is cancelled first)."""
        self.cancel()
        try:
            sources = self.make_sources()
            query = self.build_query()
        except DataTerraError as exc:
            self.status.setText(str(exc))
            return None
        self.records, self.matched, self.page_index, self.feature_ids = [], None, 0, {}
        self.errors = []
        self.loader.clear()
        self.results.clear()
        self.metadata.clear()
        self._reset_layer()
        names = ", ".join(backend.source for backend, _ in sources)
        self.status.setText(self.tr("Searching {0}…").format(names))
        self.progress.setValue(0)
        task = SearchTask(sources, query, self.layer.fields())
        task.pageReady.connect(self._page_ready)
        task.failed.connect(self._failed)
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        task.taskCompleted.connect(lambda task=task: self._finished(task, True))
        task.taskTerminated.connect(lambda task=task: self._finished(task, False))
        self.task = task
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel(self):
        if self.task is not None:
            self.status.setText(self.tr("Cancelling…"))
            try:
                self.task.cancel()
            except RuntimeError:  # the task manager already deleted the finished task
                self.task = None

    def _page_ready(self, records, features, matched):
        if self.task is None or self.task.isCanceled():  # a page that arrived after cancel
            return
        first = len(self.records)
        self.records.extend(records)
        if matched is not None and len(self.task.sources) == 1:  # totals of several hubs do not add up
            self.matched = matched
        self._add_features(first, features)
        if first // PAGE == self.page_index or len(self.records) <= PAGE:
            self.show_page(self.page_index)
        else:
            self._update_paging()

    def _failed(self, message):
        self.errors.append(message)
        self.status.setText("\n".join(self.errors))

    def _finished(self, task, ok):
        if task is not self.task:
            return
        self.task = None
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if ok:
            self.progress.setValue(100)
            found = self.tr("{0} records found.").format(len(self.records))
            self.status.setText("\n".join([found, *self.errors]))
        elif not task.error:
            self.status.setText(self.tr("Search cancelled: {0} records kept.").format(len(self.records)))

    # --- list pages ----------------------------------------------------------------------

    def page_count(self):
        return max(1, (len(self.records) + PAGE - 1) // PAGE)

    def show_page(self, index):
        index = max(0, min(index, self.page_count() - 1))
        self.page_index = index
        self._syncing = True
        self.results.clear()
        for number, record in enumerate(self.records[index * PAGE:(index + 1) * PAGE], start=index * PAGE):
            item = QListWidgetItem(f"{record.title or record.id}\n{record.start[:10]}  {record.collection}")
            item.setData(Qt.UserRole, number)
            item.setToolTip(record.id)
            self.results.addItem(item)
            if record.quicklook:
                self.loader.request(record.quicklook)
        self._syncing = False
        self._update_paging()

    def _update_paging(self):
        total = self.tr("unknown") if self.matched is None else str(self.matched)
        self.page_label.setText(self.tr("Page {0}/{1}, {2} records loaded, {3} matched").format(
            self.page_index + 1, self.page_count(), len(self.records), total))
        self.previous_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index + 1 < self.page_count())

    def _quicklook_loaded(self, url, image):
        icon = QIcon(QPixmap.fromImage(image))
        for row in range(self.results.count()):
            item = self.results.item(row)
            if self.records[item.data(Qt.UserRole)].quicklook == url:
                item.setIcon(icon)

    # --- footprints layer --------------------------------------------------------------

    def _reset_layer(self):
        project = QgsProject.instance()
        if self.layer is not None and project.mapLayer(self.layer.id()) is not None:
            self.layer.dataProvider().truncate()
            self.layer.triggerRepaint()
            return
        self.layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", self.tr("Data Terra footprints"), "memory")
        self.layer.dataProvider().addAttributes(footprint_fields())
        self.layer.updateFields()
        fill = self.layer.renderer().symbol().symbolLayer(0)
        fill.setFillColor(QColor(31, 120, 180, 40))  # translucent: overlapping footprints stay readable
        fill.setStrokeColor(QColor(31, 120, 180))
        labels = QgsPalLayerSettings()
        labels.fieldName = "title"
        self.layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
        self.layer.setLabelsEnabled(False)
        self.layer.selectionChanged.connect(self._layer_selection_changed)
        project.addMapLayer(self.layer)

    def _add_features(self, first, features):
        if self.layer is None:
            return
        ok, added = self.layer.dataProvider().addFeatures(features)
        if ok:
            for offset, feature in enumerate(added):
                self.feature_ids[first + offset] = feature.id()
        self.layer.updateExtents()
        self.layer.triggerRepaint()

    def _list_selection_changed(self):
        if self._syncing:
            return
        numbers = [item.data(Qt.UserRole) for item in self.results.selectedItems()]
        if numbers:
            self.show_metadata(self.records[numbers[0]])
        if self.layer is not None:
            self._syncing = True
            self.layer.selectByIds([self.feature_ids[n] for n in numbers if n in self.feature_ids])
            self._syncing = False

    def _layer_selection_changed(self, selected, *_):
        if self._syncing:
            return
        chosen = set(self.layer.selectedFeatureIds())
        numbers = sorted(n for n, fid in self.feature_ids.items() if fid in chosen)
        if numbers and not any(self.page_index * PAGE <= n < (self.page_index + 1) * PAGE for n in numbers):
            self.show_page(numbers[0] // PAGE)
        self._syncing = True
        for row in range(self.results.count()):
            item = self.results.item(row)
            item.setSelected(item.data(Qt.UserRole) in numbers)
        self._syncing = False
        if numbers:
            self.show_metadata(self.records[numbers[0]])

    # --- metadata and actions ----------------------------------------------------------

    def selected_records(self):
        return [self.records[item.data(Qt.UserRole)] for item in self.results.selectedItems()]

    def show_metadata(self, record):
        e = html.escape
        rows = [(self.tr("Identifier"), record.id), (self.tr("Collection"), record.collection),
                (self.tr("Dates"), f"{record.start} – {record.end}"), (self.tr("Platform"), record.platform),
                (self.tr("Instrument"), record.instrument),
                (self.tr("Cloud cover"), "" if record.cloud_cover is None else f"{record.cloud_cover:.1f} %"),
                (self.tr("Licence"), record.licence), (self.tr("Contact"), record.contact)]
        links = "".join(f'<li><a href="{e(link.href)}">{e(link.title or link.rel or link.href)}</a> '
                        f'{e(link.protocol or link.type)}</li>' for link in record.links
                        if link.href.startswith(("http://", "https://")))
        self.metadata.setHtml(
            f"<h3>{e(record.title or record.id)}</h3><p>{e(record.abstract)}</p><table>"
            + "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows if v)
            + f"</table><ul>{links}</ul>")

    def add_services(self):
        """Add the WMS/WMTS/WFS/WCS links of the selected records as layers."""
        added = 0
        for record in self.selected_records():
            for link in record.service_links():
                layer = service_layer(link)
                if layer is not None and layer.isValid():
                    QgsProject.instance().addMapLayer(layer)
                    added += 1
        self.status.setText(self.tr("{0} service layers added.").format(added))

    def download_selected(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Download to"))
        if not folder:
            return
        hubs = {hub.id: hub for hub in self.hubs}
        for record in self.selected_records():
            try:
                headers = auth_headers(hubs[record.source]) if record.source in hubs else {}
                sign = hub_signer(hubs[record.source]) if record.source in hubs else None
            except DataTerraError as exc:
                self.status.setText(str(exc))
                return
            for link in record.download_links():
                name = os.path.basename(QUrl(link.href).path()) or f"{record.id}.bin"
                task = DownloadTask(link.href, os.path.join(folder, name), link.checksum, headers, sign)
                QgsApplication.taskManager().addTask(task)

    def open_landing_page(self):
        for record in self.selected_records()[:5]:
            link = next((candidate for candidate in record.links
                         if candidate.rel in ("alternate", "landing", "self", "describedby")
                         and candidate.href.startswith(("http://", "https://"))), None)
            if link is not None:
                QDesktopServices.openUrl(QUrl(link.href))


def service_uri(link):
    """(provider key, data source URI) for an OGC service link, or None.

    Records often carry GetCapabilities or GetMap query strings, or repeat SERVICE=; the
    base URL is rebuilt from scheme, host and path, and the layer name comes from the
    link's name/title, since a QGIS data source needs both.
    """
    from urllib.parse import quote, urlsplit

    kind = next((k for k in ("WMTS", "WMS", "WFS", "WCS") if k in (link.protocol or "").upper()
                 or f"SERVICE={k}" in link.href.upper()), None)
    name = (link.title or "").strip()
    split = urlsplit(link.href.strip())
    if kind is None or not name or split.scheme not in ("http", "https") or not split.netloc:
        return None
    base = f"{split.scheme}://{split.netloc}{split.path}"
    if kind == "WMS":
        return "wms", f"contextualWMSLegend=0&crs=EPSG:4326&format=image/png&layers={name}&styles=&url={base}"
    if kind == "WMTS":
        capabilities = quote(f"{base}?SERVICE=WMTS&REQUEST=GetCapabilities", safe="")
        return "wms", f"format=image/png&layers={name}&styles=default&tileMatrixSet=EPSG:4326&url={capabilities}"
    if kind == "WFS":
        return "WFS", f"{base}?service=WFS&request=GetFeature&typename={name}"
    return "wcs", f"identifier={name}&url={base}"


def service_layer(link):
    """A QGIS layer for an OGC service link, or None when the link cannot make one."""
    found = service_uri(link)
    if found is None:
        return None
    provider, uri = found
    if provider == "WFS":
        return QgsVectorLayer(uri, link.title, provider)
    return QgsRasterLayer(uri, link.title, provider)
