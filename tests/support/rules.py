"""A village's 村规民约 made through the services: a draft imported, a revision adopted.

For the GUI tests that start later in the procedure (the rules page, the
article editor, the diff view) instead of clicking through every step.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import meetings_service, rules_service
from desktop.services.meetings_service import AgendaLine, ResolutionLine
from desktop.services.session import Session
from models.rules import procedure as proc

RULES_TEXT = """青山村村规民约

第一章 总则
第一条 为推进村民自治,建设文明乡风,制定本村规民约。
第二条 本村规民约适用于本村全体村民。
第二章 村风民俗
第三条 红白喜事从简办理,反对大操大办。
"""


def vote_meeting(session: Session, present: int = 96, yes: int = 80, on: date | None = None,
                 title: str = "审议村规民约村民会议") -> str:
    """A 村民会议(户代表) of 120 households that votes on the rules; returns its id."""
    on = on or date.today()
    draft = meetings_service.new_draft("assembly_households", on)
    draft.title, draft.place = title, "村文化礼堂"
    draft.expected_count, draft.present_count = 120, present
    draft.notice_date = on - timedelta(days=12)
    draft.agenda = [AgendaLine("审议《村规民约》(修订草案)")]
    draft.resolutions = [ResolutionLine("表决通过《村规民约》", "village_rules", yes, 5, 2)]
    return meetings_service.save(session, draft)


def import_draft(session: Session, text: str = RULES_TEXT, title: str = "青山村村规民约") -> str:
    """A draft imported through the service (for tests that start later in the procedure)."""
    version, _result = rules_service.import_text(session, text, title)
    return version.id


def adopt(session: Session, version_id: str) -> None:
    """Walk `version_id` through the five steps with the services."""
    today = date.today()
    rules_service.add_opinion(session, version_id, today, "forum", "建议写明红白喜事的标准", True, "已采纳")
    rules_service.close_solicitation(session, version_id, today)
    rules_service.submit_for_review(session, version_id, today)
    rules_service.record_review(session, version_id, proc.AGREE, today, "镇民政办")
    rules_service.record_vote(session, version_id, vote_meeting(session), 0, women_present=30)
    rules_service.record_filing(session, version_id, today, "镇民备〔2026〕3号", today)
    rules_service.record_publication(session, version_id, today, "村务公开栏")


def shown_rules_page(qtbot, session: Session):
    """The 村规民约 page for `session`, shown at 1280×800."""
    from ui.rules.rules_page import RulesPage

    page = RulesPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page
