"""dataterra:select_habitat, dataterra:merge_by_priority, dataterra:friction_from_landcover.

BioDispersal's selection, fusion and friction steps as Processing algorithms.
"""
import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm, require_projected_crs
from ...dataterra_plugin.i18n import error_text
from ...rasterblocks.errors import QT_TRANSLATE_NOOP
from ...rasterblocks import open_raster, require_projected
from ..core import friction as friction_core
from ..core import grids, landcover
from .cost_distance import layer_file_path, translate


def class_features(layer, field, target_crs, context, feedback):
    """(class code, WKB) pairs of a polygon layer, geometries in ``target_crs``."""
    transform = QgsCoordinateTransform(layer.crs(), target_crs, context.transformContext())
    pairs = []
    for feature in layer.getFeatures():
        if feedback.isCanceled():
            break
        value = feature[field]
        try:
            code = int(float(value))
        except (TypeError, ValueError):
            raise QgsProcessingException(
                translate("ConnectivityInputs", "The class field {0} must hold numeric codes; found {1!r}.").format(
                    field, value)) from None
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        pairs.append((code, bytes(geometry.asWkb())))
    return pairs


class SelectHabitatAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    REQUIRED_MODULES = ("scipy",)
    LANDCOVER = "LANDCOVER"
    CLASS_FIELD = "CLASS_FIELD"
    CLASSES = "CLASSES"
    MIN_AREA = "MIN_AREA"
    KEEP_CLASS = "KEEP_CLASS"
    RESOLUTION = "RESOLUTION"
    REFERENCE = "REFERENCE"
    OUTPUT = "OUTPUT"

    def name(self):
        return "select_habitat"

    def displayName(self):  # noqa: N802
        return self.tr("Select habitat from land cover")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Selects the cells of chosen land-cover classes (BioDispersal's selection step).\n"
            "LANDCOVER: a raster of class codes, or a polygon layer with CLASS_FIELD holding numeric codes "
            "(rasterised on the grid of REFERENCE, or at RESOLUTION metres over the layer's extent).\n"
            "CLASSES: codes separated by commas, ranges allowed (e.g. 311-313, 324).\n"
            "MIN_AREA (hectares): 8-connected patches smaller than this are dropped.\n"
            "OUTPUT: int32 raster holding the class (or 1 when 'keep the class' is off), nodata elsewhere.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.LANDCOVER, self.tr("Land cover (raster, or polygons with a class field)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (polygon land cover)"), parentLayerParameterName=self.LANDCOVER,
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.CLASSES, self.tr("Classes to select (e.g. 311-313, 324)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum patch area (ha)"), QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(self.KEEP_CLASS, self.tr("Keep the class as value"), True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RESOLUTION, self.tr("Resolution for polygon land cover (m)"), QgsProcessingParameterNumber.Double,
            25.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE, self.tr("Reference grid (raster, optional)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Selected habitat")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer = self.parameterAsLayer(parameters, self.LANDCOVER, context)
        classes = self.run_core(landcover.parse_classes, self.parameterAsString(parameters, self.CLASSES, context))
        reference = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        if layer.type() == QgsMapLayer.RasterLayer:
            info = self.run_core(open_raster, layer_file_path(layer, self.tr("The land cover")))
            values = grids.read_float(info)
            if reference is not None:
                ref = self.run_core(open_raster, layer_file_path(reference, self.tr("The reference")))
                values, warning = self.run_core(grids.read_on_grid, info.path, ref, "near",
                                                QT_TRANSLATE_NOOP("DataTerraError", "The land cover"))
                info = ref
                if warning:
                    feedback.pushWarning(error_text(warning))
        else:
            values, info = self.rasterise_landcover(layer, parameters, context, feedback, reference)
        require = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        if require > 0:
            self.run_core(require_projected, info, self.tr("The land cover grid"))
        _, is_cancelled = self.core_callbacks(feedback)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        counts = self.run_core(
            landcover.select_habitat, values, info, classes, output, min_area=require * 10000.0,
            keep_class=self.parameterAsBoolean(parameters, self.KEEP_CLASS, context), is_cancelled=is_cancelled)
        feedback.pushInfo(self.tr("{0} cells selected ({1:.1f} ha).").format(
            counts["selected_cells"], counts["selected_area_m2"] / 10000.0))
        return {self.OUTPUT: output}

    def rasterise_landcover(self, layer, parameters, context, feedback, reference):
        field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        if not field:
            raise QgsProcessingException(self.tr("A polygon land cover needs its class field (CLASS_FIELD)."))
        if reference is not None:
            grid = self.run_core(open_raster, layer_file_path(reference, self.tr("The reference")))
            crs = reference.crs()
        else:
            require_projected_crs(layer.crs(), self.tr("The land cover (or give a reference raster)"))
            extent = layer.extent()
            grid = self.run_core(grids.make_grid, (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                                   extent.yMaximum()),
                                 self.parameterAsDouble(parameters, self.RESOLUTION, context), layer.crs().toWkt())
            crs = layer.crs()
        features = class_features(layer, field, crs, context, feedback)
        codes = self.run_core(grids.rasterize_features, features, grid, False).astype(np.float64)
        codes[codes == 0] = np.nan
        return codes, grid


class MergeByPriorityAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    INPUTS = "INPUTS"
    OUTPUT = "OUTPUT"

    def name(self):
        return "merge_by_priority"

    def displayName(self):  # noqa: N802
        return self.tr("Merge rasters by priority")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Stacks several rasters in priority order: in each cell the first raster of the list with a "
            "valid (non-nodata) value gives the output value (BioDispersal's fusion step, e.g. roads over "
            "rivers over land cover). The output is on the grid of the first raster; the others are resampled "
            "onto it (nearest neighbour) with a warning.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUTS, self.tr("Rasters, highest priority first"), QgsProcessing.TypeRaster))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Merged")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        paths = [layer_file_path(layer, self.tr("Each input")) for layer in layers]
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        _, is_cancelled = self.core_callbacks(feedback)
        for warning in self.run_core(landcover.merge_by_priority, paths, output, is_cancelled):
            feedback.pushWarning(error_text(warning))
        return {self.OUTPUT: output}


class FrictionFromLandcoverAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    INPUT = "INPUT"
    PRESET = "PRESET"
    TABLE = "TABLE"
    TABLE_COLUMN = "TABLE_COLUMN"
    OVERLAYS = "OVERLAYS"
    OVERLAY_FRICTIONS = "OVERLAY_FRICTIONS"
    OUTPUT = "OUTPUT"
    PRESETS = [("", ""), ("oso", "forest"), ("oso", "open_grassland"), ("oso", "wetland"),
               ("clc", "forest"), ("clc", "open_grassland"), ("clc", "wetland")]

    def name(self):
        return "friction_from_landcover"

    def displayName(self):  # noqa: N802
        return self.tr("Friction from land cover")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Turns a land-cover raster into a friction raster with a class -> friction table (BioDispersal's "
            "friction step). Use a preset (OSO 23 classes or Corine Land Cover, for forest, open grassland or "
            "wetland species) or a CSV table whose columns are the class code and the friction (TABLE_COLUMN "
            "names the friction column; by default the column 'friction' or the second one). Frictions are "
            "numbers >= 0 (0 or 1 = habitat; 0 is a free crossing, as in BioDispersal and GRASS r.cost); an empty "
            "value means impassable and becomes nodata, a barrier for cost distance. Classes of the raster "
            "missing from the table are listed in the error.\n"
            "OVERLAYS (optional): rasters such as roads or rivers whose valid non-zero cells get their own "
            "friction, given in OVERLAY_FRICTIONS in the same order (e.g. 1000, , 50; empty = impassable); the "
            "first overlay wins where they overlap. Output: float32, nodata = impassable.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Land cover raster")))
        self.addParameter(QgsProcessingParameterEnum(self.PRESET, self.tr("Preset"), [
            self.tr("None (use the CSV table)"), self.tr("OSO, forest species"), self.tr("OSO, open grassland species"),
            self.tr("OSO, wetland species"), self.tr("Corine Land Cover, forest species"),
            self.tr("Corine Land Cover, open grassland species"), self.tr("Corine Land Cover, wetland species")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("Friction table (CSV)"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TABLE_COLUMN, self.tr("Friction column of the table"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.OVERLAYS, self.tr("Overlays with their own friction"), QgsProcessing.TypeRaster,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OVERLAY_FRICTIONS, self.tr("Frictions of the overlays, in order (e.g. 1000, , 50)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Friction")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        nomenclature, group = self.PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        table_path = self.parameterAsFile(parameters, self.TABLE, context)
        if nomenclature:
            table = self.run_core(friction_core.preset_table, nomenclature, group)
        elif table_path:
            column = self.parameterAsString(parameters, self.TABLE_COLUMN, context) or None
            table = self.run_core(friction_core.read_friction_table, table_path, column)
        else:
            raise QgsProcessingException(self.tr("Choose a preset or give a friction table (CSV)."))
        overlay_layers = self.parameterAsLayerList(parameters, self.OVERLAYS, context) or []
        overlay_paths = [layer_file_path(o, self.tr("Each overlay")) for o in overlay_layers]
        frictions = self.run_core(friction_core.parse_overlay_frictions,
                                  self.parameterAsString(parameters, self.OVERLAY_FRICTIONS, context),
                                  len(overlay_paths)) if overlay_paths else []
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        counts = self.run_core(friction_core.friction_from_landcover,
                               layer_file_path(layer, self.tr("The land cover")), table, output,
                               progress, is_cancelled, list(zip(overlay_paths, frictions)))
        for warning in counts["warnings"]:
            feedback.pushWarning(error_text(warning))
        feedback.pushInfo(self.tr("{0} classes, {1} impassable cells.").format(
            counts["classes"], counts["impassable_cells"]))
        return {self.OUTPUT: output}
