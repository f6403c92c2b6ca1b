"""Processing algorithms of this area: download a WCS coverage to a GeoTIFF and a WFS
feature type to a GeoPackage, ready for the analysis algorithms."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ..algorithm_base import DataTerraAlgorithm
from .core.coverage import DEFAULT_TILE_SIZE, check_crs_offered, describe, download_coverage
from .core.features import DEFAULT_PAGE_SIZE, download_features, negotiate_version
from .core.safexml import OgcError
from .network import QThreadExecutor, qgis_fetch_factory
from ..i18n import error_text

WCS_VERSIONS = ["1.0.0", "1.1.1", "2.0.1"]
WFS_VERSIONS = ["auto", "1.1.0", "2.0.0"]


def _auth_id(alg, parameters, context, name):
    value = alg.parameterAsString(parameters, name, context) if name in parameters else ""
    return value or ""
DEFAULT_WFS_CRS = "EPSG:2154"  # Lambert-93: the CRS of most French services


class DownloadCoverage(DataTerraAlgorithm):
    URL = "URL"
    COVERAGE = "COVERAGE"
    EXTENT = "EXTENT"
    CRS = "CRS"
    RESOLUTION = "RESOLUTION"
    FORMAT = "FORMAT"
    VERSION = "VERSION"
    TILE_SIZE = "TILE_SIZE"
    REPROJECT = "REPROJECT"
    AUTHCFG = "AUTHCFG"
    OUTPUT = "OUTPUT"
    GROUP_ID = "catalogue"
    REQUIRED_MODULES = ("owslib", "defusedxml")

    def name(self):
        return "download_coverage"

    def displayName(self):  # noqa: N802
        return self.tr("Download a WCS coverage")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Downloads the pixels of a Web Coverage Service (WCS 1.0.0, 1.1 or 2.0.1) coverage "
            "over an extent into a GeoTIFF with its CRS, nodata value and band descriptions, "
            "ready for the analysis algorithms.\n\n"
            "URL: the service address. COVERAGE: the coverage name (identifier). EXTENT: the "
            "area, in any CRS (it is reprojected to the output CRS). CRS: the output CRS (left "
            "empty: the coverage's native CRS). When the service does not offer it, REPROJECT "
            "downloads the native CRS and warps it locally (nearest neighbour); without "
            "REPROJECT the error lists the CRSs the service offers. "
            "RESOLUTION: pixel size in output CRS units (0: the native resolution). At the "
            "native CRS and resolution the output grid is aligned on the coverage's grid, so "
            "pixels are the server's own.\n\n"
            "Large requests are split into tiles fetched in parallel and mosaicked; a tile the "
            "server refuses as too large is split again. The file is written under a "
            "temporary name and renamed when complete: on error or cancel nothing is left.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(self.URL, self.tr("WCS service URL")))
        self.addParameter(QgsProcessingParameterString(self.COVERAGE, self.tr("Coverage name")))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent")))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("Output CRS (empty: native CRS)"),
                                                    optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RESOLUTION, self.tr("Resolution (output CRS units per pixel, 0: native)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(self.FORMAT, self.tr("Format asked to the server"),
                                                       "GeoTIFF"))
        self.addParameter(QgsProcessingParameterEnum(self.VERSION, self.tr("WCS version"), WCS_VERSIONS,
                                                     defaultValue=0))
        tile = QgsProcessingParameterNumber(self.TILE_SIZE, self.tr("Tile size (pixels)"),
                                            QgsProcessingParameterNumber.Integer, DEFAULT_TILE_SIZE,
                                            minValue=64, maxValue=8192)
        tile.setFlags(tile.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tile)
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPROJECT, self.tr("Reproject locally when the service does not offer the CRS"), True))
        auth = QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True)
        self.addParameter(auth)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Downloaded coverage")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        url = self.parameterAsString(parameters, self.URL, context).strip()
        coverage = self.parameterAsString(parameters, self.COVERAGE, context).strip()
        version = WCS_VERSIONS[self.parameterAsEnum(parameters, self.VERSION, context)]
        fetch = qgis_fetch_factory(_auth_id(self, parameters, context, self.AUTHCFG), feedback)
        feedback.pushInfo(self.tr("Describing coverage {0}…").format(coverage))
        description = self.run_core(describe, url, coverage, version, fetch)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            if not description.native_crs:
                raise QgsProcessingException(self.tr("The service does not say the coverage's CRS: choose one."))
            crs = QgsCoordinateReferenceSystem(description.native_crs)
        crs_id = crs.authid()
        reproject = self.parameterAsBoolean(parameters, self.REPROJECT, context)
        if not reproject:
            self.run_core(check_crs_offered, description, crs_id)
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
        if resolution <= 0:
            if description.resolution and description.native_crs == crs_id:
                resolution = description.resolution[0]
            else:
                raise QgsProcessingException(self.tr(
                    "The native resolution is unknown in {0}: give a RESOLUTION in its units.").format(crs_id))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        result = self.run_core(
            download_coverage, url, coverage,
            (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()), crs_id, resolution,
            output, version=version, output_format=self.parameterAsString(parameters, self.FORMAT, context),
            tile_size=self.parameterAsInt(parameters, self.TILE_SIZE, context), fetch=fetch,
            description=description, progress=progress, is_cancelled=is_cancelled,
            executor_factory=QThreadExecutor, reproject=reproject)
        feedback.pushInfo(self.tr("{0} x {1} pixels, {2} band(s), {3} tile(s).").format(
            result["width"], result["height"], result["bands"], result["tiles"]))
        if result.get("reprojected_from"):
            feedback.pushInfo(self.tr("Downloaded in {0} (the service does not offer {1}) and reprojected.")
                              .format(result["reprojected_from"], crs_id))
        return {self.OUTPUT: output}


class DownloadFeatures(DataTerraAlgorithm):
    URL = "URL"
    TYPENAME = "TYPENAME"
    EXTENT = "EXTENT"
    CRS = "CRS"
    FILTER = "FILTER"
    VERSION = "VERSION"
    PAGE_SIZE = "PAGE_SIZE"
    AUTHCFG = "AUTHCFG"
    OUTPUT = "OUTPUT"
    GROUP_ID = "catalogue"
    REQUIRED_MODULES = ("owslib", "defusedxml")

    def name(self):
        return "download_features"

    def displayName(self):  # noqa: N802
        return self.tr("Download WFS features")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Downloads every feature of a Web Feature Service (WFS 1.1 or 2.0) feature type into "
            "a GeoPackage, page by page (STARTINDEX with COUNT or MAXFEATURES), so services "
            "that cap the number of features per answer still give all of them.\n\n"
            "URL: the service address. TYPENAME: the feature type name. EXTENT (optional): only "
            "features intersecting it. CRS: the CRS asked to the server (EPSG code it offers; default "
            "EPSG:2154). "
            "FILTER (optional): an OGC Filter Encoding XML <Filter> element; it replaces the "
            "extent, so put any spatial condition inside it. PAGE_SIZE: features per request. "
            "Nothing is left under the output name on error or cancel.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(self.URL, self.tr("WFS service URL")))
        self.addParameter(QgsProcessingParameterString(self.TYPENAME, self.tr("Feature type name")))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True))
        # optional with a default: QGIS 3.22 refuses a required CRS left out, default or not
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("CRS asked to the server"), DEFAULT_WFS_CRS,
                                                    optional=True))
        self.addParameter(QgsProcessingParameterString(self.FILTER, self.tr("OGC filter (XML)"), optional=True,
                                                       multiLine=True))
        self.addParameter(QgsProcessingParameterEnum(self.VERSION, self.tr("WFS version (auto: the server's highest)"),
                                                     WFS_VERSIONS, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.PAGE_SIZE, self.tr("Features per request"),
                                                       QgsProcessingParameterNumber.Integer, DEFAULT_PAGE_SIZE,
                                                       minValue=1))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Downloaded features")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        url = self.parameterAsString(parameters, self.URL, context).strip()
        type_name = self.parameterAsString(parameters, self.TYPENAME, context).strip()
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():  # given as empty
            crs = QgsCoordinateReferenceSystem(DEFAULT_WFS_CRS)
        bbox = None
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if not extent.isNull():
                bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            raise QgsProcessingException(self.tr("The output must be a GeoPackage (.gpkg) file."))
        fetch = qgis_fetch_factory(_auth_id(self, parameters, context, self.AUTHCFG), feedback)
        progress, is_cancelled = self.core_callbacks(feedback)
        version = WFS_VERSIONS[self.parameterAsEnum(parameters, self.VERSION, context)]
        if version == "auto":
            version = self.run_core(negotiate_version, url, fetch)
            feedback.pushInfo(self.tr("Using WFS {0}.").format(version))
        try:
            result = self.run_core(
                download_features, url, type_name, output, version=version,
                page_size=self.parameterAsInt(parameters, self.PAGE_SIZE, context), srs_name=crs.authid(),
                bbox=bbox, filter_xml=self.parameterAsString(parameters, self.FILTER, context).strip(),
                fetch=fetch, progress=progress, is_cancelled=is_cancelled)
        except OgcError as exc:  # raised outside run_core's mapping, e.g. by fetch
            raise QgsProcessingException(error_text(exc)) from exc
        feedback.pushInfo(self.tr("{0} feature(s) in {1} page(s).").format(result["features"], result["pages"]))
        return {self.OUTPUT: output}


def algorithm_classes():
    """The algorithm classes the provider registers."""
    return [DownloadCoverage, DownloadFeatures]
