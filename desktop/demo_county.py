"""The county demo: three small townships built as real installations, their 汇总包 imported the real way.

For each township the county enrols it (入网文件); a township data folder is
made from that file in a temporary folder (`county_enrollment`), filled with
the township demo (`demo_township.fill_township`: its villages are real
installations too, their packages imported), and its 县级汇总包 exported —
addressed to this county and carrying the filed rule texts. The county then
imports each one through `county_import.apply_aggregate`, confirmed by the
fingerprint read from that township's own key files (`first_contact.own_keys`:
no one to phone, the keys are the demo's own).

Only one database is open per process (`models.db.database` is global): the
county's is closed while a township is built and reopened for the imports.
Small on purpose (3 townships × 3 villages × 1 year by default): it runs in
the first-run wizard and in the tests' session templates.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.demo import DemoResult, _create_demo_users
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from desktop.sync import county_enrollment, county_import, first_contact, keys, upward
from models.db import close_database, database
from models.entities import MODE_COUNTY, MODE_TOWNSHIP
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.sync.records import Peer

_C = "demo"

#: (the last three digits of the township's code, its name) — codes under the county's.
TOWNSHIPS = (("001", "城关镇"), ("002", "青山镇"), ("003", "溪口乡"), ("004", "云岭镇"), ("005", "石门乡"))

Progress = Callable[[int, int, Message], None]


@dataclass(frozen=True)
class BuiltTownship:
    """A demo township's 汇总包, ready for the county."""

    code: str
    name: str
    package: Path
    fingerprint: str


def fill_county(session: Session, paths: AppPaths, townships: int = 3, villages: int = 3, years: int = 1,
                progress: Progress | None = None, today: date | None = None,
                keep: Path | None = None) -> DemoResult:
    """Enrol `townships` demo townships, build each with `villages` villages, import their 汇总包.

    `paths` is the county's data folder, whose database is open (and open again on
    return). With `keep`, the townships' data folders and packages are built there and
    kept (tests read the township side); otherwise in a temporary folder, removed after.

    Raises:
        ValidationError: not a county, or the county already enrolled townships.
    """
    info = session.installation_info()
    if info is None or info.mode != MODE_COUNTY:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "县级演示数据只能放进县级版的数据文件夹。")))
    if Peer.select().exists():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这个县已经登记了乡镇。演示数据只能放进新建的数据库,以免和真实记录混在一起。")))
    if not 1 <= townships <= len(TOWNSHIPS) or not 1 <= villages <= 30 or not 1 <= years <= 10:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "县级演示:乡镇数应在 1 到 5 之间,每个乡镇的村数在 1 到 30 之间,年数在 1 到 10 之间。")))
    today = today or date.today()
    scratch = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="cunwu-county-demo-"))
    result = DemoResult()
    total = townships * 2
    try:
        built = []
        for n, (suffix, name) in enumerate(TOWNSHIPS[:townships], start=1):
            code = info.code + suffix
            setup = county_enrollment.enroll_township(session, paths, code, name, _folder(scratch / "入网文件"))
            close_database()
            try:
                built.append(build_township(setup, scratch / "乡镇" / code, _folder(scratch / "U盘" / code),
                                            villages, years, today, seed=7 + n, first=(n - 1) * villages))
            finally:
                close_database()
                open_store(paths, backup_before_migration=False)
            if progress:
                progress(n, total, msg(_C, QT_TRANSLATE_NOOP(_C, "已生成{name}({code})的演示数据和县级汇总包"),
                                       name=name, code=code))
        for n, b in enumerate(built, start=1):
            plan = county_import.apply_aggregate(session, b.package, paths, confirm=first_contact.own_keys(b.fingerprint))
            result.villages += plan.villages
            result.counts["packages"] = result.counts.get("packages", 0) + 1
            result.counts["filings"] = result.counts.get("filings", 0) + plan.filings
            if progress:
                progress(townships + n, total, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "已导入{name}的第 {number} 号县级汇总包({villages} 个村)"),
                    name=b.name, number=plan.number, villages=plan.villages))
        result.counts["townships"] = len(built)
        with database.atomic():
            _create_demo_users(MODE_COUNTY, result)
            setup_service.mark_demo()
    finally:
        if keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    return result


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def build_township(setup_file: Path, folder: Path, out_dir: Path, villages: int, years: int, today: date,
                   seed: int, first: int = 0) -> BuiltTownship:
    """One township installation from the county's 入网文件, filled with the township demo; its 汇总包.

    `first`: where in the township demo's spread its villages start (`demo_township.plan_villages`),
    so townships differ in their villages' names, diligence and records.

    Runs with the county's database closed; leaves the township's closed.
    """
    paths = AppPaths(folder)
    open_store(paths, backup_before_migration=False)
    try:
        installed, _setup = county_enrollment.initialize_from_county_setup(setup_file)
        session = cli_session(MODE_TOWNSHIP)
        from desktop import demo_township

        demo_township.fill_township(session, paths, villages=villages, years=years, seed=seed, workers=1,
                                    today=today, first=first)
        written = upward.export_for_county(session, paths, out_dir, today=today)
    finally:
        close_database()
    return BuiltTownship(installed.code, installed.name, written.path, keys.load_or_create(paths.keys).fingerprint)
