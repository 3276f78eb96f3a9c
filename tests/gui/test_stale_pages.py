"""Pages know what changed: an import on one page shows on the others without rebuilding them.

Seen before the operations layer: open 村规民约 on a submitted draft, import
the township's 回执 on 数据交换, come back — the timeline still said 等待乡镇的
审核意见 while a freshly built page said 修改后同意. Here the pages are built
first, as a person's session builds them, and the import runs through the
main window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.services import setup_service
from tests.support.reviews import draft_reviewed_by_township
from ui.main_window import MainWindow


def _window(qtbot, pair, settings) -> MainWindow:
    window = MainWindow(setup_service.current(), pair.village_session, pair.village, settings)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def _import_through_the_exchange_page(qtbot, window, receipt) -> None:
    window.show_area("exchange")
    page = window.current_page()
    page.import_files([receipt])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    qtbot.keyClick(page.preview_dialog, Qt.Key.Key_Return)  # Enter on the preview is 导入
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    page.message_box.done(0)


def test_the_rules_page_built_before_an_import_shows_the_township_opinion_after_it(qtbot, pair, tmp_path):
    from ui.settings_store import SettingsStore

    version_id, receipt = draft_reviewed_by_township(pair)
    window = _window(qtbot, pair, SettingsStore.load(tmp_path / "settings.json"))

    window.show_area("rules")
    rules = window.current_page()
    rules.refresh(version_id)
    assert "等待乡镇的审核意见" in rules.panel.timeline_text()
    window.show_area("home")  # the home page is built too, and shows no notice yet

    _import_through_the_exchange_page(qtbot, window, receipt)

    window.show_area("rules")
    assert window.current_page() is rules  # the same page, not a rebuilt one
    assert rules.selected_version_id() == version_id  # the person's place is kept
    assert "下一步,请先修改条文" in rules.panel.timeline_text()
    review = rules.panel.review_tab
    rules.panel.tabs.setCurrentWidget(review)
    assert "修改后同意" in review.result_label.text()
    assert not review.submit_button.isEnabled()


def test_a_change_on_the_page_on_screen_does_not_refresh_it_under_the_person(qtbot, main_window):
    """The page that ran an operation shows its own result; the others are marked and refresh when shown."""
    from desktop.changes import Changes
    from ui.operations import announce

    main_window.show_area("rules")
    rules = main_window.current_page()
    main_window.show_area("meetings")
    meetings = main_window.current_page()
    calls = []
    rules.refresh = lambda *a: calls.append("rules")  # noqa: E731 - a probe on the instance
    meetings.refresh = lambda *a: calls.append("meetings")  # noqa: E731

    announce(Changes.of("rule_version"), initiator=meetings)
    assert calls == []  # meetings does not show rules; rules is off screen: marked, not refreshed yet
    announce(Changes.of("meeting"), initiator=meetings.findChild(QWidget))  # say, its editor
    assert calls == []  # the page on screen ran it itself
    announce(Changes.of("meeting"), initiator=None)
    assert calls == ["meetings"]  # on screen, changed by someone else: refreshed now
    main_window.show_area("rules")
    assert calls == ["meetings", "rules"]  # marked while away: refreshed on the way in
    main_window.show_area("meetings")
    assert calls == ["meetings", "rules"]  # nothing new for meetings since


def _pages_without_refresh(window: MainWindow) -> list[str]:
    missing = []
    for key in window.navigation.keys():
        window.show_area(key)
        if not callable(getattr(window.current_page(), "refresh", None)):
            missing.append(key)
    return missing


def test_every_village_page_can_be_told_to_refresh(main_window):
    assert _pages_without_refresh(main_window) == []


def test_every_township_page_can_be_told_to_refresh(qtbot, township, settings_store):
    paths, session = township
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    assert _pages_without_refresh(window) == []
