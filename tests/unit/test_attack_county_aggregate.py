"""Issue 19, county mode: a correctly signed 县级汇总包 that lies is refused whole.

The township signs with its real, pinned key, so the signature holds; what
it says does not. Each attack is one case named for it: the county refuses
it with a Chinese reason, and its database is byte-identical afterwards
(county rows, the package log, the audit chain — `full_dump`). The attacks
that once passed or raised a traceback: an object where a text belongs
(TypeError: unhashable), a lone surrogate (SQLite's UnicodeEncodeError),
"2026\\n" and "２０２６" as periods, "2024031000" as a date, done > expected,
filing dates out of order or after the package, 1 MB+ of rule text, the
same 备案 twice, a 汇总包 format from the future, and a number reused with
other contents. A township naming itself otherwise in the body is imported,
but the county keeps the name it registered.
"""

from __future__ import annotations

import copy
import json
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.services import county_service
from desktop.sync import county_import, first_contact, keys
from desktop.sync import package_format as fmt
from models.county import aggregate as agg
from models.errors import PackageRefused
from tests.support.county import synthetic_body, synthetic_county, write_aggregate
from tests.support.sites import full_dump

TOWNSHIP = "330106001"  # 城关镇, enrolled and its 第 1 号 imported by `synthetic_county`


@pytest.fixture
def county(tmp_path):
    """The county with one township (2 villages, its first package in); the township's key folder."""
    site = synthetic_county(tmp_path, townships=1, villages=2, years=1)
    session = site.use()
    return SimpleNamespace(site=site, session=session, keys=tmp_path / "scratch" / "keys" / TOWNSHIP,
                           usb=tmp_path / "u", db=site.paths.database)


def _good() -> dict:
    return synthetic_body(TOWNSHIP, "城关镇", 2, 1, seed=0)


def _write(county, body: dict, number: int = 2, manifest: dict | None = None) -> Path:
    counts = {"villages": len(body["villages"]), "periods": len(body["periods"]), "filings": len(body["filings"])}
    sender = {"code": TOWNSHIP, "name": "城关镇", "kind": "township", "province": "zhejiang"}  # what the body says
    return write_aggregate(county.keys, body, number, county.usb,
                           manifest_changes={"counts": counts, "sender": sender, **(manifest or {})})


def _raw(county, data: bytes, number: int = 2, manifest: dict | None = None) -> Path:
    """A package whose records member is `data` as is, signed by the township's real key."""
    pair = keys.load_or_create(county.keys)
    county.usb.mkdir(parents=True, exist_ok=True)
    m = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": "t", "schema_version": 1, "kind": "aggregate",
         "aggregate_format": 2, "package_id": f"raw-{number}",
         "sender": {"code": TOWNSHIP, "name": "城关镇", "kind": "township"},
         "recipient": {"code": "330106", "name": "西湖区"}, "number": number, "created_at": "2026-11-21T02:00:00Z",
         "sender_keys": {"sign": pair.sign_public, "box": pair.box_public},
         "counts": {"villages": 2, "periods": 5, "filings": 2}, **(manifest or {})}
    return fmt.write_package(county.usb, f"raw_{number}.cwpkg", m, "测试", [fmt.Member(fmt.RECORDS, data)],
                             pair.signing, total=1)


def _refused(county, path: Path, words: str) -> None:
    before = full_dump(county.db)
    with pytest.raises(PackageRefused, match=words):
        county_import.apply_aggregate(county.session, path, county.site.paths)
    assert full_dump(county.db) == before


def _cell(i, value):
    return lambda b: b["periods"][0]["cells"][0].__setitem__(i, value)


BODY_ATTACKS = {
    "village_code_malformed": (lambda b: b["villages"][0].update(code="33010600100A"), "村代码"),
    "village_code_of_another_township": (lambda b: b["villages"][0].update(code="330106002001"), "村代码"),
    "village_code_a_number": (lambda b: b["villages"][0].update(code=330106001001), "村代码"),
    "cell_village_an_object": (_cell(0, ["330106001001"]), "村代码"),
    "cell_obligation_an_object": (_cell(1, {"key": "meetings"}), "义务"),
    "cell_state_a_list": (_cell(2, ["ok"]), "完成情况"),
    "obligation_list_entry_a_list": (lambda b: b["obligations"].append([1]), "不认识的义务"),
    "province_a_list": (lambda b: b["township"].update(province=["zhejiang"]), "省份配置"),
    "village_province_an_object": (lambda b: b["villages"][0].update(province={}), "省份配置"),
    "township_duty_an_object": (lambda b: b["periods"][0]["township"].__setitem__(0, [["x"], "ok", 1, 0, 1]),
                                "乡镇履职"),
    "township_duty_twice": (lambda b: b["periods"][0]["township"].append(list(b["periods"][0]["township"][0])),
                            "乡镇履职"),
    "filing_village_a_list": (lambda b: b["filings"][0].update(village=["330106001001"]), "备案的村"),
    "done_a_float": (_cell(3, 1.5), "已完成次数"),
    "done_a_string": (_cell(3, "1"), "已完成次数"),
    "done_true": (_cell(3, True), "已完成次数"),
    "expected_huge": (_cell(5, 10**30), "应完成次数"),
    "done_more_than_expected": (lambda b: b["periods"][0]["cells"][0].__setitem__(slice(3, 6), [5, 0, 1]),
                                "应完成次数"),
    "period_with_a_newline": (lambda b: b["periods"][0].update(period="2026\n"), "期间"),
    "period_in_fullwidth_digits": (lambda b: b["periods"][0].update(period="２０２６"), "期间"),
    "period_quarter_9": (lambda b: b["periods"][0].update(period="2026Q9"), "期间"),
    "period_a_path": (lambda b: b["periods"][0].update(period="../"), "期间"),
    "period_very_long": (lambda b: b["periods"][0].update(period="2" * 100_000), "期间"),
    "cell_twice": (lambda b: b["periods"][0]["cells"].append(list(b["periods"][0]["cells"][0])), "合规情况"),
    "date_without_dashes": (lambda b: b["filings"][0].update(filed_on="2024031000"), "报备日期"),
    "village_name_zero_width": (lambda b: b["villages"][0].update(name="城\u200b关1村"), "村名"),
    "village_name_byte_order_mark": (lambda b: b["villages"][0].update(name="\ufeff城关1村"), "村名"),
    "village_name_right_to_left": (lambda b: b["villages"][0].update(name="\u202e村关城"), "村名"),
    "article_with_escape": (lambda b: b["filings"][0]["articles"][0].__setitem__(3, "第一条\x1b[31m"), "条文"),
    "rule_text_ten_megabytes": (lambda b: b["filings"][0].update(
        articles=[[i, "", f"第{i}条", "条" * 20_000] for i in range(1, 501)]), "条文总字数"),
    "filed_before_adopted": (lambda b: b["filings"][0].update(filed_on="2024-03-01"), "报备日期"),
    "receipt_before_filed": (lambda b: b["filings"][0].update(receipt_date="2024-03-09"), "备案日期"),
    "filed_after_the_package": (lambda b: b["filings"][0].update(filed_on="2027-01-05", receipt_date="2027-01-05"),
                                "报备日期"),
    "same_rule_filed_twice": (lambda b: b["filings"].append(copy.deepcopy(b["filings"][0])), "备案登记"),
    "filing_for_a_village_not_in_the_package": (lambda b: b["filings"][0].update(village="330106001099"),
                                                "备案的村"),
    "unknown_obligation": (lambda b: b["obligations"].append({"key": "taxes"}), "不认识的义务"),
    "township_code_changed_in_the_body": (lambda b: b["township"].update(code="330106002"), "乡镇代码"),
}


@pytest.mark.parametrize("attack", sorted(BODY_ATTACKS))
def test_signed_aggregate_with_a_lying_body_is_refused_whole(county, attack):
    change, words = BODY_ATTACKS[attack]
    body = _good()
    change(body)
    _refused(county, _write(county, body), words)


def test_body_attacks_are_refused_by_the_pure_check_with_the_field_named():
    """The same attacks at `aggregate.parse` (no database): BadAggregate, never a TypeError."""
    for attack, (change, words) in BODY_ATTACKS.items():
        body = _good()
        change(body)
        with pytest.raises(agg.BadAggregate) as caught:
            agg.parse(body, TOWNSHIP, "2026-11-21")
        assert words in str(caught.value.message), attack


def test_village_name_with_a_lone_surrogate_is_refused_not_a_traceback(county):
    """JSON may write "\\ud800"; SQLite cannot store it (UnicodeEncodeError mid-transaction, before the fix)."""
    body = _good()
    body["villages"][0]["name"] = "城\ud800村"
    _refused(county, _raw(county, zlib.compress(json.dumps(body).encode())), "村名")


@pytest.mark.parametrize(("attack", "data", "words"), [
    ("truncated_zlib", zlib.compress(json.dumps({"a": "x" * 1000}).encode())[:-20], "已损坏或不完整"),
    ("zlib_bomb_over_the_limit", zlib.compress(b" " * (county_import.MAX_BODY_BYTES + 1024)), "已损坏或不完整"),
    ("not_utf8", zlib.compress(b"\xff\xfe{}"), "已损坏或不完整"),
    ("duplicate_keys", zlib.compress(b'{"township": {"code": "330106001", "code": "330106002"}}'), "出现了两次"),
    ("nested_200000_deep", zlib.compress(b"[" * 200_000 + b"]" * 200_000), "已损坏或不完整"),
    ("integer_of_100000_digits", zlib.compress(b'{"a": ' + b"9" * 100_000 + b"}"), "已损坏或不完整"),
    ("nan_as_version", zlib.compress(json.dumps(_good(), ensure_ascii=False).replace(
        '"version_no": 1', '"version_no": NaN').encode()), "版本号"),
], ids=lambda v: v if isinstance(v, str) and v.isascii() else "")
def test_signed_aggregate_with_a_broken_records_member_is_refused(county, attack, data, words):
    _refused(county, _raw(county, data), words)


def test_aggregate_format_from_the_future_is_refused(county):
    _refused(county, _write(county, _good(), manifest={"aggregate_format": 3}), "更新版本")


def test_aggregate_format_not_a_number_is_refused(county):
    _refused(county, _write(county, _good(), manifest={"aggregate_format": "2"}), "清单不完整")


def test_village_claiming_to_be_the_township_is_refused(county):
    path = _write(county, _good(), manifest={"sender": {"code": TOWNSHIP, "name": "城关镇", "kind": "village"}})
    _refused(county, path, "乡镇")


def test_aggregate_addressed_to_another_county_is_refused(county):
    path = _write(county, _good(), manifest={"recipient": {"code": "330107", "name": "拱墅区"}})
    _refused(county, path, "不是发给本县")


def test_number_reused_with_other_contents_is_refused(county):
    county_import.apply_aggregate(county.session, _write(county, _good(), 2), county.site.paths)
    _refused(county, _write(county, synthetic_body(TOWNSHIP, "城关镇", 2, 1, seed=7), 2), "编号相同而内容不同")


def test_same_file_again_changes_nothing_and_a_gap_in_numbers_is_fine(county):
    path = _write(county, _good(), 2)
    county_import.apply_aggregate(county.session, path, county.site.paths)
    before = full_dump(county.db)
    assert county_import.apply_aggregate(county.session, path, county.site.paths).already_imported
    assert full_dump(county.db) == before
    plan = county_import.apply_aggregate(county.session, _write(county, _good(), 9), county.site.paths)
    assert not plan.older and county_service.townships()[0].last_number == 9


def test_number_far_in_the_future_is_refused(county):
    _refused(county, _write(county, _good(), 10**9), "不可能有这么多数据包")


def test_township_renaming_itself_in_the_body_keeps_the_registered_name(county):
    body = _good()
    body["township"]["name"] = "青山镇"  # another township's name
    plan = county_import.apply_aggregate(county.session, _write(county, body), county.site.paths)
    assert any("自称“青山镇”" in w for w in plan.warnings)
    assert [t.name for t in county_service.townships()] == ["城关镇"]


def test_first_contact_is_still_needed_for_a_stranger_key(county, tmp_path):
    """A package signed by another PC claiming the enrolled township (the key is pinned)."""
    path = write_aggregate(tmp_path / "另一台电脑", _good(), 2, county.usb)
    before = full_dump(county.db)
    with pytest.raises(PackageRefused, match="不是由登记的那台电脑签名"):
        county_import.apply_aggregate(county.session, path, county.site.paths, confirm=first_contact.confirmer("x"))
    assert full_dump(county.db) == before


def test_zero_width_space_pasted_into_a_rule_title_is_kept_not_refused(county):
    """A village's own text it may have pasted from a web page: refusing it would refuse every 汇总包 of its
    township for words the township cannot change. Only names (the township's, its villages') refuse it."""
    body = _good()
    body["filings"][0]["title"] = "城关1村村规\u200b民约"
    body["filings"][0]["articles"][0][1] = "第一章\ufeff 总则"
    county_import.apply_aggregate(county.session, _write(county, body), county.site.paths)
    assert "城关1村村规\u200b民约" in [f.title for f in county_service.filings()]
