"""Who may record a committee's election: seat a member, end a seat or an office.

The 监委会 page (成员) and the register's 任职 tab offer the same actions and
ask the same question; the services refuse the rest whatever the screen shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.session import Session
from models.roles import Permission

#: The context the tooltip was translated in when it lived in ui/supervision/labels.py.
_C = "supervision_ui"


def can_seat(session: Session) -> bool:
    """Terms and members: the committee, or the secretary recording the election."""
    return session.can(Permission.COMMITTEE_REVIEW) or session.can(Permission.EDIT_RECORDS)


def seat_only_tip() -> str:
    """Tooltip on a disabled term/member action."""
    return QCoreApplication.translate(_C, "只有监委会成员或村文书可以登记监委会的选举结果。")
