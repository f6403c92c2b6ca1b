"""Base class of every Data Terra Processing algorithm.

An algorithm only maps parameters, reports progress and cancellation and writes outputs;
the science lives in the pure cores. Subclasses define ``name()``, ``displayName()``,
``shortHelpString()`` (each returning ``self.tr('literal')`` so that pylupdate5 finds the
strings), ``GROUP_ID`` and, when they need optional Python packages,
``REQUIRED_MODULES``.
"""
import importlib.util

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..rasterblocks.errors import Cancelled, DataTerraError
from .i18n import error_text
from .paths import icon_path

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


def missing_modules(modules) -> list:
    """Names of the modules of ``modules`` that cannot be imported."""
    return [m for m in modules if importlib.util.find_spec(m) is None]


class DataTerraAlgorithm(QgsProcessingAlgorithm):
    GROUP_ID = ""
    REQUIRED_MODULES = ()

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
        return ["data terra", "dataterra", self.GROUP_ID, self.group()]

    def helpUrl(self):  # noqa: N802
        return "https://github.com/dataterra-qgis/dataterra/blob/main/docs/algorithms.md"

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

    # --- helpers for subclasses -------------------------------------------------

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
        except Cancelled as exc:
            raise QgsProcessingException(self.tr("Cancelled by the user: no output was written.")) from exc
        except DataTerraError as exc:
            raise QgsProcessingException(error_text(exc)) from exc
