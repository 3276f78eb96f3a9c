"""Where a package (or a 入网文件) is written: a detected U盘 or a folder the person picks.

A U盘 plugged in while the page is open appears by itself: while the chooser
is on screen it re-detects the drives every few seconds (and when the list is
opened), changing the list only when the drives changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from desktop.services import exchange_service as xs

#: How often the drives are re-detected while the chooser is shown.
POLL_MS = 3000


class _DriveCombo(QComboBox):
    """A combo box that re-detects the drives just before its list opens; paths shortened in the middle.

    Qt cuts a long current text at its end, which hid the folder's own name
    (".../test_day_one_of_"): the start and the end of a path are what a person
    recognises, so the middle gives way ("/home/…/交换/乡镇"), here and in the
    open list; the tooltip has the whole path.
    """

    def __init__(self, chooser: TargetChooser):
        super().__init__(chooser)
        self._chooser = chooser
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def shown_text(self) -> str:
        """The current text as painted: shortened in the middle to the width of the text field."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        text = self.placeholderText() if self.currentIndex() < 0 else option.currentText
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, field.width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """As QComboBox paints itself, with the text elided in the middle (and the placeholder greyed)."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        """Re-detect first, so a U盘 plugged in a moment ago is in the list."""
        self._chooser.refresh_drives()
        super().showPopup()


class TargetChooser(QWidget):
    """A list of the removable drives found, plus “选择文件夹…” for any folder."""

    #: The chosen folder changed (or there is none any more).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = _DriveCombo(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setPlaceholderText(self.tr("没有找到U盘"))
        self.combo.currentIndexChanged.connect(self._on_index)
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        # In a dialog, Enter after a folder was picked (the focus still on this button) is the dialog's
        # action, not the folder dialog again: the button answers Enter only when it is clicked on purpose.
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.choose_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.folder_button)
        self._folders: list[Path] = []
        self._drives: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh_drives)
        self.refresh_drives(force=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Watch for U盘s while on screen."""
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """No polling while hidden."""
        super().hideEvent(event)
        self._timer.stop()

    def refresh_drives(self, force: bool = False) -> None:
        """Re-detect the U盘s, keeping the folders picked before and the current choice.

        The list is rebuilt only when the drives changed (or `force`), so a
        person's open list or choice is not disturbed by the periodic check.
        """
        drives = [(self.tr("U盘:{label}").format(label=d.label), str(d.path)) for d in xs.removable_drives()]
        if drives == self._drives and not force:
            return
        self._drives = drives
        current = self.folder()
        self.combo.blockSignals(True)
        self.combo.clear()
        for label, path in drives:
            self.combo.addItem(label, path)
        for folder in self._folders:
            self.combo.addItem(str(folder), str(folder))
        if current is not None and self.combo.findData(str(current)) >= 0:
            self._select(current)
        elif self.combo.count():
            self.combo.setCurrentIndex(0)
        self.combo.blockSignals(False)
        self._on_index()

    def folder(self) -> Path | None:
        """The chosen folder, or None."""
        data = self.combo.currentData()
        return Path(data) if data else None

    def set_folder(self, folder: Path) -> None:
        """Add `folder` to the list (once) and choose it."""
        folder = Path(folder)
        if folder not in self._folders:
            self._folders.append(folder)
            self.combo.addItem(str(folder), str(folder))
        self._select(folder)

    def choose_folder(self) -> None:
        """The folder dialog; the folder picked becomes the choice."""
        start = str(self.folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择保存数据包的文件夹"), start)
        if chosen:
            self.set_folder(Path(chosen))

    def _select(self, folder: Path) -> None:
        index = self.combo.findData(str(folder))
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _on_index(self, _index: int = -1) -> None:
        self.combo.setToolTip(str(self.folder() or ""))
        self.changed.emit()
