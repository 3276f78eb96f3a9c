"""The county board (issue 19): 20 townships × 30 villages × 10 years imported, a year's board vs. plain SQL.

Each township's 县级汇总包 is written from a generated board (every village ×
obligation × quarter and year for ten years, one filed rule of five articles
per village: `tests.support.county.synthetic_body`), signed with the
township's own key and imported the real way (`county_import.apply_aggregate`:
signature, pinned key, every value checked, one transaction per package).
Timed: the import of one package (median over the 20), the county board for a
year (`county_service.board`) against a plain GROUP BY of the same cells (the
baseline), a township's drill-down (`township_board`, the Board its report is
written from), and the 备案 register searched for a word of the articles.
Goal (issue 19): the board for a year well under a second.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

TOWNSHIPS, VILLAGES, YEARS = 20, 30, 10


def _median(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _baseline(period: str) -> None:
    from models.db import database

    database.execute_sql("SELECT township_code, obligation, state, count(*) FROM county_cell WHERE period = ? "
                         "GROUP BY township_code, obligation, state", (period,)).fetchall()


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Imports, the year's board, a drill-down and the register search at 20 × 30 × 10 years."""
    from types import SimpleNamespace

    from desktop.paths import AppPaths
    from desktop.services import county_service, setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import county_enrollment, county_import, first_contact, keys
    from models.db import close_database, database
    from tests.support import county as support

    with tempfile.TemporaryDirectory(prefix="cunwu-bench-county-") as tmp:
        root = Path(tmp)
        paths = AppPaths(root / "县")
        open_store(paths, backup_before_migration=False)
        try:
            setup_service.initialize("county", support.COUNTY_NAME, support.COUNTY_CODE, "zhejiang")
            session = cli_session("county")
            imports, size = [], 0
            for i in range(TOWNSHIPS):
                code = f"{support.COUNTY_CODE}{i + 1:03d}"
                name = support.TOWNSHIP_NAMES[i % len(support.TOWNSHIP_NAMES)]
                county_enrollment.enroll_township(session, paths, code, name, root)
                key_dir = root / "keys" / code
                package = support.write_aggregate(key_dir, support.synthetic_body(code, name, VILLAGES, YEARS, i), 1,
                                                  root / "U盘")
                size += package.stat().st_size
                typed = first_contact.spoken(keys.load_or_create(SimpleNamespace(keys=key_dir).keys).fingerprint)
                started = time.perf_counter()
                county_import.apply_aggregate(session, package, paths, confirm=first_contact.confirmer(typed))
                imports.append(time.perf_counter() - started)
            cells = database.execute_sql("SELECT count(*) FROM county_cell").fetchone()[0]
            year = "2025"
            base = _median(lambda: _baseline(year), runs)
            board = _median(lambda: county_service.board(year), runs)
            drill = _median(lambda: county_service.township_board(f"{support.COUNTY_CODE}001", year), runs)
            search = _median(lambda: county_service.filings(text="土地承包"), runs)
            board_s = board
        finally:
            close_database()
    one = statistics.median(imports)
    note = f"{TOWNSHIPS} townships × {VILLAGES} villages × {YEARS} years, {cells} cells"
    return [
        ("county: GROUP BY of a year's cells (baseline)", base, 1.0, note),
        ("county: board() for a year", board_s, board_s / base,
         f"{TOWNSHIPS * VILLAGES} villages; {board_s * 1000:.1f} ms (issue: < 1 s); goal ratio <= 3"),
        ("county: township_board() drill-down", drill, drill / base, "30 villages × 8 obligations"),
        ("county: 备案 register search “土地承包”", search, search / base, f"{TOWNSHIPS * VILLAGES} rules, instr"),
        ("county: import one 汇总包 (median of 20)", one, one / base,
         f"{size // TOWNSHIPS // 1024} KB each; all 20 in {sum(imports):.1f} s"),
    ]
