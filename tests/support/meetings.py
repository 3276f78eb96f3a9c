"""Meetings for tests: a 四议两公开 register made through the services, clicks on the attendance table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from desktop.services import decisions_service, meetings_service
from desktop.services.meetings_service import ResolutionLine
from desktop.services.session import Session
from ui.meetings.attendance_model import NAME, TICK


def failed_resolution_register(session: Session) -> str:
    """A register whose ④ vote did not pass, so ⑤ is blocked."""
    reg = decisions_service.create_register(session, "集体鱼塘对外租赁", "property_disposal")
    year = date.today().year
    last = f"{year}-01-01"
    for step, code in (("propose", "party_branch_committee"), ("discuss", "two_committees"),
                       ("review", "party_members")):
        meeting = min((m for m in meetings_service.list_meetings(code, year)
                       if m.quorum_met and m.held_on >= last), key=lambda m: m.held_on)
        last = meeting.held_on
        decisions_service.add_step(session, reg.id, step, date.fromisoformat(last), meeting.id)
    draft = meetings_service.new_draft("representatives", date(year, 10, 20))
    draft.resolutions = [ResolutionLine("同意集体鱼塘对外租赁", "general", 5, 30, 1)]
    meeting_id = meetings_service.save(session, draft)
    decisions_service.add_step(session, reg.id, "resolve", draft.held_on, meeting_id)
    return reg.id


def click_tick(qtbot, table, row: int) -> None:
    """Click the 到会 check box of view row `row`, where a person would click."""
    index = table.model().index(row, TICK)
    table.scrollTo(index)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def click_name(qtbot, table, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Click the name of view row `row` (with `modifier`: Ctrl/Shift extend the selection)."""
    index = table.model().index(row, NAME)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     table.visualRect(index).center())
