"""County mode end to end (issue 19): enrolment, 汇总包, import, refusals, the county's 回执.

Real installations in tmp_path (西湖区 — 青山镇 — 青山村, `tests.support.county.county_chain`),
real packages on a U盘 folder, the command line driven in-process.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from types import SimpleNamespace

import pytest

from desktop import cli
from desktop.services import county_service, status_service
from desktop.sync import county_import, county_receipt, exporter, first_contact, upward
from models.db import close_database
from models.errors import PackageRefused
from tests.support.county import COUNTY_CODE, county_chain, synthetic_body, write_aggregate
from tests.support.first_contact import genuine
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE


def _run(capsys, site, *argv) -> tuple[int, dict]:
    close_database()
    code = cli.main(["--data-dir", str(site.paths.data_dir), "--json", *argv])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def _county_rows(site) -> dict:
    con = sqlite3.connect(site.paths.database)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("county_township", "county_village", "county_cell", "county_filing", "county_article")}
    finally:
        con.close()


def test_enrol_first_package_pinned_then_newer_idempotent_and_older(tmp_path, capsys):
    chain = county_chain(tmp_path)
    first = str(chain.first_aggregate)
    # without the fingerprint read out on the phone: refused, nothing stored
    code, out = _run(capsys, chain.county, "import", "--yes", first)
    assert code == 1 and "核对电脑指纹" in out["packages"][0]["error"]
    assert "“报表”页" in out["packages"][0]["error"]  # where a township shows it (it has no 数据交换 page)
    code, out = _run(capsys, chain.county, "import", "--yes", "--fingerprint", "AAAA-BBBB", first)
    assert code == 1 and "电脑指纹不一致" in out["packages"][0]["error"]
    assert _county_rows(chain.county)["county_village"] == 0
    code, out = _run(capsys, chain.county, "import", "--yes", "--fingerprint", genuine(chain.township.paths), first)
    assert code == 0, out
    assert out["packages"][0]["first_contact"] and out["packages"][0]["villages"] == 1
    chain.county.use()
    (row,) = county_service.townships()
    assert row.confirmed and row.spoken == genuine(chain.township.paths) and row.last_number == 1
    assert row.package_format == 2 and row.villages == 1 and row.filings == 1
    (filing,) = county_service.filings()
    assert filing.village_code == VILLAGE_CODE and filing.receipt_no and filing.articles > 3
    text = county_service.filing_text(filing.id)
    assert len(text.articles) == filing.articles and all(a.text for a in text.articles)
    assert county_service.filings(text=text.articles[0].text[2:6]) == [filing]
    period = county_service.periods()[1]
    board = county_service.board(period)
    assert [t.code for t in board.townships] == [TOWNSHIP_CODE] and board.villages == 1
    assert county_service.township_board(TOWNSHIP_CODE, period).villages[0].code == VILLAGE_CODE
    rows = _county_rows(chain.county)

    # the township writes 2 and 3; 3 arrives first, then 2 (older): nothing rolls back
    session = chain.township.use()
    second = upward.export_for_county(session, chain.township.paths, chain.usb).path
    third = upward.export_for_county(session, chain.township.paths, chain.usb).path
    code, out = _run(capsys, chain.county, "import", "--yes", str(third))
    assert code == 0 and not out["packages"][0]["first_contact"] and not out["packages"][0]["older"]
    chain.county.use()
    lines = county_import.plan_aggregate(second, chain.county.paths).summary_lines()
    assert sum("较早" in line for line in lines) == 1, lines  # said once, with both numbers
    code, out = _run(capsys, chain.county, "import", "--yes", str(second))
    assert code == 0 and out["packages"][0]["older"]
    chain.county.use()
    assert county_service.townships()[0].last_number == 3
    # the status bar's 最近接收 still names 第 3 号 (the data the county holds), not the older file just read
    assert status_service.exchange_status().last_received.startswith("第 3 号")
    assert _county_rows(chain.county) == rows
    code, out = _run(capsys, chain.county, "import", "--yes", str(third))  # the same file again
    assert code == 0 and out["packages"][0]["already_imported"]
    assert _county_rows(chain.county) == rows


def test_wrong_direction_packages_are_refused_with_where_they_belong(tmp_path, capsys):
    chain = county_chain(tmp_path)
    session = chain.village.use()
    village_package = exporter.export_package(session, chain.village.paths, chain.usb, full=True).path
    session = chain.township.use()
    return_package = exporter.export_package(session, chain.township.paths, chain.usb,
                                             recipient_code=VILLAGE_CODE).path
    village_setup = next(chain.usb.glob(f"{VILLAGE_CODE}_入网文件_*.cwpkg"))
    county_setup = next(chain.usb.glob(f"{TOWNSHIP_CODE}_入网文件_*.cwpkg"))
    for path, words in ((village_package, "这是村里发给乡镇的数据包,县里不能导入"),
                        (return_package, "这是乡镇发给村里的回执数据包,县里不能导入"),
                        (village_setup, "这是乡镇发给村里的入网文件,县里不能导入"),
                        (county_setup, "县里不能导入")):
        code, out = _run(capsys, chain.county, "import", "--yes", str(path))
        assert code == 1 and words in out["packages"][0]["error"], (path.name, out)
    # the screens' preview (the village importer) at the county says the same
    from desktop.sync import importer

    chain.county.use()
    with pytest.raises(PackageRefused, match="这是村里发给乡镇的数据包,县里不能导入"):
        importer.plan_import(village_package, chain.county.paths)
    # the county's files at a village; the 汇总包 at the village
    for path, words in ((county_setup, "这是县里发给乡镇的入网文件,村里不能导入"),
                        (chain.first_aggregate, "县里的汇总数据包")):
        code, out = _run(capsys, chain.village, "import", "--yes", str(path))
        assert code == 1 and words in out["packages"][0]["error"], (path.name, out)
    assert _county_rows(chain.county)["county_village"] == 0


def test_unknown_forged_tampered_and_misaddressed_aggregates_are_refused(tmp_path):
    chain = county_chain(tmp_path)
    session = chain.county.use()
    paths = chain.county.paths
    # a township the county never enrolled
    stranger = write_aggregate(tmp_path / "k2", synthetic_body("330106002", "白沙镇", 2, 1, 1), 1, tmp_path / "u")
    with pytest.raises(PackageRefused, match="本县没有给它入网"):
        county_import.apply_aggregate(session, stranger, paths, confirm=first_contact.confirmer("x"))
    # addressed to another county
    other = write_aggregate(tmp_path / "k1", synthetic_body(TOWNSHIP_CODE, "青山镇", 1, 1, 1), 1, tmp_path / "u",
                            county_code="330107")
    with pytest.raises(PackageRefused, match="不是发给本县"):
        county_import.apply_aggregate(session, other, paths)
    # pin the real key, then a package signed by another PC claiming the same township
    county_import.apply_aggregate(session, chain.first_aggregate, paths,
                                  confirm=first_contact.confirmer(genuine(chain.township.paths)))
    forged = write_aggregate(tmp_path / "k1", synthetic_body(TOWNSHIP_CODE, "青山镇", 1, 1, 1), 9, tmp_path / "u")
    with pytest.raises(PackageRefused, match="不是由登记的那台电脑签名"):
        county_import.apply_aggregate(session, forged, paths)
    # a real package with one byte changed
    tampered = tmp_path / "tampered.cwpkg"
    data = bytearray(chain.first_aggregate.read_bytes())
    data[len(data) // 3] ^= 0xFF
    tampered.write_bytes(bytes(data))
    with pytest.raises(PackageRefused):
        county_import.apply_aggregate(session, tampered, paths)
    assert county_service.townships()[0].last_number == 1


@pytest.mark.parametrize(("change", "words"), [
    (lambda b: b["villages"][0].update(code="330107001001"), "村代码"),
    (lambda b: b["periods"][0]["cells"][0].__setitem__(2, "hacked"), "完成情况"),
    (lambda b: b["periods"][0]["cells"][0].__setitem__(3, -1), "已完成次数"),
    (lambda b: b["periods"][0]["cells"][0].__setitem__(3, 10**12), "已完成次数"),
    (lambda b: b["periods"][0].update(period="2026Q5"), "期间"),
    (lambda b: b["villages"][0].update(name="青山村\x00"), "村名"),
    (lambda b: b["filings"][0].update(title="规" * 500), "村规民约名称"),
    (lambda b: b["filings"][0]["articles"][0].__setitem__(3, "条" * 30_000), "条文"),
    (lambda b: b["filings"][0].update(village="330106009009"), "备案的村"),
    (lambda b: b["obligations"].append({"key": "taxes"}), "不认识的义务"),
    (lambda b: b.update(villages="all"), "村"),
])
def test_hostile_values_are_refused_whole(tmp_path, change, words):
    chain = county_chain(tmp_path)
    session = chain.county.use()
    key_dir = SimpleNamespace(keys=chain.township.paths.keys)
    good = synthetic_body(TOWNSHIP_CODE, "青山镇", 2, 1, 3)
    county_import.apply_aggregate(session, write_aggregate(key_dir.keys, good, 1, tmp_path / "u"), chain.county.paths,
                                  confirm=first_contact.confirmer(genuine(chain.township.paths)))
    before = _county_rows(chain.county)
    bad = json.loads(json.dumps(good))
    change(bad)
    path = write_aggregate(key_dir.keys, bad, 2, tmp_path / "u", manifest_changes={"counts": {
        "villages": len(bad["villages"]) if isinstance(bad["villages"], list) else 0,
        "periods": len(bad["periods"]), "filings": len(bad["filings"])}})
    with pytest.raises(PackageRefused, match=words):
        county_import.apply_aggregate(session, path, chain.county.paths)
    assert _county_rows(chain.county) == before


def test_markup_in_a_rule_text_is_kept_as_plain_text(tmp_path):
    chain = county_chain(tmp_path)
    session = chain.county.use()
    body = synthetic_body(TOWNSHIP_CODE, "青山镇", 1, 1, 3)
    body["filings"][0]["articles"][0][3] = "<b>加粗</b><script>alert(1)</script> & 第二行\n第三行"
    county_import.apply_aggregate(session, write_aggregate(chain.township.paths.keys, body, 1, tmp_path / "u"),
                                  chain.county.paths, confirm=first_contact.confirmer(genuine(chain.township.paths)))
    (filing,) = county_service.filings()
    assert county_service.filing_text(filing.id).articles[0].text == body["filings"][0]["articles"][0][3]


def test_the_township_imports_the_county_receipt(tmp_path, capsys):
    chain = county_chain(tmp_path)
    code, _ = _run(capsys, chain.county, "import", "--yes", "--fingerprint", genuine(chain.township.paths),
                   str(chain.first_aggregate))
    assert code == 0
    out_dir = tmp_path / "回执"
    out_dir.mkdir()
    code, out = _run(capsys, chain.county, "export", "--to", str(out_dir))
    assert code == 0 and out["receipts"][0]["township"] == TOWNSHIP_CODE and out["receipts"][0]["received"] == [1]
    receipt = out["path"]
    code, out = _run(capsys, chain.township, "import", "--yes", receipt)
    assert code == 0 and out["packages"][0]["kind"] == county_receipt.KIND, out
    chain.township.use()
    ack = county_receipt.latest()
    assert ack.county_code == COUNTY_CODE and ack.last_number == 1 and ack.last_received_on
    from desktop.services import review_service

    assert COUNTY_CODE not in review_service.village_names()  # the county is no village (搜索's 村 filter offered it)
    from models.sync.records import OUT, STATUS_ACKED, PackageLog

    assert PackageLog.get((PackageLog.direction == OUT) & (PackageLog.number == 1)
                          & (PackageLog.kind == upward.KIND)).status == STATUS_ACKED
    code, out = _run(capsys, chain.township, "import", "--yes", receipt)  # again: nothing changes
    assert code == 0
    chain.township.use()
    assert county_receipt.latest().receipt_number == 1
    # the 回执 at the village is refused with where it belongs
    code, out = _run(capsys, chain.village, "import", "--yes", receipt)
    assert code == 1 and "这是县里发给乡镇的回执,村里不能导入" in out["packages"][0]["error"]


def test_cli_enrol_a_new_township_from_the_county_setup(tmp_path, capsys):
    chain = county_chain(tmp_path)
    usb = tmp_path / "新U盘"
    usb.mkdir()
    code, out = _run(capsys, chain.county, "enroll", "--township-code", "330106002", "--township-name", "白沙镇",
                     "--out", str(usb))
    assert code == 0 and out["township_code"] == "330106002"
    # the township's code must lie in the county
    code, out = _run(capsys, chain.county, "enroll", "--township-code", "330107002", "--township-name", "白沙镇",
                     "--out", str(usb))
    assert code == 1 and "不属于本县" in out["error"]
    new = SimpleNamespace(paths=SimpleNamespace(data_dir=tmp_path / "白沙镇"))
    # a --province that is not the 入网文件's is refused, never silently dropped (tester, issue 19)
    code, out = _run(capsys, new, "init", "township", "--setup", out_path(usb), "--province", "chongqing")
    assert code == 1 and "不一致" in out["error"] and not (tmp_path / "白沙镇" / "cunwu.sqlite3").exists()
    code, out = _run(capsys, new, "init", "township", "--setup", out_path(usb))
    assert code == 0 and out["mode"] == "township" and out["county"]["code"] == COUNTY_CODE
    assert out["county_fingerprint"].startswith(genuine(chain.county.paths).replace("-", " ")[:4])
    code, out = _run(capsys, new, "export", "--to", str(usb))
    assert code == 0 and out["kind"] == "aggregate"
    close_database()  # on a terminal: a 汇总包 of no village says so (tester, issue 19)
    assert cli.main(["--data-dir", str(new.paths.data_dir), "export", "--to", str(usb)]) == 0
    said = capsys.readouterr().out
    assert "不含任何村" in said and "还没有加入县" not in said
    # the county imports it on a terminal: the last line says it is in (the plan's "导入前请打电话…" came last)
    from desktop.paths import AppPaths

    close_database()
    assert cli.main(["--data-dir", str(chain.county.paths.data_dir), "import", "--yes", "--fingerprint",
                     genuine(AppPaths(tmp_path / "白沙镇")), out["path"]]) == 0
    assert capsys.readouterr().out.rstrip().endswith("已导入(电脑指纹已核对一致,以后的汇总包凭签名核验)。")
    manifest, body = upward.read_aggregate(out["path"])
    assert manifest["recipient"]["code"] == COUNTY_CODE and body["filings"] == []
    # search at a county: the 备案登记's filed texts, never "没有找到" for words they hold (issue 19, fix:
    # it was refused with 县级版不保存村里的记录 before the county searched its register)
    code, _ = _run(capsys, chain.county, "import", "--yes", "--fingerprint", genuine(chain.township.paths),
                   str(chain.first_aggregate))
    assert code == 0
    code, out = _run(capsys, chain.county, "search", "村民")
    assert code == 0 and out["results"] and {r["kind"] for r in out["results"]} == {"article"}
    assert all(r["village"] == VILLAGE_CODE and "青山村" in r["village_name"] for r in out["results"])
    # a flag of another level is a usage error (exit 2), never silently ignored
    for site, argv in ((chain.county, ["enroll", "--village-code", VILLAGE_CODE, "--village-name", "青山村",
                                       "--out", str(usb)]),
                       (chain.county, ["export", "--to", str(usb), "--recovery", VILLAGE_CODE]),
                       (chain.township, ["export", "--to", str(usb), "--township", TOWNSHIP_CODE]),
                       (chain.township, ["enroll", "--township-code", "330106002", "--township-name", "白沙镇",
                                         "--out", str(usb)])):
        with pytest.raises(SystemExit) as stop:
            _run(capsys, site, *argv)
        assert stop.value.code == 2, argv


def out_path(folder) -> str:
    (found,) = folder.glob("330106002_入网文件_*.cwpkg")
    return str(found)


def test_a_county_demo_of_synthetic_townships_reads_in_one_board(tmp_path):
    from tests.support.county import synthetic_county

    county = synthetic_county(tmp_path, townships=3, villages=3, years=1)
    county.use()
    board = county_service.board("2026")
    assert len(board.townships) == 3 and board.villages == 9 and board.overall_rate() is not None
    assert len(county_service.filings()) == 9
    shutil.rmtree(tmp_path / "县" / "keys", ignore_errors=True)


def test_the_county_report_has_a_township_sheet_and_one_per_township(tmp_path, capsys):
    from openpyxl import load_workbook

    from tests.support.county import synthetic_county

    county = synthetic_county(tmp_path, townships=3, villages=3, years=1)
    code, out = _run(capsys, county, "report", "compliance", "--out", str(tmp_path / "县.xlsx"), "--period", "2026Q3")
    assert code == 0, out
    # the township report's JSON keys are all there (DESIGN §5), and the townships
    assert {"path", "pdf", "period", "period_label", "villages", "obligations", "empty", "rates", "data_as_of",
            "overall_rate", "township", "silent_after_days", "silent_villages"} <= set(out)
    assert out["villages"] == 9 and len(out["townships"]) == 3
    wb = load_workbook(out["path"])
    assert wb.sheetnames == ["各乡镇汇总", "城关镇", "青山镇", "溪口乡"]
    first = [c.value for c in wb["各乡镇汇总"][4]]
    assert first[1] == "城关镇" and first[3] == 3
    assert any(c.value == "330106001001" for row in wb["城关镇"].iter_rows() for c in row)
    # a period no township has cells of: each sheet says what the county holds, never the township's
    # "请先在“村庄”页为各村办理入网" (tester, issue 19)
    code, out = _run(capsys, county, "report", "compliance", "--out", str(tmp_path / "早.xlsx"), "--period", "2025Q1")
    assert code == 0, out
    said = [c.value for row in load_workbook(out["path"])["城关镇"].iter_rows() for c in row if c.value]
    assert any("本县已收到城关镇的第 1 号县级汇总包" in str(v) for v in said), said
    assert not any("村庄" in str(v) for v in said)


def test_the_services_for_the_screens(tmp_path):
    from desktop.services import county_exchange_service as ces
    from desktop.sync import importer

    chain = county_chain(tmp_path)
    setup_file = next(chain.usb.glob(f"{TOWNSHIP_CODE}_入网文件_*.cwpkg"))
    assert ces.county_file_kind(setup_file) == ces.COUNTY_SETUP
    assert ces.county_file_kind(chain.first_aggregate) == ces.AGGREGATE
    chain.township.use()
    assert ces.county().code == COUNTY_CODE and ces.county_ack() is None
    # the village-package preview at the township names the county's file for what it is
    with pytest.raises(PackageRefused, match="县里发给乡镇的文件.*“报表”页"):
        importer.plan_import(setup_file, chain.township.paths)
    session = chain.county.use()
    plan = ces.plan_aggregate(chain.county.paths, chain.first_aggregate)
    assert plan.first_contact and plan.villages == 1 and plan.filings == 1
    (outcome,) = ces.import_aggregates(session, chain.county.paths, [chain.first_aggregate])  # no fingerprint typed
    assert outcome.plan is None and "单独导入" in str(outcome.error)
    ces.import_aggregate(session, chain.county.paths, chain.first_aggregate, genuine(chain.township.paths))
    (receipt,) = ces.export_receipts(session, chain.county.paths, tmp_path, TOWNSHIP_CODE)
    ces.retire_township(session, TOWNSHIP_CODE, "撤并")
    assert county_service.townships()[0].retired
    session = chain.township.use()
    again = upward.export_for_county(session, chain.township.paths, chain.usb).path
    ack = ces.import_county_receipt(session, chain.township.paths, receipt.path)
    assert ack.last_number == 1 and ces.county_ack().receipt_number == 1
    session = chain.county.use()
    with pytest.raises(PackageRefused, match="停用"):
        ces.import_aggregate(session, chain.county.paths, again)


def test_an_older_format_1_aggregate_is_still_read(tmp_path):
    """A township on older software: no 备案 register, addressed to no county in particular."""
    chain = county_chain(tmp_path)
    session = chain.county.use()
    body = synthetic_body(TOWNSHIP_CODE, "青山镇", 2, 1, 3)
    del body["filings"]
    path = write_aggregate(chain.township.paths.keys, body, 1, tmp_path / "u", manifest_changes={
        "recipient": {"code": "", "name": "县级主管部门"}, "counts": {"villages": 2, "periods": 5}})
    plan = county_import.apply_aggregate(session, path, chain.county.paths,
                                         confirm=first_contact.confirmer(genuine(chain.township.paths)))
    assert plan.villages == 2 and plan.filings == 0 and any("较早版本" in w for w in plan.warnings)
    (row,) = county_service.townships()
    assert row.package_format == 1 and county_service.filings() == []


def test_a_township_refuses_a_second_county_and_a_setup_for_another_township(tmp_path):
    from desktop.services import setup_service
    from desktop.sync import county_enrollment
    from tests.support.sites import Site

    chain = county_chain(tmp_path)
    other = Site(chain.county.paths.__class__(tmp_path / "另一个县"), "county")
    session = other.use()
    setup_service.initialize("county", "拱墅区", COUNTY_CODE, "zhejiang")  # same code, another PC's key
    usb = tmp_path / "另一个U盘"
    usb.mkdir()
    ours = county_enrollment.enroll_township(session, other.paths, TOWNSHIP_CODE, "青山镇", usb)
    theirs = county_enrollment.enroll_township(session, other.paths, "330106002", "白沙镇", usb)
    chain.township.use()
    with pytest.raises(PackageRefused, match="已经加入西湖区"):
        county_enrollment.accept_county_setup(county_enrollment.read_county_setup(ours))
    with pytest.raises(PackageRefused, match="是给白沙镇"):
        county_enrollment.accept_county_setup(county_enrollment.read_county_setup(theirs))
    assert county_enrollment.county_peer().name == "西湖区"


def test_a_reenrolled_township_starts_its_numbers_again(tmp_path):
    from desktop.sync import county_enrollment

    chain = county_chain(tmp_path)
    session = chain.county.use()
    county_import.apply_aggregate(session, chain.first_aggregate, chain.county.paths,
                                  confirm=first_contact.confirmer(genuine(chain.township.paths)))
    county_enrollment.reenroll_township(session, chain.county.paths, TOWNSHIP_CODE, "乡镇换了电脑", tmp_path)
    with pytest.raises(PackageRefused, match="停用的密钥"):  # the old PC's key is retired
        county_import.apply_aggregate(session, chain.first_aggregate, chain.county.paths,
                                      confirm=first_contact.confirmer(genuine(chain.township.paths)))
    new_keys = tmp_path / "新电脑"
    path = write_aggregate(new_keys, synthetic_body(TOWNSHIP_CODE, "青山镇", 3, 1, 5), 1, tmp_path / "u")
    plan = county_import.apply_aggregate(session, path, chain.county.paths,
                                         confirm=first_contact.confirmer(genuine(SimpleNamespace(keys=new_keys))))
    assert plan.first_contact and not plan.older
    assert county_service.townships()[0].villages == 3


@pytest.mark.parametrize("changes", [
    {"recipient": ["330106"]}, {"recipient": None}, {"sender": "青山镇"}, {"sender": {"code": TOWNSHIP_CODE}},
    {"number": "1"}, {"number": 0}, {"number": 10**15}, {"sender_keys": []}, {"created_at": 5},
    {"counts": {"villages": 99, "periods": 5, "filings": 2}}, {"kind": "aggregate2"},
])
def test_a_signed_manifest_with_odd_values_is_refused_not_a_traceback(tmp_path, changes):
    chain = county_chain(tmp_path)
    session = chain.county.use()
    path = write_aggregate(chain.township.paths.keys, synthetic_body(TOWNSHIP_CODE, "青山镇", 2, 1, 3), 1,
                           tmp_path / "u", manifest_changes=changes)
    with pytest.raises(PackageRefused):
        county_import.apply_aggregate(session, path, chain.county.paths,
                                      confirm=first_contact.confirmer(genuine(chain.township.paths)))
    assert county_service.townships()[0].last_number == 0


@pytest.mark.parametrize(("changes", "body"), [
    ({"sender_keys": []}, {"received": []}), ({"recipient": "x"}, {"received": []}), ({"number": -1}, {"received": []}),
    ({}, {"received": [{"number": "1", "imported_at": "x"}]}), ({}, {"received": "all"}), ({}, ["x"]),
])
def test_an_odd_county_receipt_is_refused_not_a_traceback(tmp_path, changes, body):
    from desktop.sync import keys
    from desktop.sync import package_format as fmt

    chain = county_chain(tmp_path)
    keypair = keys.load_or_create(chain.county.paths.keys)
    manifest = {"format": 1, "kind": county_receipt.KIND, "package_id": "x",
                "sender": {"code": COUNTY_CODE, "name": "西湖区", "kind": "county"},
                "recipient": {"code": TOWNSHIP_CODE, "name": "青山镇"}, "number": 1, "created_at": "2026-12-01",
                "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public}, **changes}
    path = fmt.write_package(tmp_path, "r.cwpkg", manifest, "x", [fmt.Member(fmt.RECORDS, fmt.canonical_json(body))],
                             keypair.signing)
    session = chain.township.use()
    with pytest.raises(PackageRefused):
        county_receipt.import_receipt(session, path, chain.township.paths)
    assert county_receipt.latest() is None


def test_the_board_counts_a_townships_villages_as_its_drill_down_lists_them(tmp_path):
    """A period the package holds no cells of: the township row and its drill-down name the same villages (tester #12)."""
    from tests.support.county import synthetic_county

    county = synthetic_county(tmp_path, townships=2, villages=3, years=1)
    county.use()
    for period in ("2026", "2026Q3", "2020Q1"):  # with cells, and one no village has a cell of
        board = county_service.board(period)
        for head in board.townships:
            listed = county_service.township_board(head.code, period).villages
            assert head.villages == len(listed) == 3, (period, head)
        assert board.villages == 6
    assert county_service.board("2020Q1").empty
