"""dataterra:run_biodispersal_project — run a BioDispersal project file (selection, fusion, friction, dispersal)."""
import json
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.i18n import error_text
from ..core import project_run
from ..projects import biodispersal_xml


def open_vector(path, what):
    """A QgsVectorLayer of ``path`` (``file|layername=x`` allowed); shapefiles without a .cpg
    are read as Latin-1, as BioDispersal does on Linux and macOS."""
    layer = QgsVectorLayer(path, os.path.basename(path), "ogr")
    if not layer.isValid():
        raise QgsProcessingException(what)
    file_path = path.split("|")[0]
    if file_path.lower().endswith(".shp") and not os.path.exists(os.path.splitext(file_path)[0] + ".cpg"):
        layer.dataProvider().setEncoding("ISO-8859-1")
    return layer


def is_raster(path):
    layer = QgsRasterLayer(path.split("|")[0], "", "gdal")
    return layer.isValid() and not path.lower().endswith((".shp", ".gpkg", ".geojson", ".sqlite"))


class RunBioDispersalProjectAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    REQUIRED_MODULES = ("scipy", "defusedxml")
    PROJECT = "PROJECT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    SUBNETWORKS = "SUBNETWORKS"
    LAYER_OVERRIDES = "LAYER_OVERRIDES"
    SAVED_PROJECT = "SAVED_PROJECT"
    OUTPUTS = "OUTPUTS"
    NOTES = "NOTES"

    def name(self):
        return "run_biodispersal_project"

    def displayName(self):  # noqa: N802
        return self.tr("Run a BioDispersal project")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Runs a BioDispersal project file (.xml) as BioDispersal does: selection of each group (vector "
            "features by expression or by field value, burnt all-touched; raster values reclassified) at the "
            "project's resolution, clipped to its extent layer; fusion of the groups by priority for each "
            "sub-network; friction from the project's table (classes without friction are impassable); "
            "dispersal from each cost item's start layer up to its maximum cost (GRASS r.cost's cost model, "
            "8 neighbours, friction 0 allowed).\n"
            "Paths are relative to the project's workspace, or to the project file's folder when the workspace "
            "does not exist. Every input layer is checked first: a missing one is named and nothing is run.\n"
            "SUBNETWORKS: names separated by commas (empty = all). LAYER_OVERRIDES: replace input layers, "
            "written as path-in-project=new path, separated by semicolons (e.g. "
            "Source/Routes/ROUTES.shp=/data/roads.gpkg).\n"
            "Outputs in OUTPUT_FOLDER: Groups/<group>.tif and, per sub-network, <name>/<name>_classes.tif, "
            "<name>_friction.tif and <name>_disp_<max cost>.tif. Weighting items are listed in NOTES, not run.\n"
            "SAVED_PROJECT (optional): the project, with its layer overrides, saved as a BioDispersal project file "
            "(paths relative to it) that BioDispersal opens.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.PROJECT, self.tr("BioDispersal project file"),
                                                     extension="xml"))
        self.addParameter(QgsProcessingParameterString(self.SUBNETWORKS, self.tr("Sub-networks (empty = all)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER_OVERRIDES, self.tr("Layer overrides (path-in-project=new path; ...)"), optional=True,
            multiLine=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SAVED_PROJECT, self.tr("Save the project as a BioDispersal project file"),
            self.tr("BioDispersal project (*.xml)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.OUTPUTS, self.tr("Output files (JSON)")))
        self.addOutput(QgsProcessingOutputString(self.NOTES, self.tr("What was not mapped, and why")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        project = self.run_core(biodispersal_xml.read_project, self.parameterAsFile(parameters, self.PROJECT, context))
        overrides = self.run_core(biodispersal_xml.parse_overrides,
                                  self.parameterAsString(parameters, self.LAYER_OVERRIDES, context))
        if overrides:
            project = self.run_core(project.with_layers, overrides)
        self.run_core(project.check_layers)
        saved = self.parameterAsFileOutput(parameters, self.SAVED_PROJECT, context)
        if saved:
            self.run_core(biodispersal_xml.write_project, project, saved)
        wanted = [n.strip() for n in self.parameterAsString(parameters, self.SUBNETWORKS, context).split(",")
                  if n.strip()]
        subnetworks = [self.run_core(project.subnetwork, n) for n in wanted] if wanted else project.subnetworks
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        for note in project.notes:
            feedback.pushWarning(error_text(note))
        crs = QgsCoordinateReferenceSystem(project.crs)
        grid = self.run_core(project_run.working_grid, self._extent(project, crs, context), project.resolution,
                             crs.toWkt())
        groups_needed = {g for s in subnetworks for g in s.priority}
        feedback.pushInfo(self.tr("Selection of {0} group(s)...").format(len(groups_needed)))
        group_arrays, study, outputs = {}, None, {}
        for number, group in enumerate(sorted(groups_needed)):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user: no output was written."))
            working = self._select_group(project, group, grid, crs, context)
            if working is None:
                continue
            group_arrays[group], study = self.run_core(project_run.clip_to_extent, working, grid,
                                                       project.extent_layer, project_run.CLASS_NODATA)
            outputs[f"group_{group}"] = project_run.write_grid_raster(
                os.path.join(folder, "Groups", f"{group}.tif"), study, group_arrays[group],
                project_run.CLASS_NODATA, group)
            feedback.setProgress(30.0 * (number + 1) / max(1, len(groups_needed)))
        if study is None:
            raise QgsProcessingException(self.tr("No selection of the project fills the groups of the chosen "
                                                 "sub-networks."))
        for number, subnetwork in enumerate(subnetworks):
            feedback.pushInfo(self.tr("Sub-network {0}: fusion, friction, dispersal...").format(subnetwork.name))
            starts = [(d.max_cost, self._start_raster(d.start_layer, grid, crs, project, context))
                      for d in subnetwork.dispersals]
            _, is_cancelled = self.core_callbacks(feedback)
            written = self.run_core(project_run.run_subnetwork, subnetwork.name, subnetwork.priority,
                                    subnetwork.frictions, starts, group_arrays, study, folder, is_cancelled)
            outputs.update({f"{subnetwork.name}_{key}": path for key, path in written.items()})
            feedback.setProgress(30.0 + 70.0 * (number + 1) / len(subnetworks))
        notes = [error_text(note) for note in project.notes]
        results = {self.OUTPUT_FOLDER: folder, self.OUTPUTS: json.dumps(outputs), self.NOTES: "\n".join(notes)}
        if saved:
            results[self.SAVED_PROJECT] = saved
        return results

    def _extent(self, project, crs, context):
        """(xmin, ymin, xmax, ymax) of the extent layer's bounding box in the project CRS."""
        path = project.extent_layer
        layer = QgsRasterLayer(path, "extent", "gdal") if is_raster(path) else open_vector(
            path, self.tr("The extent layer {0} cannot be opened.").format(path))
        box = QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(layer.extent())
        return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()

    def _select_group(self, project, group, grid, crs, context):
        """Int16 array of the group's classes on the working grid (None if no selection fills it)."""
        selections = [s for s in project.selections if s.group == group]
        if not selections:
            return None
        rasters = [s for s in selections if not s.is_vector]
        if rasters:
            if len(selections) > 1:
                raise QgsProcessingException(self.tr("Group {0} has a raster selection and other selections: "
                                                     "BioDispersal allows one raster selection per group.")
                                             .format(group))
            selection = rasters[0]
            codes = {} if selection.mode == "raster_resample" else selection.codes
            return self.run_core(project_run.reclassify_onto, selection.layer, codes, grid, selection.value or "near")
        features = []
        for selection in selections:
            features.extend(self._coded_features(selection, crs, context))
        return self.run_core(project_run.burn_features, features, grid)

    def _coded_features(self, selection, crs, context):
        """[(class code, WKB in the project CRS)] of a vector selection, in layer order."""
        layer = open_vector(selection.layer, self.tr("The layer {0} of group {1} cannot be opened.")
                            .format(selection.layer, selection.group))
        transform = QgsCoordinateTransform(layer.crs(), crs, context.transformContext())
        request = QgsFeatureRequest()
        if selection.mode == "expression" and selection.value.strip():
            request.setFilterExpression(selection.value)
        if selection.mode == "field" and layer.fields().indexOf(selection.value) < 0:
            raise QgsProcessingException(self.tr("The layer {0} has no field {1} (group {2}).").format(
                selection.layer, selection.value, selection.group))
        coded = []
        for feature in layer.getFeatures(request):
            if selection.mode == "field":
                code = selection.codes.get(str(feature[selection.value]))
                if code is None:
                    continue  # a value the project has no class for
            else:
                code = selection.codes[""]
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            geometry.transform(transform)
            coded.append((code, bytes(geometry.asWkb())))
        return coded

    def _start_raster(self, path, grid, crs, project, context):
        """Start cells (1, nodata 0) of a dispersal on the study grid, burnt as BioDispersal does."""
        if is_raster(path):
            working = self.run_core(project_run.reclassify_onto, path, {"": 1}, grid)
            working[working == project_run.CLASS_NODATA] = project_run.START_NODATA
        else:
            layer = open_vector(path, self.tr("The start layer {0} cannot be opened.").format(path))
            transform = QgsCoordinateTransform(layer.crs(), crs, context.transformContext())
            features = []
            for feature in layer.getFeatures():
                geometry = feature.geometry()
                if not geometry.isEmpty():
                    geometry.transform(transform)
                    features.append((1, bytes(geometry.asWkb())))
            working = self.run_core(project_run.burn_features, features, grid, False, project_run.START_NODATA)
        start, _ = self.run_core(project_run.clip_to_extent, working, grid, project.extent_layer,
                                 project_run.START_NODATA)
        return start
