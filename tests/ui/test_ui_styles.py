"""Issue 16: graduated results get readable legends, without a deprecation warning."""
import warnings

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from dataterra.dataterra_plugin.styles import graduated_renderer, label_decimals


@pytest.mark.parametrize("low, high, classes, decimals", [
    (0.0, 10000.0, 5, 0),     # class width 2,000: whole numbers
    (0.0, 0.05, 5, 3),        # width 0.01: 0.010, 0.020...
    (1.0, 1.0, 5, 2),         # one value: no width to judge
])
def test_label_decimals(low, high, classes, decimals):
    assert label_decimals(low, high, classes) == decimals


def test_meff_legend_is_rounded_and_no_warning_is_raised(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=meff_ha:double", "meff", "memory")
    for value in (12.345678, 250.5, 1800.25, 5000.125, 9999.947266):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 0))"))
        layer.dataProvider().addFeature(feature)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        renderer = graduated_renderer(layer, "meff_ha")
    labels = [r.label() for r in renderer.ranges()]
    # quantile breaks interpolated at positions 4q of the sorted values (q = 0.2, 0.4...):
    # 12.35 + 0.8 x 238.15 = 202.9, 250.5 + 0.6 x 1549.75 = 1180.35, 1800.25 + 0.4 x 3199.875 = 3080.2,
    # 5000.125 + 0.2 x 4999.82 = 6000.09; mean class width ~2,000 -> no decimals
    assert labels == ["12 - 203", "203 - 1,180", "1,180 - 3,080", "3,080 - 6,000", "6,000 - 10,000"], labels
