"""dataterra:connectivity_graph — landscape graph of habitat patches and its indices (IIC, PC, ECA)."""
from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm, require_projected_crs
from ...dataterra_plugin.i18n import error_text
from ...rasterblocks.errors import QT_TRANSLATE_NOOP
from ...rasterblocks import open_raster, require_projected
from ..core import grids
from ..core.connectivity import run_connectivity_graph
from ..core.dispersal import label_source_patches
from .cost_distance import layer_file_path, vector_source_features


class ConnectivityGraphAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "connectivity"
    REQUIRED_MODULES = ("scipy",)
    PATCHES = "PATCHES"
    FRICTION = "FRICTION"
    MAX_DISTANCE = "MAX_DISTANCE"
    DISTANCE_50 = "DISTANCE_50"
    LANDSCAPE_AREA = "LANDSCAPE_AREA"
    RESOLUTION = "RESOLUTION"
    KNIGHT_MOVE = "KNIGHT_MOVE"
    NODE_IMPORTANCE = "NODE_IMPORTANCE"
    OUTPUT_NODES = "OUTPUT_NODES"
    OUTPUT_EDGES = "OUTPUT_EDGES"

    def name(self):
        return "connectivity_graph"

    def displayName(self):  # noqa: N802
        return self.tr("Connectivity graph and indices (IIC, PC, ECA)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Builds the landscape graph of habitat patches and computes its connectivity indices.\n"
            "PATCHES: a raster (valid non-zero cells, grouped in 8-connected patches) or polygons.\n"
            "FRICTION (optional): link lengths are least-cost distances (metres x friction, GRASS r.cost model); "
            "without it, Euclidean distances between the closest patch cells (metres). Links join patches whose "
            "zones of nearest patch touch (planar graph, as Graphab); longer paths go through patches.\n"
            "MAX_DISTANCE: longer links are dropped (0 = keep all). DISTANCE_50: distance at which the dispersal "
            "probability of a link is 0.5 (p = exp(-k d)). LANDSCAPE_AREA (ha): A_L, by default the area of the "
            "grid's extent.\n"
            "Outputs: patches with area (ha), component, dIIC, dPC and its intra / flux / connector fractions "
            "(percent); links with distance and probability; IIC and PC (Pascual-Hortal & Saura 2006, Saura & "
            "Pascual-Hortal 2007), ECA in hectares, number of components. dPC fractions: Saura & Rubio 2010.\n"
            "The importance of every patch (dPC, dIIC) is exact: for each removed patch only the paths that went "
            "through it are searched again. Its time grows with the square of the number of patches of a "
            "connected component (about a minute for one component of 2,000 patches). Turn NODE_IMPORTANCE off "
            "to get the global indices only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.PATCHES, self.tr("Habitat patches (raster or polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.FRICTION, self.tr("Friction"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Maximum link distance (0 = no limit)"), QgsProcessingParameterNumber.Double,
            0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE_50, self.tr("Distance at which dispersal probability is 0.5"),
            QgsProcessingParameterNumber.Double, 1000.0, minValue=1e-9))
        self.addParameter(QgsProcessingParameterNumber(
            self.LANDSCAPE_AREA, self.tr("Landscape area A_L in ha (0 = extent of the grid)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.RESOLUTION, self.tr("Resolution for polygon patches without friction (m)"),
            QgsProcessingParameterNumber.Double, 25.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.KNIGHT_MOVE, self.tr("Use the knight's move for least-cost distances"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.NODE_IMPORTANCE, self.tr("Compute the importance of every patch (dIIC, dPC)"), True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_NODES, self.tr("Patches (graph nodes)"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_EDGES, self.tr("Links (graph edges)"), QgsProcessing.TypeVectorLine))
        for name, description in (("IIC", self.tr("Integral index of connectivity")),
                                  ("PC", self.tr("Probability of connectivity")),
                                  ("ECA", self.tr("Equivalent connected area (ha)")),
                                  ("N_COMPONENTS", self.tr("Number of components"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        patches = self.parameterAsLayer(parameters, self.PATCHES, context)
        friction_layer = self.parameterAsRasterLayer(parameters, self.FRICTION, context)
        friction = None
        if friction_layer is not None:
            info = self.run_core(open_raster, layer_file_path(friction_layer, self.tr("The friction")))
            self.run_core(require_projected, info, self.tr("The friction raster"))
            friction = grids.read_float(info, infinite=True)
        if patches.type() == QgsMapLayer.RasterLayer:
            path = layer_file_path(patches, self.tr("The patches raster"))
            if friction is None:  # the patches raster is the grid
                info = self.run_core(open_raster, path)
                self.run_core(require_projected, info, self.tr("The patches raster"))
            values, warning = self.run_core(grids.read_on_grid, path, info, "near",
                                            QT_TRANSLATE_NOOP("DataTerraError", "The patches raster"))
            if warning:
                feedback.pushWarning(error_text(warning))
            labels = label_source_patches(values)
        else:
            if friction is None:
                require_projected_crs(patches.crs(), self.tr("The patches"))
                extent = patches.extent()
                bounds = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
                resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
                info = self.run_core(grids.make_grid, bounds, resolution, patches.crs().toWkt())
                crs = patches.crs()
            else:
                crs = friction_layer.crs()
            features = vector_source_features(patches, crs, context, feedback)
            labels = self.run_core(grids.rasterize_features, features, info, False)
        progress, is_cancelled = self.core_callbacks(feedback, 5, 100)
        nodes = self.parameterAsOutputLayer(parameters, self.OUTPUT_NODES, context)
        edges = self.parameterAsOutputLayer(parameters, self.OUTPUT_EDGES, context)
        result = self.run_core(
            run_connectivity_graph, labels, info, friction,
            distance_50=self.parameterAsDouble(parameters, self.DISTANCE_50, context),
            max_distance=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
            landscape_area_ha=self.parameterAsDouble(parameters, self.LANDSCAPE_AREA, context),
            knight_move=self.parameterAsBoolean(parameters, self.KNIGHT_MOVE, context),
            node_importance=self.parameterAsBoolean(parameters, self.NODE_IMPORTANCE, context),
            output_nodes=nodes, output_edges=edges, progress=progress, is_cancelled=is_cancelled)
        feedback.pushInfo(self.tr("{0} patches, {1} links, {2} components; IIC = {3:.6g}, PC = {4:.6g}, "
                                  "ECA = {5:.6g} ha (A_L = {6:.6g} ha).").format(
            result["N_PATCHES"], result["N_EDGES"], result["N_COMPONENTS"], result["IIC"], result["PC"],
            result["ECA"], result["LANDSCAPE_AREA"]))
        return {self.OUTPUT_NODES: nodes, self.OUTPUT_EDGES: edges, "IIC": result["IIC"], "PC": result["PC"],
                "ECA": result["ECA"], "N_COMPONENTS": result["N_COMPONENTS"]}
