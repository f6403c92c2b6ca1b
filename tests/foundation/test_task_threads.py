"""A CRS first built in a background task stays usable in the main thread once the task's
thread is idle (dataterra_plugin/threads.py): without it, prepare_landscape failed with "OGR
Error: Corrupt data" about 30 s after the fragmentation study dialog ran its chain (seen as
tests/fragscape/test_fragscape_prepare_algs.py failing after tests/ui/test_ui_fragmentation_wizard.py)."""
import os
import subprocess
import sys
from pathlib import Path

PACKAGE_PARENT = Path(__file__).resolve().parents[2] / "build" / "pkgroot"  # made by tests/conftest.py

# a fresh QGIS: the CRS cache of this test session is not touched. The pool's 30 s expiry is
# shortened to 0.2 s so that the task's thread ends during the test.
SCRIPT = """
import sys, time
sys.path.insert(0, {package_parent!r})
from qgis.PyQt.QtCore import QCoreApplication, QThreadPool
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsTask

QThreadPool.globalInstance().setExpiryTimeout(200)  # before QGIS starts any pool thread
app = QgsApplication([], False)
app.initQgis()
if sys.argv[1] == "plugin":
    from dataterra.dataterra_plugin.threads import keep_task_threads

    keep_task_threads()


class BuildCrs(QgsTask):
    def run(self):
        return QgsCoordinateReferenceSystem("EPSG:2154").isValid()


task = BuildCrs("crs")
QgsApplication.taskManager().addTask(task)
end = time.time() + 30
while QgsApplication.taskManager().countActiveTasks() and time.time() < end:
    QCoreApplication.processEvents()
    time.sleep(0.02)
# the main thread uses the CRS while the task's thread is idle (a study loads its results)
before = len(QgsCoordinateReferenceSystem("EPSG:2154").toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
end = time.time() + 1.5  # the idle thread expires after 0.2 s
while time.time() < end:
    QCoreApplication.processEvents()
    time.sleep(0.05)
crs = QgsCoordinateReferenceSystem("EPSG:2154")
print(before, crs.isValid(), len(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)))
"""


def wkt_after_the_task_thread_ended(mode, tmp_path):
    script = tmp_path / "crs_from_a_task.py"
    script.write_text(SCRIPT.format(package_parent=str(PACKAGE_PARENT)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    before, valid, length = done.stdout.split()[-3:]
    assert int(before) > 500  # usable while the thread lives: WKT of Lambert 93 (about 1200 characters)
    return valid == "True", int(length)


def test_a_crs_built_in_a_task_keeps_its_definition_with_the_plugin(tmp_path):
    valid, length = wkt_after_the_task_thread_ended("plugin", tmp_path)
    assert valid and length > 500


def test_without_the_plugin_qgis_loses_it(tmp_path):
    """The defect worked around: valid, but empty. When a QGIS release fixes it, this fails and
    dataterra_plugin/threads.py can go."""
    assert wkt_after_the_task_thread_ended("qgis", tmp_path) == (True, 0)
