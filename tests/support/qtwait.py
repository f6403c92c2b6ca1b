"""Waiting for Qt: the tests' one way to let signals, tasks and replies arrive."""
import time

from qgis.PyQt.QtCore import QEventLoop, QTimer


def wait_until(condition, timeout):
    """Run Qt's event loop in 20 ms slices until ``condition()`` holds or ``timeout`` seconds
    have passed; returns the last value of ``condition()``."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition() and time.perf_counter() < deadline:
        QTimer.singleShot(20, loop.quit)
        loop.exec_()
    return condition()
