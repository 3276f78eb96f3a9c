from __future__ import annotations

from datetime import date

import pytest

from desktop.services import meetings_service, rules_service
from desktop.services.meetings_service import ResolutionLine
from desktop.services.rules_service import ArticleLine
from models.errors import ValidationError
from models.legal import organic_law
from models.rules import procedure as proc
from models.rules.records import RuleVersion

TEXT = """青山村村规民约
第一条 村民应当遵守宪法、法律、法规和国家政策。
第二条 红白喜事从简办理,反对大操大办。
第三条 违反本约乱倒垃圾的,罚款50元。
第四条 本村规民约自村民会议通过之日起施行。
"""


def assembly(admin, on, yes=200, present=250):
    draft = meetings_service.new_draft("assembly_households", on)
    draft.title, draft.expected_count, draft.present_count = "村民会议", 300, present
    draft.notice_date = date.fromordinal(on.toordinal() - 12)
    draft.resolutions = [ResolutionLine("表决通过《青山村村规民约》", "village_rules", yes, present - yes - 5, 5)]
    return meetings_service.save(admin, draft)


def test_walk_all_five_steps_and_refuse_every_shortcut(village):
    _, admin = village
    version, parsed = rules_service.import_text(admin, TEXT, "青山村村规民约")
    assert len(parsed.articles) == 4 and parsed.title == "青山村村规民约" and not parsed.preamble
    vid = version.id
    view = rules_service.view(vid)
    assert view.status == proc.ST_SOLICITING and view.next_step == proc.SOLICIT
    assert any(f.category == "fine" for f in view.findings)  # 第三条 罚款 is flagged while drafting
    # the findings cite the 组织法 in force on the day the text is judged by (here: the day it was started)
    assert view.judged_on and view.judged_on == rules_service.judged_on(RuleVersion.get_by_id(vid))
    fine = next(f for f in view.findings if f.category == "fine")
    assert organic_law(27, on=view.judged_on) in fine.basis

    with pytest.raises(ValidationError) as err:
        rules_service.submit_for_review(admin, vid, date(2026, 3, 1))
    assert "还没有登记任何村民意见" in str(err.value)
    with pytest.raises(ValidationError):
        rules_service.close_solicitation(admin, vid, date(2026, 3, 1))

    rules_service.add_opinion(admin, vid, date(2026, 2, 10), "forum", "建议禁止高额彩礼", True, "已写入第二条")
    rules_service.add_opinion(admin, vid, date(2026, 2, 12), "box", "罚款太重", None)
    rules_service.close_solicitation(admin, vid, date(2026, 2, 20))

    lines = rules_service.articles(vid)
    lines[2] = ArticleLine("", "", "乱倒垃圾的,由村民委员会批评教育,责令清理。")
    rules_service.save_articles(admin, vid, lines)
    assert not [f for f in rules_service.view(vid).findings if f.category == "fine"]

    with pytest.raises(ValidationError) as err:
        rules_service.record_vote(admin, vid, assembly(admin, date(2026, 4, 1)))
    assert "还没有报乡镇审核" in str(err.value)

    fp = rules_service.submit_for_review(admin, vid, date(2026, 3, 1))
    assert rules_service.view(vid).status == proc.ST_IN_REVIEW
    with pytest.raises(ValidationError):
        rules_service.record_review(admin, vid, proc.DISAGREE, date(2026, 3, 10), "城关镇")  # reason required
    rules_service.record_review(admin, vid, proc.AGREE_AFTER_CHANGES, date(2026, 3, 10), "城关镇民政办",
                                comments=[(2, "“大操大办”请具体化")])
    assert rules_service.view(vid).status == proc.ST_DRAFTING  # must revise and resubmit
    lines = rules_service.articles(vid)
    lines[1] = ArticleLine("", "", "红白喜事从简办理,宴席不超过十桌,反对大操大办。")
    rules_service.save_articles(admin, vid, lines)
    fp2 = rules_service.submit_for_review(admin, vid, date(2026, 3, 15))
    assert fp2 != fp
    rules_service.record_review(admin, vid, proc.AGREE, date(2026, 3, 20), "城关镇民政办")
    assert rules_service.view(vid).status == proc.ST_REVIEWED

    failed = assembly(admin, date(2026, 4, 1), yes=100, present=180)  # no quorum: 180 < 200
    with pytest.raises(ValidationError) as err:
        rules_service.record_vote(admin, vid, failed, women_present=40)
    assert "不能作出有效决定" in str(err.value)
    with pytest.raises(ValidationError):
        rules_service.record_filing(admin, vid, date(2026, 4, 5))

    good = assembly(admin, date(2026, 4, 10))
    vote = rules_service.record_vote(admin, vid, good, women_present=90)
    assert vote.passed and vote.meeting_valid and vote.women_present == 90
    assert rules_service.view(vid).status == proc.ST_ADOPTED
    with pytest.raises(ValidationError) as err:
        rules_service.save_articles(admin, vid, lines)
    assert "不能再改" in str(err.value)
    with pytest.raises(ValidationError):
        rules_service.record_filing(admin, vid, date(2026, 4, 1))  # before the vote
    rules_service.record_filing(admin, vid, date(2026, 4, 15), "城民备〔2026〕12号", date(2026, 4, 20))
    assert rules_service.view(vid).status == proc.ST_ADOPTED  # not yet published
    rules_service.record_publication(admin, vid, date(2026, 4, 16), "村务公开栏")
    assert rules_service.view(vid).status == proc.ST_IN_FORCE


def test_history_revision_diff_and_supersede(village):
    _, admin = village
    rs = rules_service.create_rule_set(admin, "青山村村规民约")
    old = rules_service.enter_history(admin, rs.id, "青山村村规民约(2019)", date(2019, 6, 1), [
        ArticleLine("", "第一条", "村民应遵守法律。"), ArticleLine("", "第二条", "爱护公共财物。")])
    assert rules_service.view(old.id).status == proc.ST_HISTORY
    draft = rules_service.revise(admin, old.id, "election")
    assert [a.text for a in rules_service.articles(draft.id)] == ["村民应遵守法律。", "爱护公共财物。"]
    with pytest.raises(ValidationError) as err:
        rules_service.new_draft(admin, rs.id, "又一个草案")
    assert "正在进行的草案" in str(err.value)
    rules_service.save_articles(admin, draft.id, [ArticleLine("", "", "村民应遵守法律法规。"),
                                                 ArticleLine("", "", "倡导移风易俗。"),
                                                 ArticleLine("", "", "爱护公共财物。")])
    assert [a.label for a in rules_service.articles(draft.id)] == ["第一条", "第二条", "第三条"]
    entries = rules_service.compare(old.id, draft.id)
    kinds = sorted(e.kind for e in entries)
    assert kinds == ["added", "changed", "same"]


def test_rule_files_refuse_bad_input(tmp_path):
    from desktop.services import rule_files

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "fake.docx").write_text("not a zip")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "gbk.txt").write_bytes("第一条 村民应遵守法律。".encode("gb18030"))
    for name, fragment in (("empty.txt", "空文件"), ("bin.txt", "不是文本文件"),
                           ("fake.docx", "不是有效的 .docx"), ("old.doc", "另存为")):
        with pytest.raises(ValidationError) as err:
            rule_files.read_text(tmp_path / name)
        assert fragment in str(err.value), name
    assert rule_files.read_text(tmp_path / "gbk.txt").startswith("第一条")


def test_docx_import(tmp_path):
    import docx

    from desktop.services import rule_files

    document = docx.Document()
    for line in ("村规民约", "第一条 村民应遵守法律。", "第二条 爱护公共财物。"):
        document.add_paragraph(line)
    document.save(tmp_path / "规约.docx")
    text = rule_files.read_text(tmp_path / "规约.docx")
    assert len(rules_service.preview(text).articles) == 2


def test_cli_rules_import_check_diff(tmp_path, capsys):
    import json

    from openpyxl import load_workbook

    from desktop import cli
    from models.db import close_database

    data = tmp_path / "d"
    assert cli.main(["--data-dir", str(data), "init", "village", "--name", "青山村", "--code", "330106001001"]) == 0
    src = tmp_path / "v1.txt"
    src.write_text("第一条 村民应遵守法律。\n第二条 红白喜事从简。\n第三条 爱护环境。\n", "utf-8")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "--json", "rules", "import", str(src), "--title", "青山村村规民约"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert (imported["articles"], imported["chapters"]) == (3, 0)
    # make a second version through the service, as the GUI would
    from desktop.paths import AppPaths
    from desktop.services.session import cli_session
    from desktop.storage import open_store

    open_store(AppPaths(data))
    admin = cli_session("village")
    rs = rules_service.create_rule_set(admin, "对照用")
    old = rules_service.enter_history(admin, rs.id, "旧版", date(2019, 1, 1), rules_service.articles(imported["version_id"]))
    new = rules_service.revise(admin, old.id, "election")
    lines = rules_service.articles(new.id)
    lines[1] = ArticleLine("", "", "红白喜事从简,宴席不超过十桌。")
    rules_service.save_articles(admin, new.id, lines + [ArticleLine("", "", "本约自通过之日起施行。")])
    close_database()
    out = tmp_path / "对照表.xlsx"
    assert cli.main(["--data-dir", str(data), "--json", "rules", "diff", old.id, new.id, "--out", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(out)
    ws = load_workbook(out, rich_text=True)["修订对照表"]
    assert [c.value for c in ws[3]] == ["序号", "修改前", "修改后", "说明"]
    notes = [ws.cell(row=r, column=4).value for r in range(4, ws.max_row + 1)]
    assert notes == ["修改", "新增"]
    assert "宴席不超过十桌" in str(ws.cell(row=4, column=3).value)
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"

    bad = tmp_path / "违法.txt"
    bad.write_text("第一条 出嫁女不再享有土地承包权。\n第二条 严禁非法搜身。\n", "utf-8")
    assert cli.main(["--json", "rules", "check", str(bad)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["findings"][0]["article"] == 1


def test_docx_exports_open_again(village, tmp_path):
    import docx

    from desktop.reports.rules_docx import write_diff_docx, write_rule_text_docx

    _, admin = village
    rs = rules_service.create_rule_set(admin, "青山村村规民约")
    old = rules_service.enter_history(admin, rs.id, "旧版", date(2019, 1, 1), [
        ArticleLine("第一章 总则", "第一条", "村民应遵守法律。"), ArticleLine("第一章 总则", "第二条", "爱护公共财物。")])
    new = rules_service.revise(admin, old.id, "election")
    rules_service.save_articles(admin, new.id, [ArticleLine("第一章 总则", "", "村民应遵守法律法规。"),
                                               ArticleLine("第一章 总则", "", "爱护公共财物。")])
    text = docx.Document(str(write_rule_text_docx(old.id, tmp_path / "规约.docx")))
    assert any("第一章 总则" in p.text for p in text.paragraphs)
    assert any(p.text.startswith("第一条") for p in text.paragraphs)
    table = docx.Document(str(write_diff_docx(old.id, new.id, tmp_path / "对照.docx"))).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "修改前", "修改后", "说明"]
    assert len(table.rows) == 2 and table.rows[1].cells[3].text == "修改"


def test_vote_at_representatives_counts_women_representatives_and_reports_composition(village):
    """Issue 17, "Composition": at a 村民代表会议 the women counted are women 村民代表 (the meetings
    engine's `women_representatives`), not the 村委会's women; the shortfall (组织法 第二十五条) is a
    warning beside the vote, which stays adopted."""
    from desktop.services import people_service

    _, admin = village
    for i in range(10):
        people_service.add_role(admin, people_service.add_person(admin, f"代表{i}", "男"), "representative",
                                "2021-04-18")
    people_service.add_role(admin, people_service.add_person(admin, "王秀英", "女"), "vc_member", "2021-04-18")
    on = date(2026, 4, 10)
    draft = meetings_service.new_draft("representatives", on)
    draft.title, draft.notice_date = "村民代表会议", date(2026, 4, 1)
    for line in draft.attendance:
        line.status = "present"
    draft.resolutions = [ResolutionLine("表决通过《青山村村规民约》", "village_rules", 10, 1, 0)]
    meeting = meetings_service.save(admin, draft)

    version, _parsed = rules_service.import_text(admin, TEXT, "青山村村规民约")
    vid = version.id
    rules_service.add_opinion(admin, vid, date(2026, 2, 10), "forum", "建议禁止高额彩礼", True, "已写入")
    rules_service.close_solicitation(admin, vid, date(2026, 2, 20))
    rules_service.submit_for_review(admin, vid, date(2026, 3, 1))
    rules_service.record_review(admin, vid, proc.AGREE, date(2026, 3, 20), "城关镇民政办")
    vote = rules_service.record_vote(admin, vid, meeting)
    assert vote.passed and vote.meeting_valid
    assert vote.women_present == 0  # the woman present sits on the 村委会: not a woman representative
    [step] = [s for s in proc.steps(rules_service.facts(vid)) if s.code == proc.VOTE]
    assert step.done and not step.blocked_by
    warnings = " ".join(str(m) for m, _basis in step.warnings)
    assert "没有妇女村民代表参加" in warnings and "妇女村民代表 0 人,不足组成人员 11 人的三分之一" in warnings
    from models.legal import organic_law

    assert organic_law(25, on=on) in [b for _m, b in step.warnings]  # the text in force on the vote day
