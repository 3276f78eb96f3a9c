"""Renders the 数据交换 screens to build/screenshots/bx_*.png for a person to look at.

Run with `pytest -m screenshots tests/gui/test_exchange_screens.py`. Two real
installations (a township and its village) exchange real packages first.
"""

from __future__ import annotations

import pytest

from desktop.services import exchange_service as xs
from desktop.services import setup_service
from desktop.services.session import cli_session
from tests.support import sites as support
from tests.support import templates
from tests.support.first_contact import confirm_fingerprint, genuine
from tests.support.screens import save, shown
from ui.main_window import MainWindow

pytestmark = pytest.mark.screenshots


def _filled_pair(into):
    """The login pair after a year of demo records (120 households) on the village (database closed after)."""
    from desktop.demo import fill_village

    support.make_login_pair(into)
    fill_village(cli_session("village"), households=120, years=1)


def _demo_pair(tmp_path):
    """`_filled_pair`, built once per session and copied over the test's login pair; the database is on the village."""
    pair = support.make_login_pair(tmp_path / "pair")
    templates.copy_tree(templates.template("exchange_screens_demo_pair", _filled_pair), pair.root)
    pair.use("v")
    return pair


def _window(qtbot, session, paths, area: str) -> MainWindow:
    from ui.settings_store import SettingsStore

    window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
    shown(qtbot, window, 1180, 760)
    window.show_area(area)
    qtbot.waitExposed(window)
    return window


def _close_box(page):
    if page.message_box is not None:
        page.message_box.done(0)
        page.message_box = None


def _exchange_tab(window):
    """On a township the packages are exchanged on the 村庄 page itself (export and import boxes)."""
    return window.current_page()


def test_exchange_screens(qtbot, tmp_path):
    pair = _demo_pair(tmp_path)
    first = xs.export_package(pair.village_session, pair.village, pair.usb).path

    # The township: preview of the village's first package (many kinds of records).
    pair.use("t")
    for code, name in (("330106001002", "白云村"), ("330106001003", "石桥村")):
        xs.enroll_village(pair.township_session, pair.township, code, name, pair.usb)
    window = _window(qtbot, pair.township_session, pair.township, "villages")
    page = _exchange_tab(window)
    page.import_files([first])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    dialog = page.preview_dialog
    qtbot.waitExposed(dialog)
    save(dialog, "bx_02_import_preview")
    confirm_fingerprint(dialog)  # the village read it out on the phone
    dialog.accept()
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=30_000)
    _close_box(page)
    page.select_village(support.VILLAGE_CODE)
    page.target.set_folder(pair.usb)
    page.send_receipt()
    qtbot.waitUntil(lambda: page.export_result is not None, timeout=30_000)
    _close_box(page)
    receipt = page.export_result.path
    save(window, "bx_03_township_villages")
    window.close()

    # The village: imports the 回执, edits, sends again; the page as a secretary sees it.
    pair.use("v")
    xs.import_package(pair.village_session, pair.village, receipt)
    support.add_people(pair.village_session, "王五")
    xs.export_package(pair.village_session, pair.village, pair.usb)
    window = _window(qtbot, pair.village_session, pair.village, "exchange")
    page = window.current_page()
    page.target.set_folder(pair.usb)
    page.start_export()
    qtbot.waitUntil(lambda: page.export_result is not None, timeout=30_000)
    _close_box(page)
    save(window, "bx_01_exchange_village")
    window.close()


def test_conflict_screen(qtbot, tmp_path):

    pair = support.make_login_pair(tmp_path / "pair")
    support.same_owner_conflict(pair, tmp_path)
    window = _window(qtbot, pair.township_session, pair.township, "villages")
    page = _exchange_tab(window)
    page.tabs.setCurrentWidget(page.conflicts_panel)
    save(window, "bx_04_conflict")
    window.close()


def test_wizard_setup_file_screen(qtbot, tmp_path, store):
    from PySide6.QtWidgets import QWizard

    from desktop.storage import open_store
    from models.db import close_database
    from ui.setup.setup_wizard import SetupWizard

    setup_file = support.make_login_pair(tmp_path / "pair", enroll=False).setup_file
    close_database()
    open_store(store, backup_before_migration=False)
    wizard = shown(qtbot, SetupWizard(), 760, 560)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.identity_page.load_setup_file(setup_file)
    save(wizard, "bx_05_wizard_setup_file")


def test_village_reads_the_township_opinion_screens(qtbot, tmp_path):
    """bx_08: the import message of a 回执; bx_09: the 审核 tab with the opinion and what to do next."""
    from tests.support.reviews import draft_reviewed_by_township
    from ui.rules.rules_page import RulesPage

    pair = support.make_login_pair(tmp_path / "pair")
    version_id, receipt = draft_reviewed_by_township(pair)
    window = _window(qtbot, pair.village_session, pair.village, "exchange")
    page = window.current_page()
    page.import_files([receipt])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    page.preview_dialog.accept()
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=30_000)
    save(page.message_box, "bx_08_village_receipt_imported")
    _close_box(page)
    window.show_area("rules")
    rules = window.current_page()
    assert isinstance(rules, RulesPage)
    rules.refresh(version_id)
    rules.panel.tabs.setCurrentWidget(rules.panel.review_tab)
    save(window, "bx_09_village_review_from_township")
    window.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=["1366x768", "1024x600"])
def test_exchange_pages_on_common_screens(qtbot, tmp_path, size):
    """bx_10/bx_11: the township's 村庄 page and the village's 数据交换 page at a laptop's and a netbook's size."""
    from PySide6.QtWidgets import QPushButton

    width, height = size
    pair = _demo_pair(tmp_path)
    first = xs.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    xs.import_package(pair.township_session, pair.township, first, fingerprint=genuine(pair.village))
    for code, name in (("330106001002", "白云村"), ("330106001003", "石桥村")):
        xs.enroll_village(pair.township_session, pair.township, code, name, pair.usb)
    receipt = xs.export_package(pair.township_session, pair.township, pair.usb,
                                  recipient_code=support.VILLAGE_CODE).path
    for key, session, paths, name in (("t", pair.township_session, pair.township, "bx_10_township_villages"),
                                      ("v", pair.village_session, pair.village, "bx_11_village_exchange")):
        pair.use(key)
        if key == "v":
            xs.import_package(pair.village_session, pair.village, receipt)
        window = _window(qtbot, session, paths, "villages" if key == "t" else "exchange")
        window.resize(width, height)
        qtbot.wait(50)
        page = window.current_page()
        page.target.set_folder(pair.usb)
        save(window, f"{name}_{width}x{height}")
        # Every visible button of the page shows its whole text.
        clipped = [b.text() for b in page.findChildren(QPushButton)
                   if b.isVisible() and b.width() < b.minimumSizeHint().width()]
        assert clipped == []
        window.close()
