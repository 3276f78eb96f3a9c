"""Attachments: scanned sign-in sheets, photos of the 公开栏, signed vote sheets.

Files are stored once by content hash (`attachments/ab/abcdef…`), so the same
scan attached twice takes no extra space and a package can carry it by hash.
The record keeps the original file name so a person sees "签到表.jpg", never a
hash. Writing goes through a temporary name and a rename: a full disk leaves
no half file behind. Removing an attachment moves its record to the recycle
view; the stored file stays (another record may share it).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.services import duties, read_models, record_store, write_rights
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models.errors import NotFound, PermissionDenied, ValidationError
from models.meetings.records import Attachment
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission

_C = "attachments"
MAX_BYTES = 50 * 1024 * 1024  # a phone photo is 2–8 MB; a 50 MB file is a mistake

KINDS = {
    "sign_in": QT_TRANSLATE_NOOP(_C, "签到表"),
    "photo": QT_TRANSLATE_NOOP(_C, "照片"),
    "ballot": QT_TRANSLATE_NOOP(_C, "表决票"),
    "document": QT_TRANSLATE_NOOP(_C, "文件"),
}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


_HEX64 = re.compile(r"[0-9a-f]{64}")
#: Characters no file name may hold on Windows (and the folder separators of both systems).
_NOT_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def stored_path(store: Path, sha256: str) -> Path:
    """Where the content with this hash lives in the attachments folder.

    Anything but a SHA-256 (a row a package brought: "./../keys/signing.key",
    "/etc/passwd") names a file that never exists inside the store, so no
    reader (a 恢复包, 打开, 另存为) ever reaches a file outside it.
    """
    if not _HEX64.fullmatch(sha256):
        return store / "not-a-hash" / "missing"
    return store / sha256[:2] / sha256


def safe_file_name(name: str) -> str:
    """`name` as one file name inside a folder: no folder part, drive or character Windows refuses.

    The name of an attachment comes from whoever attached it, possibly another
    installation's package: "../../启动/a.bat" or "C:evil" must not write outside
    the folder the copy goes to.
    """
    cleaned = _NOT_IN_NAME.sub("_", name).strip(" .")
    return cleaned or str(msg(_C, QT_TRANSLATE_NOOP(_C, "附件")))


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in 1 MB pieces (attachments, packages)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def why_not_attach(session: Session, table_name: str, record_id: str) -> Message | None:
    """Why `session` may not attach files to (or remove them from) this record (None when it may).

    The secretary's `EDIT_RECORDS`; only on this installation's own records
    (`write_rights.why_not_attach`); and the 监委会's minutes are not the
    村委会's to add to or take from (`duties.why_not_keep_committee_minutes`).
    """
    if not session.can(Permission.EDIT_RECORDS):
        return session.refusal()
    reason = write_rights.why_not_attach(table_name, record_id, record_store.owner_code())
    if reason is None and table_name == "meeting":
        from models.meetings.records import Meeting
        from models.meetings.types import SUPERVISION

        meeting = Meeting.get_or_none(Meeting.id == record_id)
        if meeting is not None and meeting.type_code == SUPERVISION:
            reason = duties.why_not_keep_committee_minutes(session)
    return reason


def _require_attach(session: Session, table_name: str, record_id: str) -> None:
    reason = why_not_attach(session, table_name, record_id)
    if reason is not None:
        raise PermissionDenied(reason)


def add(session: Session, store: Path, table_name: str, record_id: str, source: Path,
        kind: str = "document") -> read_models.AttachmentView:
    """Copy `source` into the store and attach it to the record."""
    _require_attach(session, table_name, record_id)
    source = Path(source)
    if kind not in KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的附件类别:{kind}"), kind=kind)
    if not source.is_file():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "找不到文件“{path}”。"), path=source)
    try:
        sha, size = hash_file(source)
    except OSError as exc:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "无法读取“{path}”:{detail}"), path=source,
                       detail=exc.strerror or exc) from exc
    if size == 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“{name}”是空文件,没有附上。"), name=source.name)
    if size > MAX_BYTES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“{name}”有 {mb} MB,太大了(最多 50 MB)。照片请先缩小再附上。"),
                       name=source.name, mb=size // (1024 * 1024))
    target = stored_path(store, sha)
    if not target.exists():
        tmp = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _invalid(QT_TRANSLATE_NOOP(_C, "附件没有保存:{detail}。可能是磁盘已满。"),
                           detail=exc.strerror or exc) from exc
    return snapshot(record_store.create(
        session, Attachment, table_name=table_name, record_id=record_id, sha256=sha,
        filename=source.name[:255], kind=kind, size=size))


@dataclass(frozen=True)
class AttachmentRow:
    """An attachment as the UI lists it."""

    id: str
    filename: str
    kind: str
    size: int
    sha256: str


def list_for(table_name: str, record_id: str) -> list[AttachmentRow]:
    """Attachments of a record (not deleted), oldest first."""
    rows = (Attachment.live().where((Attachment.table_name == table_name) & (Attachment.record_id == record_id))
            .order_by(Attachment.seq))
    return [AttachmentRow(a.id, a.filename, a.kind, a.size, a.sha256) for a in rows]


def _get(attachment_id: str) -> Attachment:
    row = Attachment.get_or_none((Attachment.id == attachment_id) & (Attachment.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个附件(可能已被删除)。")))
    return row


def export_copy(store: Path, attachment_id: str, folder: Path) -> Path:
    """Copy an attachment out under its original name (to open or hand over)."""
    row = _get(attachment_id)
    source = stored_path(store, row.sha256)
    if not source.is_file():
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(
            _C, "附件“{name}”的文件不在数据文件夹里(可能还没有随数据包传来)。"), name=row.filename))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(row.filename)
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}({n}){suffix}"
    shutil.copyfile(source, target)
    return target


def remove(session: Session, attachment_id: str) -> None:
    """Move an attachment to the recycle view (never from approved minutes: they are evidence)."""
    session.require(Permission.EDIT_RECORDS)
    row = _get(attachment_id)
    _require_attach(session, row.table_name, row.record_id)
    if row.table_name == "meeting":
        from models.meetings.records import STATUS_APPROVED, Meeting

        meeting = Meeting.get_or_none(Meeting.id == row.record_id)
        if meeting is not None and meeting.status == STATUS_APPROVED:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "会议记录已经审定,它的附件不能删除。如有错误,请在更正记录中附上正确的文件。"))
    record_store.soft_delete(session, row)


def copy_to(session: Session, source_table: str, source_id: str, table_name: str, record_id: str) -> int:
    """Attach every file of one record to another (a correction keeps the original's scans)."""
    session.require(Permission.EDIT_RECORDS)
    rows = list_for(source_table, source_id)
    for row in rows:
        record_store.create(session, Attachment, table_name=table_name, record_id=record_id,
                            sha256=row.sha256, filename=row.filename, kind=row.kind, size=row.size)
    return len(rows)
