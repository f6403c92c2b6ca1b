"""Issue 16: graduated results get readable legends, without a deprecation warning."""
import warnings

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from dataterra.dataterra_plugin.styles import graduated_renderer, label_decimals


@pytest.mark.parametrize("widths, decimals", [
    ([2000.0, 2500.0], 0),     # classes 2,000 wide: whole numbers
    ([0.01, 0.02, 40.0], 3),   # the narrowest is 0.01 wide: 0.010, 0.020...
    ([0.0, 0.0], 2),           # one value: no width to judge
])
def test_label_decimals(widths, decimals):
    assert label_decimals(widths) == decimals


def test_skewed_index_legend_tells_its_classes_apart(qgis_app):
    """dPC-like values, most near 0 and one large: the legend read "0 - 0, 0 - 0 ... 0 - 95"."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=dPC:double", "dpc", "memory")
    for value in (0.0012, 0.0031, 0.0058, 0.012, 0.025, 0.051, 95.2):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 0))"))
        layer.dataProvider().addFeature(feature)
    labels = [r.label() for r in graduated_renderer(layer, "dPC").ranges()]
    # breaks at positions 6q of the 7 sorted values, e.g. q = 0.2: 0.0031 + 0.2 x (0.0058 - 0.0031) = 0.00364;
    # the narrowest class (0.0024) gets two significant digits
    assert labels == ["0.0012 - 0.0036", "0.0036 - 0.0083", "0.0083 - 0.0198", "0.0198 - 0.0458",
                      "0.0458 - 95.2"], labels


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
