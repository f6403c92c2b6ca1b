"""dataterra:compare_fragmentation — per-unit differences between two effective mesh size outputs."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QVariant

from ...dataterra_plugin.algorithm_base import DataTerraAlgorithm
from ..core.metrics import relative_change

COMPARED = ("meff_ha", "coherence", "splitting_index", "s_eff", "n_patches", "habitat_ha")


class CompareFragmentation(DataTerraAlgorithm):
    GROUP_ID = "fragmentation"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    KEY_FIELD = "KEY_FIELD"
    OUTPUT = "OUTPUT"

    def name(self):
        return "compare_fragmentation"

    def displayName(self):  # noqa: N802
        return self.tr("Compare fragmentation (two dates or scenarios)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Differences per reporting unit between two outputs of Effective mesh size (two dates "
            "or two scenarios on the same units).\n\n"
            "BEFORE and AFTER: outputs of Effective mesh size. KEY_FIELD: field of BEFORE that "
            "identifies a unit in both layers (e.g. INSEE_COM); empty: units are matched in "
            "feature order.\n"
            "OUTPUT: the units of AFTER with, for meff_ha (hectares), coherence, splitting_index, "
            "s_eff, n_patches and habitat_ha (hectares): <name>_before, <name>_after, <name>_diff "
            "(after - before, same unit) and <name>_pct (difference in % of before; empty when "
            "before is 0).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BEFORE, self.tr("Before (effective mesh size output)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AFTER, self.tr("After (effective mesh size output)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.KEY_FIELD, self.tr("Unit identifier field"), parentLayerParameterName=self.BEFORE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Fragmentation differences"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        before = self.parameterAsSource(parameters, self.BEFORE, context)
        after = self.parameterAsSource(parameters, self.AFTER, context)
        for source, label in ((before, "BEFORE"), (after, "AFTER")):
            missing = [n for n in COMPARED if source.fields().indexOf(n) < 0]
            if missing:
                raise QgsProcessingException(self.tr(
                    "{0} is not an output of Effective mesh size: fields {1} are missing.").format(
                        label, ", ".join(missing)))
        key = self.parameterAsString(parameters, self.KEY_FIELD, context)
        if key and after.fields().indexOf(key) < 0:
            raise QgsProcessingException(self.tr("AFTER has no field {0}: choose a key present in both.").format(key))
        before_rows = list(before.getFeatures())
        after_rows = list(after.getFeatures())
        pairs = self._pairs(before_rows, after_rows, key, feedback)
        fields = QgsFields()
        if key:
            fields.append(after.fields().field(key))
        for name in COMPARED:
            for suffix in ("before", "after", "diff", "pct"):
                fields.append(QgsField(f"{name}_{suffix}", QVariant.Double))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, after.wkbType(),
                                                 after.sourceCrs())
        for old, new in pairs:
            feature = QgsFeature(fields)
            feature.setGeometry(new.geometry())
            values = [new[key]] if key else []
            for name in COMPARED:
                values.extend(_difference(old[name], new[name]))
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {self.OUTPUT: destination}

    def _pairs(self, before_rows, after_rows, key, feedback):
        if not key:
            if len(before_rows) != len(after_rows):
                raise QgsProcessingException(self.tr(
                    "BEFORE has {0} units and AFTER {1}: choose a unit identifier field (KEY_FIELD).").format(
                        len(before_rows), len(after_rows)))
            return list(zip(before_rows, after_rows))
        by_key = {f[key]: f for f in before_rows}
        pairs = [(by_key[f[key]], f) for f in after_rows if f[key] in by_key]
        unmatched = len(after_rows) - len(pairs)
        if unmatched:
            feedback.pushWarning(self.tr("{0} units of AFTER have no match in BEFORE: skipped.").format(unmatched))
        return pairs


def _number(value):
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None  # NULL QVariant


def _difference(before, after):
    """[before, after, after - before, % of before] with NULL where undefined."""
    old, new = _number(before), _number(after)
    if old is None or new is None:
        return [old, new, None, None]
    pct = relative_change(old, new)
    return [old, new, new - old, None if pct != pct else pct]
