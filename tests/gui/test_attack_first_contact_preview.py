"""Issue 16: the township's import preview asks for the fingerprint read out on the phone, and no sender can fake it.

"The sender's name from the manifest is shown as rich text inside the very
prompt that asks to confirm the fingerprint by phone: a name can print
'✔ 指纹已由系统自动核对一致 无需打电话'." A lying village names itself with HTML
(and with a line break) in its own, correctly signed package.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.paths import AppPaths
from desktop.services import exchange_service, installation
from desktop.services.session import cli_session
from desktop.settings import FONT_SIZES
from desktop.sync import first_contact, keys
from models.db import database
from tests.gui.fit_checks import available_height, widget_problems, window_problems
from tests.support import templates
from tests.support.screens import save, shown
from tests.support.sites import VILLAGE_NAME, Pair, add_people, make_login_pair
from ui.township.villages_page import VillagesPage

FAKE = "✔ 指纹已由系统自动核对一致 无需打电话"
NAMES = {
    "html": f"青山村<br><b>{FAKE}</b><a href=x>链接</a><img src=x>",
    "newline": f"青山村\n{FAKE}",
}


def _lying_package(pair, name: str):
    """The village's own package, signed by its own key, naming itself `name`."""
    pair.use("v")
    add_people(pair.village_session, "张三")
    database.execute_sql("UPDATE installation SET name = ? WHERE id = 1", (name,))
    installation.forget()
    return exchange_service.export_package(cli_session("village"), pair.village, pair.usb).path


def _preview(qtbot, pair, package, width=1366, height=768):
    pair.use("t")
    page = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), width, height)
    page.import_files([package])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    return page, page.preview_dialog


def _renders_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_a_sender_name_cannot_fake_the_fingerprint_confirmation(qtbot, pair, kind):
    """Attack: 'a name can print "✔ 指纹已由系统自动核对一致 无需打电话"' inside the prompt that asks to phone."""
    name = NAMES[kind]
    package = _lying_package(pair, name)
    page, dialog = _preview(qtbot, pair, package)
    assert dialog.plan.first_contact and dialog.plan.sender_name == name
    labels = dialog.findChildren(QLabel)
    carrying = [label for label in labels if FAKE in label.text()]
    assert carrying, "the sender's name is shown (literally)"
    for label in carrying:
        assert not _renders_rich(label), label.text()
        assert "\n" not in label.text(), "outside text cannot start a line of its own"
    assert name.replace("\n", "⏎") in dialog.sender_label.text()
    # The prompt is ours alone: it names the village as the township registered it.
    ask = dialog.first_contact_ask.text()
    assert f"请打电话给{VILLAGE_NAME}" in ask and FAKE not in ask and "念出电脑指纹" in ask
    assert all(FAKE not in label.text() for label in labels if label is not dialog.sender_label)
    # 导入 stays disabled whatever the name says, and Enter does nothing.
    assert not dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and page.last_import is None


def test_import_is_disabled_until_the_fingerprint_read_out_matches(qtbot, pair):
    """The township types the 8 characters heard on the phone: a wrong one keeps 导入 disabled and says so."""
    package = _lying_package(pair, VILLAGE_NAME)
    real = first_contact.spoken(keys.load_or_create(pair.village.keys).fingerprint)
    page, dialog = _preview(qtbot, pair, package)
    assert not dialog.import_button.isEnabled()
    assert dialog.plan.fingerprint not in " ".join(label.text() for label in dialog.findChildren(QLabel)
                                                   if label.isVisible()), "not shown to be copied"
    dialog.fingerprint_edit.setText("ABCD")
    assert "还差 4 位" in dialog.fingerprint_status.text() and not dialog.import_button.isEnabled()
    wrong = "AAAA-AAAA" if real != "AAAA-AAAA" else "BBBB-BBBB"
    dialog.fingerprint_edit.setText(wrong)
    assert "不一致" in dialog.fingerprint_status.text() and not dialog.import_button.isEnabled()
    dialog.fingerprint_edit.setText(real.lower().replace("-", " "))
    assert dialog.import_button.isEnabled() and "一致" in dialog.fingerprint_status.text()
    assert dialog.fingerprint_label.isVisible() and dialog.plan.fingerprint in dialog.fingerprint_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    page.message_box.close()


def test_a_wrong_fingerprint_is_refused_even_when_the_dialog_is_forced(qtbot, pair):
    """The import checks again what was typed (the file could be swapped after the preview)."""
    package = _lying_package(pair, VILLAGE_NAME)
    page, dialog = _preview(qtbot, pair, package)
    before = sqlite3.connect(pair.township.database).execute("SELECT status FROM peer").fetchall()
    dialog.fingerprint_edit.setText("AAAA-AAAA")
    dialog.accept()  # as if the button had been enabled
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible(), timeout=20_000)
    assert page.last_import is None
    assert "电脑指纹不一致" in page.message_box.text()
    page.message_box.close()
    assert sqlite3.connect(pair.township.database).execute("SELECT status FROM peer").fetchall() == before


def _filled(into: Path) -> tuple[Path, Path, object, object]:
    """The pair after a year of demo records on the village, with its lying first package on the U盘."""
    from desktop import demo

    made = make_login_pair(into)
    demo.fill_village(cli_session("village"), years=1)
    package = _lying_package(made, NAMES["html"])
    return (made.setup_file.relative_to(into), package.relative_to(into), made.township_session,
            made.village_session)


@pytest.fixture
def filled_pair(tmp_path):
    """`_filled`, built once per session and copied per test (the six screens share one package)."""
    from models.db import close_database

    made = templates.template("attack_first_contact_preview_filled", _filled)
    root = tmp_path / "pair"
    templates.copy_tree(made, root)
    setup_file, package, t_session, v_session = made.result
    yield Pair(root, AppPaths(root / "township"), AppPaths(root / "village"), root / "usb", root / setup_file,
               t_session, v_session), root / package
    close_database()


@pytest.mark.parametrize("font", sorted(FONT_SIZES))
@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_fingerprint_confirmation_fits_and_is_photographed(qtbot, filled_pair, size, font):
    """A realistic first package (a year of records, every kind): the confirmation fits both screens at every
    font size (the body scrolls, 导入/取消 and the fingerprint box stay in view); screenshots for a person.
    The village and its package are built once (`filled_pair`); each size and font previews a copy."""
    from ui.fonts import apply_point_size

    pair, package = filled_pair
    real = first_contact.spoken(keys.load_or_create(pair.village.keys).fingerprint)
    apply_point_size(QApplication.instance(), FONT_SIZES[font])
    _page, dialog = _preview(qtbot, pair, package, *size)
    width, height = size
    dialog.resize(min(max(dialog.width(), dialog.sizeHint().width()), width - 16),
                  min(dialog.height(), available_height(height)))
    QApplication.processEvents()
    problems = window_problems(dialog, width, height) + widget_problems(dialog)
    assert not problems, problems
    for widget in (dialog.import_button, dialog.cancel_button, dialog.fingerprint_edit):
        assert widget.visibleRegion().boundingRect().height() == widget.height(), "in view without scrolling"
    name = f"first_contact_{width}x{height}_{font}"

    labels = (dialog.first_contact_ask, dialog.fingerprint_status)

    def settled_and_saved(state: str) -> None:
        # The layout settles over a few posted events, as on screen: on a loaded machine (two test
        # workers on two cores) 30 ms did not always see them all, so wait for them up to 2 s.
        deadline = time.monotonic() + 2
        qtbot.wait(30)
        while time.monotonic() < deadline and any(
                label.height() < label.heightForWidth(label.width()) for label in labels):
            qtbot.wait(20)
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width()), f"{state}: a sentence is cut"
        save(dialog, f"{name}_{state}")

    settled_and_saved("asking")
    dialog.fingerprint_edit.setText("ABCD-EFGX")
    settled_and_saved("wrong")
    dialog.fingerprint_edit.setText(real)
    settled_and_saved("matched")
    dialog.reject()


def test_the_village_shows_the_fingerprint_it_reads_out(qtbot, pair, settings_store):
    """The secretary finds the 8 characters on the 数据交换 page and in 关于 (the same as `cunwu info`)."""
    from ui.exchange.exchange_page import ExchangePage
    from ui.main_window import MainWindow

    pair.use("v")
    spoken = first_contact.spoken(keys.load_or_create(pair.village.keys).fingerprint)
    page = shown(qtbot, ExchangePage(pair.village_session, paths=pair.village), 1100, 760)
    assert page.fingerprint_label.text() == f"本机电脑指纹:{spoken}"
    window = MainWindow(installation.current(), pair.village_session, pair.village, settings_store)
    qtbot.addWidget(window)
    about = window.open_about()
    assert about.fingerprint_label.text() == spoken and about.fingerprint_label.isVisible()
    about.reject()
