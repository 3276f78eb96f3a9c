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

RecoveryExport = recovery.RecoveryExport
RecoveryPlan = recovery.RecoveryPlan


@dataclass(frozen=True)
class Readiness:
    """Whether a 恢复包 can be written for a village now, and what the township holds of it."""

    ready: bool
    reason: str  # why not, in Chinese ("" when ready)
    records: int


def readiness(village_code: str) -> Readiness:
    """For the 生成恢复包 dialog: can it be written now, and how many records.

    The rule is `recovery.recoverable_village`, the one `cunwu export --recovery` refuses by: re-enrolled,
    and the new PC's first package imported (its fingerprint checked).
    """
    try:
        recovery.recoverable_village(village_code)
    except ValidationError as exc:
        return Readiness(False, str(exc), recovery.village_record_count(village_code))
    return Readiness(True, "", recovery.village_record_count(village_code))


def reenrolled_on(village_code: str) -> str:
    """When the village was last re-enrolled (its old PC's key retired), as a local date; "" if never.

    The first package after a re-enrolment comes from a new PC: the import preview says so.
    """
    stamp = recovery.last_reenrolment(village_code)
    return local_display(stamp)[:10] if stamp else ""


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
