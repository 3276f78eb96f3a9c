"""The township's register of enrolled villages (村庄), without Qt.

What `exchange_service.overview` says about each peer, plus what the register
needs beside it: the province profile, the village's size, the dates of the
last package received and of the last 回执 sent (as dates, for sorting and for
people), and whether the silence has passed the threshold a township acts on.
The exchange bookkeeping itself stays in `exchange_service` and `desktop.sync`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.paths import AppPaths
from desktop.services import exchange_service, installation, setup_service
from desktop.sync import witness
from models.clock import local_display
from models.entities import MODE_VILLAGE, Village
from models.provinces import province_label
from models.sync.records import PEER_ACTIVE, PEER_PENDING, PEER_RETIRED, Peer

#: Days without a package after which a village is flagged (“没有消息 N 天” in red): monthly
#: packages are the rule, so a month and a half without one is worth a phone call.
SILENCE_THRESHOLD_DAYS = 45


def validate_village_code(code: str) -> str:
    """A code the township may enrol: 12 digits, starting with the township's own 9 (统计用区划代码).

    The same rule `enrollment.enroll_village` applies; the 新增村庄 dialog asks it as the code is typed.

    Raises:
        ValidationError: what is expected, in Chinese.
    """
    info = installation.current()
    return setup_service.validate_code(code, MODE_VILLAGE, info.code if info is not None else None)


@dataclass(frozen=True)
class VillageRow:
    """One enrolled village as the register shows it."""

    code: str
    name: str
    province: str  # profile code
    province_label: str
    status: str  # pending / active / retired
    fingerprint: str  # groups of four, "" before the first package
    households: int
    last_in_no: int
    last_in_date: str  # "2026-11-22" (local), "" when none
    last_out_no: int
    last_out_date: str
    out_acked: bool  # the village has confirmed our last 回执
    missing: tuple[int, ...]  # package numbers we lack
    silent_days: int | None  # since the last package (None: never received)
    #: The village's audit chain as the township witnessed it: "ok", "broken" (red until 重新入网)
    #: or "restored" (amber); the reason and the date of the package that showed it.
    audit: str = "ok"
    audit_reason: str = ""
    audit_date: str = ""

    @property
    def overdue(self) -> bool:
        """Not retired, and silent past the threshold (a village never heard from is “pending”)."""
        if self.status == PEER_RETIRED:
            return False
        return self.silent_days is not None and self.silent_days > SILENCE_THRESHOLD_DAYS


@dataclass(frozen=True)
class Register:
    """The register and its counts for the summary line.

    Each village is counted once: a village whose audit log was rewritten
    (`audit_broken`) is not also counted as 正常 (active), 等待 or 已停用 — a clerk
    reading "正常 3" must not have to subtract the red ones.
    """

    rows: tuple[VillageRow, ...]
    fingerprint: str  # the township's own, read out to a village joining
    active: int  # active, audit not broken
    pending: int
    retired: int
    overdue: int
    with_gaps: int
    audit_broken: int = 0


def register(paths: AppPaths, now: datetime | None = None) -> Register:
    """Every village the township has enrolled, by code, with its exchange state."""
    now = now or datetime.now(UTC)
    overview = exchange_service.overview(paths, now)
    peers = {p.code: p for p in Peer.select().where(Peer.kind == MODE_VILLAGE)}
    households = {v.code: v.households or 0 for v in Village.select(Village.code, Village.households)
                  .where(Village.code.in_(list(peers)))}
    audits = witness.peer_audits()
    rows = []
    for p in overview.peers:
        if p.kind != MODE_VILLAGE or p.code not in peers:
            continue
        peer = peers[p.code]
        rows.append(VillageRow(
            p.code, p.name, peer.province, province_label(peer.province), p.status, p.fingerprint,
            households.get(p.code, 0), p.last_in_no, _date(peer.last_in_at), p.last_out_no,
            _date(peer.last_out_at), bool(p.last_out_no) and p.out_acked_no >= p.last_out_no,
            p.missing, p.silent_days, *_audit(audits.get(p.code))))
    statuses = Counter(r.status for r in rows if r.audit != "broken")
    return Register(tuple(rows), overview.fingerprint, statuses[PEER_ACTIVE], statuses[PEER_PENDING], statuses[PEER_RETIRED],
                    sum(r.overdue for r in rows), sum(bool(r.missing) for r in rows),
                    sum(r.audit == "broken" for r in rows))


def _audit(found: witness.PeerAudit | None) -> tuple[str, str, str]:
    return (found.status, found.reason, found.date) if found else ("ok", "", "")


def _date(stored: str) -> str:
    return local_display(stored)[:10]


def package_history(paths: AppPaths, code: str, limit: int | None = 200) -> list[exchange_service.HistoryRow]:
    """The packages exchanged with one village (received, 回执 sent, refused), newest first (`limit` None: all)."""
    return exchange_service.history(paths, code, limit)
