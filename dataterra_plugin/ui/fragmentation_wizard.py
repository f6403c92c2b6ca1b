"""Guided fragmentation study: land cover → fragmenting elements → reporting → results.

Runs dataterra:fragmenting_elements (once per barrier layer), dataterra:prepare_landscape
and dataterra:effective_mesh_size in the background, styles the result (graduated meff)
and saves the whole configuration in the QGIS project.
"""
import os

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWizardPage,
)
from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsExpressionLineEdit, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox

from ...fragscape.core.blocklabel import NEIGHBOURS
from ...fragscape.project import FRAGSCAPE_NEIGHBOURS, FragmentingItem, FragScapeProject, read_project, write_project
from ...rasterblocks.errors import DataTerraError
from ..i18n import error_text
from ..nomenclature import natural_codes
from ..styles import graduated_renderer
from .background import ChainStep
from .study_wizard import StudyWizard, follow_class_field, layer_source, link_class_field, select_layer_by_source

PRESETS = ("none", "oso", "clc")
MODES = ("vector", "raster")
METHODS = ("CUT", "CBC")


class FragmentationWizard(StudyWizard):
    STUDY_KEY = "fragmentation"

    def __init__(self, iface=None, parent=None):
        super().__init__(iface, parent)
        self.setWindowTitle(self.tr("Fragmentation study (effective mesh size)"))

    # --- pages ------------------------------------------------------------------------
    def build_pages(self):
        return [self._landcover_page(), self._barriers_page(), self._reporting_page()]

    def _landcover_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("1. Land cover and habitat"))
        page.setSubTitle(self.tr("Choose the land-cover layer and the classes that are habitat "
                                 "(the other classes fragment the landscape)."))
        self.landcover = QgsMapLayerComboBox(page)
        self.landcover.setFilters(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.RasterLayer)
        self.class_field = QgsFieldComboBox(page)
        link_class_field(self.landcover, self.class_field)
        self.preset = QComboBox(page)
        for label in (self.tr("Classes listed below"), self.tr("OSO natural and semi-natural classes"),
                      self.tr("Corine natural and semi-natural classes")):
            self.preset.addItem(label)
        self.classes = QLineEdit(page)
        self.classes.setPlaceholderText(self.tr("e.g. 311,312,313"))
        self.study_area = QgsMapLayerComboBox(page)
        self.study_area.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.study_area.setAllowEmptyLayer(True)
        self.study_area.setLayer(None)  # optional: not the first polygon layer (often the land cover itself)
        open_project = QPushButton(self.tr("Open a FragScape project…"), page)
        open_project.clicked.connect(self._choose_fragscape_project)
        self.project_notes = QLabel(page)
        self.project_notes.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(open_project, self.project_notes)
        form.addRow(self.tr("Land cover"), self.landcover)
        form.addRow(self.tr("Class field (vector)"), self.class_field)
        form.addRow(self.tr("Habitat preset"), self.preset)
        form.addRow(self.tr("Habitat classes"), self.classes)
        form.addRow(self.tr("Study area (optional)"), self.study_area)
        return page

    def _barriers_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("2. Fragmenting elements"))
        page.setSubTitle(self.tr("Roads, railways, rivers… each layer with an optional filter "
                                 "and a buffer width in metres (a number, a field or an expression)."))
        self.barriers = QTableWidget(0, 3, page)
        self.barriers.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Filter"), self.tr("Buffer (m)")])
        self.barriers.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        add, remove = QPushButton(self.tr("Add a layer"), page), QPushButton(self.tr("Remove"), page)
        add.clicked.connect(lambda: self.add_barrier())
        remove.clicked.connect(lambda: self.barriers.removeRow(self.barriers.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.barriers)
        layout.addLayout(buttons)
        return page

    def add_barrier(self, source="", expression="", buffer="0"):
        row = self.barriers.rowCount()
        self.barriers.insertRow(row)
        combo = QgsMapLayerComboBox(self.barriers)
        combo.setFilters(QgsMapLayerProxyModel.LineLayer | QgsMapLayerProxyModel.PolygonLayer)
        if source:
            select_layer_by_source(combo, source)
        self.barriers.setCellWidget(row, 0, combo)
        # the filter and the buffer with QGIS's expression builder (the ε button), on the row's layer fields
        for column, text in ((1, expression), (2, str(buffer))):
            self.barriers.setCellWidget(row, column, expression_edit(self.barriers, combo, text))

    def _reporting_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("3. Reporting and method"))
        page.setSubTitle(self.tr("Effective mesh size per reporting unit (e.g. communes) or per grid cell."))
        self.reporting = QgsMapLayerComboBox(page)
        self.reporting.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.reporting.setAllowEmptyLayer(True)
        self.reporting.setLayer(None)
        self.grid_size = QDoubleSpinBox(page)
        self.grid_size.setRange(0, 1e6)
        self.grid_size.setSuffix(" m")
        self.grid_size.setSpecialValueText(self.tr("no grid"))
        self.method = QComboBox(page)
        self.method.addItems([self.tr("CUT: patches cut at unit boundaries"),
                              self.tr("CBC: cross-boundary connections (Moser et al. 2007)")])
        self.mode = QComboBox(page)
        self.mode.addItems([self.tr("Vector"), self.tr("Raster")])
        self.resolution = QDoubleSpinBox(page)
        self.resolution.setRange(0.5, 1000)
        self.resolution.setValue(10)
        self.resolution.setSuffix(" m")
        # pixels touching only at a corner: two patches with 4 neighbours (FragScape's raster mode), one
        # with 8 (docs/fragscape.md)
        self.connectivity = QComboBox(page)
        self.connectivity.addItems([self.tr("4 neighbours (as FragScape)"),
                                    self.tr("8 neighbours (pixels touching at a corner join)")])
        self.connectivity.setCurrentIndex(NEIGHBOURS.index(FRAGSCAPE_NEIGHBOURS))
        self.mode.currentIndexChanged.connect(self._follow_mode)
        self._follow_mode()
        self.output_dir = QgsFileWidget(page)
        self.output_dir.setStorageMode(QgsFileWidget.GetDirectory)
        form = QFormLayout(page)
        form.addRow(self.tr("Reporting units"), self.reporting)
        form.addRow(self.tr("Or a grid of"), self.grid_size)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Raster resolution"), self.resolution)
        form.addRow(self.tr("Raster connectivity"), self.connectivity)
        form.addRow(self.tr("Output folder"), self.output_dir)
        save_project = QPushButton(self.tr("Save as a FragScape project…"), page)
        save_project.clicked.connect(self._choose_fragscape_file)
        form.addRow(save_project)
        return page

    def _follow_mode(self):
        raster = MODES[self.mode.currentIndex()] == "raster"
        self.resolution.setEnabled(raster)
        self.connectivity.setEnabled(raster)

    # --- FragScape projects -------------------------------------------------------------
    def _choose_fragscape_project(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a FragScape project"), "",
                                              self.tr("FragScape project (*.xml)"))
        if path:
            self.open_fragscape_project(path)

    def _choose_fragscape_file(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as a FragScape project"), "",
                                              self.tr("FragScape project (*.xml)"))
        if path:
            self.save_fragscape_project(path)

    def open_fragscape_project(self, path):
        """Fill the pages from a FragScape project file; returns the notes shown (what could not
        be mapped, missing layers), or the error message."""
        try:
            project = read_project(path)
        except DataTerraError as exc:
            notes = [error_text(exc)]
        else:
            config = config_from_project(project, self.output_dir.filePath())
            self.apply_config(config)
            notes = [error_text(note) for note in project.unmapped]
            notes += [self.tr("Not found: {0} ({1}); choose the layer here.").format(error_text(what), source)
                      for what, source in project.missing_inputs()]
        self.project_notes.setText("\n".join(notes) if notes else self.tr("Every element of the project was read."))
        return notes

    def save_fragscape_project(self, path):
        """Write the study as a FragScape project file (paths relative to it)."""
        write_project(project_from_config(self.config(), path), path)
        return path

    # --- configuration ------------------------------------------------------------------
    def config(self):
        barriers = []
        for row in range(self.barriers.rowCount()):
            barriers.append({
                "source": layer_source(self.barriers.cellWidget(row, 0)),
                "filter": self.barriers.cellWidget(row, 1).expression(),
                "buffer": self.barriers.cellWidget(row, 2).expression(),
            })
        return {
            "landcover": layer_source(self.landcover),
            "class_field": self.class_field.currentField(),
            "preset": PRESETS[self.preset.currentIndex()],
            "classes": self.classes.text(),
            "study_area": layer_source(self.study_area),
            "barriers": barriers,
            "reporting": layer_source(self.reporting),
            "grid_size": self.grid_size.value(),
            "method": METHODS[self.method.currentIndex()],
            "mode": MODES[self.mode.currentIndex()],
            "resolution": self.resolution.value(),
            "connectivity": NEIGHBOURS[self.connectivity.currentIndex()],
            "output_dir": self.output_dir.filePath(),
        }

    def apply_config(self, config):
        select_layer_by_source(self.landcover, config.get("landcover", ""))
        follow_class_field(self.landcover, self.class_field, config.get("class_field", ""))
        self.preset.setCurrentIndex(PRESETS.index(config.get("preset", "none")))
        self.classes.setText(config.get("classes", ""))
        select_layer_by_source(self.study_area, config.get("study_area", ""))
        self.barriers.setRowCount(0)
        for barrier in config.get("barriers", []):
            self.add_barrier(barrier.get("source", ""), barrier.get("filter", ""), barrier.get("buffer", "0"))
        select_layer_by_source(self.reporting, config.get("reporting", ""))
        self.grid_size.setValue(float(config.get("grid_size", 0)))
        self.method.setCurrentIndex(METHODS.index(config.get("method", "CUT")))
        self.mode.setCurrentIndex(MODES.index(config.get("mode", "vector")))
        self.resolution.setValue(float(config.get("resolution", 10)))
        self.connectivity.setCurrentIndex(NEIGHBOURS.index(int(config.get("connectivity", FRAGSCAPE_NEIGHBOURS))))
        self.output_dir.setFilePath(config.get("output_dir", ""))

    def validate(self, config):
        problems = []
        if not config["landcover"]:
            problems.append(self.tr("choose a land-cover layer (page 1)."))
        if config["preset"] == "none" and not config["classes"].strip():
            problems.append(self.tr("list the habitat classes or choose a preset (page 1)."))
        if any(not b["source"] for b in config["barriers"]):
            problems.append(self.tr("a fragmenting-element row has no layer (page 2)."))
        return problems

    # --- running ------------------------------------------------------------------------
    def chain_steps(self, config):
        folder = self.output_folder(config)
        steps = []
        for index, barrier in enumerate(config["barriers"]):
            steps.append(ChainStep(f"barrier{index}", "dataterra:fragmenting_elements", {
                "INPUT": barrier["source"], "FILTER": barrier["filter"] or None,
                "BUFFER": barrier["buffer"] or 0.0,  # a number, a field or an expression
                "OUTPUT": os.path.join(folder, f"fragmenting_{index + 1}.gpkg"),
            }, self.tr("Fragmenting elements {0}").format(index + 1)))
        raster = config["mode"] == "raster"
        landscape_output = os.path.join(folder, "habitat.tif" if raster else "habitat.gpkg")
        barrier_names = [s.name for s in steps]

        landscape_key = "OUTPUT_RASTER" if raster else "OUTPUT"

        def landscape_parameters(outputs):
            return {
                "LANDCOVER": config["landcover"], "CLASS_FIELD": config["class_field"] or None,
                "HABITAT_CLASSES": config["classes"], "PRESET": PRESETS.index(config["preset"]),
                "FRAGMENTING": [outputs[name]["OUTPUT"] for name in barrier_names],
                "STUDY_AREA": config["study_area"] or None, "MODE": MODES.index(config["mode"]),
                "RESOLUTION": config["resolution"], landscape_key: landscape_output,
            }

        steps.append(ChainStep("landscape", "dataterra:prepare_landscape", landscape_parameters,
                               self.tr("Habitat patches")))
        steps.append(ChainStep("meff", "dataterra:effective_mesh_size", lambda outputs: {
            "INPUT": outputs["landscape"][landscape_key], "REPORTING": config["reporting"] or None,
            "GRID_SIZE": config["grid_size"] or None, "METHOD": METHODS.index(config["method"]),
            "CONNECTIVITY": NEIGHBOURS.index(config.get("connectivity", FRAGSCAPE_NEIGHBOURS)),
            "OUTPUT": os.path.join(folder, "effective_mesh_size.gpkg"),
        }, self.tr("Effective mesh size")))
        return steps

    def show_results(self, config, outputs):
        path = outputs["meff"]["OUTPUT"]
        layer = QgsVectorLayer(path, self.tr("Effective mesh size ({0})").format(config["method"]), "ogr")
        if not layer.isValid():
            self.write_log(self.tr("The result {0} could not be opened.").format(path))
            return
        layer.setRenderer(graduated_renderer(layer, "meff_ha"))
        QgsProject.instance().addMapLayer(layer)
        whole = outputs["meff"].get("MEFF_HA", 0.0)
        self.write_log(self.tr("Whole study area: effective mesh size {0:.2f} ha.").format(whole))
        self.result_layer = layer



def expression_edit(parent, layer_combo, text):
    """An expression box with QGIS's builder on the fields of ``layer_combo``'s layer, showing the
    start of ``text`` (a line edit leaves its cursor, and so its view, at the end of a long CASE)."""
    edit = QgsExpressionLineEdit(parent)
    edit.setLayer(layer_combo.currentLayer())
    layer_combo.layerChanged.connect(edit.setLayer)
    edit.setExpression(text)
    line = edit.findChild(QLineEdit)
    if line is not None:
        line.setCursorPosition(0)
    edit.setToolTip(text)
    edit.expressionChanged.connect(edit.setToolTip)
    return edit


def config_from_project(project, output_dir=""):
    """The wizard's configuration for a FragScapeProject (fragscape/project.py)."""
    return {
        "landcover": project.landuse_path, "class_field": project.class_field, "preset": "none",
        "classes": ",".join(project.habitat_classes), "study_area": project.study_area_path,
        "barriers": [{"source": item.path, "filter": item.select_expr, "buffer": item.buffer or "0"}
                     for item in project.fragmenting if item.fragments],
        "reporting": project.reporting_path, "grid_size": 0.0, "method": project.method, "mode": project.mode,
        "resolution": project.resolution or 10.0, "connectivity": FRAGSCAPE_NEIGHBOURS,
        "output_dir": output_dir or os.path.join(os.path.dirname(project.xml_path), "outputs"),
    }


def project_from_config(config, xml_path):
    """A FragScapeProject holding the wizard's configuration (a preset becomes its class list)."""
    classes = [c.strip() for c in config["classes"].split(",") if c.strip()]
    if config["preset"] != "none":
        classes = sorted(set(classes) | {str(code) for code in natural_codes(config["preset"])}, key=int)
    return FragScapeProject(
        xml_path=str(xml_path), base_folder=os.path.dirname(str(xml_path)), mode=config["mode"],
        resolution=config["resolution"], landuse_path=_file(config["landcover"]), class_field=config["class_field"],
        habitat_classes=classes, study_area_path=_file(config["study_area"]),
        fragmenting=[FragmentingItem(f"barrier{number + 1}", _file(b["source"]), b["filter"], b["buffer"])
                     for number, b in enumerate(config["barriers"])],
        reporting_path=_file(config["reporting"]), method=config["method"])


def _file(source):
    """The file of a layer source ("path|layername=…" → "path")."""
    return source.split("|")[0] if source else ""
