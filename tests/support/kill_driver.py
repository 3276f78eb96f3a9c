"""Drives the real application (`desktop.app.run_gui`) from inside its process, for the kill test.

Run as `python -m tests.support.kill_driver MODE` with `CUNWU_DATA_DIR`,
`CUNWU_PROBE_LOGIN` and `QT_QPA_PLATFORM=offscreen` set; the app starts,
logs in and shows its main window exactly as a person's start does, and a
timer in the same event loop plays the person:

- `type`: opens 会议与表决 → 新建 村民代表会议, types a title and a place
  through the input method, and prints `kept <path>` once the autosave wrote
  the draft (after its real pause). The test then kills the process hard.
- `hold`: keeps the window open (the data folder held) and prints `ready`;
  each time a second start asks it to come forward it prints `forward
  <window class>`, and `package <path>` when it was handed a package to
  preview. The test ends it.
- `restore`: waits for “恢复未保存的内容”, clicks 恢复, and prints one JSON line
  with what the restored editor shows, then ends the process at once (the
  editor is left unsaved on purpose).
"""

from __future__ import annotations

import json
import os
import sys
import traceback

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

TITLE = "停电前的村民代表会议"
PLACE = "文化礼堂"


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _main_window(app: QApplication):
    from ui.main_window import MainWindow

    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def _report_coming_forward() -> None:
    """Print `forward <class>` whenever a second start brings this window forward."""
    try:
        from ui import single_instance
    except ImportError:  # a build without it (the test then fails on what it asserts, not here)
        return
    from ui.main_window import MainWindow

    real = single_instance.bring_forward
    real_open = MainWindow.open_package

    def bring_forward():
        window = real()
        _say(f"forward {type(window).__name__}")
        return window

    def open_package(window, path):
        _say(f"package {path}")
        return real_open(window, path)

    single_instance.bring_forward = bring_forward
    MainWindow.open_package = open_package


def _answers_second_starts() -> bool:
    """Whether the window listens for second starts yet (it starts listening a moment after start-up)."""
    try:
        from ui import single_instance
    except ImportError:  # a build without it (the test then fails on what it asserts, not here)
        return True
    listening = getattr(single_instance, "is_listening", None)
    return listening is None or listening()


def drive(app: QApplication, mode: str) -> None:
    """Poll until the main window shows, then play `mode` (see the module docstring)."""
    state: dict = {}

    def tick() -> None:
        window = state.get("window") or _main_window(app)
        if window is None:
            return
        state["window"] = window
        if mode == "hold":
            if not _answers_second_starts():
                return  # `ready` means a second start can ask this window to come forward
            timer.stop()
            _report_coming_forward()
            _say("ready")
            return
        if mode == "type":
            if "editor" not in state:
                window.show_area("meetings")
                editor = window.current_page().list_view.new_meeting("representatives")
                editor.title_edit.selectAll()
                _type(editor.title_edit, TITLE)
                _type(editor.place_edit, PLACE)
                state["editor"] = editor
            kept = window.drafts.pending()
            if kept:
                _say(f"kept {window.drafts.path_for(kept[0].key)}")
                timer.stop()  # and wait to be killed
        else:
            dialog = window.restore_dialog
            if dialog is None or not dialog.isVisible():
                return
            timer.stop()
            model = dialog.table.model()
            offered = [model.index(r, 0).data() for r in range(model.rowCount())]
            dialog.restore_selected()
            editor = window.current_page().list_view.editor
            _say(json.dumps({"offered": offered, "title": editor.title_edit.text(),
                             "place": editor.place_edit.text(), "dirty": editor.is_dirty(),
                             "attendance": len(editor.attendance_model.lines())}, ensure_ascii=False))
            os._exit(0)

    def tick_or_exit() -> None:
        # A failure here would go to the app's crash dialog and leave the test waiting 30 s for a line;
        # print it where the test shows the app's stderr, and end.
        try:
            tick()
        except Exception:  # noqa: BLE001 - any failure of the driver ends the run with its traceback
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(tick_or_exit)
    timer.start()
    state["timer"] = timer


def main() -> int:
    """Start the app on `CUNWU_DATA_DIR` with the driver in its event loop."""
    from desktop import app as desktop_app
    from desktop.paths import resolve

    application = QApplication(sys.argv[:1])
    drive(application, sys.argv[1])
    return desktop_app.run_gui(resolve())


if __name__ == "__main__":
    sys.exit(main())
