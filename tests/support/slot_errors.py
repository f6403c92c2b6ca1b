"""Exceptions raised in Qt slots and QgsTask callbacks, caught for a test to assert on.

PyQt hands an exception that escapes a slot to ``sys.excepthook`` (QGIS shows it as a
Python error dialog); QGIS logs errors of its own Python callbacks in QgsMessageLog.
``SlotErrors`` collects both while it is active."""
import sys


class SlotErrors:
    def __init__(self):
        self.errors = []

    def __enter__(self):
        from qgis.core import Qgis, QgsApplication

        self._hook = sys.excepthook
        sys.excepthook = lambda kind, value, trace: self.errors.append(f"{kind.__name__}: {value}")
        self._critical = Qgis.Critical
        self._log = QgsApplication.messageLog()
        self._log.messageReceived.connect(self._logged)
        return self

    def _logged(self, message, tag, level):
        if level == self._critical or "Traceback" in message or "deleted" in message:
            self.errors.append(f"{tag}: {message}")

    def __exit__(self, *exc):
        sys.excepthook = self._hook
        self._log.messageReceived.disconnect(self._logged)
        return False
