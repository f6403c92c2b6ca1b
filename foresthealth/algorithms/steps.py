"""dataterra:forest_index_series, forest_harmonic_model, forest_dieback_detection,
forest_dieback_export and forest_dieback_all — thin wrappers over foresthealth.core."""
import os
import shutil
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
)

from ...dataterra_plugin.scale import scheduler_help, scheduler_parameter, scheduler_value
from ..core import export, series
from . import styling
from .parameters import ForestHealthAlgorithm

RESULT_OUTPUTS = ("FIRST_DATE", "STATE_RASTER", "CONFIDENCE", "CONFIDENCE_CLASS")
RESULT_NAMES = {"FIRST_DATE": "first_dieback_date", "STATE_RASTER": "dieback_state",
                "CONFIDENCE": "confidence_index", "CONFIDENCE_CLASS": "confidence_class"}


class IndexSeriesAlgorithm(ForestHealthAlgorithm):
    OUTPUT = "OUTPUT"

    def name(self):
        return "forest_index_series"

    def displayName(self):  # noqa: N802
        return self.tr("Vegetation index series (Sentinel-2)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "The masked vegetation index of every Sentinel-2 date kept, as one raster with one band per "
            "date (band names are the dates, YYYY-MM-DD; masked pixels are NaN), on the 10 m grid of the "
            "products (20 m bands repeated 2 × 2).\n\n"
            "Products: a folder of THEIA/MAJA L2A folders (SENTINEL2A_…, FRE bands, MASKS/CLM) or "
            "Sen2Cor .SAFE folders (SCL). A date is dropped when its cloudiness (the provider's cloud mask "
            "among pixels in the swath) exceeds the limit. Index: CRSWIR = B11 / (B8A + (B12 − B8A) × "
            "(1610.4 − 864) / (2185.7 − 864)) by default (rises with dieback), NDVI, NBR, NDWI, BSI, or a "
            "formula over the bands B2 … B12, B8A. Masked: a band at 0, outside the swath, an index that is "
            "not finite, the mask formula, the provider's mask; with soil detection, fordead's bare-soil and "
            "cloud rules instead of the formula. As fordead computes it; the advanced options fix its known "
            "defects.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_products()
        self.add_index()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Vegetation index series")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = self.index_options(parameters, context)
        folder = self.products_folder(parameters, context, feedback)
        extent = self.extent(parameters, context, products_crs(self, folder, options))
        progress, is_cancelled = self.core_callbacks(feedback)
        plan = self.run_core(series.index_series, folder, output, options, extent, progress=progress,
                             is_cancelled=is_cancelled)
        feedback.pushInfo(self.tr("{0} dates kept, {1} dropped as too cloudy.").format(
            len(plan.dates), len(plan.dropped)))
        return {self.OUTPUT: output}


def products_crs(algorithm, folder, options):
    """The CRS (WKT) of the products' grid, to express the area of interest in it."""
    from ..core import products
    found = algorithm.run_core(products.find_products, folder, options.reflectance, options.sen2cor_offset)
    return algorithm.run_core(products.reference_grid, found).crs_wkt


class HarmonicModelAlgorithm(ForestHealthAlgorithm):
    OUTPUT = "OUTPUT"
    FIRST_DETECTION = "FIRST_DETECTION"

    def name(self):
        return "forest_harmonic_model"

    def displayName(self):  # noqa: N802
        return self.tr("Harmonic model of the vegetation index")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "The seasonal model of each pixel's vegetation index fitted on its training dates (fordead): "
            "VI(t) = c1 + c2 sin(2πt/T) + c3 cos(2πt/T) + c4 sin(4πt/T) + c5 cos(4πt/T), t in days since "
            "2015-01-01, T = 365.25 days, least squares on the valid dates. A pixel is trained on the dates "
            "before the first date on or after 'Detection starts on' at which it has more than the minimum "
            "number of valid dates (that date included), at the latest 'Training ends at the latest on'; "
            "other pixels have no model (NaN).\n\n"
            "Output: 5 bands c1 … c5 (float64) and, optionally, the first detection date of each pixel "
            "(YYYYMMDD). The normal equations are accumulated date by date: memory does not grow with the "
            "number of dates.") + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_products()
        self.add_index()
        self.add_training()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Model coefficients")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.FIRST_DETECTION, self.tr("First detection date"), optional=True, createByDefault=False))
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        first = self.parameterAsOutputLayer(parameters, self.FIRST_DETECTION, context) or None
        options = self.index_options(parameters, context)
        folder = self.products_folder(parameters, context, feedback)
        extent = self.extent(parameters, context, products_crs(self, folder, options))
        progress, is_cancelled = self.core_callbacks(feedback)
        self.run_core(series.fit_model, folder, output, first, options,
                      self.detection_settings(parameters, context, with_detection=False), extent,
                      progress=progress, is_cancelled=is_cancelled,
                      scheduler=scheduler_value(self, parameters, context, feedback))
        if first:
            styling.style_date_raster(context, first, self.tr("First detection date"))
        return {self.OUTPUT: output, self.FIRST_DETECTION: first}


class DetectionAlgorithm(ForestHealthAlgorithm):
    STATE = "STATE"
    DATES = "DATES"

    def name(self):
        return "forest_dieback_detection"

    def displayName(self):  # noqa: N802
        return self.tr("Dieback detection (new run or update)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Detects forest dieback date by date (fordead). Per valid date after training: anomaly when the "
            "index differs from the model's prediction by more than the threshold in the direction of "
            "dieback (strictly); three successive anomalies confirm dieback, dated at the first; three "
            "successive normal dates bring the pixel back to healthy; masked dates change nothing. A stress "
            "period runs from the first anomaly to the return to health; its index is the mean (or the mean "
            "weighted 1, 2, 3 …) of the differences; the confidence index is the current period's index.\n\n"
            "The state of every pixel is saved in the STATE folder (GeoTIFFs and state.json: open formats). "
            "If that folder already holds a state, only the new dates are processed, from the saved state, "
            "with the saved parameters, without retraining: the result is exactly that of one run over all "
            "dates. Processed block by block; memory does not grow with the number of dates. Use 'Export "
            "dieback results' for maps and polygons.") + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_products()
        self.add_index()
        self.add_training()
        self.add_detection()
        self.addParameter(QgsProcessingParameterFolderDestination(self.STATE, self.tr("Detection state folder")))
        self.addOutput(QgsProcessingOutputString(self.DATES, self.tr("Dates processed")))
        self.addParameter(scheduler_parameter())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        state = self.parameterAsString(parameters, self.STATE, context)
        plan = self.detect(parameters, context, feedback, state)
        return {self.STATE: state, self.DATES: ",".join(plan.dates[plan.first_new:])}

    def detect(self, parameters, context, feedback, state, feedback_range=(0.0, 100.0)):
        options = self.index_options(parameters, context)
        folder = self.products_folder(parameters, context, feedback)
        updating = (Path(state) / "state.json").exists()
        extent = None if updating else self.extent(parameters, context, products_crs(self, folder, options))
        if updating:
            feedback.pushInfo(self.tr("Continuing the saved state in {0} with its own parameters.").format(state))
        progress, is_cancelled = self.core_callbacks(feedback, *feedback_range)
        plan = self.run_core(series.run, folder, state, options, self.detection_settings(parameters, context),
                             extent, progress=progress, is_cancelled=is_cancelled,
                             scheduler=scheduler_value(self, parameters, context, feedback))
        feedback.pushInfo(self.tr("{0} new dates processed ({1} in all, {2} dropped as too cloudy).").format(
            len(plan.dates) - plan.first_new, len(plan.dates), len(plan.dropped)))
        return plan


class ExportAlgorithm(ForestHealthAlgorithm):
    STATE = "STATE"
    POLYGONS = "POLYGONS"

    def name(self):
        return "forest_dieback_export"

    def displayName(self):  # noqa: N802
        return self.tr("Export dieback results (maps and polygons)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Maps and polygons of a detection state, as fordead exports them, within the forest mask and "
            "for pixels with a model.\n\n"
            "Rasters: first dieback date (YYYYMMDD, styled with real dates), state (1 healthy, 2 dieback, "
            "3 bare soil, 4 bare soil after dieback), confidence index (the current stress period's index) "
            "and confidence class (1 = below the first threshold …; a period of exactly 3 dates is put in "
            "the lowest class). GeoPackage: layer 'dieback' (polygons by period of the first anomaly and by "
            "confidence class; 'Bare ground' where soil was detected), 'stress_periods' (closed stress "
            "periods by start period and class) and 'soil'. The dieback layer carries the period's first "
            "and last days, so QGIS's temporal controller plays it date by date. Periods: month ends (ME), "
            "every n months (3ME), every n days (15D) or the Sentinel dates (sentinel).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.STATE, self.tr("Detection state folder"), behavior=QgsProcessingParameterFile.Folder))
        self.add_results_parameters()

    def add_results_parameters(self):
        self.add_forest_mask()
        self.add_export()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.POLYGONS, self.tr("Dieback polygons"), self.tr("GeoPackage (*.gpkg)")))
        labels = {"FIRST_DATE": self.tr("First dieback date"), "STATE_RASTER": self.tr("Dieback state"),
                  "CONFIDENCE": self.tr("Confidence index"), "CONFIDENCE_CLASS": self.tr("Confidence class")}
        for name in RESULT_OUTPUTS:
            self.addParameter(QgsProcessingParameterRasterDestination(name, labels[name]))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        state = self.parameterAsFile(parameters, self.STATE, context)
        return self.export(parameters, context, feedback, state)

    def export(self, parameters, context, feedback, state_folder):
        if not (Path(state_folder) / "state.json").exists():
            raise QgsProcessingException(self.tr("{0} holds no detection state (state.json); run the dieback "
                                                 "detection first.").format(state_folder))
        loaded = self.run_core(series.load_state, state_folder)
        grid, window = loaded["grid"], loaded["window"]
        geotransform = grid.sub_geotransform(window)
        forest_mask = self.forest_mask(parameters, context, geotransform, (window.height, window.width),
                                       grid.crs_wkt, feedback)
        settings = self.export_settings(parameters, context)
        outputs = {name: self.parameterAsOutputLayer(parameters, name, context) for name in RESULT_OUTPUTS}
        polygons = self.parameterAsFileOutput(parameters, self.POLYGONS, context)
        # polygons first, in memory: a failure there leaves no raster behind
        features = self.run_core(export.export_features, state_folder, forest_mask, **settings)
        progress, is_cancelled = self.core_callbacks(feedback, 50.0, 95.0)
        self.run_core(export.write_result_rasters, state_folder, forest_mask,
                      {RESULT_NAMES[name]: path for name, path in outputs.items()}, settings["thresholds"],
                      progress=progress, is_cancelled=is_cancelled)
        layers = self.run_core(export.write_geopackage_atomically, polygons, features, grid.crs_wkt)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{0} polygons written ({1}).").format(len(features), ", ".join(layers)))
        styling.style_results(context, outputs, polygons, layers, settings)
        return {self.POLYGONS: polygons, **outputs}


class AllStepsAlgorithm(DetectionAlgorithm, ExportAlgorithm):
    def name(self):
        return "forest_dieback_all"

    def displayName(self):  # noqa: N802
        return self.tr("Forest dieback detection (all steps)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Runs the dieback detection (a new run, or an update when the state folder already holds a "
            "state) then exports its maps and polygons, in one algorithm for models and qgis_process. "
            "Parameters as in 'Dieback detection (new run or update)' and 'Export dieback results'; the "
            "defaults are fordead's tutorial settings (CRSWIR, cloudiness ≤ 0.4, provider mask, 10 dates, "
            "training 2018-01-01 … 2018-06-01, threshold 0.16, weighted-mean stress index, monthly "
            "periods, classes below and above 0.265).") + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        DetectionAlgorithm.initAlgorithm(self, config)
        self.add_results_parameters()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        state = self.parameterAsString(parameters, self.STATE, context)
        new_state = not os.path.exists(state)
        self.detect(parameters, context, steps, state)
        try:
            steps.setCurrentStep(1)
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user: no output was written."))
            results = self.export(parameters, context, steps, state)
        except BaseException:
            if new_state:  # a state this run made goes with its unfinished export (an updated one stays valid)
                shutil.rmtree(state, ignore_errors=True)
            raise
        return {self.STATE: state, **results}
