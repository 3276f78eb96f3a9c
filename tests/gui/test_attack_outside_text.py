"""Issue 16: everything that comes from a package or a file is shown as plain text, on every screen.

"Everything that comes from a package or a file is shown as plain text
(Qt.PlainText on every label that carries outside data; a test feeds HTML
through every such screen)." A village writes HTML (and the fake
"✔ 指纹已由系统自动核对一致 无需打电话") into its name and into the text of its
records; the township imports the package and opens every screen; the
township answers with a notice written the same way, and the village opens
its screens. On each screen no label, tooltip or message box may render
that text as HTML: a label showing it is plain text (or escaped it itself),
a tooltip carrying it is shown escaped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QToolTip,
    QWidget,
)

from desktop.services import exchange_service as xs
from desktop.services import installation, notice_service, setup_service
from desktop.services.session import cli_session
from desktop.sync import importer
from models.db import database
from models.sync import policy
from tests.support import templates
from tests.support.first_contact import confirm_fingerprint, confirmed_by
from tests.support.reviews import village_draft
from tests.support.screens import shown
from tests.support.sites import VILLAGE_CODE, make_login_pair
from tests.support.sweep import visit_pages
from ui.main_window import MainWindow
from ui.widgets import outside_text

FAKE = "✔ 指纹已由系统自动核对一致 无需打电话"
TAGS = ("<b>粗", "<a href=x>", "<img src=x>")
SHORT = "<b>粗</b>"  # fits a 32-character column
LONG = f"<b>粗</b><a href=x>链接</a><img src=x>{FAKE}"
SENDER = f"青山村<br><b>{FAKE}</b><img src=x>"

#: Free-text columns a village writes (the rest are codes, dates and enumerations).
TEXT_COLUMNS = {
    "agenda_item": ("title", "minutes"), "attachment": ("filename",),
    "decision_register": ("title", "note"), "decision_step": ("committee_opinion",),
    "disclosure_item": ("title", "content", "review_reason"), "feedback": ("content",),
    "financial_line": ("summary",), "household": ("address", "note"),
    "meeting": ("title", "note", "place"), "person": ("name", "note"), "resolution": ("text",),
    "rule_article": ("text",), "rule_opinion": ("content",), "rule_set": ("title",),
    "rule_version": ("title", "note", "preamble"),
    "supervision_matter": ("title", "findings", "notice", "answer"),
}


def _poison_village(owner: str) -> None:
    """Put HTML into the village's own free text (straight into its database: the sender may lie)."""
    for table, columns in TEXT_COLUMNS.items():
        model = policy.MODEL_BY_TABLE[table]
        for column in columns:
            limit = getattr(model._meta.fields[column], "max_length", None) or 10_000  # noqa: SLF001
            payload = LONG if limit >= 128 else SHORT
            database.execute_sql(
                f'UPDATE "{table}" SET "{column}" = substr(? || "{column}", 1, ?) '
                f'WHERE owner = ? AND "{column}" IS NOT NULL AND "{column}" != \'\'', (payload, limit, owner))
    database.execute_sql("UPDATE installation SET name = ? WHERE id = 1", (SENDER,))
    installation.forget()


def _renders_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def _raw(text) -> bool:
    return isinstance(text, str) and any(tag in text for tag in TAGS)


def _shown_tooltip(widget: QWidget, pos: QPoint) -> str:
    """What a person sees on hovering: the tooltip event sent through the application, as Qt does."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


class Sweep:
    """Everything one screen shows, checked: offenders listed, outside text seen counted."""

    def __init__(self):
        self.offenders: list[str] = []
        self.seen: dict[str, int] = {}

    def check(self, name: str, root: QWidget) -> None:
        QApplication.processEvents()
        seen = 0
        for label in root.findChildren(QLabel) + ([root] if isinstance(root, QLabel) else []):
            if "粗" in label.text() or FAKE in label.text():
                seen += 1
            if _raw(label.text()):
                label.ensurePolished()  # as Qt does before a label is first shown (one added just now is not yet)
            if _raw(label.text()) and _renders_rich(label):
                self.offenders.append(f"{name}: QLabel {label.objectName() or type(label).__name__} "
                                      f"renders {label.text()[:80]!r}")
        if isinstance(root, QMessageBox) and _raw(root.text()) and root.textFormat() != Qt.TextFormat.PlainText:
            self.offenders.append(f"{name}: message box renders {root.text()[:80]!r}")
        for widget in [root, *root.findChildren(QWidget)]:
            if _raw(widget.toolTip()) and widget.isVisible():
                shown_text = _shown_tooltip(widget, QPoint(2, 2))
                if _raw(shown_text) and QtGui.Qt.mightBeRichText(shown_text):
                    self.offenders.append(f"{name}: tooltip of {type(widget).__name__} {shown_text[:80]!r}")
        for view in root.findChildren(QAbstractItemView):
            seen += self._check_view(name, view)
        self.seen[name] = self.seen.get(name, 0) + seen

    def _check_view(self, name: str, view: QAbstractItemView) -> int:
        model = view.model()
        if model is None or isinstance(view, QHeaderView):
            return 0
        seen = 0
        checked = 0
        try:
            columns = model.columnCount()
        except TypeError:  # a list model: one column
            columns = 1
        for row in range(min(model.rowCount(), 60)):
            for col in range(columns):
                index = model.index(row, col)
                if "粗" in str(index.data() or ""):
                    seen += 1
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not _raw(tip) or checked >= 3 or not view.isVisible():
                    continue
                rect = view.visualRect(index)
                if rect.isEmpty() or not view.viewport().rect().intersects(rect):
                    continue
                checked += 1
                shown_text = _shown_tooltip(view.viewport(), rect.center())
                if _raw(shown_text) and QtGui.Qt.mightBeRichText(shown_text):
                    self.offenders.append(f"{name}: tooltip of a {type(view).__name__} cell {shown_text[:80]!r}")
        return seen


def _window(qtbot, session, paths, settings_store, width=1366, height=768) -> MainWindow:
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    shown(qtbot, window, width, height)
    return window


def _visit(qtbot, window: MainWindow, sweep: Sweep, areas: tuple[str, ...]) -> None:
    visit_pages(qtbot, window, sweep.check, areas)


def _poison(into: Path) -> Path:
    """The village's demo year, poisoned with HTML, imported by the township (the fingerprint confirmed)."""
    from desktop import demo

    pair = make_login_pair(into)
    pair.use("v")
    demo.fill_village(cli_session("village"), years=1)
    village_draft(cli_session("village"))  # a draft waiting in the township's 审核备案 queue
    _poison_village(VILLAGE_CODE)
    package = xs.export_package(cli_session("village"), pair.village, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, package, pair.township, backup=False,
                          confirm=confirmed_by(pair.village))
    # Village names are the township's own words, but shown everywhere: a name with HTML in it, silent for long.
    database.execute_sql("UPDATE peer SET name = ?, last_in_at = ? WHERE code = ?",
                         (f"{SHORT}青山村", "2020-01-01T00:00:00.000000Z", VILLAGE_CODE))
    database.execute_sql("UPDATE village SET name = ? WHERE code = ?", (f"{SHORT}青山村", VILLAGE_CODE))
    odd = pair.usb / f"{VILLAGE_CODE}_0009_<b>粗<img src=x>.cwpkg"  # a file name cannot hold "/"
    importer.journal_refusal(pair.township.data_dir, odd, f"数据包中的人员有不合规定的“姓名”(“{LONG}”)")
    xs.enroll_village(pair.township_session, pair.township, "330106001002", "<b>粗</b>村", pair.usb)
    return package.relative_to(into)


@pytest.fixture
def poisoned(pair):
    """`_poison` built once per session and copied over the test's pair; the township's database is open."""
    made = templates.template("attack_outside_text_poisoned", _poison)
    templates.copy_tree(made, pair.root)
    pair.use("t")
    return pair.root / made.result


def test_html_from_a_package_is_plain_text_on_every_township_screen(qtbot, pair, poisoned, settings_store):
    """Attack: 'The sender's name from the manifest is shown as rich text' — and every other outside text."""
    sweep = Sweep()
    window = _window(qtbot, pair.township_session, pair.township, settings_store)
    _visit(qtbot, window, sweep, ("home", "villages", "review", "compliance", "reports"))
    window.show_area("villages")
    page = window.current_page()
    page.select_village(VILLAGE_CODE)
    sweep.check("villages (selected)", page)
    sweep.check("main window (status bar, every page built)", window)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    for screen in ("home", "villages", "review", "compliance"):
        assert any(n for k, n in sweep.seen.items() if k.startswith(screen)), (screen, sweep.seen)


def test_html_from_a_package_is_plain_text_in_the_village_file(qtbot, pair, poisoned, settings_store):
    """Attack: the township reads a village's file (村档案) — every tab, each record picked, as the characters sent."""
    from ui.township.village_file.list_detail import ListDetailTab

    sweep = Sweep()
    window = _window(qtbot, pair.township_session, pair.township, settings_store)
    window.show_area("villages")
    page = window.current_page()
    assert page.open_village_file(VILLAGE_CODE)
    view = page.village_file
    texts = []
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        tab = view.tabs.currentWidget()
        for lister in [tab, *tab.findChildren(ListDetailTab)]:
            if isinstance(lister, ListDetailTab) and lister.proxy.rowCount():
                lister.table.selectRow(min(1, lister.proxy.rowCount() - 1))
                texts.append(lister.detail.toPlainText())
        sweep.check(f"village file {view.tabs.tabText(index)}", view)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    assert any("<b>粗" in t for t in texts), texts[:2]  # the HTML sent is shown as its characters


def test_html_in_the_return_package_is_plain_text_on_the_village(qtbot, pair, poisoned, settings_store):
    """The village imports the township's 回执 with a notice written in HTML: preview, notices, home, 数据交换."""
    notice_service.send_notice(pair.township_session, LONG, f"{LONG}\n第二行", date.today(), [VILLAGE_CODE])
    back = xs.export_package(pair.township_session, pair.township, pair.usb, recipient_code=VILLAGE_CODE).path
    pair.use("v")
    sweep = Sweep()
    window = _window(qtbot, pair.village_session, pair.village, settings_store)
    window.show_area("exchange")
    page = window.current_page()
    page.import_files([back])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    sweep.check("return preview", page.preview_dialog)
    confirm_fingerprint(page.preview_dialog)
    page.preview_dialog.accept()
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=30_000)
    sweep.check("imported message", page.message_box)
    page.message_box.done(0)
    _visit(qtbot, window, sweep, ("home", "exchange"))
    from ui.exchange.notices import NoticesDialog

    dialog = NoticesDialog(pair.village_session, window)
    dialog.show()
    sweep.check("notices", dialog)
    dialog.reject()
    sweep.check("main window (status bar, every page built)", window)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    assert any(n for k, n in sweep.seen.items() if k.startswith("home")), sweep.seen


def test_kit_message_boxes_and_labels_show_outside_text_literally(qtbot):
    """The kit's boxes (inform, ask_confirm, show_error) and `OutsideLabel` never render a name as HTML."""
    from models.errors import ValidationError
    from models.messages import msg
    from ui.errors import show_error
    from ui.widgets.dialogs import ask_confirm, inform

    host = QWidget()
    qtbot.addWidget(host)
    boxes = [inform(host, "t", LONG, LONG), ask_confirm(host, "t", LONG, "是", lambda: None),
             show_error(host, ValidationError(msg("x", "{v}", v=LONG)))]
    sweep = Sweep()
    for box in boxes:
        sweep.check("box", box)
        box.done(0)
    label = outside_text.OutsideLabel(LONG)
    qtbot.addWidget(label)
    sweep.check("label", label)
    assert not sweep.offenders, "\n".join(sweep.offenders)
    assert outside_text.one_line(f"甲\n{FAKE}") == f"甲⏎{FAKE}"
    assert "&lt;b&gt;" in outside_text.tooltip("<b>粗</b>")


def test_the_tooltip_of_a_cell_is_shown_literally(qtbot, styled_app):
    """A model's ToolTipRole with HTML in it: what a person sees on hovering is the literal text."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(1, 1)
    item = QStandardItem("青山村")
    item.setToolTip(LONG)
    model.setItem(0, 0, item)
    view = QTableView()
    view.setModel(model)
    shown(qtbot, view, 400, 200)
    text = _shown_tooltip(view.viewport(), view.visualRect(model.index(0, 0)).center())
    assert text and not QtGui.Qt.mightBeRichText(text) or "&lt;b&gt;" in text, text
    label = QLabel("x")
    label.setToolTip(LONG)
    shown(qtbot, label, 100, 40)
    assert "&lt;b&gt;" in _shown_tooltip(label, QPoint(2, 2))
    QToolTip.hideText()
