"""The township demo: villages built as real installations, their packages imported the real way.

For each village the township enrols it (入网文件), a village data folder is
made from that file in a temporary folder, filled with the village demo
(`demo.fill_village`, a distinct seed each) and its full package exported;
the township then imports every package through `importer.apply_import`, in
order, exactly as a person would from a U盘 — each first package confirmed by
the fingerprint read from that village's own key files (`first_contact.own_keys`:
no one to phone, and the keys are the demo's own). So the demo also exercises
enrolment, export, signing, encryption and import at township scale.

The villages differ the way real ones do (`plan_villages`): most are
diligent, some late (disclosures posted after the deadline or not at all,
fewer meetings), a few silent (their history, and their last package, end
months ago), and one or two have sent their 村规民约 draft for review. Their
2026 换届 are at different stages, some with an irregularity (`_ELECTIONS`),
for the township's 换届 board.

Time: the demo generates every package within a minute, but a real township
received them over months. `_stamp_received` writes the simulated dates of
receipt into the exchange bookkeeping (PackageLog, Peer) after the imports —
a demo-only step, documented here, so that “没有消息 N 天” is computed by the
same code as for real data from the dates a real township would have.

Only one database is open per process (`models.db.database` is global):
the village folders are built either in worker processes (each its own
database) or, with `workers=1`, in this process after closing the township's
database, which is reopened for the imports. Call it with no other thread
using the database (the CLI, or a GUI before its main window opens).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop.demo import DemoResult, _create_demo_users, _refuse_if_not_empty
from desktop.paths import AppPaths
from desktop.services import setup_service, status_service
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from desktop.sync import enrollment, exporter, first_contact, importer, keys
from models.db import close_database, database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE, AppMeta
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.sync.records import IN, OUT, PackageLog, Peer

_C = "demo"

DILIGENT, LATE, SILENT = "diligent", "late", "silent"
#: The spread repeats every ten villages: 7 diligent, 2 late, 1 silent. A three-village
#: demo still has one of each.
_PATTERN = (DILIGENT, LATE, SILENT, DILIGENT, DILIGENT, LATE, DILIGENT, DILIGENT, DILIGENT, DILIGENT)
#: Which villages send their 2026 村规民约 draft for review (diligent ones, by position).
_SUBMITTING = (0, 3)
#: The largest demo township (the bench builds 500 villages; 200 is a large real one).
MAX_VILLAGES = 500
#: Silent villages stop 70 days apart; after this many the spread starts again, so a 500-village
#: township's last silent village stopped about four years ago (as the 200th did), not ten.
_SILENT_RANKS = 20

#: How far each village's 2026 换届 has got (stage, story, twist of `desktop.demo_elections`), by position,
#: so the township's 换届 board shows every stage and each irregularity it catches: one village hands
#: over late, one elects no woman, one publishes its 选民名单 15 days before the vote, one recalled a
#: member and held a 补选. The first three differ (a three-village demo shows three stages). A
#: silent village's stage is as of its last package: the board then sees it stalled.
_ELECTIONS = (
    ("done", "", ""), ("voted", "", ""), ("committee", "", ""), ("announced", "", "no_woman"),
    ("candidates", "", "roll_late"), ("planned", "recall", ""), ("handed_over", "", ""),
    ("done", "", "late_handover"), ("roll", "", ""), ("done", "", "runoff"),
    ("planned", "", ""), ("committee", "", ""), ("planned", "", ""), ("announced", "", ""),
    ("candidates", "", ""), ("planned", "", ""), ("done", "", ""), ("voted", "", ""), ("roll", "", ""),
    ("handed_over", "", ""), ("done", "", ""), ("planned", "", ""), ("roll", "", ""), ("candidates", "", ""),
    ("announced", "", ""), ("committee", "", ""), ("done", "", ""), ("planned", "", ""), ("voted", "", ""),
    ("done", "", ""),
)

VILLAGE_NAMES = [
    "青山村", "溪口村", "大坪村", "杨家庄村", "石桥村", "东岭村", "南塘村", "柳湾村", "新和村", "龙潭村",
    "上坝村", "桃源村", "白沙村", "枫树湾村", "李家坪村", "黄泥岗村", "竹园村", "下湾村", "松林村", "马鞍山村",
    "双河村", "前进村", "金鸡村", "凤凰村", "梅岭村", "团结村", "红旗村", "清水塘村", "高桥村", "岭下村",
    "茶山村", "陈家湾村", "长塘村", "鹤鸣村", "古井村", "新塘村", "樟树村", "荷花村", "西山村", "田心村",
    "五里村", "王家岭村", "黄土坡村", "石门村", "平安村", "大湾村", "和平村", "富民村", "兴隆村", "安乐村",
]

#: `progress(done, total, text)`: `text` is a `Message` (str() gives the Chinese source;
#: a GUI translates it with `ui.errors.message_text`).
Progress = Callable[[int, int, Message], None]


@dataclass(frozen=True)
class VillagePlan:
    """One demo village: who it is and what kind of village it is (picklable, for a worker)."""

    index: int
    code: str
    name: str
    kind: str  # diligent / late / silent
    households: int
    seed: int
    diligence: float
    data_until: date  # its history (and its last package) ends here
    received: date  # when the township received that package (simulated)
    submit_rules: bool
    years: int
    election_stage: str = "planned"  # the 2026 换届 (`desktop.demo_elections.STAGES`)
    election_twist: str = ""
    election_story: str = ""


@dataclass(frozen=True)
class _Job:
    plan: VillagePlan
    setup_file: str
    folder: str
    out_dir: str


@dataclass(frozen=True)
class _Built:
    """A village's full package, written by `build_village`."""

    code: str
    package: str
    fingerprint: str  # read from the village's own key files: the township confirms its first package by it
    size: int
    records: int
    seconds: float


def plan_villages(township_code: str, count: int, years: int, today: date, seed: int = 7,
                  first: int = 0) -> list[VillagePlan]:
    """The demo's villages, deterministic for a seed: codes, names, sizes and the spread.

    `first` starts the villages further along the spread, the names and the village seeds (codes
    still run 001, 002, … under the township): the county demo gives each township its own
    villages, so its board compares townships that differ instead of three copies of one.
    """
    rng = random.Random(seed)
    plans = []
    silent_rank = 0
    for n in range(count):
        i = first + n
        kind = _PATTERN[i % len(_PATTERN)]
        households = rng.randint(150, 620)
        if kind == DILIGENT:
            diligence, data_until = rng.uniform(0.92, 1.0), today
            received = today - timedelta(days=rng.randint(1, 20))
        elif kind == LATE:
            diligence, data_until = rng.uniform(0.45, 0.65), today
            received = today - timedelta(days=rng.randint(22, 60))
        else:
            silent_rank = silent_rank % _SILENT_RANKS + 1
            diligence = rng.uniform(0.75, 0.9)
            data_until = today - timedelta(days=90 + 70 * silent_rank + rng.randint(0, 20))
            received = data_until + timedelta(days=rng.randint(2, 6))
        name = VILLAGE_NAMES[i] if i < len(VILLAGE_NAMES) else f"第{i + 1}村"
        stage, story, twist = _ELECTIONS[i % len(_ELECTIONS)]
        plans.append(VillagePlan(
            n, f"{township_code}{n + 1:03d}", name, kind, households, 100 + i, round(diligence, 2),
            data_until, received, kind == DILIGENT and i in _SUBMITTING,
            max(1, years), stage, twist, story))
    return plans


def _default_workers(count: int) -> int:
    if getattr(sys, "frozen", False):
        return 1  # a frozen build cannot re-launch itself as a worker without freeze_support
    return max(1, min(count, os.cpu_count() or 1, 4))


def fill_township(session: Session, paths: AppPaths, villages: int = 30, years: int = 10, seed: int = 7,
                  progress: Progress | None = None, workers: int | None = None,
                  today: date | None = None, first: int = 0) -> DemoResult:
    """Enrol `villages` demo villages, build each as a real installation, import their packages.

    `paths` is the township's data folder, whose database is open. `progress(done,
    total, text)` is called after each village is built and after each import (the CLI
    prints the text, the GUI moves a bar). With `workers` > 1 the villages are built in
    that many processes; the imports stay here, in order.

    Raises:
        ValidationError: not a township, or the township already holds records.
    """
    info = session.installation_info()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "乡镇演示数据只能放进乡镇版的数据文件夹。")))
    _refuse_if_not_empty()
    if Peer.select().where(Peer.kind == MODE_VILLAGE).exists():  # its county (issue 19) may be pinned already
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这个乡镇已经登记了村庄。演示数据只能放进新建的数据库,以免和真实记录混在一起。")))
    if not 1 <= villages <= MAX_VILLAGES:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "村庄数应在 1 到 500 之间。")))
    today = today or date.today()
    plans = plan_villages(info.code, villages, years, today, seed, first)
    total = 2 * len(plans)
    workers = workers or _default_workers(len(plans))
    result = DemoResult()
    scratch = Path(tempfile.mkdtemp(prefix="cunwu-demo-"))
    try:
        built = enrol_and_build(session, paths, plans, scratch, workers, progress, total)
        by_code = {p.code: p for p in plans}
        for n, b in enumerate(built, start=1):
            plan = importer.apply_import(session, Path(b.package), paths, backup=False,
                                         confirm=first_contact.own_keys(b.fingerprint))
            result.villages += 1
            result.counts["packages"] = result.counts.get("packages", 0) + 1
            result.counts["records"] = result.counts.get("records", 0) + plan.total("new")
            if progress:
                progress(len(plans) + n, total, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "已导入{name}的第 {number} 号数据包(新增 {new} 条记录)"),
                    name=by_code[b.code].name, number=plan.number, new=plan.total("new")))
        _register_paper_filings(session, [p for p in plans if p.kind == DILIGENT])
        returns = scratch / "回执"
        returns.mkdir()
        for p in plans:
            if p.kind != SILENT:
                exporter.export_package(session, paths, returns, recipient_code=p.code)
        with database.atomic():
            for p in plans:
                _stamp_received(p, today, years)
            _stamp_status_line(plans, today)
            _create_demo_users(MODE_TOWNSHIP, result)
            setup_service.mark_demo()
        result.counts["package_bytes"] = sum(b.size for b in built)
        result.counts.update({k: sum(1 for p in plans if p.kind == k) for k in (DILIGENT, LATE, SILENT)})
        result.counts["rules_submitted"] = sum(1 for p in plans if p.submit_rules)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _register_paper_filings(session: Session, plans: list[VillagePlan]) -> None:
    """The township's 补登 of the paper receipts it gave the diligent villages before the software.

    At the township 备案 is only what its own register holds; a receipt a village
    recorded itself is a claim to check (`compliance_service`). A township that has
    used the software for a while has copied its own paper receipts in (numbered
    by the register, as the demo villages all typed the same number), so the
    diligent villages are filed; the late ones keep the warning, as a real township
    would see before checking.
    """
    from desktop.services import review_service
    from models.rules.records import RuleVersion

    for plan in plans:
        for v in (RuleVersion.live().where((RuleVersion.owner == plan.code) & (RuleVersion.filed_on != "")
                                           & RuleVersion.vote_meeting.is_null(False)
                                           & (RuleVersion.superseded == False))  # noqa: E712
                  .order_by(RuleVersion.version_no)):
            received = date.fromisoformat(v.filed_on)
            review_service.record_filing(session, v.id, received,
                                         date.fromisoformat(v.receipt_date) if v.receipt_date else received)


def enrol_and_build(session: Session, paths: AppPaths, plans: list[VillagePlan], scratch: Path,
                    workers: int | None = None, progress: Progress | None = None,
                    total: int | None = None) -> list[_Built]:
    """Enrol the planned villages and build each one's full package under `scratch`.

    The township's database (`paths`) is closed while the villages are built and
    open again on return. Returns the packages in the order of `plans`.
    """
    jobs = _enrol(session, paths, plans, scratch)
    close_database()  # the village builds open their own databases
    try:
        return _build_all(jobs, workers or _default_workers(len(jobs)), progress, total or 2 * len(jobs))
    finally:
        close_database()
        open_store(paths, backup_before_migration=False)


def _enrol(session: Session, paths: AppPaths, plans: list[VillagePlan], scratch: Path) -> list[_Job]:
    setup_dir = scratch / "入网文件"
    setup_dir.mkdir(parents=True)
    jobs = []
    for p in plans:
        setup_file = enrollment.enroll_village(session, paths, p.code, p.name, setup_dir)
        # One U盘 folder per village: a package writer clears stale `.part` files in its
        # folder, which would be another worker's package being written.
        out_dir = scratch / "U盘" / p.code
        out_dir.mkdir(parents=True)
        jobs.append(_Job(p, str(setup_file), str(scratch / "村" / p.code), str(out_dir)))
    return jobs


def _build_all(jobs: list[_Job], workers: int, progress: Progress | None, total: int) -> list[_Built]:
    """Each village's package, in the order of `jobs` (built in parallel when workers > 1)."""
    built: list[_Built] = []

    def report(b: _Built) -> None:
        built.append(b)
        if progress:
            name = next(j.plan.name for j in jobs if j.plan.code == b.code)
            progress(len(built), total, msg(_C, QT_TRANSLATE_NOOP(
                _C, "已生成{name}({code})的演示数据:{records} 条记录,数据包 {kb} KB,用时 {seconds} 秒"),
                name=name, code=b.code, records=b.records, kb=b.size // 1024, seconds=f"{b.seconds:.1f}"))

    if workers <= 1:
        for job in jobs:
            report(build_village(job))
    else:
        # spawn, not fork: the caller may be a GUI with threads; a fresh interpreter is safe.
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            for b in pool.imap_unordered(build_village, jobs):
                report(b)
    order = {j.plan.code: i for i, j in enumerate(jobs)}
    return sorted(built, key=lambda b: order[b.code])


def build_village(job: _Job) -> _Built:
    """One village installation from its 入网文件, filled with demo data; exports its full package.

    Runs in a worker process (or in the demo's process with its township database closed).
    """
    started = time.perf_counter()
    plan = job.plan
    paths = AppPaths(Path(job.folder))
    close_database()
    open_store(paths, backup_before_migration=False)
    try:
        enrollment.initialize_from_setup(Path(job.setup_file))
        session = cli_session(MODE_VILLAGE)
        from desktop import demo

        demo.fill_village(session, households=plan.households, years=plan.years, seed=plan.seed,
                          today=plan.data_until, diligence=plan.diligence, submit_rules=plan.submit_rules,
                          logins=False, election_stage=plan.election_stage, election_twist=plan.election_twist,
                          election_story=plan.election_story)  # only its package leaves this folder; accounts are never in one
        when = datetime.combine(plan.received - timedelta(days=1), datetime.min.time())
        written = exporter.export_package(session, paths, Path(job.out_dir), full=True, now=when)
    finally:
        close_database()
    fingerprint = keys.load_or_create(paths.keys).fingerprint
    return _Built(plan.code, str(written.path), fingerprint, written.size, written.records,
                  time.perf_counter() - started)


def _stamp_status_line(plans: list[VillagePlan], today: date) -> None:
    """Demo only: the status bar's “最近接收/最近发送” follow the simulated dates too."""
    latest = max(plans, key=lambda p: p.received)
    received = f"第 1 号 {latest.received - timedelta(days=1):%Y-%m-%d}({latest.name})"
    values = {status_service.KEY_LAST_RECEIVED: received}
    answered = [p for p in plans if p.kind != SILENT]
    if answered:
        last = max(min(today, p.received + timedelta(days=1)) for p in answered)
        values[status_service.KEY_LAST_SENT] = f"第 1 号 {last:%Y-%m-%d}"
    for key, value in values.items():
        AppMeta.insert(key=key, value=value).on_conflict(
            conflict_target=[AppMeta.key], update={AppMeta.value: value}).execute()


def _utc(day: date, hour: int) -> str:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _stamp_received(plan: VillagePlan, today: date, years: int) -> None:
    """Demo only: the dates a real township would have logged for this village's packages.

    The village was enrolled when its records start, wrote its package the day
    before it was received, and (unless silent) got its 回执 the day after.
    Nothing else is touched: the records are exactly as imported.
    """
    enrolled = min(plan.received - timedelta(days=30), today - timedelta(days=365 * min(years, 2)))
    received, written = _utc(plan.received, 2), _utc(plan.received - timedelta(days=1), 8)
    Peer.update(enrolled_at=_utc(enrolled, 1), last_in_at=received).where(Peer.code == plan.code).execute()
    PackageLog.update(logged_at=received, created_at=written).where(
        (PackageLog.peer_code == plan.code) & (PackageLog.direction == IN)).execute()
    if plan.kind != SILENT:
        sent = _utc(min(today, plan.received + timedelta(days=1)), 7)
        Peer.update(last_out_at=sent).where(Peer.code == plan.code).execute()
        PackageLog.update(logged_at=sent, created_at=sent).where(
            (PackageLog.peer_code == plan.code) & (PackageLog.direction == OUT)).execute()
