"""Guided forest-health study (fordead-class dieback detection).

Area of interest and dates → Sentinel-2 products (a folder, or the items found by the
catalogue dock, read over the area only) → forest mask (polygons, a raster, or OSO forest
classes of a land-cover raster) → dataterra:forest_dieback_all in the background, with
progress and cancel; the maps and polygons are added to the project, styled (the dieback
polygons play in the temporal controller). The configuration is saved in the QGIS project
under "foresthealth".
"""
import os

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeGroup,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsExtentWidget, QgsFileWidget, QgsMapLayerComboBox

from ...foresthealth.algorithms.parameters import INDEX_NAMES
from .background import ChainStep
from .project_settings import load_study
from .study_wizard import StudyWizard, layer_source, select_layer_by_source

SOURCES = ("folder", "catalogue")
MASKS = ("none", "polygons", "raster", "oso")
OSO_FOREST = "16,17"  # OSO: broad-leaved and coniferous forest
RASTERS = {"FIRST_DATE": "first_dieback_date.tif", "STATE_RASTER": "dieback_state.tif",
           "CONFIDENCE": "confidence_index.tif", "CONFIDENCE_CLASS": "confidence_class.tif"}
DEFAULTS = {"start_date": "2015-01-01", "min_last_date": "2018-01-01", "max_last_date": "2018-06-01",
            "index": "CRSWIR", "threshold": 0.16}


def extent_text(rectangle, crs):
    """The extent as Processing reads it: "xmin,xmax,ymin,ymax [AUTHID]"."""
    return (f"{rectangle.xMinimum()!r},{rectangle.xMaximum()!r},{rectangle.yMinimum()!r},{rectangle.yMaximum()!r}"
            f" [{crs.authid()}]")


def parse_extent(text):
    """(QgsRectangle, QgsCoordinateReferenceSystem) of an extent_text, or None."""
    if not text:
        return None
    numbers, _, crs = text.partition(" [")
    xmin, xmax, ymin, ymax = (float(v) for v in numbers.split(","))
    return QgsRectangle(xmin, ymin, xmax, ymax), QgsCoordinateReferenceSystem(crs.rstrip("]"))


class ForestWizard(StudyWizard):
    STUDY_KEY = "foresthealth"

    def __init__(self, iface=None, parent=None, catalogue_records=None):
        """``catalogue_records()`` gives the records the catalogue dock found (none without it)."""
        self.catalogue_records = catalogue_records or (lambda: [])
        super().__init__(iface, parent)
        if load_study(self.STUDY_KEY) is None:
            self.apply_config({})  # fordead's tutorial dates and threshold
        self.setWindowTitle(self.tr("Forest health study (dieback detection)"))
        self.result_layers = {}

    def build_pages(self):
        return [self._area_page(), self._products_page(), self._forest_page()]

    # --- pages ------------------------------------------------------------------------
    def _area_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("1. Area of interest and dates"))
        page.setSubTitle(self.tr("The model of each pixel is trained on the dates before the detection starts "
                                 "(between the two training dates); dieback is then looked for date by date."))
        self.extent = QgsExtentWidget(page)
        if self.iface is not None and hasattr(self.iface, "mapCanvas") and self.iface.mapCanvas() is not None:
            self.extent.setMapCanvas(self.iface.mapCanvas())
        self.start_date = self._date_edit(page)
        self.min_last_date = self._date_edit(page)
        self.max_last_date = self._date_edit(page)
        self.index = QComboBox(page)
        self.index.addItems(INDEX_NAMES[:-1])
        self.threshold = QDoubleSpinBox(page)
        self.threshold.setRange(0, 10)
        self.threshold.setDecimals(3)
        self.threshold.setSingleStep(0.01)
        form = QFormLayout(page)
        form.addRow(self.tr("Area of interest"), self.extent)
        form.addRow(self.tr("First date used"), self.start_date)
        form.addRow(self.tr("Detection starts from"), self.min_last_date)
        form.addRow(self.tr("at the latest on"), self.max_last_date)
        form.addRow(self.tr("Vegetation index"), self.index)
        form.addRow(self.tr("Anomaly threshold"), self.threshold)
        return page

    @staticmethod
    def _date_edit(parent):
        edit = QDateEdit(parent)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _products_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("2. Sentinel-2 products"))
        page.setSubTitle(self.tr("A folder of L2A products (THEIA or Sen2Cor), or the Sentinel-2 items found by "
                                 "the catalogue dock: their files are read over the area of interest only, "
                                 "through QGIS's network settings."))
        self.source = QComboBox(page)
        self.source.addItems([self.tr("Folder of products"), self.tr("Items of the catalogue")])
        self.products = QgsFileWidget(page)
        self.products.setStorageMode(QgsFileWidget.GetDirectory)
        self.items = QgsFileWidget(page)
        self.items.setFilter(self.tr("STAC items (*.json *.geojson)"))
        self.take_items = QPushButton(self.tr("Take the items found by the catalogue dock"), page)
        self.take_items.clicked.connect(self.take_catalogue_items)
        self.items_status = QLabel("", page)
        self.items_status.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Products from"), self.source)
        form.addRow(self.tr("Products folder"), self.products)
        form.addRow(self.tr("Catalogue items file"), self.items)
        form.addRow("", self.take_items)
        form.addRow("", self.items_status)
        return page

    def _forest_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("3. Forest mask and results"))
        page.setSubTitle(self.tr("Only forest pixels are mapped. OSO: classes 16 (broad-leaved) and 17 (coniferous) "
                                 "of the land-cover raster."))
        self.mask_kind = QComboBox(page)
        self.mask_kind.addItems([self.tr("No mask (every pixel)"), self.tr("Forest polygons"),
                                 self.tr("Forest raster (non-zero is forest)"),
                                 self.tr("Forest classes of a land-cover raster")])
        self.forest_polygons = QgsMapLayerComboBox(page)
        self.forest_polygons.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.forest_polygons.setAllowEmptyLayer(True)
        self.forest_raster = QgsMapLayerComboBox(page)
        self.forest_raster.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.forest_raster.setAllowEmptyLayer(True)
        self.forest_classes = QLineEdit(page)
        self.forest_classes.setPlaceholderText(self.tr("e.g. 16,17 (OSO forests)"))
        self.mask_kind.currentIndexChanged.connect(self._mask_kind_changed)
        self.output_dir = QgsFileWidget(page)
        self.output_dir.setStorageMode(QgsFileWidget.GetDirectory)
        form = QFormLayout(page)
        form.addRow(self.tr("Forest mask"), self.mask_kind)
        form.addRow(self.tr("Forest polygons"), self.forest_polygons)
        form.addRow(self.tr("Forest or land-cover raster"), self.forest_raster)
        form.addRow(self.tr("Forest classes"), self.forest_classes)
        form.addRow(self.tr("Output folder"), self.output_dir)
        return page

    def _mask_kind_changed(self, index):
        if MASKS[index] == "oso" and not self.forest_classes.text().strip():
            self.forest_classes.setText(OSO_FOREST)

    # --- catalogue items ----------------------------------------------------------------
    def take_catalogue_items(self):
        """Write the catalogue dock's Sentinel-2 records (those with band and cloud-mask assets)
        to an items file in the output folder and choose it."""
        from ...foresthealth.core.products import ProductError
        from ...foresthealth.core.stac_items import StacProducts, write_items_file

        usable = []
        for record in self.catalogue_records():
            try:
                StacProducts([record], None)
            except ProductError:  # a record without a date or cloud mask is left out
                continue
            usable.append(record)
        if not usable:
            self.items_status.setText(self.tr("The catalogue dock holds no Sentinel-2 item with band and cloud "
                                              "mask assets: search a Sentinel-2 L2A collection first."))
            return None
        path = os.path.join(self.output_folder(self.config()), "catalogue_items.json")
        write_items_file(usable, path)
        self.items.setFilePath(path)
        self.source.setCurrentIndex(SOURCES.index("catalogue"))
        self.items_status.setText(self.tr("{0} items of the catalogue written to {1}.").format(len(usable), path))
        return path

    # --- configuration ------------------------------------------------------------------
    def config(self):
        extent = ""
        if self.extent.isValid() and not self.extent.outputExtent().isEmpty():
            extent = extent_text(self.extent.outputExtent(), self.extent.outputCrs())
        return {
            "extent": extent, "start_date": self.start_date.date().toString("yyyy-MM-dd"),
            "min_last_date": self.min_last_date.date().toString("yyyy-MM-dd"),
            "max_last_date": self.max_last_date.date().toString("yyyy-MM-dd"),
            "index": self.index.currentText(), "threshold": self.threshold.value(),
            "source": SOURCES[self.source.currentIndex()], "products": self.products.filePath(),
            "items": self.items.filePath(), "mask": MASKS[self.mask_kind.currentIndex()],
            "forest_polygons": layer_source(self.forest_polygons), "forest_raster": layer_source(self.forest_raster),
            "forest_classes": self.forest_classes.text().strip(), "output_dir": self.output_dir.filePath(),
        }

    def apply_config(self, config):
        config = {**DEFAULTS, **config}
        parsed = parse_extent(config.get("extent", ""))
        if parsed:
            self.extent.setOutputExtentFromUser(*parsed)
        for edit, key in ((self.start_date, "start_date"), (self.min_last_date, "min_last_date"),
                          (self.max_last_date, "max_last_date")):
            edit.setDate(QDate.fromString(config[key], "yyyy-MM-dd"))
        self.index.setCurrentIndex(max(0, self.index.findText(config["index"])))
        self.threshold.setValue(float(config["threshold"]))
        self.source.setCurrentIndex(SOURCES.index(config.get("source", "folder")))
        self.products.setFilePath(config.get("products", ""))
        self.items.setFilePath(config.get("items", ""))
        self.mask_kind.setCurrentIndex(MASKS.index(config.get("mask", "none")))
        select_layer_by_source(self.forest_polygons, config.get("forest_polygons", ""))
        select_layer_by_source(self.forest_raster, config.get("forest_raster", ""))
        self.forest_classes.setText(config.get("forest_classes", ""))
        self.output_dir.setFilePath(config.get("output_dir", ""))

    def validate(self, config):
        problems = []
        if config["source"] == "folder" and not config["products"]:
            problems.append(self.tr("choose the folder of Sentinel-2 products (page 2)."))
        if config["source"] == "catalogue":
            if not config["items"]:
                problems.append(self.tr("take the items of the catalogue or choose an items file (page 2)."))
            if not config["extent"]:
                problems.append(self.tr("catalogue items are read over an area of interest: set it (page 1)."))
        if not config["min_last_date"] <= config["max_last_date"]:
            problems.append(self.tr("the detection cannot start after its latest start date (page 1)."))
        if config["mask"] == "polygons" and not config["forest_polygons"]:
            problems.append(self.tr("choose the forest polygons (page 3)."))
        if config["mask"] in ("raster", "oso") and not config["forest_raster"]:
            problems.append(self.tr("choose the forest or land-cover raster (page 3)."))
        if config["mask"] == "oso" and not config["forest_classes"]:
            problems.append(self.tr("list the forest classes of the land cover (page 3)."))
        return problems

    # --- running ------------------------------------------------------------------------
    def algorithm_parameters(self, config):
        """The parameters of dataterra:forest_dieback_all for ``config`` (outputs in its folder)."""
        folder = self.output_folder(config)
        parameters = {
            "EXTENT": config["extent"] or None, "START_DATE": config["start_date"],
            "MIN_LAST_DATE": config["min_last_date"], "MAX_LAST_DATE": config["max_last_date"],
            "INDEX": INDEX_NAMES.index(config["index"]), "THRESHOLD": config["threshold"],
            "STATE": os.path.join(folder, "state"), "POLYGONS": os.path.join(folder, "dieback.gpkg"),
            **{name: os.path.join(folder, file) for name, file in RASTERS.items()},
        }
        if config["source"] == "catalogue":
            parameters["STAC_ITEMS"] = config["items"]
        else:
            parameters["PRODUCTS"] = config["products"]
        if config["mask"] == "polygons":
            parameters["FOREST_POLYGONS"] = config["forest_polygons"]
        elif config["mask"] in ("raster", "oso"):
            parameters["FOREST_RASTER"] = config["forest_raster"]
            parameters["FOREST_CLASSES"] = config["forest_classes"] if config["mask"] == "oso" else ""
        return parameters

    def chain_steps(self, config):
        return [ChainStep("forest", "dataterra:forest_dieback_all", self.algorithm_parameters(config),
                          self.tr("Dieback detection and export"))]

    def show_results(self, config, outputs):
        from osgeo import ogr

        from ...foresthealth.algorithms import styling

        results = outputs["forest"]
        class_names = ["Low anomaly", "Severe anomaly"]
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, self.tr("Forest health"))
        self.result_layers = {}
        source = ogr.Open(results["POLYGONS"])
        layer_names = [source.GetLayer(k).GetName() for k in range(source.GetLayerCount())] if source else []
        source = None
        labels = {"dieback": self.tr("Dieback by period"), "stress_periods": self.tr("Stress periods"),
                  "soil": self.tr("Bare soil")}
        for name in layer_names:
            layer = QgsVectorLayer(f"{results['POLYGONS']}|layername={name}", labels.get(name, name), "ogr")
            self._add_result(group, name, layer, class_names, styling)
        names = {"FIRST_DATE": self.tr("First dieback date"), "STATE_RASTER": self.tr("Dieback state"),
                 "CONFIDENCE": self.tr("Confidence index"), "CONFIDENCE_CLASS": self.tr("Confidence class")}
        for output, label in names.items():
            self._add_result(group, output, QgsRasterLayer(results[output], label), class_names, styling)
        self.write_log(self.tr("Results added to the group 'Forest health'; the dieback polygons play in the "
                               "temporal controller."))

    def _add_result(self, group: QgsLayerTreeGroup, output, layer, class_names, styling):
        if not layer.isValid():
            self.write_log(self.tr("The result {0} could not be opened.").format(layer.source()))
            return
        styling.style_layer(layer, output, class_names)
        QgsProject.instance().addMapLayer(layer, False)
        group.addLayer(layer)
        self.result_layers[output] = layer
