"""dataterra:prepare_landscape — habitat patches from land cover, cut by fragmenting elements."""
import math

import numpy as np
import processing
from osgeo import gdal
from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm, require_projected_crs
from ...dataterra_plugin.nomenclature import natural_codes
from ...rasterblocks import atomic_path, iter_windows, open_raster
from ...rasterblocks.errors import check_cancel
from ...rasterblocks.io import GTIFF_OPTIONS
from .common import as_layer, layer_in_crs, ogr_layer, parse_codes, repaired_geometries

PRESETS = (None, "oso", "clc")
HABITAT, OTHER, OUTSIDE = 1, 0, 255
LINE_CUT_WIDTH = 0.01  # metres: lines cut polygons through a buffer this thin (negligible area)


class PrepareLandscape(DataTerraAlgorithm):
    GROUP_ID = "fragmentation"
    LANDCOVER = "LANDCOVER"
    CLASS_FIELD = "CLASS_FIELD"
    HABITAT_CLASSES = "HABITAT_CLASSES"
    PRESET = "PRESET"
    FRAGMENTING = "FRAGMENTING"
    STUDY_AREA = "STUDY_AREA"
    MODE = "MODE"
    RESOLUTION = "RESOLUTION"
    OUTPUT = "OUTPUT"
    OUTPUT_RASTER = "OUTPUT_RASTER"

    def name(self):
        return "prepare_landscape"

    def displayName(self):  # noqa: N802
        return self.tr("Prepare landscape (habitat patches)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Builds the habitat patches measured by Effective mesh size: the land-cover classes "
            "kept as habitat, cut by the fragmenting elements, inside the study area.\n\n"
            "LANDCOVER: polygons with a class field (CLASS_FIELD), or a land-cover raster, in a "
            "projected CRS (metres).\n"
            "HABITAT_CLASSES: codes kept as habitat, separated by commas (e.g. 311,312,313); or "
            "PRESET: natural and semi-natural classes of OSO (THEIA, codes 1-23) or of Corine Land "
            "Cover (3-digit codes). Codes absent from the data are reported.\n"
            "FRAGMENTING: optional barrier layers (polygons, e.g. from Fragmenting elements, or lines) "
            "that cut patches in both modes.\n"
            "STUDY_AREA: optional polygons; outside them nothing is measured.\n"
            "MODE: vector writes single-part habitat polygons (OUTPUT, field area_m2); raster writes "
            "a Byte GeoTIFF (OUTPUT_RASTER, or OUTPUT named .tif) at RESOLUTION metres with 1 = habitat, "
            "0 = not habitat, "
            "255 = nodata outside the study area.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.LANDCOVER, self.tr("Land cover (polygons or raster)"),
            types=[QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeRaster]))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (vector land cover)"), parentLayerParameterName=self.LANDCOVER,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HABITAT_CLASSES, self.tr("Habitat class codes (comma-separated)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, self.tr("Habitat preset"), options=[
                self.tr("None (use the habitat class codes)"),
                self.tr("OSO natural and semi-natural classes"),
                self.tr("Corine Land Cover natural and semi-natural classes")], defaultValue=0))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FRAGMENTING, self.tr("Fragmenting elements"), QgsProcessing.TypeVectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Study area"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Mode"), options=[self.tr("Vector"), self.tr("Raster")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.RESOLUTION, self.tr("Raster resolution (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=10.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Habitat patches"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_RASTER, self.tr("Habitat raster"), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        landcover = self.parameterAsLayer(parameters, self.LANDCOVER, context)
        if landcover is None:
            raise QgsProcessingException(self.tr("The land-cover layer could not be loaded."))
        crs = landcover.crs()
        require_projected_crs(crs, self.tr("The land-cover layer"))
        codes = self._codes(parameters, context)
        fragmenting = [layer_in_crs(layer, crs, self.tr("A fragmenting layer"), context, feedback)
                       for layer in self.parameterAsLayerList(parameters, self.FRAGMENTING, context)]
        study = None
        if self.parameterAsSource(parameters, self.STUDY_AREA, context) is not None:
            study = layer_in_crs(parameters[self.STUDY_AREA], crs, self.tr("The study area"), context, feedback)
        raster_mode = self.parameterAsEnum(parameters, self.MODE, context) == 1
        if raster_mode:
            output = self._raster_output(parameters, context)
            resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
            if resolution <= 0:
                raise QgsProcessingException(self.tr("The raster resolution must be above 0 metres."))
            self._raster(landcover, parameters, context, codes, fragmenting, study, resolution, output, feedback)
            return {self.OUTPUT_RASTER: output, self.OUTPUT: output}
        if landcover.type() == QgsMapLayerType.RasterLayer:
            raise QgsProcessingException(self.tr(
                "Vector mode needs a polygon land cover: choose MODE = Raster for a land-cover raster."))
        return {self.OUTPUT: self._vector(landcover, parameters, context, codes, fragmenting, study, feedback)}

    def _raster_output(self, parameters, context):
        """OUTPUT_RASTER, or OUTPUT when it names a GeoTIFF (so one OUTPUT serves both modes)."""
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
        if output:
            return output
        value = parameters.get(self.OUTPUT)
        sink = getattr(value, "sink", None)
        text = sink.staticValue() if sink is not None else value
        if isinstance(text, str) and text.lower().endswith((".tif", ".tiff")):
            return text
        raise QgsProcessingException(self.tr(
            "Raster mode writes a GeoTIFF: give OUTPUT_RASTER (or OUTPUT) a .tif file name."))

    def _codes(self, parameters, context):
        preset = PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        codes = parse_codes(self.parameterAsString(parameters, self.HABITAT_CLASSES, context),
                            self.tr("Habitat class codes"))
        if preset is not None:
            codes = sorted(set(codes) | set(natural_codes(preset)))
        if not codes:
            raise QgsProcessingException(self.tr(
                "No habitat class: give HABITAT_CLASSES (e.g. 311,312,313) or choose a PRESET."))
        return codes

    def _report_absent(self, codes, present, feedback):
        present_codes = set()
        for value in present:
            try:
                present_codes.add(int(float(value)))
            except (TypeError, ValueError):
                continue
        absent = [c for c in codes if c not in present_codes]
        if len(absent) == len(codes):
            raise QgsProcessingException(self.tr(
                "None of the habitat classes ({0}) occurs in the land cover: check the class field and "
                "the codes.").format(", ".join(str(c) for c in codes)))
        if absent:
            feedback.pushWarning(self.tr("Habitat classes absent from the land cover: {0}.").format(
                ", ".join(str(c) for c in absent)))

    def _habitat_expression(self, landcover, field_name, codes):
        field = landcover.fields().field(field_name)
        if field.type() == QVariant.String:
            values = ", ".join(QgsExpression.quotedValue(str(c)) for c in codes)
        else:
            values = ", ".join(str(c) for c in codes)
        return f"{QgsExpression.quotedColumnRef(field_name)} IN ({values})"

    def _class_field(self, parameters, context, landcover):
        field_name = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        if not field_name or landcover.fields().indexOf(field_name) < 0:
            raise QgsProcessingException(self.tr(
                "A polygon land cover needs its class field (CLASS_FIELD), e.g. CODE_12 for Corine Land Cover."))
        return field_name

    # --- vector mode ----------------------------------------------------------------

    def _vector(self, landcover, parameters, context, codes, fragmenting, study, feedback):
        field_name = self._class_field(parameters, context, landcover)
        self._report_absent(codes, landcover.uniqueValues(landcover.fields().indexOf(field_name)), feedback)
        steps = QgsProcessingMultiStepFeedback(6 + 2 * len(fragmenting), feedback)
        done = [0]

        def run(algorithm, params):
            result = processing.run(algorithm, {**params, "OUTPUT": "memory:"}, context=context, feedback=steps,
                                    is_child_algorithm=True)["OUTPUT"]
            done[0] += 1
            steps.setCurrentStep(done[0])
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user: no output was written."))
            return result

        habitat = run("native:extractbyexpression", {
            "INPUT": landcover, "EXPRESSION": self._habitat_expression(landcover, field_name, codes)})
        habitat = run("native:fixgeometries", {"INPUT": habitat})
        if study is not None:
            habitat = run("native:clip", {"INPUT": habitat, "OVERLAY": run("native:fixgeometries", {"INPUT": study})})
        habitat = run("native:dissolve", {"INPUT": habitat})
        for barrier in fragmenting:
            if QgsWkbTypes.geometryType(barrier.wkbType()) == QgsWkbTypes.LineGeometry:
                barrier = run("native:buffer", {"INPUT": barrier, "DISTANCE": LINE_CUT_WIDTH / 2, "DISSOLVE": True})
            elif QgsWkbTypes.geometryType(barrier.wkbType()) != QgsWkbTypes.PolygonGeometry:
                feedback.pushWarning(self.tr("{0} is neither lines nor polygons: ignored.").format(barrier.name()))
                continue
            habitat = run("native:difference", {"INPUT": habitat, "OVERLAY": barrier})
        patches = run("native:multiparttosingleparts", {"INPUT": habitat})
        return self._write_patches(parameters, context, as_layer(patches, context), landcover.crs())

    def _write_patches(self, parameters, context, patches, crs):
        fields = QgsFields()
        fields.append(QgsField("patch_id", QVariant.Int))
        fields.append(QgsField("area_m2", QVariant.Double))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 QgsWkbTypes.Polygon, crs)
        number = 0
        for feature in patches.getFeatures(QgsFeatureRequest().setNoAttributes()):
            geometry = feature.geometry()
            if geometry.isEmpty() or geometry.area() <= 0:
                continue
            number += 1
            output = QgsFeature(fields)
            output.setGeometry(geometry)
            output.setAttributes([number, geometry.area()])
            sink.addFeature(output, QgsFeatureSink.FastInsert)
        return destination

    # --- raster mode ----------------------------------------------------------------

    def _raster(self, landcover, parameters, context, codes, fragmenting, study, resolution, output, feedback):
        extent = study.extent() if study is not None else landcover.extent()
        grid = _snapped_grid(extent, resolution)
        progress, is_cancelled = self.core_callbacks(feedback, 0, 100)
        with atomic_path(output) as temporary:
            dataset = _create_grid(temporary, grid, landcover.crs())
            if landcover.type() == QgsMapLayerType.RasterLayer:
                self._burn_raster_landcover(dataset, landcover, grid, codes, feedback, is_cancelled)
            else:
                self._burn_vector_landcover(dataset, landcover, parameters, context, codes, feedback)
            progress(0.5)
            for barrier in fragmenting:
                check_cancel(is_cancelled)
                lines = QgsWkbTypes.geometryType(barrier.wkbType()) == QgsWkbTypes.LineGeometry
                geometries = [f.geometry() for f in barrier.getFeatures() if not f.geometry().isEmpty()]
                _burn(dataset, geometries, barrier.crs(), OTHER, all_touched=lines)
            progress(0.8)
            if study is not None:
                self._mask_outside(dataset, study, grid, feedback, is_cancelled)
            dataset.FlushCache()
            dataset = None
        progress(1.0)

    def _burn_vector_landcover(self, dataset, landcover, parameters, context, codes, feedback):
        field_name = self._class_field(parameters, context, landcover)
        self._report_absent(codes, landcover.uniqueValues(landcover.fields().indexOf(field_name)), feedback)
        request = QgsFeatureRequest().setFilterExpression(self._habitat_expression(landcover, field_name, codes))
        geometries = [g for _, g in repaired_geometries(landcover, feedback, request)]
        _burn(dataset, geometries, landcover.crs(), HABITAT)

    def _burn_raster_landcover(self, dataset, landcover, grid, codes, feedback, is_cancelled):
        """Resample (nearest) the land cover on the grid, then reclassify it block by block."""
        source = open_raster(landcover.source())
        xmin, ymin, xmax, ymax, resolution, width, height = grid
        warped = QgsProcessingUtils.generateTempFilename("landcover_on_grid.vrt")
        gdal.Warp(warped, source.path, format="VRT", outputBounds=(xmin, ymin, xmax, ymax), xRes=resolution,
                  yRes=resolution, resampleAlg="near")
        info = open_raster(warped)
        band = dataset.GetRasterBand(1)
        seen = set()
        warped_dataset = info.open()
        for window in iter_windows(width, height, 1024):
            check_cancel(is_cancelled)
            values = info.read(window, dataset=warped_dataset)
            valid = info.valid_mask(values)
            seen.update(np.unique(values[valid]).tolist())
            classes = np.where(np.isin(values, codes) & valid, HABITAT, OTHER).astype(np.uint8)
            classes[~valid] = OUTSIDE
            band.WriteArray(classes, window.col, window.row)
        self._report_absent(codes, seen, feedback)

    def _mask_outside(self, dataset, study, grid, feedback, is_cancelled):
        """Pixels whose centre is outside the study area become nodata (255)."""
        xmin, ymin, xmax, ymax, resolution, width, height = grid
        mask_path = QgsProcessingUtils.generateTempFilename("study_area_mask.tif")
        mask = gdal.GetDriverByName("GTiff").Create(mask_path, width, height, 1, gdal.GDT_Byte, GTIFF_OPTIONS)
        mask.SetGeoTransform(dataset.GetGeoTransform())
        mask.SetProjection(dataset.GetProjection())
        geometries = [g for _, g in repaired_geometries(study, feedback)]
        _burn(mask, geometries, study.crs(), 1)
        band, mask_band = dataset.GetRasterBand(1), mask.GetRasterBand(1)
        for window in iter_windows(width, height, 1024):
            check_cancel(is_cancelled)
            inside = mask_band.ReadAsArray(window.col, window.row, window.width, window.height) == 1
            values = band.ReadAsArray(window.col, window.row, window.width, window.height)
            values[~inside] = OUTSIDE
            band.WriteArray(values, window.col, window.row)


def _snapped_grid(extent: QgsRectangle, resolution):
    """(xmin, ymin, xmax, ymax, resolution, width, height) snapped outward to multiples of the resolution."""
    xmin = math.floor(extent.xMinimum() / resolution) * resolution
    ymin = math.floor(extent.yMinimum() / resolution) * resolution
    xmax = math.ceil(extent.xMaximum() / resolution) * resolution
    ymax = math.ceil(extent.yMaximum() / resolution) * resolution
    width, height = int(round((xmax - xmin) / resolution)), int(round((ymax - ymin) / resolution))
    if width * height == 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "PrepareLandscape", "The land cover or study area is empty: nothing to rasterise."))
    return xmin, ymin, xmax, ymax, resolution, width, height


def _create_grid(path, grid, crs):
    xmin, ymin, xmax, ymax, resolution, width, height = grid
    dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, gdal.GDT_Byte, GTIFF_OPTIONS)
    dataset.SetGeoTransform((xmin, resolution, 0.0, ymax, 0.0, -resolution))
    dataset.SetProjection(crs.toWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(OUTSIDE)
    band.Fill(OTHER)
    return dataset


def _burn(dataset, geometries, crs, value, all_touched=False):
    if not geometries:
        return
    datasource, layer = ogr_layer(geometries, [value] * len(geometries), crs)
    options = ["ATTRIBUTE=zone_id"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(dataset, [1], layer, options=options)
    del datasource  # the OGR layer belongs to it: kept alive until here
