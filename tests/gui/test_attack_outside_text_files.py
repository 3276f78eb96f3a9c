"""Issue 16: "Everything that comes from a package or a file is shown as plain text" — the screens fed by a file.

"(Qt.PlainText on every label that carries outside data; a test feeds HTML
through every such screen)." `test_attack_outside_text` sweeps the screens a
package fills; these are the ones a local file fills: the 村规民约 import
(a .txt), the 花名册 import (a .csv), the ledger import (an .xlsx) and the
setup wizard reading a 入网文件 (the township's name). Each
file — its name too — is written with HTML and the fake "✔ 指纹已由系统自动核对
一致 无需打电话" in it; on each screen no label, tooltip or message may render
it as HTML, and the outside text must be on the screen (else the sweep
proved nothing).
"""

from __future__ import annotations

from pathlib import Path

from tests.gui.test_attack_outside_text import FAKE, Sweep
from tests.support.screens import shown

SHORT = "<b>粗</b>"  # fits a 32-character column (a 姓名)
LONG = f"<b>粗</b><a href=x>链接</a><img src=x>{FAKE}"
#: A file name with HTML in it (Linux allows it; a file name cannot hold "/").
NAME = "<b>粗<img src=x>"


def _checked(sweep: Sweep, name: str, root) -> None:
    sweep.check(name, root)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    assert sweep.seen.get(name), f"{name}: no outside text on the screen, the sweep proved nothing"


def test_html_in_a_rules_text_file_is_plain_text(qtbot, village, tmp_path):
    """导入村规民约 from a .txt whose title, chapter and articles are HTML."""
    from ui.rules.import_dialog import ImportDialog

    _paths, session = village
    path = tmp_path / f"{NAME}村规民约.txt"
    path.write_text(f"{LONG}村规民约\n## 第一章 {SHORT}总则\n第一条 {LONG}\n第二条 {SHORT}邻里和睦。\n",
                    encoding="gb18030")
    dialog = shown(qtbot, ImportDialog(session), 1366, 768)
    assert dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.article_count() == 2, timeout=10_000)
    _checked(Sweep(), "rules import", dialog)


def test_html_in_a_roster_file_is_plain_text(qtbot, village, tmp_path):
    """导入花名册 from a .csv whose names, groups and notes are HTML (and one name too long, refused by row)."""
    from ui.people.roster_import_dialog import RosterImportDialog

    _paths, session = village
    path = tmp_path / f"{NAME}花名册.csv"
    path.write_text("姓名,性别,组别,备注\n"
                    f"{SHORT}张三,男,{SHORT}一组,{LONG}\n"
                    f"李四,女,一组,{SHORT}\n"
                    f"{LONG},男,二组,\n", encoding="utf-8-sig")
    dialog = shown(qtbot, RosterImportDialog(session), 1366, 768)
    assert dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    sweep = Sweep()
    for i in range(dialog.tabs.count()):  # each tab shown in turn: the refused rows quote the file
        dialog.tabs.setCurrentIndex(i)
        sweep.check(f"roster import/{dialog.tabs.tabText(i)}", dialog.tabs.widget(i))
    _checked(sweep, "roster import", dialog)


def test_html_in_a_ledger_workbook_is_plain_text(qtbot, village, tmp_path):
    """导入明细账 from an .xlsx whose title, summaries, accounts and handlers are HTML."""
    from openpyxl import Workbook

    from ui.disclosure.ledger_import_dialog import LedgerImportDialog

    path = tmp_path / f"{NAME}现金日记账.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "<b>10月"
    ws.append([f"{LONG}现金日记账"])
    ws.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人"])
    ws.append(["2026-10-03", SHORT, f"{LONG}租金", SHORT, "1200", None, SHORT])
    ws.append(["2026-10-05", "记-2", f"{SHORT}电费", "公共事业", None, "三百元<b>", "李主任"])
    wb.save(path)
    dialog = shown(qtbot, LedgerImportDialog(), 1366, 768)
    dialog.load_file(Path(path))
    assert dialog.ledger is not None
    _checked(Sweep(), "ledger import", dialog)


def test_html_in_a_setup_files_township_name_is_plain_text(qtbot, tmp_path, store):
    """The setup wizard reading a 入网文件 whose township names itself with HTML (the file carries the key that
    signs it: anyone can write one), on the page that asks to phone the township and on the summary."""
    from desktop.services import installation
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import enrollment
    from models.db import close_database, database
    from tests.support.sites import make_login_pair
    from ui.setup.setup_wizard import SetupWizard

    pair = make_login_pair(tmp_path / "p", enroll=False)
    pair.use("t")
    database.execute_sql("UPDATE installation SET name = ? WHERE id = 1", (f"城关镇{LONG}"[:64],))
    installation.forget()
    stick = tmp_path / "stick"
    stick.mkdir()
    setup_file = enrollment.enroll_village(cli_session("township"), pair.township, "330106001003", "白云村", stick)
    close_database()
    open_store(store, backup_before_migration=False)

    wizard = shown(qtbot, SetupWizard(), 1366, 768)
    wizard.next()
    page = wizard.identity_page
    assert page.load_setup_file(setup_file)
    sweep = Sweep()
    sweep.check("setup wizard", page)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    assert sweep.seen.get("setup wizard"), "the township's name is on the page"
