"""Screenshots of the township's 村档案 with lists longer than it once listed (issue 20, tester row 11).

Run under Xvfb (`xvfb-run -s "-screen 0 1366x768x24" python -m scripts.shoot_village_file docs/issue20`):
a copy of the 3-village demo township gets 5,100 more people (five surnames,
丁 万 乔 阿 张) and 2,100 older meetings in 青山村 (`tests.support.village_file_rows`),
the main window opens the village's file, and the 村民 tab (pinyin order) and the
会议与决策 tab scrolled to its oldest meeting are saved, with the times printed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

VILLAGE = "330106001001"


def main(folder: str, width: int = 1366, height: int = 768) -> None:
    """Build the village, open its file at width×height and save the two tabs into `folder`."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from PySide6.QtTest import QTest

    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from models.db import database
    from tests.support import templates
    from tests.support.demo import demo_township
    from tests.support.village_file_rows import clone_rows
    from ui.fonts import load_cjk_font
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore
    from ui.style import apply_style

    apply_style(app)
    load_cjk_font(app)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cunwu-shoot-vfile-") as tmp:
        templates.configure_outside_pytest(Path(tmp))
        paths = AppPaths(Path(tmp) / "乡镇")
        session = demo_township(paths, villages=3, years=1)
        clone_rows("person", VILLAGE, 5100, "many-", left_on="''", name="printf('%s%d', CASE k % 5 WHEN 0 THEN '丁' "
                   "WHEN 1 THEN '万' WHEN 2 THEN '乔' WHEN 3 THEN '阿' ELSE '张' END, k)")
        clone_rows("meeting", VILLAGE, 2100, "old-m-", held_on="printf('1990-%02d-%02d', 1 + k % 12, 1 + k % 28)",
                   corrects_id="NULL")
        window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
        window.resize(width, height)
        window.show()
        QTest.qWait(2000)
        window.show_area("villages")
        page = window.current_page()
        page.open_village_file(VILLAGE)
        view = page.village_file
        for tab, name in ((view.people_tab, "people"), (view.meetings_tab, "meetings")):
            started = time.perf_counter()
            view.tabs.setCurrentWidget(tab)
            app.processEvents()
            print(f"{name}: {tab.model.rowCount():,} rows, tab shown in {time.perf_counter() - started:.3f} s")
            if tab is view.meetings_tab:
                last = tab.model.rowCount() - 1
                tab.table.selectRow(last)
                tab.table.scrollToBottom()
                app.processEvents()
            shot = out / f"village_file_{name}_{width}x{height}.png"
            assert window.grab().save(str(shot)), shot
        from desktop.services.village_file import people as vpp

        for what, read in (("村民 ids by pinyin (people_names + natural_sorted)", view.people_tab.read_ids),
                           ("ids in SQL's code-point order (people_ids)", lambda: vpp.people_ids(session, VILLAGE))):
            cpu = time.process_time()
            n = len(read())
            print(f"{what}: {n:,} ids in {1000 * (time.process_time() - cpu):.0f} ms CPU")
        count = database.execute_sql("SELECT count(*) FROM person WHERE owner = ?", (VILLAGE,)).fetchone()[0]
        print(f"people of {VILLAGE}: {count:,}")
        window.close()


if __name__ == "__main__":
    main(*sys.argv[1:2], *(int(a) for a in sys.argv[2:4]))
