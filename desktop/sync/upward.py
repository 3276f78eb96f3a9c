"""The township's package for the county (县级汇总包): the aggregate, one level up.

Same `.cwpkg` format, signed by the township's key (its public key and
fingerprint are in the manifest: the county pins it from the first package
after a person confirmed the fingerprint by phone), but not encrypted — it
holds no personal data, only the register of villages, the compliance board
of every period (village × obligation: state and counts) and, since
aggregate format 2, the 备案 register with the filed rule texts (public
documents: `desktop.sync.upward_filings`). Once the township has read its
county's 入网文件 (`desktop.sync.county_enrollment`) the package is addressed
to that county (recipient code); before, it goes to "县级主管部门" with no
code, and a county refuses it until it has enrolled the township. `cunwu
export --to DIR` in township mode writes it; the county imports it
(`desktop.sync.county_import`); village and township installations refuse it,
with a plain reason.
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import compliance_service
from desktop.services.attachments_service import hash_file
from desktop.services.session import Session
from desktop.sync import counters, county_enrollment, keys, upward_filings
from desktop.sync import package_format as fmt
from models.clock import now_utc
from models.entities import MODE_TOWNSHIP
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.roles import Permission
from models.sync.records import OUT, STATUS_SENT, PackageLog

_C = "upward"
#: The peer code the county's packages are numbered and logged under.
COUNTY = "county"
COUNTY_LABEL = QT_TRANSLATE_NOOP(_C, "县级主管部门")
KIND = "aggregate"
#: What the body holds: 1 villages, obligations, periods; 2 also the 备案 register ("filings").
AGGREGATE_FORMAT = 2


@dataclass(frozen=True)
class UpwardResult:
    """What was written for the county."""

    path: Path
    number: int
    villages: int
    periods: int
    size: int


def file_name(township_code: str, number: int, when: datetime) -> str:
    """`<乡镇代码>_县级汇总_<NNNN>_<日期>.cwpkg`."""
    return f"{township_code}_县级汇总_{number:04d}_{when:%Y%m%d}{fmt.SUFFIX}"


def aggregate(today: date | None = None, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None, township_code: str = "") -> dict:
    """The township's aggregate: villages, obligations, every period's board cells, the filed rules."""
    today = today or date.today()
    periods = compliance_service.periods(today)
    out: dict = {"villages": [], "obligations": [], "periods": [],
                 "filings": upward_filings.filed_rules(township_code) if township_code else []}
    for n, period in enumerate(periods, start=1):
        if cancelled is not None and cancelled():
            raise fmt.Cancelled()
        board = compliance_service.board(period, today, with_trend=False)
        if not out["villages"]:
            out["villages"] = [{"code": v.code, "name": v.name, "province": v.province,
                                "data_as_of": v.data_as_of} for v in board.villages]
            out["obligations"] = [{"key": o.key, "label": o.label, "area": o.area, "basis": o.basis,
                                   "duty_of": o.duty_of} for o in board.obligations]
        out["periods"].append({
            "period": board.period, "label": board.period_label, "data_as_of": board.data_as_of,
            "cells": [[code, key, c.state, c.done, c.late, c.expected]
                      for (code, key), c in sorted(board.cells.items())],
            # the township's own duties (issue 17): its row, never in a village's rate
            "township": [[o.key, board.township_cell(o.key).state, board.township_cell(o.key).done,
                          board.township_cell(o.key).late, board.township_cell(o.key).expected]
                         for o in board.township_obligations]})
        if progress is not None:
            progress(n, len(periods) + 1)
    return out


def _readme(info, number: int, body: dict) -> str:
    lines = [
        "村务台账 县级汇总包",
        "",
        f"发送方:{info.name}({info.code})",
        f"编号:第 {number} 号",
        f"生成时间:{datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"内容:{len(body['villages'])} 个村、{len(body['periods'])} 个期间的合规情况汇总,"
        f"{len(body.get('filings', []))} 件已备案的村规民约及其条文(不含个人信息)。",
        "本文件由乡镇电脑签名;请用“村务台账”县级版本导入,不要解压或修改。",
    ]
    return "\r\n".join(lines) + "\r\n"


def export_for_county(session: Session, paths: AppPaths, folder: Path, today: date | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      now: datetime | None = None) -> UpwardResult:
    """Write the county aggregate into `folder` (township only); logged as sent.

    Raises:
        ValidationError: not a township, or the folder is missing.
        PackageWriteError: the target could not be written (nothing valid-looking left).
        package_format.Cancelled: the person cancelled.
    """
    session.require(Permission.EXCHANGE)
    info = session.installation_info()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "只有乡镇可以导出县级汇总包。")))
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"),
                                  path=folder))
    body = aggregate(today, progress, cancelled, township_code=info.code)
    body["township"] = {"code": info.code, "name": info.name, "province": info.province}
    county = county_enrollment.county_peer()
    keypair = keys.load_or_create(paths.keys)
    now = now or datetime.now()
    number = counters.reserved_number(paths.data_dir, COUNTY) + 1
    manifest = {
        "format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__, "schema_version": SCHEMA_VERSION,
        "kind": KIND, "aggregate_format": AGGREGATE_FORMAT, "package_id": str(uuid.uuid4()),
        "sender": {"code": info.code, "name": info.name, "kind": info.mode, "province": info.province},
        "recipient": ({"code": county.code, "name": county.name} if county is not None
                      else {"code": "", "name": "县级主管部门"}),
        "number": number, "created_at": now_utc(),
        "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public},
        "counts": {"villages": len(body["villages"]), "periods": len(body["periods"]),
                   "filings": len(body["filings"])},
    }
    data = zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    name = file_name(info.code, number, now)
    counters.reserve(paths.data_dir, COUNTY, number, 0)
    path = fmt.write_package(folder, name, manifest, _readme(info, number, body), [fmt.Member(fmt.RECORDS, data)],
                             keypair.signing, total=1)
    if progress is not None:
        progress(len(body["periods"]) + 1, len(body["periods"]) + 1)
    PackageLog.create(direction=OUT, peer_code=COUNTY, number=number, kind=KIND, file_name=path.name,
                      file_sha256=hash_file(path)[0], created_at=manifest["created_at"],
                      seq_from=0, seq_to=0, records=len(body["villages"]),
                      counts=json.dumps(manifest["counts"], ensure_ascii=False), status=STATUS_SENT)
    return UpwardResult(path, number, len(body["villages"]), len(body["periods"]), path.stat().st_size)


def read_aggregate(path: Path) -> tuple[dict, dict]:
    """(manifest, body) of a county aggregate, signature checked against the key it carries.

    For tests and for the county side to come.

    Raises:
        PackageRefused: not an aggregate, or corrupt.
    """
    opened = fmt.open_package(path)
    try:
        if opened.manifest.get("kind") != KIND:
            raise fmt.refused(QT_TRANSLATE_NOOP(_C, "这不是县级汇总包。"))
        opened.verify_signature(str(opened.manifest.get("sender_keys", {}).get("sign", "")))
        body = json.loads(zlib.decompress(opened.read(fmt.RECORDS)).decode("utf-8"))
        return opened.manifest, body
    finally:
        opened.close()

