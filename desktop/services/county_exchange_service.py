"""What the county's screens and the township's county card do with packages, without Qt (issue 19).

The county side: enrol a township (its 入网文件), preview and import its
县级汇总包 (a first one only with the fingerprint a person typed after the
phone call), write the 回执, retire a township. The township side: recognise
the county's files, read and accept the county's 入网文件 (on a running
township, or in the first-run wizard with the first administrator), import
the county's 回执, and say what the county last acknowledged
(`county_ack`: "县里已于…收到第 N 号汇总包").

The heavy calls are plain functions the UI's job runner runs on a worker
thread (`desktop.services.worker.in_own_connection`), as in
`exchange_service`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services import installation, read_models, setup_service
from desktop.services.session import Session
from desktop.sync import county_enrollment, county_import, county_receipt, first_contact, importer
from desktop.sync import package_format as fmt
from models import audit
from models.db import database
from models.entities import MODE_TOWNSHIP
from models.errors import CunwuError, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.sync.records import PEER_RETIRED, Peer

_C = "county_exchange"

AggregatePlan = county_import.AggregatePlan
CountySetupInfo = county_enrollment.CountySetupInfo
CountyAck = county_receipt.CountyAck
ReceiptResult = county_receipt.ReceiptResult

#: What `county_file_kind` answers.
COUNTY_SETUP, COUNTY_RECEIPT, AGGREGATE = county_enrollment.KIND, county_receipt.KIND, county_import.KIND


# --- the county ---------------------------------------------------------------------------------

def enroll_township(session: Session, paths: AppPaths, code: str, name: str, out_dir: Path) -> Path:
    """County: register a township and write its 入网文件 into `out_dir`; returns the file."""
    return county_enrollment.enroll_township(session, paths, code, name, Path(out_dir))


def reenroll_township(session: Session, paths: AppPaths, code: str, reason: str, out_dir: Path) -> Path:
    """County: retire the township's old key (new PC) and write a new 入网文件; returns the file."""
    return county_enrollment.reenroll_township(session, paths, code, reason, Path(out_dir))


def retire_township(session: Session, code: str, reason: str) -> None:
    """County: stop accepting a township's 汇总包 (撤并, no longer this county's); its data stays readable.

    Raises:
        ValidationError: no reason, or no such township.
    """
    session.require(Permission.MANAGE_VILLAGES)
    if not (reason or "").strip():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "请写明停用的原因(如“已撤并入城关镇”)。")))
    peer = Peer.get_or_none((Peer.code == code) & (Peer.kind == MODE_TOWNSHIP))
    if peer is None:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记乡镇。"), code=code))
    with database.atomic():
        Peer.update(status=PEER_RETIRED).where(Peer.code == code).execute()
        audit.append(session.actor, "retire", "peer", code, {"status": peer.status},
                     {"status": PEER_RETIRED, "reason": reason.strip()})


def plan_aggregate(paths: AppPaths, path: Path) -> AggregatePlan:
    """Verify a 汇总包 and work out its preview (reads only; a refusal raises PackageRefused)."""
    return county_import.plan_aggregate(Path(path), paths)


def import_aggregate(session: Session, paths: AppPaths, path: Path, fingerprint: str | None = None) -> AggregatePlan:
    """Import a 汇总包 in one transaction; a township's first one needs `fingerprint` (what a person typed).

    Checked again on the file as it is now, not on the one previewed.
    """
    return county_import.apply_aggregate(session, Path(path), paths, confirm=first_contact.confirmer(fingerprint))


@dataclass(frozen=True)
class AggregateOutcome:
    """One file of a batch: its plan, or why it was refused."""

    path: Path
    plan: AggregatePlan | None
    error: CunwuError | None = None


def import_aggregates(session: Session, paths: AppPaths, files: list[Path],
                      fingerprints: dict[str, str] | None = None) -> list[AggregateOutcome]:
    """Several 汇总包 in the order given, each its own transaction; a first one only with its typed fingerprint.

    A refused file changes nothing and the others go on (`first_contact.batch_confirmer`).
    """
    out = []
    confirm = first_contact.batch_confirmer(fingerprints)
    for path in files:
        try:
            out.append(AggregateOutcome(Path(path), county_import.apply_aggregate(session, Path(path), paths,
                                                                                  confirm=confirm)))
        except CunwuError as exc:
            out.append(AggregateOutcome(Path(path), None, exc))
    return out


def export_receipts(session: Session, paths: AppPaths, folder: Path,
                    township_code: str | None = None) -> list[ReceiptResult]:
    """County: the 回执 for one township, or for every township it imported from; the files written."""
    if township_code:
        return [county_receipt.export_receipt(session, paths, township_code, Path(folder))]
    return county_receipt.export_receipts(session, paths, Path(folder))


def record_refusal(paths: AppPaths, path: Path, reason: str) -> None:
    """Note a file refused at preview in the journal (the database is not touched)."""
    importer.journal_refusal(paths.data_dir, Path(path), reason)


# --- the township -------------------------------------------------------------------------------

def county_file_kind(path: Path) -> str:
    """COUNTY_SETUP, COUNTY_RECEIPT or AGGREGATE by the file's manifest ("" anything else or unreadable)."""
    try:
        opened = fmt.open_package(Path(path))
    except CunwuError:
        return ""
    try:
        kind = opened.manifest.get("kind")
        return kind if kind in (COUNTY_SETUP, COUNTY_RECEIPT, AGGREGATE) else ""
    finally:
        opened.close()


def read_county_setup(path: Path) -> CountySetupInfo:
    """Open and verify the county's 入网文件: the township's name and code and the county's fingerprint."""
    return county_enrollment.read_county_setup(Path(path))


def check_county_setup(path: Path) -> CountySetupInfo:
    """Open, verify and check a county's 入网文件 for this township, without joining.

    Refused for another township or another county's key: what the screens read before asking for the call.
    """
    info = county_enrollment.read_county_setup(Path(path))
    county_enrollment.check_county_setup(info)
    return info


def accept_county_setup(path: Path) -> CountySetupInfo:
    """Township: pin the county of a 入网文件 on this running installation (its 汇总包 are then addressed to it)."""
    info = county_enrollment.read_county_setup(Path(path))
    with database.atomic():
        county_enrollment.accept_county_setup(info)
    return info


def initialize_township_from_setup(setup: CountySetupInfo, login: str, display_name: str, password: str,
                                   repeat: str) -> read_models.UserView:
    """The first-run wizard with the county's 入网文件: township, administrator and county, or nothing."""
    with installation.changing(), database.atomic():
        user = setup_service.initialize_with_admin(MODE_TOWNSHIP, setup.township_name, setup.township_code,
                                                   setup.province, login, display_name, password, repeat)
        county_enrollment.accept_county_setup(setup)
    return user


def import_county_receipt(session: Session, paths: AppPaths, path: Path) -> CountyAck | None:
    """Township: import the county's 回执 (verified with the county's pinned key); what it now says."""
    return county_receipt.import_receipt(session, Path(path), paths)


@dataclass(frozen=True)
class CountyLink:
    """The township's county, as the 报表 page's county card shows it."""

    code: str
    name: str
    fingerprint: str
    spoken: str  # the 8 characters to compare on the phone


def county() -> CountyLink | None:
    """The county this township reports to (None before its 入网文件 was read)."""
    peer = county_enrollment.county_peer()
    if peer is None:
        return None
    return CountyLink(peer.code, peer.name, peer.fingerprint, first_contact.spoken(peer.fingerprint))


def county_ack() -> CountyAck | None:
    """What the county last acknowledged ("县里已于 {last_received_on} 收到第 {last_number} 号汇总包"), or None."""
    return county_receipt.latest()
