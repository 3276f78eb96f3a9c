"""What a person trying issue 16's features through the screens ran into (exploratory test, empty folders).

Each test names what the user did, what they saw and what they expected;
the screens are driven the way a person does (pytest-qt, real SQLite files
and real packages on disk).
"""

from __future__ import annotations

from models.db import close_database
from tests.support.audit_tamper import rewrite_audit_log
from tests.support.screens import shown
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair
from ui.township.villages_page import VillagesPage


def test_only_villages_needing_attention_keeps_a_village_whose_audit_was_rewritten(qtbot, tmp_path):
    """The 村庄 page said in red that 青山村 rewrote its audit log; ticking 只看需要关注的村 then hid it
    and said "没有需要关注的村:各村都按时发来了数据包,也不缺数据包" — the filter must keep it, and the
    summary line counts it."""
    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    assert import_into(township, export_to(village, usb).path).audit == "broken"

    session = township.use()
    page = shown(qtbot, VillagesPage(session, paths=township.paths), 1366, 768)
    assert page.audit_banner.isVisible()
    assert "1 个村审计日志被改动" in page.summary.text()
    page.attention_check.click()
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == VILLAGE_CODE
    assert "审计日志被改动" in page.attention_check.toolTip()
    page.attention_check.click()
    close_database()
