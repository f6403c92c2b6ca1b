"""The DINAMIS web request path: a complete request package to attach to the portal's
form (AOI as GeoPackage, KML and zipped shapefile, the request as JSON, and a readable
bilingual summary), written to a temporary folder and renamed when complete."""
import json
import shutil
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal, ogr, osr

from ....rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP

gdal.UseExceptions()


def _write_vector(path, driver, wkt_wgs84, attributes):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    # the summary fields carry accents: declare UTF-8 so that the shapefile gets a .cpg
    options = ["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else []
    layer = dataset.CreateLayer("aoi", srs, ogr.wkbPolygon, options=options)
    for name in attributes:
        layer.CreateField(ogr.FieldDefn(name[:10], ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in attributes.items():
        feature.SetField(name[:10], str(value))
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt_wgs84))
    layer.CreateFeature(feature)
    dataset = None


def summary_text(request, profile, report, estimate, entitlement):
    """A readable summary, French then English, of what is requested and why it is valid."""
    lines = [
        "Demande DINAMIS / DINAMIS request",
        "=" * 33,
        f"Date : {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        f"Organisme / Institution : {profile.institution}",
        f"Type d'utilisateur / User type : {profile.user_type}",
        f"Contact : {profile.contact_email}",
    ]
    for key, value in sorted(profile.conditions.items()):
        lines.append(f"Condition {key} : {value}")
    lines += [
        f"Produit / Product : {entitlement.label} ({request['product_id']})",
        f"Éligibilité / Eligibility : {' '.join(entitlement.reasons)}",
        f"Objet / Purpose : {request.get('purpose', '')}",
        f"Projet / Project : {request.get('project', '')}",
        f"Surface (ellipsoïde WGS 84) / Area (WGS 84 ellipsoid) : {report.area_km2:.2f} km²",
        f"Sommets / Vertices : {report.vertex_count}",
        f"Quota estimé / Estimated quota : {estimate['quota_units']:.2f} {estimate['unit']} "
        f"(surface facturée / billed area {estimate['billed_km2']:.2f} km²)",
    ]
    for key in ("start_date", "end_date", "max_cloud_cover_pct", "max_incidence_deg", "processing_level",
                "spectral_bands", "stereo"):
        if key in request:
            lines.append(f"{key} : {request[key]}")
    lines += ["", "Fichiers / Files : aoi.gpkg, aoi.kml, aoi_shapefile.zip (EPSG:4326), request.json", ""]
    return "\n".join(lines)


def write_request_package(folder, request, wkt_wgs84, profile, report, estimate, entitlement):
    """Write the package into ``folder`` (which must not exist yet); returns its files."""
    folder = Path(folder)
    if not entitlement.allowed:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "This profile may not request this product: "
                                               "{reasons}"), reasons=' '.join(entitlement.reasons))
    if not report.ok:
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The area of interest is not valid: {issues}"),
            issues=' '.join(issue.message for issue in report.issues))
    if folder.exists() and any(folder.iterdir()):
        raise DataTerraError(QT_TRANSLATE_NOOP("DataTerraError", "The folder {folder} is not empty: choose a new "
                                               "folder for the request package."), folder=folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".dinamis_package_", dir=folder.parent))
    try:
        attributes = {"product": request["product_id"], "project": request.get("project", ""),
                      "area_km2": f"{report.area_km2:.3f}"}
        _write_vector(work / "aoi.gpkg", "GPKG", wkt_wgs84, attributes)
        _write_vector(work / "aoi.kml", "KML", wkt_wgs84, attributes)
        shapefile = work / "shp"
        shapefile.mkdir()
        _write_vector(shapefile / "aoi.shp", "ESRI Shapefile", wkt_wgs84, attributes)
        with zipfile.ZipFile(work / "aoi_shapefile.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for part in sorted(shapefile.iterdir()):
                archive.write(part, part.name)
        shutil.rmtree(shapefile)
        (work / "request.json").write_text(json.dumps(
            {"request": request, "profile": profile.to_dict(), "area_km2": report.area_km2,
             "estimate": estimate}, indent=2, ensure_ascii=False), encoding="utf-8")
        (work / "summary.txt").write_text(summary_text(request, profile, report, estimate, entitlement),
                                          encoding="utf-8")
        if folder.exists():
            folder.rmdir()
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return sorted(folder.iterdir())
