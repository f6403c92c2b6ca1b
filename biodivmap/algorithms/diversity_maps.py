"""dataterra:alpha_diversity, beta_diversity, functional_diversity — window-based maps."""
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ...dataterra_plugin.scale import scheduler_help, scheduler_parameter, scheduler_value
from ..core import diversity

Number = QgsProcessingParameterNumber


class _WindowAlgorithm(DataTerraAlgorithm):
    """Parameters shared by the window-based maps."""

    GROUP_ID = "biodiversity"
    INPUT = "INPUT"
    WINDOW = "WINDOW"
    MIN_VALID = "MIN_VALID"
    PCELIM = "PCELIM"
    OUTPUT = "OUTPUT"

    def add_species_input(self):
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.INPUT, QCoreApplication.translate("WindowParameters", "Spectral species (one band per iteration)")))

    # shared labels use one fixed translation context (tr() would use each subclass's name)
    def add_window(self):
        self.addParameter(Number(self.WINDOW, QCoreApplication.translate("WindowParameters", "Window size (pixels)"),
                                 Number.Integer, 10, False, 1))
        self.addParameter(Number(
            self.MIN_VALID, QCoreApplication.translate("WindowParameters", "Minimum share of valid pixels in a window"),
            Number.Double, 0.25, False, 0.0, 1.0))

    def add_pcelim(self):
        self.addParameter(Number(
            self.PCELIM,
            QCoreApplication.translate("WindowParameters", "Ignore species below this share of a window (PCELIM)"),
            Number.Double, 0.02, False, 0.0, 1.0))

    def common(self, parameters, context):
        return {
            "window": self.parameterAsInt(parameters, self.WINDOW, context),
            "min_valid": self.parameterAsDouble(parameters, self.MIN_VALID, context),
        }

    def source(self, parameters, context):
        return self.parameterAsRasterLayer(parameters, self.INPUT, context).source()


class AlphaDiversityAlgorithm(_WindowAlgorithm):
    MOVING = "MOVING"
    HILL_Q = "HILL_Q"

    def name(self):
        return "alpha_diversity"

    def displayName(self):  # noqa: N802
        return self.tr("Alpha diversity (spectral species)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Alpha diversity of spectral species per window (biodivMapR): richness, Shannon "
            "H = -Σ p ln p, Simpson 1 - Σ p², Fisher's alpha (S = α ln(1 + N/α)) and the Hill "
            "number of order HILL_Q, where p are the shares of the species in the window.\n\n"
            "Windows of WINDOW × WINDOW pixels do not overlap (output pixel = WINDOW input "
            "pixels) unless MOVING is checked (one value per pixel, window centred on it: slower). "
            "A window is computed when more than MIN_VALID of its pixels are valid; species "
            "below PCELIM of the window are ignored. Each index is the mean over the iterations "
            "(bands) of the spectral-species raster, followed by its standard deviation (n - 1): "
            "10 bands named richness_mean, richness_sd, shannon_mean, ... Fisher's alpha is given "
            "only where every iteration has more than 2 species, as in biodivMapR. Nodata: -9999."
        ) + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_species_input()
        self.add_window()
        self.add_pcelim()
        self.addParameter(QgsProcessingParameterBoolean(self.MOVING, self.tr("Moving window"), False))
        self.addParameter(Number(self.HILL_Q, self.tr("Order q of the Hill number"), Number.Double, 2.0, False, 0.0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Alpha diversity")))
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        self.run_core(diversity.alpha_diversity, self.source(parameters, context), output,
                      pcelim=self.parameterAsDouble(parameters, self.PCELIM, context),
                      moving=self.parameterAsBoolean(parameters, self.MOVING, context),
                      hill_q=self.parameterAsDouble(parameters, self.HILL_Q, context),
                      scheduler=scheduler_value(self, parameters, context, feedback),
                      progress=progress, is_cancelled=is_cancelled, **self.common(parameters, context))
        return {self.OUTPUT: output}


class BetaDiversityAlgorithm(_WindowAlgorithm):
    N_SAMPLES = "N_SAMPLES"
    DIMENSIONS = "DIMENSIONS"
    SEED = "SEED"

    def name(self):
        return "beta_diversity"

    def displayName(self):  # noqa: N802
        return self.tr("Beta diversity (spectral species)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Beta diversity map (biodivMapR): how different the spectral-species composition of "
            "each window is from the others.\n\n"
            "N_SAMPLES windows with more than MIN_VALID valid pixels are drawn at random (SEED); "
            "their Bray-Curtis dissimilarities (on the species shares left after PCELIM, mean over "
            "iterations, as in biodivMapR) are ordinated by a principal coordinate analysis (PCoA) "
            "on DIMENSIONS axes; every other window is placed at the inverse-distance weighted "
            "mean of its 3 least dissimilar sampled windows. "
            "Windows of similar composition get similar colours when the 3 bands are shown as "
            "RGB. Output pixel = WINDOW input pixels. Nodata: -9999."
        ) + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_species_input()
        self.add_window()
        self.add_pcelim()
        self.addParameter(Number(self.N_SAMPLES, self.tr("Number of sampled windows"), Number.Integer, 2000, False, 3))
        self.addParameter(Number(self.DIMENSIONS, self.tr("PCoA axes"), Number.Integer, 3, False, 1, 10))
        self.addParameter(Number(self.SEED, self.tr("Random seed"), Number.Integer, 0, False, 0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Beta diversity (PCoA)")))
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        result = self.run_core(
            diversity.beta_diversity, self.source(parameters, context), output,
            n_samples=self.parameterAsInt(parameters, self.N_SAMPLES, context),
            dimensions=self.parameterAsInt(parameters, self.DIMENSIONS, context),
            pcelim=self.parameterAsDouble(parameters, self.PCELIM, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            scheduler=scheduler_value(self, parameters, context, feedback),
            progress=progress, is_cancelled=is_cancelled, **self.common(parameters, context))
        feedback.pushInfo(self.tr("{0} windows sampled for the PCoA.").format(result["samples"]))
        return {self.OUTPUT: output}


class FunctionalDiversityAlgorithm(_WindowAlgorithm):
    MASK = "MASK"
    DIMENSIONS = "DIMENSIONS"
    STANDARDISE = "STANDARDISE"

    def name(self):
        return "functional_diversity"

    def displayName(self):  # noqa: N802
        return self.tr("Functional diversity (FRic, FEve, FDiv)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Functional diversity per window in the space of the first DIMENSIONS principal "
            "components (the PCA output of Spectral species), after Villéger, Mason & Mouillot "
            "(2008), every valid pixel weighing the same: FRic, the volume of the convex hull of "
            "the pixels; FEve, the regularity of the minimum spanning tree (0 to 1); FDiv, the "
            "divergence from the hull's centre of gravity (0 to 1). With STANDARDISE (default, as "
            "biodivMapR) each component is first mapped to (x - (Q1 - 1.5·IQR)) / (4·IQR), "
            "quartiles of the whole raster; otherwise FRic is in PCA units to the power "
            "DIMENSIONS. Windows do not overlap (output pixel = WINDOW input pixels); partial "
            "windows at the right and bottom edges get no value (biodivMapR); a window is "
            "computed when more than MIN_VALID of its pixels are valid. Nodata: -9999."
        ) + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("PCA scores")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.MASK, self.tr("Mask (0 = excluded)"), optional=True))
        self.add_window()
        self.addParameter(Number(self.DIMENSIONS, self.tr("PCA components used"), Number.Integer, 3, False, 1, 10))
        self.addParameter(QgsProcessingParameterBoolean(
            self.STANDARDISE, self.tr("Standardise the components to their IQR range (biodivMapR)"), True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Functional diversity")))
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        mask = self.parameterAsRasterLayer(parameters, self.MASK, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        self.run_core(diversity.functional_diversity, self.source(parameters, context), output,
                      dimensions=self.parameterAsInt(parameters, self.DIMENSIONS, context),
                      mask_path=mask.source() if mask else None,
                      standardise=self.parameterAsBoolean(parameters, self.STANDARDISE, context),
                      scheduler=scheduler_value(self, parameters, context, feedback),
                      progress=progress, is_cancelled=is_cancelled, **self.common(parameters, context))
        return {self.OUTPUT: output}
