"""The log file, written at once or held back until the first window has painted."""

from __future__ import annotations

import logging

import pytest

from desktop import logging_setup


@pytest.fixture(autouse=True)
def _restore_root_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _lines(path):
    return path.read_text("utf-8").splitlines() if path.exists() else []


def test_records_go_to_the_file(tmp_path):
    path = logging_setup.configure(tmp_path / "logs")
    logging.getLogger("t").info("hello")
    assert path == tmp_path / "logs" / logging_setup.LOG_FILENAME
    assert _lines(path)[-1].endswith("INFO t: hello")


def test_held_records_are_written_in_order_when_the_file_opens(tmp_path):
    path = logging_setup.configure(tmp_path / "logs", hold_file=True)
    assert path.exists() and _lines(path) == []  # created at once: a folder that refuses it is known now
    logging.getLogger("t").info("first")
    logging.getLogger("t").debug("not at INFO level")
    assert _lines(path) == []
    logging_setup.open_held_file()
    logging.getLogger("t").info("second")
    logging_setup.open_held_file()  # a second call changes nothing
    assert [line.split(" ", 2)[2] for line in _lines(path)] == ["INFO t: first", "INFO t: second"]


def test_a_warning_opens_the_held_file_at_once(tmp_path):
    path = logging_setup.configure(tmp_path / "logs", hold_file=True)
    logging.getLogger("t").info("before")
    logging.getLogger("t").error("went wrong")
    assert [line.split(" ", 2)[2] for line in _lines(path)] == ["INFO t: before", "ERROR t: went wrong"]


def test_unwritable_folder_falls_back_to_stderr(tmp_path):
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    assert logging_setup.configure(blocker, hold_file=True) is None
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_cunwu", False)]
    assert [type(h) for h in ours] == [logging.StreamHandler]
