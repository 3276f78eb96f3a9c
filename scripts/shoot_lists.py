"""Screenshots of 人员名册 and 会议与表决 with 100,000 people and 100,000 meetings (issue 20).

Run under Xvfb (`xvfb-run -s "-screen 0 1366x768x24" python scripts/shoot_lists.py docs/issue20`):
the set-built village of `tests.support.big_lists` is copied, the main window
is shown at the screen's size, and each page is saved as the screen shows
it, at its top and scrolled to its end, with the open and scroll times printed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def main(folder: str, width: int = 1366, height: int = 768) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from desktop.services import auth_service, setup_service
    from models.db import close_database
    from tests.support import big_lists
    from tests.support.sites import ADMIN_PASSWORD
    from ui.fonts import load_cjk_font
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore
    from ui.style import apply_style

    apply_style(app)
    load_cjk_font(app)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cunwu-shoot-lists-") as tmp:
        paths = big_lists.open_copy(big_lists.village_file(), Path(tmp) / "data")
        setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
        session = auth_service.login("admin", ADMIN_PASSWORD)
        window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
        window.resize(width, height)
        window.show()
        from PySide6.QtTest import QTest

        QTest.qWait(3000)  # the home page's cards load after it shows: not the lists' time
        for area, name in (("people", "register"), ("meetings", "meetings")):
            started = time.perf_counter()
            window.navigation.select_area(area)
            page = window.current_page()
            app.processEvents()
            print(f"{name}: page shown in {time.perf_counter() - started:.3f} s")
            table = page.table if hasattr(page, "table") else page.list_view.table
            table.setFocus()
            shot = out / f"{name}_100k_{width}x{height}.png"
            assert window.grab().save(str(shot)), shot
            started = time.perf_counter()
            table.scrollToBottom()
            table.selectRow(table.model().rowCount() - 1)
            app.processEvents()
            print(f"{name}: scrolled to row {table.model().rowCount():,} in {time.perf_counter() - started:.3f} s")
            shot = out / f"{name}_100k_end_{width}x{height}.png"
            assert window.grab().save(str(shot)), shot
        window.close()
        app.processEvents()
        close_database()


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["docs/issue20"]), *(int(n) for n in sys.argv[2:4]))
