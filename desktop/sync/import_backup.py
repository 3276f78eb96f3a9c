"""The restore point before a batch of imports: one backup for all the packages a person imports at once.

Why once per batch: the backup copies the whole database (0.5 s for a
township of 200 villages, a few MB a village), while a village's weekly
package writes a few rows; taken before every package of a stick with 20
packages, the copies cost twenty times the imports. The packages a person
picks together (`cunwu import FILE...`, the files chosen on the 数据交换
page) share one backup, taken before the first of them writes anything.

The guarantees stay those of one package: every package is its own
transaction (all or nothing, idempotent, refusals change nothing), and
the backup exists before anything of the batch is written. Refused and
already imported packages write nothing, so the backup is taken lazily,
just before the first package that will write; a batch that writes
nothing leaves no backup behind. Restoring the backup brings the database
back to where it was before the batch.

The copy is checked for completeness, not page by page (see
`desktop.backup.create_backup`, `full_check=False`): the full check runs
on the daily backup and when a backup is restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import AppPaths
from models.errors import BackupError

REASON = "before-import"


@dataclass(eq=False)
class ImportBackup:
    """One backup for a batch of imports, taken the first time a package is about to write.

    Use one object for the packages a person imports together, and a new one
    for the next batch. Not shared between threads at the same time (the
    imports of a batch run one after the other).
    """

    paths: AppPaths
    path: Path | None = None  # the backup, once taken
    _failed: BackupError | None = field(default=None, repr=False)

    @property
    def taken(self) -> bool:
        """Whether the batch's backup exists (something of the batch may have been written)."""
        return self.path is not None

    def ensure(self) -> Path:
        """The batch's backup: made now on the first call, the same file afterwards.

        Called inside the import's write transaction, after the package is
        verified and before it writes: a reader's snapshot (the online
        backup) sees the database as it was before the package.

        Raises:
            BackupError: the copy could not be made (disk full, no access);
                the same error again on later calls of the batch, without
                copying the database a second time.
        """
        if self.path is not None:
            return self.path
        if self._failed is not None:
            raise self._failed
        from desktop import backup  # late import keeps start-up light

        try:
            self.path = backup.create_backup(self.paths.database, self.paths.backups, reason=REASON,
                                             full_check=False)
        except BackupError as exc:
            self._failed = exc
            raise
        backup.rotate_kept(self.paths.backups, REASON, backup.KEEP_BEFORE_IMPORT)
        return self.path
