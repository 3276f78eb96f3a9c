"""The operations layer: one error path, one runner, every change announced (ui/operations.py)."""

from __future__ import annotations

import errno
import threading

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import people_service
from models.errors import Cancelled, ValidationError
from ui.operations import Runner, operations_hub, run_op, run_query, write_pool
from ui.widgets.background import FileExporter
from ui.widgets.field_message import FieldMessage


def _announced(qtbot):
    seen = []
    operations_hub().changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    return seen


def test_a_write_is_announced_with_its_tables_and_its_initiator(qtbot, village):
    _paths, session = village
    widget = QWidget()
    qtbot.addWidget(widget)
    seen = _announced(qtbot)
    outcome = run_op(widget, lambda: people_service.add_person(session, "张三", "男"))
    assert outcome and outcome.value.name == "张三"
    assert len(seen) == 1
    changes, initiator = seen[0]
    assert "person" in changes.tables and initiator is widget
    assert changes.touches("people") and not changes.touches("rules")


def test_a_refusal_goes_inline_when_asked_and_nothing_is_announced(qtbot, village):
    _paths, session = village
    message = FieldMessage()
    qtbot.addWidget(message)
    seen = _announced(qtbot)
    outcome = run_op(message, lambda: people_service.add_person(session, "", "男"), on_failure=message.show_failure)
    assert not outcome and isinstance(outcome.error, ValidationError)
    assert message.role() == "error" and "请填写姓名" in message.text()
    assert seen == []


def test_a_refusal_without_a_handler_is_a_plain_chinese_dialog(qtbot, village):
    _paths, session = village
    parent = QWidget()
    qtbot.addWidget(parent)
    run_op(parent, lambda: people_service.add_person(session, "王五", "不知道"))
    box = parent.findChild(QMessageBox)
    assert box is not None and "请选择性别" in box.text()
    box.done(0)


def test_an_unexpected_error_is_logged_and_told_in_plain_words(qtbot, caplog):
    message = FieldMessage()
    qtbot.addWidget(message)

    def broken():
        raise KeyError("internal")

    outcome = run_query(message, broken, on_failure=message.show_failure)
    assert not outcome
    assert "出现了意外的问题" in message.text() and "KeyError" not in message.text()
    assert any("operation failed" in r.message for r in caplog.records)


def test_the_runner_reports_progress_then_the_result_then_the_changes(qtbot, village):
    _paths, session = village
    owner = QWidget()
    qtbot.addWidget(owner)
    runner = Runner(owner)
    seen = _announced(qtbot)
    order, progress = [], []
    runner.progress.connect(lambda done, total: progress.append((done, total)))
    operations_hub().changed.connect(lambda *_: order.append("announced"))

    def work(report, cancelled):
        for i in range(3):
            report(i + 1, 3)
        return people_service.add_person(session, "赵六", "女").name

    with qtbot.waitSignal(runner.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy):
        assert runner.run(work, lambda name: order.append(name))
    assert order == ["赵六", "announced"]
    assert progress[-1] == (3, 3)
    assert "person" in seen[-1][0].tables and seen[-1][1] is owner
    assert [p.name for p in people_service.register("赵六")] == ["赵六"]  # written through the worker's connection


def test_the_runner_takes_one_job_at_a_time_and_cancel_reaches_the_job(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    runner = Runner(owner, writes=False)
    started = threading.Event()
    failures = []

    def slow(report, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled()

    assert runner.run(slow, lambda _r: None, failures.append)
    started.wait(5)
    assert runner.is_busy() and not runner.run(slow, lambda _r: None)  # refused while busy
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000):
        runner.cancel()
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)


def test_writes_share_one_thread():
    assert write_pool().maxThreadCount() == 1


def test_a_file_that_cannot_be_written_is_explained_in_chinese(qtbot, tmp_path):
    owner = QWidget()
    qtbot.addWidget(owner)
    message = FieldMessage()
    qtbot.addWidget(message)
    exporter = FileExporter(owner)
    exporter.report_to(message)

    def full_disk():
        raise OSError(errno.ENOSPC, "No space left on device")

    with qtbot.waitSignal(exporter.failed, timeout=10_000) as blocker:
        exporter.write(full_disk)
    assert "空间已满" in blocker.args[0] and "No space" not in blocker.args[0]
    assert "导出没有成功" in message.text() and "空间已满" in message.text()
