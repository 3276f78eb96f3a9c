"""Every main screen and dialog fits at 1366×768 and 1024×600, at every font size.

Each navigation page of the village and the township main window (on demo
data, built once per module and copied per test) is shown at the screen's
size with each `FONT_SIZES` entry, every tab page of it visited, and every
dialog those pages open is opened fresh. A problem is a visible button
narrower than its size hint, a label whose text is cut, or a window that
cannot fit on the screen (its 保存/关闭 out of reach). All problems are
listed at once; `CUNWU_FIT_REPORT=path` also writes them to a file.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import AppPaths
from desktop.services import auth_service, setup_service
from desktop.services.session import cli_session
from desktop.settings import FONT_SIZES
from desktop.storage import open_store
from models.db import close_database
from tests.gui.fit_checks import (
    available_height,
    every_tab,
    opened_size,
    page_width_problems,
    settle,
    sideways_problems,
    widget_problems,
    window_problems,
)

#: The small screen first: a page opened fresh there is what a netbook shows (widths set at 1366 would linger).
SIZES = {"1024x600": (1024, 600), "1366x768": (1366, 768)}
DEMO_PASSWORD = "demo1234"
#: A 花名册 as an office keeps it (title row, merged cells, a duplicate, skipped lines), for 导入花名册.
ROSTER = Path(__file__).resolve().parents[1] / "corpus" / "rosters" / "r06_yibao.xlsx"
#: The dialogs the walk opened (written next to the report, to see the openers work).
OPENED: set[str] = set()


def _build_village(folder: Path) -> None:
    """青山村 with a year of demo data and its 村规民约 submitted (the review states the walk opens).

    A copy of the session's demo village template (`tests.support.demo.demo_village`, the same
    `fill_village` call) whose 2026 draft is then submitted as `fill_village(submit_rules=True)`
    does it (`desktop.demo_rules.fill_rules`): building a second demo village here cost 4-6 s.
    """
    from desktop.services import rules_service
    from tests.support.demo import demo_village

    close_database()
    open_store(AppPaths(folder), backup_before_migration=False)
    demo_village(years=1)
    session = cli_session("village")
    [draft] = [v for rs in rules_service.list_rule_sets() for v in rs.versions if v.title.endswith("(2026年修订草案)")]
    rules_service.close_solicitation(session, draft.id, date(2026, 7, 10))
    rules_service.submit_for_review(session, draft.id, min(date.today(), date(2026, 10, 20)))
    close_database()


@pytest.fixture(scope="module")
def templates():
    """The village and the township demo, each built once per run (session templates).

    The township is the session's 青山镇 demo (3 villages, 1 year: the same `fill_township` call as
    `_build`), shared with the other modules that copy it (`tests.support.demo.demo_township`).
    Session templates, not module folders: the walks of this module may run in both test workers.
    """
    from tests.support import templates as session_templates
    from tests.support.demo import build_demo_township

    village = session_templates.template("fit_village", lambda into: _build_village(into / "village"))
    township = session_templates.template(
        ("demo_township", 3, 1), lambda into: build_demo_township(into / "data", 3, 1))
    return {"village": village.root / "village", "township": township.root / "data"}


def _open_copy(template: Path, tmp_path: Path) -> AppPaths:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    paths = AppPaths(folder)
    open_store(paths, backup_before_migration=False)
    return paths


# ----- the dialogs each page opens -----------------------------------------------------------

def _first(rows):
    return rows[0] if rows else None


def _rules_dialogs(page) -> list[Callable[[], QWidget | None]]:
    def revise():
        from desktop.services import rules_service

        for rule_set in rules_service.list_rule_sets():
            for version in rule_set.versions:
                if version.status == "in_force":
                    page.select_version(version.id)
                    return page.open_revise()
        return None

    return [page.open_import, page.open_blank_draft, page.open_history, revise, page.open_compare]


def _meetings_dialogs(page) -> list[Callable[[], QWidget | None]]:
    def editor():
        return page.list_view.new_meeting("representatives")

    def add_people():
        dialog = page.list_view.new_meeting("representatives")
        return dialog.open_add_people()

    def existing():  # a saved meeting with its attendance rows, opened from the list
        if page.list_view.model.rowCount() == 0:
            return None
        page.list_view.select_row(0)
        return page.list_view.open_selected()

    def step():
        view = page.four_two_view
        if view.current is None:
            return None
        return view.ask_step(view.current.next_step or "proposal")

    return [editor, existing, add_people, page.four_two_view.ask_new_register, step]


def _disclosure_dialogs(page) -> list[Callable[[], QWidget | None]]:
    from desktop.services import disclosure_service

    def item(category):
        def open_():
            row = _first([r for r in disclosure_service.list_items() if r.category == category])
            return page.open_item(row.id) if row else None
        return open_

    def ledger_import():
        editor = item("finance")()
        return editor.open_import() if editor is not None else None

    return [page.open_catalogue, page.new_item, item("finance"), item("village"), ledger_import]


def _supervision_dialogs(page) -> list[Callable[[], QWidget | None]]:
    matters = page.matters_tab

    def end_seat():
        page.members_tab.table.selectRow(0)
        return page.members_tab.open_end_seat()

    return [page.members_tab.open_new_term, page.members_tab.open_add_member, matters.open_new,
            page.meetings_tab.new_meeting, end_seat]


def _terms_dialogs(page) -> list[Callable[[], QWidget | None]]:
    tab = page.terms_tab

    def appoint(body: str):
        def opener():
            page.tabs.setCurrentWidget(tab)
            tab.select_body(body)
            return tab.open_appoint()
        return opener

    def end():
        page.tabs.setCurrentWidget(tab)
        tab.select_body("village_committee")
        tab.table.selectRow(0)
        return tab.open_end()

    def households():
        page.tabs.setCurrentWidget(tab)
        tab.select_body("representatives")
        tab.table.selectRow(0)
        return tab.open_households()

    return [appoint("village_committee"), appoint("representatives"), appoint("group_leaders"), end,
            tab.open_changeover, households]


def _review_dialogs(page) -> list[Callable[[], QWidget | None]]:
    from desktop.services import review_service

    def opinion():
        row = _first(review_service.queue())
        if row is None:
            return None
        page.open_draft(row.version_id)
        return page.draft.open_opinion()

    def filing():
        if not page.filings.rows if hasattr(page.filings, "rows") else False:
            return None
        return page.filings.open_filing()

    return [opinion, filing, page.open_document_settings]  # 公文设置 (issue 19)


def _villages_dialogs(page) -> list[Callable[[], QWidget | None]]:
    def retire():
        page.table.selectRow(0) if hasattr(page, "table") else None
        return page.retire()

    def reenroll():
        page.table.selectRow(0) if hasattr(page, "table") else None
        return page.reenroll()

    return [retire, page.write_notice, page.enroll, reenroll]


def _compliance_dialogs(page) -> list[Callable[[], QWidget | None]]:
    return [lambda: page.open_cell(0, 1)]


def _review_draft(page) -> Callable[[], None] | None:
    """Open the first queued draft in place (the article table, comments, 提出审核意见)."""
    from desktop.services import review_service

    row = _first(review_service.queue(include_reviewed=True))
    if row is None:
        return None
    page.open_draft(row.version_id)
    return page.show_queue


#: States of a page the walk checks too: each puts the page in it and returns how to leave it.
PAGE_STATES = {"review": [_review_draft]}


def _people_dialogs(page) -> list[Callable[[], QWidget | None]]:
    def existing():  # a person's form, with the kinship tab
        if page.model.rowCount() == 0:
            return None
        page.table.selectRow(0)
        return page.open_edit()

    def end_stay():
        if page.model.rowCount() == 0:
            return None
        page.table.selectRow(0)
        return page.open_end()

    def kinship():
        dialog = existing()
        return dialog.kinship.open_add() if dialog is not None and dialog.kinship is not None else None

    def roster_import():  # 导入花名册 with a roster read: the preview's tabs (kept, skipped, duplicates)
        dialog = page.request_import()
        if dialog is None:
            return None
        dialog.load_file(ROSTER)
        deadline = time.monotonic() + 20
        while dialog.progress.isVisible() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        return dialog

    return [page.open_add, existing, end_stay, kinship, page.groups_tab.open_add_household,
            page.groups_tab.open_add_group, roster_import]


PAGE_DIALOGS = {
    "rules": _rules_dialogs, "meetings": _meetings_dialogs, "disclosure": _disclosure_dialogs,
    "supervision": _supervision_dialogs, "review": _review_dialogs, "villages": _villages_dialogs,
    "compliance": _compliance_dialogs, "people": lambda p: _people_dialogs(p) + _terms_dialogs(p),
}


def _window_dialogs(window) -> list[Callable[[], QWidget | None]]:
    def login():
        from ui.login_dialog import LoginDialog

        dialog = LoginDialog(setup_service.current(), window._settings)
        dialog.show()
        return dialog

    def restore_with_backups():  # 从备份恢复… with its list: an automatic and a manual backup
        from desktop import backup

        paths = window._paths
        if not backup.list_backups(paths.backups):
            for reason in ("before-import", "manual"):  # the longest kind in words, and a short one
                backup.create_backup(paths.database, paths.backups, reason=reason)
        return window.open_restore()

    def search():  # 搜索 with hits: the groups, the two-line rows, the filters (村 at the township)
        dialog = window.open_search("土地")
        _wait_idle(dialog)
        return dialog

    return [window.open_recycle, window.open_backup, window.open_restore, window.open_about,
            window.open_province_dialog, login, window.open_accounts, window.open_change_password,
            restore_with_backups, search]


# ----- screenshots of the worst cases (CUNWU_FIT_SHOTS=/work/screens/before) ----------------

def _articles(page):
    page.panel.tabs.setCurrentWidget(page.panel.article_editor)


def _calendar(page):
    page.tabs.setCurrentWidget(page.calendar_tab)


def _finance_editor(page):
    return _disclosure_dialogs(page)[2]()


def _meeting_votes(page):
    """A saved meeting on its 表决 tab (the resolution cards)."""
    dialog = _saved_meeting(page)
    if dialog is not None:
        dialog.tabs.setCurrentIndex(2)
    return dialog


def _meeting_editor(page):
    return page.list_view.new_meeting("representatives")


def _saved_meeting(page):
    return _meetings_dialogs(page)[1]()


#: (size, font, area, what to show (a dialog when it returns one), file name part)
SHOTS = [
    ("1366x768", "normal", "rules", _articles, "rules_articles"),
    ("1366x768", "large", "rules", _articles, "rules_articles"),
    ("1024x600", "large", "rules", None, "rules"),
    ("1024x600", "xlarge", "rules", _articles, "rules_articles"),
    ("1024x600", "normal", "disclosure", _calendar, "disclosure_calendar"),
    ("1024x600", "xlarge", "disclosure", _calendar, "disclosure_calendar"),
    ("1366x768", "normal", "meetings", _meeting_editor, "meeting_editor"),
    ("1024x600", "large", "disclosure", _finance_editor, "finance_editor"),
    ("1024x600", "large", "villages", None, "villages"),
    ("1024x600", "large", "meetings", _saved_meeting, "meeting_editor_saved"),
    ("1024x600", "large", "meetings", _meeting_editor, "meeting_editor"),
    ("1024x600", "large", "meetings", None, "meetings_list"),
    ("1024x600", "xlarge", "review", _review_draft, "review_draft"),
    ("1024x600", "normal", "disclosure", _finance_editor, "finance_editor"),
    ("1024x600", "normal", "compliance", None, "compliance"),
    ("1024x600", "xlarge", "compliance", None, "compliance"),
    ("1024x600", "xlarge", "reports", None, "reports"),
    ("1024x600", "xlarge", "people", lambda p: p.tabs.setCurrentWidget(p.terms_tab), "terms"),
    ("1366x768", "normal", "people", lambda p: p.tabs.setCurrentWidget(p.terms_tab), "terms"),
    ("1024x600", "xlarge", "meetings", _meeting_votes, "meeting_votes"),
    ("1024x600", "normal", "meetings", _meeting_votes, "meeting_votes"),
    ("1024x600", "xlarge", "people", lambda p: _people_dialogs(p)[1](), "person_dialog"),
    ("1024x600", "xlarge", "people", lambda p: _people_dialogs(p)[-1](), "roster_import"),
    ("1024x600", "xlarge", "people", lambda p: _terms_dialogs(p)[1](), "appoint_representative"),
    ("1024x600", "xlarge", "supervision", lambda p: _supervision_dialogs(p)[1](), "add_member"),
    ("1024x600", "xlarge", "home", lambda p: p.window().open_accounts(), "accounts"),
    ("1024x600", "xlarge", "home", lambda p: _window_dialogs(p.window())[-1](), "restore"),
    ("1366x768", "large", "people", lambda p: _terms_dialogs(p)[1](), "appoint_representative"),
]


def _shoot(window, size_name: str, font: str, key: str) -> None:
    """Save the screenshots SHOTS asks for at this size, font and area (cropped to the screen)."""
    prefix = os.environ.get("CUNWU_FIT_SHOTS")
    if not prefix:
        return
    width, height = SIZES[size_name]
    for size, shot_font, area, show, name in SHOTS:
        if (size, shot_font, area) != (size_name, font, key):
            continue
        shown = show(window.current_page()) if show is not None else None
        dialog = shown if isinstance(shown, QWidget) else None
        settle()
        target = dialog if isinstance(dialog, QWidget) else window
        if dialog is not None:
            dialog.show()
            _as_on_screen(dialog, (width, height))
            settle()
        picture = target.grab()
        room = available_height(height)  # what the screen shows of it
        picture = picture.copy(0, 0, min(picture.width(), width), min(picture.height(), room))
        Path(prefix).parent.mkdir(parents=True, exist_ok=True)
        picture.save(f"{prefix}_{width}_{name}_{font}.png")
        if dialog is not None:
            _close(dialog)


# ----- the walk -----------------------------------------------------------------------------

def _wait_idle(page: QWidget) -> None:
    """Let background loads (jobs, deferred fills) finish."""
    busy = getattr(page, "is_busy", None) or getattr(page, "is_loading", None)
    deadline = time.monotonic() + 15
    while busy is not None and busy() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def _as_on_screen(dialog: QWidget, size: tuple[int, int]) -> None:
    """Size `dialog` as the app opens it on this screen (`resize_within_screen`), not on the test
    platform's narrower one: as wide as it asks for up to the screen, no taller than the screen."""
    width, height = size
    wide = max(dialog.width(), dialog.sizeHint().width())
    dialog.resize(min(wide, width - 16), min(dialog.height(), available_height(height)))
    settle()


def _no_sideways() -> dict[str, tuple[type, ...]]:
    """Dialogs that must never scroll sideways at either screen size (a vertical scroll bar is fine),
    each with the item views that must not either (other tables may scroll a wide register by design):
    the 村务公开 and meeting editors and the dialogs of issue 15 (register, terms, accounts, backups)."""
    from PySide6.QtWidgets import QListView

    from ui.disclosure.lines_model import FinancialLinesView

    lists = (QListView,)  # a list of people or households wraps its entries
    issue15 = ["PersonDialog", "EndStayDialog", "AddKinshipDialog", "GroupNameDialog", "HouseholdDialog",
               "HouseholdsDialog", "AppointDialog", "EndOfficeDialog", "AddMemberDialog", "RosterImportDialog",
               "AccountsDialog", "AddAccountDialog", "ChangePasswordDialog", "LoginDialog", "BackupDialog",
               "RestoreDialog", "RestoreDraftsDialog", "RecycleDialog"]
    return {"ItemEditor": (FinancialLinesView,), "MeetingEditor": (), **{name: lists for name in issue15}}


NO_SIDEWAYS = _no_sideways()

#: Pages that must fit the window's width at both screen sizes and every font size (no sideways
#: scroll bar). The other one (会议与表决) still scrolls sideways at 1024×600 with the larger
#: fonts; add it here once it fits.
FULL_WIDTH_PAGES = frozenset({"home", "people", "exchange", "rules", "supervision", "disclosure", "review",
                              "compliance", "villages", "reports"})


def _check_dialog(dialog: QWidget, size: tuple[int, int], where: str) -> list[str]:
    settle()
    problems = window_problems(dialog, *size)
    _as_on_screen(dialog, size)
    for _ in every_tab(dialog):
        problems += widget_problems(dialog)
        views = NO_SIDEWAYS.get(type(dialog).__name__)
        if views is not None:
            problems += sideways_problems(dialog, views)
    return [f"{where}: {p}" for p in problems]


def _close(dialog: QWidget) -> None:
    for box in (getattr(dialog, "pending_box", None),):
        if box is not None:
            box.close()
    dialog.close()
    dialog.deleteLater()
    settle()


def _walk(qtbot, window, size: tuple[int, int], font: str) -> list[str]:
    width, height = size
    window.resize(width, available_height(height))
    settle()
    label = f"{width}x{height} {font}"
    problems = [f"{label} main: {p}" for p in window_problems(window, width, height, opened=False)]
    for key in window.navigation.keys():
        window.show_area(key)
        page = window.current_page()
        _wait_idle(page)
        _shoot(window, f"{width}x{height}", font, key)  # fresh too: before the walk widens the page
        # The states first, as a person reaches them: the other tabs not yet shown (showing them
        # can widen the page and hide what a fresh page gets wrong).
        for state in PAGE_STATES.get(key, []):
            leave = state(page)
            if leave is None:
                continue
            OPENED.add(f"{key}/{state.__name__}")
            problems += [f"{label} {key}{state.__name__}: {p}" for p in widget_problems(window)]
            leave()
        for _ in every_tab(page):
            problems += [f"{label} {key}: {p}" for p in widget_problems(window)]
            if key in FULL_WIDTH_PAGES:
                problems += [f"{label} {key}: {p}" for p in page_width_problems(page)]
        openers = _window_dialogs(window) if key == "home" else PAGE_DIALOGS.get(key, lambda _p: [])(page)
        for opener in openers:
            dialog = opener()
            if dialog is None:
                continue
            qtbot.waitExposed(dialog)
            OPENED.add(f"{key}/{type(dialog).__name__}")
            problems += _check_dialog(dialog, size, f"{label} {key}/{type(dialog).__name__}")
            _close(dialog)
        _close_leftovers(window)
    return problems


def _close_leftovers(window) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    settle()


def _report(problems: list[str], name: str) -> None:
    target = os.environ.get("CUNWU_FIT_REPORT")
    if target:
        with open(f"{target}.{name}.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(problems) + "\n")
        with open(f"{target}.opened.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(sorted(OPENED)) + "\n")


@pytest.mark.parametrize("mode", ["village", "township"])
@pytest.mark.parametrize("font", list(FONT_SIZES))
def test_screens_fit(qtbot, templates, tmp_path, styled_app, mode, font):
    """One font size, both screens: the font is set before the window exists (re-styling a
    built window costs seconds), then the window is walked at each screen size."""
    from ui.fonts import apply_point_size
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    apply_point_size(styled_app, FONT_SIZES[font])
    paths = _open_copy(templates[mode], tmp_path)
    session = auth_service.login("admin", DEMO_PASSWORD)
    window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
    problems: list[str] = []
    try:
        window.show()
        qtbot.waitExposed(window)
        for size in SIZES.values():
            problems += _walk(qtbot, window, size, font)
    finally:
        window.close()
        window.deleteLater()  # gone before the next font size re-styles the application
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    problems = list(dict.fromkeys(problems))
    _report(problems, f"{mode}_{font}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


#: Pages still wider than the window as opened on a 1024×600 screen at the 标准 font (minimum width
#: of the room: 村规民约 needed 1041 of 834 until its list and version panel became tabs when narrow).
#: Each must leave this set once it fits; the test fails if one fits already.
STILL_SIDEWAYS_AS_OPENED: frozenset[str] = frozenset()


@pytest.mark.parametrize("mode", ["village", "township"])
def test_pages_fit_the_window_as_opened_on_a_netbook(qtbot, templates, tmp_path, styled_app, mode):
    """At the size the main window really opens at on a 1024×600 screen (1008×520, the 标准 font),
    no page of either mode scrolls sideways: the 会议与表决 list needed 911 px of 848 and its
    新建会议 was off the screen's edge. Every tab of every page is measured."""
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    paths = _open_copy(templates[mode], tmp_path)
    session = auth_service.login("admin", DEMO_PASSWORD)
    window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
    problems: list[str] = []
    try:
        window.show()
        qtbot.waitExposed(window)
        window.resize(*opened_size(1024, 600))
        settle()
        for key in window.navigation.keys():
            window.show_area(key)
            page = window.current_page()
            _wait_idle(page)
            found = [f"{key}: {p}" for _ in every_tab(page) for p in page_width_problems(page)]
            if key in STILL_SIDEWAYS_AS_OPENED:
                found = [] if found else [f"{key}: fits now, take it out of STILL_SIDEWAYS_AS_OPENED"]
            problems += found
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{len(problems)} pages scroll sideways at {opened_size(1024, 600)}:\n" + "\n".join(problems)


# ----- the 村庄 page with a village whose audit log was rewritten (the red banner, its longest state) ----

#: A name as long as the register takes (32 characters): the banner and the 状态/名称 cells carry it.
LONG_VILLAGE = "东岭下宅西岭上宅南坞北坞前山后山六村合并后的联合村民委员会"
BROKEN_CODE = "330106001002"


@pytest.fixture(scope="module")
def broken_audit_township():
    """青山镇 with three villages, the long-named one having rewritten its audit log after sending it
    (found by the township at its next package, as `tests/gui/test_attack_witness_screens.py` does).
    Built once per run (a session template: each font size may run in either test worker)."""
    from tests.support import templates as session_templates

    made = session_templates.template("fit_broken_audit_township", _build_broken_audit_township)
    return made.root / "乡镇"


def _build_broken_audit_township(root: Path) -> None:
    from desktop.services import people_service
    from tests.support.audit_tamper import rewrite_audit_log
    from tests.support.sites import Site, export_to, import_into, township_with_villages

    villages = [("330106001001", "青山村"), (BROKEN_CODE, LONG_VILLAGE), ("330106001003", "红旗村")]

    def fill(_i, session):
        for name in ("王建国", "李秀英", "张伟", "刘洋"):
            people_service.add_person(session, name, "男")

    township, _session = township_with_villages(root, villages, fill)
    close_database()
    village = Site(AppPaths(root / BROKEN_CODE), "village")
    rewrite_audit_log(village.paths.database, "edit")
    usb = root / "U盘"
    assert import_into(township, export_to(village, usb).path).audit == "broken"
    close_database()
    assert township.paths.data_dir == root / "乡镇"  # what the fixture copies


def _villages_fit_problems(qtbot, window, size: tuple[int, int], label: str) -> list[str]:
    width, height = size
    window.resize(width, available_height(height))
    settle()
    window.show_area("villages")
    page = window.current_page()
    _wait_idle(page)
    assert page.audit_banner.isVisible() and LONG_VILLAGE in page.audit_banner.text()
    # the 回执 box beside the register or, when they do not both fit, behind a tab the legend names
    assert ("右边给它发送回执" if page.panes.side_by_side() else "“发送回执 · 导入数据包”") in page.legend.text()
    problems = []
    for _ in every_tab(page):
        problems += [f"{label}: {p}" for p in widget_problems(window) + _page_sideways(page)]
    return problems


def _page_sideways(page: QWidget) -> list[str]:
    """The page wider than its room, measured both ways: its own minimum against the main window's scroll
    area, and the page's inner scroll area (the 村庄 page keeps one) showing a sideways bar."""
    return page_width_problems(page) + sideways_problems(page)


@pytest.mark.parametrize("font", list(FONT_SIZES))
def test_villages_page_fits_with_a_broken_audit_and_a_long_name(qtbot, broken_audit_township, tmp_path,
                                                                styled_app, font):
    """The 村庄 page in its fullest state — a village flagged red for a rewritten audit log, with a
    32-character name — fits at 1024×600 and 1366×768 at every font size: at 1024×600 the banner, 发通知…
    and 发送回执 were cut off on the right (the page scrolled sideways) once the page had gained 重新入网…,
    生成恢复包… and 停用…. Also at the size the window really opens at on a netbook."""
    from ui.fonts import apply_point_size
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore

    apply_point_size(styled_app, FONT_SIZES[font])
    folder = tmp_path / "data"
    shutil.copytree(broken_audit_township, folder)
    paths = AppPaths(folder)
    open_store(paths, backup_before_migration=False)
    window = MainWindow(setup_service.current(), cli_session("township"), paths,
                        SettingsStore.load(paths.settings_file))
    problems: list[str] = []
    try:
        window.show()
        qtbot.waitExposed(window)
        for name, size in SIZES.items():
            problems += _villages_fit_problems(qtbot, window, size, f"{name} {font}")
            shots = os.environ.get("CUNWU_FIT_SHOTS")
            if shots:
                settle()
                Path(shots).parent.mkdir(parents=True, exist_ok=True)
                picture = window.grab()
                picture.copy(0, 0, size[0], available_height(size[1])).save(
                    f"{shots}_{name}_villages_broken_audit_{font}.png")
        opened = opened_size(1024, 600)
        window.resize(*opened)
        settle()
        page = window.current_page()
        problems += [f"opened {opened} {font}: {p}" for _ in every_tab(page) for p in _page_sideways(page)]
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        close_database()
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
