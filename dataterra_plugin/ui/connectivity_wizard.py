"""Guided connectivity study (BioDispersal-style) for one or several sub-networks.

Land cover → friction (preset for a species group) → habitat patches → dispersal (cost
distance) → landscape graph and indices, with the same Processing algorithms as the
toolbox, run in the background; the configuration is saved in the QGIS project under
"connectivity" and the results are added to the project, styled.

"Open a BioDispersal project..." reads a BioDispersal project file: the fields it maps are
filled, what it cannot map is written in the log, and the study then runs the project as
BioDispersal does (dataterra:run_biodispersal_project).
"""
import json
import os

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)
from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox

from ...biodispersal.projects.biodispersal_xml import ProjectError, read_project, write_project
from ..i18n import error_text
from ..styles import cost_ramp_renderer, graduated_renderer
from .background import ChainStep
from .study_wizard import StudyWizard, follow_class_field, layer_source, link_class_field, select_layer_by_source

NOMENCLATURES = ("clc", "oso")
ALL_CLASSES = {"clc": "111-523", "oso": "1-23"}
GROUPS = ("forest", "open_grassland", "wetland")
DEFAULT_HABITAT = {("clc", "forest"): "311-313, 324", ("clc", "open_grassland"): "231, 321, 322, 333",
                   ("clc", "wetland"): "411, 412, 421", ("oso", "forest"): "16, 17",
                   ("oso", "open_grassland"): "13, 18", ("oso", "wetland"): "23"}


def species_group_of(subnetwork_name):
    """The species group of GROUPS a BioDispersal sub-network name stands for, or None."""
    name = subnetwork_name.lower()
    for group, words in (("forest", ("forest", "fore", "bois")), ("open_grassland", ("grass", "prair", "pelous")),
                         ("wetland", ("wet", "humid", "aqua"))):
        if any(word in name for word in words):
            return group
    return None


def with_study_settings(project, resolution, max_cost):
    """``project`` with the dialog's resolution; its dispersals' maximum costs become ``max_cost``
    only when the dialog's value differs from the first one (the one the dialog shows), so a
    project whose sub-networks have different costs keeps them unless the user changed it."""
    project.resolution = resolution
    dispersals = [d for s in project.subnetworks for d in s.dispersals]
    if dispersals and dispersals[0].max_cost != max_cost:
        for dispersal in dispersals:
            dispersal.max_cost = max_cost
            dispersal.output_ref = ""  # named after the cost, as BioDispersal names it
    return project


def preset_index(nomenclature, group):
    """Index of the friction_from_landcover PRESET enum for a nomenclature and species group."""
    return 1 + NOMENCLATURES[::-1].index(nomenclature) * 3 + GROUPS.index(group)


class ConnectivityWizard(StudyWizard):
    STUDY_KEY = "connectivity"

    def __init__(self, iface=None, parent=None):
        self.biodispersal_project = ""
        super().__init__(iface, parent)
        self.setWindowTitle(self.tr("Connectivity study (ecological continuities)"))

    def build_pages(self):
        return [self._habitat_page(), self._dispersal_page()]

    def _habitat_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("1. Land cover, species group and habitat"))
        page.setSubTitle(self.tr("The friction comes from the preset of the species group; the habitat "
                                 "classes give the source patches."))
        self.subnetwork = QLineEdit(page)
        self.landcover = QgsMapLayerComboBox(page)
        self.landcover.setFilters(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.RasterLayer)
        self.class_field = QgsFieldComboBox(page)
        link_class_field(self.landcover, self.class_field)
        self.nomenclature = QComboBox(page)
        self.nomenclature.addItems([self.tr("Corine Land Cover"), self.tr("OSO (23 classes)")])
        self.group_boxes = {group: QCheckBox(self.group_label(group), page) for group in GROUPS}
        self.group_classes = {}
        for group in GROUPS:
            edit = QLineEdit(page)
            edit.setPlaceholderText(self.tr("habitat classes, e.g. 311-313, 324 (empty = preset of the group)"))
            self.group_classes[group] = edit
        self.min_area = QDoubleSpinBox(page)
        self.min_area.setRange(0, 1e6)
        self.min_area.setSuffix(" ha")
        self.resolution = QDoubleSpinBox(page)
        self.resolution.setRange(1, 1000)
        self.resolution.setValue(25)
        self.resolution.setSuffix(" m")
        self.open_project_button = QPushButton(self.tr("Open a BioDispersal project..."), page)
        self.open_project_button.clicked.connect(lambda: self.open_biodispersal_project())
        self.project_label = QLabel(page)
        form = QFormLayout(page)
        form.addRow(self.open_project_button, self.project_label)
        form.addRow(self.tr("Study name"), self.subnetwork)
        form.addRow(self.tr("Land cover"), self.landcover)
        form.addRow(self.tr("Class field (vector)"), self.class_field)
        form.addRow(self.tr("Nomenclature"), self.nomenclature)
        for group in GROUPS:  # one sub-network per ticked species group
            form.addRow(self.group_boxes[group], self.group_classes[group])
        form.addRow(self.tr("Minimum patch area"), self.min_area)
        form.addRow(self.tr("Resolution (vector land cover)"), self.resolution)
        return page

    def group_label(self, group):
        """The species group as the user reads it (layer names, log), not its id."""
        labels = {"forest": self.tr("Forest species"), "open_grassland": self.tr("Open grassland species"),
                  "wetland": self.tr("Wetland species")}
        return labels[group]

    def _dispersal_page(self):
        page = QWizardPage(self)
        page.setTitle(self.tr("2. Dispersal and graph"))
        page.setSubTitle(self.tr("Costs are metres x friction: with friction 1 in habitat, a maximum cost of 2500 "
                                 "means 2.5 km through habitat."))
        self.max_cost = QDoubleSpinBox(page)
        self.max_cost.setRange(0, 1e9)
        self.max_cost.setValue(2500)
        self.knight = QCheckBox(self.tr("Knight's move (16 directions, more accurate, more memory)"), page)
        self.distance_50 = QDoubleSpinBox(page)
        self.distance_50.setRange(1, 1e9)
        self.distance_50.setValue(1000)
        self.max_link = QDoubleSpinBox(page)
        self.max_link.setRange(0, 1e9)
        self.max_link.setValue(5000)
        self.output_dir = QgsFileWidget(page)
        self.output_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.save_project_button = QPushButton(self.tr("Save as a BioDispersal project..."), page)
        self.save_project_button.setToolTip(self.tr("Available for a study opened from a BioDispersal project: "
                                                    "writes it with the resolution and maximum cost set here."))
        self.save_project_button.setEnabled(False)
        self.save_project_button.clicked.connect(lambda: self.save_biodispersal_project())
        form = QFormLayout(page)
        form.addRow(self.tr("Maximum dispersal cost"), self.max_cost)
        form.addRow("", self.knight)
        form.addRow(self.tr("Cost at which dispersal probability is 0.5"), self.distance_50)
        form.addRow(self.tr("Maximum link cost (0 = all)"), self.max_link)
        form.addRow(self.tr("Output folder"), self.output_dir)
        form.addRow(self.save_project_button)
        return page

    # --- BioDispersal project ------------------------------------------------------------
    def open_biodispersal_project(self, path=None):
        """Fill the study from a BioDispersal project file; True when it could be read."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a BioDispersal project"), "",
                                                  self.tr("BioDispersal project (*.xml)"))
            if not path:
                return False
        try:
            project = read_project(path)
        except ProjectError as exc:
            self.write_log(error_text(exc))
            return False
        self.set_biodispersal_project(path)
        self.subnetwork.setText(os.path.splitext(os.path.basename(path))[0])
        self.resolution.setValue(project.resolution)
        costs = [d.max_cost for s in project.subnetworks for d in s.dispersals]
        if costs:
            self.max_cost.setValue(costs[0])
        groups = {species_group_of(s.name) for s in project.subnetworks}
        for group in GROUPS:
            self.group_boxes[group].setChecked(group in groups)
        self.write_log(self.tr("BioDispersal project {0}: {1} sub-network(s) ({2}), run as BioDispersal runs them "
                               "(selection, fusion, friction, dispersal).").format(
            path, len(project.subnetworks), ", ".join(s.name for s in project.subnetworks)))
        for note in project.notes:
            self.write_log(error_text(note))
        for missing in project.missing_layers():
            self.write_log(self.tr("Input layer not found: {0}").format(missing))
        return True

    def set_biodispersal_project(self, path):
        self.biodispersal_project = path or ""
        self.project_label.setText(os.path.basename(self.biodispersal_project))
        self.save_project_button.setEnabled(bool(self.biodispersal_project))

    def save_biodispersal_project(self, path=None):
        """Write the study's BioDispersal project, with the resolution and maximum cost set in the
        dialog, as a project file BioDispersal reads (layer paths relative to it); the study then
        follows the saved file. Returns the path written, or "" when nothing was written."""
        if not self.biodispersal_project:
            return ""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as a BioDispersal project"), "",
                                                  self.tr("BioDispersal project (*.xml)"))
            if not path:
                return ""
        try:
            project = read_project(self.biodispersal_project)
        except ProjectError as exc:
            self.write_log(error_text(exc))
            return ""
        write_project(with_study_settings(project, self.resolution.value(), self.max_cost.value()), path)
        self.set_biodispersal_project(str(path))
        self.write_log(self.tr("Study saved as the BioDispersal project {0}.").format(path))
        return str(path)

    # --- configuration ------------------------------------------------------------------
    def config(self):
        if self.biodispersal_project:
            return {**self._study_config(), "biodispersal_project": self.biodispersal_project}
        return self._study_config()

    def _study_config(self):
        return {
            "subnetwork": self.subnetwork.text(), "landcover": layer_source(self.landcover),
            "class_field": self.class_field.currentField(),
            "nomenclature": NOMENCLATURES[self.nomenclature.currentIndex()],
            "groups": [g for g in GROUPS if self.group_boxes[g].isChecked()],
            "classes": {g: self.group_classes[g].text() for g in GROUPS},
            "min_area_ha": self.min_area.value(), "resolution": self.resolution.value(),
            "max_cost": self.max_cost.value(), "knight_move": self.knight.isChecked(),
            "distance_50": self.distance_50.value(), "max_link": self.max_link.value(),
            "output_dir": self.output_dir.filePath(),
        }

    def apply_config(self, config):
        self.set_biodispersal_project(config.get("biodispersal_project", ""))
        self.subnetwork.setText(config.get("subnetwork", ""))
        select_layer_by_source(self.landcover, config.get("landcover", ""))
        follow_class_field(self.landcover, self.class_field, config.get("class_field", ""))
        self.nomenclature.setCurrentIndex(NOMENCLATURES.index(config.get("nomenclature", "clc")))
        groups = config.get("groups", ["forest"])
        classes = config.get("classes", {})
        for group in GROUPS:
            self.group_boxes[group].setChecked(group in groups)
            self.group_classes[group].setText(classes.get(group, ""))
        self.min_area.setValue(float(config.get("min_area_ha", 0)))
        self.resolution.setValue(float(config.get("resolution", 25)))
        self.max_cost.setValue(float(config.get("max_cost", 2500)))
        self.knight.setChecked(bool(config.get("knight_move", False)))
        self.distance_50.setValue(float(config.get("distance_50", 1000)))
        self.max_link.setValue(float(config.get("max_link", 5000)))
        self.output_dir.setFilePath(config.get("output_dir", ""))

    def validate(self, config):
        if config.get("biodispersal_project"):
            try:
                read_project(config["biodispersal_project"]).check_layers()
            except ProjectError as exc:
                return [error_text(exc)]
            return []
        problems = []
        if not config["landcover"]:
            problems.append(self.tr("choose a land-cover layer (page 1)."))
        elif isinstance(self.landcover.currentLayer(), QgsVectorLayer) and not config["class_field"]:
            problems.append(self.tr("choose the class field of the land cover (page 1)."))
        if not config["groups"]:
            problems.append(self.tr("tick at least one species group (page 1)."))
        return problems

    # --- running ------------------------------------------------------------------------
    def chain_steps(self, config):
        folder = self.output_folder(config)
        if config.get("biodispersal_project"):
            return [ChainStep("biodispersal_project", "dataterra:run_biodispersal_project", {
                "PROJECT": config["biodispersal_project"], "OUTPUT_FOLDER": folder},
                self.tr("BioDispersal project"))]
        nomenclature = config["nomenclature"]
        steps = []
        is_vector = bool(config["class_field"])
        if is_vector:
            steps.append(ChainStep("landcover", "dataterra:select_habitat", {
                "LANDCOVER": config["landcover"], "CLASS_FIELD": config["class_field"],
                "CLASSES": ALL_CLASSES[nomenclature], "RESOLUTION": config["resolution"], "KEEP_CLASS": True,
                "OUTPUT": os.path.join(folder, "landcover.tif")}, self.tr("Land-cover raster")))
        for group in config["groups"]:
            steps.extend(self._subnetwork_steps(config, group, folder, is_vector))
        return steps

    def _subnetwork_steps(self, config, group, folder, is_vector):
        """friction -> patches -> dispersal -> graph for one species group (step names end in _group)."""
        nomenclature = config["nomenclature"]
        habitat = config["classes"].get(group, "").strip() or DEFAULT_HABITAT[(nomenclature, group)]

        def landcover(outputs):
            return outputs["landcover"]["OUTPUT"] if is_vector else config["landcover"]

        def path(stem):
            return os.path.join(folder, f"{stem}_{group}")

        label = self.tr("{0} ({1})")
        name = self.group_label(group)
        return [
            ChainStep(f"friction_{group}", "dataterra:friction_from_landcover", lambda outputs: {
                "INPUT": landcover(outputs), "PRESET": preset_index(nomenclature, group),
                "OUTPUT": path("friction") + ".tif"}, label.format(self.tr("Friction"), name)),
            ChainStep(f"patches_{group}", "dataterra:select_habitat", lambda outputs: {
                "LANDCOVER": landcover(outputs), "CLASSES": habitat, "MIN_AREA": config["min_area_ha"],
                "KEEP_CLASS": False, "OUTPUT": path("patches") + ".tif"},
                label.format(self.tr("Habitat patches"), name)),
            ChainStep(f"dispersal_{group}", "dataterra:cost_distance", lambda outputs: {
                "SOURCES": outputs[f"patches_{group}"]["OUTPUT"], "FRICTION": outputs[f"friction_{group}"]["OUTPUT"],
                "MAX_COST": config["max_cost"], "KNIGHT_MOVE": config["knight_move"], "UNITS": 1,
                "OUTPUT": path("dispersal") + ".tif"}, label.format(self.tr("Dispersal"), name)),
            ChainStep(f"graph_{group}", "dataterra:connectivity_graph", lambda outputs: {
                "PATCHES": outputs[f"patches_{group}"]["OUTPUT"], "FRICTION": outputs[f"friction_{group}"]["OUTPUT"],
                "MAX_DISTANCE": config["max_link"], "DISTANCE_50": config["distance_50"],
                "OUTPUT_NODES": path("graph_nodes") + ".gpkg", "OUTPUT_EDGES": path("graph_edges") + ".gpkg"},
                label.format(self.tr("Landscape graph"), name)),
        ]

    def show_results(self, config, outputs):
        self.result_layers = {}
        if config.get("biodispersal_project"):
            self._add_project_layers(outputs["biodispersal_project"])
            return
        for group in config["groups"]:
            layers = self._add_subnetwork_layers(group, outputs)
            if layers:
                self.result_layers[group] = layers

    def _add_subnetwork_layers(self, group, outputs):
        graph = outputs[f"graph_{group}"]
        name = self.group_label(group)
        dispersal = QgsRasterLayer(outputs[f"dispersal_{group}"]["OUTPUT"],
                                   self.tr("Dispersal cost ({0})").format(name))
        nodes = QgsVectorLayer(graph["OUTPUT_NODES"], self.tr("Patches, dPC ({0})").format(name), "ogr")
        edges = QgsVectorLayer(graph["OUTPUT_EDGES"], self.tr("Links ({0})").format(name), "ogr")
        for layer in (dispersal, nodes, edges):
            if not layer.isValid():
                self.write_log(self.tr("The result {0} could not be opened.").format(layer.source()))
                return None
        nodes.setRenderer(graduated_renderer(nodes, "dPC"))
        dispersal.setRenderer(cost_ramp_renderer(dispersal))
        for layer in (dispersal, nodes, edges):
            QgsProject.instance().addMapLayer(layer)
        self.write_log(self.tr("{4}: IIC = {0:.4g}, PC = {1:.4g}, ECA = {2:.1f} ha, {3} component(s).").format(
            graph["IIC"], graph["PC"], graph["ECA"], graph["N_COMPONENTS"], name))
        return dispersal, nodes, edges

    def _add_project_layers(self, result):
        """The dispersal rasters of a BioDispersal project's run, styled; what was not run in the log."""
        for key, path in json.loads(result["OUTPUTS"]).items():
            if "_dispersal_" not in key:
                continue
            layer = QgsRasterLayer(path, self.tr("Dispersal cost ({0})").format(key.split("_dispersal_")[0]))
            if not layer.isValid():
                self.write_log(self.tr("The result {0} could not be opened.").format(path))
                continue
            layer.setRenderer(cost_ramp_renderer(layer))
            QgsProject.instance().addMapLayer(layer)
            self.result_layers[key.split("_dispersal_")[0]] = (layer,)
        for note in filter(None, result.get("NOTES", "").split("\n")):
            self.write_log(note)
