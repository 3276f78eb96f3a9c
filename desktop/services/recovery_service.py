"""恢复包 for the screens: the township's 生成恢复包… and the village recognising one among its packages.

The work is `desktop.sync.recovery`'s; the screens reach it here (ui never
imports the sync layer's database code), with the permission checked there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services.session import Session
from desktop.sync import recovery
from models.clock import local_display
from models.errors import ValidationError
from models.sync import policy
from models.sync.records import RetiredKey

RecoveryExport = recovery.RecoveryExport
RecoveryPlan = recovery.RecoveryPlan


@dataclass(frozen=True)
class Readiness:
    """Whether a 恢复包 can be written for a village now, and what the township holds of it."""

    ready: bool
    reason: str  # why not, in Chinese ("" when ready)
    records: int
    #: Whether the village was ever re-enrolled (重新入网): if not, the key a 恢复包 is sealed to is its
    #: first PC's, which a village that lost its PC no longer has (the dialog warns).
    reenrolled: bool = True


def readiness(village_code: str) -> Readiness:
    """For the 生成恢复包 dialog: can it be written now (the new PC's key received), and how many records."""
    try:
        recovery.recoverable_village(village_code)
    except ValidationError as exc:
        return Readiness(False, str(exc), recovery.village_record_count(village_code))
    reenrolled = bool(reenrolled_on(village_code))
    return Readiness(True, "", recovery.village_record_count(village_code), reenrolled)


def reenrolled_on(village_code: str) -> str:
    """When the village was last re-enrolled (its old PC's key retired), as a local date; "" if never.

    The first package after a re-enrolment comes from a new PC: the import preview says so, and
    the 生成恢复包 dialog warns when there was none (the package would open only on the first PC).
    """
    last = (RetiredKey.select(RetiredKey.retired_at).where(RetiredKey.peer_code == village_code)
            .order_by(RetiredKey.retired_at.desc()).first())
    return local_display(last.retired_at)[:10] if last is not None else ""


def export_recovery(session: Session, paths: AppPaths, village_code: str, folder: Path,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> RecoveryExport:
    """Write a village's 恢复包 into `folder` (`recovery.export_recovery`)."""
    return recovery.export_recovery(session, paths, village_code, Path(folder), progress=progress,
                                    cancelled=cancelled)


def is_recovery_file(path: Path) -> bool:
    """Whether `path` says it is a 恢复包 (the import verifies it)."""
    return recovery.is_recovery(Path(path))


def plan_recovery(paths: AppPaths, path: Path) -> RecoveryPlan:
    """Verify a 恢复包 and say what it holds (reads only)."""
    return recovery.plan_recovery(Path(path), paths)


def import_recovery(session: Session, paths: AppPaths, path: Path) -> RecoveryPlan:
    """Import a 恢复包 in one transaction and continue the numbering (`recovery.apply_recovery`)."""
    return recovery.apply_recovery(session, Path(path), paths)


def labelled_counts(plan: RecoveryPlan) -> list[tuple[str, int]]:
    """(label, records) of each table in a 恢复包, the largest first (the preview's table)."""
    return [(policy.label(t), n) for t, n in sorted(plan.counts.items(), key=lambda kv: (-kv[1], kv[0]))]
