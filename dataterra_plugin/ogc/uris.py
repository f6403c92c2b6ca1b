"""Data source URIs for QGIS's own wms / wfs / wcs providers, WMS-T temporal set-up,
and saving a service as a QGIS connection (Browser and Data Source Manager)."""
from qgis.core import QgsDataSourceUri, QgsSettings

from .core.capabilities import Content, ServiceTree
from .core.transport import add_query


def _encoded(params: dict, authcfg: str = "") -> str:
    """The ``key=value&...`` form the wms and wcs providers read (QgsDataSourceUri params)."""
    uri = QgsDataSourceUri()
    for key, value in params.items():
        if value is None or value == "":
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            uri.setParam(key, str(item))
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return bytes(uri.encodedUri()).decode()


def preferred_crs(content: Content, wanted: str = "EPSG:2154") -> str:
    """``wanted`` when the layer offers it, else EPSG:3857, EPSG:4326 or its first CRS."""
    offered = [c.upper() for c in content.crs]
    for candidate in (wanted, "EPSG:3857", "EPSG:4326"):
        if candidate.upper() in offered:
            return candidate
    return content.crs[0] if content.crs else "EPSG:4326"


def wms_uri(url, layer, crs="EPSG:4326", image_format="image/png", style="", authcfg="", time=None):
    """URI of a WMS layer. ``time`` (a Dimension) makes it a WMS-T layer driven by QGIS's
    temporal controller: its values become the provider's time dimension extent."""
    params = {"contextualWMSLegend": "0", "crs": crs, "dpiMode": "7", "format": image_format,
              "layers": layer, "styles": style, "url": url}
    if time is not None and time.values:
        params.update({"type": "wmst", "timeDimensionExtent": ",".join(time.values),
                       "allowTemporalUpdates": "true", "temporalSource": "provider"})
    return _encoded(params, authcfg)


def wmts_capabilities_url(url: str) -> str:
    """The address QGIS's wms provider needs for a WMTS layer: it reads a layer as WMTS
    only when its URL is a WMTS GetCapabilities request (KVP ``SERVICE=WMTS``) or a
    RESTful ``WMTSCapabilities.xml``; a bare service address makes it ask for WMS
    capabilities and report "Tile layer not found"."""
    lowered = url.lower()
    if "service=wmts" in lowered or lowered.split("?")[0].endswith(".xml"):
        return url
    return add_query(url, {"SERVICE": "WMTS", "REQUEST": "GetCapabilities"})


def wmts_uri(url, layer, tile_matrix_set, crs, image_format="image/png", style="default", authcfg=""):
    url = wmts_capabilities_url(url)
    return _encoded({"contextualWMSLegend": "0", "crs": crs, "dpiMode": "7", "format": image_format,
                     "layers": layer, "styles": style, "tileMatrixSet": tile_matrix_set, "url": url}, authcfg)


def wcs_uri(url, coverage, crs="", image_format="GeoTIFF", version="1.0.0", authcfg=""):
    return _encoded({"crs": crs, "format": image_format, "identifier": coverage, "url": url,
                     "version": version, "cache": "PreferNetwork"}, authcfg)


def wfs_uri(url, type_name, srs_name="", version="auto", authcfg="", page_size=None):
    """URI of a WFS layer (the wfs provider reads the quoted key='value' form)."""
    uri = QgsDataSourceUri()
    uri.setParam("url", url)
    uri.setParam("typename", type_name)
    uri.setParam("version", version)
    uri.setParam("pagingEnabled", "true")
    uri.setParam("restrictToRequestBBOX", "1")
    if srs_name:
        uri.setParam("srsname", srs_name)
    if page_size:
        uri.setParam("pageSize", str(page_size))
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return uri.uri(False)


def wmts_matrix_set(content: Content, wanted: str = "EPSG:2154"):
    """(tile matrix set, its CRS) of a WMTS layer: the set in ``wanted`` when there is
    one (tiles then need no reprojection), else in EPSG:3857, EPSG:4326, else the first."""
    if not content.tile_matrix_sets:
        return "", preferred_crs(content, wanted)
    crs = preferred_crs(content, wanted)
    for matrix_set in content.tile_matrix_sets:
        if content.tile_matrix_set_crs.get(matrix_set, "").upper() == crs.upper():
            return matrix_set, content.tile_matrix_set_crs[matrix_set]
    first = content.tile_matrix_sets[0]
    return first, content.tile_matrix_set_crs.get(first, crs)


def layer_for(tree: ServiceTree, content: Content, crs: str = "EPSG:2154", authcfg: str = ""):
    """A QGIS layer (not added to any project) for ``content`` of ``tree``."""
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    title = content.title or content.name
    if tree.service_type == "WFS":
        srs = crs if crs.upper() in [c.upper() for c in content.crs] else (content.crs[0] if content.crs else "")
        return QgsVectorLayer(wfs_uri(tree.url, content.name, srs, tree.version or "auto", authcfg), title, "WFS")
    if tree.service_type == "WCS":
        return QgsRasterLayer(wcs_uri(tree.url, content.name, crs, "GeoTIFF", tree.version, authcfg), title, "wcs")
    if tree.service_type == "WMTS":
        matrix_set, matrix_crs = wmts_matrix_set(content, crs)
        image_format = content.formats[0] if content.formats else "image/png"
        return QgsRasterLayer(wmts_uri(tree.url, content.name, matrix_set, matrix_crs,
                                       image_format, content.styles[0].name if content.styles else "default",
                                       authcfg), title, "wms")
    image_format = "image/png" if "image/png" in tree.formats or not tree.formats else tree.formats[0]
    style = content.styles[0].name if content.styles else ""
    return QgsRasterLayer(wms_uri(tree.url, content.name, preferred_crs(content, crs), image_format, style,
                                  authcfg, content.time), title, "wms")


def save_connection(service_type: str, name: str, url: str, authcfg: str = "", version: str = ""):
    """Save ``url`` as a QGIS OWS connection called ``name`` (settings keys of
    QgsOwsConnection): it then shows in the Browser and the Data Source Manager. WMTS
    connections are WMS connections in QGIS. Only the auth config id is stored."""
    kind = "wms" if service_type.upper() in ("WMS", "WMTS") else service_type.lower()
    if service_type.upper() == "WMTS":
        url = wmts_capabilities_url(url)  # else QGIS lists the server's WMS layers, or nothing
    settings = QgsSettings()
    settings.setValue(f"qgis/connections-{kind}/{name}/url", url)
    if version and kind == "wfs":
        settings.setValue(f"qgis/connections-{kind}/{name}/version", version)
    if authcfg:
        settings.setValue(f"qgis/{kind.upper()}/{name}/authcfg", authcfg)
    return f"qgis/connections-{kind}/{name}"
