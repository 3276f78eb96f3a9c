"""Who may record a committee's election: seat a member, end a seat or an office.

The 监委会 page (成员) and the register's 任职 tab offer the same actions and
ask the same question as `record_store` does before it writes
(`write_rights`: the register's keepers, never the 村委会 the committee
supervises nor the committee itself); the services refuse the rest whatever
the screen shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services import write_rights
from desktop.services.session import Session
from models.legal import organic_law_both
from ui.errors import message_text

#: The context the tooltip was translated in when it lived in ui/widgets/supervision_labels.py.
_C = "supervision_ui"


def seat_reason(session: Session) -> str:
    """Why this login may not record the committee's election, in words; "" when it may."""
    reason = write_rights.why_not(session, "committee_member") or write_rights.why_not(session, "committee_term")
    return "" if reason is None else message_text(reason)


def can_seat(session: Session) -> bool:
    """Terms and members: the secretary or the administrator, recording the 村民会议's election."""
    return not seat_reason(session)


def seat_only_tip(session: Session | None = None) -> str:
    """Tooltip on a disabled term/member action: why not for `session`, and who records the election."""
    basis = QCoreApplication.translate(
        _C, "监委会由村民会议或者村民代表会议推选产生({basis}),选举结果由村文书或管理员登记。").format(
        basis=organic_law_both(32))
    reason = seat_reason(session) if session is not None else ""
    return f"{reason}\n{basis}" if reason else basis
