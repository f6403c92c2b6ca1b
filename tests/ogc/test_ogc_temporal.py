"""WMS-T time ranges from recorded capabilities and the temporal controller set-up."""
from qgis.core import QgsTemporalNavigationObject
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from dataterra.dataterra_plugin.ogc.core.capabilities import Dimension, parse_capabilities
from dataterra.dataterra_plugin.ogc.temporal import configure_temporal_controller, time_range


def utc(y, m, d, hh=0, mm=0):
    return QDateTime(QDate(y, m, d), QTime(hh, mm), Qt.UTC)


def test_interval_from_mapserver(qgis_app, test_data):
    tree = parse_capabilities((test_data / "ogc" / "owslib_wms_mesonet-caps-130.xml").read_bytes())
    extent, step = time_range(tree.find("nexrad-n0r-wmst").time)
    assert extent.begin().date() == QDate(1995, 1, 1) and extent.end().date() == QDate(2015, 12, 31)
    assert step.minutes() == 5


def test_value_list_from_thredds(qgis_app, test_data):
    tree = parse_capabilities((test_data / "ogc" / "owslib_wms_nccs_nasa_getcap_130.xml").read_bytes())
    dimension = tree.find("T").time
    extent, step = time_range(dimension)
    assert step is None
    first = min(v.strip() for value in dimension.values for v in value.split(","))
    assert extent.begin().toString(Qt.ISODate).startswith(first[:10])


def test_controller_is_set(qgis_app):
    controller = QgsTemporalNavigationObject()
    dimension = Dimension("time", "ISO8601", "", ["2020-01-01T00:00:00Z/2020-01-31T00:00:00Z/P1D"])
    assert configure_temporal_controller(controller, dimension)
    assert controller.navigationMode() == QgsTemporalNavigationObject.Animated
    assert controller.temporalExtents().begin() == utc(2020, 1, 1)
    assert controller.frameDuration().days() == 1
    assert controller.totalFrameCount() == 30
    assert not configure_temporal_controller(controller, Dimension("time", values=["current"]))
