"""The county's 回执 to a township: which 县级汇总包 arrived, when, and what was wrong.

The county writes `<乡镇代码>_县级回执_<NNNN>_<日期>.cwpkg` (kind KIND) for a
township: every 汇总包 number it imported from that township with the day
it was imported, the number the county's data now comes from, and the notes
the import made (an older package that changed nothing, an older township
software without the 备案 register). Signed by the county, not encrypted
(no personal data). `cunwu export --to DIR` at the county writes one for
every township it imported something from; `--township CODE` for one.

The township imports it (`cunwu import FILE`) with the county's key pinned
from the county's 入网文件: its 汇总包 log entries become "acknowledged", and
the 报表 page reads `latest()` to say "县里已于…收到第 N 号汇总包". An older
回执 after a newer one changes nothing (acknowledgements only grow); the same
file twice changes nothing.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import fn

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.attachments_service import hash_file
from desktop.services.session import Session
from desktop.sync import county_enrollment, directions, keys, peers, upward
from desktop.sync import package_format as fmt
from desktop.sync.importer import journal_refusal
from models import audit
from models.clock import now_utc
from models.db import database
from models.entities import MODE_COUNTY, MODE_TOWNSHIP
from models.errors import PackageRefused, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.roles import Permission
from models.sync.records import (
    IN,
    OUT,
    STATUS_ACKED,
    STATUS_IMPORTED,
    STATUS_SENT,
    PackageLog,
    Peer,
)

_C = "county_receipt"
refused = fmt.refused
KIND = "county_receipt"
_MAX_ITEMS = 10_000
_WHEN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]{0,15}Z?)?")  # when the county imported it (ISO)
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def file_name(township_code: str, number: int, when: datetime) -> str:
    """`<乡镇代码>_县级回执_<NNNN>_<日期>.cwpkg`."""
    return f"{township_code}_县级回执_{number:04d}_{when:%Y%m%d}{fmt.SUFFIX}"


@dataclass(frozen=True)
class ReceiptResult:
    """A 回执 written for one township."""

    township_code: str
    township_name: str
    path: Path
    number: int
    received: tuple[int, ...]  # the 汇总包 numbers it acknowledges


# --- the county writes it -----------------------------------------------------------------------

def _received(township_code: str) -> list[dict]:
    rows = (PackageLog.select().where((PackageLog.peer_code == township_code) & (PackageLog.direction == IN)
                                      & (PackageLog.kind == upward.KIND) & (PackageLog.status == STATUS_IMPORTED))
            .order_by(PackageLog.number, PackageLog.id))
    seen: dict[int, dict] = {}
    for r in rows:
        seen.setdefault(r.number, {"number": r.number, "created_at": r.created_at, "imported_at": r.logged_at,
                                   "note": (r.reason or "")[:500]})
    return list(seen.values())


def townships_to_answer() -> list[str]:
    """Codes of the townships the county imported at least one 汇总包 from."""
    return [r.peer_code for r in PackageLog.select(PackageLog.peer_code).where(
        (PackageLog.direction == IN) & (PackageLog.kind == upward.KIND) & (PackageLog.status == STATUS_IMPORTED))
        .distinct().order_by(PackageLog.peer_code)]


def export_receipt(session: Session, paths: AppPaths, township_code: str, folder: Path,
                   now: datetime | None = None) -> ReceiptResult:
    """Write the 回执 for one township into `folder` (county only); logged as sent.

    Raises:
        ValidationError: not a county, an unknown township, nothing received from it, or no folder.
    """
    session.require(Permission.EXCHANGE)
    info = session.installation_info()
    if info is None or info.mode != MODE_COUNTY:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "只有县级版可以给乡镇写回执。")))
    peer = Peer.get_or_none((Peer.code == township_code) & (Peer.kind == MODE_TOWNSHIP))
    if peer is None:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "本县没有登记代码为 {code} 的乡镇。"),
                                  code=township_code))
    received = _received(peer.code)
    if not received:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "还没有导入过{name}的汇总包,没有可以回执的内容。"), name=peer.name))
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"),
                                  path=folder))
    current = database.execute_sql("SELECT package_number FROM county_township WHERE code = ?",
                                   (peer.code,)).fetchone()
    number = peer.last_out_no + 1
    body = {"county": {"code": info.code, "name": info.name}, "township": {"code": peer.code, "name": peer.name},
            "received": received, "data_from": current[0] if current else 0}
    keypair = keys.load_or_create(paths.keys)
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__,
                "schema_version": SCHEMA_VERSION, "kind": KIND, "package_id": str(uuid.uuid4()),
                "sender": {"code": info.code, "name": info.name, "kind": MODE_COUNTY},
                "recipient": {"code": peer.code, "name": peer.name}, "number": number, "created_at": now_utc(),
                "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public},
                "counts": {"received": len(received)}}
    last = received[-1]
    readme = "\r\n".join([
        "村务台账 县级回执", "", f"发送方:{info.name}({info.code})", f"接收方:{peer.name}({peer.code})",
        f"县里已收到第 {'、'.join(str(r['number']) for r in received[-20:])} 号汇总包"
        f"(最近一个于 {last['imported_at'][:10]} 导入)。",
        "请在乡镇的电脑上用“村务台账”导入本文件,不要解压或修改。", ""])
    when = now or datetime.now()
    path = fmt.write_package(folder, file_name(peer.code, number, when), manifest, readme,
                             [fmt.Member(fmt.RECORDS, fmt.canonical_json(body))], keypair.signing)
    with database.atomic():
        PackageLog.create(direction=OUT, peer_code=peer.code, number=number, kind=KIND, file_name=path.name,
                          file_sha256=hash_file(path)[0], created_at=manifest["created_at"],
                          records=len(received), counts=json.dumps(manifest["counts"]), status=STATUS_SENT)
        Peer.update(last_out_no=number, last_out_at=now_utc()).where(Peer.code == peer.code).execute()
    return ReceiptResult(peer.code, peer.name, path, number, tuple(r["number"] for r in received))


def export_receipts(session: Session, paths: AppPaths, folder: Path) -> list[ReceiptResult]:
    """A 回执 for every township the county imported from (one file each)."""
    return [export_receipt(session, paths, code, folder) for code in townships_to_answer()]


# --- the township reads it ----------------------------------------------------------------------

@dataclass(frozen=True)
class CountyAck:
    """What the county last said it received (the township's 报表 page)."""

    county_code: str
    county_name: str
    receipt_number: int
    receipt_created_at: str  # UTC text, when the county wrote the 回执
    imported_at: str  # UTC text, when this township imported it
    received: tuple[tuple[int, str], ...]  # (汇总包 number, the day the county imported it, ISO)
    notes: tuple[str, ...]  # the county's notes on the packages ("" dropped)

    @property
    def last_number(self) -> int:
        """The newest 汇总包 number the county has (0 none)."""
        return max((n for n, _ in self.received), default=0)

    @property
    def last_received_on(self) -> str:
        """The day the county imported that one (ISO date, "" none)."""
        return dict(self.received).get(self.last_number, "")


def is_receipt(path: Path) -> bool:
    """Whether `path` says it is a county's 回执 (unverified)."""
    try:
        opened = fmt.open_package(Path(path))
    except PackageRefused:
        return False
    try:
        return opened.manifest.get("kind") == KIND
    finally:
        opened.close()


def _parse(body: object) -> tuple[list[tuple[int, str, str]], int]:
    if not isinstance(body, dict) or not isinstance(body.get("received"), list) \
            or len(body["received"]) > _MAX_ITEMS:
        raise ValueError("shape")
    out = []
    for r in body["received"]:
        number, at, note = r.get("number"), r.get("imported_at"), r.get("note", "")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 10**9 \
                or not isinstance(at, str) or not _WHEN.fullmatch(at) or not isinstance(note, str) or len(note) > 500 \
                or _UNPRINTABLE.search(note):
            raise ValueError("item")
        out.append((number, at, note))
    data_from = body.get("data_from", 0)
    if not isinstance(data_from, int) or isinstance(data_from, bool) or data_from < 0:
        raise ValueError("data_from")
    return out, data_from


def import_receipt(session: Session, path: Path, paths: AppPaths) -> CountyAck:
    """Verify the county's 回执 with its pinned key and record it (township only); one transaction.

    Raises:
        PackageRefused: not a 回执 for this township, not from its county, or damaged.
    """
    session.require(Permission.EXCHANGE)
    path = Path(path)
    try:
        with database.atomic():
            return _import(session, path)
    except PackageRefused as exc:
        journal_refusal(paths.data_dir, path, str(exc))
        raise


def _import(session: Session, path: Path) -> CountyAck:
    info = setup_service.current()
    opened = fmt.open_package(path)
    try:
        m = opened.manifest
        wrong = directions.wrong_direction(m, info.mode if info else "")
        if wrong is not None:
            raise PackageRefused(wrong)
        if m.get("kind") != KIND:
            raise refused(QT_TRANSLATE_NOOP(_C, "这不是县里的回执。"))
        county = county_enrollment.county_peer()
        if county is None:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "本乡镇还没有加入县里:请先导入县里发来的入网文件,再导入县里的回执。"))
        sender = m.get("sender") if isinstance(m.get("sender"), dict) else {}
        recipient = m.get("recipient") if isinstance(m.get("recipient"), dict) else {}
        if sender.get("code") != county.code or sender.get("kind") != MODE_COUNTY:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "这个回执不是{name}({code})发来的,本乡镇只接收所属县的回执。"), name=county.name, code=county.code)
        if recipient.get("code") != info.code:
            raise refused(QT_TRANSLATE_NOOP(_C, "这个回执是发给 {code} 的,不是发给本乡镇({own})的。"),
                          code=str(recipient.get("code"))[:32], own=info.code)
        signed_by = m.get("sender_keys") if isinstance(m.get("sender_keys"), dict) else {}
        if signed_by.get("sign") != county.sign_key:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "这个回执不是由{name}登记的那台电脑签名的。已拒绝导入,请与县里核实。"), name=county.name)
        opened.verify_signature(county.sign_key)
        number, created = m.get("number"), m.get("created_at")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1 or not isinstance(created, str) \
                or len(created) > 32:
            raise refused(QT_TRANSLATE_NOOP(_C, "回执的清单不完整,已拒绝导入。"))
        try:
            received, _data_from = _parse(json.loads(opened.read(fmt.RECORDS).decode("utf-8")))
        except (ValueError, UnicodeDecodeError, AttributeError, RecursionError) as exc:
            raise refused(QT_TRANSLATE_NOOP(_C, "回执已损坏或不完整,请让县里重新导出一次。")) from exc
    finally:
        opened.close()
    peers.check_number(county, number)
    _refuse_never_sent([n for n, _, _ in received])
    sha = hash_file(path)[0]
    if not PackageLog.select().where((PackageLog.file_sha256 == sha) & (PackageLog.direction == IN)).exists():
        numbers = [n for n, _, _ in received]
        (PackageLog.update(status=STATUS_ACKED)
         .where((PackageLog.peer_code == upward.COUNTY) & (PackageLog.direction == OUT)
                & (PackageLog.kind == upward.KIND) & (PackageLog.status == STATUS_SENT)
                & PackageLog.number.in_(numbers or [0])).execute())
        body = {"received": [{"number": n, "imported_at": at, "note": note} for n, at, note in received]}
        PackageLog.create(direction=IN, peer_code=county.code, number=number, kind=KIND, file_name=path.name[:255],
                          file_sha256=sha, created_at=created, records=len(received),
                          counts=json.dumps(body, ensure_ascii=False), status=STATUS_IMPORTED)
        Peer.update(last_in_no=max(county.last_in_no, number), last_in_at=now_utc()).where(
            Peer.code == county.code).execute()
        Peer.update(out_acked_no=max(county.out_acked_no, max(numbers, default=0))).where(
            Peer.code == county.code).execute()
        audit.append(session.actor, "import", "package", path.name[:64], None,
                     {"sender": county.code, "number": number, "sha256": sha, "kind": KIND, "received": numbers})
    return latest()


def _refuse_never_sent(numbers: list[int]) -> None:
    """A 回执 acknowledges only 汇总包 this township wrote: a higher number would show as received on 报表."""
    sent = PackageLog.select(fn.MAX(PackageLog.number)).where(
        (PackageLog.peer_code == upward.COUNTY) & (PackageLog.direction == OUT)
        & (PackageLog.kind == upward.KIND)).scalar() or 0
    beyond = [n for n in numbers if n > sent]
    if beyond:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "回执说县里收到了第 {number} 号汇总包,而本乡镇没有发出过这个编号(最多到第 {sent} 号)。"
            "已拒绝导入,请与县里核实。"), number=min(beyond), sent=sent)


def latest() -> CountyAck | None:
    """The newest 回执 this township imported from its county (by the county's number), or None.

    For the township's 报表 page: "县里已于 {last_received_on} 收到第 {last_number} 号汇总包".
    """
    county = county_enrollment.county_peer()
    if county is None:
        return None
    row = (PackageLog.select().where((PackageLog.peer_code == county.code) & (PackageLog.direction == IN)
                                     & (PackageLog.kind == KIND) & (PackageLog.status == STATUS_IMPORTED))
           .order_by(PackageLog.number.desc(), PackageLog.id.desc()).first())
    if row is None:
        return None
    try:
        items = json.loads(row.counts).get("received", [])
    except (ValueError, AttributeError):
        items = []
    received = tuple((int(i["number"]), str(i["imported_at"])[:10]) for i in items)
    notes = tuple(str(i.get("note", "")) for i in items if i.get("note"))
    return CountyAck(county.code, county.name, row.number, row.created_at, row.logged_at, received, notes)
