"""Base class of every Data Terra Processing algorithm.

An algorithm only maps parameters, reports progress and cancellation and writes outputs;
the science lives in the pure cores. Subclasses define ``name()``, ``displayName()``,
``shortHelpString()`` (each returning ``self.tr('literal')`` so that pylupdate5 finds the
strings), ``GROUP_ID`` and, when they need optional Python packages,
``REQUIRED_MODULES``.

Every subclass's ``processAlgorithm`` runs behind one guard (:func:`guarded`): before it
runs, an output that is one of the inputs (same path, or the same file through a link) and
an output folder that cannot be written are refused; while it runs, an error of a core, of
GDAL or of the operating system becomes a QgsProcessingException with a clear message
(never a Python traceback in the Processing log). Nothing is written under an output name
on refusal.
"""
import functools
import importlib.util
import os
import tempfile

from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon
from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
)

from ..rasterblocks.errors import Cancelled, DataTerraError
from .band_names import translate_band_names
from .i18n import error_text
from .layer_sources import same_file, source_file
from .paths import doc_page, icon_path

GROUP_IDS = ("fragmentation", "connectivity", "biodiversity", "foresthealth", "catalogue")

# pip names differ from module names for a few packages
PIP_NAMES = {"skimage": "scikit-image", "sklearn": "scikit-learn", "owslib": "OWSLib"}


def group_display_name(group_id: str) -> str:
    names = {
        "fragmentation": QCoreApplication.translate("DataTerraProvider", "Fragmentation"),
        "connectivity": QCoreApplication.translate("DataTerraProvider", "Connectivity"),
        "biodiversity": QCoreApplication.translate("DataTerraProvider", "Biodiversity"),
        "foresthealth": QCoreApplication.translate("DataTerraProvider", "Forest health"),
        "catalogue": QCoreApplication.translate("DataTerraProvider", "Catalogue"),
    }
    return names[group_id]


def require_projected_crs(crs, what):
    """Refuse an unknown or geographic QgsCoordinateReferenceSystem: areas and distances in
    degrees mean nothing. ``what`` names the layer in the message."""
    if not crs.isValid():
        raise QgsProcessingException(QCoreApplication.translate(
            "DataTerraAlgorithm", "{0} has no coordinate reference system. Assign a projected CRS in metres "
            "(e.g. EPSG:2154 Lambert-93) in the layer properties.").format(what))
    if crs.isGeographic():
        raise QgsProcessingException(QCoreApplication.translate(
            "DataTerraAlgorithm", "{0} is in a geographic CRS ({1}, degrees): areas and distances would be wrong. "
            "Reproject it to a projected CRS in metres (e.g. EPSG:2154 Lambert-93) with Vector > Data "
            "Management Tools > Reproject Layer, or Raster > Projections > Warp.").format(what, crs.authid()))


def is_raster_only_file(value) -> bool:
    """True when ``value`` is the path of a file that GDAL reads as a raster and not as a
    vector (a GeoTIFF, not a GeoPackage)."""
    from osgeo import gdal

    if not isinstance(value, str) or not os.path.isfile(value):
        return False
    return (gdal.IdentifyDriverEx(value, gdal.OF_RASTER) is not None
            and gdal.IdentifyDriverEx(value, gdal.OF_VECTOR) is None)


def group_tag(group_id: str) -> str:
    """A tag only the plugin's algorithms of ``group_id`` carry (e.g. dataterra_connectivity)."""
    return f"dataterra_{group_id}"


def missing_modules(modules) -> list:
    """Names of the modules of ``modules`` that cannot be imported."""
    return [m for m in modules if importlib.util.find_spec(m) is None]


INPUT_TYPES = (QgsProcessingParameterRasterLayer, QgsProcessingParameterVectorLayer, QgsProcessingParameterMapLayer,
               QgsProcessingParameterFeatureSource, QgsProcessingParameterMultipleLayers, QgsProcessingParameterFile)


def _input_files(algorithm, parameters, context):
    """(parameter description, file) of every file an input parameter reads."""
    files = []
    for definition in algorithm.parameterDefinitions():
        value = parameters.get(definition.name())
        if value is None or not isinstance(definition, INPUT_TYPES):
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            path = source_file(_source_of(item, context, isinstance(definition, QgsProcessingParameterFile)))
            if path:
                files.append((definition.description(), path))
    return files


def _source_of(item, context, is_file):
    """The data source an input value names: a layer's source, a feature source definition's
    layer, a layer id or name of the project, or the text itself."""
    if isinstance(item, QgsProcessingFeatureSourceDefinition):
        item = item.source.staticValue()
    if isinstance(item, QgsMapLayer):
        return item.source()
    if isinstance(item, str) and not is_file:
        layer = QgsProcessingUtils.mapLayerFromString(item, context)
        return layer.source() if layer is not None else item
    return item if isinstance(item, str) else ""


def _output_files(algorithm, parameters):
    """(parameter description, file) of every output destination given as a file."""
    files = []
    for definition in algorithm.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        path = source_file(value)
        if path:
            files.append((definition.description(), path))
    return files


def check_outputs(algorithm, parameters, context):
    """Refuse an output that is one of the inputs and an output folder that cannot be
    written, before anything is computed or written."""
    inputs = _input_files(algorithm, parameters, context)
    for output_name, output in _output_files(algorithm, parameters):
        for input_name, source in inputs:
            if same_file(output, source):
                raise QgsProcessingException(QCoreApplication.translate(
                    "DataTerraAlgorithm", "The output \"{0}\" ({1}) is the input \"{2}\": writing it would destroy "
                    "the input. Choose another output file.").format(output_name, output, input_name))
        _check_writable(os.path.dirname(os.path.abspath(output)), output_name)


def _check_writable(folder, output_name):
    """Create ``folder`` if needed and write a probe file in it (``os.access`` says yes to
    root and knows nothing of read-only file systems)."""
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise QgsProcessingException(QCoreApplication.translate(
            "DataTerraAlgorithm", "The output \"{0}\" cannot be written in {1} ({2}). Choose a folder you can "
            "write to.").format(output_name, folder, exc.strerror or exc)) from None


def error_message(exc):
    """The user's message for an exception raised while an algorithm runs."""
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("DataTerraAlgorithm", "Cancelled by the user: no output was written.")
    if isinstance(exc, DataTerraError):
        return error_text(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "DataTerraAlgorithm", "A file could not be read or written ({0}: {1}). Check that the input files exist, "
            "that the output folder is writable and that the disk is not full.").format(
            exc.filename or "", exc.strerror or exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "DataTerraAlgorithm", "Not enough memory for this input: use a smaller extent or a coarser resolution, "
            "or close other programs.")
    return QCoreApplication.translate("DataTerraAlgorithm", "GDAL could not complete the operation: {0}").format(exc)


def output_values(results):
    """The strings among an algorithm's results (paths, layer ids), lists flattened."""
    values = set()
    for value in (results or {}).values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, str) and item:
                values.add(item)
    return values


def guarded(process):
    """``process`` (a processAlgorithm) behind the output checks and the error mapping."""

    @functools.wraps(process)
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        check_outputs(self, parameters, context)
        try:
            results = process(self, parameters, context, feedback)
            self.run_outputs = output_values(results)  # which loaded layers postProcessAlgorithm styles
            translate_band_names(self.run_outputs)
            return results
        except QgsProcessingException:
            raise
        except (Cancelled, DataTerraError, OSError, MemoryError, RuntimeError) as exc:
            raise QgsProcessingException(error_message(exc)) from exc

    processAlgorithm.guarded = True
    return processAlgorithm


class DataTerraAlgorithm(QgsProcessingAlgorithm):
    GROUP_ID = ""
    REQUIRED_MODULES = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not getattr(process, "guarded", False):
            cls.processAlgorithm = guarded(process)

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def group(self):
        return group_display_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def icon(self):
        return QIcon(icon_path(f"{self.GROUP_ID}.svg"))

    def tags(self):
        # group_tag: what the menu's "... tools" shortcuts type in the toolbox search, so that
        # only this plugin's algorithms of that group are listed (not GRASS's "connectivity")
        return ["data terra", "dataterra", self.GROUP_ID, self.group(), group_tag(self.GROUP_ID)]

    def helpUrl(self):  # noqa: N802
        """The Help button opens the bundled page of the algorithm's area (works offline)."""
        return QUrl.fromLocalFile(str(doc_page(type(self).__module__))).toString()

    def canExecute(self):  # noqa: N802
        missing = missing_modules(self.REQUIRED_MODULES)
        if not missing:
            return True, ""
        pips = " ".join(PIP_NAMES.get(m, m) for m in missing)
        return False, self.tr(
            "This algorithm needs the Python package(s) {0}, which are not installed. "
            "Install them with the OSGeo4W shell or your system's package manager "
            "(for example: python3 -m pip install {1}) and restart QGIS."
        ).format(", ".join(missing), pips)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (Qt API)
        """The outputs of this run that QGIS loads (toolbox, model, runAndLoadResults) get the
        plugin's style; in a model, the layers of the other steps keep theirs."""
        from .output_styles import style_outputs

        style_outputs(self.id(), context, getattr(self, "run_outputs", set()))
        return {}

    # --- helpers for subclasses -------------------------------------------------

    def open_raster_paths(self, parameters, context):
        """Open the raster files given as paths to map-layer parameters as rasters, into the
        context's layer store where QGIS looks first: QGIS would try each as a vector, and
        OGR would log "Cannot open" for every raster path (each step of a connectivity study)."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name()) if isinstance(parameters, dict) else None
            if definition.type() == "layer" and is_raster_only_file(value):
                QgsProcessingUtils.mapLayerFromString(value, context, True, QgsProcessingUtils.LayerHint.Raster)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (Qt API)
        self.open_raster_paths(parameters, context)
        return super().checkParameterValues(parameters, context)

    def parameterAsLayer(self, parameters, name, context):  # noqa: N802 (Qt API)
        self.open_raster_paths(parameters, context)
        return super().parameterAsLayer(parameters, name, context)

    @staticmethod
    def core_callbacks(feedback, start=0.0, end=100.0):
        """(progress, is_cancelled) callables for a pure core, mapped to [start, end] %."""

        def progress(fraction):
            if feedback is not None:
                feedback.setProgress(start + (end - start) * max(0.0, min(1.0, fraction)))

        def is_cancelled():
            return feedback is not None and feedback.isCanceled()

        return progress, is_cancelled

    def run_core(self, function, *args, **kwargs):
        """Call a core function, turning its errors into QgsProcessingException in the user's
        language."""
        try:
            return function(*args, **kwargs)
        except (Cancelled, DataTerraError) as exc:
            raise QgsProcessingException(error_message(exc)) from exc
