"""Answer the modal question boxes a widget opens, as a user would click them."""
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox


def answer_next_question(button):
    """Click ``button`` (QMessageBox.Yes / No) on the next modal question box."""
    def click():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(0, click)
