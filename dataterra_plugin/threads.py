"""QGIS's task threads kept alive, so that a CRS first built in a task stays usable.

QGIS (3.22) caches each CRS for every thread, with the PROJ object of the thread that built it.
When QGIS's thread pool ends an idle task thread (after 30 s), QGIS drops the PROJ objects made
in that thread's PROJ context (the inconsistency foreseen in the review of qgis/QGIS#33939): a
CRS first built in a task (a study run in the background, a Processing algorithm run from its
dialog) stays in the cache, still valid and named, but empty: ``toWkt()`` gives "" in the main
thread, GDAL refuses it ("OGR Error: Corrupt data") and every later algorithm using that CRS
fails. Task threads that never expire keep their PROJ contexts, hence those CRS, for the life of
QGIS; an idle thread costs only its stack.
"""
from qgis.PyQt.QtCore import QThreadPool


def keep_task_threads():
    """Let the task threads of QGIS (``QThreadPool.globalInstance()``) never expire.

    Qt documents the setting for the threads started afterwards: the provider calls this when
    it loads, before any task of the plugin runs."""
    QThreadPool.globalInstance().setExpiryTimeout(-1)
