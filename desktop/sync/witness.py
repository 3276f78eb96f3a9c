"""The audit witness: each side keeps the audit heads the other sent it, and notices a rewrite.

`models.audit` chains every audit row to the one before and keeps the head
(count and last hash) beside it, so a tool that edits one row is caught —
unless it also recomputes every later hash and the head, in the same file.
Only a copy held *elsewhere* catches that, and every package already goes
elsewhere. So:

What a package carries (inside the signed manifest, key ``"audit"``)::

    {"count": N, "hash": H,                  # the sender's head when the package was made
     "anchors": [[c, h], ...],               # the hash of our row c, for each head c we sent
                                             #   in a package the peer may hold as its latest
     "echo": {"number": n, "count": c, "hash": h}}  # the peer's head we hold (the 回执's part)

*Anchors* are what lets the receiver see that the new chain *extends* the last
head it saw, while the package stays small: the receiver's last head is the
head of one of the packages we sent it — the one it acknowledged last or one
sent after that — so we send, for each of those (at most `MAX_ANCHORS`), the
hash our chain has *now* at that row. Each sent head is remembered in
`audit_witness` (side ``"sent"``). A chain that was rewritten at or before row
c has a different hash at c (every hash covers the one before), a chain cut
short has no row c: either way the receiver's stored hash does not match.
About 80 bytes per package in flight, whatever the number of audit rows.

The receiver (`judge`, then `record` in the import's transaction) keeps every
head it gets (side THEIRS) and compares: the package's anchors with the heads
it holds of the same count, and — for a newer package — the last good head it
holds (the *baseline*) with the anchor of that count. A mismatch, a missing
anchor or a shorter chain is "broken", with the reason in Chinese. It does not
refuse the import: the records are still the sender's latest, and the township
must see them. A broken head never becomes the baseline, so every later
package is compared with the last good head again and stays "broken": the
village's rewritten rows can never be made to match it. That lasts until the
township re-enrols the village (重新入网, an explicit, audited act on the
township's side after talking to the village): the witness starts over from
the first package of the re-enrolled PC (rows seen before `Peer.enrolled_at`
no longer count) — which is also how a village rebuilt from the township's
恢复包 on a new PC, with a new chain, starts clean.

A restore is legitimate: a village that restored a backup says so
(`restored_at`, see `desktop.sync.counters`) and goes back to an earlier head.
That package is "restored" (shown in amber with the date) and starts a new
*epoch*: later packages are compared with the restored chain, not the old one.
A restore still cannot hide a rewrite: the anchors it carries come from the
backup, whose rows are the ones already sent, so they must match what the
township holds for the same counts — and it must carry at least one of them:
a "restored" package that anchors none of the rows the township holds (the
anchors simply left out) is "broken", or a rewrite would pass as a restore.
(A restore of a backup older than an earlier restore, or older than every
package the township holds, may be flagged; that is rare, and a person can ask.)

The echo is the other direction of the same witness: each package tells the
peer the last good head of the peer's chain that we hold; the peer keeps it
(side OURS) and its `cunwu check` reports a row of its own chain that no
longer has the acknowledged hash (`check_problems`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from models import audit
from models.clock import local_display, now_utc
from models.db import database
from models.entities import MODE_TOWNSHIP
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.sync.records import (
    WITNESS_BROKEN,
    WITNESS_OK,
    WITNESS_OURS,
    WITNESS_RESTORED,
    WITNESS_THEIRS,
    AuditWitness,
    Peer,
)

_C = "witness"
#: Side of the heads we put into packages (which of them the peer may hold decides the anchors).
WITNESS_SENT = "sent"
#: `reason` of an echo (side OURS) of a head we have no record of sending: the peer's word alone.
#: A peer could echo a made-up head to make our `cunwu check` accuse our own audit log; such a mismatch
#: is reported as the peer's claim, not as our rows "changed after they were sent".
NEVER_SENT = "never-sent"
#: At most this many anchors (the packages sent since the last acknowledged one, newest first).
MAX_ANCHORS = 200
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Verdict:
    """What the witness says about one incoming package's audit chain."""

    status: str = WITNESS_OK  # ok / broken / restored
    reason: str = ""
    head: tuple[int, str] | None = None  # (count, hash) carried, None when the package had none
    restored_at: str = ""


# --- the sender ------------------------------------------------------------------------------------


def manifest_block(recipient: Peer) -> dict[str, Any]:
    """The ``"audit"`` entry of a package for `recipient` (run inside the export's snapshot)."""
    count, head = audit._read_head()  # noqa: SLF001 - the head as the chain itself keeps it
    block: dict[str, Any] = {"count": count, "hash": head, "anchors": _anchors(recipient, count)}
    echo = _baseline(recipient)
    if echo is not None:
        block["echo"] = {"number": echo.package_number, "count": echo.count, "hash": echo.hash}
    return block


def _anchors(recipient: Peer, count: int) -> list[list[Any]]:
    sent = (AuditWitness.select(AuditWitness.count)
            .where((AuditWitness.peer_code == recipient.code) & (AuditWitness.side == WITNESS_SENT)
                   & (AuditWitness.package_number >= recipient.out_acked_no)
                   & (AuditWitness.seen_at >= recipient.enrolled_at))
            .order_by(AuditWitness.package_number.desc()).limit(MAX_ANCHORS))
    counts = sorted({r.count for r in sent if 0 < r.count <= count})
    if not counts:
        return []
    marks = ",".join("?" * len(counts))
    found = dict(database.execute_sql(f"SELECT id, hash FROM audit_entry WHERE id IN ({marks})", counts).fetchall())
    return [[c, found[c]] for c in counts if c in found]


def note_sent(recipient_code: str, number: int, block: dict[str, Any]) -> None:
    """Remember the head package `number` carried (its count becomes an anchor until acknowledged)."""
    AuditWitness.create(peer_code=recipient_code, side=WITNESS_SENT, package_number=number,
                        count=block["count"], hash=block["hash"], status=WITNESS_OK, reason="")


# --- the receiver ----------------------------------------------------------------------------------


def judge(manifest: dict[str, Any], peer: Peer, number: int, first_contact: bool, newer: bool,
          restored_at: str) -> Verdict:
    """Compare the package's audit head and anchors with the heads we hold of `peer` (reads only).

    Raises:
        PackageRefused: the ``"audit"`` entry is malformed (a signed manifest no app writes).
    """
    block = _parse(manifest.get("audit"))
    epoch = [] if first_contact else _epoch(peer)
    baseline = max(epoch, key=lambda r: (r.count, r.id), default=None)
    if block is None:
        if baseline is None or restored_at:
            return Verdict(WITNESS_RESTORED if restored_at else WITNESS_OK, restored_at=restored_at)
        return Verdict(WITNESS_BROKEN, str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}的数据包没有带审计日志的链头,无法确认已经发出的审计记录没有被改动。"), name=peer.name)))
    count, head, anchors = block
    known = dict(anchors)
    if not restored_at:  # a restored chain parts from the old one after the backup: only its anchors are old rows
        known[count] = head
    for row in sorted(epoch, key=lambda r: r.count):
        if row.count in known and known[row.count] != row.hash:
            return _broken_rewritten(peer, row, (count, head), restored_at)
    if restored_at and epoch and not any(row.count in known for row in epoch):
        return _broken_restore_unanchored(peer, max(epoch, key=lambda r: (r.count, r.id)), (count, head), restored_at)
    if restored_at:
        return Verdict(WITNESS_RESTORED, str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}于 {date} 从备份恢复了数据,审计日志回到了备份时的状态(第 {count} 条)。"),
            name=peer.name, date=_date(restored_at), count=count)), (count, head), restored_at)
    if baseline is not None and (newer or count > baseline.count):
        # a chain longer than the last head held is newer whatever its number says (a number can jump)
        if newer and count < baseline.count:
            return Verdict(WITNESS_BROKEN, str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}的审计日志现在只有 {count} 条,少于本机 {date} 收到的 {seen} 条:"
                "已经发出的审计记录被删除了。"), name=peer.name, count=count, seen=baseline.count,
                date=_date(baseline.seen_at))), (count, head))
        if baseline.count not in known:
            return Verdict(WITNESS_BROKEN, str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}的数据包没有带出第 {n} 条审计记录的核对值(本机 {date} 收到过),"
                "无法确认已经发出的审计记录没有被改动。"), name=peer.name, n=baseline.count,
                date=_date(baseline.seen_at))), (count, head))
    return Verdict(WITNESS_OK, "", (count, head))


def _broken_rewritten(peer: Peer, row: AuditWitness, head: tuple[int, str], restored_at: str) -> Verdict:
    return Verdict(WITNESS_BROKEN, str(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}审计日志的第 {n} 条及以前的记录与本机 {date} 收到的不一致:已经发出的审计记录被改写或删除过"
        "(链条被重新计算)。"), name=peer.name, n=row.count, date=_date(row.seen_at))),
        head, restored_at)


def _broken_restore_unanchored(peer: Peer, row: AuditWitness, head: tuple[int, str], restored_at: str) -> Verdict:
    """A "restored" package that shows none of the rows already sent (a backup holds them: it anchors them).

    Without this, a village could rewrite its log, say it restored a backup
    and leave the anchors out: the package was amber and started a new epoch,
    so the rewrite was never flagged.
    """
    return Verdict(WITNESS_BROKEN, str(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}的数据包说从备份恢复过,却没有带出本机已收到的任何一条审计记录的核对值(最近的是 {date} 收到的"
        "第 {n} 条),无法确认已经发出的审计记录没有被改写或删除。"), name=peer.name, date=_date(row.seen_at),
        n=row.count)), head, restored_at)


def _parse(block: Any) -> tuple[int, str, list[tuple[int, str]]] | None:
    if block is None:
        return None
    from desktop.sync.package_format import refused

    bad = refused(QT_TRANSLATE_NOOP("import", "数据包的清单不完整,已拒绝导入。"))
    if not isinstance(block, dict):
        raise bad
    count, head, anchors = block.get("count"), block.get("hash"), block.get("anchors", [])
    if not _is_count(count) or not isinstance(head, str) or not (_HASH.fullmatch(head) or head == audit.GENESIS):
        raise bad
    if not isinstance(anchors, list) or len(anchors) > MAX_ANCHORS:
        raise bad
    parsed = []
    for a in anchors:
        if (not isinstance(a, list) or len(a) != 2 or not _is_count(a[0]) or not isinstance(a[1], str)
                or not _HASH.fullmatch(a[1])):
            raise bad
        parsed.append((a[0], a[1]))
    return count, head, parsed


def _date(stamp: str) -> str:
    """The local date of a stored timestamp (its first ten characters if it is not ours)."""
    try:
        return local_display(stamp)[:10]
    except ValueError:
        return stamp[:10]


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**62


def _since_enrolment(peer: Peer, side: str):
    return AuditWitness.select().where(
        (AuditWitness.peer_code == peer.code) & (AuditWitness.side == side)
        & (AuditWitness.seen_at >= peer.enrolled_at))


def _epoch(peer: Peer) -> list[AuditWitness]:
    """The good heads of `peer`'s current chain: since enrolment and since its latest restore."""
    good = [r for r in _since_enrolment(peer, WITNESS_THEIRS) if r.status != WITNESS_BROKEN]
    start = max((r.package_number for r in good if r.status == WITNESS_RESTORED), default=0)
    return [r for r in good if r.package_number >= start]


def _baseline(peer: Peer) -> AuditWitness | None:
    return max(_epoch(peer), key=lambda r: (r.count, r.id), default=None)


def record(verdict: Verdict, manifest: dict[str, Any], peer: Peer, number: int, created_at: str) -> None:
    """Keep the head the package carried, and the echo of our own head (in the import's transaction)."""
    if verdict.head is not None or verdict.status == WITNESS_BROKEN:
        count, head = verdict.head or (0, "")
        AuditWitness.create(peer_code=peer.code, side=WITNESS_THEIRS, package_number=number, count=count,
                            hash=head, seen_at=now_utc(), status=verdict.status, reason=verdict.reason)
    block = manifest.get("audit")
    echo = block.get("echo") if isinstance(block, dict) else None
    if not isinstance(echo, dict):
        return
    count, head = echo.get("count"), echo.get("hash")
    if not _is_count(count) or not isinstance(head, str) or not _HASH.fullmatch(head):
        return
    if AuditWitness.select().where((AuditWitness.peer_code == peer.code) & (AuditWitness.side == WITNESS_OURS)
                                   & (AuditWitness.count == count) & (AuditWitness.hash == head)).exists():
        return
    status = WITNESS_OK if _our_hash(count) == head or not _restored_here() else WITNESS_RESTORED
    number_echoed = echo.get("number") if _is_count(echo.get("number")) else 0
    sent = AuditWitness.select().where((AuditWitness.peer_code == peer.code) & (AuditWitness.side == WITNESS_SENT)
                                       & (AuditWitness.count == count) & (AuditWitness.hash == head)).exists()
    AuditWitness.create(peer_code=peer.code, side=WITNESS_OURS, package_number=number_echoed, count=count,
                        hash=head, seen_at=created_at, status=status, reason="" if sent else NEVER_SENT)


def _our_hash(count: int) -> str | None:
    row = database.execute_sql("SELECT hash FROM audit_entry WHERE id = ?", (count,)).fetchone()
    return row[0] if row else None


def _restored_here() -> bool:
    """This database was restored and the peer has not yet seen a package made after it."""
    from desktop.sync import counters
    from models.entities import AppMeta

    return AppMeta.get_or_none(AppMeta.key == counters.KEY_RESTORED) is not None


# --- what the screens and `cunwu check` read ---------------------------------------------------------


@dataclass(frozen=True)
class PeerAudit:
    """A peer's audit as the 村庄 page shows it: ok, broken (red, sticky) or restored (amber)."""

    status: str = WITNESS_OK
    reason: str = ""
    date: str = ""  # local date of the flagged package


def peer_audit(peer: Peer) -> PeerAudit:
    """Broken when any package since enrolment was; restored when the latest one was; else ok."""
    rows = list(_since_enrolment(peer, WITNESS_THEIRS).order_by(AuditWitness.id))
    for r in rows:
        if r.status == WITNESS_BROKEN:
            return PeerAudit(WITNESS_BROKEN, r.reason, _date(r.seen_at))
    if rows and rows[-1].status == WITNESS_RESTORED:
        return PeerAudit(WITNESS_RESTORED, rows[-1].reason, _date(rows[-1].seen_at))
    return PeerAudit()


def peer_audits() -> dict[str, PeerAudit]:
    """`peer_audit` of every peer that has a flag (the register reads them at once)."""
    codes = {r.peer_code for r in AuditWitness.select(AuditWitness.peer_code).where(
        (AuditWitness.side == WITNESS_THEIRS) & (AuditWitness.status != WITNESS_OK)).distinct()}
    out = {}
    for peer in Peer.select().where(Peer.code.in_(codes)) if codes else []:
        found = peer_audit(peer)
        if found.status != WITNESS_OK:
            out[peer.code] = found
    return out


def check_problems(mode: str) -> list[Message]:
    """Rows of our chain that no longer have the hash a peer acknowledged (`cunwu check`)."""
    problems = []
    peers = {p.code: p for p in Peer.select()}
    for row in (AuditWitness.select().where((AuditWitness.side == WITNESS_OURS)
                                            & (AuditWitness.status == WITNESS_OK)).order_by(AuditWitness.count)):
        if _our_hash(row.count) == row.hash:
            continue
        date = _date(row.seen_at)
        if row.reason == NEVER_SENT:
            name = peers[row.peer_code].name if row.peer_code in peers else row.peer_code
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name} {date} 的数据包说收到过本机审计日志第 {n} 条的核对值,但它与本机的记录不一致,"
                "本机也从未发出过这个核对值:可能是{name}的软件被改动过,也可能本机的审计日志连同发送记录一起被改写过。"
                "请与{name}核对"), n=row.count, name=name, date=date))
            break
        if mode == MODE_TOWNSHIP:
            name = peers[row.peer_code].name if row.peer_code in peers else row.peer_code
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "本乡镇审计日志的第 {n} 条及以前的记录与{name} {date} 数据包中确认的不一致(记录在发出后被改动或删除)"),
                n=row.count, name=name, date=date))
        else:
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "本村审计日志的第 {n} 条及以前的记录与乡镇 {date} 回执中确认的不一致(记录在发出后被改动或删除)"),
                n=row.count, date=date))
        break  # the first one is the one to explain; every later acknowledgement fails with it
    return problems
