"""What the 数据交换 page (and the township's 村庄 page) shows and does, without Qt.

The heavy jobs (`export_package`, `export_for_county`, `plan_package`,
`import_package`, `import_packages`) are plain calls the UI's job runner
runs on a worker thread (the runner opens the thread's connection,
`desktop.services.worker`); they take `progress` and `cancelled`
callables where the page shows a bar and a cancel button. Packages a person imports together
share one backup (`start_import_batch`, `import_packages`).
"""

from __future__ import annotations

import json
import os
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services import installation, read_models, setup_service
from desktop.services.session import Session
from desktop.sync import enrollment, exporter, first_contact, importer, keys, peers, upward
from desktop.sync import package_format as fmt
from desktop.sync.import_backup import ImportBackup
from models import audit
from models.clock import local_display, now_utc, parse_utc
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import CunwuError, NotFound, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.sync import policy
from models.sync.records import (
    IN,
    PEER_ACTIVE,
    PEER_PENDING,
    PEER_RETIRED,
    STATUS_ACKED,
    STATUS_IMPORTED,
    STATUS_REFUSED,
    STATUS_SENT,
    PackageLog,
    Peer,
    SyncConflict,
)

_C = "exchange"

STATUS_LABELS = {
    STATUS_SENT: QT_TRANSLATE_NOOP(_C, "已发出"),
    STATUS_ACKED: QT_TRANSLATE_NOOP(_C, "对方已收到"),
    STATUS_IMPORTED: QT_TRANSLATE_NOOP(_C, "已导入"),
    STATUS_REFUSED: QT_TRANSLATE_NOOP(_C, "已拒绝"),
}
PEER_STATUS_LABELS = {
    PEER_PENDING: QT_TRANSLATE_NOOP(_C, "等待第一个数据包"),
    PEER_ACTIVE: QT_TRANSLATE_NOOP(_C, "正常"),
    PEER_RETIRED: QT_TRANSLATE_NOOP(_C, "已停用"),
}


@dataclass(frozen=True)
class PeerRow:
    """One peer as the page lists it."""

    code: str
    name: str
    kind: str
    status: str  # pending / active / retired
    fingerprint: str
    last_in_no: int
    last_in_at: str  # local display text
    last_out_no: int
    last_out_at: str
    out_acked_no: int
    missing: tuple[int, ...]  # package numbers we lack
    silent_days: int | None  # days since the last package from them (None: never)


@dataclass(frozen=True)
class Overview:
    """This installation and its peers."""

    mode: str
    code: str
    name: str
    fingerprint: str
    peers: tuple[PeerRow, ...]
    open_conflicts: int


@dataclass(frozen=True)
class HistoryRow:
    """One package in the history (sent, received or refused)."""

    direction: str  # out / in
    peer_code: str
    peer_name: str
    number: int
    file_name: str
    created_at: str  # local display
    logged_at: str
    status: str
    records: int
    counts: str  # "会议 3、人员 2"
    note: str


def _days_since(text: str, now: datetime) -> int | None:
    if not text:
        return None
    try:
        return max(0, (now - parse_utc(text)).days)
    except ValueError:  # a stamp not of ours: no count rather than a broken page
        return None


def overview(paths: AppPaths, now: datetime | None = None) -> Overview:
    """This installation's fingerprint and every peer with its counters."""
    info = setup_service.current()
    now = now or datetime.now(UTC)
    rows = []
    every = list(Peer.select().order_by(Peer.kind, Peer.code))
    ranges = peers.imported_ranges_of(every)  # one query for all peers, not one each
    for peer in every:
        rows.append(PeerRow(
            peer.code, peer.name, peer.kind, peer.status, peer.fingerprint, peer.last_in_no,
            local_display(peer.last_in_at), peer.last_out_no, local_display(peer.last_out_at),
            peer.out_acked_no, tuple(peers.missing_numbers(ranges[peer.code])),
            _days_since(peer.last_in_at, now)))
    return Overview(info.mode if info else "", info.code if info else "", info.name if info else "",
                    keys.load_or_create(paths.keys).fingerprint, tuple(rows),
                    SyncConflict.select().where(SyncConflict.resolved_at == "").count())


def own_fingerprint(paths: AppPaths) -> str:
    """This PC's full fingerprint (its first 8 characters are what is read out: `first_contact.spoken`)."""
    return keys.load_or_create(paths.keys).fingerprint


def _counts_text(counts_json: str) -> str:
    try:
        counts = json.loads(counts_json or "{}")
    except json.JSONDecodeError:
        return ""
    return "、".join(f"{policy.label(t)} {n}" for t, n in counts.items() if n)


def history(paths: AppPaths, peer_code: str | None = None, limit: int | None = 500) -> list[HistoryRow]:
    """Packages sent and received, newest first, with the refused ones from the journal."""
    names = {p.code: p.name for p in Peer.select(Peer.code, Peer.name)}
    names[upward.COUNTY] = upward.COUNTY_LABEL
    query = PackageLog.select().order_by(PackageLog.id.desc()).limit(limit)
    if peer_code:
        query = query.where(PackageLog.peer_code == peer_code)
    out = [HistoryRow(r.direction, r.peer_code, names.get(r.peer_code, r.peer_code), r.number, r.file_name,
                      local_display(r.created_at), local_display(r.logged_at), r.status, r.records,
                      _counts_text(r.counts), r.reason) for r in query]
    for refusal in importer.read_refusals(paths.data_dir):
        code = refusal.get("file", "").split("_")[0]
        if peer_code and code != peer_code:
            continue
        out.append(HistoryRow(IN, code, names.get(code, code), 0, refusal.get("file", ""), "",
                              local_display(refusal.get("at", "")), STATUS_REFUSED, 0, "", refusal.get("reason", "")))
    out.sort(key=lambda r: r.logged_at, reverse=True)
    return out


@dataclass(frozen=True)
class FieldDiff:
    """One column that differs between the two versions of a conflict."""

    column: str
    local: str
    incoming: str


@dataclass(frozen=True)
class ConflictRow:
    """A conflict with the columns that differ, for side-by-side display."""

    id: int
    table: str
    table_label: str
    record_id: str
    package: str
    found_at: str
    resolved: bool
    resolution: str
    diffs: tuple[FieldDiff, ...]


def conflicts(open_only: bool = True) -> list[ConflictRow]:
    """Same-owner conflicts kept for a person to decide."""
    query = SyncConflict.select().order_by(SyncConflict.id)
    if open_only:
        query = query.where(SyncConflict.resolved_at == "")
    out = []
    for c in query:
        local, incoming = json.loads(c.local_values), json.loads(c.incoming_values)
        diffs = tuple(FieldDiff(k, _show(local.get(k)), _show(incoming.get(k)))
                      for k in incoming if k not in ("seq", "updated_at") and local.get(k) != incoming.get(k))
        out.append(ConflictRow(c.id, c.table_name, policy.label(c.table_name), c.record_id, c.package,
                               local_display(c.found_at), bool(c.resolved_at), c.resolution, diffs))
    return out


def _show(value) -> str:
    return "" if value is None else str(value)


def resolve_conflict(session: Session, conflict_id: int, keep: str) -> None:
    """Keep the local version (`"local"`) or take the incoming one (`"incoming"`); audited."""
    session.require(Permission.EXCHANGE)
    if keep not in ("local", "incoming"):
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "请选择保留本机的版本还是数据包中的版本。")))
    with database.atomic():
        c = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
        if c is None or c.resolved_at:
            raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "这个冲突已经处理过了。")))
        if keep == "incoming":
            incoming = json.loads(c.incoming_values)
            cols = list(incoming)
            col_sql = ",".join(f'"{k}"' for k in cols)
            updates = ",".join(f'"{k}"=excluded."{k}"' for k in cols if k != "id")
            database.execute_sql(
                f'INSERT INTO "{c.table_name}" ({col_sql}) VALUES ({",".join("?" * len(cols))}) '
                f'ON CONFLICT(id) DO UPDATE SET {updates}', [incoming[k] for k in cols])
        SyncConflict.update(resolved_at=now_utc(), resolution=keep).where(SyncConflict.id == c.id).execute()
        kept: dict = {"kept": keep}
        if keep == "incoming":  # the values written, so that `cunwu check` can replay them
            kept["values"] = {k: v for k, v in incoming.items() if k not in ("seq", "updated_at")}
        audit.append(session.actor, "resolve", c.table_name, c.record_id, json.loads(c.local_values)
                     if keep == "incoming" else None, kept)


# --- the heavy jobs -----------------------------------------------------------------------------

def export_package(session: Session, paths: AppPaths, folder: Path, full: bool = False,
                   recipient_code: str | None = None, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> exporter.ExportResult:
    """Write the next package (full: every record) for the township, or the 回执 for `recipient_code`."""
    return exporter.export_package(session, paths, Path(folder), full, recipient_code, progress, cancelled)


def plan_package(paths: AppPaths, path: Path) -> importer.ImportPlan:
    """Verify a package and work out its preview (reads only)."""
    return importer.plan_import(Path(path), paths)


def import_package(session: Session, paths: AppPaths, path: Path,
                   batch: ImportBackup | None = None, fingerprint: str | None = None) -> importer.ImportPlan:
    """Apply a package in one transaction; with `batch` (`start_import_batch`) it shares the batch's backup.

    `fingerprint`: what the person typed for a first package (the preview
    asks for it). A first package is refused unless it matches
    (`first_contact.require_confirmed`) — without one too: a pending
    village's key is never pinned without a person —, checked again on the
    file as it is now, not on the one previewed.
    """
    return importer.apply_import(session, Path(path), paths, backup=batch if batch is not None else True,
                                 confirm=first_contact.confirmer(fingerprint))


def export_for_county(session: Session, paths: AppPaths, folder: Path,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> upward.UpwardResult:
    """Write the 县级汇总包 for the county (`upward.export_for_county`)."""
    return upward.export_for_county(session, paths, Path(folder), progress=progress, cancelled=cancelled)


def start_import_batch(paths: AppPaths) -> ImportBackup:
    """The one backup shared by the packages a person imports together.

    For a page that previews each package before importing it: make one
    when the person's chosen files start, pass it to `import_package` for
    each of them, and drop it when the files are done. The backup is taken
    by the first package that writes (none if nothing is written).
    """
    return ImportBackup(paths)


@dataclass(frozen=True)
class PackageOutcome:
    """What became of one package of a batch: its plan (imported, or already imported) or its refusal."""

    path: Path
    plan: importer.ImportPlan | None  # None: refused, see `error`
    error: CunwuError | None = None

    @property
    def ok(self) -> bool:
        """Imported (or had been already)."""
        return self.plan is not None


@dataclass(frozen=True)
class BatchResult:
    """The packages of a batch in the order given, and the one backup taken before them."""

    outcomes: tuple[PackageOutcome, ...]
    backup: Path | None  # None: nothing was written, so no backup was needed
    cancelled: bool = False  # stopped before the packages not in `outcomes`

    @property
    def refused(self) -> tuple[PackageOutcome, ...]:
        """The packages refused (each changed nothing)."""
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def changed_tables(self) -> frozenset[str]:
        """The tables the batch wrote to (for pages to refresh what they show)."""
        return frozenset(t.table for o in self.outcomes if o.plan and not o.plan.already_imported
                         for t in o.plan.tables if t.new or t.changed or t.conflict)


def import_packages(session: Session, paths: AppPaths, files: list[Path],
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    fingerprints: dict[str, str] | None = None) -> BatchResult:
    """Import several data packages in the order given, with one backup for all of them.

    There is no preview here, so no one is asked for a fingerprint: a
    village's first package is refused ("…的第一个数据包需要先核对电脑指纹,
    请单独导入", `first_contact.batch_confirmer`) unless `fingerprints` holds
    what a person typed for that village's code; the import flow, which
    previews each package and asks, is where it is imported.

    Each package is its own transaction: a refused one changes nothing, is
    reported in its `PackageOutcome` (and in the history's journal) and the
    others go on. The backup is taken before the first package that writes.
    `cancelled` is asked before each package: a package once started is
    finished (or rolled back), never cut in half. Runs on a worker thread
    with the thread's own connection.
    """
    files = [Path(f) for f in files]
    batch = ImportBackup(paths)
    outcomes: list[PackageOutcome] = []
    stopped = False
    with database.connection_context():
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                stopped = True
                break
            if progress is not None:
                progress(done, len(files))
            try:
                plan = importer.apply_import(session, path, paths, backup=batch,
                                             confirm=first_contact.batch_confirmer(fingerprints))
                outcomes.append(PackageOutcome(path, plan))
            except CunwuError as exc:
                outcomes.append(PackageOutcome(path, None, exc))
    if progress is not None and not stopped:
        progress(len(files), len(files))
    return BatchResult(tuple(outcomes), batch.path, stopped)


# --- where packages are ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Drive:
    """A removable drive or mounted medium a package can be written to."""

    path: Path
    label: str


def removable_drives() -> list[Drive]:
    """USB sticks and other removable media: drive letters on Windows, mounts under /media on Linux."""
    if sys.platform.startswith("win"):
        return _windows_removable()
    out = []
    for base in (Path("/media"), Path("/run/media")):
        if not base.is_dir():
            continue
        for user_dir in sorted(base.iterdir()):
            candidates = [user_dir] if os.path.ismount(user_dir) else (
                sorted(p for p in user_dir.iterdir() if p.is_dir()) if user_dir.is_dir() else [])
            for mount in candidates:
                if os.path.ismount(mount):
                    out.append(Drive(mount, mount.name))
    return out


def _windows_removable() -> list[Drive]:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    drives, mask = [], kernel32.GetLogicalDrives()
    for i, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << i):
            continue
        root = f"{letter}:\\"
        if kernel32.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
            label = ctypes.create_unicode_buffer(261)
            kernel32.GetVolumeInformationW(root, label, 261, None, None, None, None, 0)
            drives.append(Drive(Path(root), f"{label.value or '可移动磁盘'} ({letter}:)"))
    return drives


def scan_for_packages(folder: Path, max_depth: int = 2) -> list[Path]:
    """`*.cwpkg` files in a folder (and its subfolders, two levels), oldest name first."""
    folder = Path(folder)
    found: list[Path] = []

    def walk(current: Path, depth: int) -> None:
        try:
            entries = sorted(current.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.is_file() and entry.suffix == fmt.SUFFIX and not entry.name.startswith("."):
                found.append(entry)
            elif entry.is_dir() and depth < max_depth and not entry.name.startswith("."):
                walk(entry, depth + 1)

    walk(folder, 0)
    return found


def is_township() -> bool:
    """Township mode (the page then lists villages and sends return packages)."""
    info = setup_service.current()
    return bool(info and info.mode == MODE_TOWNSHIP)


# --- for the 数据交换 page and the first-run wizard (additive) ------------------------------------

#: Raised by the exports and imports when the person pressed 取消 (nothing is left on the target).
Cancelled = fmt.Cancelled
#: The file ending of packages (`.cwpkg`).
SUFFIX = fmt.SUFFIX
SetupInfo = enrollment.SetupInfo


def is_setup_file(path: Path) -> bool:
    """Whether `path` is a township's 入网文件 (by its manifest; by its name if it cannot be opened)."""
    path = Path(path)
    try:
        opened = fmt.open_package(path)
    except CunwuError:
        return "入网文件" in path.name  # the reading itself then gives the reason
    try:
        return opened.manifest.get("kind") == "setup"
    finally:
        opened.close()


def read_setup_file(path: Path) -> enrollment.SetupInfo:
    """Open and verify a setup package: the village's name, code, province and the township's fingerprint.

    Raises:
        PackageRefused: not a setup package, or it does not check out.
    """
    return enrollment.read_setup(Path(path))


def accept_setup_file(path: Path) -> enrollment.SetupInfo:
    """Pin the township of a setup package on this (initialized) village installation.

    Raises:
        PackageRefused: the file does not check out, is for another village, or
            names a township key other than the one already pinned.
    """
    info = enrollment.read_setup(Path(path))
    enrollment.accept_setup(info)
    return info


def initialize_village_from_setup(setup: enrollment.SetupInfo, login: str, display_name: str,
                                  password: str, repeat: str) -> read_models.UserView:
    """The wizard's last step with a setup package: installation, administrator and township, or nothing.

    Raises:
        ValidationError: a rule of `setup_service.initialize_with_admin` is broken.
        PackageRefused: the township could not be pinned; nothing is written.
    """
    with installation.changing(), database.atomic():
        user = setup_service.initialize_with_admin(
            MODE_VILLAGE, setup.village_name, setup.village_code, setup.province,
            login, display_name, password, repeat)
        enrollment.accept_setup(setup)
    return user


def enroll_village(session: Session, paths: AppPaths, code: str, name: str, out_dir: Path) -> Path:
    """Township: register a village and write its 入网文件 into `out_dir`; returns the file."""
    return enrollment.enroll_village(session, paths, code, name, Path(out_dir))


def reenroll_village(session: Session, paths: AppPaths, code: str, reason: str, out_dir: Path) -> Path:
    """Township: retire the village's old key (new PC) and write a new 入网文件; returns the file."""
    return enrollment.reenroll_village(session, paths, code, reason, Path(out_dir))


def retire_village(session: Session, code: str, reason: str) -> None:
    """Township: stop accepting the village's packages (合村并居, no longer supervised); the reason is required."""
    if not (reason or "").strip():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "请写明停用的原因(如“已并入石桥村”)。")))
    enrollment.retire_village(session, code, reason)


def record_refusal(paths: AppPaths, path: Path, reason: str) -> None:
    """Note a package refused at preview in the history's journal (the database is not touched)."""
    importer.journal_refusal(paths.data_dir, Path(path), reason)
