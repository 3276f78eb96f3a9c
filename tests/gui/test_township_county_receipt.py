"""The township's 报表 page with its county: joined, the 汇总包 sent, the county's 回执 read back."""

from __future__ import annotations

from desktop.sync import county_enrollment, county_import, county_receipt
from tests.support.county import county_chain
from tests.support.first_contact import confirmed_by
from ui.township.reports_page import ReportsPage


def test_the_township_reads_the_county_receipt_on_its_reports_page(qtbot, tmp_path):
    chain = county_chain(tmp_path)
    session = chain.county.use()
    county_import.apply_aggregate(session, chain.first_aggregate, chain.county.paths,
                                  confirm=confirmed_by(chain.township.paths))
    receipt = county_receipt.export_receipt(session, chain.county.paths, "330106001", chain.usb).path
    other_setup = county_enrollment.enroll_township(session, chain.county.paths, "330106002", "白沙镇",
                                                    chain.usb)

    session = chain.township.use()
    page = ReportsPage(session, paths=chain.township.paths)
    qtbot.addWidget(page)
    page.show()
    link = page.county_link
    assert "已加入西湖区(330106)" in link.state_label.text()
    assert "还没有收到县里的回执" in link.receipt_label.text()
    assert "本机电脑指纹" in link.fingerprint_label.text()
    assert link.import_file(receipt)
    assert "县里已于" in link.receipt_label.text() and "收到第 1 号汇总包" in link.receipt_label.text()
    # a village's package is not for this box: refused with where it goes
    assert not link.import_file(chain.first_aggregate)
    assert "不是县里发来的" in link.message.text()
    # another township's 入网文件: refused when read, before anyone is asked to phone the county (tester)
    assert not link.import_file(other_setup)
    assert link.join_dialog is None and "这份入网文件是给白沙镇(330106002)的" in link.message.text()
