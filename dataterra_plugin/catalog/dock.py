"""The Data Terra catalogue dock: search the hubs, page through results, footprints,
quicklooks, metadata and per-record actions. Searches run in a QgsTask and quicklooks
arrive through asynchronous replies, so QGIS never freezes."""
import dataclasses
import gc
import html
import os

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsMessageLog,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.gui import QgsAuthConfigSelect, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon, QImage, QPixmap
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

from ...rasterblocks.errors import QT_TRANSLATE_NOOP, DataTerraError
from ..net.qgis_transport import QgisTransport
from ..net.core.safe_paths import download_path
from .auth import hub_credentials
from .core import SearchQuery
from .catalogues_dialog import all_catalogues
from .core.errors import CatalogError
from .core.hubs import PROTOCOLS, hub_backend, make_backend
from .core.streaming import probe_tiff, refuse_credentials, streamable_links, vsicurl_source
from .footprints import footprint_fields, record_geometry
from .search_area import PolygonTool, RectangleTool, SearchArea, area_band, remove_canvas_items
from .signing import hub_signer
from .tasks import DownloadTask, QuicklookLoader, SearchTask
from ..i18n import data_label, error_text
from ..net.core.credentials import Credentials
from ..styles import style_footprints
from ..ui.widgets import compact_combo

PAGE = 50  # records shown per list page
LABELS_FROM_SCALE = 2_000_000  # footprint titles shown at 1:2,000,000 and closer
MAP_QUICKLOOKS = 10  # at most this many selected records get their quicklook on the map
ALL_HUBS = "*"
CUSTOM_URL = ""
AUTH_SETTINGS = "dataterra/catalog/auth_config/"  # + hub id: the QgsAuthManager config id only
LAST_CHOICES = "dataterra/catalog/last/"  # + hub, area, shape, shape_crs: where the user searched last

# where to search (area_combo data)
ANYWHERE, CANVAS, RECTANGLE, POLYGON, LAYER = "anywhere", "canvas", "rectangle", "polygon", "layer"


def saved_auth_config(hub_id):
    """The auth configuration id the user chose for ``hub_id`` in the dock, or None."""
    value = QgsSettings().value(AUTH_SETTINGS + hub_id, None)
    return None if value is None else str(value)


def save_auth_config(hub_id, config_id):
    """Remember the auth configuration id (never a secret: QGIS keeps those encrypted)."""
    QgsSettings().setValue(AUTH_SETTINGS + hub_id, config_id or "")


class CatalogDock(QDockWidget):
    """Dock widget hosting the catalogue search."""

    OBJECT_NAME = "DataTerraCatalogDock"

    def __init__(self, iface=None, parent=None, canvas=None):
        super().__init__(self.tr("Data Terra catalogue"), parent)
        self.iface = iface
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.drawn_area = None  # SearchArea of the last rectangle or polygon drawn
        self._restoring = True  # while the widgets are built and the last choices restored
        self.page_size = 100  # records asked per request (backends cap it further)
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.records = []
        self.matched = None
        self.page_index = 0
        self.task = None
        self.layer = None
        self.feature_ids = {}  # record index -> feature id
        self.quicklook_layers = {}  # record index -> id of its quicklook raster layer on the map
        self.errors = []  # messages of the catalogues that failed in the current search
        self.status_line = ""  # the status without the errors (see _show_status)
        self.source_states = []  # per catalogue searched: [title, state, found, matched]
        self.downloads = []  # DownloadTasks on their way (kept so their signals reach the dock)
        self.downloaded = []  # paths of the finished downloads QGIS can open, offered on the map
        self._syncing = False
        self.loader = QuicklookLoader(parent=self)
        self.loader.loaded.connect(self._quicklook_loaded)
        self.loader.idle.connect(self._release_collector)
        self.collector_frozen = False
        try:
            self.hubs = [hub for hub in all_catalogues() if hub.enabled]
        except DataTerraError as exc:
            self.hubs = []
            self._load_error = error_text(exc)
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
        self.catalogues_button = QPushButton(self.tr("My catalogues…"), body)
        self.catalogues_button.setToolTip(self.tr("Add, edit, remove, import or export your own catalogues"))
        self.catalogues_button.clicked.connect(lambda: self.manage_catalogues())
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.hub_combo, 1)
        hub_row.addWidget(self.catalogues_button)
        form.addRow(self.tr("Hub"), hub_row)
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
        form.addRow(self.tr("Where"), self._build_area(body))
        self.cloud_spin = QSpinBox(body)
        self.cloud_spin.setRange(0, 100)
        self.cloud_spin.setValue(100)
        self.cloud_spin.setSuffix(" %")
        form.addRow(self.tr("Cloud cover at most"), self.cloud_spin)
        self.auth_select = QgsAuthConfigSelect(body)
        self.auth_select.setToolTip(self.tr(
            "QGIS authentication configuration used for this hub (Settings > Options > Authentication). "
            "Only its id is remembered; the login or API key stays encrypted in the QGIS authentication database."))
        self.auth_select.selectedConfigIdChanged.connect(self._auth_changed)
        form.addRow(self.tr("Authentication"), self.auth_select)
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
        self.hub_progress = QLabel(body)  # one line per catalogue when several are searched
        self.hub_progress.setVisible(False)
        layout.addWidget(self.hub_progress)

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
        self.stream_button = QPushButton(self.tr("Stream to the map"), body)
        self.stream_button.setToolTip(self.tr("Adds the selected GeoTIFF / Cloud Optimized GeoTIFF files as layers "
                                              "read over the network, without downloading them"))
        self.stream_button.clicked.connect(lambda: self.stream_selected())
        self.landing_button = QPushButton(self.tr("Open page"), body)
        self.add_services_button.clicked.connect(self.add_services)
        self.download_button.clicked.connect(self.download_selected)
        self.landing_button.clicked.connect(self.open_landing_page)
        self.add_downloaded_button = QPushButton(self.tr("Add downloaded files to the map"), body)
        self.add_downloaded_button.clicked.connect(self.add_downloaded_files)
        self.add_downloaded_button.setVisible(False)
        for button in (self.add_services_button, self.stream_button, self.download_button, self.landing_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        layout.addWidget(self.add_downloaded_button)
        self.map_quicklooks = QCheckBox(self.tr("Quicklooks of the selected records on the map"), body)
        self.map_quicklooks.setToolTip(self.tr(
            "Shows the thumbnail of each selected record (ten at most) stretched over its footprint's "
            "bounding box. Thumbnails are not orthorectified: use them to judge clouds and coverage, "
            "not for measurements."))
        self.map_quicklooks.toggled.connect(lambda *_: self._update_map_quicklooks())
        layout.addWidget(self.map_quicklooks)
        self.setWidget(body)
        self._restoring = True
        self._hub_changed()
        self._update_paging()
        self._update_actions()
        self._restore_choices()
        self._area_changed()
        self._restoring = False

    def _restore_choices(self):
        """The hub and the area of the last session (a drawn area comes back drawn)."""
        settings = QgsSettings()
        index = self.hub_combo.findData(settings.value(LAST_CHOICES + "hub", None))
        if index >= 0:
            self.hub_combo.setCurrentIndex(index)
        mode = settings.value(LAST_CHOICES + "area", None)
        shape = settings.value(LAST_CHOICES + "shape", "")
        if mode in (RECTANGLE, POLYGON) and shape:
            crs = QgsCoordinateReferenceSystem(settings.value(LAST_CHOICES + "shape_crs", "EPSG:4326"))
            self.drawn_area = SearchArea.from_geometry(QgsGeometry.fromWkt(shape), crs, polygon=mode == POLYGON)
        index = self.area_combo.findData(mode)
        if index >= 0:
            self.area_combo.setCurrentIndex(index)

    def _remember_choices(self):
        if self._restoring:
            return
        settings = QgsSettings()
        settings.setValue(LAST_CHOICES + "hub", self.hub_combo.currentData())
        settings.setValue(LAST_CHOICES + "area", self.area_combo.currentData())
        drawn = self.drawn_area
        settings.setValue(LAST_CHOICES + "shape", drawn.shape.asWkt() if drawn is not None else "")
        settings.setValue(LAST_CHOICES + "shape_crs", drawn.crs.authid() if drawn is not None else "")

    def _build_area(self, body):
        row = QHBoxLayout()
        self.area_combo = QComboBox(body)
        for label, mode in ((self.tr("Anywhere"), ANYWHERE), (self.tr("Map canvas extent"), CANVAS),
                            (self.tr("Rectangle drawn on the map"), RECTANGLE),
                            (self.tr("Polygon drawn on the map"), POLYGON), (self.tr("Extent of a layer"), LAYER)):
            self.area_combo.addItem(label, mode)
        self.area_combo.setToolTip(self.tr(
            "Where to search. Draw a rectangle by dragging on the map; draw a polygon by clicking its "
            "vertices and close it with a right click or a double click. Catalogues are searched by the "
            "polygon itself where they accept a geometry (STAC API); the others (CSW, OpenSearch, "
            "OGC API Records, OpenDataSoft) are searched by its bounding box and the records whose "
            "footprint misses the polygon are then left out, so their total count may be higher than "
            "the records listed."))
        self.area_combo.setCurrentIndex(self.area_combo.findData(CANVAS))
        compact_combo(self.area_combo)
        self.area_combo.currentIndexChanged.connect(self._area_changed)
        self.draw_button = QPushButton(self.tr("Draw"), body)
        self.draw_button.setToolTip(self.tr("Draw the search area on the map"))
        self.draw_button.clicked.connect(self.start_drawing)
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.HasGeometry | QgsMapLayerProxyModel.RasterLayer)
        row.addWidget(self.area_combo, 1)
        row.addWidget(self.draw_button)
        row.addWidget(self.layer_combo, 1)
        self.area_band = self.rectangle_tool = self.polygon_tool = None
        if self.canvas is not None:
            self.area_band = area_band(self.canvas)
            self.rectangle_tool = RectangleTool(self.canvas)
            self.polygon_tool = PolygonTool(self.canvas)
            for tool in (self.rectangle_tool, self.polygon_tool):
                tool.drawn.connect(self.set_drawn_geometry)
            # the rubber bands belong to the canvas: take them off when the dock goes
            items = [self.area_band, self.rectangle_tool.band, self.polygon_tool.band]
            tools = [self.rectangle_tool, self.polygon_tool]
            canvas = self.canvas
            self.destroyed.connect(lambda *_: remove_canvas_items(canvas, items, tools))
            self.visibilityChanged.connect(self._dock_visibility_changed)
        return row

    def _area_changed(self):
        mode = self.area_combo.currentData()
        drawing = mode in (RECTANGLE, POLYGON)
        self.draw_button.setVisible(drawing)
        self.draw_button.setEnabled(self.canvas is not None)
        self.layer_combo.setVisible(mode == LAYER)
        if self.drawn_area is not None and self.drawn_area.is_polygon != (mode == POLYGON):
            self.drawn_area = None  # a rectangle is not a polygon search, and the reverse
        self._show_area()
        self._remember_choices()
        if not drawing:
            self._stop_drawing()  # else dragging on the map still draws a rectangle
        elif self.drawn_area is None and self.canvas is not None and not self._restoring:
            self.start_drawing()  # not when the dock opens: the map stays the user's

    def _stop_drawing(self):
        """Give the map back to the user's tool when one of the dock's tools holds it."""
        if self.canvas is None:
            return
        for tool in (self.rectangle_tool, self.polygon_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)

    def _dock_visibility_changed(self, visible):
        """A closed dock leaves neither its search area on the map nor its tool active."""
        self.area_band.setVisible(visible)
        if not visible:
            self._stop_drawing()

    def start_drawing(self):
        """Hand the map to the rectangle or polygon tool."""
        if self.canvas is None:
            return
        tool = self.polygon_tool if self.area_combo.currentData() == POLYGON else self.rectangle_tool
        self.canvas.setMapTool(tool)
        if self.area_combo.currentData() == POLYGON:
            message = self.tr("Click the polygon's vertices on the map; right click or double click to close it.")
        else:
            message = self.tr("Drag a rectangle on the map.")
        self.status.setText(message)

    def set_drawn_geometry(self, geometry, crs=None):
        """Use ``geometry`` (in the canvas CRS unless ``crs`` is given) as the search area."""
        crs = crs or self.canvas.mapSettings().destinationCrs()
        area = SearchArea.from_geometry(geometry, crs, polygon=self.area_combo.currentData() == POLYGON)
        if area is None:
            self.status.setText(self.tr("The drawn area cannot be expressed in longitude/latitude: draw it again."))
            return
        self.drawn_area = area
        self._show_area()
        self._remember_choices()
        self.status.setText(self.tr("Search area: {0:.4f}, {1:.4f} to {2:.4f}, {3:.4f} (degrees).").format(*area.bbox))

    def _show_area(self):
        """Draw the area searched on the map (the drawn shape, in red)."""
        if self.area_band is None:
            return
        self.area_band.reset(QgsWkbTypes.PolygonGeometry)
        if self.drawn_area is not None and self.area_combo.currentData() in (RECTANGLE, POLYGON):
            self.area_band.setToGeometry(self.drawn_area.shape, self.drawn_area.crs)

    def search_area(self):
        """The SearchArea of the chosen mode, or None for anywhere; raises DataTerraError when
        the chosen area is missing."""
        mode = self.area_combo.currentData()
        if mode == ANYWHERE:
            return None
        if mode == CANVAS:
            if self.canvas is None:
                return None
            return self._area_or_error(QgsGeometry.fromRect(self.canvas.extent()),
                                       self.canvas.mapSettings().destinationCrs())
        if mode == LAYER:
            layer = self.layer_combo.currentLayer()
            if layer is None:
                raise DataTerraError(self.tr("Choose the layer whose extent is searched."))
            return self._area_or_error(QgsGeometry.fromRect(layer.extent()), layer.crs())
        if self.drawn_area is None:
            raise DataTerraError(self.tr("Draw the search area on the map first (button Draw)."))
        return self.drawn_area

    def _area_or_error(self, geometry, crs):
        area = SearchArea.from_geometry(geometry, crs)
        if area is None:
            raise DataTerraError(self.tr("The search area cannot be expressed in longitude/latitude: "
                                         "zoom in or choose another area."))
        return area

    def _fill_hub_combo(self):
        self.hub_combo.clear()
        self.hub_combo.addItem(self.tr("All hubs"), ALL_HUBS)
        for hub in self.hubs:
            title = data_label(hub.title)
            self.hub_combo.addItem(f"{hub.hub}: {title}" if hub.hub else title, hub.id)
        self.hub_combo.addItem(self.tr("Other catalogue (URL)"), CUSTOM_URL)
        compact_combo(self.hub_combo)

    def manage_catalogues(self, dialog=None):
        """Open the user's catalogues dialog (or take ``dialog``, already used); the hub list
        then follows what was changed there."""
        from .catalogues_dialog import CataloguesDialog

        if dialog is None:
            CataloguesDialog(self).exec_()
        current = self.hub_combo.currentData()
        try:
            self.set_hubs(all_catalogues())
        except DataTerraError as exc:
            self.status.setText(error_text(exc))
            return
        index = self.hub_combo.findData(current)
        self.hub_combo.setCurrentIndex(max(index, 0))

    def set_hubs(self, hubs):
        """Offer ``hubs`` (e.g. the default list plus the user's own catalogues)."""
        self.hubs = [hub for hub in hubs if hub.enabled]
        self._fill_hub_combo()

    def _hub_changed(self):
        hub = self.current_hub()
        custom = self.hub_combo.currentData() == CUSTOM_URL
        self.url_edit.setEnabled(custom)
        self.protocol_combo.setEnabled(custom)
        self.collection_combo.clear()
        if hub is not None:
            self.collection_combo.addItems([""] + list(hub.collections))
            self.cloud_spin.setEnabled("cloud_cover" in hub.capabilities)
        # "all hubs" searches each hub with the configuration chosen for it earlier
        self.auth_select.setEnabled(self.hub_combo.currentData() != ALL_HUBS)
        self._loading_auth = True
        self.auth_select.setConfigId(self.auth_config_of(self.hub_combo.currentData()) or "")
        self._loading_auth = False
        self._remember_choices()

    def auth_config_of(self, hub_id):
        """The auth configuration id for a hub: the user's choice in the dock, else the hub
        list's ``auth_config``."""
        saved = saved_auth_config(hub_id or "custom")
        if saved is not None:
            return saved
        hub = next((hub for hub in self.hubs if hub.id == hub_id), None)
        return hub.auth_config if hub is not None else ""

    def _auth_changed(self, config_id):
        hub_id = self.hub_combo.currentData()
        if getattr(self, "_loading_auth", False) or hub_id == ALL_HUBS:
            return
        save_auth_config(hub_id or "custom", config_id)

    def effective_hub(self, hub):
        """``hub`` with the auth configuration the user chose for it."""
        return dataclasses.replace(hub, auth_config=self.auth_config_of(hub.id))

    def current_hub(self):
        hub_id = self.hub_combo.currentData()
        return next((hub for hub in self.hubs if hub.id == hub_id), None)

    # --- searching -----------------------------------------------------------------------

    def build_query(self, area=None):
        """The SearchQuery of the form; ``area`` (SearchArea or None) gives its bbox."""
        bbox = area.bbox if area is not None else None
        start = end = ""
        if self.use_dates.isChecked():
            start = self.start_edit.date().toString("yyyy-MM-dd")
            end = self.end_edit.date().toString("yyyy-MM-dd")
        cloud = self.cloud_spin.value() if self.cloud_spin.isEnabled() and self.cloud_spin.value() < 100 else None
        return SearchQuery(collection=self.collection_combo.currentText().strip(), bbox=bbox, start=start, end=end,
                           text=self.text_edit.text().strip(), max_cloud_cover=cloud,
                           max_records=self.max_spin.value(), page_size=self.page_size)

    def make_sources(self):
        """(backend, credentials bound to its origin) pairs to search: the hub, every hub, or the URL."""
        if self.hub_combo.currentData() == ALL_HUBS:
            return [self.hub_source(self.effective_hub(hub)) for hub in self.hubs]
        hub = self.current_hub()
        if hub is not None:
            return [self.hub_source(self.effective_hub(hub))]
        url = self.url_edit.text().strip()
        return [(make_backend(self.protocol_combo.currentText(), url),
                 Credentials(url, auth_config=self.auth_config_of(CUSTOM_URL)))]

    @staticmethod
    def hub_source(hub):
        return hub_backend(hub), hub_credentials(hub)

    def search(self):
        """Start a search in the background (a running one is cancelled first)."""
        self.cancel()
        try:
            sources = self.make_sources()
            area = self.search_area()
            query = self.build_query(area)
        except DataTerraError as exc:
            self.status.setText(error_text(exc))
            return None
        self.records, self.matched, self.page_index, self.feature_ids = [], None, 0, {}
        self.errors = []
        self.loader.clear()
        self.results.clear()
        self.metadata.clear()
        self._reset_layer()
        names = ", ".join(backend.source for backend, _ in sources)
        self._show_status(self.tr("Searching {0}…").format(names))
        self.progress.setValue(0)
        self.source_states = [[self.source_title(backend.source), "waiting", 0, None] for backend, _ in sources]
        self._show_hub_progress()
        self._hold_collector()
        task = SearchTask(sources, query, self.layer.fields(), area=area)
        task.pageReady.connect(self._page_ready)
        task.failed.connect(self._failed)
        task.sourceProgress.connect(self._source_progress)
        # bound methods, not lambdas: Qt drops these connections when the dock is deleted
        # (plugin unloaded during the search), so a late signal finds no dead widget
        task.progressChanged.connect(self._search_progress)
        task.taskCompleted.connect(self._search_completed)
        task.taskTerminated.connect(self._search_terminated)
        self.task = task
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel(self):
        """Cancel the running search; the button greys out until the task has stopped."""
        if self.task is not None:
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            try:
                self.task.cancel()
            except RuntimeError:  # the task manager already deleted the finished task
                self.task = None
                self.search_button.setEnabled(True)

    def _page_ready(self, records, features, matched):
        if self.task is None or self.task.isCanceled():  # a page that arrived after cancel
            return
        first = len(self.records)
        self.records.extend(records)
        if matched is not None and len(self.task.sources) == 1:  # several hubs: summed in _source_progress
            self.matched = matched
        self._add_features(first, features)
        if first // PAGE == self.page_index or len(self.records) <= PAGE:
            self.show_page(self.page_index)
        else:
            self._update_paging()

    def source_title(self, source):
        """The title of the hub whose id is ``source``, or ``source`` itself (a URL)."""
        return next((data_label(hub.title) for hub in self.hubs if hub.id == source), source)

    def _source_progress(self, number, state, found, matched):
        if self.task is None or self.sender() is not self.task:  # a late signal of a cancelled search
            return
        self.source_states[number][1:] = [state, found, matched]
        totals = [matched for _, _, _, matched in self.source_states]
        if len(totals) > 1 and None not in totals:  # the hubs' records are distinct: their totals add up
            self.matched = sum(totals)
            self._update_paging()
        self._show_hub_progress()

    def _show_hub_progress(self):
        """One line per catalogue when several are searched: waiting, searching (records so
        far), "n of N found" or failed."""
        lines = [self.hub_progress_line(*state) for state in self.source_states]
        self.hub_progress.setText("\n".join(lines))
        self.hub_progress.setVisible(len(lines) > 1)

    def hub_progress_line(self, title, state, found, matched):
        if state == "waiting":
            return self.tr("{0}: waiting").format(title)
        if state == "failed":
            return self.tr("{0}: failed (the reason is in the tooltip above)").format(title)
        if state == "searching":
            if matched is None:
                return self.tr("{0}: searching… {1} found").format(title, found)
            return self.tr("{0}: searching… {1} of {2} found").format(title, found, matched)
        if matched is None:
            return self.tr("{0}: {1} found").format(title, found)
        return self.tr("{0}: {1} of {2} found").format(title, found, matched)

    def _failed(self, message):
        self.errors.append(message)
        QgsMessageLog.logMessage(message, "Data Terra", Qgis.Warning)
        self._show_status(self.status_line)

    def _show_status(self, text):
        """``text`` then the catalogues' errors: in full when one failed, else one line (the
        messages in the tooltip and the QGIS log), so that offline hubs do not push the
        results out of view."""
        self.status_line = text
        lines = [text] if text else []
        if len(self.errors) == 1:
            lines.append(self.errors[0])
        elif self.errors:
            lines.append(self.tr("Catalogues that could not be searched: {0} (the reasons are in the "
                                 "tooltip and in the Data Terra log).").format(len(self.errors)))
        self.status.setText("\n".join(lines))
        self.status.setToolTip("\n\n".join(self.errors))

    def shutdown(self):
        """Stop the search and the quicklooks and thaw the collector (plugin unload)."""
        self.cancel()
        self.loader.clear()
        if self.collector_frozen:
            gc.unfreeze()
            self.collector_frozen = False

    def _hold_collector(self):
        """Spare QGIS's objects from full garbage collections while this search and its
        quicklooks run (see spare_qgis_from_full_collections)."""
        if not self.collector_frozen:
            spare_qgis_from_full_collections()
            self.collector_frozen = True

    def _release_collector(self):
        """Hand every object back to the collector once the search and its quicklooks are
        done, so that garbage cycles of the session are still reclaimed later."""
        if self.collector_frozen and self.task is None and self.loader.is_idle():
            gc.unfreeze()
            self.collector_frozen = False

    def _search_progress(self, value):
        self.progress.setValue(int(value))

    def _search_completed(self):
        self._finished(self.sender(), True)

    def _search_terminated(self):
        self._finished(self.sender(), False)

    def _finished(self, task, ok):
        if task is not self.task:
            return
        self.task = None
        self._release_collector()
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if ok:
            self.progress.setValue(100)
            found = self.tr("Records found: {0}.").format(len(self.records))
            if task.dropped:
                found += " " + self.tr("Records left out because their footprint misses the polygon: {0}.").format(
                    task.dropped)
            self._show_status(found)
        elif not task.error:
            self.status.setText(self.tr("Search cancelled; records kept: {0}.").format(len(self.records)))
        if not self.records:
            self._remove_footprints_layer()  # no empty layer in the project when nothing was found

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
        self._update_actions()

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
        if self.map_quicklooks.isChecked():
            self._update_map_quicklooks()

    # --- quicklooks on the map -----------------------------------------------------------

    def selected_numbers(self):
        return sorted(item.data(Qt.UserRole) for item in self.results.selectedItems())

    def _update_map_quicklooks(self):
        """Quicklook layers for the selected records (when asked), none for the others."""
        wanted = self.selected_numbers()[:MAP_QUICKLOOKS] if self.map_quicklooks.isChecked() else []
        for number in [n for n in self.quicklook_layers if n not in wanted]:
            self._remove_quicklook_layer(number)
        for number in wanted:
            if number not in self.quicklook_layers:
                self._add_quicklook_layer(number)

    def _add_quicklook_layer(self, number):
        record = self.records[number]
        footprint = record_geometry(record)
        if not record.quicklook.startswith(("http://", "https://")) or footprint.isEmpty():
            return
        image_path = self.loader.cache_path(record.quicklook)
        if not os.path.exists(image_path):
            self.loader.request(record.quicklook)  # back here through _quicklook_loaded
            return
        image = QImage(image_path)
        if image.isNull():
            return
        write_world_file(image_path, image.width(), image.height(), footprint.boundingBox())
        layer = QgsRasterLayer(image_path, self.tr("Quicklook {0}").format(record.title or record.id), "gdal")
        if not layer.isValid():
            return
        layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        # Registered before adding: addMapLayer may process events (a signal handler of
        # QGIS or of another plugin), which can bring another quicklook back here for the
        # same record, or take this one off the map.
        self.quicklook_layers[number] = layer.id()
        QgsProject.instance().addMapLayer(layer)
        if self.quicklook_layers.get(number) != layer.id():
            QgsProject.instance().removeMapLayer(layer.id())

    def _remove_quicklook_layer(self, number):
        layer_id = self.quicklook_layers.pop(number)
        if QgsProject.instance().mapLayer(layer_id) is not None:
            QgsProject.instance().removeMapLayer(layer_id)

    def _remove_quicklook_layers(self):
        for number in list(self.quicklook_layers):
            self._remove_quicklook_layer(number)

    # --- footprints layer --------------------------------------------------------------

    def _reset_layer(self):
        self._remove_quicklook_layers()
        project = QgsProject.instance()
        if self.layer is not None and project.mapLayer(self.layer.id()) is not None:
            self.layer.dataProvider().truncate()
            self.layer.triggerRepaint()
            return
        self.layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", self.tr("Data Terra footprints"), "memory")
        self.layer.dataProvider().addAttributes(footprint_fields())
        self.layer.updateFields()
        style_footprints(self.layer)
        labels = QgsPalLayerSettings()
        labels.fieldName = "title"
        # labelled once zoomed in: a country-wide view of a thousand titles is unreadable
        labels.scaleVisibility = True
        labels.minimumScale = LABELS_FROM_SCALE
        labels.maximumScale = 0
        self.layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
        self.layer.setLabelsEnabled(True)
        self.layer.selectionChanged.connect(self._layer_selection_changed)
        project.addMapLayer(self.layer)

    def _remove_footprints_layer(self):
        if self.layer is not None and QgsProject.instance().mapLayer(self.layer.id()) is not None:
            QgsProject.instance().removeMapLayer(self.layer.id())
        self.layer = None

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
        self._update_map_quicklooks()
        self._update_actions()

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
        self._update_map_quicklooks()
        self._update_actions()

    # --- metadata and actions ----------------------------------------------------------

    def selected_records(self):
        return [self.records[item.data(Qt.UserRole)] for item in self.results.selectedItems()]

    def _update_actions(self):
        """Each action only when a selected record offers what it needs."""
        records = self.selected_records()
        self.add_services_button.setEnabled(any(record.service_links() for record in records))
        self.download_button.setEnabled(any(record.download_links() for record in records))
        self.stream_button.setEnabled(any(streamable_links(record) for record in records))
        self.landing_button.setEnabled(any(landing_link(record) for record in records))

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
        self.status.setText(self.tr("Service layers added: {0}.").format(added))

    def stream_selected(self):
        """Add the selected records' (Geo)TIFF files as layers GDAL streams; those that cannot
        be streamed safely are named with the reason (download them instead)."""
        hubs = {hub.id: self.effective_hub(hub) for hub in self.hubs}
        added, refused = [], []
        for record in self.selected_records():
            for link in streamable_links(record):
                try:
                    layer = self.streamed_layer(record, link, hubs.get(record.source))
                except DataTerraError as exc:
                    refused.append(error_text(exc))
                    continue
                QgsProject.instance().addMapLayer(layer)
                added.append(layer)
        lines = [self.tr("Streamed layers added: {0}.").format(len(added))] + refused
        self.status.setText("\n".join(lines))
        return added

    def streamed_layer(self, record, link, hub):
        """A raster layer streaming ``link`` (``/vsicurl/``), once it is known that its source
        holds no credential and that the server sends byte ranges of a TIFF."""
        credentials = hub_credentials(hub) if hub is not None else None
        refuse_credentials(link.href, bool(credentials) and credentials.applies_to(link.href),
                           hub is not None and bool((hub.options or {}).get("signing_url")))
        probe_tiff(link.href, QgisTransport(error_class=CatalogError))
        name = f"{record.title or record.id} – {link.title}" if link.title else (record.title or record.id)
        layer = QgsRasterLayer(vsicurl_source(link.href), name, "gdal")
        if not layer.isValid():
            raise CatalogError(QT_TRANSLATE_NOOP("DataTerraError", "GDAL could not open {url} as a raster: download "
                                                 "it instead."), url=link.href)
        return layer

    def download_selected(self, folder=None):
        """Download the selected records' files into ``folder`` (asked when not given)."""
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Download to"))
        if not folder:
            return
        hubs = {hub.id: self.effective_hub(hub) for hub in self.hubs}
        for record in self.selected_records():
            try:
                credentials = hub_credentials(hubs[record.source]) if record.source in hubs else None
                sign = hub_signer(hubs[record.source]) if record.source in hubs else None
            except DataTerraError as exc:
                self.status.setText(error_text(exc))
                return
            for link in record.download_links():
                try:
                    path = download_path(folder, link.href, f"{record.id}.bin")
                except DataTerraError as exc:
                    self.status.setText(error_text(exc))
                    continue
                name = path.name
                task = DownloadTask(link.href, str(path), link.checksum, sign=sign, credentials=credentials)
                self.downloads.append(task)
                task.taskCompleted.connect(lambda task=task: self._download_finished(task, True))
                task.taskTerminated.connect(lambda task=task: self._download_finished(task, False))
                QgsApplication.taskManager().addTask(task)
                self.status.setText(self.tr("Downloading {0}…").format(name))

    def _download_finished(self, task, ok):
        """Say how a download ended; a file QGIS can open is offered on the map."""
        if task in self.downloads:
            self.downloads.remove(task)
        name = os.path.basename(task.path)
        if not ok:
            reason = task.error or self.tr("cancelled")
            self.status.setText(self.tr("The download of {0} failed: {1}").format(name, reason))
            QgsMessageLog.logMessage(self.status.text(), "Data Terra", Qgis.Warning)
            return
        message = self.tr("Downloaded {0} to {1}.").format(name, os.path.dirname(task.path))
        if file_layer(task.path) is not None:
            self.downloaded.append(task.path)
            self.add_downloaded_button.setVisible(True)
            message += " " + self.tr("It can be added to the map (button below).")
        self.status.setText(message)

    def add_downloaded_files(self):
        """Add the downloaded files as layers (each once)."""
        for path in self.downloaded:
            layer = file_layer(path)
            if layer is not None:
                QgsProject.instance().addMapLayer(layer)
        self.status.setText(self.tr("Downloaded files added to the map: {0}.").format(len(self.downloaded)))
        self.downloaded = []
        self.add_downloaded_button.setVisible(False)

    def open_landing_page(self):
        for record in self.selected_records()[:5]:
            link = landing_link(record)
            if link is not None:
                QDesktopServices.openUrl(QUrl(link.href))


def landing_link(record):
    """The record's web page (landing, alternate, self or metadata link), or None."""
    return next((candidate for candidate in record.links
                 if candidate.rel in ("alternate", "landing", "self", "describedby")
                 and candidate.href.startswith(("http://", "https://"))), None)


def file_layer(path):
    """A raster or vector layer of the downloaded file at ``path``, or None when QGIS cannot
    open it (an archive, a document)."""
    name = os.path.splitext(os.path.basename(path))[0]
    for layer in (QgsRasterLayer(path, name, "gdal"), QgsVectorLayer(path, name, "ogr")):
        if layer.isValid():
            return layer
    return None


def write_world_file(image_path, width, height, box):
    """World file (.pgw) stretching a ``width`` x ``height`` image over ``box`` (degrees):
    pixel sizes, then the centre of the upper-left pixel."""
    x_size, y_size = box.width() / width, -box.height() / height
    lines = [x_size, 0.0, 0.0, y_size, box.xMinimum() + x_size / 2, box.yMaximum() + y_size / 2]
    with open(os.path.splitext(image_path)[0] + ".pgw", "w", encoding="ascii") as handle:
        handle.write("\n".join(repr(float(value)) for value in lines) + "\n")


def spare_qgis_from_full_collections():
    """Move every Python object alive now out of reach of the cyclic garbage collector.

    A search creates tens of thousands of objects (1,000 records) and so triggers full
    collections, which scan every tracked object of QGIS's interpreter while holding the
    GIL: 130-300 ms with 150,000-450,000 objects, a frozen QGIS (the heartbeat test's
    stalls). Frozen objects (gc.freeze) are skipped, so those collections only scan what
    the search made. The dock thaws them (gc.unfreeze) when the search and its quicklooks
    are done, so cycles that became garbage meanwhile are reclaimed by a later collection.
    """
    gc.freeze()


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
