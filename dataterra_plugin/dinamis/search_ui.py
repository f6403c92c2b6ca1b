"""The Search tab of the DINAMIS dock: existing DINAMIS images (SPOT 6-7 ortho STAC
collection, open SPOT archive) over the map extent or the area of interest, filtered by
dates, maximum cloud cover and incidence angle, and by what the profile may use. The
search runs in a QgsTask; results come as a list and a footprints layer; open SPOT
images can be downloaded (two-step request) and loaded."""

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, QVariant, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...rasterblocks.errors import Cancelled, DataTerraError
from ..catalog.core.download import download
from ..catalog.core.errors import CatalogError
from ..catalog.core.openspot import download_links, record_fid
from ..catalog.footprints import record_geometry
from ..net.core.safe_paths import download_path
from ..net.qgis_transport import QgisTransport
from .core.aoi import to_wgs84
from .core.search import SearchCriteria, refusal_text, search_images, search_sources
from .settings import load_profile
from ..i18n import data_label, error_text
from ..styles import style_footprints
from ..ui.widgets import compact_combo, fit_columns, set_row

FOOTPRINT_FIELDS = (
    ("id", QVariant.String),
    ("source", QVariant.String),
    ("product", QVariant.String),
    ("date", QVariant.String),
    ("mode", QVariant.String),
    ("cloud_cover", QVariant.Double),
    ("incidence", QVariant.Double),
    ("title", QVariant.String),
    ("quicklook", QVariant.String),
)
CANVAS, AOI = "canvas", "aoi"


def translate(context, text):
    """QCoreApplication.translate under the name pylupdate5 looks for."""
    return QCoreApplication.translate(context, text)


class ImageSearchTask(QgsTask):
    """Runs :func:`search_images` off the main thread; cancel stops between requests."""

    def __init__(self, profile, rules, criteria, transport_for):
        super().__init__(translate("DinamisSearch", "Searching DINAMIS images"), QgsTask.CanCancel)
        self.profile, self.rules, self.criteria, self.transport_for = profile, rules, criteria, transport_for
        self.outcome = None
        self.error = ""

    def run(self):
        try:
            self.outcome = search_images(
                self.profile,
                self.rules,
                self.criteria,
                self.transport_for,
                progress=lambda f: self.setProgress(100 * f),
                is_cancelled=self.isCanceled,
            )
        except Cancelled:
            return False
        except DataTerraError as exc:
            self.error = error_text(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - a bug must reach the user, not end as "cancelled"
            self.error = translate("DinamisSearch", "Unexpected error: {0}").format(exc)
            return False
        return True


class SearchTab(QWidget):
    """Search form, result table, footprints layer; ``searchFinished`` fires with the outcome
    (None on error or cancel)."""

    searchFinished = pyqtSignal(object)  # noqa: N815 - Qt naming
    # what tells images apart first; the catalogue's long name last, where the table has room
    COLUMNS = ("date", "cloud", "incidence", "mode", "title", "source")

    def __init__(self, dock, transport_factory=None):
        super().__init__()
        self.dock = dock
        self.transport_factory = transport_factory or (
            lambda authcfg: QgisTransport(None, authcfg, error_class=CatalogError))
        self.images = []
        self.task = None
        self.layer_id = None
        self._build()

    # --- widgets -------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.area = QComboBox()
        self.area.addItem(translate("DinamisSearch", "Map extent"), CANVAS)
        self.area.addItem(translate("DinamisSearch", "Area of interest (drawn or selected)"), AOI)
        compact_combo(self.area)
        self.start = QDateEdit(QDate(2018, 1, 1))
        self.end = QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.max_cloud = QSpinBox()
        self.max_cloud.setRange(0, 100)
        self.max_cloud.setValue(30)
        self.max_cloud.setSuffix(" %")
        self.max_incidence = QSpinBox()
        self.max_incidence.setRange(0, 90)
        self.max_incidence.setValue(30)
        self.max_incidence.setSuffix(" °")
        form.addRow(translate("DinamisSearch", "Search area"), self.area)
        form.addRow(translate("DinamisSearch", "From"), self.start)
        form.addRow(translate("DinamisSearch", "To"), self.end)
        form.addRow(translate("DinamisSearch", "Maximum cloud cover"), self.max_cloud)
        form.addRow(translate("DinamisSearch", "Maximum incidence angle"), self.max_incidence)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.search_button = QPushButton(translate("DinamisSearch", "Search images"))
        self.cancel_button = QPushButton(translate("DinamisSearch", "Cancel search"))
        self.cancel_button.setEnabled(False)
        self.search_button.clicked.connect(lambda: self.search())
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.search_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.message = QLabel(translate("DinamisSearch", "Search the DINAMIS images your profile may use."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refusals = QLabel("")
        self.refusals.setWordWrap(True)
        layout.addWidget(self.refusals)
        self.table = QTableWidget(0, len(self.COLUMNS))
        headers = {
            "source": translate("DinamisSearch", "Catalogue"),
            "date": translate("DinamisSearch", "Date"),
            "mode": translate("DinamisSearch", "Mode"),
            "cloud": translate("DinamisSearch", "Cloud (%)"),
            "incidence": translate("DinamisSearch", "Incidence (°)"),
            "title": translate("DinamisSearch", "Name"),
        }
        self.table.setHorizontalHeaderLabels([headers[key] for key in self.COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.currentCellChanged.connect(lambda *args: self.show_quicklook())
        layout.addWidget(self.table)
        self.quicklook = QLabel()
        self.quicklook.setAlignment(Qt.AlignCenter)
        layout.addWidget(self.quicklook)
        self.download_button = QPushButton(translate("DinamisSearch", "Download and load (open SPOT)"))
        self.download_button.clicked.connect(lambda: self.download_selected())
        layout.addWidget(self.download_button)
        self.loader = None

    def say(self, text):
        self.message.setText(text)

    # --- criteria ------------------------------------------------------------------
    def search_bbox(self):
        """(west, south, east, north) in WGS 84 of the map extent or of the AOI."""
        if self.area.currentData() == AOI:
            if self.dock.aoi is None:
                raise DataTerraError(
                    translate("DinamisSearch", "Take or draw an area of interest first, or search the map extent.")
                )
            geometry, issues = to_wgs84(*self.dock.aoi)
            if issues:
                raise DataTerraError(" ".join(issue.message for issue in issues))
            w, e, s, n = geometry.GetEnvelope()
            return (w, s, e, n)
        if self.dock.iface is None:
            raise DataTerraError(translate("DinamisSearch", "No map canvas: use an area of interest."))
        canvas = self.dock.iface.mapCanvas()
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), wgs84, QgsProject.instance())
        extent = transform.transformBoundingBox(canvas.extent())
        return (
            max(extent.xMinimum(), -180.0),
            max(extent.yMinimum(), -90.0),
            min(extent.xMaximum(), 180.0),
            min(extent.yMaximum(), 90.0),
        )

    def criteria(self):
        return SearchCriteria(
            bbox=self.search_bbox(),
            start=self.start.date().toString("yyyy-MM-dd"),
            end=self.end.date().toString("yyyy-MM-dd"),
            max_cloud_cover=float(self.max_cloud.value()),
            max_incidence=float(self.max_incidence.value()),
        )

    # --- search --------------------------------------------------------------------------
    def search(self):
        """Start the search in a QgsTask; returns the task (None when refused at once)."""
        profile = load_profile()
        if profile is None:
            self.say(translate("DinamisSearch", "State your DINAMIS profile first (Profile…)."))
            return None
        try:
            criteria = self.criteria()
            search_sources(self.dock.rules)
        except DataTerraError as exc:
            self.say(error_text(exc))
            return None
        authcfg = ""  # the searches are public; downloads of members' images use their auth config
        self.task = ImageSearchTask(profile, self.dock.rules, criteria, lambda source: self.transport_factory(authcfg))
        self.task.taskCompleted.connect(self._completed)
        self.task.taskTerminated.connect(self._terminated)
        self.search_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.say(translate("DinamisSearch", "Searching…"))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _done(self):
        self.search_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _terminated(self):
        self._done()
        task = self.task
        self.say(task.error if task.error else translate("DinamisSearch", "Search cancelled."))
        self.searchFinished.emit(None)

    def _completed(self):
        self._done()
        outcome = self.task.outcome
        self.images = outcome.images
        self.fill_table()
        self.show_footprints()
        parts = [translate("DinamisSearch", "{0} images found.").format(len(outcome.images))]
        dropped = outcome.dropped
        if dropped["cloud_cover"] or dropped["incidence"]:
            parts.append(
                translate("DinamisSearch", "{0} left out for cloud cover, {1} for incidence angle.").format(
                    dropped["cloud_cover"], dropped["incidence"]
                )
            )
        if any(image.cloud_cover is None for image in self.images):
            parts.append(
                translate("DinamisSearch", "Open SPOT gives no cloud cover or incidence angle: check the quicklooks.")
            )
        for source_id, error in outcome.errors.items():
            parts.append(f"{source_id}: {error_text(outcome.failures.get(source_id, error))}")
        self.say(" ".join(parts))
        text = refusal_text(outcome.refusals, error_text)
        self.refusals.setText(translate("DinamisSearch", "Not searched: {0}").format(text) if text else "")
        self.searchFinished.emit(outcome)

    def fill_table(self):
        labels = {source.id: data_label(source.label) for source in search_sources(self.dock.rules)}
        self.table.setRowCount(len(self.images))
        for row, image in enumerate(self.images):
            values = {
                "source": labels.get(image.source_id, image.source_id),
                "date": image.date,
                "mode": image.mode,
                "cloud": "" if image.cloud_cover is None else f"{image.cloud_cover:g}",
                "incidence": "" if image.incidence_angle is None else f"{image.incidence_angle:g}",
                "title": image.record.title,
            }
            set_row(self.table, row, [str(values[key] or "") for key in self.COLUMNS])
        fit_columns(self.table)

    def column(self, key):
        """The table column of ``key`` (one of COLUMNS)."""
        return self.COLUMNS.index(key)

    def show_footprints(self):
        """One memory layer of the footprints (replaced at each search)."""
        project = QgsProject.instance()
        if self.layer_id and project.mapLayer(self.layer_id):
            project.removeMapLayer(self.layer_id)
        layer = QgsVectorLayer("Polygon?crs=EPSG:4326", translate("DinamisSearch", "DINAMIS images"), "memory")
        style_footprints(layer, (227, 119, 40))
        provider = layer.dataProvider()
        provider.addAttributes([QgsField(name, kind) for name, kind in FOOTPRINT_FIELDS])
        layer.updateFields()
        features = []
        for image in self.images:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(record_geometry(image.record))
            feature.setAttributes(
                [
                    image.record.id,
                    image.source_id,
                    image.product_id,
                    image.date,
                    image.mode,
                    image.cloud_cover,
                    image.incidence_angle,
                    image.record.title,
                    image.quicklook,
                ]
            )
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()
        project.addMapLayer(layer)
        self.layer_id = layer.id()
        return layer

    def selected_image(self):
        row = self.table.currentRow()
        return self.images[row] if 0 <= row < len(self.images) else None

    def show_quicklook(self):
        image = self.selected_image()
        if image is None or not image.quicklook:
            self.quicklook.clear()
            return
        if self.loader is None:
            from ..catalog.tasks import QuicklookLoader

            self.loader = QuicklookLoader(parent=self)
            self.loader.loaded.connect(self._quicklook_loaded)
        self.loader.request(image.quicklook)

    def _quicklook_loaded(self, url, image):
        selected = self.selected_image()
        if selected is not None and selected.quicklook == url:
            self.quicklook.setPixmap(QPixmap.fromImage(image))

    # --- open SPOT download --------------------------------------------------------------
    def download_selected(self, folder=None, wait=False):
        """Two-step OpenSPOT request, download (resumed, atomic) and load the selected image."""
        image = self.selected_image()
        if image is None or image.source_id != "openspot":
            self.say(translate("DinamisSearch", "Select an open SPOT image in the list (the SPOT 6-7 STAC images "
                               "are downloaded with your DINAMIS member access from the catalogue dock)."))
            return None
        source = next(s for s in search_sources(self.dock.rules) if s.id == image.source_id)
        folder = Path(folder or self.dock.book_path.parent / "dinamis_products" / "openspot")

        def fetch(is_cancelled=None):
            transport = self.transport_factory("")
            urls, headers = download_links(
                source.endpoint, record_fid(image.record), transport, form=source.download_form
            )
            folder.mkdir(parents=True, exist_ok=True)
            return [
                str(download(url, download_path(folder, url), headers=headers, is_cancelled=is_cancelled,
                             transport=transport))
                for url in urls
            ]

        return self.dock.run(translate("DinamisSearch", "Downloading open SPOT image"), fetch, wait, on_done=self._load)

    def _load(self, paths):
        _, refused = self.dock.add_product_layers(paths)
        licence = translate("DinamisSearch", "Downloaded under the open licence (Etalab): {0}")
        self.say(" ".join([licence.format(", ".join(paths or []))] + refused))
