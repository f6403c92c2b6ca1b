"""dataterra:diversity_at_plots — every index per field plot and the plots' Bray-Curtis matrix."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ..core import diversity

Number = QgsProcessingParameterNumber


class DiversityAtPlotsAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "biodiversity"
    INPUT = "INPUT"
    PLOTS = "PLOTS"
    ID_FIELD = "ID_FIELD"
    RADIUS = "RADIUS"
    PCELIM = "PCELIM"
    HILL_Q = "HILL_Q"
    PCA = "PCA"
    DIMENSIONS = "DIMENSIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"

    def name(self):
        return "diversity_at_plots"

    def displayName(self):  # noqa: N802
        return self.tr("Spectral diversity at field plots")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Computes the spectral diversity indices inside field plots, to compare them with "
            "field inventories.\n\n"
            "Plots are polygons, or points with a RADIUS (circular plots). The pixels whose "
            "centre falls inside a plot are counted per spectral species; the table gives, per "
            "plot, the number of valid pixels and the mean and standard deviation over iterations "
            "of richness, Shannon, Simpson, Fisher's alpha and the Hill number of order HILL_Q "
            "(species below PCELIM of the plot ignored). The second table gives the Bray-Curtis "
            "dissimilarity of every pair of plots (mean over iterations). Plots are reprojected "
            "to the raster's CRS.\n\n"
            "With the optional PCA raster of Spectral species, the functional richness, evenness "
            "and divergence (FRic, FEve, FDiv, Villéger et al. 2008) of each plot's pixels on the "
            "first DIMENSIONS components are added."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.INPUT, self.tr("Spectral species (one band per iteration)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLOTS, self.tr("Field plots (polygons or points)"),
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Plot identifier field"), parentLayerParameterName=self.PLOTS, optional=True))
        self.addParameter(QgsProcessingParameterDistance(
            self.RADIUS, self.tr("Plot radius for points"), 20.0, self.PLOTS, minValue=0.0))
        self.addParameter(Number(self.PCELIM, self.tr("Ignore species below this share of a plot (PCELIM)"),
                                 Number.Double, 0.02, False, 0.0, 1.0))
        self.addParameter(Number(self.HILL_Q, self.tr("Order q of the Hill number"), Number.Double, 2.0, False, 0.0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PCA, self.tr("PCA scores, for functional diversity"), optional=True))
        self.addParameter(Number(self.DIMENSIONS, self.tr("PCA components used"), Number.Integer, 3, False, 1, 10))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Diversity at plots")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATRIX, self.tr("Bray-Curtis between plots"), QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = self.parameterAsSource(parameters, self.PLOTS, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        points = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PointGeometry
        if points and radius <= 0:
            raise QgsProcessingException(self.tr("The plots are points: give a RADIUS greater than 0."))
        transform = QgsCoordinateTransform(source.sourceCrs(), raster.crs(), context.transformContext())
        plots, geometries = [], []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                raise QgsProcessingException(self.tr("Plot {0} has no geometry.").format(feature.id()))
            geometry.transform(transform)
            if points:
                geometry = geometry.buffer(radius, 32)
            plot_id = str(feature[id_field]) if id_field else str(feature.id())
            plots.append((plot_id, geometry.asWkt()))
            geometries.append(geometry)
        progress, is_cancelled = self.core_callbacks(feedback)
        pca = self.parameterAsRasterLayer(parameters, self.PCA, context)
        rows, names, matrix = self.run_core(
            diversity.diversity_at_plots, raster.source(), plots,
            pcelim=self.parameterAsDouble(parameters, self.PCELIM, context),
            hill_q=self.parameterAsDouble(parameters, self.HILL_Q, context),
            pca_path=pca.source() if pca else None,
            dimensions=self.parameterAsInt(parameters, self.DIMENSIONS, context),
            progress=progress, is_cancelled=is_cancelled)
        output = self.write_table(parameters, context, rows, names, geometries, raster.crs())
        matrix_output = self.write_matrix(parameters, context, [p for p, _ in plots], matrix)
        return {self.OUTPUT: output, self.OUTPUT_MATRIX: matrix_output}

    def write_table(self, parameters, context, rows, names, geometries, crs):
        fields = QgsFields()
        fields.append(QgsField("plot_id", QVariant.String))
        fields.append(QgsField("valid_px", QVariant.Int))
        for name in names:
            fields.append(QgsField(name, QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        for row, geometry in zip(rows, geometries):
            feature = QgsFeature(fields)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            values = [row["plot_id"], row["valid_pixels"]]
            values += [None if row[n] != row[n] else row[n] for n in names]  # NaN -> NULL
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest

    def write_matrix(self, parameters, context, plot_ids, matrix):
        fields = QgsFields()
        fields.append(QgsField("plot_a", QVariant.String))
        fields.append(QgsField("plot_b", QVariant.String))
        fields.append(QgsField("bray_curtis", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_MATRIX, context, fields, QgsWkbTypes.NoGeometry)
        for i, a in enumerate(plot_ids):
            for j, b in enumerate(plot_ids):
                if j > i:
                    feature = QgsFeature(fields)
                    feature.setAttributes([a, b, float(matrix[i, j])])
                    sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest
