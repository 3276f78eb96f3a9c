"""Screenshots of the township pages the board helper changed (issue 20), on a large township.

The real main window on a copy of a prebuilt township (e.g. /work/bench-data/township-200v, built by
`cunwu demo --villages 200`), logged in as its demo administrator, at 1366×768 and 1024×600: 首页,
村庄, 合规看板 (its trend computed and shown), 换届选举, 报表. Run under Xvfb with the CJK font:

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
        python docs/issue20/board_shots.py /work/bench-data/township-200v docs/issue20
    for f in docs/issue20/board_*.png; do convert $f -colors 256 PNG8:$f; done

It also prints each page's open time in the window (wall, from the click to loaded).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

AREAS = ("home", "villages", "compliance", "elections", "reports")
SIZES = ((1366, 768), (1024, 600))


def _settle(app: QApplication, page, limit: float = 300.0) -> None:
    """Process events until no `Runner` of the page is busy (the board, its trend) three rounds in a row."""
    from ui.operations import Runner

    end = time.perf_counter() + limit
    quiet = 0
    while quiet < 3 and time.perf_counter() < end:
        app.processEvents()
        busy = getattr(page, "_cards_pending", False) or any(r.is_busy() for r in page.findChildren(Runner))
        quiet = 0 if busy else quiet + 1
        time.sleep(0.01)


def main(source: Path, out: Path) -> None:
    """Copy `source`, open it, and save board_<area>_<W>x<H>.png into `out`."""
    app = QApplication(sys.argv[:1])
    from desktop.paths import AppPaths
    from desktop.services import auth_service, setup_service
    from desktop.storage import open_store
    from ui.fonts import load_cjk_font
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore
    from ui.style import apply_style

    apply_style(app)
    load_cjk_font(app)
    work = Path(tempfile.mkdtemp(prefix="board-shots-"))
    try:
        shutil.copytree(source, work / "data")
        paths = AppPaths(work / "data")
        open_store(paths, backup_before_migration=False)
        session = auth_service.login("admin", "demo1234")
        out.mkdir(parents=True, exist_ok=True)
        for width, height in SIZES:
            window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
            window.resize(width, height)
            window.show()
            for area in AREAS:
                started = time.perf_counter()
                window.show_area(area)
                page = window.current_page()
                _settle(app, page)
                print(f"{width}x{height} {area}: {time.perf_counter() - started:.2f} s", flush=True)
                path = out / f"board_{area}_{width}x{height}.png"
                window.grab().save(str(path))
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
