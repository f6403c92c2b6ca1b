"""dataterra:effective_mesh_size — Jaeger's effective mesh size, vector or raster, per unit."""
import math

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm, require_projected_crs
from ...dataterra_plugin.scale import scheduler_help, scheduler_parameter, scheduler_value
from ...rasterblocks import atomic_path, create_like, open_raster
from ...rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP
from ...rasterblocks.io import GTIFF_OPTIONS
from ..core.blocklabel import NEIGHBOURS
from ..core.metrics import METHODS, aggregate_units, metrics_from_sum
from ..core.raster_mesh import GridSpec, effective_mesh_size_raster, write_grid_raster
from ..project import FRAGSCAPE_NEIGHBOURS
from .common import layer_in_crs, ogr_layer, parse_codes, rectangle_geometry, repaired_geometries
from .vector_mesh import PatchIndex, habitat_patches, units_metrics

METRIC_FIELDS = ("meff_ha", "meff_km2", "s_eff", "coherence", "splitting_index", "n_patches", "habitat_ha",
                 "area_ha")


def metric_values(metrics):
    """Field values in METRIC_FIELDS order (NaN becomes NULL)."""
    values = []
    for name in METRIC_FIELDS:
        value = getattr(metrics, name)
        if isinstance(value, float) and math.isnan(value):
            value = None
        elif name != "n_patches":
            value = float(value)  # numpy scalars do not convert to QVariant
        values.append(value)
    return values


def metric_fields():
    fields = QgsFields()
    for name in METRIC_FIELDS:
        kind = QVariant.Int if name == "n_patches" else QVariant.Double
        fields.append(QgsField(name, kind))
    return fields


class EffectiveMeshSize(DataTerraAlgorithm):
    GROUP_ID = "fragmentation"
    INPUT = "INPUT"
    REPORTING = "REPORTING"
    GRID_SIZE = "GRID_SIZE"
    METHOD = "METHOD"
    CONNECTIVITY = "CONNECTIVITY"
    MIN_PATCH_AREA = "MIN_PATCH_AREA"
    HABITAT_VALUES = "HABITAT_VALUES"
    OUTPUT = "OUTPUT"
    OUTPUT_RASTER = "OUTPUT_RASTER"
    MEFF_HA = "MEFF_HA"
    COHERENCE = "COHERENCE"
    SPLITTING_INDEX = "SPLITTING_INDEX"

    def name(self):
        return "effective_mesh_size"

    def displayName(self):  # noqa: N802
        return self.tr("Effective mesh size (fragmentation)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Measures how much habitat is cut apart with Jaeger's effective mesh size (meff), the "
            "size of the area that two random points of the region have on average in common "
            "(Jaeger 2000), per reporting unit, per grid cell or over the whole input.\n\n"
            "INPUT: habitat patches, either polygons (touching polygons form one patch) or a raster "
            "whose HABITAT_VALUES (default: every non-zero value) are habitat; nodata pixels are "
            "outside the landscape. A projected CRS in metres is required.\n"
            "REPORTING: optional polygons (e.g. communes); GRID_SIZE: optional side of square cells "
            "in metres. Without either, the whole input extent is one unit.\n"
            "METHOD: CUT (cutting-out: patches are cut at the unit boundary) or CBC (cross-boundary "
            "connections: each piece inside the unit is weighted by its whole patch area, also "
            "outside the unit; Moser et al. 2007).\n"
            "CONNECTIVITY: which raster pixels join one patch. 4 neighbours (default) is FragScape's "
            "raster rule: pixels touching only at a corner are two patches, as polygons touching only "
            "at a corner are in vector mode. 8 neighbours joins them: choose it when rasterising has "
            "cut diagonal strips of habitat (hedges, rivers) into pixels that touch only at their "
            "corners. MIN_PATCH_AREA (m²): smaller patches are not counted as habitat.\n\n"
            "Output fields: meff_ha (hectares), meff_km2 (km²), s_eff (effective mesh number = unit "
            "area / meff), coherence (meff / unit area, 0 to 1), splitting_index (1 / coherence), "
            "n_patches, habitat_ha and area_ha (hectares). MEFF_HA, COHERENCE and SPLITTING_INDEX "
            "are also returned for all units together (area-weighted). OUTPUT_RASTER: meff (ha) per "
            "grid cell as a GeoTIFF (needs GRID_SIZE).") + scheduler_help()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMapLayer(
            self.INPUT, self.tr("Habitat patches (polygons or raster)"),
            types=[QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeRaster]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REPORTING, self.tr("Reporting units (polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.GRID_SIZE, self.tr("Grid cell size (metres)"), QgsProcessingParameterNumber.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"), options=["CUT", "CBC"], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CONNECTIVITY, self.tr("Raster connectivity"), options=[str(n) for n in NEIGHBOURS],
            defaultValue=NEIGHBOURS.index(FRAGSCAPE_NEIGHBOURS)))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_PATCH_AREA, self.tr("Minimum patch area (m²)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.HABITAT_VALUES, self.tr("Habitat pixel values (raster, comma-separated)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Effective mesh size"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_RASTER, self.tr("Effective mesh size per grid cell (ha)"), optional=True,
            createByDefault=False))
        self.addParameter(scheduler_parameter())  # raster input only
        self.addOutput(QgsProcessingOutputNumber(self.MEFF_HA, self.tr("Effective mesh size (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.COHERENCE, self.tr("Coherence")))
        self.addOutput(QgsProcessingOutputNumber(self.SPLITTING_INDEX, self.tr("Splitting index")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer = self.parameterAsLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.tr("The input layer could not be loaded."))
        require_projected_crs(layer.crs(), self.tr("The input layer"))
        options = self._options(parameters, context, feedback)
        units, unit_features, unit_fields = self._units(parameters, context, feedback, layer, options)
        raster_output = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
        if raster_output and not options["grid_size"]:
            raise QgsProcessingException(self.tr("The raster output needs a grid cell size (GRID_SIZE)."))
        if layer.type() == QgsMapLayerType.RasterLayer:
            unit_geometries, results, whole, cell_ids = self._raster_mode(layer, units, options, raster_output,
                                                                          feedback)
        else:
            unit_geometries, results, whole, cell_ids = self._vector_mode(layer, units, options, raster_output,
                                                                          feedback)
        fields = QgsFields(unit_fields)
        for field in metric_fields():
            fields.append(field)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                                 QgsWkbTypes.MultiPolygon, layer.crs())
        for number, (geometry, metrics) in enumerate(zip(unit_geometries, results)):
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            attributes = list(unit_features[number].attributes()) if unit_features else []
            if not unit_features and unit_fields.count():
                attributes = [cell_ids[number]]  # grid cell id, row-major from the top-left, 1-based
            feature.setAttributes(attributes + metric_values(metrics))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        outputs = {self.OUTPUT: destination, self.MEFF_HA: whole.meff_ha, self.COHERENCE: whole.coherence,
                   self.SPLITTING_INDEX: None if math.isnan(whole.splitting_index) else whole.splitting_index}
        if raster_output:
            outputs[self.OUTPUT_RASTER] = raster_output
        return outputs

    # --- parameters -----------------------------------------------------------------

    def _options(self, parameters, context, feedback=None):
        grid_size = self.parameterAsDouble(parameters, self.GRID_SIZE, context) \
            if parameters.get(self.GRID_SIZE) not in (None, "") else 0.0
        return {
            "method": METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            "connectivity": NEIGHBOURS[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)],
            "min_area": self.parameterAsDouble(parameters, self.MIN_PATCH_AREA, context) or 0.0,
            "grid_size": grid_size,
            "scheduler": scheduler_value(self, parameters, context, feedback),
            "habitat_values": parse_codes(self.parameterAsString(parameters, self.HABITAT_VALUES, context),
                                          self.tr("Habitat pixel values")),
        }

    def _units(self, parameters, context, feedback, layer, options):
        """(unit geometries or None, their features, their fields) in the input's CRS."""
        source = self.parameterAsSource(parameters, self.REPORTING, context)
        if source is None:
            if options["grid_size"]:
                fields = QgsFields()
                fields.append(QgsField("cell_id", QVariant.Int))
                return None, None, fields
            return None, None, QgsFields()
        if options["grid_size"]:
            raise QgsProcessingException(self.tr("Give either reporting units or a grid cell size, not both."))
        reporting = layer_in_crs(parameters[self.REPORTING], layer.crs(), self.tr("The reporting layer"),
                                 context, feedback)
        rows = repaired_geometries(reporting, feedback)
        if not rows:
            raise QgsProcessingException(self.tr("The reporting layer has no polygon: choose a layer with "
                                                 "at least one reporting unit, or leave it empty."))
        return [g for _, g in rows], [f for f, _ in rows], reporting.fields()

    # --- raster mode ----------------------------------------------------------------

    def _raster_mode(self, layer, units, options, raster_output, feedback):
        progress, is_cancelled = self.core_callbacks(feedback, 5, 95)
        path = layer.source()
        info = self.run_core(open_raster, path)
        zone_path = None
        if units is not None:
            zone_path = self.run_core(self._rasterize_units, info, units, layer.crs())
        result = self.run_core(
            effective_mesh_size_raster, path, options["habitat_values"] or None, options["method"],
            options["connectivity"], zone_path, options["grid_size"] or None, options["min_area"],
            progress=progress, is_cancelled=is_cancelled, scheduler=options["scheduler"])
        if result.whole.habitat_area == 0:
            feedback.pushWarning(self.tr("The raster has no habitat pixel: every effective mesh size is 0. "
                                         "Check HABITAT_VALUES against the raster's values."))
        if units is not None:
            geometries, ids = units, None
            results = [result.zones.get(n + 1) or _empty(unit.area()) for n, unit in enumerate(units)]
        elif result.grid is not None:
            zones = sorted(result.zones)
            geometries, ids = [_grid_cell(info, result.grid, zone) for zone in zones], zones
            results = [result.zones[zone] for zone in zones]
        else:
            xmin, ymin, xmax, ymax = info.extent
            return [rectangle_geometry(xmin, ymin, xmax, ymax)], [result.whole], result.whole, None
        if raster_output:
            self.run_core(write_grid_raster, result, path, raster_output)
        return geometries, results, aggregate_units(results), ids

    def _rasterize_units(self, info, units, crs):
        """Zone ids 1..n of the units burnt on the habitat raster's grid (pixel centres)."""
        zone_path = QgsProcessingUtils.generateTempFilename("reporting_zones.tif")
        datasource, ogr_units = ogr_layer(units, range(1, len(units) + 1), crs)
        dataset = create_like(zone_path, info, "int32", nodata=None)
        dataset.GetRasterBand(1).Fill(0)
        gdal.RasterizeLayer(dataset, [1], ogr_units, options=["ATTRIBUTE=zone_id"])
        dataset.FlushCache()
        dataset = None
        del datasource  # kept alive until here: the OGR layer belongs to it
        return zone_path

    # --- vector mode ----------------------------------------------------------------

    def _vector_mode(self, layer, units, options, raster_output, feedback):
        progress, is_cancelled = self.core_callbacks(feedback, 20, 95)
        feedback.setProgressText(self.tr("Dissolving the habitat into patches…"))
        patches = self.run_core(habitat_patches, layer, options["min_area"], feedback, is_cancelled)
        if not patches:
            feedback.pushWarning(self.tr("The input has no habitat polygon: every effective mesh size is 0."))
        grid = None
        if units is None and options["grid_size"]:
            units, grid = _vector_grid(layer.extent(), options["grid_size"])
        elif units is None:
            extent = layer.extent()
            units = [rectangle_geometry(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                        extent.yMaximum())]
        feedback.setProgressText(self.tr("Measuring each unit…"))
        results = self.run_core(units_metrics, units, PatchIndex(patches), options["method"], progress,
                                is_cancelled)
        if raster_output:
            self.run_core(_write_vector_grid, grid, layer, results, raster_output)
        return units, results, aggregate_units(results), list(range(1, len(units) + 1))


def _empty(area):
    """Measures of a unit that holds no valid pixel of the raster."""
    return metrics_from_sum(0.0, area, 0, 0.0)


def _grid_cell(info, grid: GridSpec, zone):
    x0, dx, _, y0, _, dy = info.geotransform
    row, col = divmod(zone - 1, grid.columns)
    size = grid.cell_pixels
    left, right = x0 + col * size * dx, x0 + min((col + 1) * size, info.width) * dx
    top, bottom = y0 + row * size * dy, y0 + min((row + 1) * size, info.height) * dy
    return rectangle_geometry(left, min(top, bottom), right, max(top, bottom))


def _vector_grid(extent, size):
    """Square cells of ``size`` metres from the extent's top-left corner, row-major."""
    columns = max(1, math.ceil(extent.width() / size))
    rows = max(1, math.ceil(extent.height() / size))
    x0, y0 = extent.xMinimum(), extent.yMaximum()
    cells = [rectangle_geometry(x0 + c * size, y0 - (r + 1) * size, x0 + (c + 1) * size, y0 - r * size)
             for r in range(rows) for c in range(columns)]
    return cells, (x0, y0, size, columns, rows)


def _write_vector_grid(grid, layer, results, output_path):


    x0, y0, size, columns, rows = grid
    values = np.array([-1.0 if math.isnan(r.meff_ha) else r.meff_ha for r in results], dtype=np.float32)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(layer.crs().toWkt())
    try:
        with atomic_path(output_path) as temporary:
            dataset = gdal.GetDriverByName("GTiff").Create(temporary, columns, rows, 1, gdal.GDT_Float32,
                                                           GTIFF_OPTIONS)
            dataset.SetGeoTransform((x0, size, 0.0, y0, 0.0, -size))
            dataset.SetProjection(srs.ExportToWkt())
            band = dataset.GetRasterBand(1)
            band.SetNoDataValue(-1.0)
            band.SetDescription("meff_ha")
            band.WriteArray(values.reshape(rows, columns))
            dataset = None
    except (RuntimeError, OSError) as exc:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot write {output_path}: {exc}"),
            output_path=output_path,
            exc=exc) from exc

