"""恢复包: a village whose PC died without a backup gets its records back from the township.

The township holds a copy of every record a village owns (each package
carried them), with the attachments they reference. After the village was
re-enrolled (重新入网: the old key retired, a new 入网文件) and its new PC
sent its first package (which brings the new PC's public keys and is
confirmed by phone), the township writes a 恢复包 (`kind: "recovery"`):
every record owned by the village, signed by the township and sealed to the
new PC's key. Only that PC can open it.

The new PC imports it only while it holds none of the village's records
(a recovery never merges with records of its own), and then continues the
numbering, so its next package is newer than anything the township holds:
its change counter goes above the highest change number among the records,
and its package numbers above the last one the township received from it.
What the township acknowledged of the new PC is left as it is: the next
package carries the recovered records once more (the township finds them
unchanged, "same"), so the township holds the new PC's changes without a gap
— its watermark, its 回执's acknowledgement and the restore detection that
rests on them stay exact.

What the township never held is not recovered: logins and their passwords,
settings, and the township's own records about the village (its review
opinions, 备案回执, notices), which its next return package (回执) brings again.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import IntegrityError

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.attachments_service import hash_file, stored_path
from desktop.services.session import Session
from desktop.sync import boundary, counters, payload, peers
from desktop.sync import keys as keys_mod
from desktop.sync import package_format as fmt
from desktop.sync.exporter import free_name, sealed_members
from desktop.sync.sealing import Opener, Sealer, SealError
from models import audit, audit_replay, search_index
from models.clock import now_utc
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import PackageRefused, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.roles import Permission
from models.sequence import current_seq
from models.sync import fields, policy
from models.sync.records import (
    IN,
    OUT,
    PEER_ACTIVE,
    STATUS_IMPORTED,
    STATUS_SENT,
    PackageLog,
    Peer,
    RetiredKey,
)

_C = "recovery"
KIND = "recovery"
_CHUNK = 400


def _invalid(template: str, **params: Any) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def refused(template: str, **params: Any) -> PackageRefused:
    """A refusal of a 恢复包 with a Chinese reason."""
    return PackageRefused(msg(_C, template, **params))


def file_name(village_code: str, when: datetime) -> str:
    """`<村代码>_恢复包_<日期>.cwpkg`."""
    return f"{village_code}_恢复包_{when:%Y%m%d}{fmt.SUFFIX}"


def is_recovery(path: Path) -> bool:
    """Whether `path` is a package whose manifest says it is a 恢复包 (unverified; the import checks)."""
    try:
        opened = fmt.open_package(Path(path))
    except PackageRefused:
        return False
    try:
        return opened.manifest.get("kind") == KIND
    finally:
        opened.close()


# --- the township writes it ----------------------------------------------------------------------


@dataclass
class RecoveryExport:
    """What the township wrote."""

    path: Path
    village_code: str
    village_name: str
    counts: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    missing_attachments: int = 0
    seq_to: int = 0
    size: int = 0

    @property
    def records(self) -> int:
        """Records in the 恢复包."""
        return sum(self.counts.values())


def last_reenrolment(village_code: str) -> str:
    """When the village was last re-enrolled (重新入网: its PC's key retired), as stored (UTC); "" if never."""
    last = (RetiredKey.select(RetiredKey.retired_at).where(RetiredKey.peer_code == village_code)
            .order_by(RetiredKey.retired_at.desc()).first())
    return last.retired_at if last is not None else ""


def recoverable_village(village_code: str) -> Peer:
    """The village a 恢复包 can be written for now, or a Chinese reason.

    The one rule of both the 生成恢复包 dialog (its button disabled) and `cunwu export --recovery` (exit 1).
    A 恢复包 is sealed to the village's current key. It is of use only once that key is a new PC's:
    the village was re-enrolled (重新入网, the dead PC's key retired) and the new PC's first package
    was imported here, its fingerprint checked. Before the re-enrolment the key is the PC that
    died, and only it could open the package; after it, until the new PC's package, there is no key.

    Raises:
        ValidationError: not a township, unknown village, never re-enrolled, or no key of its new PC yet.
    """
    info = setup_service.current()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "恢复包只能在乡镇的电脑上生成。"))
    peer = peers.get(village_code)
    if peer is None or peer.kind != MODE_VILLAGE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=village_code)
    if peer.status != PEER_ACTIVE or not peer.box_key:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "还没有收到{name}新电脑的第一个数据包,恢复包无法加密给它。请按顺序:1. 为该村“重新入网”;"
            "2. 村里在新电脑上导入入网文件并导出第一个数据包;3. 乡镇导入它并电话核对指纹;4. 再生成恢复包。"),
            name=peer.name)
    if not last_reenrolment(peer.code):
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "{name}还没有重新入网过,现在生成的恢复包只能由该村原来那台电脑打开,没有生成。请按顺序:"
            "1. 为该村“重新入网”;2. 村里在新电脑上导入入网文件并导出第一个数据包;3. 乡镇导入它并电话核对指纹;"
            "4. 再生成恢复包。"), name=peer.name)
    return peer


def village_record_count(village_code: str) -> int:
    """How many records the township holds of this village (what a 恢复包 would carry)."""
    return sum(database.execute_sql(f'SELECT count(*) FROM "{t}" WHERE owner = ?', (village_code,)).fetchone()[0]
               for t in policy.SYNCED_TABLES)


def export_recovery(session: Session, paths: AppPaths, village_code: str, folder: Path,
                    now: datetime | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> RecoveryExport:
    """Write the 恢复包 of a village into `folder`: every record it owns, sealed to its current PC.

    Raises:
        ValidationError: see `recoverable_village`, or the folder is missing, or nothing is held.
        PackageWriteError: the target could not be written (nothing valid-looking left).
    """
    session.require(Permission.MANAGE_VILLAGES)
    session.require(Permission.EXCHANGE)
    folder = Path(folder)
    if not folder.is_dir():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"), path=folder)
    peer = recoverable_village(village_code)
    info = session.installation_info()
    keypair = keys_mod.load_or_create(paths.keys)
    with database.atomic():  # one consistent snapshot
        tables = [_owned_rows(table, peer.code) for table in policy.SYNCED_TABLES]
        received_no = peer.last_in_no
    counts = {t.name: len(t.rows) for t in tables if t.rows}
    if not counts:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "本机没有{name}的任何记录,无法生成恢复包。"), name=peer.name)
    seq_to = max(r[t.columns.index("seq")] for t in tables for r in t.rows)
    hashes = _attachment_hashes(tables)
    present = [h for h in hashes if stored_path(paths.attachments, h).exists()]
    now = now or datetime.now()
    package_id = str(uuid.uuid4())
    sealer = Sealer(keys_mod.box_public_key(peer.box_key), package_id)
    manifest = {
        "format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__,
        "schema_version": SCHEMA_VERSION, "kind": KIND, "package_id": package_id,
        "sender": {"code": info.code, "name": info.name, "kind": MODE_TOWNSHIP, "province": info.province},
        "recipient": {"code": peer.code, "name": peer.name},
        "created_at": now_utc(), "seq_to": seq_to, "received_no": received_no,
        "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public},
        "ephemeral": sealer.ephemeral_public, "counts": counts, "attachments": len(present),
        "missing_attachments": len(hashes) - len(present),
    }

    readme = _readme(info, peer, counts, len(present))
    path = fmt.write_package(folder, free_name(folder, file_name(peer.code, now)), manifest, readme,
                              sealed_members(sealer, tables, paths.attachments, present),
                             keypair.signing, progress, cancelled, total=1 + len(present))
    result = RecoveryExport(path, peer.code, peer.name, counts, len(present), len(hashes) - len(present),
                            seq_to, path.stat().st_size)
    with database.atomic():
        PackageLog.create(direction=OUT, peer_code=peer.code, number=0, kind=KIND, file_name=path.name,
                          file_sha256=hash_file(path)[0], created_at=manifest["created_at"], seq_from=0,
                          seq_to=seq_to, records=result.records, counts=json.dumps(counts, ensure_ascii=False),
                          status=STATUS_SENT, reason=str(msg(_C, QT_TRANSLATE_NOOP(
                              _C, "恢复包:该村的全部记录,供重新入网后的新电脑导入。"))))
        audit.append(session.actor, "recovery", "package", path.name[:64], None,
                     {"village": peer.code, "records": result.records, "attachments": len(present)})
    return result


def _owned_rows(table: str, owner: str) -> payload.TableRows:
    cur = database.execute_sql(f'SELECT * FROM "{table}" WHERE owner = ? ORDER BY seq', (owner,))
    return payload.TableRows(table, [d[0] for d in cur.description], [list(r) for r in cur.fetchall()])


def _attachment_hashes(tables: list[payload.TableRows]) -> list[str]:
    for t in tables:
        if t.name == "attachment" and t.rows:
            si, di = t.columns.index("sha256"), t.columns.index("deleted")
            return sorted({r[si] for r in t.rows if not r[di]})
    return []


def _readme(info, peer: Peer, counts: dict[str, int], attachments: int) -> str:
    lines = ["村务台账 恢复包", "",
             f"乡镇:{info.name}({info.code})", f"村庄:{peer.name}({peer.code})",
             f"生成时间:{datetime.now():%Y-%m-%d %H:%M}", "",
             "本村电脑损坏且没有备份时,用它在重新入网后的新电脑上找回本村的记录。", "", "内容:"]
    lines += [f"  {policy.label(t)}:{n} 条" for t, n in counts.items()]
    if attachments:
        lines.append(f"  附件文件:{attachments} 个")
    lines += ["", "本文件已加密,只有该村新电脑能打开;请用“村务台账”软件导入,不要解压或修改。"]
    return "\r\n".join(lines) + "\r\n"


# --- the village reads it ------------------------------------------------------------------------


@dataclass
class RecoveryPlan:
    """A verified 恢复包 and what importing it would write (the preview)."""

    path: Path
    township_code: str
    township_name: str
    created_at: str
    counts: dict[str, int]
    attachments: int
    missing_attachments: int
    seq_to: int
    received_no: int
    _tables: list[payload.TableRows] = field(default_factory=list, repr=False)
    _sha256: str = ""

    @property
    def records(self) -> int:
        """Records to be recovered."""
        return sum(self.counts.values())

    def summary_lines(self) -> list[str]:
        """A person's reading of the 恢复包 (shown before the import, printed by the CLI)."""
        lines = [str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这是{township}为本村生成的恢复包(生成于 {day}),包含 {n} 条记录、{files} 个附件文件:"),
            township=self.township_name, day=self.created_at[:10], n=self.records, files=self.attachments))]
        lines += [f"  {policy.label(t)}:{n}" for t, n in self.counts.items()]
        lines.append(str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "导入后本机继续使用这些记录,下一个数据包接着往下编号。账号和密码、本机设置不在恢复包里"
            "(新电脑初始化时已创建管理员,其他账号请重新添加);乡镇的审核意见、备案回执和通知由乡镇下一次的回执带回。"))))
        if self.missing_attachments:
            lines.append(str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "注意:乡镇电脑上有 {n} 个附件文件找不到,没有包含在恢复包里。"), n=self.missing_attachments)))
        return lines


def plan_recovery(path: Path, paths: AppPaths, store: Path | None = None) -> RecoveryPlan:
    """Verify a 恢复包 completely and work out what it would write (reads only).

    With `store` (the attachments folder) each verified attachment is put
    there as it is read, one at a time: a village's whole history of scans
    and photos is never held in memory. The store is content-addressed, so a
    file put there by an import that is then refused is harmless.

    Raises:
        PackageRefused: with the reason; nothing was changed.
    """
    path = Path(path)
    opened = fmt.open_package(path)
    try:
        return _plan(opened, path, paths, store)
    finally:
        opened.close()


def _text(m: dict, *keys: str) -> str:
    value: Any = m
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value or len(value) > 128:
        raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单不完整,已拒绝导入。"))
    return value


def _count(m: dict, key: str) -> int:
    value = m.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
        raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单不完整,已拒绝导入。"))
    return value


def _plan(opened: fmt.OpenedPackage, path: Path, paths: AppPaths, store: Path | None) -> RecoveryPlan:
    m = opened.manifest
    if m.get("kind") != KIND:
        raise refused(QT_TRANSLATE_NOOP(_C, "这不是恢复包。"))
    boundary.check_manifest(m)
    info = setup_service.current()
    if info is None:
        raise refused(QT_TRANSLATE_NOOP(_C, "本机还没有初始化。请先用乡镇发来的入网文件初始化本机,再导入恢复包。"))
    if info.mode != MODE_VILLAGE:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这是乡镇为某个村生成的恢复包,只能在那个村的新电脑上导入,不能导入到乡镇的电脑上。"))
    if _text(m, "recipient", "code") != info.code:
        raise refused(QT_TRANSLATE_NOOP(_C, "这个恢复包是给{name}({code})的,不是给本村({own})的。"),
                      name=m.get("recipient", {}).get("name", ""), code=m["recipient"]["code"], own=info.code)
    township = peers.township_peer()
    if township is None:
        raise refused(QT_TRANSLATE_NOOP(_C, "本村还没有加入乡镇:请先导入乡镇发来的入网文件,再导入恢复包。"))
    if _text(m, "sender", "code") != township.code or m.get("sender", {}).get("kind") != MODE_TOWNSHIP:
        raise refused(QT_TRANSLATE_NOOP(_C, "这个恢复包不是本村所属的{name}生成的,已拒绝导入。"), name=township.name)
    if _text(m, "sender_keys", "sign") != township.sign_key:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "恢复包不是由{name}登记的那台电脑签名的,已拒绝导入。"), name=township.name)
    opened.verify_signature(township.sign_key)
    opened.read_readme()
    plan = RecoveryPlan(path, township.code, township.name, _text(m, "created_at"), {}, 0,
                        _count(m, "missing_attachments"), 0, _count(m, "received_no"))
    _refuse_if_holding_records(info.code)
    tables, attachments = _open_members(opened, paths.keys, m, store)
    _check_rows(tables, info.code, township.name)
    plan._tables = tables
    plan.counts = {t.name: len(t.rows) for t in tables if t.rows}
    plan.attachments = attachments
    plan.seq_to = max((r[t.columns.index("seq")] for t in tables for r in t.rows), default=0)
    plan._sha256 = hash_file(path)[0]
    return plan


def _refuse_if_holding_records(own_code: str) -> None:
    held = village_record_count(own_code)
    if held:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "本机已经有本村的记录({n} 条),恢复包只能导入到还没有本村记录的新电脑上(刚用入网文件初始化、"
            "还没有录入)。没有导入。"), n=held)


def _open_members(opened: fmt.OpenedPackage, keys_dir: Path, m: dict,
                  store: Path | None) -> tuple[list[payload.TableRows], int]:
    from desktop.sync import importer  # the content-addressed blob store


    keypair = keys_mod.load_or_create(keys_dir)
    try:
        opener = Opener(keypair.box, _text(m, "ephemeral"), _text(m, "package_id"))
        names = opened.member_names()
        if fmt.RECORDS not in names:
            raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单不完整,已拒绝导入。"))
        tables = payload.decode(opener.open(fmt.RECORDS, opened.read(fmt.RECORDS)))
        attachments = 0
        for name in names:
            if name.startswith("attachments/"):
                data = opener.open(name, opened.read(name))
                digest = name[len("attachments/"):-len(".bin")]
                if fmt.sha256(data) != digest:
                    raise refused(QT_TRANSLATE_NOOP(_C, "恢复包中的“{name}”与清单不符,已拒绝导入。"), name=name)
                attachments += 1
                if store is not None:
                    importer._store_blobs(store, {digest: data})
                del data
    except SealError as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "无法解密恢复包:它不是加密给本机的。恢复包要在乡镇收到本机的第一个数据包之后生成,"
            "请让乡镇重新生成。已拒绝导入。")) from exc
    except ValueError as exc:
        raise refused(QT_TRANSLATE_NOOP(_C, "恢复包已损坏或不完整,请让乡镇重新生成。")) from exc
    counts = m.get("counts")
    if not isinstance(counts, dict) or counts != {t.name: len(t.rows) for t in tables if t.rows}:
        raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单与内容不一致,已拒绝导入。"))
    return tables, attachments


def _check_rows(tables: list[payload.TableRows], own_code: str, sender_name: str) -> None:
    """Only this village's records, of tables and columns we know, with values our screens could store.

    The same boundary as a data package's (`boundary`): every value checked against its model's field.
    """
    seen = set()
    for t in tables:
        if t.name not in policy.MODEL_BY_TABLE or t.name in seen:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "恢复包中有本软件不认识的数据“{table}”:它由更新版本的软件生成,请升级软件后再导入。"), table=t.name)
        seen.add(t.name)
        local = {r[1] for r in database.execute_sql(f'PRAGMA table_info("{t.name}")').fetchall()}
        unknown = [c for c in t.columns if c not in local]
        if unknown or not {"id", "owner", "seq", "deleted"} <= set(t.columns):
            raise refused(QT_TRANSLATE_NOOP(
                _C, "恢复包中有本软件不认识的数据“{table}”:它由更新版本的软件生成,请升级软件后再导入。"),
                table=f"{t.name}.{unknown[0] if unknown else ''}")
        ci, oi, si = t.columns.index("id"), t.columns.index("owner"), t.columns.index("seq")
        checks = fields.column_checks(t.name, t.columns)
        typed = boundary.column_checks(sender_name, t.name, t.columns)
        for number, row in enumerate(t.rows, start=1):
            if row[oi] != own_code:
                raise refused(QT_TRANSLATE_NOOP(
                    _C, "恢复包中有不属于本村的记录({table}),已拒绝导入。"), table=policy.label(t.name))
            if not isinstance(row[ci], str) or not 0 < len(row[ci]) <= 36 or not isinstance(row[si], int) \
                    or isinstance(row[si], bool) or not 0 <= row[si] < 2**62:
                raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单与内容不一致,已拒绝导入。"))
            bad = fields.problem(checks, row)
            if bad is not None:
                raise refused(QT_TRANSLATE_NOOP(
                    _C, "恢复包中的{table}有不合规定的“{field}”(“{value}”),本机不能保存。已拒绝导入。"),
                    table=policy.label(t.name), field=bad[0], value=fields.shown(bad[1]))
            boundary.check_row(sender_name, t.name, typed, row, number)
        if len({r[ci] for r in t.rows}) != len(t.rows):
            raise refused(QT_TRANSLATE_NOOP(_C, "恢复包的清单与内容不一致,已拒绝导入。"))


def apply_recovery(session: Session, path: Path, paths: AppPaths) -> RecoveryPlan:
    """Verify and import a 恢复包 in one transaction, then continue the numbering above it.

    Raises:
        PackageRefused: with the reason; the database is exactly as before (journalled).
    """
    from desktop.sync import importer  # the refusal journal

    session.require(Permission.EXCHANGE)
    try:
        with database.atomic():
            plan = plan_recovery(path, paths, store=paths.attachments)
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
            try:
                _write(plan._tables)
                for t in plan._tables:  # before the commit, which would fail on a deferred key
                    if t.rows and database.execute_sql(f'PRAGMA foreign_key_check("{t.name}")').fetchone():
                        raise IntegrityError("dangling reference")
            except (IntegrityError, sqlite3.IntegrityError, OverflowError) as exc:
                raise refused(QT_TRANSLATE_NOOP(
                    _C, "恢复包中的记录引用了不存在的记录,已拒绝导入。请让乡镇重新生成。")) from exc
            _continue_numbering(paths, plan)
            _book(session, plan)
        return plan
    except PackageRefused as exc:
        importer.journal_refusal(paths.data_dir, Path(path), str(exc))
        raise


def _write(tables: list[payload.TableRows]) -> None:
    by_name = {t.name: t for t in tables}
    for table in policy.SYNCED_TABLES:  # a foreign key's target first
        t = by_name.get(table)
        if t is None or not t.rows:
            continue
        col_sql = ",".join(f'"{c}"' for c in t.columns)
        insert = f'INSERT INTO "{table}" ({col_sql}) VALUES ({",".join("?" * len(t.columns))})'
        for start in range(0, len(t.rows), _CHUNK):
            database.executemany(insert, t.rows[start:start + _CHUNK])
    search_index.touch_many({t.name: [r[t.columns.index("id")] for r in t.rows] for t in tables if t.rows})


def _continue_numbering(paths: AppPaths, plan: RecoveryPlan) -> None:
    """Our next change and package numbers above what the township holds (its acknowledgement untouched)."""
    database.execute_sql("UPDATE change_counter SET value = max(value, ?) WHERE id = 1", (plan.seq_to,))
    township = peers.township_peer()
    last_out = max(township.last_out_no, plan.received_no)
    Peer.update(last_out_no=last_out).where(Peer.code == township.code).execute()
    # a backup restored later (taken before this import) must not go below these numbers either
    counters.reserve(paths.data_dir, township.code, last_out, max(plan.seq_to, current_seq()))


def _book(session: Session, plan: RecoveryPlan) -> None:
    PackageLog.create(direction=IN, peer_code=plan.township_code, number=0, kind=KIND, file_name=plan.path.name,
                      file_sha256=plan._sha256, created_at=plan.created_at, seq_from=0, seq_to=plan.seq_to,
                      records=plan.records, counts=json.dumps(plan.counts, ensure_ascii=False),
                      status=STATUS_IMPORTED, reason=str(msg(_C, QT_TRANSLATE_NOOP(
                          _C, "恢复包:乡镇保存的本村全部记录,已在本机找回。"))))
    # an "import" entry with the digests of the rows written: `cunwu check` verifies the recovered records
    written = {t.name: [r[t.columns.index("id")] for r in t.rows] for t in plan._tables if t.rows}
    audit.append(session.actor, "import", "package", plan.path.name[:64], None,
                 {"kind": KIND, "sender": plan.township_code, "records": plan.records,
                  "attachments": plan.attachments, "seq_to": plan.seq_to, "sha256": plan._sha256,
                  "rows": audit_replay.written_rows(written)})
