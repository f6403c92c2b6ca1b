"""The "Dask scheduler" advanced parameter shared by the block-wise algorithms.

Its default is the Data Terra provider setting "Dask scheduler" (Settings > Options >
Processing > Providers > Data Terra, stored in QgsSettings under :data:`SETTINGS_KEY`), so
a cluster is chosen once; a value given to the algorithm (dialog, model, ``qgis_process
--DASK_SCHEDULER=local:2``) wins, and an empty value runs in this process. Where the blocks
then run is decided by ``rasterblocks.execution``.
"""
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import QgsProcessingException, QgsProcessingParameterDefinition, QgsProcessingParameterString, \
    QgsSettings

from ..rasterblocks.errors import DataTerraError, QT_TRANSLATE_NOOP
from ..rasterblocks.execution import INSTALL_HINT, dask_available, keeping_local_clusters, parse_scheduler
from .i18n import error_text

DASK_SCHEDULER = "DASK_SCHEDULER"
SETTING_NAME = "DATATERRA_DASK_SCHEDULER"  # the Processing option's name
SETTINGS_KEY = "Processing/Configuration/" + SETTING_NAME  # where Processing keeps it in QgsSettings


def default_scheduler() -> str:
    """The scheduler chosen in the provider's settings ("" = in this process)."""
    return str(QgsSettings().value(SETTINGS_KEY, "") or "").strip()


def scheduler_description() -> str:
    text = QCoreApplication.translate("DaskScheduler", "Dask scheduler (empty: in this process; local:N: N worker "
                                      "processes; tcp://host:port: a cluster)")
    if not dask_available():
        text += " " + QCoreApplication.translate("DaskScheduler", "[Dask is not installed: sudo apt install "
                                                 "python3-distributed, or python3 -m pip install "
                                                 "\"dask[distributed]\"]")
    return text


SCHEDULER_HELP = QT_TRANSLATE_NOOP(
    "DaskScheduler",
    "DASK_SCHEDULER (advanced): empty computes the blocks in this process, as usual. local:N computes them "
    "on N worker processes of this computer; QGIS keeps that cluster for 10 minutes after a run, so a chain "
    "of runs starts it once (a few seconds). On 2 cores the diversity maps and dieback detection then run "
    "1.6 to 1.9 times faster; one short run gains little. tcp://host:port sends the blocks to a running "
    "Dask cluster, whose workers read the inputs by the same paths or URLs. The results are the same "
    "wherever the blocks run.")


def scheduler_help() -> str:
    """The paragraph on DASK_SCHEDULER that ends the help of the algorithms that have it."""
    return "\n\n" + QCoreApplication.translate("DaskScheduler", SCHEDULER_HELP)


def scheduler_parameter():
    """The advanced, optional DASK_SCHEDULER string parameter, defaulting to the setting."""
    parameter = QgsProcessingParameterString(DASK_SCHEDULER, scheduler_description(),
                                             defaultValue=default_scheduler(), optional=True)
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def scheduler_value(algorithm, parameters, context, feedback=None) -> str:
    """The scheduler string to give a core; refused at once when it is malformed or Dask is
    missing (with how to install it). ``feedback`` is told where the blocks will run."""
    text = (algorithm.parameterAsString(parameters, DASK_SCHEDULER, context) or "").strip()
    if not text:
        return ""
    try:
        kind, value = parse_scheduler(text)
        if not dask_available():
            raise DataTerraError(INSTALL_HINT)
    except DataTerraError as exc:
        raise QgsProcessingException(error_text(exc)) from None
    if feedback is not None:
        feedback.pushInfo(where_blocks_run(kind, value))
    return text


def where_blocks_run(kind, value) -> str:
    """One log line: the Dask cluster the blocks run on, and whether a local one is kept."""
    if kind == "remote":
        return QCoreApplication.translate("DaskScheduler", "Blocks computed on the Dask cluster {0}.").format(value)
    if keeping_local_clusters():
        return QCoreApplication.translate("DaskScheduler", "Blocks computed by {0} Dask worker processes on this "
                                          "computer: the cluster is kept for the next runs and stopped after 10 "
                                          "minutes unused.").format(value)
    return QCoreApplication.translate("DaskScheduler", "Blocks computed by {0} Dask worker processes on this "
                                      "computer, started for this run.").format(value)


def register_setting(provider_name):
    """Add the "Dask scheduler" option to the provider's Processing settings."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig, Setting
    except ImportError:  # Processing plugin absent: the QgsSettings key still works
        return
    label = QCoreApplication.translate("DaskScheduler", "Dask scheduler (empty: in this process)")
    ProcessingConfig.addSetting(Setting(provider_name, SETTING_NAME, label, ""))
    ProcessingConfig.readSettings()


def unregister_setting():
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
    except ImportError:
        return
    ProcessingConfig.removeSetting(SETTING_NAME)
