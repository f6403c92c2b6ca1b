"""dataterra:run_fragscape_project — run a FragScape project file with the plugin's algorithms."""
import os

import processing
from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessing,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.i18n import error_text
from ..core.blocklabel import NEIGHBOURS
from ..project import CBC, FRAGSCAPE_NEIGHBOURS, RASTER, read_project

DEFAULT_RESOLUTION = 10.0


class RunFragScapeProject(DataTerraAlgorithm):
    GROUP_ID = "fragmentation"
    PROJECT = "PROJECT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    LANDUSE = "LANDUSE"
    REPORTING = "REPORTING"
    STUDY_AREA = "STUDY_AREA"
    OUTPUT = "OUTPUT"
    FRAGMENTING = "FRAGMENTING"

    def name(self):
        return "run_fragscape_project"

    def displayName(self):  # noqa: N802
        return self.tr("Run a FragScape project")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Runs a FragScape project file (.xml) with this plugin's algorithms: the land-use classes "
            "the project selects are habitat, its fragmenting layers (filtered and buffered as in the "
            "project) cut them, and the effective mesh size is measured per reporting unit with the "
            "project's method (CUT or CBC), in vector or raster mode.\n\n"
            "PROJECT: the FragScape project file. Paths in it are relative to its workspace, or to the "
            "file's own folder when the workspace does not exist here.\n"
            "OUTPUT_FOLDER: where the buffered layers, the habitat patches and the results go.\n"
            "LANDUSE, STUDY_AREA, REPORTING: optional layers that replace the project's (e.g. when a file "
            "has moved).\n"
            "What the project holds that the plugin does not use is listed in the log. Nothing runs when "
            "an input layer is missing: the message names it.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.PROJECT, self.tr("FragScape project file"), extension="xml"))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.LANDUSE, self.tr("Land use (replaces the project's)"), optional=True,
            types=[QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeRaster]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.STUDY_AREA, self.tr("Study area (replaces the project's)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.REPORTING, self.tr("Reporting units (replace the project's)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, self.tr("Effective mesh size per unit")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.FRAGMENTING, self.tr("Fragmenting layers")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.run_core(read_project, self.parameterAsFile(parameters, self.PROJECT, context))
        self._apply_overrides(project, parameters, context)
        for note in project.unmapped:
            feedback.pushWarning(error_text(note))
        missing = project.missing_inputs()
        if missing:
            raise QgsProcessingException(self.tr(
                "Input layers of the project are missing, nothing was run: {0}. Give the layer as a parameter "
                "(LANDUSE, STUDY_AREA, REPORTING) or put the file back.").format(
                "; ".join(f"{error_text(what)} ({path})" for what, path in missing)))
        if not project.habitat_classes:
            raise QgsProcessingException(self.tr("The project selects no habitat class: nothing to measure."))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        os.makedirs(folder, exist_ok=True)
        items = [item for item in project.fragmenting if item.fragments]
        steps = QgsProcessingMultiStepFeedback(len(items) + 2, feedback)

        def run(algorithm, params, step):
            steps.setCurrentStep(step)
            result = processing.run(algorithm, params, context=context, feedback=steps, is_child_algorithm=True)
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            return result

        fragmenting = [run("dataterra:fragmenting_elements", {
            "INPUT": item.path, "FILTER": item.select_expr, "BUFFER": item.buffer or "0",
            "OUTPUT": os.path.join(folder, f"fragmenting_{number}_{_safe(item.name)}.gpkg")}, number)["OUTPUT"]
            for number, item in enumerate(items)]
        raster = project.mode == RASTER
        landscape = run("dataterra:prepare_landscape", {
            "LANDCOVER": project.landuse_path, "CLASS_FIELD": project.class_field,
            "HABITAT_CLASSES": ",".join(project.habitat_classes), "FRAGMENTING": fragmenting,
            "STUDY_AREA": project.study_area_path or None, "MODE": 1 if raster else 0,
            "RESOLUTION": project.resolution or DEFAULT_RESOLUTION,
            "OUTPUT": os.path.join(folder, "habitat_patches.gpkg"),
            "OUTPUT_RASTER": os.path.join(folder, "habitat.tif") if raster else None}, len(items))["OUTPUT"]
        output = os.path.join(folder, project.output_name or f"results{project.method}.gpkg")
        run("dataterra:effective_mesh_size", {
            "INPUT": landscape, "REPORTING": project.reporting_path or None,
            "METHOD": 1 if project.method == CBC else 0, "CONNECTIVITY": NEIGHBOURS.index(FRAGSCAPE_NEIGHBOURS),
            "OUTPUT": output}, len(items) + 1)
        return {self.OUTPUT: output, self.FRAGMENTING: fragmenting, self.OUTPUT_FOLDER: folder}

    def _apply_overrides(self, project, parameters, context):
        for name, attribute in ((self.LANDUSE, "landuse_path"), (self.STUDY_AREA, "study_area_path"),
                                (self.REPORTING, "reporting_path")):
            if parameters.get(name) in (None, ""):
                continue
            layer = self.parameterAsLayer(parameters, name, context)
            if layer is None:
                raise QgsProcessingException(self.tr("The layer given as {0} could not be loaded.").format(name))
            setattr(project, attribute, layer.source())


def _safe(name):
    """A file-name-safe version of an item name."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "item"
