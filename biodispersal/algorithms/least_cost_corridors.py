"""dataterra:least_cost_corridors — least-cost paths and corridors between habitat patches."""
import numpy as np
from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.i18n import error_text
from ...rasterblocks.errors import QT_TRANSLATE_NOOP
from ...rasterblocks import open_raster, require_projected
from ..core import corridors, grids
from ..core.dispersal import label_source_patches
from .cost_distance import layer_file_path, vector_source_features


class LeastCostCorridorsAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    REQUIRED_MODULES = ("scipy",)
    PATCHES = "PATCHES"
    FRICTION = "FRICTION"
    MAX_COST = "MAX_COST"
    PAIRS = "PAIRS"
    THRESHOLD = "THRESHOLD"
    OUTPUT_PATHS = "OUTPUT_PATHS"
    OUTPUT_CORRIDORS = "OUTPUT_CORRIDORS"

    def name(self):
        return "least_cost_corridors"

    def displayName(self):  # noqa: N802
        return self.tr("Least-cost paths and corridors")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Least-cost paths and corridors between habitat patches, with the cost model of GRASS r.cost "
            "(8 neighbours, costs in metres x friction).\n"
            "PATCHES: a raster (8-connected patches of valid non-zero cells get ids 1, 2, ...) or polygons "
            "(feature number = id). PAIRS: patch id pairs such as 1-2, 2-5; empty = neighbouring patches of the "
            "planar graph (as connectivity_graph). MAX_COST: pairs whose least cost exceeds it are skipped "
            "(0 = no limit).\n"
            "Outputs: one line per pair with its cost and length (m); a corridor raster holding, in each cell, "
            "the cost of the cheapest path between a pair through that cell (sum of the two accumulated costs) "
            "where it is at most THRESHOLD (0 = 1.1 x the pair's least cost).\n"
            "Each patch is searched once, up to the cost its pairs need (at most 1.1 x MAX_COST), and that search "
            "serves all its pairs: set MAX_COST to keep searches short on large rasters.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.PATCHES, self.tr("Habitat patches (raster or polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterRasterLayer(self.FRICTION, self.tr("Friction raster")))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_COST, self.tr("Maximum cost of a path (0 = unlimited)"), QgsProcessingParameterNumber.Double,
            0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.PAIRS, self.tr("Patch pairs (e.g. 1-2, 2-5; empty = neighbouring patches)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Corridor threshold (0 = 1.1 x least cost)"), QgsProcessingParameterNumber.Double,
            0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_PATHS, self.tr("Least-cost paths"), QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CORRIDORS, self.tr("Corridors")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        friction_layer = self.parameterAsRasterLayer(parameters, self.FRICTION, context)
        info = self.run_core(open_raster, layer_file_path(friction_layer, self.tr("The friction")))
        self.run_core(require_projected, info, self.tr("The friction raster"))
        friction = grids.read_float(info, infinite=True)
        patches = self.parameterAsLayer(parameters, self.PATCHES, context)
        if patches.type() == QgsMapLayer.RasterLayer:
            path = layer_file_path(patches, self.tr("The patches raster"))
            values, warning = self.run_core(grids.read_on_grid, path, info, "near",
                                            QT_TRANSLATE_NOOP("DataTerraError", "The patches raster"))
            if warning:
                feedback.pushWarning(error_text(warning))
            labels = label_source_patches(values)
        else:
            features = vector_source_features(patches, friction_layer.crs(), context, feedback)
            labels = self.run_core(grids.rasterize_features, features, info, False)
        pairs_text = self.parameterAsString(parameters, self.PAIRS, context)
        pairs = self.run_core(corridors.parse_pairs, pairs_text) or None
        progress, is_cancelled = self.core_callbacks(feedback, 5, 95)
        result = self.run_core(
            corridors.least_cost_corridors, labels, friction, info.geotransform, pairs,
            self.parameterAsDouble(parameters, self.MAX_COST, context),
            self.parameterAsDouble(parameters, self.THRESHOLD, context), progress, is_cancelled)
        paths = self.parameterAsOutputLayer(parameters, self.OUTPUT_PATHS, context)
        corridor_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CORRIDORS, context)
        self.run_core(corridors.write_paths, paths, result, info)
        self.run_core(grids.write_array, corridor_path, info, grids.float_with_nodata(result.corridor), np.float32,
                      grids.FLOAT_NODATA, "corridor cost")
        feedback.pushInfo(self.tr("{0} least-cost path(s).").format(len(result.paths)))
        return {self.OUTPUT_PATHS: paths, self.OUTPUT_CORRIDORS: corridor_path}
