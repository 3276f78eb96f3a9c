"""Reading a data package: check everything, preview, then apply in one transaction.

Order of checks, each refusing the whole package with a Chinese reason and
no change to the database: structure and format (`package_format`), addressed
to us, a known and not retired sender, the signature with the pinned key (or,
on a village's first package, the key it carries — the township confirms its
fingerprint by phone), every member's hash, decryption, the payload's shape,
and authority: every record must be owned by the sender, may not touch a
record that someone else owns, must be of a table the sender may write, and
may point only where `models.sync.authority` allows.

Then each record is classified against what we hold, by the owner's change
number (`seq`, kept as the owner wrote it): *new*, *changed* (newer),
*same*, *older* (an old package arriving late — nothing is rolled back), or
*conflict* — two different versions from the same owner with no order
between them (the sender restored an old backup and wrote again). A conflict
keeps the local version in place and stores the incoming one beside it for a
person to choose; nothing is overwritten silently.

Refusals are not written to the database (the database must stay exactly as
it was); they go to a small journal file beside it, which the history shows.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import IntegrityError

from desktop.paths import AppPaths
from desktop.services import setup_service, status_service
from desktop.services.attachments_service import hash_file, stored_path
from desktop.services.session import Session
from desktop.sync import (
    ack_check,
    boundary,
    counters,
    directions,
    escalations,
    first_contact,
    payload,
    peers,
    register_links,
    witness,
)
from desktop.sync import keys as keys_mod
from desktop.sync import package_format as fmt
from desktop.sync.import_backup import ImportBackup
from desktop.sync.sealing import Opener, SealError
from models import audit, audit_replay, search_index
from models.clock import now_utc
from models.db import database, optimize
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE, AppMeta, Village
from models.errors import PackageRefused
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.sync import authority, fields, policy
from models.sync.records import (
    IN,
    OUT,
    PEER_ACTIVE,
    PEER_PENDING,
    STATUS_ACKED,
    STATUS_IMPORTED,
    STATUS_SENT,
    PackageLog,
    Peer,
    RetiredKey,
    SyncConflict,
)

_C = "import"
refused = fmt.refused
_CHUNK = 400

NEW, CHANGED, SAME, OLDER, CONFLICT = "new", "changed", "same", "older", "conflict"


@dataclass
class TableChange:
    """How the records of one table compare with ours."""

    table: str
    new: int = 0
    changed: int = 0
    same: int = 0
    older: int = 0
    conflict: int = 0
    deleted: int = 0  # of the new and changed ones: deletions (they arrive in the recycle view)

    @property
    def label(self) -> str:
        """The table's plural label."""
        return policy.label(self.table)


@dataclass
class ImportPlan:
    """A verified package and what applying it would do (the preview)."""

    path: Path
    file_sha256: str
    sender_code: str
    sender_name: str
    sender_kind: str
    number: int
    created_at: str
    full: bool
    seq_from: int
    seq_to: int
    fingerprint: str
    first_contact: bool  # the sender's key is pinned by this import
    peer_name: str = ""  # the sender as *we* registered it (the manifest's name is the sender's own words)
    already_imported: bool = False
    restored: bool = False  # the sender restored a backup: compare record by record
    tables: list[TableChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    attachments: int = 0
    readme: str = ""
    # internal: what to write
    _writes: dict[str, tuple[list[str], list[list[Any]]]] = field(default_factory=dict, repr=False)
    _inserts: dict[str, list[list[Any]]] = field(default_factory=dict, repr=False)
    _conflicts: list[tuple[str, str, str, dict, dict]] = field(default_factory=list, repr=False)
    _blobs: dict[str, bytes] = field(default_factory=dict, repr=False)
    _manifest: dict[str, Any] = field(default_factory=dict, repr=False)
    witness: witness.Verdict = field(default_factory=witness.Verdict)  # the sender's audit chain (issue 16)

    @property
    def audit(self) -> str:
        """"ok", "broken" (rows already sent were rewritten or removed) or "restored"."""
        return self.witness.status

    @property
    def audit_reason(self) -> str:
        """Why the audit is not "ok", in Chinese ("" when it is)."""
        return self.witness.reason

    def total(self, kind: str) -> int:
        """Sum over tables of one classification (new, changed, same, older, conflict)."""
        return sum(getattr(t, kind) for t in self.tables)

    def summary_lines(self) -> list[str]:
        """A person's reading of the plan."""
        head = f"{self.sender_name}({self.sender_code})第 {self.number} 号数据包,生成于 {self.created_at[:10]}"
        lines = [head]
        if self.already_imported:
            lines.append("这个数据包已经导入过,没有任何变化。")
            return lines
        for t in self.tables:
            if t.new or t.changed or t.conflict:
                parts = ([f"新增 {t.new}", f"修改 {t.changed}"] + ([f"其中删除 {t.deleted}"] if t.deleted else [])
                         + ([f"冲突 {t.conflict}"] if t.conflict else []))
                lines.append(f"  {t.label}:" + ",".join(parts))
        if not any(t.new or t.changed or t.conflict for t in self.tables):
            lines.append("  没有新的修改。")
        lines += [f"注意:{w}" for w in self.warnings]
        if self.audit != "ok":
            lines.append(f"审计日志:{self.audit_reason}")
        return lines


def _str(manifest: dict, *keys: str) -> str:
    value: Any = manifest
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value or len(value) > 128:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
    return value


def _int(manifest: dict, *keys: str) -> int:
    value: Any = manifest
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
    return value


def plan_import(path: Path, paths: AppPaths) -> ImportPlan:
    """Verify a package completely and work out what it would change (reads only).

    Raises:
        PackageRefused: with the reason; nothing was changed.
    """
    path = Path(path)
    opened = fmt.open_package(path)
    try:
        return _plan(opened, path, paths.keys)
    finally:
        opened.close()


def _plan(opened: fmt.OpenedPackage, path: Path, keys_dir: Path) -> ImportPlan:
    m = opened.manifest
    kind = m.get("kind")
    if kind == "setup":
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这是乡镇发给村里的入网文件,不是数据包:请在村里的电脑上用“导入入网文件”打开它。"))
    if kind == "aggregate":
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这是乡镇报给县里的汇总数据包(各村合规情况汇总),不能导入到村或乡镇的电脑上。"))
    if kind in directions.RECEIVER or kind == "data":  # issue 19: a package at the wrong level says where it belongs
        own = setup_service.current()
        wrong = directions.wrong_direction(m, own.mode if own else MODE_VILLAGE)
        if wrong is not None:
            raise PackageRefused(wrong)
    if kind in ("county_setup", "county_receipt"):  # at the township they go to `county_exchange_service`
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这是县里发给乡镇的文件(入网文件或回执),不是村里的数据包:请在“报表”页点“导入县里的文件…”导入"
            "(命令行:cunwu import 文件)。"))
    if kind != "data":
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
    boundary.check_manifest(m)
    info = setup_service.current()
    if info is None:
        raise refused(QT_TRANSLATE_NOOP(_C, "本机还没有初始化,不能导入数据包。"))
    recipient = _str(m, "recipient", "code")
    sender_code, sender_name = _str(m, "sender", "code"), _str(m, "sender", "name")
    if recipient != info.code:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这个数据包是发给 {name}({code})的,不是发给本机({own})的。"),
            name=m.get("recipient", {}).get("name", ""), code=recipient, own=info.code)
    peer = peers.require_usable(peers.get(sender_code), sender_code)
    expected_kind = MODE_VILLAGE if info.mode == MODE_TOWNSHIP else MODE_TOWNSHIP
    if peer.kind != expected_kind or m.get("sender", {}).get("kind") != expected_kind:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的发送方类型不对(村只接收乡镇的数据包,乡镇只接收村的)。"))
    sign_key, box_key = _str(m, "sender_keys", "sign"), _str(m, "sender_keys", "box")
    first_contact = peer.status == PEER_PENDING
    if first_contact:
        if RetiredKey.select().where((RetiredKey.peer_code == peer.code) & (RetiredKey.sign_key == sign_key)).exists():
            raise refused(QT_TRANSLATE_NOOP(
                _C, "{name}使用的是已经停用的密钥(旧电脑)。请在新电脑上重新导入入网文件后再导出。"), name=peer.name)
        opened.verify_signature(sign_key)
    else:
        if sign_key != peer.sign_key:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "{name}的数据包不是由登记的那台电脑签名的(可能换了电脑或重装了系统)。"
                "如确实换了电脑,请在“村庄”里为该村重新入网。已拒绝导入。"), name=peer.name)
        opened.verify_signature(peer.sign_key)
    opened.read_readme()
    ack_check.check_ack(m, peer, keys_dir.parent, sender_name)  # keys_dir is <data folder>/keys
    try:
        fingerprint = keys_mod.fingerprint(sign_key, box_key)
    except ValueError as exc:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。")) from exc
    plan = ImportPlan(
        path=path, file_sha256=hash_file(path)[0], sender_code=sender_code, sender_name=sender_name,
        sender_kind=peer.kind, number=_int(m, "number"), created_at=_str(m, "created_at"),
        full=bool(m.get("full")), seq_from=_int(m, "seq_from"), seq_to=_int(m, "seq_to"),
        fingerprint=fingerprint, first_contact=first_contact, peer_name=peer.name, readme=opened.readme,
        restored=bool(isinstance(m.get("restored_at"), str) and m["restored_at"]), _manifest=m)
    if plan.seq_from > plan.seq_to or plan.number < 1:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
    peers.check_number(peer, plan.number)
    if PackageLog.select().where((PackageLog.file_sha256 == plan.file_sha256)
                                 & (PackageLog.status == STATUS_IMPORTED)).exists():
        plan.already_imported = True
        return plan
    tables, blobs = _open_members(opened, keys_dir, m)
    plan._blobs = blobs
    plan.attachments = len(blobs)
    _classify(plan, peer, tables)
    authority.check_package(tables, sender_code, peer.kind, info.code)
    register_links.check(tables)
    _warn(plan, peer, tables)
    plan.witness = witness.judge(m, peer, plan.number, first_contact, plan.number > peer.last_in_no,
                                 m["restored_at"] if plan.restored else "")
    return plan


def _open_members(opened: fmt.OpenedPackage, keys_dir: Path, m: dict) -> tuple[list[payload.TableRows], dict]:
    keypair = keys_mod.load_or_create(keys_dir)
    try:
        opener = Opener(keypair.box, _str(m, "ephemeral"), _str(m, "package_id"))
        names = opened.member_names()
        if fmt.RECORDS not in names:
            raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
        tables = payload.decode(opener.open(fmt.RECORDS, opened.read(fmt.RECORDS)))
        blobs = {}
        for name in names:
            if name.startswith("attachments/"):
                data = opener.open(name, opened.read(name))
                digest = name[len("attachments/"):-len(".bin")]
                if fmt.sha256(data) != digest:
                    raise refused(QT_TRANSLATE_NOOP(
                        _C, "数据包中的“{name}”与清单不符(哈希值不同),文件被改动过或已损坏。已拒绝导入。"), name=name)
                blobs[digest] = data
    except SealError as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "无法解密数据包:它不是加密给本机的(本机可能重新安装过,或文件被改动过)。已拒绝导入。")) from exc
    except ValueError as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包已损坏或不完整(可能是U盘拔出过早,或文件被改动过)。请让对方重新导出一次。")) from exc
    counts = m.get("counts")
    if not isinstance(counts, dict) or counts != {t.name: len(t.rows) for t in tables if t.rows}:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
    return tables, blobs


def _local_columns(table: str) -> list[str]:
    return [r[1] for r in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]


def _classify(plan: ImportPlan, peer: Peer, tables: list[payload.TableRows]) -> None:
    rollback = plan.restored or (plan.number > peer.last_in_no and plan.seq_to < peer.in_watermark)
    by_name = {t.name: t for t in tables}
    if len(by_name) != len(tables):
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
    for name in by_name:
        if name not in policy.MODEL_BY_TABLE:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "数据包中有本软件不认识的数据“{table}”:它由更新版本的软件生成,请升级软件后再导入。"), table=name)
    existing_conflicts = {(c.record_id, c.incoming_values) for c in SyncConflict.select(
        SyncConflict.record_id, SyncConflict.incoming_values)}
    for table in policy.SYNCED_TABLES:
        incoming = by_name.get(table)
        if incoming is None:
            continue
        local_cols = _local_columns(table)
        unknown = [c for c in incoming.columns if c not in local_cols]
        if unknown:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "数据包中有本软件不认识的数据“{table}”:它由更新版本的软件生成,请升级软件后再导入。"),
                table=f"{table}.{unknown[0]}")
        cols = incoming.columns
        for needed in ("id", "owner", "seq", "deleted"):
            if needed not in cols:
                raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
        ci, oi, si, di = cols.index("id"), cols.index("owner"), cols.index("seq"), cols.index("deleted")
        typed = boundary.column_checks(plan.sender_name, table, cols)
        checks, text_at = fields.column_checks(table, cols), fields.text_columns(table, cols)
        masked = taken_back = 0
        change = TableChange(table)
        writes: list[list[Any]] = []  # rows we hold an older version of
        inserts: list[list[Any]] = []  # rows new to us (a plain INSERT is cheaper)
        for start in range(0, len(incoming.rows), _CHUNK):
            chunk = incoming.rows[start:start + _CHUNK]
            for number, row in enumerate(chunk, start=start + 1):
                if row[oi] != plan.sender_code:
                    raise refused(QT_TRANSLATE_NOOP(
                        _C, "数据包中有不属于发送方的记录({table}),按规定只接收发送方自己的记录。已拒绝导入。"),
                        table=policy.label(table))
                if not isinstance(row[ci], str) or not 0 < len(row[ci]) <= 36 or not isinstance(row[si], int):
                    raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
                _check_values(plan, table, cols, checks, row)  # the stricter per-field rules first
                boundary.check_row(plan.sender_name, table, typed, row, number)
                for i in text_at:
                    if isinstance(row[i], str):
                        row[i], n = fields.mask_id_numbers(row[i])
                        masked += n
            ids = [r[ci] for r in chunk]
            if len(set(ids)) != len(ids):
                raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
            placeholders = ",".join("?" * len(ids))
            col_sql = ",".join(f'"{c}"' for c in cols)
            local = {r[ci]: list(r) for r in database.execute_sql(
                f'SELECT {col_sql} FROM "{table}" WHERE id IN ({placeholders})', ids).fetchall()}
            for row in chunk:
                mine = local.get(row[ci])
                if mine is None:
                    change.new += 1
                    change.deleted += bool(row[di])
                    inserts.append(row)
                    continue
                if mine[oi] != row[oi]:
                    raise refused(QT_TRANSLATE_NOOP(
                        _C, "数据包试图修改本机拥有的记录({table}),按规定只能由记录的所有者修改。已拒绝导入。"),
                        table=policy.label(table))
                newer = row[si] > mine[si]
                kept = newer and escalations.takes_back(table, cols, mine, row)  # a report is not taken back
                taken_back += kept
                if newer and not kept:
                    change.changed += 1
                    change.deleted += bool(row[di] and not mine[di])
                    writes.append(row)
                elif row == mine:
                    change.same += 1
                elif not kept and (_same_content(row, mine, si) or not (row[si] == mine[si] or rollback)):
                    change.older += 1
                else:
                    incoming_json = json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False, sort_keys=True)
                    if (row[ci], incoming_json) in existing_conflicts:
                        change.same += 1
                        continue
                    change.conflict += 1
                    plan._conflicts.append((table, row[ci], row[oi], dict(zip(cols, mine, strict=True)),
                                            json.loads(incoming_json)))
        if len({r[ci] for r in incoming.rows}) != len(incoming.rows):
            raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。"))
        if taken_back:
            plan.warnings.append(escalations.warning(table, taken_back, plan.sender_name))
        if masked:
            plan.warnings.append(str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{table}中有 {n} 处像是公民身份号码的内容,已用“*”遮盖后导入(本软件不保存身份证号)。"
                "请{name}从人员名册的备注等处删去。"), table=policy.label(table), n=masked, name=plan.sender_name)))
        if writes or inserts:
            plan._writes[table] = (cols, writes)
            plan._inserts[table] = inserts
        plan.tables.append(change)


def _check_values(plan: ImportPlan, table: str, cols: list[str], checks: list, row: list[Any]) -> None:
    """Refuse the package when a value is one our own screens could never have stored."""
    bad = fields.problem(checks, row)
    if bad is not None:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}有不合规定的“{field}”(“{value}”),本机不能保存。已拒绝导入,"
            "请{name}核对后重新导出。"),
            table=policy.label(table), field=bad[0], value=fields.shown(bad[1]), name=plan.sender_name)
    if table == "person" and fields.left_pair_problem(cols, row):
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包中的人员记录只有离开名册的日期、没有方式(或只有方式、没有日期),本机不能保存。已拒绝导入,"
            "请{name}核对后重新导出。"), name=plan.sender_name)


def _same_content(row: list, mine: list, si: int) -> bool:
    return row[:si] + row[si + 1:] == mine[:si] + mine[si + 1:]


def _warn(plan: ImportPlan, peer: Peer, tables: list[payload.TableRows]) -> None:
    ranges = peers.imported_ranges(peer) + [(plan.number, plan.seq_from, plan.seq_to)]
    missing = peers.missing_numbers(ranges)
    if missing:
        listed = "、".join(str(n) for n in missing[:10])
        plan.warnings.append(f"缺少第 {listed} 号数据包(其中的修改还没有收到)。请让{plan.sender_name}重新导出一次。")
    if plan.number <= peer.last_in_no:
        plan.warnings.append(f"这是较早的第 {plan.number} 号数据包(已收到第 {peer.last_in_no} 号),较新的内容不会被覆盖。")
    if plan.restored or (plan.number > peer.last_in_no and plan.seq_to < peer.in_watermark):
        plan.warnings.append("发送方的数据似乎从旧备份恢复过:与本机不一致的记录作为冲突保留,请逐条确认。")
    if plan.first_contact:
        plan.warnings.append(f"这是{plan.peer_name or plan.sender_code}的第一个数据包。导入前请打电话给对方核对电脑指纹:"
                             "请对方念出 8 位电脑指纹,输入后才能导入。")
    missing_files = plan._manifest.get("missing_attachments")
    if isinstance(missing_files, int) and missing_files > 0:
        plan.warnings.append(f"发送方电脑上有 {missing_files} 个附件文件找不到,没有随数据包发送。")


def apply_import(session: Session, path: Path, paths: AppPaths,
                 backup: bool | ImportBackup = True,
                 confirm: Callable[[ImportPlan], None] | None = None) -> ImportPlan:
    """Verify and apply a package in one transaction; returns what was done.

    Once the package is verified, and before anything is written, the
    database is backed up: by `backup`, the restore point of the batch this
    package belongs to (taken by its first package that writes), or with
    `True` a batch of this one package (`False` for tests and benchmarks).
    `confirm` sees the verified plan before anything is written and may
    refuse it. It defaults to `first_contact.refuse_first_contact`: a
    pending village's first package is refused unless the caller proves a
    person confirmed the fingerprint — the CLI and the GUI pass
    `first_contact.confirmer(typed)`, a batch `first_contact.batch_confirmer`,
    the demo `first_contact.own_keys` (see `desktop.sync.first_contact`).

    Raises:
        PackageRefused: with the reason; the database is exactly as before.
        BackupError: the backup could not be made; nothing was written.
    """
    session.require(Permission.EXCHANGE)
    try:
        with database.atomic():
            plan = plan_import(path, paths)
            (confirm or first_contact.refuse_first_contact)(plan)
            if plan.already_imported:
                return plan
            if backup is True:
                backup = ImportBackup(paths)
            if isinstance(backup, ImportBackup):
                backup.ensure()
            _store_blobs(paths.attachments, plan._blobs)
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
            peer = Peer.get(Peer.code == plan.sender_code)
            try:
                _write(plan)
            # a constraint or a value the checks above did not foresee: refused, never a traceback
            except (IntegrityError, sqlite3.IntegrityError, OverflowError) as exc:
                raise refused(QT_TRANSLATE_NOOP(_C, "数据包的清单与内容不一致,已拒绝导入。")) from exc
            _check_references(plan)
            _book(session, plan, peer)
        optimize()  # a package can multiply a table's rows: the planner's statistics follow (no-op inside a caller's transaction)
        return plan
    except PackageRefused as exc:
        journal_refusal(paths.data_dir, Path(path), str(exc))
        raise


def _write(plan: ImportPlan) -> None:
    for table in policy.SYNCED_TABLES:
        if table not in plan._writes:
            continue
        cols, rows = plan._writes[table]
        col_sql = ",".join(f'"{c}"' for c in cols)
        insert = f'INSERT INTO "{table}" ({col_sql}) VALUES ({",".join("?" * len(cols))})'
        if plan._inserts.get(table):
            database.executemany(insert, plan._inserts[table])
        if rows:
            updates = ",".join(f'"{c}"=excluded."{c}"' for c in cols if c != "id")
            database.executemany(f"{insert} ON CONFLICT(id) DO UPDATE SET {updates}", rows)
    search_index.touch_many({table: [r[cols.index("id")] for r in rows + plan._inserts.get(table, [])]
                             for table, (cols, rows) in plan._writes.items()})
    for table, record_id, owner, local, incoming in plan._conflicts:
        SyncConflict.create(table_name=table, record_id=record_id, owner=owner,
                            local_values=json.dumps(local, ensure_ascii=False, sort_keys=True),
                            incoming_values=json.dumps(incoming, ensure_ascii=False, sort_keys=True),
                            package=plan.path.name)


def _check_references(plan: ImportPlan) -> None:
    """Refuse (rolling back) when a written record points at a record we do not have.

    Only the rows this package wrote are checked (records are never deleted,
    so nothing else can have lost its target): the cost follows the package,
    not the size of the township's database.

    The record pointed at must also be the sender's own or ours: a village's
    record may not point at another village's (a 村民代表's households are its
    own village's), nor a township's at another village's.
    """
    info = setup_service.current()
    owners = (plan.sender_code, info.code if info is not None else plan.sender_code)
    for table, (cols, rows) in plan._writes.items():
        ci = cols.index("id")
        ids = [r[ci] for r in rows] + [r[ci] for r in plan._inserts.get(table, [])]
        for col, target in policy.foreign_keys(table):
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                dangling = database.execute_sql(
                    f'SELECT t."{col}" FROM "{table}" t WHERE t.id IN ({",".join("?" * len(chunk))}) '
                    f'AND t."{col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{target}" p '
                    f'WHERE p.id = t."{col}" AND p.owner IN (?, ?)) LIMIT 1', [*chunk, *owners]).fetchone()
                if dangling and database.execute_sql(
                        f'SELECT 1 FROM "{target}" WHERE id = ?', (dangling[0],)).fetchone():
                    raise refused(QT_TRANSLATE_NOOP(
                        _C, "数据包中的{table}指向了别的村(或单位)的{target}。每个村的记录只能指向本村自己的记录,"
                        "已拒绝导入。请{name}核对后重新导出。"),
                        table=policy.label(table), target=policy.label(target), name=plan.sender_name)
                if dangling:
                    raise refused(QT_TRANSLATE_NOOP(
                        _C, "这个数据包中的记录引用了更早数据包里的内容,而本机还没有收到。"
                        "请先导入更早的数据包,或请{name}导出一次“完整数据包”。已拒绝导入。"), name=plan.sender_name)


def _book(session: Session, plan: ImportPlan, peer: Peer) -> None:
    m = plan._manifest
    now = now_utc()
    counts = {t.table: t.new + t.changed for t in plan.tables if t.new or t.changed}
    PackageLog.create(direction=IN, peer_code=peer.code, number=plan.number, file_name=plan.path.name,
                      file_sha256=plan.file_sha256, created_at=plan.created_at, seq_from=plan.seq_from,
                      seq_to=plan.seq_to, records=sum(counts.values()),
                      counts=json.dumps(counts, ensure_ascii=False), status=STATUS_IMPORTED,
                      reason="\n".join(plan.warnings + [plan.audit_reason] * (plan.audit == "broken")))
    witness.record(plan.witness, m, peer, plan.number, plan.created_at)
    changes: dict[str, Any] = {"last_in_at": now}
    if plan.first_contact:
        changes.update(status=PEER_ACTIVE, sign_key=m["sender_keys"]["sign"], box_key=m["sender_keys"]["box"],
                       fingerprint=plan.fingerprint)
    changes["last_in_no"] = max(peer.last_in_no, plan.number)
    changes["in_watermark"] = peers.watermark(peers.imported_ranges(peer))
    ack = m.get("ack") if isinstance(m.get("ack"), dict) else {}
    ack_no, ack_seq = ack.get("number"), ack.get("seq")
    if isinstance(ack_no, int) and isinstance(ack_seq, int):
        changes["out_acked_no"] = max(peer.out_acked_no, min(ack_no, peer.last_out_no))
        changes["out_acked_seq"] = max(peer.out_acked_seq, ack_seq)
        counters.clear_restored_if_acked(ack_no)
        (PackageLog.update(status=STATUS_ACKED)
         .where((PackageLog.peer_code == peer.code) & (PackageLog.direction == OUT)
                & (PackageLog.status == STATUS_SENT) & (PackageLog.seq_to <= ack_seq)
                & (PackageLog.number <= ack_no)).execute())
    Peer.update(**changes).where(Peer.code == peer.code).execute()
    facts = m.get("facts")
    if peer.kind == MODE_VILLAGE and isinstance(facts, dict):
        values = {k: v for k, v in facts.items()
                  if k in ("households", "adult_population") and isinstance(v, int) and 0 <= v < 10**7}
        if values:
            _update_village_facts(session, peer.code, values)
    text = f"第 {plan.number} 号 {plan.created_at[:10]}({plan.sender_name})"
    AppMeta.insert(key=status_service.KEY_LAST_RECEIVED, value=text).on_conflict(
        conflict_target=[AppMeta.key], update={AppMeta.value: text}).execute()
    audit.append(session.actor, "import", "package", plan.path.name[:64], None,
                 {"sender": plan.sender_code, "number": plan.number, "sha256": plan.file_sha256,
                  "counts": counts, "conflicts": plan.total(CONFLICT), "rows": audit_replay.written_values(_written_rows(plan))})


def _written_rows(plan: ImportPlan) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The rows `_write` inserted or updated, per table, with their columns (their digests go into the audit row)."""
    return {table: (cols, rows + plan._inserts.get(table, [])) for table, (cols, rows) in plan._writes.items()}


def _update_village_facts(session: Session, code: str, values: dict[str, int]) -> None:
    """The 户数 / 人口 a village's manifest reports, on our register row of it; audited (check replays it)."""
    village = Village.get_or_none(Village.code == code)
    if village is None:
        return
    old = {k: getattr(village, k) for k in values if getattr(village, k) != values[k]}
    if not old:
        return
    Village.update(**values).where(Village.code == code).execute()
    audit.append(session.actor, "update", "village", str(village.id), old, {k: values[k] for k in old})


def _store_blobs(folder: Path, blobs: dict[str, bytes]) -> None:
    """Content-addressed, so writing them before the transaction can never be wrong."""
    for digest, data in blobs.items():
        target = stored_path(folder, digest)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)


REFUSALS_FILE = "refused-packages.jsonl"


def journal_refusal(data_dir: Path, path: Path, reason: str) -> None:
    """Note a refused package outside the database (which a refusal must leave untouched)."""
    try:
        with open(data_dir / REFUSALS_FILE, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"at": now_utc(), "file": path.name, "reason": reason}, ensure_ascii=False) + "\n")
    except OSError:
        pass


def read_refusals(data_dir: Path, limit: int = 200) -> list[dict[str, str]]:
    """The latest refusals, newest first."""
    try:
        lines = (data_dir / REFUSALS_FILE).read_text("utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in reversed(lines[-limit:]):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out
