"""乡镇通知: the township writes notices to its villages; a village reads them.

The notice travels in the village's next return package (it names the
village in `village_code`). Marking a notice read is the village's own
business and never travels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import record_store, setup_service
from desktop.services.session import Session
from models.clock import now_utc
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.sync.records import PEER_RETIRED, Peer
from models.township.notices import NoticeRead, TownshipNotice

_C = "notices"
MAX_TITLE, MAX_TEXT = 128, 5000


@dataclass(frozen=True)
class NoticeRow:
    """One notice as a list shows it."""

    id: str
    village_code: str
    village_name: str
    title: str
    text: str
    issued_on: str
    issued_by: str
    read: bool  # village: opened here; township: always True


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _mode() -> str:
    info = setup_service.current()
    return info.mode if info else ""


def send_notice(session: Session, title: str, text: str, on: date,
                village_codes: list[str] | None = None) -> int:
    """Write one notice per village (all enrolled, not retired, villages when None); returns how many.

    Raises:
        ValidationError: not a township, an empty or too long title or text, an unknown village.
        PermissionDenied: the role may not manage villages.
    """
    if _mode() != MODE_TOWNSHIP:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只有乡镇可以发通知。"))
    session.require(Permission.MANAGE_VILLAGES)
    title, text = title.strip(), text.strip()
    if not title:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写通知的标题。"))
    if not text:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写通知的内容。"))
    if len(title) > MAX_TITLE or len(text) > MAX_TEXT:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "通知太长了:标题不超过 {title} 字,内容不超过 {text} 字。"),
                       title=MAX_TITLE, text=MAX_TEXT)
    villages = {p.code: p for p in Peer.select().where((Peer.kind == MODE_VILLAGE) & (Peer.status != PEER_RETIRED))}
    codes = list(villages) if village_codes is None else list(dict.fromkeys(village_codes))
    unknown = [c for c in codes if c not in villages]
    if unknown:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=unknown[0])
    if not codes:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "还没有登记任何村庄,通知无处可发。"))
    with database.atomic():
        for code in codes:
            record_store.create(session, TownshipNotice, village_code=code, title=title, text=text,
                                issued_on=on.isoformat(), issued_by=session.display_name or session.actor)
    return len(codes)


def notices(village_code: str | None = None, limit: int | None = 500) -> list[NoticeRow]:
    """Notices, newest first: on a township those it sent (to one village or all), on a village those received."""
    query = TownshipNotice.live()
    if village_code:
        query = query.where(TownshipNotice.village_code == village_code)
    rows = list(query.order_by(TownshipNotice.issued_on.desc(), TownshipNotice.seq.desc()).limit(limit))
    township = _mode() == MODE_TOWNSHIP
    read = set() if township else {r.notice_id for r in NoticeRead.select(NoticeRead.notice_id)}
    names = {p.code: p.name for p in Peer.select(Peer.code, Peer.name)}
    info = setup_service.current()
    if info and not township:
        names[info.code] = info.name
    return [NoticeRow(n.id, n.village_code, names.get(n.village_code, n.village_code), n.title, n.text,
                      n.issued_on, n.issued_by, township or n.id in read) for n in rows]


def unread_count() -> int:
    """Notices this village has not opened yet (0 on a township)."""
    if _mode() != MODE_VILLAGE:
        return 0
    read = NoticeRead.select(NoticeRead.notice_id)
    return TownshipNotice.live().where(TownshipNotice.id.not_in(read)).count()


def mark_read(session: Session, notice_id: str) -> None:
    """Note that this village opened the notice (idempotent; local only)."""
    session.require(Permission.VIEW)
    if not NoticeRead.select().where(NoticeRead.notice_id == notice_id).exists():
        NoticeRead.create(notice_id=notice_id, read_at=now_utc(), read_by=session.actor)
