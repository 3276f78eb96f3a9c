"""County mode for tests (issue 19): a county and its townships exchanging real packages on disk.

Two shapes, each built once per session (`templates`) and copied per test:

- `county_chain(root)`: 西湖区 (330106) that enrolled 青山镇 (330106001); the township is a
  *running* installation (`make_pair`'s, with 青山村's first package imported and its 村规民约
  filed) that read the county's 入网文件 with `import`; its first 县级汇总包 is on the U盘,
  not yet imported. The real path end to end, nothing synthetic.
- `synthetic_county(root, townships, villages, years)`: a county with `townships` townships
  whose 汇总包 are written from generated boards (every village × obligation × period cell,
  one filed rule each) and signed by each township's own key, then imported the real way
  (`county_import.apply_aggregate`, first contact confirmed with the township's own key).
  Fast at any scale (the bench's 20 × 30), and what the county screens' tests start from
  (`county_into_store`).

`cunwu demo` at a county builds real townships instead (`desktop.demo_county`): slower.
"""

from __future__ import annotations

import json
import random
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from desktop.sync import county_enrollment, county_import, keys, upward
from desktop.sync import package_format as fmt
from models.db import close_database
from models.township.board import LATE, MISSING, NA, OK
from models.township.compliance import OBLIGATIONS, quarter_label
from tests.support import templates
from tests.support.first_contact import confirmed_by
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, Site, make_pair

COUNTY_CODE, COUNTY_NAME = "330106", "西湖区"


@dataclass
class Chain:
    """The folders of `county_chain` (databases closed)."""

    county: Site
    township: Site
    village: Site
    usb: Path
    first_aggregate: Path  # the township's 第 1 号 县级汇总包, addressed to the county


def county_chain(root: Path) -> Chain:
    """西湖区 — 青山镇 — 青山村 as real installations; see the module docstring."""
    def build(into: Path) -> dict:
        from desktop.demo_township import _register_paper_filings
        from desktop.sync import exporter, importer

        township, village, usb = make_pair(into, years=1)
        session = village.use()
        package = exporter.export_package(session, village.paths, usb)
        session = township.use()
        importer.apply_import(session, package.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
        _register_paper_filings(session, [SimpleNamespace(code=VILLAGE_CODE)])  # the township files the rule
        county = Site(AppPaths(into / "县"), "county")
        session = county.use()
        setup_service.initialize("county", COUNTY_NAME, COUNTY_CODE, "zhejiang")
        setup_file = county_enrollment.enroll_township(session, county.paths, TOWNSHIP_CODE, "青山镇", usb)
        session = township.use()
        county_enrollment.accept_county_setup(county_enrollment.read_county_setup(setup_file))  # a running township
        written = upward.export_for_county(session, township.paths, usb)
        close_database()
        return {"aggregate": written.path.name}

    made = templates.template(("county_chain",), build)
    templates.copy_tree(made, root)
    return Chain(Site(AppPaths(root / "县"), "county"), Site(AppPaths(root / "乡镇"), "township"),
                 Site(AppPaths(root / "村"), "village"), root / "U盘", root / "U盘" / made.result["aggregate"])


# --- synthetic townships --------------------------------------------------------------------------

_STATES = (OK, OK, OK, OK, LATE, MISSING, NA)
_ARTICLE = "第{n}条 村民应当爱护公共设施,维护村容整洁;涉及土地承包的事项依法由村民会议讨论决定。"


def synthetic_body(township_code: str, name: str, villages: int, years: int, seed: int,
                   last_year: int = 2026) -> dict:
    """A township's aggregate body as `upward.aggregate` writes it: villages × obligations × quarters and years."""
    rng = random.Random(seed)
    codes = [f"{township_code}{i:03d}" for i in range(1, villages + 1)]
    periods = []
    for year in range(last_year, last_year - years, -1):
        for code_label in [(f"{year}Q{q}", quarter_label(year, q)) for q in (4, 3, 2, 1)] + [(str(year), f"{year}年度")]:
            cells = []
            for code in codes:
                for o in OBLIGATIONS:
                    state = rng.choice(_STATES)
                    done = 1 if state in (OK, LATE) else 0
                    cells.append([code, o.key, state, done, int(state == LATE), 1])
            periods.append({"period": code_label[0], "label": code_label[1], "data_as_of": f"{last_year}-11-20",
                            "cells": cells, "township": [["escalations", OK, 1, 0, 1]]})
    return {
        "township": {"code": township_code, "name": name, "province": "zhejiang"},
        "villages": [{"code": c, "name": f"{name[:2]}{i}村", "province": "zhejiang", "data_as_of": f"{last_year}-11-20"}
                     for i, c in enumerate(codes, start=1)],
        "obligations": [{"key": o.key, "label": o.label, "area": o.area, "basis": o.basis, "duty_of": o.duty_of}
                        for o in OBLIGATIONS],
        "periods": periods,
        "filings": [{"village": c, "title": f"{name[:2]}{i}村村规民约", "version_no": 1, "adopted_on": "2024-03-02",
                     "filed_on": "2024-03-10", "receipt_no": f"{name}备〔2024〕{i}号", "receipt_date": "2024-03-20",
                     "correction": "", "articles": [[n, "第一章 总则", f"第{n}条", _ARTICLE.format(n=n)]
                                                    for n in range(1, 6)]}
                    for i, c in enumerate(codes, start=1)],
    }


def write_aggregate(key_dir: Path, body: dict, number: int, out_dir: Path, county_code: str = COUNTY_CODE,
                    manifest_changes: dict | None = None) -> Path:
    """A signed 县级汇总包 of `body` as `upward.export_for_county` writes it (the key in `key_dir`)."""
    keypair = keys.load_or_create(key_dir)
    town = body.get("township", {}) if isinstance(body, dict) else {}
    manifest = {
        "format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": "test", "schema_version": 1,
        "kind": upward.KIND, "aggregate_format": upward.AGGREGATE_FORMAT, "package_id": str(uuid.uuid4()),
        "sender": {"code": town.get("code"), "name": town.get("name"), "kind": "township", "province": "zhejiang"},
        "recipient": {"code": county_code, "name": COUNTY_NAME}, "number": number,
        "created_at": "2026-11-21T02:00:00Z", "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public},
        "counts": {"villages": len(body.get("villages", [])), "periods": len(body.get("periods", [])),
                   "filings": len(body.get("filings", []))},
    }
    manifest.update(manifest_changes or {})
    data = zlib.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"), 6)
    out_dir.mkdir(parents=True, exist_ok=True)
    return fmt.write_package(out_dir, upward.file_name(str(town.get("code")), number, __import__("datetime").datetime(
        2026, 11, 21)), manifest, "测试", [fmt.Member(fmt.RECORDS, data)], keypair.signing, total=1)


TOWNSHIP_NAMES = ("城关镇", "青山镇", "溪口乡", "云岭镇", "石门乡", "白沙镇", "桃源乡", "龙泉镇", "清溪镇", "柳营乡",
                  "东坝镇", "西岭乡", "南山镇", "北湖镇", "新塘乡", "马鞍镇", "双河镇", "高桥乡", "杨柳镇", "金竹乡")


def fill_synthetic(session: Session, county_paths: AppPaths, scratch: Path, townships: int, villages: int,
                   years: int) -> list[Path]:
    """Enrol `townships` townships at the open county and import a synthetic 汇总包 of each; the packages."""
    written = []
    for i in range(townships):
        code, name = f"{COUNTY_CODE}{i + 1:03d}", TOWNSHIP_NAMES[i % len(TOWNSHIP_NAMES)]
        county_enrollment.enroll_township(session, county_paths, code, name, _mkdir(scratch / "入网文件"))
        key_dir = scratch / "keys" / code
        path = write_aggregate(key_dir, synthetic_body(code, name, villages, years, seed=i), 1, scratch / "U盘")
        county_import.apply_aggregate(session, path, county_paths,
                                      confirm=confirmed_by(SimpleNamespace(keys=key_dir)))
        written.append(path)
    return written


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def synthetic_county(root: Path, townships: int = 3, villages: int = 3, years: int = 1) -> Site:
    """A county folder under `root/县` with synthetic townships imported (built once per session)."""
    def build(into: Path) -> None:
        county = Site(AppPaths(into / "县"), "county")
        session = county.use()
        setup_service.initialize("county", COUNTY_NAME, COUNTY_CODE, "zhejiang")
        fill_synthetic(session, county.paths, into / "scratch", townships, villages, years)
        close_database()

    templates.copy_tree(templates.template(("synthetic_county", townships, villages, years), build), root)
    return Site(AppPaths(root / "县"), "county")


def county_into_store(townships: int = 3, villages: int = 3, years: int = 1) -> Session:
    """The open (empty) test database becomes a county with synthetic townships and an administrator.

    For the county screens' tests: request the `store` fixture, then call this; returns the
    administrator's session (password `sites.ADMIN_PASSWORD`).
    """
    from desktop.services import auth_service
    from tests.support.sites import ADMIN_PASSWORD

    def build(into: Path) -> None:
        paths = AppPaths(into / "data")
        open_store(paths, backup_before_migration=False)
        setup_service.initialize("county", COUNTY_NAME, COUNTY_CODE, "zhejiang")
        setup_service.create_user(None, "admin", "管理员", "county_admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
        fill_synthetic(cli_session("county"), paths, into / "scratch", townships, villages, years)
        close_database()

    target = templates.open_paths()  # before a first build, which closes the test's database
    made = templates.template(("county_into_store", townships, villages, years), build)
    templates.copy_data_folder(made.root / "data", target)
    return auth_service.login("admin", ADMIN_PASSWORD)
