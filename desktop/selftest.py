"""`cunwu selftest`: one run that tells whether a (frozen) build works on this PC.

Every layer is exercised for real in a temporary folder: database and
migrations, services and the audit chain, backup and verified restore, the
data folder's lock between processes, an Excel file, a PDF with Chinese
text, and the main window rendered offscreen.
The log goes to the file named by `CUNWU_SELFTEST_LOG` (a windowed .exe has no
console), or to the temporary folder.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_LOG = "CUNWU_SELFTEST_LOG"


@dataclass
class SelftestReport:
    """Steps run, each with its outcome."""

    steps: list[dict[str, Any]] = field(default_factory=list)
    log_path: str = ""

    @property
    def ok(self) -> bool:
        """True when every step passed."""
        return bool(self.steps) and all(s["ok"] for s in self.steps)

    def lines(self) -> list[str]:
        """One line per step, then the verdict."""
        out = [f"{'通过' if s['ok'] else '失败'}  {s['name']}  {s['detail']}" for s in self.steps]
        out.append("自检通过。" if self.ok else f"自检失败,详见日志:{self.log_path}")
        return out


def run() -> SelftestReport:
    """Run every step in a fresh temporary data folder."""
    from desktop import paths as paths_mod

    report = SelftestReport()
    with tempfile.TemporaryDirectory(prefix="cunwu-selftest-") as tmp:
        log_path = Path(os.environ.get(ENV_LOG) or Path(tempfile.gettempdir()) / "cunwu-selftest.log")
        report.log_path = str(log_path)
        paths = paths_mod.AppPaths(Path(tmp) / "数据")  # a Chinese path on purpose
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"cunwu selftest {time.strftime('%Y-%m-%d %H:%M:%S')} in {tmp}\n")
            context: dict[str, Any] = {"paths": paths, "tmp": Path(tmp)}
            for name, step in STEPS:
                started = time.perf_counter()
                try:
                    detail = step(context) or ""
                    ok = True
                except Exception:  # a selftest reports every failure, it never stops at one
                    detail = traceback.format_exc().strip().splitlines()[-1]
                    log.write(traceback.format_exc())
                    ok = False
                elapsed = time.perf_counter() - started
                log.write(f"{'PASS' if ok else 'FAIL'} {name} ({elapsed:.2f}s) {detail}\n")
                report.steps.append({"name": name, "ok": ok, "detail": detail,
                                     "seconds": round(elapsed, 3)})
        from models.db import close_database

        close_database()
    return report


def _database(ctx) -> str:
    from desktop.services import setup_service
    from desktop.storage import open_store
    from models.migrations import SCHEMA_VERSION

    applied = open_store(ctx["paths"])
    setup_service.initialize("village", "自检村", "110101001001")
    setup_service.create_user(None, "admin", "管理员", "admin", "selftest-Pw1")
    return f"schema v{SCHEMA_VERSION}, {len(applied)} migration(s)"


def _services(ctx) -> str:
    from desktop import demo
    from desktop.services import auth_service, integrity_service

    session = auth_service.login("admin", "selftest-Pw1")
    result = demo.fill_village(session, households=120, years=1)
    report = integrity_service.run_check()
    if not report.ok:
        raise RuntimeError("; ".join(str(line) for line in report.lines()))
    return f"{result.people} people, {report.audit_rows} audit rows, chain ok"


def _backup_restore(ctx) -> str:
    from desktop import backup
    from models.db import close_database, open_database

    paths = ctx["paths"]
    made = backup.create_backup(paths.database, ctx["tmp"] / "备份", "manual")
    summary = backup.summarize(made)
    close_database()
    backup.restore(made, paths.database, paths.backups)
    open_database(paths.database)
    return f"{made.name}: {summary.counts}"


def _folder_lock(ctx) -> str:
    """One process per data folder, between real processes of this same program (`desktop.selftest_lock`)."""
    from desktop import selftest_lock

    return selftest_lock.step(ctx)


def _excel(ctx) -> str:
    from openpyxl import Workbook, load_workbook

    path = ctx["tmp"] / "自检.xlsx"
    wb = Workbook()
    wb.active.title = "汇总"
    wb.active.append(["村名", "户数"])
    wb.active.append(["自检村", 120])
    wb.save(path)
    back = load_workbook(path).active
    if back["A2"].value != "自检村":
        raise RuntimeError("xlsx round trip lost the Chinese text")
    return f"{path.stat().st_size} bytes"


def _package(ctx) -> str:
    """Write a signed, encrypted package of real records to a folder and read it back."""
    import uuid

    from desktop.sync import keys, payload
    from desktop.sync import package_format as fmt
    from desktop.sync.sealing import Opener, Sealer
    from models.db import database

    pair = keys.load_or_create(ctx["paths"].keys)
    cur = database.execute_sql("SELECT * FROM person")
    tables = [payload.TableRows("person", [d[0] for d in cur.description], [list(r) for r in cur.fetchall()])]
    package_id = str(uuid.uuid4())
    sealer = Sealer(keys.box_public_key(pair.box_public), package_id)
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "kind": "selftest", "package_id": package_id,
                "ephemeral": sealer.ephemeral_public}
    folder = ctx["tmp"] / "U盘"
    folder.mkdir()
    path = fmt.write_package(folder, "自检_0001.cwpkg", manifest, "自检数据包\n",
                             [fmt.Member(fmt.RECORDS, sealer.seal(fmt.RECORDS, payload.encode(tables)))],
                             pair.signing)
    opened = fmt.open_package(path)
    try:
        opened.verify_signature(pair.sign_public)
        back = payload.decode(Opener(pair.box, sealer.ephemeral_public, package_id).open(
            fmt.RECORDS, opened.read(fmt.RECORDS)))
    finally:
        opened.close()
    if back[0].rows != tables[0].rows:
        raise RuntimeError("the package did not read back the records it was given")
    return f"{path.stat().st_size} bytes, {len(back[0].rows)} records, signature and hashes ok"


def _qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _pdf(ctx) -> str:
    _qt_app()
    from desktop.reports import meeting_documents, pdf
    from desktop.services import meetings_service

    meeting = meetings_service.list_meetings(type_code="representatives")[0]
    path = pdf.write_pdf(meeting_documents.minutes_html(meeting.id), ctx["tmp"] / "会议记录.pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError("not a PDF")
    return f"{len(data)} bytes"


def _main_window(ctx) -> str:
    _qt_app()
    from desktop.app import render_main_window
    from desktop.services import auth_service

    png = ctx["tmp"] / "main_window.png"
    size = render_main_window(ctx["paths"], auth_service.login("admin", "selftest-Pw1"), png)
    return f"{size[0]}x{size[1]} rendered, every page opened"


STEPS: list[tuple[str, Callable[[dict[str, Any]], str | None]]] = [
    ("数据库与迁移", _database),
    ("服务与审计链", _services),
    ("备份与恢复", _backup_restore),
    ("数据文件夹锁", _folder_lock),
    ("数据包(签名、加密、校验)", _package),
    ("Excel 文件", _excel),
    ("会议记录 PDF", _pdf),
    ("主窗口", _main_window),
]
