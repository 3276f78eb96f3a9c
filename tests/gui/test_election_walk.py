"""The demo village holds its 2026 换届 through the screens (issue 18, "Done when").

From the 选举委员会 to the 移交, in the 民主选举 page of the village's main
window: 新建选举 (主任 1, 副主任 1, 委员 3); the 村民选举委员会's members picked
from the register and its 推选 by the 村民代表会议; the 选民名单 built from the
register (preview first) and published (a day less than twenty days before
the vote shown in red with the article, then a day in time); 修改… refusing an
election day brought forward to sixteen days after the list; an objection
raised and upheld; eight candidates for five seats (差额) and their list
published; a 委托 refused to a neighbour and taken by the spouse, the list
published; the 离任审计 published; the 正式选举 typed in the 投票计票 tab with
the keyboard (numbers and Enter) leaving one 委员 seat unfilled, and the
另行选举 that fills it with not fewer than a third of the ballots; the 当选公告
(the new 村委会 holds office the next day, as term records); the 工作移交
within ten days. At each step the summary's next step and why are checked.

State is made only by clicking and typing in real widgets on a real SQLite
file (a copy of the demo village); services are called only to assert what
the screens did (and to read who in the register are near relatives).

Each step saves a screenshot to `CUNWU_ELECTION_SHOTS` (default: tmp_path/shots)
at 1366×768, or at the size in `CUNWU_ELECTION_SIZE` ("1024x600"), and its wall
time; `pytest -s` prints the table. Run alone:
`pytest -m electionwalk -s tests/gui/test_election_walk.py`. The screenshots of
`docs/election/` are this walk's at 1366×768.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from desktop.services import election_people_service as eps
from desktop.services import elections_service, setup_service, terms_service
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


EARLIER = date(2026, 11, 15)  # 16 days after the list
NOMINATED, CANDIDATES_PUBLISHED = date(2026, 11, 8), date(2026, 11, 12)
ENTRUSTED, PROXIES_PUBLISHED = date(2026, 11, 14), date(2026, 11, 15)
AUDIT_DAY = date(2026, 11, 16)
POST_OF = {"chair": "主任", "chair_b": "主任", "vice": "副主任", "vice_b": "副主任"}
HANDOVER_DAY = date(2026, 11, 28)
#: 正式选举 (shares of the ballots cast): more than half elects, so the third 委员 seat is not filled.
MAIN_SHARES = {"chair": 0.70, "chair_b": 0.28, "vice": 0.56, "vice_b": 0.42, "m1": 0.61, "m2": 0.58,
               "m3": 0.39, "m4": 0.33}
#: 另行选举 of that seat: the most votes win, but not fewer than a third of the ballots cast.
RUNOFF_SHARES = {"m3": 0.45, "m4": 0.36}


def _votes(shares: dict[str, float], cast: int) -> dict[str, int]:
    return {key: int(share * cast) for key, share in shares.items()}


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


def _unfold(qtbot, page) -> None:
    """展开步骤 when a short window folded the page's top (its list and 新建选举/修改… are under it)."""
    if page.folded():
        click(qtbot, page.summary.fold_button)


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
    window = dialog.parentWidget().window()
    window.activateWindow()  # as a desktop does when a dialog closes (offscreen Qt does not)
    qtbot.waitUntil(window.isActiveWindow)


def _select_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def _tab(page, name: str) -> QWidget:
    """The page's tab of class `name` (the page lists its tabs as plug-ins)."""
    return next(w for w in page.tab_widgets if type(w).__name__ == name)


def _candidates(voters) -> dict[str, str]:
    """Who stands for what: eight voters, a woman first among the 委员 (the committee needs one, 第六条)."""
    women = [v.name for v in voters if v.gender == "女"]
    men = [v.name for v in voters if v.gender != "女"]
    return {"chair": men[1], "chair_b": men[2], "vice": men[3], "vice_b": women[1], "m1": women[2],
            "m2": men[4], "m3": men[5], "m4": women[3]}


def _pick(qtbot, dialog, n: int) -> str:
    """Click the `n`-th person of a picker dialog's list; their name."""
    people = dialog.picker.people_list
    item = people.item(n)
    people.scrollToItem(item)
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=people.visualItemRect(item).center())
    return dialog.picker.name()


def _pick_name(qtbot, dialog, name: str) -> None:
    """Type `name` into the picker's search box; click it if the search left others beside it."""
    type_text(qtbot, dialog.picker.search_edit, name)
    people = dialog.picker.people_list
    if dialog.picker.name() != name:
        n = next(i for i in range(people.count()) if people.item(i).data(Qt.ItemDataRole.UserRole + 2) == name)
        _pick(qtbot, dialog, n)
    assert dialog.picker.name() == name


def _choose_starting(combo, text: str) -> None:
    """Pick the item that starts with `text` (a name followed by its 村民小组)."""
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def _proxy_people(voters, cast: dict[str, str]):
    """A voter away, their near relative on the list (who votes for them) and a neighbour who is no relative."""
    from desktop.services import people_service

    listed = {v.person_id: v for v in voters}
    standing = set(cast.values())
    for v in voters:
        if v.name in standing:
            continue
        for other in people_service.close_relatives_with_relation(v.person_id):
            if other in listed and listed[other].name not in standing:
                kin = set(people_service.close_relatives_with_relation(v.person_id))
                neighbour = next(n for n in voters if n.person_id not in kin and n.person_id != v.person_id
                                 and n.name not in standing and n.name != listed[other].name)
                return v, listed[other], neighbour
    raise AssertionError("the demo village has no two near relatives on the list")


def _type_into_spin(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == value


def _type_votes(qtbot, table, text: str) -> None:
    """Type a number on the current cell (the first key opens the editor) and press Enter: the next row."""
    qtbot.keyClick(table, text[0])
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _type_round(qtbot, count, day: date, ballots: tuple[int, int, int], votes: dict[str, int]) -> None:
    """The vote's day, ballots issued/cast/invalid, then the 得票 column top to bottom by keyboard."""
    from ui.elections.count_tab import COL_NAME, COL_VOTES

    type_date(qtbot, count.day_edit, day)
    for spin, value in zip((count.issued_spin, count.cast_spin, count.invalid_spin), ballots, strict=True):
        _type_into_spin(qtbot, spin, value)
    table = count.table
    names = [table.item(r, COL_NAME).text() for r in range(table.rowCount())]
    assert set(names) == set(votes), names
    table.setFocus()
    table.setCurrentCell(0, COL_VOTES)
    for name in names:
        _type_votes(qtbot, table, str(votes[name]))
    assert [int(table.item(r, COL_VOTES).text()) for r in range(table.rowCount())] == [votes[n] for n in names]


def test_the_demo_village_holds_its_2026_election(qtbot, store, settings_store, shots, capsys):
    from ui.main_window import MainWindow

    session = demo_village(years=1)
    window = MainWindow(setup_service.current(), session, store, settings_store)
    qtbot.addWidget(window)
    window.resize(*_size())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # typed dates are shown as dates once the field loses the focus
    qtbot.waitUntil(window.isActiveWindow)
    window.show_area("elections")
    page = window.current_page()
    shots.shot("01_elections_2021", window)
    shots.done("0 the demo village, 民主选举")

    # 1. 新建选举: 2026 第十二届村民委员会换届选举, 主任 1 副主任 1 委员 3.
    _unfold(qtbot, page)
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

    # 2. 村民选举委员会: three members from the register (选举委员会 tab), 推选 by the 村民代表会议.
    committee_tab = _tab(page, "CommitteeTab")
    page.tabs.setCurrentWidget(committee_tab)
    members = []
    for n, position in enumerate(("主任", "委员", "委员")):
        add = _open_dialog(qtbot, committee_tab, committee_tab.add_button_)
        listed = {add.picker.people_list.item(i).data(Qt.ItemDataRole.UserRole + 2)
                  for i in range(add.picker.people_list.count())}
        assert not listed & set(members), "a seated member is offered again"
        members.append(_pick(qtbot, add, 0))
        _choose(add.position_combo, position)
        type_date(qtbot, add.day_edit, COMMITTEE_DAY)
        if n == 2:
            shots.shot("04_committee_member", window, add)
        _accept(qtbot, add)
    seated = eps.committee(election)
    assert {r.name for r in seated} == set(members) and seated[0].name == members[0] and seated[0].position == "chair"
    assert "在任3人" in committee_tab.note_label.text()
    step = _open_dialog(qtbot, page, page.summary.record_button)
    assert step.windowTitle() == "登记:推选村民选举委员会"
    type_date(qtbot, step.day_edit, COMMITTEE_DAY)
    _choose(step.body_combo, "村民代表会议")
    shots.shot("05_committee_chosen", window, step)
    _accept(qtbot, step)
    assert elections_service.summary(election).steps[0].done_on == COMMITTEE_DAY.isoformat()
    assert _step_label(page, pr.STEP_COMMITTEE) == f"✔ 推选村民选举委员会:{COMMITTEE_DAY.isoformat()}"
    assert page.summary.next_label.text() == "下一步:选民登记——还不能进行:"
    assert "选民名单还是空的" in page.summary.reasons_label.text()
    assert "在“选民登记”页中办理这一步。" in page.summary.reasons_label.text()
    shots.done("2 村民选举委员会")

    # 3. 选民登记: 从名册生成选民名单 (the preview first), then 公布名单.
    roll = _tab(page, "RollTab")
    page.tabs.setCurrentWidget(roll)
    build = _open_dialog(qtbot, roll, roll.build_button)
    listed = len(build.preview.listed)
    assert listed > 20 and build.ok_button.text() == f"生成名单({listed}人)"
    shots.shot("06_roll_preview", window, build)
    _accept(qtbot, build)
    assert vr.registered_voters(election) == listed
    assert roll.counts_label.text().startswith(f"登记选民共 {listed} 人")
    shots.shot("07_roll_built", window)
    # Born in the election month (or no month on record): 需核实 until the 身份证 was looked at.
    for n in [n for n in range(roll.model.rowCount()) if roll.model.row_at(n).verify]:
        _select_row(qtbot, roll.table, n)
        click(qtbot, roll.confirm_button)
    assert not any(roll.model.row_at(n).verify for n in range(roll.model.rowCount()))

    publish = _open_dialog(qtbot, roll, roll.publish_button)
    type_date(qtbot, publish.day, TOO_LATE)  # what the secretary first typed: red, with the article
    assert publish.check.property("role") == "error"
    assert "只有16天" in publish.check.text() and "最迟2026-11-01" in publish.check.text()
    assert "村民委员会组织法" in publish.check.text()
    shots.shot("08_publish_too_late", window, publish)
    type_date(qtbot, publish.day, PUBLISHED)
    assert publish.check.property("role") == "ok", publish.check.text()
    _accept(qtbot, publish)
    assert vr.election_facts(election).roll_published_on == PUBLISHED.isoformat()
    assert not roll.notice_label.isVisible(), roll.notice_label.text()

    # The township asks to vote a week earlier: 修改… refuses a day less than twenty days after the list.
    _unfold(qtbot, page)
    edit = _open_dialog(qtbot, page, page.edit_button)
    type_date(qtbot, edit.day_edit, EARLIER)
    click(qtbot, edit.ok_button)
    assert edit.isVisible() and edit.error_label.isVisible()
    assert edit.error_label.text().startswith(
        f"选民名单于{PUBLISHED.isoformat()}公布,距选举日{EARLIER.isoformat()}只有16天;名单应当在选举日的二十日前公布(依据"
    ), edit.error_label.text()
    shots.shot("09_earlier_day_refused", window, edit)
    click(qtbot, edit.cancel_button)
    assert elections_service.summary(election).election_day == ELECTION_DAY.isoformat()
    shots.done("3 选民登记, 公布")

    # 4. An objection: a villager says someone on the list lives away and did not ask to vote.
    _select_row(qtbot, roll.table, 0)
    subject = roll.selected_voter()
    objection = _open_dialog(qtbot, roll, roll.raise_button)
    assert objection.voter.currentData() == subject.id
    type_date(qtbot, objection.day, OBJECTION_RAISED)
    type_text(qtbot, objection.raised_by, "王大山")
    type_text(qtbot, objection.content, f"{subject.name}常年在外地居住,未表示参加选举")
    shots.shot("10_objection_raised", window, objection)
    _accept(qtbot, objection)
    roll.parts.setCurrentIndex(1)
    assert roll.parts.tabText(1) == "异议(1件待处理)"
    _select_row(qtbot, roll.objections_table, 0)
    decide = _open_dialog(qtbot, roll, roll.decide_button)
    click(qtbot, decide.upheld)
    assert decide.effect.text() == f"异议成立:{subject.name}将移出选民名单,原因注明“异议成立”。"
    type_date(qtbot, decide.day, OBJECTION_DECIDED)
    type_text(qtbot, decide.decision, "经核实本人长期在外且未表示参选,移出名单")
    shots.shot("11_objection_decided", window, decide)
    _accept(qtbot, decide)
    assert vr.registered_voters(election) == listed - 1
    assert roll.objections_model.index(0, 5).data().startswith(f"{OBJECTION_DECIDED.isoformat()} 异议成立")
    shots.shot("12_objections", window)
    assert page.summary.next_label.text() == "下一步:提名候选人——还不能进行:"
    assert "候选人的名额应当多于应选名额" in page.summary.reasons_label.text()
    shots.done("4 异议")

    # 5. Candidates nominated by the voters, more than the seats of every post (差额); the list published.
    voters = [r for r in (roll.model.row_at(n) for n in range(roll.model.rowCount()))
              if r.listed and r.name not in members]
    cast = _candidates(voters)
    candidates_tab = _tab(page, "CandidatesTab")
    page.tabs.setCurrentWidget(candidates_tab)
    for n, (key, name) in enumerate(cast.items()):
        nominate = _open_dialog(qtbot, candidates_tab, candidates_tab.nominate_button)
        _pick_name(qtbot, nominate, name)
        _choose(nominate.post_combo, POST_OF.get(key, "委员"))
        type_date(qtbot, nominate.day_edit, NOMINATED)
        _type_into_spin(qtbot, nominate.votes_spin, 30 - n)
        if n == len(cast) - 1:
            shots.shot("13_candidate_nominated", window, nominate)
        _accept(qtbot, nominate)
    assert "每个职位的候选人都多于应选名额(差额)。" in candidates_tab.note_label.text()
    assert page.summary.next_label.text() == "下一步:提名候选人——现在可以进行。", page.summary.reasons_label.text()
    shots.shot("14_candidates", window)
    step = _open_dialog(qtbot, page, page.summary.record_button)
    assert step.windowTitle() == "登记:提名候选人"
    type_date(qtbot, step.day_edit, CANDIDATES_PUBLISHED)
    _accept(qtbot, step)
    assert _step_label(page, pr.STEP_CANDIDATES) == f"✔ 提名候选人:{CANDIDATES_PUBLISHED.isoformat()}"
    assert _step_label(page, pr.STEP_PROXIES) == "– 公布委托投票:无人委托"
    shots.done("5 候选人")

    # 6. A 委托: first to a neighbour (refused: only a near relative), then to the spouse; the list published.
    away, spouse, neighbour = _proxy_people(voters, cast)
    proxies_tab = _tab(page, "ProxiesTab")
    page.tabs.setCurrentWidget(proxies_tab)
    entrust = _open_dialog(qtbot, proxies_tab, proxies_tab.add_proxy_button)
    _pick_name(qtbot, entrust, away.name)
    _choose_starting(entrust.proxy_combo, neighbour.name)
    type_date(qtbot, entrust.day_edit, ENTRUSTED)
    click(qtbot, entrust.ok_button)
    assert entrust.isVisible() and "近亲属" in entrust.error_label.text(), _said(entrust)
    shots.shot("15_proxy_refused", window, entrust)
    _choose_starting(entrust.proxy_combo, spouse.name)
    _accept(qtbot, entrust)
    assert [(r.voter_name, r.proxy_name) for r in eps.proxies(election)] == [(away.name, spouse.name)]
    assert page.summary.next_label.text() == "下一步:公布委托投票——现在可以进行。", page.summary.reasons_label.text()
    step = _open_dialog(qtbot, page, page.summary.record_button)
    type_date(qtbot, step.day_edit, PROXIES_PUBLISHED)
    _accept(qtbot, step)
    shots.shot("16_proxies", window)
    shots.done("6 委托")

    # The outgoing committee's 离任经济责任审计, published before the vote (第三十五条).
    step = _open_dialog(qtbot, page, page.summary.record_button)
    assert step.windowTitle() == "登记:公布离任经济责任审计", step.windowTitle()
    type_date(qtbot, step.day_edit, AUDIT_DAY)
    shots.shot("17_audit_published", window, step)
    _accept(qtbot, step)
    assert page.summary.next_label.text() == "下一步:投票选举——现在可以进行。", page.summary.reasons_label.text()
    shots.done("6b 离任审计")

    # 7. The vote: typed in the 投票计票 tab, numbers and Enter; one 委员 seat is not filled.
    count = _tab(page, "CountTab")
    page.tabs.setCurrentWidget(count)
    registered = vr.registered_voters(election)
    ballots = registered - registered // 10  # nine in ten came; one ballot left blank
    main = _votes(MAIN_SHARES, ballots - 1)
    _type_round(qtbot, count, ELECTION_DAY, (ballots + 1, ballots, 1), {cast[k]: v for k, v in main.items()})
    panel = count.panel.text()
    assert (f"当选:主任{cast['chair']}({main['chair']}票)、副主任{cast['vice']}({main['vice']}票)、"
            f"委员{cast['m1']}({main['m1']}票)、委员{cast['m2']}({main['m2']}票)") in panel, panel
    assert f"另行选举委员 1 名,候选人:{cast['m3']}、{cast['m4']}" in panel, panel
    assert "村民委员会组织法" in panel
    shots.shot("18_count_main", window)
    click(qtbot, count.save_button)
    assert count.message.text().startswith("已保存"), count.message.text()
    assert page.summary.next_label.text() == "下一步:当选公告——还不能进行:"
    assert "委员还要另行选举" in page.summary.reasons_label.text()
    shots.done("7 正式选举")

    # 8. The 另行选举 of the one 委员 seat: the most votes, not fewer than a third of the ballots cast.
    _choose(count.round_combo, "登记新的一轮:另行选举")
    assert count.kind_label.text() == "另行选举:以得票多的当选,但不少于已投选票的三分之一"
    runoff_ballots = ballots - registered // 20  # some went home after the first count
    runoff = _votes(RUNOFF_SHARES, runoff_ballots)
    _type_round(qtbot, count, ELECTION_DAY, (runoff_ballots, runoff_ballots, 0),
                {cast[k]: v for k, v in runoff.items()})
    panel = count.panel.text()
    assert f"当选:委员{cast['m3']}({runoff['m3']}票)" in panel, panel
    assert (f"{cast['m3']}得 {runoff['m3']} 票,在另行选举中得票多,且不少于已投选票 {runoff_ballots} 张的三分之一,"
            "当选委员。(依据《村民委员会组织法》") in panel, panel
    shots.shot("19_count_runoff", window)
    click(qtbot, count.save_button)
    assert count.message.text().startswith("已保存"), count.message.text()
    shots.done("8 另行选举")

    # 9. 当选公告 on the day: the new 村委会 holds office from the next day.
    result = _tab(page, "ResultTab")
    page.tabs.setCurrentWidget(result)
    assert result.status_label.text() == "计票已完成,共当选 5 名。"
    shots.shot("20_result", window)
    type_date(qtbot, result.announce_edit, ELECTION_DAY)
    click(qtbot, result.announce_button)
    assert result.message.text().startswith("已公告:5 人登记任职"), result.message.text()
    shots.shot("21_announced", window)
    day_after = date(2026, 11, 22).isoformat()
    holders = {(h.role, h.name) for h in terms_service.office_holders(("vc_chair", "vc_vice", "vc_member"), day_after)}
    assert holders == {("vc_chair", cast["chair"]), ("vc_vice", cast["vice"]), ("vc_member", cast["m1"]),
                       ("vc_member", cast["m2"]), ("vc_member", cast["m3"])}, holders
    shots.done("9 当选公告")

    # 10. 工作移交 within ten days, presided by the 村民选举委员会, supervised by the township.
    type_date(qtbot, result.handover_edit, HANDOVER_DAY)
    type_text(qtbot, result.supervised_edit, "城关镇 张建国")
    for n, item in enumerate(("村委会公章", "2021—2026年财务账目", "档案资料")):
        if n:
            qtbot.keyClick(result.items_edit, Qt.Key.Key_Return)
        type_text(qtbot, result.items_edit, item)
    click(qtbot, result.handover_button)
    assert result.message.text() == "移交已保存。", result.message.text()
    assert "移交按期完成" in result.handover_notes.text(), result.handover_notes.text()
    shots.shot("22_handover", window)
    assert page.summary.next_label.text() == "各步骤都已完成。"
    assert page.list.item(0).text() == f"2026 {LABEL} · 已完成"
    shots.shot("23_all_steps_done", window)

    # Every other area reads the new 村委会 from its term records: 人员名册 → 任职.
    window.show_area("people")
    register = window.current_page()
    register.tabs.setCurrentWidget(register.terms_tab)
    register.terms_tab.select_body("village_committee")
    table = register.terms_tab.table
    shown = {table.model().index(r, c).data() for r in range(table.model().rowCount())
             for c in range(table.model().columnCount())}
    assert {cast[k] for k in ("chair", "vice", "m1", "m2", "m3")} <= shown, shown
    shots.shot("24_register_new_committee", window)
    shots.done("10 工作移交")

    QApplication.processEvents()
    with capsys.disabled():
        print("\n" + shots.table())
