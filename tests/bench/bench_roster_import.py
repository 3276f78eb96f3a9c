"""Importing a 20,000-row 花名册: reading it (preview) and adding it (apply), time and peak memory.

The file imitates a big village's roster: a title, 组别 merged over each
group's rows, 户号 merged over each household, an 18-digit ID number on
every row, 出生年月 as "1968.03". The baseline is openpyxl reading the same
sheet in read-only mode with nothing done per row: what a preview cannot go
below. Peak memory is Python's (tracemalloc) during the step.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROWS = 20_000


def write_roster(path: Path, rows: int = ROWS, per_group: int = 2000) -> Path:
    """A roster of `rows` people (groups of `per_group`, households of 1-5) with merged 组别 and 户号 cells."""
    from openpyxl import Workbook

    from tests.corpus.rosters.generate import GIVEN, SURNAMES, id_number

    rng = random.Random(5)
    wb = Workbook(write_only=False)
    ws = wb.active
    ws.append(["青山村村民花名册"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "组别", "户号", "姓名", "与户主关系", "性别", "出生年月", "公民身份号码", "联系电话"])
    n, household = 0, 0
    while n < rows:
        group = f"第{n // per_group + 1}组"
        group_start = ws.max_row + 1
        while n < rows and f"第{n // per_group + 1}组" == group:
            household += 1
            start = ws.max_row + 1
            for m in range(min(rng.randint(1, 5), rows - n)):
                n += 1
                birth = date(rng.randint(1935, 2020), rng.randint(1, 12), rng.randint(1, 28))
                male = rng.random() < 0.5
                name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
                ws.append([n, group if m == 0 and start == group_start else None, f"{household:05d}" if m == 0 else None,
                           name, "户主" if m == 0 else "子女", "男" if male else "女", f"{birth.year}.{birth.month:02d}",
                           id_number(birth, male, rng), None])
            if ws.max_row > start:
                ws.merge_cells(f"C{start}:C{ws.max_row}")
        ws.merge_cells(f"B{group_start}:B{ws.max_row}")
    wb.save(path)
    return path


def _measured(call, memory: bool = False):
    """(value, seconds, peak MiB); the peak only when `memory` (tracemalloc slows the run several times)."""
    if memory:
        tracemalloc.start()
    started = time.perf_counter()
    value = call()
    seconds = time.perf_counter() - started
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return value, seconds, peak


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Preview and apply of a 20,000-row roster against a bare read-only read of the sheet."""
    from openpyxl import load_workbook

    from desktop.paths import AppPaths
    from desktop.services import roster_import, setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database

    runs = max(1, min(runs, 3))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-roster-") as tmp:
        root = Path(tmp)
        path = write_roster(root / "花名册.xlsx")

        def bare() -> int:
            wb = load_workbook(path, read_only=True, data_only=True)
            count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
            wb.close()
            return count

        bares, previews, applies, peaks = [], [], [], []
        for i in range(runs + 1):  # the last run measures memory, not time
            memory = i == runs
            if not memory:
                bares.append(_measured(bare)[1])
            close_database()
            open_store(AppPaths(root / f"data{i}"), backup_before_migration=False)
            setup_service.initialize("village", "大村", "330106001001", "zhejiang")
            preview, seconds, peak = _measured(lambda: roster_import.preview(path), memory)
            result, apply_seconds, apply_peak = _measured(
                lambda p=preview: roster_import.apply(cli_session("village"), p), memory)
            if memory:
                peaks.append(peak)
            else:
                previews.append(seconds)
                applies.append(apply_seconds)
            close_database()
    base, pre, app = statistics.median(bares), statistics.median(previews), statistics.median(applies)
    return [
        (f"openpyxl read-only, {ROWS} rows (baseline)", base, 1.0, f"min {min(bares):.2f} s"),
        ("preview (read, merged cells, IDs, duplicates)", pre, pre / base,
         f"peak {max(peaks):.0f} MiB, {len(preview.to_add)} people, {preview.households} households"),
        ("apply (one transaction, audited)", app, app / base,
         f"peak {apply_peak:.0f} MiB, {result.added} added"),
    ]


if __name__ == "__main__":
    for label, seconds, ratio, note in bench(1):
        print(f"{label:50} {seconds:7.2f} s  x{ratio:5.1f}  {note}")
