"""Catalogue items as the products of the forest-health algorithms (read by windows over HTTP)."""
import functools

from qgis.core import Qgis, QgsMessageLog, QgsProcessingException, QgsProcessingParameterFile
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


def catalogue_products(algorithm, parameters, context, options: series.IndexOptions, feedback=None):
    """The products of the items file, holding only the blocks over the area of interest."""
    path = algorithm.parameterAsFile(parameters, STAC_ITEMS, context)
    if not parameters.get(algorithm.EXTENT):
        raise QgsProcessingException(translate("ForestHealth", "Catalogue items are read over an area of interest "
                                               "only: give the area of interest."))
    items = algorithm.run_core(stac_items.read_items_file, path)
    # QGIS proxy and settings, cancel; each hub's credentials as the catalogue's downloads use them
    source = stac_items.StacProducts(items, QgisTransport(feedback), functools.lru_cache()(hub_access))
    grid = algorithm.run_core(source.grid)
    extent = algorithm.extent(parameters, context, grid.crs_wkt)
    bands = series.Plan(options, detection.Settings(), [], 0, grid, None, {}).bands
    products = algorithm.run_core(source.products, extent, bands, sen2cor_offset=options.sen2cor_offset)
    if source.skipped:
        _inform(feedback, translate("ForestHealth", "{0} catalogue items on another Sentinel-2 tile than the "
                                    "other items were left out: {1}").format(len(source.skipped),
                                                                            ", ".join(source.skipped[:5])))
    _inform(feedback, translate("ForestHealth", "{0} catalogue items read over the area: {1:.1f} MB received "
                                "in {2} requests ({3:.1%} of their files).").format(
        len(products), source.traffic.received / 1e6, source.traffic.requests,
        source.traffic.received / max(1, source.traffic.files_total)))
    return products


def hub_access(hub_id):
    """(API key headers, link signer) of a catalogue hub, with the credentials chosen in the dock."""
    import dataclasses

    from ...dataterra_plugin.catalog.auth import auth_headers
    from ...dataterra_plugin.catalog.core.hubs import load_hubs
    from ...dataterra_plugin.catalog.dock import saved_auth_config
    from ...dataterra_plugin.catalog.signing import hub_signer

    hub = next((hub for hub in load_hubs() if hub.id == hub_id), None)
    if hub is None:
        return {}, None
    saved = saved_auth_config(hub_id)
    if saved is not None:
        hub = dataclasses.replace(hub, auth_config=saved)
    return auth_headers(hub), hub_signer(hub)


def _inform(feedback, message):
    """To the algorithm's log when there is one, else to the QGIS message log."""
    if feedback is not None:
        feedback.pushInfo(message)
    else:
        QgsMessageLog.logMessage(message, "Data Terra", Qgis.Info)
