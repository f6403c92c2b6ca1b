"""Small widget settings shared by the docks: a dock's minimum width must not follow its
longest item or label, or a long hub title (or its French translation) pushes the map aside."""
from qgis.PyQt.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QHeaderView, QTableWidgetItem

COMBO_CHARACTERS = 18  # what a combo box shows at least; longer items are elided, whole in the list


def compact_combo(combo, characters=COMBO_CHARACTERS):
    """``combo`` no wider than ``characters`` at its minimum; its drop-down list still shows
    every item whole (call again after the items change)."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    widest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    view = combo.view()
    view.setMinimumWidth(widest + combo.iconSize().width() + view.verticalScrollBar().sizeHint().width() + 16)


def fit_columns(table, stretch_last=True):
    """Columns as wide as their header and contents (no "DINAMIS SP..."), the last one taking
    the room left; the user can still resize them."""
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(stretch_last)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)


def set_row(table, row, texts):
    """Fill ``row`` of ``table`` with ``texts``, each whole in its tooltip too (a cell may be
    narrower than its text)."""
    for column, text in enumerate(texts):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)


def button_grid(buttons, columns=2):
    """``buttons`` in rows of ``columns``: a dock stays narrow whatever the language (a row of
    four French labels is a fifth wider than the English one)."""
    grid = QGridLayout()
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    return grid
