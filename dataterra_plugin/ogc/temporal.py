"""WMS-T: the time range of a layer's time dimension, and QGIS's temporal controller set
to it when such a layer is added, so the user can step or animate through time at once."""
import re

from qgis.core import QgsDateTimeRange, QgsInterval, QgsTemporalNavigationObject
from qgis.PyQt.QtCore import QDateTime, Qt


def _parse_time(text):
    text = text.strip()
    for fmt in (Qt.ISODateWithMs, Qt.ISODate):
        value = QDateTime.fromString(text, fmt)
        if value.isValid():
            return value
    return QDateTime()


DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                      r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_duration(text):
    """QgsInterval of an ISO 8601 duration (``PT5M``, ``P1D``, ``P1Y2M``), or None."""
    match = DURATION.match(text.strip().upper())
    if not match or not any(match.groups()):
        return None
    years, months, weeks, days, hours, minutes, seconds = (float(v or 0) for v in match.groups())
    return QgsInterval(years, months, weeks, days, hours, minutes, seconds)


def time_range(dimension):
    """(QgsDateTimeRange, step QgsInterval or None) covering every value of a time
    Dimension: ISO 8601 values and ``start/end/period`` intervals, as WMS 1.3.0 Annex C
    allows; None when no value can be read."""
    starts, ends, step = [], [], None
    for value in dimension.values:
        for item in value.split(","):
            parts = item.strip().split("/")
            first, last = _parse_time(parts[0]), _parse_time(parts[1] if len(parts) > 1 else parts[0])
            if first.isValid() and last.isValid():
                starts.append(first)
                ends.append(last)
            if len(parts) == 3 and step is None:
                step = parse_duration(parts[2])
    if not starts:
        return None
    return QgsDateTimeRange(min(starts), max(ends)), step


def configure_temporal_controller(controller: QgsTemporalNavigationObject, dimension) -> bool:
    """Point ``controller`` (iface.mapCanvas().temporalController()) at the dimension's
    range, with its step when given, in animated mode. False when the range is unknown."""
    found = time_range(dimension)
    if found is None:
        return False
    extent, step = found
    controller.setTemporalExtents(extent)
    if step is not None:
        controller.setFrameDuration(step)
    controller.setNavigationMode(QgsTemporalNavigationObject.Animated)
    controller.setCurrentFrameNumber(0)
    return True
