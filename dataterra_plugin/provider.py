"""The one Processing provider of the plugin: it only lists algorithms.

Each area exposes ``algorithm_classes()`` in its ``algorithms`` module; an area that
fails to import (e.g. a missing optional package at import time) is logged and skipped
so the rest keeps working.
"""
import importlib
import traceback

from qgis.PyQt.QtGui import QIcon
from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider

from .paths import icon_path
from .scale import register_setting, unregister_setting
from .threads import keep_task_threads

ALGORITHM_MODULES = (
    "fragscape.algorithms",
    "biodispersal.algorithms",
    "biodivmap.algorithms",
    "foresthealth.algorithms",
    "dataterra_plugin.catalog.algorithms",
    "dataterra_plugin.ogc.algorithms",
    "dataterra_plugin.dinamis.algorithms",
)

PACKAGE = __name__.rsplit(".", 2)[0]  # the plugin package, "dataterra" once installed


def algorithm_classes():
    """(classes, errors): every algorithm class of every area, and import errors by module."""
    classes, errors = [], {}
    for module_name in ALGORITHM_MODULES:
        try:
            module = importlib.import_module(f"{PACKAGE}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{PACKAGE}.{module_name}":
                continue  # that area has no algorithms yet
            errors[module_name] = traceback.format_exc()
            continue
        except Exception:  # noqa: BLE001 - one broken area must not hide the others
            errors[module_name] = traceback.format_exc()
            continue
        classes.extend(module.algorithm_classes())
    return classes, errors


class DataTerraProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self.load_errors = {}

    def id(self):
        return "dataterra"

    def name(self):
        return "Data Terra"

    def longName(self):  # noqa: N802
        return self.tr("Data Terra: fragmentation, connectivity, biodiversity and catalogues")

    def icon(self):
        return QIcon(icon_path("dataterra.svg"))

    def svgIconPath(self):  # noqa: N802
        return icon_path("dataterra.svg")

    def load(self):
        register_setting(self.name())  # the "Dask scheduler" option of the block-wise algorithms
        keep_task_threads()  # a CRS built in a background run must stay usable (threads.py); not undone on
        # unload: CRS built in the plugin's tasks outlive it in QGIS's cache
        self.refreshAlgorithms()
        return True

    def unload(self):
        unregister_setting()

    def loadAlgorithms(self):  # noqa: N802
        classes, self.load_errors = algorithm_classes()
        for module_name, error in self.load_errors.items():
            QgsMessageLog.logMessage(
                f"Data Terra: the algorithms of {module_name} could not be loaded:\n{error}",
                "Data Terra", Qgis.Critical)
        for cls in classes:
            self.addAlgorithm(cls())
