"""The date field: Chinese calendar, opens at today, accepts dates typed as people write them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt

from tests.support.typing import type_text
from ui.widgets.date_field import DateField, parse_date


@pytest.mark.parametrize("text", ["2026-12-04", "2026/12/4", "2026.12.4", "20261204", "2026年12月4日", " 2026 年 12 月 4 日 "])
def test_parse_accepts_the_usual_forms(text):
    assert parse_date(text) == date(2026, 12, 4)


@pytest.mark.parametrize("text", ["", "2026-02-30", "12/4/2026", "明天", "2026-12"])
def test_parse_refuses_what_is_not_a_date(text):
    assert parse_date(text) is None


def _type(qtbot, field: DateField, text: str) -> None:
    field.lineEdit().selectAll()
    type_text(qtbot, field.lineEdit(), text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("text", ["2026-12-04", "2026/12/4", "20261204", "2026年12月4日"])
def test_typed_dates_are_taken(qtbot, text):
    field = DateField(date(2025, 3, 1))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    _type(qtbot, field, text)
    assert field.value() == date(2026, 12, 4)
    assert field.text() == "2026-12-04"


def test_calendar_is_chinese_and_a_new_field_shows_today(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    assert field.value() == date.today()
    calendar = field.calendarWidget()
    assert calendar.locale().language() == QLocale.Language.Chinese
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_an_empty_optional_field_opens_at_today(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.setMinimumDate(QDate(2000, 1, 1))
    field.setSpecialValueText("未填写")
    field.setDate(field.minimumDate())
    assert field.is_empty() and field.text() == "未填写"
    field.show()
    qtbot.waitExposed(field)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert field.is_empty()  # looking is not choosing
    calendar.window().hide()


def _optional(qtbot) -> DateField:
    field = DateField()
    qtbot.addWidget(field)
    field.setMinimumDate(QDate(2000, 1, 1))
    field.setSpecialValueText("未填写")
    field.setDate(field.minimumDate())
    field.show()
    qtbot.waitExposed(field)
    return field


def test_typing_into_an_empty_optional_field_replaces_the_placeholder(qtbot):
    """Seen by a tester: keys typed into 未填写 went nowhere; the calendar was the only way in."""
    field = _optional(qtbot)
    field.setFocus()
    field.lineEdit().setCursorPosition(len(field.text()))  # clicked at the end of 未填写, not selected
    type_text(qtbot, field.lineEdit(), "20261130")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not field.is_empty() and field.value() == date(2026, 11, 30)
    assert field.text() == "2026-11-30"


def test_clearing_an_optional_field_empties_it_instead_of_keeping_the_old_date(qtbot):
    field = _optional(qtbot)
    field.set_value(date(2026, 11, 30))
    field.lineEdit().selectAll()
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Backspace)
    assert field.is_empty()  # already while the field shows nothing, not only after leaving it
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.is_empty() and field.text() == "未填写"


def test_the_calendar_popup_shows_all_six_weeks_at_every_font_size(qtbot, styled_app):
    from PySide6.QtWidgets import QTableView

    from desktop.settings import FONT_SIZES
    from ui.fonts import apply_point_size

    for size in FONT_SIZES.values():
        apply_point_size(styled_app, size)
        field = DateField(date(2026, 12, 4))
        qtbot.addWidget(field)
        field.show()
        qtbot.waitExposed(field)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
        view = field.calendarWidget().findChild(QTableView)
        qtbot.waitUntil(lambda view=view: view.isVisible()
                        and view.verticalHeader().length() <= view.viewport().height(), timeout=5000)
        field.calendarWidget().window().hide()


@pytest.mark.parametrize("text", ["11.28", "11-28", "11/28", "11月28日"])
def test_a_month_and_day_alone_are_this_year(qtbot, text):
    field = DateField(date(2025, 3, 1))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    _type(qtbot, field, text)
    assert field.value() == date(date.today().year, 11, 28)


@pytest.mark.parametrize("text", ["2026-11-28", "2026/11/28", "20261128", "2026.11.28", "2026年11月28日"])
def test_the_forms_of_issue_15_are_taken(qtbot, text):
    field = DateField(date(2025, 3, 1))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    _type(qtbot, field, text)
    assert field.value() == date(2026, 11, 28) and field.text() == "2026-11-28"


def test_an_impossible_date_is_refused_with_the_reason_and_the_old_date_stays(qtbot):
    field = DateField(date(2026, 3, 1))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    refusals = []
    field.refused.connect(refusals.append)
    field.setFocus()
    field.lineEdit().selectAll()
    type_text(qtbot, field.lineEdit(), "2026-02-30")
    # While it is typed, the field is red and says why.
    assert "2026 年 2 月没有 30 日" in field.toolTip()
    assert "border" in field.styleSheet()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(2026, 3, 1)  # not 2026-02-03, the date "2026-02-3" was on the way
    assert refusals and "2026 年 2 月没有 30 日(这个月只有 28 天)" in refusals[-1]
    assert "已恢复为原来的日期" in refusals[-1]
    assert field.styleSheet() == ""


def test_typed_date_parser_says_why():
    from models.typed_dates import DateError, parse_typed_date

    assert parse_typed_date("11.28", 2026) == date(2026, 11, 28)
    for text, reason in (("2026-02-30", "只有 28 天"), ("2026-13-01", "没有 13 月"), ("明天", "不是日期"),
                         ("11.28", "不是日期")):
        with pytest.raises(DateError) as err:
            parse_typed_date(text)
        assert reason in err.value.reason


def _keys(qtbot, field: DateField, keys: str) -> None:
    """Each character as a key press on the field itself, as the keyboard delivers it (not into its line edit)."""
    for ch in keys:
        qtbot.keyClick(field, ch)


@pytest.mark.parametrize("select_all", [False, True])
@pytest.mark.parametrize("typed", ["20261128", "11.28", "2026-11-28", "2026年11月28日"])
def test_keys_typed_on_the_field_replace_the_date_shown(qtbot, typed, select_all):
    """QDateEdit's sections took "20261128" after Tab as 2026-01-28 and ignored "11.28"; Ctrl+A then 2 gave the 2nd."""
    field = DateField(date(2026, 12, 4))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    if select_all:
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _keys(qtbot, field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(2026, 11, 28)
    assert field.text() == "2026-11-28"


def test_after_an_arrow_key_typing_edits_the_date_in_place(qtbot):
    field = DateField(date(2026, 12, 4))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Backspace)
    _keys(qtbot, field, "5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(2026, 12, 5)
    assert field.text() == "2026-12-05"


def test_keys_typed_into_an_empty_optional_field_give_that_date(qtbot):
    """The meeting's 通知日期 (未填写): "11.2" on the way to 11.28 became 2026-11-02 under the cursor, then today."""
    field = DateField()
    qtbot.addWidget(field)
    field.setMinimumDate(QDate(2000, 1, 1))
    field.setSpecialValueText("未填写")
    field.setDate(field.minimumDate())
    field.show()
    qtbot.waitExposed(field)
    _keys(qtbot, field, "11.28")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(date.today().year, 11, 28)
    assert field.text() == f"{date.today().year}-11-28"


def test_a_date_being_typed_is_read_before_the_field_is_left(qtbot):
    """A save by shortcut while the cursor is still in the field gets the date typed, not the one before."""
    field = DateField(date(2026, 12, 4))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    _keys(qtbot, field, "20261128")
    assert field.value() == date(2026, 11, 28) and field.lineEdit().text() == "20261128"
