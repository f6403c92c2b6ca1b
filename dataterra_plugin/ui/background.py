"""Run Processing algorithms in the background, one after the other, with progress and cancel.

The guided dialogs use this instead of their own copy of the science: each step is a
Processing algorithm run in a QgsProcessingAlgRunnerTask on QGIS's task manager, so the
main thread never blocks. A step's parameters may depend on earlier steps' outputs.
"""
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
)


class ChainStep:
    """One algorithm of a chain: ``parameters`` is a dict, or a callable(outputs) -> dict,
    where ``outputs`` maps earlier steps' names to their result dicts."""

    def __init__(self, name, algorithm_id, parameters, label=None):
        self.name = name
        self.algorithm_id = algorithm_id
        self.parameters = parameters
        self.label = label or name

    def resolve(self, outputs):
        return self.parameters(outputs) if callable(self.parameters) else dict(self.parameters)


class ChainFeedback(QgsProcessingFeedback):
    """Feedback that hands the algorithm's warnings and errors to the study (signals reach the
    main thread), so they show in the study's own log rather than only in the Processing log."""

    warned = pyqtSignal(str)

    def __init__(self):
        super().__init__()
        self.errors = []

    def pushWarning(self, warning):  # noqa: N802 (Qt API)
        super().pushWarning(warning)
        self.warned.emit(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (Qt API)
        super().reportError(error, fatalError)
        self.errors.append(error)
        self.warned.emit(error)


class AlgorithmChain(QObject):
    """Runs ChainSteps in sequence in background tasks.

    Signals: ``stepStarted(index, label)``, ``progressChanged(percent over the whole chain)``,
    ``finished(outputs by step name)``, ``failed(message)`` (also on cancel).
    """

    stepStarted = pyqtSignal(int, str)
    progressChanged = pyqtSignal(float)
    finished = pyqtSignal(dict)
    failed = pyqtSignal(str)
    warned = pyqtSignal(str)  # a warning or error of the running step

    def __init__(self, steps, parent=None):
        super().__init__(parent)
        self.steps = list(steps)
        self.outputs = {}
        self.context = QgsProcessingContext()
        self.feedback = None
        self.task = None
        self._index = -1
        self._cancelled = False
        self.running = False

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("AlgorithmChain", text)

    def start(self):
        self.outputs, self._index, self._cancelled, self.running = {}, -1, False, True
        self._next()

    def cancel(self):
        self._cancelled = True
        if self.feedback is not None:
            self.feedback.cancel()

    def _next(self):
        self._index += 1
        if self._cancelled:
            return self._fail(self.tr("Cancelled: the remaining steps were not run."))
        if self._index >= len(self.steps):
            self.running = False
            self.progressChanged.emit(100.0)
            self.finished.emit(self.outputs)
            return
        step = self.steps[self._index]
        algorithm = QgsApplication.processingRegistry().algorithmById(step.algorithm_id)
        if algorithm is None:
            return self._fail(self.tr("The algorithm {0} is not available: is the Data Terra provider enabled?")
                              .format(step.algorithm_id))
        try:
            parameters = step.resolve(self.outputs)
        except Exception as exc:  # noqa: BLE001 - a bad parameter builder is reported, not raised
            return self._fail(self.tr("Could not prepare step {0}: {1}").format(step.label, exc))
        self.feedback = ChainFeedback()
        self.feedback.progressChanged.connect(self._on_step_progress)
        self.feedback.warned.connect(self.warned)
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._on_executed)
        self.stepStarted.emit(self._index, step.label)
        QgsApplication.taskManager().addTask(self.task)

    def _on_step_progress(self, percent):
        self.progressChanged.emit((self._index + percent / 100.0) / len(self.steps) * 100.0)

    def _on_executed(self, ok, results):
        step = self.steps[self._index]
        self.task = None
        if self._cancelled or (self.feedback is not None and self.feedback.isCanceled()):
            return self._fail(self.tr("Cancelled during step {0}: its outputs were not kept.").format(step.label))
        if not ok:
            reason = " ".join(self.feedback.errors) if self.feedback is not None else ""
            return self._fail(self.tr("Step {0} failed: {1}").format(step.label, reason or self.tr(
                "see the Processing log for details.")))
        self.outputs[step.name] = results
        self._next()

    def _fail(self, message):
        self.running = False
        self.failed.emit(message)
