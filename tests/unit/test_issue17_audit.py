"""Issue 17 audit (docs/issue17-audit.md): the requirements checked through the services and the CLI.

The pure functions have their own tests; these check that the dates reach them on the paths a
person uses — a meeting evaluated in the editor, a rule version's page, `cunwu rules check`.
"""

from __future__ import annotations

import json
from datetime import date

from desktop import cli
from desktop.services import meetings_service, rules_service
from desktop.services.meetings_service import ResolutionLine
from desktop.services.rules_service import ArticleLine

ORGANIC = "《村民委员会组织法》"
FINE = "乱倒垃圾的,罚款一千元。"


def _cited(texts: list[str]) -> set[str]:
    """The 组织法 versions the texts cite: {"2018"}, {"2025"}…"""
    return {version for t in texts for version in ("2018", "2025") if f"{ORGANIC}({version})" in t}


def test_a_meeting_evaluated_through_the_service_cites_the_text_of_its_day(village_demo):
    texts = {}
    for year in (2024, 2026):
        draft = meetings_service.new_draft("representatives", date(year, 10, 10))
        draft.resolutions = [ResolutionLine("困难补助名单", "subsidy", 1, 0, 0)]  # 过半数 not reached
        verdict = meetings_service.evaluate_draft(draft)
        texts[year] = [f.text() for f in verdict.meeting.findings] + [
            f.text() for v in verdict.resolutions for f in v.findings] + [
            f.text() for fs in verdict.authority for f in fs]
    assert _cited(texts[2024]) == {"2018"}, texts[2024]
    assert _cited(texts[2026]) == {"2025"}, texts[2026]


def test_a_rule_versions_findings_cite_the_text_of_its_adoption(village):
    _, admin = village
    rule_set = rules_service.create_rule_set(admin, "青山村村规民约")
    old = rules_service.enter_history(admin, rule_set.id, "青山村村规民约", date(2024, 5, 1),
                                      [ArticleLine("", "", FINE)])
    [fine] = [f for f in rules_service.view(old.id).findings if f.category == "fine"]
    assert f"{ORGANIC}(2018)第二十七条" in fine.text()
    new = rules_service.enter_history(admin, rule_set.id, "青山村村规民约", date(2026, 5, 1),
                                      [ArticleLine("", "", FINE)])
    [fine] = [f for f in rules_service.view(new.id).findings if f.category == "fine"]
    assert _cited([fine.text()]) == {"2025"}


def test_rules_check_keeps_its_json_and_judges_by_todays_law(tmp_path, capsys):
    text = tmp_path / "草案.txt"
    text.write_text("第一条 村民应当遵守法律。\n第二条 出嫁女户口未迁出的,不再参与土地承包和集体收益分配。\n"
                    f"第三条 {FINE}\n第四条 不得以村规民约名义罚款。\n", "utf-8")
    capsys.readouterr()
    assert cli.main(["--json", "rules", "check", str(text)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"findings", "errors", "warnings"}
    assert [(f["article"], f["severity"], f["category"]) for f in report["findings"]] == [
        (2, "error", "women"), (3, "error", "fine")]  # the protective 第四条 stays silent
    for finding in report["findings"]:
        assert {"severity", "category", "matched", "message", "article", "sentence"} <= set(finding)
        assert finding["matched"] and all(isinstance(m, str) for m in finding["matched"])
    # a text checked today (2026 or later) is judged by the amended 组织法, not the 2018 text
    assert _cited([f["message"] for f in report["findings"]]) == {"2025"}
    assert rules_service.check(f"第一条 {FINE}", on=date(2025, 12, 31))[0].text().count(f"{ORGANIC}(2018)") == 1
