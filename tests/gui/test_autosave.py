"""Autosave "every few seconds" (issue 15): steady typing with no pause is kept too, not only after a pause."""

from __future__ import annotations

from tests.support.typing import type_text
from ui.widgets import unsaved


def test_steady_typing_still_keeps_a_draft_every_few_seconds(qtbot, main_window):
    assert unsaved.AUTOSAVE_DELAY_MS < unsaved.AUTOSAVE_MAX_MS <= 10_000  # "every few seconds"
    main_window.show_area("people")
    dialog = main_window.current_page().open_add()
    qtbot.waitExposed(dialog)
    dialog.guard.timer.setInterval(60_000)  # a pause that never comes: the person types on
    dialog.guard.max_timer.setInterval(300)
    pause_fired = []
    dialog.guard.timer.timeout.connect(lambda: pause_fired.append(True))
    kept_while_typing = []
    for char in "吴秀兰王建国李秀英张明":
        type_text(qtbot, dialog.form.name_edit, char)
        qtbot.wait(80)
        if main_window.drafts.pending():
            kept_while_typing.append(dialog.form.name_edit.text())
    # The pause timer alone would not have written anything yet (it is stopped when the longest-wait
    # timer writes, so on a slow machine it may be idle here: what matters is that it never fired).
    assert not pause_fired
    assert kept_while_typing, "nothing was kept while the typing went on"
    (draft,) = main_window.drafts.pending()
    assert draft.key == "person:new:register" and draft.state["name"].startswith("吴秀兰")
    dialog.guard.settled()
    assert main_window.drafts.pending() == [] and not dialog.guard.max_timer.isActive()
    dialog._closing_ok = True
    dialog.close()
