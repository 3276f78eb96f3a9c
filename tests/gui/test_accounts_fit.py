"""The account dialogs fit 1366×768 and 1024×600 at every font size; screenshots of each.

The screenshots go to build/screenshots/accounts_<size>_<font>_<dialog>.png (as the
screen shows them: cropped to its width and the height a window may use).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListView, QWidget

from desktop.services import accounts_service, people_service, setup_service
from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import (
    available_height,
    settle,
    sideways_problems,
    widget_problems,
    window_problems,
)
from tests.support.screens import save
from ui.login_dialog import LoginDialog

SIZES = {"1024x600": (1024, 600), "1366x768": (1366, 768)}


def _accounts(admin) -> None:
    """Three accounts as a village has them on day one, one locked and one reset."""
    for login, name, role in (("wenshu", "李强", "secretary"), ("jianwei", "王芳", "committee")):
        person = people_service.add_person(admin, name, "女", village_group="三组", birth_year=1968)
        user = accounts_service.add_account(admin, login, person.id, role, "Mima-12345", "Mima-12345")
    accounts_service.reset_password(admin, user.id)


def _shown(dialog: QWidget, size: tuple[int, int]) -> QWidget:
    width, height = size
    dialog.show()
    settle()
    wide = max(dialog.width(), dialog.sizeHint().width())
    dialog.resize(min(wide, width - 16), min(max(dialog.height(), dialog.sizeHint().height()),
                                             available_height(height)))
    settle()
    return dialog


def _must_change_login(window, admin) -> LoginDialog:
    dialog = LoginDialog(setup_service.current(), window._settings)
    dialog._ask_new_password(admin)
    return dialog


@pytest.mark.parametrize("font", list(FONT_SIZES))
@pytest.mark.parametrize("size_name", list(SIZES))
def test_account_dialogs_fit(qtbot, main_window, styled_app, size_name, font):
    from ui.fonts import apply_point_size

    size = SIZES[size_name]
    admin = main_window.session()
    _accounts(admin)
    apply_point_size(styled_app, FONT_SIZES[font])
    accounts = main_window.open_accounts()
    openers = {
        "accounts": lambda: accounts,
        "add": accounts.open_add,
        "password": main_window.open_change_password,
        "login": lambda: LoginDialog(setup_service.current(), main_window._settings),
        "login_new_password": lambda: _must_change_login(main_window, admin),
    }
    problems = []
    for name, opener in openers.items():
        dialog = _shown(opener(), size)
        qtbot.addWidget(dialog)
        problems += [f"{name}: {p}" for p in window_problems(dialog, *size) + widget_problems(dialog)
                                                + sideways_problems(dialog, (QListView,))]
        picture = dialog.grab()
        picture = picture.copy(0, 0, min(picture.width(), size[0]), min(picture.height(), available_height(size[1])))
        save_path = save(dialog, f"accounts_{size_name}_{font}_{name}")
        picture.save(str(save_path))
        if name != "accounts":
            dialog.close()
    accounts.close()
    assert not problems, "\n".join(problems)
