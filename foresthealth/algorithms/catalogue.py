"""Catalogue items as the products of the forest-health algorithms (read by windows over HTTP)."""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QCoreApplication

from ...dataterra_plugin.net.qgis_transport import QgisTransport
from ..core import detection, series, stac_items

STAC_ITEMS = "STAC_ITEMS"
translate = QCoreApplication.translate


def items_parameter():
    return QgsProcessingParameterFile(
        STAC_ITEMS,
        translate("ForestHealth", "Or Sentinel-2 items of the catalogue (GeoJSON of STAC items; read over the area "
                  "of interest only)"),
        extension="json", optional=True)


def catalogue_products(algorithm, parameters, context, options: series.IndexOptions):
    """The products of the items file, holding only the blocks over the area of interest."""
    path = algorithm.parameterAsFile(parameters, STAC_ITEMS, context)
    if not parameters.get(algorithm.EXTENT):
        raise QgsProcessingException(translate("ForestHealth", "Catalogue items are read over an area of interest "
                                               "only: give the area of interest."))
    items = algorithm.run_core(stac_items.read_items_file, path)
    source = stac_items.StacProducts(items, QgisTransport())
    grid = algorithm.run_core(source.grid)
    extent = algorithm.extent(parameters, context, grid.crs_wkt)
    bands = series.Plan(options, detection.Settings(), [], 0, grid, None, {}).bands
    return algorithm.run_core(source.products, extent, bands)
