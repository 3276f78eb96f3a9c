"""The line under a form field that explains, as you type, what is wrong.

Colour comes from the style sheet (`QLabel[role=...]`), so the three states
look the same on every form.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.errors import error_text


class FieldMessage(QLabel):
    """A word-wrapped label in one of three roles: error, hint or ok."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        # clear_message() without its re-polish: a new widget is polished when first shown,
        # and the Python call QStyle.polish(widget) makes PySide build its whole `Qt`
        # namespace (~14 ms) to resolve the overload, before the login dialog's first paint.
        self.setProperty("role", "hint")
        self.setText(" ")

    def show_error(self, text: str) -> None:
        """Explain what is wrong (red)."""
        self._set("error", text)

    def show_failure(self, exc: BaseException) -> None:
        """Explain why an operation did not go through (red): `on_failure=` of `ui.operations`."""
        self._set("error", error_text(exc))

    def show_hint(self, text: str) -> None:
        """A neutral explanation (grey)."""
        self._set("hint", text)

    def show_ok(self, text: str) -> None:
        """Confirm the value is good (green)."""
        self._set("ok", text)

    def clear_message(self) -> None:
        """Empty the line but keep its height, so the form does not jump."""
        self._set("hint", " ")

    def role(self) -> str:
        """The current state: "error", "hint" or "ok"."""
        return str(self.property("role"))

    def _set(self, role: str, text: str) -> None:
        # Plain text: a message may quote outside words (a file name, a value from a package).
        # Set here, not in __init__, for the same start-up reason as above (`Qt` namespace).
        from PySide6.QtCore import Qt

        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", role)
        self.setText(text)
        # A dynamic property change needs a re-polish for the style sheet to notice.
        self.style().unpolish(self)
        self.style().polish(self)
