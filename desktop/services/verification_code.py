"""核验码 on printed documents, and checking a typed code against the records this PC holds.

Why the code is made this way. Paper travels where packages do not: a 会议记录
is shown at the township, a 公开栏 poster is photographed, a 民主评议 result
is read out, a 备案回执 is kept in the village's file. Whoever checks the paper
later (the township, usually) holds the records as the village's signed
packages brought them, rows exactly as the owner stored them, `seq` included
(DESIGN §4). So the code is computed only from what both sides hold byte for
byte: the document kind, the record id, its change number (the highest `seq`
of the record and of the children the paper prints) and the canonical rows of
exactly those records (see `models.verification_code`). The township computes
the same digest over its own copy; equal means "this paper was printed from
the version I received", different means the paper was altered or the record
was changed after printing (its change number on this PC says which version
arrived).

Why the audit head is not mixed into the digest itself: the head moves with
every unrelated write in the village, and the township only ever sees the
heads carried by packages, so a digest over the head at the moment of
printing could not be recomputed at the township. The change number binds
the paper to one point of the village's history instead, and the audit head
enters where the township can check it: the verdict reads the witness the
township keeps of that village's chain (`audit_witness`, issue 16) and warns
when that chain was found rewritten — a match against records whose audit
does not hold is said to be one.

What a match does not prove: that the paper says what the record says. A
forger who copies a genuine code onto an altered paper gets "matches", so the
verdict shows what this PC holds (title, date, change number) for the person
to compare with the paper in hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import verification_code as vc
from models.db import database
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "verification_code"
MEETING, POSTER, APPRAISAL, FILING = vc.MEETING, vc.POSTER, vc.APPRAISAL, vc.FILING


@dataclass(frozen=True)
class Document:
    """One kind of printed document: its root table and the children the paper prints."""

    kind: str
    label: str
    root: str
    #: (table, foreign-key column, parent table) in the order they hang off each other
    children: tuple[tuple[str, str, str], ...] = ()


DOCUMENTS = {d.kind: d for d in (
    Document(vc.MEETING, QT_TRANSLATE_NOOP(_C, "会议记录"), "meeting",
             (("agenda_item", "meeting_id", "meeting"), ("resolution", "meeting_id", "meeting"),
              ("meeting_attendance", "meeting_id", "meeting"))),
    Document(vc.POSTER, QT_TRANSLATE_NOOP(_C, "公开栏公开表"), "disclosure_item",
             (("financial_posting", "item_id", "disclosure_item"),
              ("financial_line", "posting_id", "financial_posting"))),
    Document(vc.APPRAISAL, QT_TRANSLATE_NOOP(_C, "民主评议结果"), "appraisal",
             (("appraisal_result", "appraisal_id", "appraisal"),)),
    Document(vc.FILING, QT_TRANSLATE_NOOP(_C, "备案回执"), "rule_filing"),
)}


@dataclass
class Verdict:
    """What a typed code says about the paper: matches (True), does not (False) or unknown here (None)."""

    match: bool | None
    reason: Message
    kind: str = ""  # the document's label ("会议记录"), "" for a malformed code
    village: str = ""
    title: str = ""
    seq: int = 0  # the change number of the version this PC holds
    warnings: list[Message] = field(default_factory=list)


def _rows(table: str, where: str, params) -> list[dict]:
    cursor = database.execute_sql(f'SELECT * FROM "{table}" WHERE {where}', params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _content(doc: Document, root: dict) -> tuple[int, list[tuple[str, list]]]:
    """(change number, canonical rows) of the record `root` and the children its paper prints."""
    ids = {doc.root: [root["id"]]}
    found = [(doc.root, root)]
    for table, fk, parent in doc.children:
        parents = ids.get(parent, [])
        rows = []
        for start in range(0, len(parents), 500):
            chunk = parents[start:start + 500]
            rows += _rows(table, f'"{fk}" IN ({",".join("?" * len(chunk))})', chunk)
        ids[table] = [r["id"] for r in rows]
        found += [(table, r) for r in rows]
    seq = max(int(r["seq"]) for _, r in found)
    return seq, [(t, sorted(r.items())) for t, r in found]


def code_for(kind: str, record_id: str) -> str:
    """The 核验码 of the document `kind` printed now from `record_id` (as this PC holds it)."""
    doc = DOCUMENTS[kind]
    rows = _rows(doc.root, "id = ?", (record_id,))
    if not rows:
        raise LookupError(record_id)
    seq, content = _content(doc, rows[0])
    return vc.make(kind, record_id, seq, content)


def footer_html(kind: str, record_id: str, size_pt: int = 10) -> str:
    """The line printed at the foot of a document: its code and where to check it.

    `size_pt`: the poster, read (or photographed) from a distance, prints it larger.
    """
    from html import escape

    try:
        code = code_for(kind, record_id)
    except (LookupError, ValueError):  # not saved yet, or an id that is no UUID: print the paper without a code
        return ""
    text = str(msg(_C, QT_TRANSLATE_NOOP(_C, "核验码:{code}(乡镇可在“核验纸质件”中输入此码,核对本件与所收数据是否一致)"),
                   code=code))
    return f"<p style='font-size:{size_pt}pt; color:#333'>{escape(text)}</p>"


def _title(kind: str, root: dict) -> str:
    if kind == vc.FILING:
        version = _rows("rule_version", "id = ?", (root["version_id"],))
        title = version[0]["title"] if version else ""
        return f"{root['receipt_no']} {title}".strip()
    if kind == vc.APPRAISAL:
        return f"{root['year']}年民主评议({root['held_on']})"
    return str(root.get("title", ""))


def _owner_name(owner: str) -> tuple[str, bool]:
    """(name of the owner, whether it is this installation)."""
    from desktop.services import setup_service

    info = setup_service.current()
    if info is not None and info.code == owner:
        return info.name, True
    row = database.execute_sql("SELECT name FROM peer WHERE code = ?", (owner,)).fetchone()
    return (row[0] if row else owner), False


def _package_number(owner: str, seq: int) -> int | None:
    """The number of the package from `owner` that brought change number `seq` (None if not known)."""
    row = database.execute_sql(
        "SELECT MIN(number) FROM package_log WHERE direction = 'in' AND peer_code = ? AND status = 'imported'"
        " AND seq_from < ? AND seq_to >= ?", (owner, seq, seq)).fetchone()
    return row[0] if row and row[0] else None


def _audit_warnings(owner: str) -> list[Message]:
    row = database.execute_sql(
        "SELECT status, reason, package_number FROM audit_witness WHERE peer_code = ? AND side = 'theirs'"
        " ORDER BY id DESC LIMIT 1", (owner,)).fetchone()
    if row and row[0] == "broken":
        return [msg(_C, QT_TRANSLATE_NOOP(
            _C, "注意:该村第 {n} 号数据包的审计记录与本机先前收到的不衔接(已送出的记录被删改过),这份记录本身也可能不可信。"),
            n=row[2])]
    return []


def verify(text: str) -> Verdict:
    """Check a typed 核验码 against the records on this PC."""
    try:
        parsed = vc.parse(text)
    except vc.CodeError:
        return Verdict(False, msg(_C, QT_TRANSLATE_NOOP(
            _C, "核验码有误:请核对是否抄错。核验码共 12 位(如 MK7Q-M2XD-P9AE),不含数字 0、1 和字母 O、I。")))
    doc = DOCUMENTS[parsed.kind]
    label = str(msg(_C, doc.label))
    # ids are lowercase hex and dashes, all below "g": the range is exactly the ids with this prefix
    candidates = _rows(doc.root, "id >= ? AND id < ? ORDER BY seq DESC", (parsed.id_prefix, parsed.id_prefix + "g"))
    if not candidates:
        return Verdict(None, msg(_C, QT_TRANSLATE_NOOP(
            _C, "本机还没有这份{kind}:可能村里还没有把它所在的数据包送来,请导入后再核验。"), kind=label), kind=label)
    checked = []
    for root in candidates:
        seq, content = _content(doc, root)
        owner, mine = _owner_name(root["owner"])
        checked.append((root, seq, owner, mine))
        if vc.digest(parsed.kind, root["id"], seq, content) == parsed.digest:
            return _matched(parsed.kind, label, root, seq, owner, mine)
    root, seq, owner, mine = checked[0]
    return Verdict(False, msg(_C, QT_TRANSLATE_NOOP(
        _C, "纸上的内容与本机保存的不一致:可能纸质件被改动,或村里打印后又修改了记录(本机保存的是变更序号 {seq} 的版本)。"),
        seq=seq), kind=label, village=owner, title=_title(parsed.kind, root), seq=seq,
        warnings=_audit_warnings(root["owner"]))


def _matched(kind: str, label: str, root: dict, seq: int, owner: str, mine: bool) -> Verdict:
    title = _title(kind, root)
    if mine:
        reason = msg(_C, QT_TRANSLATE_NOOP(_C, "与本机保存的记录一致(变更序号 {seq} 的版本)。"), seq=seq)
    else:
        number = _package_number(root["owner"], seq)
        reason = (msg(_C, QT_TRANSLATE_NOOP(_C, "与本机收到的{village}第 {n} 号数据包中的记录一致。"),
                      village=owner, n=number) if number else
                  msg(_C, QT_TRANSLATE_NOOP(_C, "与本机保存的{village}的记录一致(变更序号 {seq} 的版本)。"),
                      village=owner, seq=seq))
    return Verdict(True, reason, kind=label, village=owner, title=title, seq=seq,
                   warnings=_audit_warnings(root["owner"]))
