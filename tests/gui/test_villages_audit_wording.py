"""The 村庄 page never calls a village whose audit log was rewritten 正常 (issue 16, exploratory finding).

The summary read "共 3 个村,正常 3;1 个村审计日志被改动" and the 状态 cell "正常 · 审计日志被改动": a
clerk reading 正常 first had to notice the red words after it to know one of the three was not.
"""

from __future__ import annotations

from desktop.paths import AppPaths
from desktop.services import villages_service as vs
from models.db import close_database
from tests.support.audit_tamper import rewrite_audit_log
from tests.support.screens import shown
from tests.support.sites import Site, export_to, import_into, township_with_villages
from ui.township import villages_model as vm
from ui.township.villages_page import VillagesPage

BROKEN = "330106001002"


def _township(tmp_path):
    from desktop.services import people_service

    def fill(_i, session):
        for name in ("王建国", "李秀英", "张伟"):
            people_service.add_person(session, name, "男")

    villages = [("330106001001", "青山村"), (BROKEN, "红旗村"), ("330106001003", "白云村")]
    township, _session = township_with_villages(tmp_path, villages, fill)
    close_database()
    village = Site(AppPaths(tmp_path / BROKEN), "village")
    rewrite_audit_log(village.paths.database, "edit")
    assert import_into(township, export_to(village, tmp_path / "U盘").path).audit == "broken"
    return township


def test_a_village_with_a_rewritten_audit_log_is_not_counted_or_shown_as_normal(qtbot, tmp_path):
    """"The 村庄 summary line counts a broken-audit village under 正常 N before ;1 个村审计日志被改动, and the
    状态 cell reads 正常 · 审计日志被改动": each village is now counted once, and a broken one is never 正常."""
    township = _township(tmp_path)
    session = township.use()
    page = shown(qtbot, VillagesPage(session, paths=township.paths), 1366, 768)
    summary = page.summary.text()
    assert summary.startswith("共 3 个村:正常 2,审计日志被改动 1"), summary
    assert "正常 3" not in summary and "个村审计日志被改动" not in summary
    statuses = {}
    for row in range(page.model.rowCount()):
        code = page.model.index(row, vm.CODE).data()
        statuses[code] = page.model.index(row, vm.STATUS).data()
    assert statuses == {"330106001001": "正常", BROKEN: "审计日志被改动", "330106001003": "正常"}
    close_database()


def test_the_status_keeps_the_peer_status_where_it_says_more():
    """A retired or pending village with a rewritten log says both; never 正常 with it."""
    row = vs.VillageRow("330106001002", "红旗村", "zhejiang", "浙江省", "retired", "", 0, 3, "", 0, "", False, (),
                        None, audit="broken", audit_reason="第 5 条不一致", audit_date="2026-12-04")
    assert vm.status_text(row) == "已停用 · 审计日志被改动"
    active = vs.VillageRow(**{**row.__dict__, "status": "active"})
    assert vm.status_text(active) == "审计日志被改动"
    restored = vs.VillageRow(**{**row.__dict__, "status": "active", "audit": "restored"})
    assert vm.status_text(restored) == "正常 · 已从备份恢复(2026-12-04)"
