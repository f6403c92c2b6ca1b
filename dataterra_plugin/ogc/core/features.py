"""Download every feature of a WFS feature type into a GeoPackage layer, page by page
(WFS 2.0 ``STARTINDEX``/``COUNT``; WFS 1.1 ``STARTINDEX``/``MAXFEATURES``, honoured by
GeoServer, MapServer and QGIS Server), with an optional BBOX and OGC filter.

Each page is GML read by OGR with the feature type's schema (DescribeFeatureType), so
field types are the server's, not guessed page by page.
"""
import uuid

from osgeo import gdal, ogr, osr

from ....rasterblocks.errors import QT_TRANSLATE_NOOP, check_cancel
from ....rasterblocks.io import atomic_path
from ....rasterblocks.untrusted import GML_OPEN_OPTIONS, WFS_PAGE_DRIVERS, local_schema, open_untrusted
from .safexml import OgcError, descendants, parse_xml
from .transport import add_query, urllib_fetch

gdal.UseExceptions()
ogr.UseExceptions()

DEFAULT_PAGE_SIZE = 1000
MAX_PAGES = 100_000  # a server ignoring STARTINDEX would otherwise loop forever


def get_feature_url(url, type_name, version="2.0.0", start=0, count=DEFAULT_PAGE_SIZE, srs_name="",
                    bbox=None, filter_xml="", result_type=""):
    """GetFeature KVP URL. ``bbox`` is (xmin, ymin, xmax, ymax) in ``srs_name``; BBOX and
    FILTER are mutually exclusive in WFS KVP, so a BBOX with a filter must be in the filter."""
    params = {"SERVICE": "WFS", "VERSION": version, "REQUEST": "GetFeature"}
    params["TYPENAMES" if version.startswith("2") else "TYPENAME"] = type_name
    if result_type:
        params["RESULTTYPE"] = result_type
    else:
        params["STARTINDEX"] = start
        params["COUNT" if version.startswith("2") else "MAXFEATURES"] = count
    if srs_name:
        params["SRSNAME"] = srs_name
    if filter_xml:
        params["FILTER"] = filter_xml
    elif bbox is not None:
        params["BBOX"] = ",".join(repr(float(v)) for v in bbox) + (f",{srs_name}" if srs_name else "")
    return add_query(url, params)


def negotiate_version(url, fetch=urllib_fetch):
    """The WFS version to use: GetCapabilities without VERSION answers with the server's
    highest; 2.x gives "2.0.0", anything else "1.1.0"."""
    root = parse_xml(fetch(add_query(url, {"SERVICE": "WFS", "REQUEST": "GetCapabilities"})),
                     "The WFS capabilities")
    return "2.0.0" if root.get("version", "").startswith("2") else "1.1.0"


def count_features(url, type_name, version="2.0.0", fetch=urllib_fetch, **kwargs):
    """The number of matching features announced by ``RESULTTYPE=hits``, or None."""
    try:
        root = parse_xml(fetch(get_feature_url(url, type_name, version, result_type="hits", **kwargs)))
    except OgcError:
        return None  # hits are optional: progress then counts pages
    for key in ("numberMatched", "numberOfFeatures"):
        value = root.get(key)
        if value and value.isdigit():
            return int(value)
    return None


def _schema(url, type_name, version, fetch):
    params = {"SERVICE": "WFS", "VERSION": version, "REQUEST": "DescribeFeatureType"}
    params["TYPENAMES" if version.startswith("2") else "TYPENAME"] = type_name
    data = fetch(add_query(url, params))
    # refuse hostile XML before OGR reads it
    parse_xml(data, QT_TRANSLATE_NOOP("DataTerraError", "The DescribeFeatureType answer"))
    return data


def _page_layer(gml: bytes, schema: bytes):
    """OGR datasource and layer of one GML page (kept in /vsimem beside its schema), read by
    the GML driver only (an OGR VRT or any other format is refused) with the fetched schema."""
    base = f"/vsimem/dataterra_wfs_{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(base + ".gml", gml)
    if schema:
        gdal.FileFromMemBuffer(base + ".xsd", local_schema(schema))
    options = GML_OPEN_OPTIONS + ((f"XSD={base}.xsd",) if schema else ())
    try:
        source = open_untrusted(base + ".gml", WFS_PAGE_DRIVERS, QT_TRANSLATE_NOOP("DataTerraError", "The WFS page"),
                                vector=True, open_options=options, error_class=OgcError)
    except RuntimeError as exc:
        source = None
        error = exc
    except OgcError:
        _cleanup(base)
        raise
    else:
        error = None
    return base, source, error


def _cleanup(base):
    for suffix in (".gml", ".xsd", ".gfs"):
        gdal.Unlink(base + suffix) if gdal.VSIStatL(base + suffix) else None


def download_features(url, type_name, output, version="2.0.0", page_size=DEFAULT_PAGE_SIZE, srs_name="",
                      bbox=None, filter_xml="", layer_name="", fetch=urllib_fetch, progress=None,
                      is_cancelled=None):
    """Write every feature of ``type_name`` to the GeoPackage ``output``; returns a dict
    (path, layer, features, pages). Nothing is left under ``output`` on error or cancel."""
    if page_size < 1:
        raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The page size must be at least 1."))
    layer_name = layer_name or type_name.split(":")[-1]
    schema = _schema(url, type_name, version, fetch)
    query = {"srs_name": srs_name, "bbox": bbox, "filter_xml": filter_xml}
    total = count_features(url, type_name, version, fetch, **query)
    written, pages = 0, 0
    with atomic_path(output) as temporary:
        target = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        out_layer = None
        start = 0
        while pages < MAX_PAGES:
            check_cancel(is_cancelled)
            gml = fetch(get_feature_url(url, type_name, version, start, page_size, **query))
            parse_xml(gml, QT_TRANSLATE_NOOP("DataTerraError", "The GetFeature answer"))
            base, source, error = _page_layer(gml, schema)
            try:
                if source is None:
                    if not descendants(parse_xml(gml), "featureMember") and not descendants(parse_xml(gml), "member"):
                        break  # an empty collection: OGR finds no layer in it
                    raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The features returned by the server cannot "
                                                     "be read ({error})."), error=error)
                in_layer = source.GetLayer(0)
                if out_layer is None:
                    out_layer = _create_layer(target, layer_name, in_layer, srs_name)
                count = _copy_features(in_layer, out_layer)
            finally:
                source = None
                _cleanup(base)
            pages += 1
            written += count
            start += count
            if progress:
                progress(min(1.0, written / total) if total else min(0.99, pages / (pages + 1)))
            if count < page_size or (total is not None and written >= total):
                break
        if out_layer is None:
            raise OgcError(QT_TRANSLATE_NOOP("DataTerraError", "The feature type {type_name!r} returned no feature "
                                             "for this request (check the extent and the filter); no file was "
                                             "written."), type_name=type_name)
        target = None
    if progress:
        progress(1.0)
    return {"path": str(output), "layer": layer_name, "features": written, "pages": pages, "announced": total}


def _create_layer(target, name, in_layer, srs_name):
    srs = in_layer.GetSpatialRef()
    if srs is None and srs_name:
        srs = osr.SpatialReference()
        srs.SetFromUserInput(srs_name)
    if srs is not None:
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    # GML polygons read as MultiSurface: write plain (Multi)Polygons, which every tool reads
    out_layer = target.CreateLayer(name, srs, ogr.GT_GetLinear(in_layer.GetGeomType()), ["GEOMETRY_NAME=geom"])
    definition = in_layer.GetLayerDefn()
    for index in range(definition.GetFieldCount()):
        out_layer.CreateField(definition.GetFieldDefn(index))
    return out_layer


def _copy_features(in_layer, out_layer):
    out_definition = out_layer.GetLayerDefn()
    count = 0
    out_layer.StartTransaction()
    for feature in in_layer:
        out = ogr.Feature(out_definition)
        out.SetFrom(feature)
        geometry = feature.GetGeometryRef()
        if geometry is not None and geometry.HasCurveGeometry(True):
            out.SetGeometry(geometry.GetLinearGeometry())
        out_layer.CreateFeature(out)
        count += 1
    out_layer.CommitTransaction()
    return count
