"""Base of the guided study dialogs (fragmentation, connectivity).

A study is a few pages of choices, turned into a configuration dict (saved in the QGIS
project so the study can be re-run identically), then into a chain of Processing
algorithms run in the background (the same algorithms as the toolbox), then into styled
result layers. Subclasses implement ``build_pages``, ``config``, ``apply_config``,
``validate``, ``chain_steps`` and ``show_results``.
"""
import os
import tempfile

from qgis.PyQt.QtCore import QCoreApplication, QVariant
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from ..layer_sources import loaded_layer
from .background import AlgorithmChain
from .project_settings import load_study, save_study


def layer_source(combo):
    """The source of the layer chosen in a QgsMapLayerComboBox ("" when none)."""
    layer = combo.currentLayer()
    return layer.source() if layer is not None else ""


def select_layer_by_source(combo, source):
    """Select the project layer showing ``source`` (however its path is spelt: a FragScape
    project's relative path, a link, a file without its layer name...); open it (vector, else
    raster) and add it to the project only when it is not there yet."""
    if not source:
        combo.setLayer(None)
        return
    layer = loaded_layer(source, QgsProject.instance().mapLayers().values())
    if layer is not None:
        combo.setLayer(layer)
        return
    name = os.path.basename(source.split("|")[0])
    for layer in (QgsVectorLayer(source, name, "ogr"), QgsRasterLayer(source, name)):
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            combo.setLayer(layer)
            return


def likely_class_field(layer):
    """The field of ``layer`` most likely to hold the land-cover classes: a field named like a
    code or a class (CODE_12, code_18, classe...), else the first text or integer field that is
    not a feature id ("" when the layer has none)."""
    fields = [field for field in layer.fields() if field.name().lower() not in ("fid", "ogc_fid", "id", "objectid")]
    for field in fields:
        name = field.name().lower()
        if name.startswith("code") or "class" in name:
            return field.name()
    for field in fields:
        if field.type() in (QVariant.String, QVariant.Int, QVariant.LongLong):
            return field.name()
    return ""


def follow_class_field(layer_combo, field_combo, field=None):
    """Show the fields of the layer chosen in ``layer_combo`` in ``field_combo`` (none for a
    raster) and select ``field``, or the likely class field when ``field`` is empty.
    Called when the layer changes and once more after a saved study is applied (the combo
    emits no layerChanged when the saved layer is already the current one)."""
    layer = layer_combo.currentLayer()
    vector = layer if isinstance(layer, QgsVectorLayer) else None
    field_combo.setLayer(vector)
    if vector is not None:
        field_combo.setField(field or likely_class_field(vector))


def link_class_field(layer_combo, field_combo):
    """Keep ``field_combo`` on the fields of the layer of ``layer_combo``, from now on."""
    layer_combo.layerChanged.connect(lambda _layer: follow_class_field(layer_combo, field_combo))
    follow_class_field(layer_combo, field_combo)


class RunPage(QWizardPage):
    """Last page: run, progress, cancel and a log of what happened."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Run the study"))
        self.setSubTitle(self.tr("The algorithms run in the background: QGIS stays usable."))
        self.run_button = QPushButton(self.tr("Run"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.step_label = QLabel("", self)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.log)
        self.run_button.clicked.connect(wizard.run_study)
        self.cancel_button.clicked.connect(wizard.cancel_study)

    def tr(self, text):
        return QCoreApplication.translate("RunPage", text)

    def isComplete(self):  # noqa: N802 (Qt API)
        return not (self.wizard_.chain is not None and self.wizard_.chain.running)


class StudyWizard(QWizard):
    STUDY_KEY = ""

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.chain = None
        self.setOption(QWizard.NoCancelButton, False)
        for page in self.build_pages():
            self.addPage(page)
        self.run_page = RunPage(self)
        self.addPage(self.run_page)
        saved = load_study(self.STUDY_KEY)
        if saved:
            self.apply_config(saved)

    def showEvent(self, event):  # noqa: N802 (Qt API)
        """Reopened, the study starts again on its first page (unless it is running)."""
        if not (self.chain is not None and self.chain.running):
            self.restart()
        super().showEvent(event)

    def tr(self, text):
        # pylupdate5 files each literal under the class whose body holds it
        return QCoreApplication.translate(type(self).__name__, text)

    # --- to implement -----------------------------------------------------------------
    def build_pages(self):
        raise NotImplementedError

    def config(self):
        raise NotImplementedError

    def apply_config(self, config):
        raise NotImplementedError

    def validate(self, config):
        """List of problems (messages) that prevent running; empty when all is well."""
        return []

    def chain_steps(self, config):
        raise NotImplementedError

    def show_results(self, config, outputs):
        raise NotImplementedError

    def output_folder(self, config):
        """The chosen output folder (created), or a new temporary one."""
        folder = config.get("output_dir") or tempfile.mkdtemp(prefix=f"dataterra_{self.STUDY_KEY}_")
        os.makedirs(folder, exist_ok=True)
        return folder

    # --- running ----------------------------------------------------------------------
    def write_log(self, message):
        self.run_page.log.appendPlainText(message)

    def run_study(self):
        config = self.config()
        problems = self.validate(config)
        if problems:
            for problem in problems:
                self.write_log(QCoreApplication.translate("StudyWizard", "Cannot run: {0}").format(problem))
            return
        save_study(self.STUDY_KEY, config)
        self.run_page.log.clear()  # this run's messages only
        self.chain = AlgorithmChain(self.chain_steps(config), self)
        self.chain.warned.connect(self.write_log)
        self.chain.stepStarted.connect(self._on_step)
        self.chain.progressChanged.connect(lambda p: self.run_page.progress.setValue(int(p)))
        self.chain.finished.connect(lambda outputs: self._on_finished(config, outputs))
        self.chain.failed.connect(self._on_failed)
        self._set_running(True)
        self.chain.start()

    def cancel_study(self):
        if self.chain is not None:
            self.chain.cancel()

    def _on_step(self, index, label):
        text = QCoreApplication.translate("StudyWizard", "Step {0} of {1}: {2}")
        self.run_page.step_label.setText(text.format(index + 1, len(self.chain.steps), label))
        self.write_log(label)

    def _on_finished(self, config, outputs):
        self._set_running(False)
        self.write_log(QCoreApplication.translate("StudyWizard", "Done."))
        self.show_results(config, outputs)

    def _on_failed(self, message):
        self._set_running(False)
        self.write_log(message)

    def _set_running(self, running):
        self.run_page.run_button.setEnabled(not running)
        self.run_page.cancel_button.setEnabled(running)
        self.run_page.completeChanged.emit()
