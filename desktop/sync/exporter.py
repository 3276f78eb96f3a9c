"""Writing a data package for the peer: incremental by default, `full` on demand.

A package carries the sender's own records changed since the change number
the recipient last acknowledged (so everything never acknowledged travels
again, and a lost stick costs nothing), their attachments, and an ack of the
recipient's packages we hold. The cost follows the changes: each table is
read with `owner = ? AND seq > ?` on its `seq` index.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import setup_service, status_service
from desktop.services.attachments_service import hash_file, stored_path
from desktop.services.session import Session
from desktop.sync import counters, payload, peers, witness
from desktop.sync import keys as keys_mod
from desktop.sync import package_format as fmt
from desktop.sync.sealing import Sealer
from models.clock import now_utc
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE, AppMeta, Village
from models.errors import PackageWriteError, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.roles import Permission
from models.sequence import current_seq
from models.sync import policy
from models.sync.records import OUT, PEER_ACTIVE, STATUS_SENT, PackageLog, Peer

_C = "export"


@dataclass
class ExportResult:
    """What was written."""

    path: Path
    number: int
    recipient: str
    seq_from: int
    seq_to: int
    counts: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    size: int = 0

    @property
    def records(self) -> int:
        """Records in the package."""
        return sum(self.counts.values())


def _invalid(template: str, **params: Any) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def package_file_name(sender_code: str, recipient_code: str, number: int, mode: str, when: datetime) -> str:
    """`<村代码>_<序号>_<日期>.cwpkg`; a township's return package says so in its name."""
    if mode == MODE_TOWNSHIP:
        return f"{recipient_code}_乡镇回执_{number:04d}_{when:%Y%m%d}{fmt.SUFFIX}"
    return f"{sender_code}_{number:04d}_{when:%Y%m%d}{fmt.SUFFIX}"


def choose_recipient(recipient_code: str | None) -> Peer:
    """The peer a package goes to: the township (village mode) or the named village."""
    info = setup_service.current()
    if info is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "本机还没有初始化。"))
    if info.mode == MODE_VILLAGE:
        peer = peers.township_peer()
        if peer is None:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "本村还没有加入乡镇:请先导入乡镇发来的入网文件(…_入网文件_….cwpkg),再导出数据包。"))
        return peer
    if not recipient_code:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请指定要发给哪个村(村代码)。"))
    peer = peers.get(recipient_code)
    if peer is None or peer.kind != MODE_VILLAGE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=recipient_code)
    if peer.status != PEER_ACTIVE or not peer.box_key:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "还没有收到{name}的第一个数据包(其中带有该村电脑的公钥),暂时无法给它发送加密的回执。"),
            name=peer.name)
    return peer


def _select_rows(table: str, owner: str, seq_from: int, seq_to: int, recipient: Peer,
                 mode: str) -> payload.TableRows:
    """This table's rows that go to the recipient, oldest change first."""
    if mode == MODE_VILLAGE:
        cur = database.execute_sql(
            f'SELECT * FROM "{table}" WHERE owner = ? AND seq > ? AND seq <= ? ORDER BY seq',
            (owner, seq_from, seq_to))
        return payload.TableRows(table, [d[0] for d in cur.description], [list(r) for r in cur.fetchall()])
    # township: only the township's records about this village
    rows: dict[str, list[Any]] = {}
    columns: list[str] = []
    clauses = [(f'JOIN "{target}" p ON p.id = t."{col}"', "p.owner = ?")
               for col, target in policy.foreign_keys(table) if target in policy.MODEL_BY_TABLE]
    if policy.has_column(table, "village_code"):
        clauses.append(("", "t.village_code = ?"))
    for join, cond in clauses:
        cur = database.execute_sql(
            f'SELECT t.* FROM "{table}" t {join} WHERE t.owner = ? AND t.seq > ? AND t.seq <= ? AND {cond}',
            (owner, seq_from, seq_to, recipient.code))
        columns = [d[0] for d in cur.description]
        for r in cur.fetchall():
            rows[r[0]] = list(r)
    ordered = sorted(rows.values(), key=lambda r: r[columns.index("seq")]) if rows else []
    return payload.TableRows(table, columns, ordered)


def _township_attachments(owner: str, seq_from: int, seq_to: int, sent: dict[str, set[str]]) -> payload.TableRows:
    cur = database.execute_sql(
        'SELECT * FROM attachment WHERE owner = ? AND seq > ? AND seq <= ? ORDER BY seq', (owner, seq_from, seq_to))
    columns = [d[0] for d in cur.description]
    ti, ri = columns.index("table_name"), columns.index("record_id")
    rows = [list(r) for r in cur.fetchall() if r[ri] in sent.get(r[ti], set())]
    return payload.TableRows("attachment", columns, rows)


def _readme(info, recipient: Peer, number: int, counts: dict[str, int], attachments: int, full: bool) -> str:
    lines = [
        "村务台账 数据包",
        "",
        f"发送方:{info.name}({info.code})",
        f"接收方:{recipient.name}({recipient.code})",
        f"编号:第 {number} 号{'(完整数据包)' if full else ''}",
        f"生成时间:{datetime.now():%Y-%m-%d %H:%M}",
        "",
        "内容:",
    ]
    lines += [f"  {policy.label(t)}:{n} 条" for t, n in counts.items() if n] or ["  (没有新的修改,只包含回执信息)"]
    if attachments:
        lines.append(f"  附件文件:{attachments} 个")
    lines += ["", "本数据包已加密,只有接收方的电脑能打开;请用“村务台账”软件导入,不要解压或修改。",
              "如果导入时提示签名或校验错误,请让发送方重新导出一次。"]
    return "\r\n".join(lines) + "\r\n"


def export_package(session: Session, paths: AppPaths, folder: Path,
                   full: bool = False, recipient_code: str | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   now: datetime | None = None) -> ExportResult:
    """Write the next package for the peer into `folder` and record it.

    Raises:
        ValidationError: not enrolled, no recipient key yet, or the folder is missing.
        PackageWriteError: the target could not be written (nothing valid-looking left).
        package_format.Cancelled: the person cancelled (nothing left behind).
    """
    session.require(Permission.EXCHANGE)
    folder = Path(folder)
    if not folder.is_dir():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"), path=folder)
    info = session.installation_info()
    recipient = choose_recipient(recipient_code)
    keypair = keys_mod.load_or_create(paths.keys)
    now = now or datetime.now()
    restored_at = _restored_at() if info.mode == MODE_VILLAGE else ""
    full = full or bool(restored_at)  # after a restore the township compares everything
    with database.atomic():  # one consistent snapshot of every table
        seq_to = current_seq()
        seq_from = 0 if full else min(recipient.out_acked_seq, seq_to)
        tables = []
        sent_ids: dict[str, set[str]] = {}
        for table in policy.SYNCED_TABLES:
            if info.mode == MODE_TOWNSHIP and table == "attachment":
                continue
            rows = _select_rows(table, info.code, seq_from, seq_to, recipient, info.mode)
            tables.append(rows)
            sent_ids[table] = {r[0] for r in rows.rows}
        if info.mode == MODE_TOWNSHIP:
            tables.append(_township_attachments(info.code, seq_from, seq_to, sent_ids))
        facts = _village_facts(info) if info.mode == MODE_VILLAGE else {}
        ack = {"number": recipient.last_in_no, "seq": recipient.in_watermark}
        audit_head = witness.manifest_block(recipient)  # our audit head, for the peer to witness
    counts = {t.name: len(t.rows) for t in tables if t.rows}
    blobs = _attachment_hashes(tables)
    number = max(recipient.last_out_no, counters.reserved_number(paths.data_dir, recipient.code)) + 1
    package_id = str(uuid.uuid4())
    sealer = Sealer(keys_mod.box_public_key(recipient.box_key), package_id)
    manifest = {
        "format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__,
        "schema_version": SCHEMA_VERSION, "kind": "data", "package_id": package_id,
        "sender": {"code": info.code, "name": info.name, "kind": info.mode, "province": info.province},
        "recipient": {"code": recipient.code, "name": recipient.name},
        "number": number, "created_at": now_utc(), "full": full,
        "seq_from": seq_from, "seq_to": seq_to, "ack": ack,
        "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public},
        "ephemeral": sealer.ephemeral_public, "counts": counts, "attachments": len(blobs),
        "facts": facts, "audit": audit_head,
    }
    if restored_at:
        manifest["restored_at"] = restored_at
    missing = [h for h in blobs if not stored_path(paths.attachments, h).exists()]
    present = [h for h in blobs if h not in missing]
    manifest["missing_attachments"] = len(missing)

    name = free_name(folder, package_file_name(info.code, recipient.code, number, info.mode, now))
    counters.reserve(paths.data_dir, recipient.code, number, seq_to)
    path = fmt.write_package(folder, name, manifest, _readme(info, recipient, number, counts, len(present), full),
                             sealed_members(sealer, tables, paths.attachments, present), keypair.signing, progress, cancelled, total=1 + len(present))
    result = ExportResult(path, number, recipient.code, seq_from, seq_to, counts, len(present), path.stat().st_size)
    with database.atomic():
        _record_sent(result, recipient, manifest["created_at"], now)
        witness.note_sent(recipient.code, number, audit_head)
    if restored_at:
        counters.note_restored_package(number)
    return result


def _village_facts(info) -> dict[str, Any]:
    village = Village.get_or_none(Village.code == info.code)
    if village is None:
        return {}
    return {"households": village.households, "adult_population": village.adult_population}


def _attachment_hashes(tables: list[payload.TableRows]) -> list[str]:
    for t in tables:
        if t.name == "attachment" and t.rows:
            si, di = t.columns.index("sha256"), t.columns.index("deleted")
            return sorted({r[si] for r in t.rows if not r[di]})
    return []


def _record_sent(result: ExportResult, recipient: Peer, created_at: str, now: datetime) -> None:
    import json

    with database.atomic():
        Peer.update(last_out_no=result.number, last_out_at=created_at).where(
            Peer.code == recipient.code).execute()
        PackageLog.create(direction=OUT, peer_code=recipient.code, number=result.number,
                          file_name=result.path.name, file_sha256=hash_file(result.path)[0],
                          created_at=created_at, seq_from=result.seq_from, seq_to=result.seq_to,
                          records=result.records, counts=json.dumps(result.counts, ensure_ascii=False),
                          status=STATUS_SENT)
        AppMeta.insert(key=status_service.KEY_LAST_SENT, value=f"第 {result.number} 号 {now:%Y-%m-%d}").on_conflict(
            conflict_target=[AppMeta.key], update={AppMeta.value: f"第 {result.number} 号 {now:%Y-%m-%d}"}).execute()


def _restored_at() -> str:
    row = AppMeta.get_or_none(AppMeta.key == counters.KEY_RESTORED)
    return row.value if row else ""


def free_name(folder: Path, name: str) -> str:
    """`name`, or `name` with " (2)", " (3)"… when a file of that name is already there.

    A package is never written over another file: that one may be a package
    the recipient has not imported yet.
    """
    stem, suffix = name[: -len(fmt.SUFFIX)], fmt.SUFFIX
    candidate, n = name, 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{stem} ({n}){suffix}"
    return candidate


def sealed_members(sealer: Sealer, tables: list[payload.TableRows], attachments: Path, present: list[str]):
    """The package's members, each sealed: the records, then each attachment read when it is written.

    Attachments are read one at a time, so a package with many never holds them all in memory.

    Raises:
        PackageWriteError: an attachment could not be read.
    """
    yield fmt.Member(fmt.RECORDS, sealer.seal(fmt.RECORDS, payload.encode(tables)))
    for digest in present:
        name = f"attachments/{digest}.bin"
        try:
            data = stored_path(attachments, digest).read_bytes()
        except OSError as exc:
            raise PackageWriteError(msg(_C, QT_TRANSLATE_NOOP(
                _C, "读取附件时出错:{detail}"), detail=fmt.os_error_text(exc))) from exc
        yield fmt.Member(name, sealer.seal(name, data))
