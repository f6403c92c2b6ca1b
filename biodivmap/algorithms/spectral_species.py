"""dataterra:spectral_species — PCA + k-means spectral species (biodivMapR-style)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.i18n import error_text
from ...dataterra_plugin.scale import scheduler_help, scheduler_parameter, scheduler_value
from ..core import sensors, spectral

Number = QgsProcessingParameterNumber


class SpectralSpeciesAlgorithm(DataTerraAlgorithm):
    GROUP_ID = "biodiversity"
    INPUT = "INPUT"
    SENSOR = "SENSOR"
    WAVELENGTHS = "WAVELENGTHS"
    MASK = "MASK"
    NDVI_MIN = "NDVI_MIN"
    SHADE_NIR_MIN = "SHADE_NIR_MIN"
    CLOUD_BLUE_MAX = "CLOUD_BLUE_MAX"
    IQR_WEIGHT = "IQR_WEIGHT"
    CONTINUUM_REMOVAL = "CONTINUUM_REMOVAL"
    SAMPLE_SIZE = "SAMPLE_SIZE"
    COMPONENTS = "COMPONENTS"
    VARIANCE = "VARIANCE"
    N_CLUSTERS = "N_CLUSTERS"
    N_ITER = "N_ITER"
    SEED = "SEED"
    CLUSTERING = "CLUSTERING"
    CLUSTER_IQR_WEIGHT = "CLUSTER_IQR_WEIGHT"
    PCA_TYPE = "PCA_TYPE"
    EXCLUDE_WATER_VAPOUR = "EXCLUDE_WATER_VAPOUR"
    MODEL = "MODEL"
    OUTPUT = "OUTPUT"
    OUTPUT_PCA = "OUTPUT_PCA"
    OUTPUT_MASK = "OUTPUT_MASK"
    OUTPUT_MODEL = "OUTPUT_MODEL"

    SENSOR_CHOICES = [None] + sensors.SENSOR_KEYS

    def name(self):
        return "spectral_species"

    def displayName(self):  # noqa: N802
        return self.tr("Spectral species (PCA + k-means)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Clusters the pixels of a multispectral image (Sentinel-2, SPOT 6-7, Pléiades) into "
            "'spectral species' (Féret & Asner 2014, biodivMapR).\n\n"
            "Band wavelengths come from the wavelength list, else the sensor preset, else the "
            "file's metadata. Reflectance stored as integers ×10,000 is detected and rescaled. "
            "Pixels are masked where the input is nodata, the optional mask is 0, NDVI is below "
            "NDVI_MIN (not vegetation), NIR reflectance is below SHADE_NIR_MIN (shade), blue "
            "reflectance is above CLOUD_BLUE_MAX (clouds), or a value lies outside the "
            "inter-quartile fences [Q1 - w·IQR, Q3 + w·IQR] (w = IQR_WEIGHT). Optional continuum "
            "removal divides each spectrum by its convex hull. Bands in the water-vapour ranges "
            "(below 400, 895-1005, 1320-1480, 1780-2040 nm) are dropped, as biodivMapR does. "
            "biodivMapR's own mask thresholds are NDVI_MIN 0.8, SHADE_NIR_MIN 0.15 and "
            "CLOUD_BLUE_MAX 0.05.\n\n"
            "A PCA (standardised bands by default, as biodivMapR's SPCA) is fitted on a seeded "
            "random sample of SAMPLE_SIZE valid pixels; COMPONENTS axes are kept (0: as many as "
            "needed to explain VARIANCE). N_ITER k-means with N_CLUSTERS centroids are fitted on "
            "disjoint parts of the sample, and every pixel gets the number of its nearest "
            "centroid, one band per iteration (0 = masked). The same SEED gives the same "
            "result.\n\n"
            "Clustering: by default as biodivMapR 1.14: each component rescaled to its "
            "inter-quartile fences (Q1 - w·IQR, Q3 + w·IQR; w = CLUSTER_IQR_WEIGHT, 2; "
            "biodivMapR 2 uses 3), then Hartigan-Wong k-means (R's kmeans) from 10 random "
            "starts. The Lloyd option (k-means++ on the raw components) separates the true "
            "species better when N_CLUSTERS equals their number.\n\n"
            "Outputs: spectral species, PCA scores, mask (1 valid, 0 masked) and the model file "
            "(.npz), which MODEL can reuse to classify another date or tile with the same "
            "species. The image is processed by blocks."
        ) + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Multispectral image")))
        self.addParameter(QgsProcessingParameterEnum(
            self.SENSOR, self.tr("Sensor preset (band wavelengths)"),
            options=[self.tr("From the file's metadata"), self.tr("Sentinel-2, 10 m bands (B2, B3, B4, B8)"),
                     self.tr("Sentinel-2, 10 bands at 20 m (B2 to B12 without B1, B9, B10)"),
                     self.tr("SPOT 6-7 (blue, green, red, NIR)"), self.tr("Pléiades (blue, green, red, NIR)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.WAVELENGTHS, self.tr("Band wavelengths in nm, comma separated (overrides the preset)"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.MASK, self.tr("Mask (0 = excluded)"), optional=True))
        self.addParameter(Number(self.NDVI_MIN, self.tr("Minimum NDVI"), Number.Double, 0.3, False, -1, 1))
        self.addParameter(Number(self.SHADE_NIR_MIN, self.tr("Shade: minimum NIR reflectance (0-1)"),
                                 Number.Double, 0.15, False, 0, 1))
        self.addParameter(Number(self.CLOUD_BLUE_MAX, self.tr("Clouds: maximum blue reflectance (0-1)"),
                                 Number.Double, 0.10, False, 0, 1))
        self.addParameter(Number(self.IQR_WEIGHT, self.tr("Outlier filter: inter-quartile range weight"),
                                 Number.Double, 4.0, False, 0.5))
        self.addParameter(QgsProcessingParameterBoolean(self.CONTINUUM_REMOVAL, self.tr("Continuum removal"), False))
        self.addParameter(Number(self.SAMPLE_SIZE, self.tr("Pixels sampled to fit PCA and k-means"),
                                 Number.Integer, 100000, False, 100))
        self.addParameter(Number(self.COMPONENTS, self.tr("PCA components kept (0: by explained variance)"),
                                 Number.Integer, 0, False, 0))
        self.addParameter(Number(self.VARIANCE, self.tr("Explained variance to keep when components = 0"),
                                 Number.Double, 0.98, False, 0.5, 1.0))
        self.addParameter(Number(self.N_CLUSTERS, self.tr("Number of spectral species (clusters)"),
                                 Number.Integer, 50, False, 2, 65000))
        self.addParameter(Number(self.N_ITER, self.tr("Number of k-means iterations (subsamples)"),
                                 Number.Integer, 10, False, 1, 100))
        self.addParameter(Number(self.SEED, self.tr("Random seed"), Number.Integer, 0, False, 0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CLUSTERING, self.tr("Clustering"),
            options=[self.tr("Hartigan-Wong on components rescaled to their IQR fences (biodivMapR)"),
                     self.tr("Lloyd with k-means++ seeding on the raw components")], defaultValue=0))
        self.addParameter(Number(self.CLUSTER_IQR_WEIGHT,
                                 self.tr("Clustering: IQR weight of the rescaling fences (biodivMapR 1: 2, 2: 3)"),
                                 Number.Double, 2.0, False, 0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.PCA_TYPE, self.tr("PCA"), options=[self.tr("Standardised bands (biodivMapR's SPCA)"),
                                                   self.tr("Covariance of the bands")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.EXCLUDE_WATER_VAPOUR, self.tr("Drop the bands in water-vapour absorption ranges"), True))
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Existing model to apply instead of fitting one (.npz)"), optional=True,
            fileFilter=self.tr("Spectral species model (*.npz)")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Spectral species")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_PCA, self.tr("PCA scores"),
                                                                  optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_MASK, self.tr("Mask"),
                                                                  optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL, self.tr("Fitted model"), self.tr("Spectral species model (*.npz)"),
            optional=True, createByDefault=True))
        # expert settings: under "Advanced parameters" in the dialog, still settable from scripts
        for name in (self.SHADE_NIR_MIN, self.CLOUD_BLUE_MAX, self.IQR_WEIGHT, self.CONTINUUM_REMOVAL,
                     self.SAMPLE_SIZE, self.COMPONENTS, self.VARIANCE, self.N_ITER, self.SEED):
            parameter = self.parameterDefinition(name)
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        image = self.parameterAsRasterLayer(parameters, self.INPUT, context).source()
        mask_layer = self.parameterAsRasterLayer(parameters, self.MASK, context)
        mask = mask_layer.source() if mask_layer else None
        species = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        pca = self.parameterAsOutputLayer(parameters, self.OUTPUT_PCA, context) or None
        mask_out = self.parameterAsOutputLayer(parameters, self.OUTPUT_MASK, context) or None
        model_out = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context) or None
        model_in = self.parameterAsFile(parameters, self.MODEL, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        scheduler = scheduler_value(self, parameters, context, feedback)
        if model_in:
            model = self.run_core(spectral.SpectralModel.load, model_in)
            self.run_core(spectral.apply_model, model, image, species, pca, mask_out, mask,
                          progress=progress, is_cancelled=is_cancelled, scheduler=scheduler)
            model_out = None
        else:
            def log(text):
                feedback.pushWarning(error_text(text))  # a core Message, shown in the user's language

            self.run_core(spectral.spectral_species, image, species, model_out, pca, mask_out,
                          progress=progress, is_cancelled=is_cancelled, log=log, scheduler=scheduler,
                          **self.fit_options(parameters, context, mask))
        results = {self.OUTPUT: species, self.OUTPUT_PCA: pca, self.OUTPUT_MASK: mask_out}
        results[self.OUTPUT_MODEL] = model_out or model_in
        return results

    def fit_options(self, parameters, context, mask):
        text = self.parameterAsString(parameters, self.WAVELENGTHS, context).strip()
        try:
            wavelengths = [float(v) for v in text.replace(";", ",").split(",") if v.strip()] if text else None
        except ValueError as exc:
            raise QgsProcessingException(self.tr(
                "Band wavelengths must be numbers in nm separated by commas, e.g. 490, 560, 665, 842.")) from exc
        return {
            "sensor": self.SENSOR_CHOICES[self.parameterAsEnum(parameters, self.SENSOR, context)],
            "wavelengths": wavelengths,
            "mask_path": mask,
            "masks": spectral.MaskSettings(
                self.parameterAsDouble(parameters, self.NDVI_MIN, context),
                self.parameterAsDouble(parameters, self.SHADE_NIR_MIN, context),
                self.parameterAsDouble(parameters, self.CLOUD_BLUE_MAX, context),
                self.parameterAsDouble(parameters, self.IQR_WEIGHT, context)),
            "continuum_removal": self.parameterAsBoolean(parameters, self.CONTINUUM_REMOVAL, context),
            "sample_size": self.parameterAsInt(parameters, self.SAMPLE_SIZE, context),
            "n_components": self.parameterAsInt(parameters, self.COMPONENTS, context),
            "variance": self.parameterAsDouble(parameters, self.VARIANCE, context),
            "n_clusters": self.parameterAsInt(parameters, self.N_CLUSTERS, context),
            "n_iter": self.parameterAsInt(parameters, self.N_ITER, context),
            "seed": self.parameterAsInt(parameters, self.SEED, context),
            "clustering": spectral.CLUSTERINGS[self.parameterAsEnum(parameters, self.CLUSTERING, context)],
            "cluster_iqr_weight": self.parameterAsDouble(parameters, self.CLUSTER_IQR_WEIGHT, context),
            "pca_type": spectral.PCA_TYPES[self.parameterAsEnum(parameters, self.PCA_TYPE, context)],
            "excluded_ranges": (spectral.WATER_VAPOUR_NM
                                if self.parameterAsBoolean(parameters, self.EXCLUDE_WATER_VAPOUR, context) else ()),
        }
