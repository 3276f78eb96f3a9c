"""设置 → 字体大小: three sizes for older eyes, applied at once and remembered."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.settings import FONT_SIZES
from ui.fonts import apply_point_size
from ui.settings_store import SettingsStore


class FontSizeMenu(QMenu):
    """Radio actions 标准 / 大 / 特大 bound to the `font_size` setting."""

    def __init__(self, settings: SettingsStore, parent: QWidget | None = None):
        super().__init__(self.tr("字体大小"), parent)
        self._settings = settings
        labels = {"normal": self.tr("标准"), "large": self.tr("大"), "xlarge": self.tr("特大")}
        group = QActionGroup(self)
        group.setExclusive(True)
        self.size_actions: dict[str, QAction] = {}
        for key in FONT_SIZES:
            action = QAction(labels.get(key, key), self)
            action.setCheckable(True)
            action.setChecked(key == settings.values.font_size)
            action.setData(key)
            group.addAction(action)
            self.addAction(action)
            self.size_actions[key] = action
        group.triggered.connect(self._on_triggered)

    def choose(self, key: str) -> None:
        """Apply the size `key` to the whole application and save it."""
        self._settings.values.font_size = key
        apply_point_size(QApplication.instance(), self._settings.values.point_size())
        self._settings.save()
        self.size_actions[key].setChecked(True)

    def _on_triggered(self, action: QAction) -> None:
        self.choose(action.data())
