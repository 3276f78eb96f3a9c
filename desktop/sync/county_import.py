"""The county imports a township's 县级汇总包: check everything, then replace that township's data.

Checks, each refusing the whole package with a Chinese reason and no change
to the database: a package for the county at all (`directions`: a village's
data package, a 回执, a 入网文件 are each refused with where they belong),
the structure (`package_format`), addressed to this county (or, from an
older township, to no county in particular), a township this county
enrolled and has not retired, the signature with its pinned key (on its
first package the key it carries, confirmed by the fingerprint a person
typed after the phone call — `first_contact`, the same rule as villages),
a sane number, the counts the manifest promises, and the meaning of every
value (`models.county.aggregate`).

Then, in one transaction: a package newer than the one the township's data
comes from replaces all of that township's rows; the same file again changes
nothing (idempotent); an older package arriving late is logged and changes
nothing (order-tolerant). Refusals go to the journal beside the database,
never into it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from desktop.paths import AppPaths
from desktop.services import setup_service, status_service
from desktop.services.attachments_service import hash_file
from desktop.services.session import Session
from desktop.sync import directions, first_contact, keys, peers
from desktop.sync import package_format as fmt
from desktop.sync.importer import journal_refusal
from desktop.sync.upward import AGGREGATE_FORMAT
from models import audit
from models.clock import now_utc
from models.county import aggregate as agg
from models.db import database
from models.entities import MODE_COUNTY, MODE_TOWNSHIP, AppMeta
from models.errors import PackageRefused
from models.messages import QT_TRANSLATE_NOOP
from models.roles import Permission
from models.sync.records import (
    IN,
    PEER_ACTIVE,
    PEER_PENDING,
    STATUS_IMPORTED,
    PackageLog,
    Peer,
    RetiredKey,
)

_C = "county_import"
refused = fmt.refused
KIND = "aggregate"
#: The body unpacked is at most this big (a zlib bomb is refused before it fills the memory).
MAX_BODY_BYTES = 64 * 1024**2  # a real township's is a few MB (30 villages × 10 years, every rule's text)


@dataclass
class AggregatePlan:
    """A verified 汇总包 and what importing it does (the preview)."""

    path: Path
    file_sha256: str
    sender_code: str
    sender_name: str  # as the county registered the township (the manifest's name is the package's words)
    number: int
    created_at: str
    fingerprint: str
    first_contact: bool
    peer_name: str = ""
    already_imported: bool = False
    older: bool = False  # a newer package of this township is already in: nothing changes
    villages: int = 0
    periods: int = 0
    filings: int = 0
    warnings: list[str] = field(default_factory=list)
    #: The sender is a township: it shows its fingerprint on 报表 and in 帮助 → 关于 (it has no 数据交换 page).
    from_township: ClassVar[bool] = True
    _body: agg.Aggregate | None = field(default=None, repr=False)
    _manifest: dict = field(default_factory=dict, repr=False)

    def summary_lines(self) -> list[str]:
        """A person's reading of the plan."""
        lines = [f"{self.peer_name}({self.sender_code})第 {self.number} 号县级汇总包,生成于 {self.created_at[:10]}"]
        if self.already_imported:
            lines.append("这个汇总包已经导入过,没有任何变化。")
            return lines
        if not self.older:  # an older one: its warning says so, with both numbers (said once, not twice)
            lines.append(f"  {self.villages} 个村、{self.periods} 个期间的合规情况,{self.filings} 件备案的村规民约。")
        lines += [f"注意:{w}" for w in self.warnings]
        return lines


def _text(m: dict, *path: str) -> str:
    value = m
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value or len(value) > 128:
        raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单不完整,已拒绝导入。"))
    return value


def _number(m: dict, key: str) -> int:
    value = m.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单不完整,已拒绝导入。"))
    return value


def plan_aggregate(path: Path, paths: AppPaths) -> AggregatePlan:
    """Verify a 汇总包 completely and work out what it would change (reads only).

    Raises:
        PackageRefused: with the reason; nothing was changed.
    """
    path = Path(path)
    info = setup_service.current()
    if info is None or info.mode != MODE_COUNTY:
        raise refused(QT_TRANSLATE_NOOP(_C, "县级汇总包只能在县级版的电脑上导入。"))
    opened = fmt.open_package(path)
    try:
        m = opened.manifest
        wrong = directions.wrong_direction(m, MODE_COUNTY)
        if wrong is not None:
            raise PackageRefused(wrong)
        if m.get("kind") != KIND:
            raise refused(QT_TRANSLATE_NOOP(_C, "这不是县级汇总包,县里不能导入。"))
        sender_code = _text(m, "sender", "code")
        if m["sender"].get("kind") != MODE_TOWNSHIP:  # a dict: `_text` read its code
            raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的发送方不是乡镇,已拒绝导入。"))
        to = m.get("recipient") if isinstance(m.get("recipient"), dict) else {}
        recipient = to.get("code")
        if recipient not in ("", info.code):
            raise refused(QT_TRANSLATE_NOOP(
                _C, "这个汇总包是发给 {name}({code})的,不是发给本县({own})的。"),
                name=str(to.get("name", ""))[:64], code=str(recipient)[:32], own=info.code)
        peer = peers.get(sender_code)
        if peer is None or peer.kind != MODE_TOWNSHIP:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "不认识代码为 {code} 的乡镇:本县没有给它入网。请先在“乡镇”里为它生成入网文件,"
                "乡镇导入后重新导出汇总包。已拒绝导入。"), code=sender_code)
        peers.require_usable(peer, sender_code)
        sign_key, box_key = _text(m, "sender_keys", "sign"), _text(m, "sender_keys", "box")
        first = peer.status == PEER_PENDING
        if first:
            if RetiredKey.select().where((RetiredKey.peer_code == peer.code)
                                         & (RetiredKey.sign_key == sign_key)).exists():
                raise refused(QT_TRANSLATE_NOOP(
                    _C, "{name}使用的是已经停用的密钥(旧电脑)。请在新电脑上导入县里的入网文件后再导出。"), name=peer.name)
            opened.verify_signature(sign_key)
        else:
            if sign_key != peer.sign_key:
                raise refused(QT_TRANSLATE_NOOP(
                    _C, "{name}的汇总包不是由登记的那台电脑签名的(可能换了电脑或重装了系统)。"
                    "如确实换了电脑,请在“乡镇”里为它重新入网。已拒绝导入。"), name=peer.name)
            opened.verify_signature(peer.sign_key)
        try:
            fingerprint = keys.fingerprint(sign_key, box_key)
        except ValueError as exc:
            raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单不完整,已拒绝导入。")) from exc
        plan = AggregatePlan(path, hash_file(path)[0], sender_code, peer.name, _number(m, "number"),
                             _text(m, "created_at"), fingerprint, first, peer_name=peer.name, _manifest=m)
        peers.check_number(peer, plan.number)
        _check_format(m)
        if PackageLog.select().where((PackageLog.file_sha256 == plan.file_sha256) & (PackageLog.direction == IN)
                                     & (PackageLog.status == STATUS_IMPORTED)).exists():
            plan.already_imported = True
            return plan
        _refuse_reused_number(peer, plan.number)
        body = _body(opened)
    finally:
        opened.close()
    try:
        parsed = agg.parse(body, sender_code, plan.created_at)
    except agg.BadAggregate as exc:
        raise PackageRefused(exc.message) from None
    counts = m.get("counts")
    expected = {"villages": len(parsed.villages), "periods": len(parsed.periods)}
    if parsed.format >= 2:
        expected["filings"] = len(parsed.filings)
    if not isinstance(counts, dict) or counts != expected:
        raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单与内容不一致,已拒绝导入。"))
    plan._body = parsed
    plan.villages, plan.periods, plan.filings = len(parsed.villages), len(parsed.periods), len(parsed.filings)
    current = database.execute_sql("SELECT package_number FROM county_township WHERE code = ?",
                                    (sender_code,)).fetchone()
    plan.older = bool(current and current[0] >= plan.number)
    if plan.older:
        plan.warnings.append(f"这是较早的第 {plan.number} 号汇总包(已导入第 {current[0]} 号),数据不会被覆盖。")
    if parsed.township_name != peer.name:  # the county's register names its townships, not their packages
        plan.warnings.append(f"汇总包中乡镇自称“{parsed.township_name}”,与本县登记的名称“{peer.name}”不同;"
                             "本县仍按登记的名称显示。如乡镇确已更名,请在“乡镇”里为它重新入网。")
    if parsed.format < 2:
        plan.warnings.append("这个汇总包由较早版本的乡镇软件生成,没有备案登记和村规民约条文;请乡镇升级软件后重新导出。")
    if first:
        plan.warnings.append(f"这是{peer.name}的第一个汇总包。导入前请打电话给对方核对电脑指纹:"
                             "请对方念出 8 位电脑指纹,输入后才能导入。")
    return plan


def _check_format(m: dict) -> None:
    """The 汇总包 format the township wrote: absent (older software), or one this county reads."""
    value = m.get("aggregate_format", 1)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单不完整,已拒绝导入。"))
    if value > AGGREGATE_FORMAT:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这个汇总包是第 {n} 版格式,由更新版本的乡镇软件生成,本机只认识到第 {known} 版。"
            "请升级本机的软件后再导入。已拒绝导入。"), n=value, known=AGGREGATE_FORMAT)


def _refuse_reused_number(peer: Peer, number: int) -> None:
    """A township numbers each 汇总包 once: the same number with other contents is not its software's."""
    if PackageLog.select().where((PackageLog.peer_code == peer.code) & (PackageLog.direction == IN)
                                 & (PackageLog.kind == KIND) & (PackageLog.number == number)
                                 & (PackageLog.status == STATUS_IMPORTED)
                                 & (PackageLog.logged_at >= peer.enrolled_at)).exists():
        raise refused(QT_TRANSLATE_NOOP(
            _C, "{name}的第 {number} 号汇总包已经导入过,这个文件编号相同而内容不同(可能被改动过,或乡镇从备份恢复后"
            "重复使用了编号)。已拒绝导入,请乡镇重新导出。"), name=peer.name, number=number)


def _body(opened: fmt.OpenedPackage) -> object:
    if fmt.RECORDS not in opened.member_names():
        raise refused(QT_TRANSLATE_NOOP(_C, "汇总包的清单不完整,已拒绝导入。"))
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(opened.read(fmt.RECORDS), MAX_BODY_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("too big or truncated")
        return json.loads(raw.decode("utf-8"), object_pairs_hook=fmt.unique_keys)
    except fmt.DuplicateKey as exc:
        raise fmt.duplicate_key(exc) from None
    except (zlib.error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "汇总包已损坏或不完整(可能是U盘拔出过早,或文件被改动过)。请让乡镇重新导出一次。")) from exc


def apply_aggregate(session: Session, path: Path, paths: AppPaths,
                    confirm: Callable[[AggregatePlan], None] | None = None) -> AggregatePlan:
    """Verify and apply a 汇总包 in one transaction; returns what was done.

    `confirm` sees the verified plan before anything is written and may refuse
    it; it defaults to `first_contact.refuse_first_contact` (a township's first
    package needs the fingerprint a person typed: `first_contact.confirmer`).

    Raises:
        PackageRefused: with the reason; the database is exactly as before.
    """
    session.require(Permission.EXCHANGE)
    try:
        with database.atomic():
            plan = plan_aggregate(path, paths)
            (confirm or first_contact.refuse_first_contact)(plan)
            if plan.already_imported:
                return plan
            peer = Peer.get(Peer.code == plan.sender_code)
            if not plan.older:
                _replace(plan)
            _book(session, plan, peer)
        return plan
    except PackageRefused as exc:
        journal_refusal(paths.data_dir, Path(path), str(exc))
        raise


def _replace(plan: AggregatePlan) -> None:
    """That township's rows, all of them replaced by the package's (other townships untouched)."""
    body = plan._body
    code = plan.sender_code
    for table in ("county_article", "county_filing", "county_cell", "county_township_cell", "county_period",
                  "county_village"):
        if table == "county_article":
            database.execute_sql("DELETE FROM county_article WHERE filing_id IN "
                                 "(SELECT id FROM county_filing WHERE township_code = ?)", (code,))
        else:
            database.execute_sql(f'DELETE FROM "{table}" WHERE township_code = ?', (code,))
    taken = {c for (c,) in database.execute_sql(
        f"SELECT code FROM county_village WHERE code IN ({','.join('?' * len(body.villages))})",
        [v[0] for v in body.villages]).fetchall()} if body.villages else set()
    if taken:  # a village another township's package claims: two townships cannot hold one village
        raise refused(QT_TRANSLATE_NOOP(
            _C, "汇总包中的村 {code} 已由本县另一个乡镇的汇总包报送,一个村只能属于一个乡镇。已拒绝导入。"),
            code=sorted(taken)[0])
    database.executemany(
        "INSERT INTO county_village (township_code, code, name, province, data_as_of) VALUES (?, ?, ?, ?, ?)",
        [(code, *v) for v in body.villages])
    database.executemany(
        "INSERT INTO county_period (township_code, period, label, data_as_of) VALUES (?, ?, ?, ?)",
        [(code, *p) for p in body.periods])
    database.executemany(
        "INSERT INTO county_cell (township_code, period, village_code, obligation, state, done, late, expected) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(code, *c) for c in body.cells])
    database.executemany(
        "INSERT INTO county_township_cell (township_code, period, obligation, state, done, late, expected) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", [(code, *t) for t in body.township_cells])
    for f in body.filings:
        cur = database.execute_sql(
            "INSERT INTO county_filing (township_code, village_code, title, version_no, adopted_on, filed_on, "
            "receipt_no, receipt_date, correction, articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (code, f.village_code, f.title, f.version_no, f.adopted_on, f.filed_on, f.receipt_no, f.receipt_date,
             f.correction, len(f.articles)))
        database.executemany(
            "INSERT INTO county_article (filing_id, position, chapter, label, text) VALUES (?, ?, ?, ?, ?)",
            [(cur.lastrowid, *a) for a in f.articles])
    database.execute_sql(
        "INSERT INTO county_township (code, name, province, package_number, package_created_at, imported_at, "
        "data_as_of, package_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
        "name = excluded.name, province = excluded.province, package_number = excluded.package_number, "
        "package_created_at = excluded.package_created_at, imported_at = excluded.imported_at, "
        "data_as_of = excluded.data_as_of, package_format = excluded.package_format",
        (code, plan.peer_name, body.province, plan.number, plan.created_at, now_utc(), body.data_as_of,
         body.format))


def _book(session: Session, plan: AggregatePlan, peer: Peer) -> None:
    m = plan._manifest
    counts = {"villages": plan.villages, "periods": plan.periods, "filings": plan.filings}
    PackageLog.create(direction=IN, peer_code=peer.code, number=plan.number, kind=KIND, file_name=plan.path.name,
                      file_sha256=plan.file_sha256, created_at=plan.created_at, seq_from=0, seq_to=0,
                      records=plan.villages, counts=json.dumps(counts, ensure_ascii=False), status=STATUS_IMPORTED,
                      reason="\n".join(plan.warnings))
    changes: dict = {"last_in_at": now_utc(), "last_in_no": max(peer.last_in_no, plan.number)}
    if plan.first_contact:
        changes.update(status=PEER_ACTIVE, sign_key=m["sender_keys"]["sign"], box_key=m["sender_keys"]["box"],
                       fingerprint=plan.fingerprint)
    Peer.update(**changes).where(Peer.code == peer.code).execute()
    if not plan.older:  # the status bar's 最近接收 names the newest data, not an older file that changed nothing
        text = f"第 {plan.number} 号 {plan.created_at[:10]}({plan.peer_name})"
        AppMeta.insert(key=status_service.KEY_LAST_RECEIVED, value=text).on_conflict(
            conflict_target=[AppMeta.key], update={AppMeta.value: text}).execute()
    audit.append(session.actor, "import", "package", plan.path.name[:64], None,
                 {"sender": plan.sender_code, "number": plan.number, "sha256": plan.file_sha256,
                  "kind": KIND, "counts": counts, "older": plan.older})

