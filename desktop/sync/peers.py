"""Peers: the township a village reports to, the villages a township supervises.

Also the bookkeeping both directions share: the watermark of a peer's
changes we hold without a gap (recomputed from the ranges of the packages
actually imported, so packages may arrive in any order), and the gaps a
person should be told about ("缺少第 7 号数据包").
"""

from __future__ import annotations

from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import PackageRefused
from models.messages import QT_TRANSLATE_NOOP, msg
from models.sync.records import IN, PEER_RETIRED, STATUS_IMPORTED, PackageLog, Peer

_C = "peers"


def township_peer() -> Peer | None:
    """The village's township (None before the setup package was read)."""
    return Peer.select().where(Peer.kind == MODE_TOWNSHIP).first()


def village_peers() -> list[Peer]:
    """The villages a township has enrolled, by code."""
    return list(Peer.select().where(Peer.kind == MODE_VILLAGE).order_by(Peer.code))


def township_peers() -> list[Peer]:
    """The townships a county has enrolled, by code (issue 19)."""
    return list(Peer.select().where(Peer.kind == MODE_TOWNSHIP).order_by(Peer.code))


def get(code: str) -> Peer | None:
    """The peer with this code, or None."""
    return Peer.get_or_none(Peer.code == code)


def require_usable(peer: Peer | None, code: str) -> Peer:
    """The peer, unless it is unknown or retired (then a Chinese refusal)."""
    if peer is None:
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "不认识代码为 {code} 的单位:它没有在本机登记(入网)。请先在“村庄”里新增该村,或导入乡镇的入网文件。"),
            code=code))
    if peer.status == PEER_RETIRED:
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}({code})已经停用,不再接收它的数据包。"), name=peer.name, code=code))
    return peer


#: How far past the last package received from a peer a new one's number may go. Numbers count the
#: packages a sender wrote for us, one by one: a gap is packages lost on the way (a few, rarely tens).
MAX_NUMBER_GAP = 10_000


def check_number(peer: Peer, number: int) -> None:
    """Refuse a package numbered far beyond the last one received from `peer` (a signed but forged number).

    A number of 2^40 made the preview list every number below it as missing
    (it never ended, nor did any later import of that peer), and once stored
    it made every genuine package after it look "older" than the last one.

    Raises:
        PackageRefused: naming both numbers.
    """
    if number > peer.last_in_no + MAX_NUMBER_GAP:
        raise PackageRefused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}的这个数据包编号为第 {number} 号,而本机收到的上一个是第 {last} 号:"
            "中间不可能有这么多数据包,这不是本软件写出的编号。已拒绝导入。"),
            name=peer.name, number=number, last=peer.last_in_no))


def imported_ranges(peer: Peer) -> list[tuple[int, int, int]]:
    """(number, seq_from, seq_to) of the packages imported from this peer since it was enrolled."""
    rows = (PackageLog.select(PackageLog.number, PackageLog.seq_from, PackageLog.seq_to)
            .where((PackageLog.peer_code == peer.code) & (PackageLog.direction == IN)
                   & (PackageLog.status == STATUS_IMPORTED) & (PackageLog.kind == "data")
                   & (PackageLog.logged_at >= peer.enrolled_at)))
    return [(r.number, r.seq_from, r.seq_to) for r in rows]


def imported_ranges_of(peer_list: list[Peer]) -> dict[str, list[tuple[int, int, int]]]:
    """`imported_ranges` of every peer in `peer_list`, read in one query (keyed by code).

    The 村庄 register and the township's 首页 show every village's gaps: one
    query per village was 200 queries at 200 villages, on each showing.
    """
    enrolled = {p.code: p.enrolled_at for p in peer_list}
    out: dict[str, list[tuple[int, int, int]]] = {code: [] for code in enrolled}
    if not enrolled:
        return out
    rows = (PackageLog.select(PackageLog.peer_code, PackageLog.logged_at, PackageLog.number, PackageLog.seq_from,
                              PackageLog.seq_to)
            .where((PackageLog.direction == IN) & (PackageLog.status == STATUS_IMPORTED)
                   & (PackageLog.kind == "data")).tuples())
    for code, logged_at, number, seq_from, seq_to in rows:
        since = enrolled.get(code)
        if since is not None and logged_at >= since:  # as `imported_ranges`: text order, as SQLite compares
            out[code].append((number, seq_from, seq_to))
    return out


def watermark(ranges: list[tuple[int, int, int]]) -> int:
    """The highest change number held with no gap below it."""
    mark = 0
    for _, start, end in sorted(ranges, key=lambda r: (r[1], r[2])):
        if start <= mark:
            mark = max(mark, end)
    return mark


def missing_numbers(ranges: list[tuple[int, int, int]]) -> list[int]:
    """Package numbers below the newest imported one that never arrived *and* whose changes we lack.

    A lost package whose changes a later package carried again (it overlaps,
    because the later one starts at the last acknowledged change) is not
    reported: nothing is missing.
    """
    if not ranges:
        return []
    mark = watermark(ranges)
    numbers = {n for n, _, _ in ranges}
    beyond = [n for n, start, _ in ranges if start > mark]
    if not beyond:
        return []
    first_uncovered = min(beyond)
    return [n for n in range(1, first_uncovered) if n not in numbers and n > _covered_number(ranges, mark)]


def _covered_number(ranges: list[tuple[int, int, int]], mark: int) -> int:
    covered = [n for n, start, end in ranges if end <= mark]
    return max(covered) if covered else 0
