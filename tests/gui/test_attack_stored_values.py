"""Impossible values an older import already stored never break a screen, a report, `check` or an export.

Issue 16: "One `supervision_matter.escalated_on = "2026-02-30"` from a village
breaks the township's 合规看板, home page and `report compliance` (traceback)
until that village sends a fix". The boundary now refuses such a package, but a
township or a village that imported packages before this release may hold such
values already: SQLite stores what it is given (text in an INTEGER column stays
text). This test writes them straight into the database with sqlite3, as an old
import would have — into every date, timestamp, month, integer, money, year and
boolean column of every synced table, a different bad value per row — in the
township (青山村 imported) and in the village, then visits every page of the
main window (every tab), runs the 合规看板 with each cell's drill-down,
`report compliance` (.xlsx and PDF), `cunwu check` and an export: no traceback,
no error logged. `check` names the bad stored values so someone can ask the
village to fix them.
"""

from __future__ import annotations

import io
import logging
import re
import sqlite3
from contextlib import redirect_stderr, redirect_stdout

import pytest
from PySide6.QtWidgets import QApplication

from models import stored_problems
from models.db import close_database
from models.sync import validator
from tests.support.sites import export_to, import_into, make_pair

#: Bad stored values per kind of column, one per row (cycled): what an older import could have stored.
BAD = {
    "date": ["2026-02-30", "", "2026-13-01", "昨天"],
    "timestamp": ["2026-12-01T08:00:00Z", "", "2026-02-30T08:00:00.000000Z", "昨天"],
    "month": ["2026-13", "", "昨天"],
    "integer": ["十二", "", "1.5x"],
    "money": ["一百元", "", "1.5x"],
    "year": ["去年", "", "20x6"],
    "boolean": ["yes", "", "真"],
}
#: Columns that identify a record and its version (the sync machinery's own, never typed by anyone).
KEEP = frozenset({"id", "owner", "seq"})
ROWS = 6


def spoil(database) -> int:
    """Write `BAD` values into every synced table; how many values were written.

    Two patterns at once, as each finds what the other hides: the first `ROWS` records get a bad value in
    every typed column (one bad value per record, cycled), and each column gets its bad values in a few
    other records of its own (a record bad in one column only: nothing else leaves it out early). The
    删除标记 is spoiled in the last records only (a bad one hides its record from every `deleted = 0` read).
    """
    from models.sync.policy import SYNCED_TABLES

    written = 0
    con = sqlite3.connect(database)
    with con:
        for table in SYNCED_TABLES:
            rowids = [r[0] for r in con.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]
            first, middle, last = rowids[:ROWS], rowids[ROWS:-3], rowids[-3:]
            for k, (column, check) in enumerate(validator.table_checks(table).items()):
                if column in KEEP or check.kind not in BAD:
                    continue
                values = BAD[check.kind]
                if column == "deleted":
                    chosen = [r for r in last if r not in first]
                else:
                    own = [middle[(k * len(values) + j) % len(middle)] for j in range(len(values))] if middle else []
                    chosen = first + own
                for i, rowid in enumerate(chosen):
                    con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (values[i % len(values)], rowid))
                    written += 1
    con.close()
    return written


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory):
    """青山镇 with 青山村's package imported, and 青山村 itself, both holding bad stored values."""
    root = tmp_path_factory.mktemp("spoiled")
    township, village, usb = make_pair(root, years=1)
    (usb / "1").mkdir()
    import_into(township, export_to(village, usb / "1").path)
    close_database()
    for site in (township, village):
        assert spoil(site.paths.database) > 100
    return township, village, usb


def _walk(qtbot, site) -> list[str]:
    """Every page of the main window, every tab of it, its background reads waited for; the keys shown."""
    from desktop.services import setup_service
    from tests.gui.fit_checks import every_tab, settle
    from ui.main_window import MainWindow
    from ui.operations import wait_for_jobs
    from ui.settings_store import SettingsStore

    session = site.use()
    window = MainWindow(setup_service.current(), session, site.paths, SettingsStore.load(site.paths.settings_file))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    shown, marked = [], set()
    for key in window.navigation.keys():
        window.show_area(key)
        page = window.current_page()
        for _ in every_tab(page):
            assert wait_for_jobs(20_000)
            settle()
            page.grab()
            marked |= _marked_cells(page)
        shown.append(key)
    assert wait_for_jobs(20_000)
    window.close()
    QApplication.processEvents()
    return shown, marked


def _marked_cells(page) -> set[str]:
    """The cells of the page's tables that show a stored date as “…(日期有误)”."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex
    from PySide6.QtWidgets import QAbstractItemView

    found = set()
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        columns = model.columnCount(QModelIndex()) if isinstance(model, QAbstractTableModel) else 1
        for row in range(min(model.rowCount(QModelIndex()), 200)):
            for column in range(columns):
                text = model.index(row, column).data()
                if isinstance(text, str) and text.endswith("(日期有误)"):
                    found.add(text)
    return found


def _cli(*argv) -> tuple[int, str]:
    from desktop import cli

    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue()


@pytest.mark.parametrize("which", ["township", "village"])
def test_bad_stored_values_break_no_page_report_check_or_export(spoiled, which, qtbot, tmp_path, caplog,
                                                                 monkeypatch):
    """Attack: 'One supervision_matter.escalated_on = "2026-02-30" from a village breaks the township's
    合规看板, home page and `report compliance` (traceback) until that village sends a fix.' — with such
    values (and text in integer columns, `deleted = "yes"`, time stamps without microseconds) already stored
    by an older import, in every typed column of every synced table."""
    from desktop.reports.compliance_pdf import write_compliance_pdf
    from desktop.reports.compliance_xlsx import write_compliance_xlsx
    from desktop.services import compliance_service

    township, village, _usb = spoiled
    site = township if which == "township" else village
    shown_errors: list = []
    monkeypatch.setattr("ui.operations.show_error", lambda _parent, exc: shown_errors.append(exc))
    caplog.set_level(logging.ERROR)
    try:
        shown, marked = _walk(qtbot, site)
        assert len(shown) >= 5
        assert {"2026-02-30(日期有误)", "昨天(日期有误)"} <= marked, marked  # the tables mark what they cannot read
        assert not shown_errors, shown_errors
        if which == "township":
            for period in {compliance_service.default_period(), "2026", "2025"}:
                board = compliance_service.board(period)
                for v in board.villages:
                    for obligation in board.obligations:
                        compliance_service.cell_records(v.code, obligation.key, period)
            write_compliance_xlsx(board, tmp_path / "合规报表.xlsx")
            write_compliance_pdf(board, tmp_path / "合规报表.pdf")
        close_database()
        data = ["--data-dir", site.paths.data_dir]
        if which == "township":
            code, out = _cli(*data, "report", "compliance", "--out", tmp_path / "合规.xlsx", "--pdf", tmp_path / "合规.pdf")
            assert "Traceback" not in out and code == 0, out
        monkeypatch.setattr(stored_problems, "LISTED", 100_000)  # every bad value listed, not the first 50
        code, out = _cli(*data, "check")
        assert "Traceback" not in out and code == 1, out
        origin = "来自较早导入的数据包" if which == "township" else "不是本软件写入的"
        assert re.search("监督事项“[^”]+”的上报乡镇日期“2026-02-30”不是存在的日期." + origin, out), out
        assert re.search("人员“[^”]+”的出生年份“去年”不是年份,已按空计." + origin, out), out
        (tmp_path / "u").mkdir()
        code, out = _cli(*data, "export", "--to", tmp_path / "u")
        assert "Traceback" not in out, out
        assert code == 0 and ".cwpkg" in out, out
    finally:
        close_database()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
