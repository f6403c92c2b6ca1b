"""Parameters shared by the forest-health algorithms, and their mapping to the core's options.

Labels use the fixed translation context "ForestHealth" (``tr()`` would use each subclass's
name and translate them once per algorithm).
"""

import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessing,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ..core import detection, forest, series
from . import catalogue
from ..core.formula import VEGETATION_INDICES

Number = QgsProcessingParameterNumber
INDEX_NAMES = list(VEGETATION_INDICES) + ["formula"]
STRESS_MODES = ["weighted_mean", "mean"]


translate = QCoreApplication.translate  # pylupdate5 finds translate("Context", "text") calls


def _comma_list(text, convert, message):
    """Values of a comma- (or semicolon-) separated list; ``message`` when one does not convert."""
    try:
        return [convert(value) for value in text.replace(";", ",").split(",") if value.strip()]
    except ValueError as exc:
        raise QgsProcessingException(message) from exc


class ForestHealthAlgorithm(DataTerraAlgorithm):
    """Base of the forest-health algorithms: products, index, masks, training and detection
    parameters, each added by one method and read back by one method."""

    GROUP_ID = "foresthealth"
    PRODUCTS = "PRODUCTS"
    EXTENT = "EXTENT"
    INDEX = "INDEX"
    FORMULA = "FORMULA"
    FORMULA_FALLS = "FORMULA_FALLS"
    MASK_FORMULA = "MASK_FORMULA"
    SOIL_DETECTION = "SOIL_DETECTION"
    SOURCE_MASK = "SOURCE_MASK"
    CLOUD_LIMIT = "CLOUD_LIMIT"
    START_DATE = "START_DATE"
    IGNORED_PERIOD = "IGNORED_PERIOD"
    FIX_PRECEDENCE = "FIX_PRECEDENCE"
    SWATH_ANY_BAND = "SWATH_ANY_BAND"
    CLOUDINESS_IN_AREA = "CLOUDINESS_IN_AREA"
    SEN2COR_OFFSET = "SEN2COR_OFFSET"
    NB_MIN_DATE = "NB_MIN_DATE"
    MIN_LAST_DATE = "MIN_LAST_DATE"
    MAX_LAST_DATE = "MAX_LAST_DATE"
    THRESHOLD = "THRESHOLD"
    STRESS_MODE = "STRESS_MODE"
    MAX_STRESS_PERIODS = "MAX_STRESS_PERIODS"
    FOREST_POLYGONS = "FOREST_POLYGONS"
    FOREST_RASTER = "FOREST_RASTER"
    FOREST_CLASSES = "FOREST_CLASSES"
    THRESHOLDS = "THRESHOLDS"
    CLASS_NAMES = "CLASS_NAMES"
    FREQUENCY = "FREQUENCY"
    EXPORT_START = "EXPORT_START"
    EXPORT_END = "EXPORT_END"

    def _advanced(self, parameter):
        parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
        self.addParameter(parameter)

    # --- products and index ----------------------------------------------------------
    def add_products(self):
        self.addParameter(
            QgsProcessingParameterFile(
                self.PRODUCTS,
                translate("ForestHealth", "Folder of Sentinel-2 L2A products (THEIA or Sen2Cor)"),
                behavior=QgsProcessingParameterFile.Folder,
                optional=True,
            )
        )
        self.addParameter(catalogue.items_parameter())
        self.addParameter(
            QgsProcessingParameterExtent(self.EXTENT, translate("ForestHealth", "Area of interest"), optional=True)
        )

    def add_index(self):
        self.addParameter(
            QgsProcessingParameterEnum(
                self.INDEX, translate("ForestHealth", "Vegetation index"), options=INDEX_NAMES, defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FORMULA,
                translate("ForestHealth", "User index formula (when the index is 'formula'), e.g. (B8-B4)/(B8+B4)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FORMULA_FALLS, translate("ForestHealth", "The user index falls with dieback (as NDVI does)"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MASK_FORMULA,
                translate("ForestHealth", "Mask formula (pixels where it is true are masked)"),
                "(B2 >= 700)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SOIL_DETECTION,
                translate(
                    "ForestHealth", "Detect bare soil and clouds with fordead's rules (replaces the mask formula)"
                ),
                False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SOURCE_MASK, translate("ForestHealth", "Apply the provider's cloud mask (CLM / SCL)"), True
            )
        )
        self.addParameter(
            Number(
                self.CLOUD_LIMIT,
                translate("ForestHealth", "Maximum cloudiness of a date (-1: keep every date)"),
                Number.Double,
                0.4,
                False,
                -1.0,
                1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.START_DATE, translate("ForestHealth", "Ignore dates before (YYYY-MM-DD)"), "2015-01-01"
            )
        )
        self._advanced(
            QgsProcessingParameterString(
                self.IGNORED_PERIOD,
                translate("ForestHealth", "Ignored period of each year, e.g. 11-01,05-01 (MM-DD,MM-DD: winter)"),
                optional=True,
            )
        )
        self._advanced(
            QgsProcessingParameterBoolean(
                self.FIX_PRECEDENCE,
                translate(
                    "ForestHealth",
                    "Read the mask formula with comparisons before & and | (fordead reads "
                    "B2 > 600 | B3 == 0 as B2 > (600 | B3 == 0))",
                ),
                False,
            )
        )
        self._advanced(
            QgsProcessingParameterBoolean(
                self.SWATH_ANY_BAND,
                translate("ForestHealth", "Outside the swath when any band is negative (fordead tests one band)"),
                False,
            )
        )
        self._advanced(
            QgsProcessingParameterBoolean(
                self.CLOUDINESS_IN_AREA,
                translate("ForestHealth", "Cloudiness over the area of interest (fordead: over the whole product)"),
                False,
            )
        )
        self._advanced(
            QgsProcessingParameterBoolean(
                self.SEN2COR_OFFSET,
                translate("ForestHealth", "Remove the Sen2Cor offset of products from 2022-01-25 (fordead ignores it)"),
                False,
            )
        )

    def index_options(self, parameters, context) -> series.IndexOptions:
        name = INDEX_NAMES[self.parameterAsEnum(parameters, self.INDEX, context)]
        formula = self.parameterAsString(parameters, self.FORMULA, context).strip()
        if name == "formula" and not formula:
            raise QgsProcessingException(
                translate("ForestHealth", "Give the user index formula, or choose a named index.")
            )
        return series.IndexOptions(
            vi=name if name != "formula" else "CRSWIR",
            formula=formula if name == "formula" else None,
            sign=(-1 if self.parameterAsBoolean(parameters, self.FORMULA_FALLS, context) else 1),
            mask_formula=self.parameterAsString(parameters, self.MASK_FORMULA, context).strip() or None,
            mask_precedence="logical"
            if self.parameterAsBoolean(parameters, self.FIX_PRECEDENCE, context)
            else "python",
            soil_detection=self.parameterAsBoolean(parameters, self.SOIL_DETECTION, context),
            apply_source_mask=self.parameterAsBoolean(parameters, self.SOURCE_MASK, context),
            cloud_limit=self.parameterAsDouble(parameters, self.CLOUD_LIMIT, context),
            # catalogue items are read over the area only: their cloudiness can only be the area's
            cloudiness_in_area=self.parameterAsBoolean(parameters, self.CLOUDINESS_IN_AREA, context)
            or bool(self.parameterAsFile(parameters, catalogue.STAC_ITEMS, context)),
            start_date=self.parameterAsString(parameters, self.START_DATE, context).strip() or "2015-01-01",
            ignored_period=self.ignored_period(parameters, context),
            swath_any_band=self.parameterAsBoolean(parameters, self.SWATH_ANY_BAND, context),
            sen2cor_offset=self.parameterAsBoolean(parameters, self.SEN2COR_OFFSET, context),
        )

    def ignored_period(self, parameters, context):
        text = self.parameterAsString(parameters, self.IGNORED_PERIOD, context).strip()
        if not text:
            return None
        days = [d.strip() for d in text.split(",")]
        if len(days) != 2 or not all(re.fullmatch(r"\d\d-\d\d", d) for d in days):
            raise QgsProcessingException(
                translate("ForestHealth", "The ignored period is two month-days MM-DD and a comma, e.g. 11-01,05-01.")
            )
        return tuple(days)

    def products_folder(self, parameters, context, feedback=None):
        """The products folder, or the catalogue items' products read over the area of interest."""
        if self.parameterAsFile(parameters, catalogue.STAC_ITEMS, context):
            return catalogue.catalogue_products(
                self, parameters, context, self.index_options(parameters, context), feedback
            )
        folder = self.parameterAsFile(parameters, self.PRODUCTS, context)
        if not folder:
            raise QgsProcessingException(
                translate("ForestHealth", "Give a folder of Sentinel-2 products or a file of catalogue items.")
            )
        return folder

    def extent(self, parameters, context, crs_wkt_of_products):
        """The area of interest in the products' CRS, or None."""
        if not parameters.get(self.EXTENT):
            return None
        from qgis.core import QgsCoordinateReferenceSystem

        crs = QgsCoordinateReferenceSystem.fromWkt(crs_wkt_of_products)
        rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        return rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()

    # --- training and detection -------------------------------------------------------
    def add_training(self):
        self.addParameter(
            Number(
                self.NB_MIN_DATE,
                translate("ForestHealth", "Minimum number of valid dates to train a pixel's model"),
                Number.Integer,
                10,
                False,
                5,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MIN_LAST_DATE,
                translate("ForestHealth", "Detection starts on (YYYY-MM-DD, earliest end of training)"),
                "2018-01-01",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MAX_LAST_DATE,
                translate("ForestHealth", "Training ends at the latest on (YYYY-MM-DD)"),
                "2018-06-01",
            )
        )

    def add_detection(self):
        self.addParameter(
            Number(
                self.THRESHOLD,
                translate("ForestHealth", "Anomaly threshold (index minus prediction)"),
                Number.Double,
                0.16,
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STRESS_MODE,
                translate("ForestHealth", "Stress index"),
                options=[translate("ForestHealth", "Weighted mean"), translate("ForestHealth", "Mean")],
                defaultValue=0,
            )
        )
        self.addParameter(
            Number(
                self.MAX_STRESS_PERIODS,
                translate("ForestHealth", "Maximum number of stress periods"),
                Number.Integer,
                5,
                False,
                1,
                50,
            )
        )

    def detection_settings(self, parameters, context, with_detection=True) -> detection.Settings:
        settings = detection.Settings(
            nb_min_date=self.parameterAsInt(parameters, self.NB_MIN_DATE, context),
            min_last_date_training=self.parameterAsString(parameters, self.MIN_LAST_DATE, context).strip(),
            max_last_date_training=self.parameterAsString(parameters, self.MAX_LAST_DATE, context).strip(),
        )
        if with_detection:
            settings.threshold_anomaly = self.parameterAsDouble(parameters, self.THRESHOLD, context)
            settings.stress_index_mode = STRESS_MODES[self.parameterAsEnum(parameters, self.STRESS_MODE, context)]
            settings.max_nb_stress_periods = self.parameterAsInt(parameters, self.MAX_STRESS_PERIODS, context)
        return settings

    # --- export ------------------------------------------------------------------------
    def add_forest_mask(self):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.FOREST_POLYGONS,
                translate("ForestHealth", "Forest polygons"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.FOREST_RASTER,
                translate("ForestHealth", "Forest raster (non-zero, or the classes below, is forest)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FOREST_CLASSES,
                translate("ForestHealth", "Forest classes of the raster (e.g. OSO: 16,17)"),
                optional=True,
            )
        )

    def add_export(self):
        self.addParameter(
            QgsProcessingParameterString(
                self.THRESHOLDS, translate("ForestHealth", "Confidence class thresholds (comma-separated)"), "0.265"
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CLASS_NAMES,
                translate("ForestHealth", "Confidence class names (one more than thresholds, comma-separated)"),
                "Low anomaly,Severe anomaly",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FREQUENCY,
                translate("ForestHealth", "Periods of the polygons (ME: months, 3ME, 15D, sentinel)"),
                "ME",
            )
        )
        self._advanced(
            QgsProcessingParameterString(self.EXPORT_START, translate("ForestHealth", "Periods start on"), "2015-06-23")
        )
        self._advanced(
            QgsProcessingParameterString(self.EXPORT_END, translate("ForestHealth", "Periods end on"), "2030-01-02")
        )

    def forest_mask(self, parameters, context, grid_geotransform, shape, crs_wkt, feedback):
        """Bool array of forest pixels on the state's window (every pixel without a forest input)."""
        import numpy as np

        layer = self.parameterAsVectorLayer(parameters, self.FOREST_POLYGONS, context)
        raster = self.parameterAsRasterLayer(parameters, self.FOREST_RASTER, context)
        if layer is not None:
            path = self.parameterAsCompatibleSourceLayerPath(
                parameters, self.FOREST_POLYGONS, context, ["gpkg", "shp", "geojson"], "gpkg", feedback
            )
            return self.run_core(forest.from_polygons, path, grid_geotransform, shape, crs_wkt)
        if raster is not None:
            classes = _comma_list(
                self.parameterAsString(parameters, self.FOREST_CLASSES, context), int,
                translate("ForestHealth", "Forest classes must be integers separated by commas."))
            return self.run_core(forest.from_raster, raster.source(), grid_geotransform, shape, crs_wkt, classes)
        feedback.pushInfo(translate("ForestHealth", "No forest mask given: every pixel with a model is analysed."))
        return np.ones(shape, bool)

    def export_settings(self, parameters, context):
        thresholds = _comma_list(
            self.parameterAsString(parameters, self.THRESHOLDS, context), float,
            translate("ForestHealth", "Thresholds must be numbers separated by commas."))
        names = [n.strip() for n in self.parameterAsString(parameters, self.CLASS_NAMES, context).split(",")]
        return {
            "thresholds": thresholds,
            "class_names": names,
            "frequency": self.parameterAsString(parameters, self.FREQUENCY, context).strip() or "ME",
            "start_date": self.parameterAsString(parameters, self.EXPORT_START, context).strip(),
            "end_date": self.parameterAsString(parameters, self.EXPORT_END, context).strip(),
        }
