"""The compliance report (.xlsx) for 40 villages × 9 obligations, against a bare openpyxl write.

Baseline: the same cells (the summary grid and every per-obligation sheet,
values only) written with openpyxl in write-only mode, the fastest way
openpyxl has. The ratio is what styles, conditional formatting, the chart,
print setup and width fitting cost on top. The PDF summary is timed too.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from desktop.reports import compliance_common as cc
from desktop.reports.compliance_xlsx import write_compliance_xlsx
from models.township.board import Board
from tests.support.boards import make_board

VILLAGES, OBLIGATIONS = 40, 9


def _write_only(board: Board, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    ws.append(["序号", "村名", "村代码", *(cc.label(o.label) for o in board.obligations), "本村按时率", "数据截至"])
    for n, v in enumerate(board.villages, start=1):
        ws.append([n, v.name, v.code, *(cc.state_text(board.cell(v.code, o.key).state) for o in board.obligations),
                   board.village_rate(v.code), v.data_as_of])
    ws.append(["按时率", None, None, *(board.rate(o.key) for o in board.obligations)])
    for o in board.obligations:
        sheet = wb.create_sheet(cc.label(o.label)[:31])
        sheet.append(["序号", "村名", "村代码", "状态", "已完成", "其中逾期", "应完成", "说明", "数据截至", "明细"])
        for n, v in enumerate(board.villages, start=1):
            c = board.cell(v.code, o.key)
            sheet.append([n, v.name, v.code, cc.state_text(c.state), c.done, c.late, c.expected, c.note,
                          v.data_as_of, c.detail])
    wb.save(path)


def _median(work, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Median seconds of the styled report, the write-only baseline and the PDF."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    board = make_board(villages=VILLAGES, obligations=OBLIGATIONS)
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-") as tmp:
        folder = Path(tmp)
        _write_only(board, folder / "warm.xlsx")  # imports and first-use costs out of the figures
        write_compliance_xlsx(board, folder / "warm2.xlsx")
        base, base_min = _median(lambda: _write_only(board, folder / "baseline.xlsx"), runs)
        report, report_min = _median(lambda: write_compliance_xlsx(board, folder / "report.xlsx"), runs)
        size = (folder / "report.xlsx").stat().st_size
        from PySide6.QtWidgets import QApplication

        from desktop.reports.compliance_pdf import write_compliance_pdf

        # A QApplication, not only a QGuiApplication: the benches after this one build widgets
        # in the same process, and Qt allows one application object per process.
        _app = QApplication.instance() or QApplication([])
        write_compliance_pdf(board, folder / "warm.pdf")
        pdf, pdf_min = _median(lambda: write_compliance_pdf(board, folder / "report.pdf"), runs)
    cells = VILLAGES * OBLIGATIONS
    return [
        (f"openpyxl write-only, same cells ({cells} + sheets)", base, 1.0, f"min {base_min:.3f} s"),
        ("compliance .xlsx report (styled, chart, 10 sheets)", report, report / base,
         f"min {report_min:.3f} s, {size // 1024} KB"),
        ("compliance PDF summary (A4 landscape)", pdf, pdf / base, f"min {pdf_min:.3f} s"),
    ]
