"""What the township received from (and sent to) a village: its packages and the notices sent to it."""

from __future__ import annotations

from desktop.paths import AppPaths
from desktop.services import notice_service
from desktop.services.exchange_service import HistoryRow
from desktop.services.notice_service import NoticeRow
from desktop.services.session import Session
from desktop.services.village_file.common import village_name
from desktop.services.villages_service import package_history


def packages(session: Session, paths: AppPaths, code: str, limit: int | None = None) -> list[HistoryRow]:
    """The package log with the village, newest first, with the refused ones (their journal is beside the database).

    Every package unless `limit` (the list once stopped at 500 without saying so).
    """
    village_name(session, code)
    return package_history(paths, code, limit)


def notices(session: Session, code: str, limit: int | None = None) -> list[NoticeRow]:
    """The notices the township sent the village, newest first, every one unless `limit`."""
    village_name(session, code)
    return notice_service.notices(code, limit)
