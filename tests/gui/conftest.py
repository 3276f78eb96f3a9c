"""GUI test setup: offscreen Qt, our style and a CJK font, real SQLite per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import shiboken6  # noqa: E402

from desktop.settings import FONT_SIZES  # noqa: E402
from tests.support.sites import ADMIN_PASSWORD  # noqa: E402
from ui.settings_store import SettingsStore  # noqa: E402


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def styled_app(qapp):
    """The QApplication with the style sheet and (when installed) the CJK font."""
    from ui.fonts import load_cjk_font
    from ui.style import apply_style

    apply_style(qapp)
    load_cjk_font(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _normal_font(styled_app):
    """Every test starts (and ends) at the 标准 font size.

    Only a test that changed the size pays for the reset: `apply_point_size`
    re-applies the style sheet to every widget still alive.
    """
    from ui.fonts import apply_point_size

    def reset():
        if styled_app.font().pointSize() != FONT_SIZES["normal"]:
            apply_point_size(styled_app, FONT_SIZES["normal"])

    reset()
    yield
    reset()


@pytest.fixture(autouse=True)
def _no_stray_windows(_normal_font, styled_app):
    """Every GUI test ends with no window of its own left: none can answer (or block) the next test's.

    pytest-qt closes the widgets given to `qtbot.addWidget`, but closing a
    main window with an unsaved editor only opens the 保存 / 不保存 / 取消 box
    (as it should), an editor or a box opened by the code under test is
    nobody's, and `deleteLater` waits for an event loop. A box left on screen
    was found by the next file's "the one open box" and failed three tests
    there. After the test (and its fixtures) every top-level widget is hidden
    without being asked (no closeEvent, no question), the parentless ones are
    deleted with their children, and the deferred deletions run now, before
    the font reset re-styles whatever is still alive.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    yield
    for _ in range(3):
        widgets = [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w)]
        if not widgets:
            break
        for widget in widgets:
            if widget.isVisible():
                widget.hide()
        for widget in widgets:
            if widget.parentWidget() is None:
                widget.deleteLater()  # its children (child windows, boxes, popups) go with it
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


@pytest.fixture
def settings_store(paths) -> SettingsStore:
    """Settings of the test's data folder (defaults: nothing saved yet)."""
    return SettingsStore.load(paths.settings_file)


@pytest.fixture
def township(store):
    """A township installation with an administrator; yields (paths, admin session)."""
    from desktop.services import auth_service, setup_service

    setup_service.initialize("township", "城关镇", "330106001", "zhejiang")
    setup_service.create_user(None, "admin", "乡镇管理员", "township_admin",
                              ADMIN_PASSWORD, ADMIN_PASSWORD)
    return store, auth_service.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def main_window(qtbot, village, settings_store):
    """The village main window for the administrator, shown."""
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def pair(tmp_path):
    """The enrolled 城关镇/青山村 pair, both logged in (a copy of a template); the database is on the village."""
    from models.db import close_database
    from tests.support.sites import make_login_pair

    made = make_login_pair(tmp_path / "pair")
    yield made
    close_database()
