"""The demo village holds its 2026 换届 through the screens (issue 18, "Done when").

From the 选举委员会 to the 移交, in the 民主选举 page of the village's main
window: 新建选举, the 村民选举委员会 推选, the 选民名单 built from the register,
published (a day too late is shown in red with the article first), an
objection raised and decided, … State is made only by clicking and typing in
real widgets on a real SQLite file (a copy of the demo village); services are
called only to assert what the screens did.

Each step saves a screenshot to `CUNWU_ELECTION_SHOTS` (default: tmp_path/shots)
at 1366×768, or at the size in `CUNWU_ELECTION_SIZE` ("1024x600"), and its wall
time; `pytest -s` prints the table. Run alone:
`pytest -m electionwalk -s tests/gui/test_election_walk.py`.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.services import elections_service, setup_service
from desktop.services import voter_roll_service as vr
from models.elections import procedure as pr
from tests.support.demo import demo_village
from tests.support.typing import type_text
from tests.support.walk import Steps, click, type_date

pytestmark = pytest.mark.electionwalk

LABEL = "第十二届村民委员会换届选举"
ELECTION_DAY = date(2026, 11, 21)
COMMITTEE_DAY = date(2026, 10, 20)
TOO_LATE = date(2026, 11, 5)  # 16 days before the election day: 第十四条 asks for twenty
PUBLISHED = date(2026, 10, 30)
OBJECTION_RAISED, OBJECTION_DECIDED = date(2026, 11, 2), date(2026, 11, 4)


def _size() -> tuple[int, int]:
    width, _, height = (os.environ.get("CUNWU_ELECTION_SIZE") or "1366x768").partition("x")
    return int(width), int(height)


@pytest.fixture
def shots(tmp_path) -> Steps:
    return Steps(Path(os.environ.get("CUNWU_ELECTION_SHOTS") or tmp_path / "shots"))


def _step_label(page, key: str) -> str:
    """The summary's line for step `key` as shown (the grid is rebuilt on every refresh)."""
    grid = page.summary.grid
    labels = [grid.itemAt(i).widget() for i in range(grid.count())]
    return next(label.text() for label in labels if label.objectName() == f"step_{key}")


def _open_dialog(qtbot, page_or_tab, button) -> QWidget:
    """Click `button`; the dialog it opened (pages and tabs keep it as `.dialog`)."""
    page_or_tab.dialog = None
    click(qtbot, button)
    qtbot.waitUntil(lambda: page_or_tab.dialog is not None and page_or_tab.dialog.isVisible())
    dialog = page_or_tab.dialog
    dialog.activateWindow()  # as on a desktop: the new dialog has the focus, Tab leaves a field
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose(combo, text: str) -> None:
    """Pick the item a person reads as `text` (it must be offered)."""
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def _said(dialog: QWidget) -> str:
    """Every label the dialog shows (a refusal is among them)."""
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text())


def _accept(qtbot, dialog) -> None:
    """Click the dialog's primary button; it must close (a refusal would keep it open and say why)."""
    click(qtbot, dialog.ok_button)
    QApplication.processEvents()
    assert not dialog.isVisible(), _said(dialog)


def _select_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def test_the_demo_village_holds_its_2026_election(qtbot, store, settings_store, shots, capsys):
    from ui.main_window import MainWindow

    session = demo_village(years=1)
    window = MainWindow(setup_service.current(), session, store, settings_store)
    qtbot.addWidget(window)
    window.resize(*_size())
    window.show()
    qtbot.waitExposed(window)
    window.show_area("elections")
    page = window.current_page()
    shots.shot("01_elections_empty", window)
    shots.done("0 the demo village, 民主选举")

    # 1. 新建选举: 2026 第十二届村民委员会换届选举, 主任 1 副主任 1 委员 3.
    new = _open_dialog(qtbot, page, page.new_button)
    type_text(qtbot, new.label_edit, LABEL)
    type_date(qtbot, new.day_edit, ELECTION_DAY)
    assert {post: spin.value() for post, spin in new.seat_spins.items()} == {
        "vc_chair": 1, "vc_vice": 1, "vc_member": 3}
    shots.shot("02_new_election", window, new)
    _accept(qtbot, new)
    election = new.created.id
    assert page.list.item(0).text() == f"2026 {LABEL} · 进行到:推选村民选举委员会"
    assert page.summary.next_label.text() == "下一步:推选村民选举委员会——现在可以进行。"
    assert "选民名单最迟应在2026-11-01公布" in page.summary.reasons_label.text()
    shots.shot("03_summary_next_committee", window)
    shots.done("1 新建选举")

    # 2. 村民选举委员会: 推选 by the 村民代表会议 (the page's 登记这一步…).
    step = _open_dialog(qtbot, page, page.summary.record_button)
    type_date(qtbot, step.day_edit, COMMITTEE_DAY)
    _choose(step.body_combo, "村民代表会议")
    shots.shot("04_committee_chosen", window, step)
    _accept(qtbot, step)
    assert elections_service.summary(election).steps[0].done_on == COMMITTEE_DAY.isoformat()
    assert _step_label(page, pr.STEP_COMMITTEE) == f"✔ 推选村民选举委员会:{COMMITTEE_DAY.isoformat()}"
    assert page.summary.next_label.text() == "下一步:选民登记——还不能进行:"
    assert "选民名单还是空的" in page.summary.reasons_label.text()
    assert "在“选民登记”页中办理这一步。" in page.summary.reasons_label.text()
    shots.done("2 村民选举委员会")

    # 3. 选民登记: 从名册生成选民名单 (the preview first), then 公布名单.
    roll = page.tab_widgets[[w.__class__.__name__ for w in page.tab_widgets].index("RollTab")]
    page.tabs.setCurrentWidget(roll)
    build = _open_dialog(qtbot, roll, roll.build_button)
    listed = len(build.preview.listed)
    assert listed > 20 and build.ok_button.text() == f"生成名单({listed}人)"
    shots.shot("05_roll_preview", window, build)
    _accept(qtbot, build)
    assert vr.registered_voters(election) == listed
    assert roll.counts_label.text().startswith(f"登记选民共 {listed} 人")
    shots.shot("06_roll_built", window)

    publish = _open_dialog(qtbot, roll, roll.publish_button)
    type_date(qtbot, publish.day, TOO_LATE)  # what the secretary first typed: red, with the article
    assert publish.check.property("role") == "error"
    assert "只有16天" in publish.check.text() and "最迟2026-11-01" in publish.check.text()
    assert "村民委员会组织法" in publish.check.text()
    shots.shot("07_publish_too_late", window, publish)
    type_date(qtbot, publish.day, PUBLISHED)
    assert publish.check.property("role") == "ok", publish.check.text()
    _accept(qtbot, publish)
    assert vr.election_facts(election).roll_published_on == PUBLISHED.isoformat()
    assert not roll.notice_label.isVisible()
    shots.done("3 选民登记, 公布")

    # 4. An objection: a villager says someone on the list lives away and did not ask to vote.
    _select_row(qtbot, roll.table, 0)
    subject = roll.selected_voter()
    objection = _open_dialog(qtbot, roll, roll.raise_button)
    assert objection.voter.currentData() == subject.id
    type_date(qtbot, objection.day, OBJECTION_RAISED)
    type_text(qtbot, objection.raised_by, "王大山")
    type_text(qtbot, objection.content, f"{subject.name}常年在外地居住,未表示参加选举")
    shots.shot("08_objection_raised", window, objection)
    _accept(qtbot, objection)
    roll.parts.setCurrentIndex(1)
    assert roll.parts.tabText(1) == "异议(1件待处理)"
    _select_row(qtbot, roll.objections_table, 0)
    decide = _open_dialog(qtbot, roll, roll.decide_button)
    click(qtbot, decide.upheld)
    assert decide.effect.text() == f"异议成立:{subject.name}将移出选民名单,原因注明“异议成立”。"
    type_date(qtbot, decide.day, OBJECTION_DECIDED)
    type_text(qtbot, decide.decision, "经核实本人长期在外且未表示参选,移出名单")
    shots.shot("09_objection_decided", window, decide)
    _accept(qtbot, decide)
    assert vr.registered_voters(election) == listed - 1
    assert roll.objections_model.index(0, 5).data().startswith(f"{OBJECTION_DECIDED.isoformat()} 异议成立")
    shots.shot("10_objections", window)
    assert page.summary.next_label.text() == "下一步:提名候选人——还不能进行:"
    assert "候选人的名额应当多于应选名额" in page.summary.reasons_label.text()
    shots.done("4 异议")

    QApplication.processEvents()
    with capsys.disabled():
        print("\n" + shots.table())
