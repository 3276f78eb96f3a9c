"""Issue 19, county mode: the county's 入网文件 and 回执 at a township, signed with the county's real key, lying.

A file signed by the county's own key proves it came from that PC, not that
what it says is allowed. Each case is one attack: refused with a Chinese
reason, the township's database byte-identical (`full_dump`: peers, package
log, audit chain, its own name). Before the fix: a 回执 for 汇总包 the
township never sent was recorded as received (the 报表 page said "县里已收到第
999 号汇总包"), a 回执 numbered 10^15 was stored as the county's last number,
deep nesting in either file was a RecursionError traceback, a county code that
is not the township's prefix reached `validate_code`'s ValidationError
uncaught, and a county or township name with a control character or a
right-to-left override was pinned (and, for a new township, became its own
name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.sync import county_enrollment, county_receipt, keys
from desktop.sync import package_format as fmt
from models.errors import CunwuError, PackageRefused
from tests.support.county import COUNTY_CODE, county_chain
from tests.support.sites import TOWNSHIP_CODE, full_dump


@pytest.fixture
def chain(tmp_path):
    """西湖区 — 青山镇 (joined; its 第 1 号汇总包 written, so sent) — 青山村."""
    return county_chain(tmp_path)


def _setup_file(key_dir: Path, out: Path, township: dict | None = None, county: dict | None = None,
                raw: bytes | None = None) -> Path:
    pair = keys.load_or_create(key_dir)
    body = {"township": {"code": TOWNSHIP_CODE, "name": "青山镇", "province": "zhejiang", **(township or {})},
            "county": {"code": COUNTY_CODE, "name": "西湖区", "province": "zhejiang", "sign": pair.sign_public,
                       "box": pair.box_public, **(county or {})}}
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": "t", "schema_version": 1,
                "kind": county_enrollment.KIND, "package_id": "attack",
                "sender": {"code": body["county"]["code"], "name": "西湖区", "kind": "county"},
                "recipient": {"code": body["township"]["code"], "name": "青山镇"}, "created_at": "2026-11-22T01:00:00Z",
                "sender_keys": {"sign": pair.sign_public, "box": pair.box_public}}
    out.mkdir(parents=True, exist_ok=True)
    data = raw if raw is not None else fmt.canonical_json(body)
    return fmt.write_package(out, f"{TOWNSHIP_CODE}_入网文件_attack.cwpkg", manifest, "x",
                             [fmt.Member(fmt.SETUP, data)], pair.signing)


def _receipt(chain, out: Path, received: list | None = None, number: int = 1, raw: bytes | None = None,
             note: str = "") -> Path:
    pair = keys.load_or_create(chain.county.paths.keys)
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": "t", "schema_version": 1,
                "kind": county_receipt.KIND, "package_id": f"r{number}", "counts": {"received": len(received or [1])},
                "sender": {"code": COUNTY_CODE, "name": "西湖区", "kind": "county"},
                "recipient": {"code": TOWNSHIP_CODE, "name": "青山镇"}, "number": number,
                "created_at": "2026-12-01T01:00:00Z", "sender_keys": {"sign": pair.sign_public, "box": pair.box_public}}
    items = [{"number": n, "imported_at": "2026-11-30T08:00:00Z", "note": note} for n in (received or [1])]
    data = raw if raw is not None else fmt.canonical_json({"received": items})
    out.mkdir(parents=True, exist_ok=True)
    return fmt.write_package(out, f"receipt_{number}_{len(list(out.iterdir()))}.cwpkg", manifest, "x",
                             [fmt.Member(fmt.RECORDS, data)], pair.signing)


def _township_refuses_setup(chain, path: Path, words: str) -> None:
    chain.township.use()
    before = full_dump(chain.township.paths.database)
    with pytest.raises(PackageRefused, match=words):
        county_enrollment.accept_county_setup(county_enrollment.read_county_setup(path))
    assert full_dump(chain.township.paths.database) == before


def _township_refuses_receipt(chain, path: Path, words: str) -> None:
    session = chain.township.use()
    before = full_dump(chain.township.paths.database)
    with pytest.raises(PackageRefused, match=words):
        county_receipt.import_receipt(session, path, chain.township.paths)
    assert full_dump(chain.township.paths.database) == before


DEEP = b'{"township": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"

SETUP_ATTACKS = {
    "for_another_township": ({"township": {"code": "330106002", "name": "白沙镇"}}, "是给白沙镇"),
    "county_code_not_the_townships_prefix": ({"county": {"code": "330107"}}, "不属于本县"),
    "county_code_malformed": ({"county": {"code": "33O106"}}, "县代码应为 6 位数字"),
    "box_key_tampered": ({"county": {"box": "AAAA"}}, "已损坏或不完整"),
    "county_name_right_to_left": ({"county": {"name": "\u202e区湖西"}}, "已损坏或不完整"),
    "county_name_with_nul": ({"county": {"name": "西湖\x00区"}}, "已损坏或不完整"),
    "county_name_with_zero_width_space": ({"county": {"name": "西\u200b湖区"}}, "已损坏或不完整"),
    "county_name_huge": ({"county": {"name": "区" * 100_000}}, "名称应为 2 到 32 个字"),
    "township_name_with_newline": ({"township": {"name": "青山镇\n✔ 指纹已核对"}}, "已损坏或不完整"),
    "province_an_object": ({"township": {"province": {"a": 1}}}, "省份配置"),
}


@pytest.mark.parametrize("attack", sorted(SETUP_ATTACKS))
def test_signed_county_setup_that_lies_is_refused_at_a_running_township(chain, tmp_path, attack):
    changes, words = SETUP_ATTACKS[attack]
    _township_refuses_setup(chain, _setup_file(chain.county.paths.keys, tmp_path / "u", **changes), words)


def test_county_setup_nested_100000_deep_is_refused_not_a_traceback(chain, tmp_path):
    _township_refuses_setup(chain, _setup_file(chain.county.paths.keys, tmp_path / "u", raw=DEEP), "已损坏或不完整")


def test_second_county_cannot_take_over_an_enrolled_township(chain, tmp_path):
    _township_refuses_setup(chain, _setup_file(tmp_path / "另一个县的电脑", tmp_path / "u"), "已经加入西湖区")


def test_new_township_from_a_hostile_setup_is_not_created(chain, tmp_path):
    """`cunwu init township --setup FILE`: the name would become the township's own."""
    path = _setup_file(chain.county.paths.keys, tmp_path / "u", township={"name": "青山\u202e镇"})
    from desktop.paths import AppPaths
    from tests.support.sites import Site

    fresh = Site(AppPaths(tmp_path / "新乡镇"), "township")
    fresh.use()
    with pytest.raises(CunwuError, match="已损坏或不完整"):
        county_enrollment.initialize_from_county_setup(path)
    from desktop.services import setup_service

    assert setup_service.current() is None


def test_receipt_for_aggregates_never_sent_is_refused(chain, tmp_path):
    _township_refuses_receipt(chain, _receipt(chain, tmp_path / "u", received=[1, 999]), "没有发出过")


def test_receipt_numbered_far_in_the_future_is_refused(chain, tmp_path):
    _township_refuses_receipt(chain, _receipt(chain, tmp_path / "u", number=10**15), "不可能有这么多")


def test_receipt_nested_100000_deep_is_refused_not_a_traceback(chain, tmp_path):
    _township_refuses_receipt(chain, _receipt(chain, tmp_path / "u", raw=b'{"received": ' + DEEP + b"}"),
                              "已损坏或不完整")


def test_receipt_note_with_control_characters_is_refused(chain, tmp_path):
    _township_refuses_receipt(chain, _receipt(chain, tmp_path / "u", note="已收\x1b[2J\u202e"), "已损坏或不完整")


def test_receipt_date_not_a_date_is_refused(chain, tmp_path):
    raw = fmt.canonical_json({"received": [{"number": 1, "imported_at": "<b>昨天</b>", "note": ""}]})
    _township_refuses_receipt(chain, _receipt(chain, tmp_path / "u", raw=raw), "已损坏或不完整")


def test_receipt_from_a_county_the_township_never_joined_is_refused(chain, tmp_path):
    pair = keys.load_or_create(tmp_path / "冒充的县")
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": "t", "schema_version": 1,
                "kind": county_receipt.KIND, "package_id": "x", "counts": {"received": 1},
                "sender": {"code": COUNTY_CODE, "name": "西湖区", "kind": "county"},
                "recipient": {"code": TOWNSHIP_CODE, "name": "青山镇"}, "number": 1, "created_at": "2026-12-01",
                "sender_keys": {"sign": pair.sign_public, "box": pair.box_public}}
    (tmp_path / "u").mkdir()
    path = fmt.write_package(tmp_path / "u", "r.cwpkg", manifest, "x",
                             [fmt.Member(fmt.RECORDS, fmt.canonical_json({"received": [{"number": 1,
                                                                                        "imported_at": "2026-12-01"}]}))],
                             pair.signing)
    _township_refuses_receipt(chain, path, "不是由西湖区登记的那台电脑签名")


def test_receipt_replayed_changes_nothing(chain, tmp_path):
    path = _receipt(chain, tmp_path / "u")
    session = chain.township.use()
    county_receipt.import_receipt(session, path, chain.township.paths)
    before = full_dump(chain.township.paths.database)
    county_receipt.import_receipt(session, path, chain.township.paths)
    assert full_dump(chain.township.paths.database) == before
    assert county_receipt.latest().last_number == 1


@pytest.mark.parametrize("name", ["白沙\u202e镇", "白沙\x00镇", "白\u200b沙镇", "白沙镇\n✔ 指纹已核对"])
def test_county_refuses_to_enrol_a_township_under_an_unprintable_name(chain, tmp_path, name):
    """The county's own typing: the 入网文件 it would write is one every township refuses."""
    from desktop.services import county_exchange_service as ces
    from models.errors import ValidationError

    session = chain.county.use()
    before = full_dump(chain.county.paths.database)
    (tmp_path / "u").mkdir()
    with pytest.raises(ValidationError, match="控制字符"):
        ces.enroll_township(session, chain.county.paths, "330106002", name, tmp_path / "u")
    assert full_dump(chain.county.paths.database) == before and not list((tmp_path / "u").iterdir())


def test_init_county_with_an_unprintable_name_is_refused(tmp_path, capsys):
    from desktop import cli
    from models.db import close_database

    close_database()
    code = cli.main(["--data-dir", str(tmp_path / "县"), "--json", "init", "county", "--name", "西湖\u202e区",
                     "--code", COUNTY_CODE])
    assert code == 1 and "控制字符" in capsys.readouterr().out
    close_database()  # nothing half-made: the same folder is then set up with the right name
    assert cli.main(["--data-dir", str(tmp_path / "县"), "--json", "init", "county", "--name", "西湖区",
                     "--code", COUNTY_CODE]) == 0
    close_database()
