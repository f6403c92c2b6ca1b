"""Records as QGIS features: the footprints layer's fields and geometry (EPSG:4326)."""
import json

from osgeo import ogr
from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant

FIELDS = (
    ("id", QVariant.String), ("title", QVariant.String), ("start", QVariant.String), ("end", QVariant.String),
    ("collection", QVariant.String), ("cloud_cover", QVariant.Double), ("platform", QVariant.String),
    ("quicklook", QVariant.String), ("links", QVariant.String), ("source", QVariant.String),
)


def footprint_fields():
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def _ogr_geometry(geojson):
    try:
        geometry = ogr.CreateGeometryFromJson(json.dumps(geojson))
    except Exception:  # noqa: BLE001 - GDAL raises RuntimeError or returns None on bad JSON
        return None
    return geometry if geometry is not None and not geometry.IsEmpty() else None


def record_geometry(record):
    """QgsGeometry of the record's footprint (GeoJSON geometry, else bbox), empty if none."""
    bbox_record = type(record)(id=record.id, bbox=record.bbox)
    for candidate in (record.geometry, bbox_record.footprint()):
        if candidate:
            geometry = _ogr_geometry(candidate)
            if geometry is not None:
                return QgsGeometry.fromWkt(geometry.ExportToWkt())
    return QgsGeometry()


def record_feature(record, fields):
    feature = QgsFeature(fields)
    feature.setGeometry(record_geometry(record))
    links = [{"href": link.href, "rel": link.rel, "type": link.type, "title": link.title,
              "protocol": link.protocol, "checksum": link.checksum} for link in record.links]
    feature.setAttributes([record.id, record.title, record.start, record.end, record.collection,
                           record.cloud_cover, record.platform, record.quicklook,
                           json.dumps(links, ensure_ascii=False), record.source])
    return feature
