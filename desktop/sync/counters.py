"""Counters that must never go backwards, even when the database does.

Restoring a backup puts the database back in time: its change counter and
its package numbers with it. Without care, the next package would reuse a
number the township already has (a wrong "较早的数据包" warning, and a file
of the same name overwritten on the stick), and edits made after the restore
would get change numbers the township has already seen (and be dropped as
"older"). So every export reserves its number and change range in a small
file beside the database, *before* the package is published, and a restore
lifts the restored database's counters above what that file remembers and
marks the database as restored: its next package is a full one that tells
the township to compare record by record (differences become conflicts a
person decides, never a silent overwrite).

The file lives in the data folder, which backups do not contain.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path

from desktop.sync import package_format as fmt
from models.entities import AppMeta
from models.errors import PackageWriteError
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "sync_counters"

FILE_NAME = "sync-counters.json"
#: AppMeta key set by a restore and cleared when the township acknowledged a package made after it.
KEY_RESTORED = "sync_restored_at"
#: AppMeta key: the first package made after the restore (its ack clears the restore mark).
KEY_RESTORED_PACKAGE = "sync_restored_package"


def _read(data_dir: Path) -> dict:
    try:
        data = json.loads((data_dir / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def reserved_number(data_dir: Path, peer_code: str) -> int:
    """The highest package number ever reserved for this peer (0: none)."""
    value = _read(data_dir).get("out", {}).get(peer_code, 0)
    return value if isinstance(value, int) else 0


def highest_seq(data_dir: Path) -> int:
    """The highest change number ever put into a package from this data folder."""
    value = _read(data_dir).get("seq", 0)
    return value if isinstance(value, int) else 0


def reserve(data_dir: Path, peer_code: str, number: int, seq_to: int) -> None:
    """Remember a package number and change range before the package is published.

    Raises:
        PackageWriteError: the data folder cannot be written (the export then stops).
    """
    try:
        _write_reserved(data_dir, peer_code, number, seq_to)
    except OSError as exc:
        raise PackageWriteError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "无法在数据文件夹中记下数据包编号:{detail}。没有导出。"), detail=fmt.os_error_text(exc))) from exc


def _write_reserved(data_dir: Path, peer_code: str, number: int, seq_to: int) -> None:
    data = _read(data_dir)
    out = data.get("out") if isinstance(data.get("out"), dict) else {}
    out[peer_code] = max(number, out.get(peer_code, 0) if isinstance(out.get(peer_code), int) else 0)
    data["out"] = out
    data["seq"] = max(seq_to, highest_seq(data_dir))
    tmp = data_dir / (FILE_NAME + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, data_dir / FILE_NAME)


def lift_after_restore(db_path: Path, restored_at: str, data_dir: Path | None = None) -> None:
    """Lift a restored database's counters above everything already sent, and mark it restored.

    Called by `desktop.backup.restore` on the copy about to be swapped in
    (closed, in the data folder `data_dir`, `db_path`'s folder unless
    given), before the swap: whatever moment a crash hits, the database in
    place is either the old one or a restored one that carries the mark.
    Does nothing for a data folder that never exported a package.

    Raises:
        sqlite3.Error: the copy could not be updated (the restore then stops; nothing was swapped).
    """
    folder = db_path.parent if data_dir is None else data_dir
    data = _read(folder)
    out, seq = data.get("out", {}), highest_seq(folder)
    if not out and not seq:
        return
    _lift(db_path, out, seq, restored_at)


def _lift(db_path: Path, out: dict, seq: int, restored_at: str) -> None:
    con = sqlite3.connect(db_path)
    try:
        with con:
            con.execute("UPDATE change_counter SET value = max(value, ?) WHERE id = 1", (seq,))
            has_peers = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'peer'").fetchone()
            if has_peers:
                for code, number in out.items():
                    if isinstance(number, int):
                        con.execute("UPDATE peer SET last_out_no = max(last_out_no, ?) WHERE code = ?",
                                    (number, code))
            con.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (KEY_RESTORED, restored_at))
    finally:
        con.close()
    log.info("counters lifted after restore: seq >= %s, package numbers %s", seq, out)


def note_restored_package(number: int) -> None:
    """Remember the first package that told the township about the restore."""
    if not AppMeta.get_or_none(AppMeta.key == KEY_RESTORED_PACKAGE):
        AppMeta.create(key=KEY_RESTORED_PACKAGE, value=str(number))


def clear_restored_if_acked(acked_number: int) -> None:
    """Drop the restore mark once the township acknowledged a package that carried it."""
    row = AppMeta.get_or_none(AppMeta.key == KEY_RESTORED_PACKAGE)
    if row and row.value.isdigit() and acked_number >= int(row.value):
        AppMeta.delete().where(AppMeta.key.in_([KEY_RESTORED, KEY_RESTORED_PACKAGE])).execute()
