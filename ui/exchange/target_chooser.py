"""Where a package (or a 入网文件) is written: a detected U盘 or a folder the person picks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from desktop.services import exchange_service as xs


class TargetChooser(QWidget):
    """A list of the removable drives found, plus “选择文件夹…” for any folder."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setPlaceholderText(self.tr("没有找到U盘"))
        self.combo.currentIndexChanged.connect(lambda _i: self.combo.setToolTip(str(self.folder() or "")))
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        self.folder_button.clicked.connect(self.choose_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.folder_button)
        self._folders: list[Path] = []
        self.refresh_drives()

    def refresh_drives(self) -> None:
        """Re-detect the U盘s, keeping the folders picked before and the current choice."""
        current = self.folder()
        self.combo.clear()
        for drive in xs.removable_drives():
            self.combo.addItem(self.tr("U盘:{label}").format(label=drive.label), str(drive.path))
        for folder in self._folders:
            self.combo.addItem(str(folder), str(folder))
        if current is not None:
            self._select(current)
        elif self.combo.count():
            self.combo.setCurrentIndex(0)

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
