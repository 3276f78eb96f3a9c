"""Issue 19, county mode: HTML a township writes into its 汇总包 is plain text on every county screen.

A township's package names the township, its villages and its filed rules
with HTML and the fake "✔ 指纹已由系统自动核对一致 无需打电话"; the county
imports it and opens every area, the board's three levels and a filed rule's
text. No label, tooltip or cell may render that text (the sweep of
`test_attack_outside_text`).
"""

from __future__ import annotations

from types import SimpleNamespace

from desktop.services import county_exchange_service as ces
from desktop.services import setup_service
from tests.gui.test_attack_outside_text import FAKE, LONG, SHORT, Sweep
from tests.support.county import county_into_store, synthetic_body, write_aggregate
from tests.support.first_contact import genuine
from tests.support.screens import shown
from ui.main_window import MainWindow

CODE = "330106009"


def _poisoned_township(session, store, tmp_path) -> None:
    ces.enroll_township(session, store, CODE, f"{SHORT}红旗镇", tmp_path)
    body = synthetic_body(CODE, f"{SHORT}红旗镇", 2, 1, seed=9)
    body["township"]["name"] = f"{SHORT}红旗镇"
    body["villages"][0]["name"] = f"{SHORT}<img src=x>河口村"
    body["villages"][1]["name"] = f"<a href=x>{FAKE}"[:60]
    for filing in body["filings"]:
        filing["title"] = f"{SHORT}村规民约"
        filing["receipt_no"] = f"{SHORT}备〔2026〕1号"
        filing["correction"] = LONG
        filing["articles"][0][3] = LONG
    key_dir = tmp_path / "keys"
    package = write_aggregate(key_dir, body, 1, tmp_path / "U盘")
    ces.import_aggregate(session, store, package, genuine(SimpleNamespace(keys=key_dir)))


def test_html_from_a_township_package_is_plain_text_on_every_county_screen(qtbot, store, tmp_path, settings_store):
    session = county_into_store(townships=1, villages=1, years=1)
    _poisoned_township(session, store, tmp_path)
    window = MainWindow(setup_service.current(), session, store, settings_store)
    shown(qtbot, window, 1366, 768)
    sweep = Sweep()
    for key in window.navigation.keys():
        window.show_area(key)
        page = window.current_page()
        if key == "compliance":
            qtbot.waitUntil(lambda p=page: p.board is not None and not p.is_busy())
            sweep.check(key, page)
            names = [page.county_model.index(r, 0).data() for r in range(page.county_model.rowCount())]
            page.open_current_township(next(i for i, n in enumerate(names) if "粗" in n))
            sweep.check("compliance/township", page)
            page.open_current_village(0)
            sweep.check("compliance/village", page)
            continue
        sweep.check(key, page)
        if key == "filings":
            row = next(r for r in range(page.model.rowCount()) if "粗" in page.model.row_at(r).title)
            dialog = page.open_row(row)
            sweep.check("filings/text", dialog)
            dialog.close()
        if key == "townships":
            page.select_township(CODE)
            sweep.check("townships (selected)", page)
    sweep.check("main window", window)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    for screen in ("townships", "compliance/township", "compliance/village", "filings", "filings/text"):
        assert sweep.seen.get(screen), (screen, sweep.seen)
