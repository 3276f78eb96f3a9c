"""The one date field: a Chinese calendar that opens at today and accepts dates typed as people write them.

Qt's bare QDateEdit showed an English calendar, opened an empty field at
January 2000 and refused anything typed but its own yyyy-MM-dd sections. A
secretary copying dates from paper writes 2026-12-04, 2026/12/4, 20261204,
2026年12月4日 or just 12.4 (this year); all of them are taken here
(`models.typed_dates`), and the field shows yyyy-MM-dd. A date that does not
exist (2026-02-30) is not quietly turned into another day: the field turns
red and says why, and keeps the date it showed before.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QValidator
from PySide6.QtWidgets import QDateEdit, QTableView, QToolTip, QWidget

from models.typed_dates import DateError, looks_like_date, parse_typed_date
from ui.widgets.palette import INVALID_FIELD_BACKGROUND, RED

#: The calendar and the month names in Chinese, whatever the system language.
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

_INVALID_STYLE = f"QDateEdit {{ border: 1px solid {RED.name()}; background: {INVALID_FIELD_BACKGROUND.name()}; }}"
_PARTIAL = re.compile(r"[\d\s\-/.年月日]{0,16}")


def parse_date(text: str, year: int | None = None) -> date | None:
    """The date in `text` (2026-12-04, 2026/12/4, 2026.12.4, 20261204, 2026年12月4日; 12.4 with `year`), or None."""
    try:
        return parse_typed_date(text, year)
    except DateError:
        return None


def date_problem(text: str, year: int | None = None) -> str:
    """Why `text` is not a date, in Chinese ("" when it is one)."""
    try:
        parse_typed_date(text, year)
    except DateError as exc:
        return QCoreApplication.translate("DateField", "“{text}”{reason}。").format(
            text=text.strip(), reason=exc.reason)
    return ""


class DateField(QDateEdit):
    """A yyyy-MM-dd date field with a Chinese calendar popup; typed dates in the usual forms are accepted.

    An optional field (a special value text at the minimum date, e.g. 未填写)
    opens its calendar at today's month instead of the minimum. A month and
    day alone (11.28, 11-28) are this year. `refused(message)` when what was
    typed is not a date and the field went back to the date it showed.
    """

    refused = Signal(str)

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(CHINESE)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        calendar = self.calendarWidget()
        calendar.setLocale(CHINESE)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        calendar.installEventFilter(self)
        self.problem = ""  # why the text last typed was not a date ("" when it was)
        self._marked = False
        self._fresh = False  # the date shown is untouched (no key pressed since): a character typed replaces it
        self._own_style = self._own_tip = ""
        # The date before typing began: "2026-02-3" on the way to "2026-02-30" is a date Qt takes
        # at that key, and must not be what a refused text falls back to.
        self._before = QDate()
        self.editingFinished.connect(self._finished)
        calendar.clicked.connect(self._remember)
        self.lineEdit().textEdited.connect(self._show_problem)
        self.set_value(value or date.today())

    def set_value(self, value: date) -> None:
        """Show `value`."""
        self.setDate(QDate(value.year, value.month, value.day))
        self._remember()

    def _finished(self) -> None:
        """Leaving the field: the date typed as 20261128 or 11.28 is shown as 2026-11-28."""
        self.setKeyboardTracking(True)
        shown = self.textFromDateTime(self.dateTime())
        if not self.is_empty() and self.lineEdit().text() != shown:
            self.lineEdit().setText(shown)
        self._remember()

    def _remember(self, *_args) -> None:
        self._before = self.date()
        self._fresh = True

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Typing starts from the date shown now."""
        self._remember()
        super().focusInEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Typed characters go into the text as typed, not into QDateEdit's year/month/day sections.

        QDateEdit edits a date section by section: after Tab, "20261128" became
        2026-01-28 and "11.28" was ignored; with everything selected, the first
        digit replaced only the day (2026-12-02). The text is ours to read
        (`validate`, `dateTimeFromText`), so a character is inserted where the
        cursor is, replacing a selection, and the whole date while it is untouched
        (no key pressed since it was shown, typed or picked): a secretary types a
        whole new date. Arrow keys or Backspace first, and typing edits in place.
        """
        line = self.lineEdit()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        text = event.text()
        fresh, self._fresh = self._fresh, False
        if event.matches(QKeySequence.StandardKey.SelectAll):
            line.selectAll()  # QDateEdit's own select-all left its sections half-selected for the next key
            event.accept()
            return
        if plain and text and text.isprintable() and not self.isReadOnly():
            if fresh:
                line.selectAll()
            # Read the date when typing ends: read at every key, "11.2" (on the way to 11.28) became
            # 2026-11-02 in an empty optional field, rewritten under the cursor. Back on in `_finished`.
            self.setKeyboardTracking(False)
            line.insert(text)
            event.accept()
            return
        if (plain and line.hasSelectedText() and not self.isReadOnly()
                and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)):
            line.del_()
            event.accept()
            return
        super().keyPressEvent(event)

    def date(self) -> QDate:  # noqa: D102 - QDateEdit.date, read from Python
        """The date shown, or the one being typed when it is already a whole date.

        While keys are typed the field does not read its text (see
        `keyPressEvent`); a save by shortcut before leaving the field still
        gets the date typed. Reading has no side effect on the text.
        """
        if not self.keyboardTracking():
            parsed = parse_date(self.lineEdit().text(), date.today().year)
            if parsed is not None:
                typed = QDate(parsed.year, parsed.month, parsed.day)
                if self.minimumDate() <= typed <= self.maximumDate():
                    return typed
        return super().date()

    def value(self) -> date:
        """The date shown."""
        shown = self.date()
        return date(shown.year(), shown.month(), shown.day())

    def is_empty(self) -> bool:
        """True when an optional field shows its special text (未填写)."""
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    # ----- typing ---------------------------------------------------------------------------

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 - Qt override
        special = self.specialValueText()
        if special and text == special:
            return QValidator.State.Acceptable, text, pos
        if special and special in text:
            # A digit typed into 未填写: the placeholder gives way to what is typed.
            text = text.replace(special, "")
            pos = len(text)
        if special and not text.strip():
            return QValidator.State.Acceptable, text, pos  # cleared: the optional date is not filled in
        parsed = parse_date(text, date.today().year)
        if parsed is not None:
            shown = QDate(parsed.year, parsed.month, parsed.day)
            if self.minimumDate() <= shown <= self.maximumDate():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Intermediate, text, pos
        if _PARTIAL.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt override
        """The typed date in any accepted form; the shown date when the text is not a date."""
        special = self.specialValueText()
        if special and (text == special or not text.strip()):
            return QDateTime(self.minimumDate().startOfDay())
        parsed = parse_date(text, date.today().year)
        if parsed is None:
            return self.dateTime()
        return QDateTime(QDate(parsed.year, parsed.month, parsed.day).startOfDay())

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt override
        if self.specialValueText() and not text.strip():
            return self.specialValueText()
        parsed = parse_date(text, date.today().year)
        if parsed is not None:
            return parsed.isoformat()
        if text.strip():
            self._refuse(date_problem(text, date.today().year))
        before = self._before if self._before.isValid() else self.date()
        if self.specialValueText() and before == self.minimumDate():
            return self.specialValueText()
        return self.textFromDateTime(before.startOfDay())

    def _show_problem(self, text: str) -> None:
        """Red while a complete-looking date does not exist (2026-02-30); plain again once it does."""
        self.problem = date_problem(text, date.today().year) if looks_like_date(text) else ""
        if self.problem:
            self._mark(self.problem)
        else:
            self._unmark()

    def _mark(self, problem: str) -> None:
        if not self._marked:
            self._own_style, self._own_tip = self.styleSheet(), self.toolTip()
        self._marked = True
        self.setStyleSheet(_INVALID_STYLE)
        self.setToolTip(problem)

    def _unmark(self) -> None:
        """Back to the look the field had before it was marked red (a caller's tooltip stays)."""
        if self._marked:
            self._marked = False
            self.setStyleSheet(self._own_style)
            self.setToolTip(self._own_tip)

    def _refuse(self, message: str) -> None:
        self.problem = message
        self._unmark()
        full = self.tr("{problem}已恢复为原来的日期。").format(problem=message)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), full, self)
        self.refused.emit(full)

    # ----- the calendar ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """An empty optional field opens the calendar at this month; the popup is tall enough for six weeks."""
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show:
            if self.is_empty():
                today = QDate.currentDate()
                watched.setCurrentPage(today.year(), today.month())
            QTimer.singleShot(0, self, self._fit_calendar)
        return super().eventFilter(watched, event)

    def _fit_calendar(self) -> None:
        """Grow the popup until its last week shows.

        Qt sizes the popup from the calendar's size hint, which does not count
        the rows' minimum height under our style and fonts: the sixth week was
        cut off (at every font size). The rows are what must fit, so measure them.
        """
        calendar = self.calendarWidget()
        view = calendar.findChild(QTableView)
        if view is None:
            return
        rows = view.model().rowCount()  # the weekday names and six weeks
        needed = rows * view.verticalHeader().minimumSectionSize() + 2 * view.frameWidth()
        short = needed - view.height()
        if short > 0:
            popup = calendar.window()
            popup.resize(popup.width(), popup.height() + short)
