"""Our own HTML is rendered, never shown as raw tags (the other side of issue 16's plain-text rule).

`PlainByDefault` makes every label left at Qt's `AutoText` plain text, so
outside text can never render as HTML. A label whose HTML *we* build (colours,
bold, line breaks, with every outside word `html.escape`d) must therefore ask
for `RichText` itself; one that forgot showed "<span style='color:#2e7d32'>按时公开
15</span>" to the person (村务公开 → 公开日历). This sweep drives the real main
window on the demo village and the demo township — every page, every tab, the
first, middle and last row of every list, and the dialogs one click away — and
fails on any label that would show markup literally. The demo data holds no
"<" or "&", so a tag or an entity in a plain label is markup our code made.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QWidget,
)

from desktop.services import setup_service
from tests.support.demo import demo_township, demo_village
from tests.support.screens import shown
from tests.support.sweep import select_rows, visit_pages
from ui.main_window import MainWindow

#: A tag or an entity as our code writes them (a name in the demo data has neither).
MARKUP = re.compile(r"<(span|b|br|p|font|a|table|tr|td|div|i|u|small|big|img|ul|ol|li|h\d|hr)[\s>/]"
                    r"|&(lt|gt|amp|nbsp|quot|#\d+);", re.IGNORECASE)

RULE_TEXT = Path(__file__).resolve().parents[1] / "data" / "rule_texts" / "taowenge_jianshitiao_run_in_items.txt"


class MarkupSweep:
    """Labels, message boxes and tooltips that would show markup literally; labels looked at and rendering it, counted."""

    def __init__(self):
        self.offenders: dict[str, str] = {}
        self.rendered: dict[str, int] = {}
        self.labels: dict[str, int] = {}

    def check(self, name: str, root: QWidget) -> None:
        QApplication.processEvents()
        labels = root.findChildren(QLabel) + ([root] if isinstance(root, QLabel) else [])
        self.labels[name] = self.labels.get(name, 0) + len(labels)
        for label in labels:
            if not MARKUP.search(label.text()):
                continue
            label.ensurePolished()  # as Qt does before a label is first shown: `PlainByDefault` decides here
            if label.textFormat() == Qt.TextFormat.PlainText:
                where = f"QLabel {label.objectName() or ''} in {type(label.parentWidget()).__name__}"
                self.offenders.setdefault(f"{where}: {label.text()[:90]!r}", name)
            else:
                self.rendered[name] = self.rendered.get(name, 0) + 1
        if isinstance(root, QMessageBox) and root.textFormat() == Qt.TextFormat.PlainText \
                and MARKUP.search(root.text() + root.informativeText()):
            self.offenders.setdefault(f"message box {root.text()[:90]!r}", name)
        for widget in (root, *root.findChildren(QWidget)):  # a tooltip with a tag is shown escaped (literally)
            tip = widget.toolTip()
            if tip and MARKUP.search(tip) and not widget.property("richToolTip"):
                self.offenders.setdefault(f"tooltip of {type(widget).__name__}: {tip[:90]!r}", name)
        for view in root.findChildren(QAbstractItemView):
            self._check_cells(name, view)

    def _check_cells(self, name: str, view: QAbstractItemView) -> None:
        """A cell's tooltip (ToolTipRole) with a tag in it is shown escaped too: ours would read as raw markup."""
        model = view.model()
        if model is None or isinstance(view, QHeaderView):
            return
        try:
            columns = model.columnCount()
        except TypeError:  # a list model: one column
            columns = 1
        for row in range(min(model.rowCount(), 30)):
            for column in range(columns):
                tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and MARKUP.search(tip):
                    self.offenders.setdefault(f"tooltip of a {type(view).__name__} cell: {tip[:90]!r}", name)

    def dialog(self, qtbot, name: str, open_it) -> None:
        """Open a dialog (or editor window) the way its button does, check every window it brought up, hide them."""
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        open_it()
        QApplication.processEvents()
        opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
        assert opened, f"{name} opened no window"
        for window in opened:
            self.check(name, window)
            select_rows(window, self.check, name)
            window.hide()

    def report(self) -> str:
        return "\n".join(f"{name}: {what}" for what, name in self.offenders.items())


def _window(qtbot, session, paths, settings_store) -> MainWindow:
    return shown(qtbot, MainWindow(setup_service.current(), session, paths, settings_store), 1366, 768)


def _main_window_dialogs(qtbot, sweep: MarkupSweep, window: MainWindow, settings_store) -> None:
    from ui.login_dialog import LoginDialog

    for name in ("open_about", "open_backup", "open_accounts", "open_change_password",
                 "open_province_dialog", "open_recycle", "open_verify_paper"):
        sweep.dialog(qtbot, name, getattr(window, name))
    login = LoginDialog(setup_service.current(), settings_store)
    qtbot.addWidget(login)
    sweep.dialog(qtbot, "login", login.show)


def test_our_markup_is_rendered_on_every_village_screen(qtbot, store, settings_store):
    """Village demo: every page, tab, list row and the dialogs one click away."""
    from models.meetings import types as mt

    sweep = MarkupSweep()
    window = _window(qtbot, demo_village(years=1), store, settings_store)
    visit_pages(qtbot, window, sweep.check, window.navigation.keys(), rows=True)
    _main_window_dialogs(qtbot, sweep, window, settings_store)
    pages = window._pages  # noqa: SLF001 - the pages built by the visit
    meetings, disclosure, rules = pages["meetings"], pages["disclosure"], pages["rules"]
    people, supervision = pages["people"], pages["supervision"]
    sweep.dialog(qtbot, "new meeting", lambda: meetings.list_view.new_meeting(next(iter(mt.TYPES))))
    meetings.tabs.setCurrentWidget(meetings.list_view)
    meetings.list_view.select_row(0)
    sweep.dialog(qtbot, "open meeting", meetings.list_view.open_selected)
    sweep.dialog(qtbot, "new posting", disclosure.new_item)
    sweep.dialog(qtbot, "catalogue", disclosure.open_catalogue)
    disclosure.tabs.setCurrentWidget(disclosure.list_tab)
    disclosure.list_tab.table.selectRow(0)
    sweep.dialog(qtbot, "open posting", disclosure.list_tab.open_current)
    sweep.dialog(qtbot, "rule import preview", lambda: rules.open_import().load_file(RULE_TEXT))
    for name in ("open_blank_draft", "open_history", "open_compare"):
        sweep.dialog(qtbot, name, getattr(rules, name))
    sweep.dialog(qtbot, "new person", people.open_add)
    people.table.selectRow(0)
    sweep.dialog(qtbot, "edit person", people.open_edit)
    sweep.dialog(qtbot, "new matter", supervision.matters_tab.open_new)
    sweep.dialog(qtbot, "new committee meeting", supervision.meetings_tab.new_meeting)
    sweep.dialog(qtbot, "new committee term", supervision.members_tab.open_new_term)
    assert not sweep.offenders, sweep.report()
    for screen in ("rules", "disclosure", "supervision", "people"):  # the sweep did reach our rich labels
        assert any(k.startswith(screen) for k in sweep.rendered), (screen, sweep.rendered)


def test_our_markup_is_rendered_on_every_township_screen(qtbot, paths, settings_store):
    """Township demo: every page, tab, list row and the dialogs one click away."""
    from ui.township.compliance_page import FIRST_OBLIGATION_COL

    sweep = MarkupSweep()
    window = _window(qtbot, demo_township(paths, villages=3, years=1), paths, settings_store)
    visit_pages(qtbot, window, sweep.check, window.navigation.keys(), rows=True)
    _main_window_dialogs(qtbot, sweep, window, settings_store)
    pages = window._pages  # noqa: SLF001 - the pages built by the visit
    sweep.dialog(qtbot, "compliance cell", lambda: pages["compliance"].open_cell(0, FIRST_OBLIGATION_COL))
    review = pages["review"]
    sweep.dialog(qtbot, "verify paper", review.filings.open_verify)
    window.show_area("review")
    review.queue.show_reviewed_check.setChecked(True)
    review.queue.table.selectRow(0)
    review.queue.open_current()  # the draft opens in place of the queue
    assert review.review_stack.currentWidget() is review.draft
    sweep.check("review/draft", review)
    select_rows(review.draft, sweep.check, "review/draft")
    sweep.dialog(qtbot, "review opinion", review.draft.open_opinion)
    assert not sweep.offenders, sweep.report()
    # The township's demo shows none of our rich text (no opinion registered yet): the sweep did look everywhere.
    for screen in ("home", "villages", "review", "review/draft", "compliance", "reports", "compliance cell"):
        assert sweep.labels.get(screen), (screen, sweep.labels)


def test_our_markup_is_rendered_in_the_setup_wizard(qtbot, store):
    """The first-run wizard's rich titles (`ui.setup.titles`): the header renders them (one title format for all pages)."""
    from ui.setup.setup_wizard import SetupWizard

    sweep = MarkupSweep()
    sweep.check("setup wizard", shown(qtbot, SetupWizard(), 680, 480))
    assert not sweep.offenders, sweep.report()
    assert sweep.rendered == {"setup wizard": 1}


def test_the_sweep_finds_a_plain_label_with_our_markup(qtbot):
    """The check itself: a label left at AutoText with a tag in it is found; one set to RichText is not."""
    host = QWidget()
    qtbot.addWidget(host)
    QLabel("<b>粗</b>", host).setObjectName("forgot")
    rich = QLabel("<b>粗</b>", host)
    rich.setTextFormat(Qt.TextFormat.RichText)
    QLabel("a < b, 1 & 2", host)  # a "<" or "&" alone is no markup
    sweep = MarkupSweep()
    sweep.check("host", host)
    assert list(sweep.offenders) == ["QLabel forgot in QWidget: '<b>粗</b>'"]
    assert sweep.rendered == {"host": 1}
