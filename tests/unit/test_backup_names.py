"""issue 20: backups taken within one second never replace each other, and all of them are listed.

One `cunwu import` of 30 packages left 14 backup files: copies made in the same
second shared a name, the later one replaced the earlier, and the process-id
suffix of the second copy made it an unknown kind that was never rotated.
"""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from desktop import backup
from desktop.services import people_service
from desktop.sync.import_backup import REASON
from models.db import close_database

SECOND = datetime(2026, 12, 5, 7, 0, 1)


def test_backups_in_one_second_each_keep_their_own_file(village, tmp_path):
    paths, admin = village
    folder = tmp_path / "bk"
    made = []
    for name in ("第一人", "第二人", "第三人"):
        people_service.add_person(admin, name, "男")
        made.append(backup.create_backup(paths.database, folder, REASON, now=SECOND, full_check=False))
    close_database()
    assert [p.name for p in made] == [f"cunwu-20261205-070001-{REASON}{n}.sqlite3" for n in ("", "-2", "-3")]
    assert [backup.summarize(p).counts["人员"] for p in made] == [1, 2, 3], "each copy is the one taken then"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made), "no .partial left"
    listed = backup.list_backups(folder)
    assert [b.path for b in listed] == made[::-1], "newest first, also within one second"
    assert {b.reason for b in listed} == {REASON} and {b.taken for b in listed} == {SECOND}
    assert backup.rotate_kept(folder, REASON, 2) == [made[0]]  # counted as restore points before imports
    backup.restore(made[1], paths.database, paths.backups)  # the restore dialog's path: still a good backup
    assert backup.summarize(paths.database).counts["人员"] == 2


@pytest.mark.parametrize(("name", "reason", "number"), [
    ("cunwu-20261205-070001-daily.sqlite3", backup.DAILY, 1),
    ("cunwu-20261205-070001-before-import-2.sqlite3", "before-import", 2),
    ("cunwu-20261205-070001-before-import-48213.sqlite3", "before-import", 48213),  # an older release's pid
    ("cunwu-20261205-070001-before-migration-v9.sqlite3", "before-migration-v9", 1),
    ("cunwu-20261205-070001-before-migration-v9-3.sqlite3", "before-migration-v9", 3),
])
def test_a_backup_name_is_read_without_its_number(tmp_path, name, reason, number):
    (tmp_path / name).write_bytes(b"x")
    (tmp_path / (name + ".1-1.partial")).write_bytes(b"")  # a copy in progress is not listed
    [found] = backup.list_backups(tmp_path)
    assert (found.reason, found.number, found.taken) == (reason, number, SECOND)


def test_a_folder_without_hard_links_still_gets_a_free_name(tmp_path, monkeypatch):
    """A FAT-formatted USB stick cannot link: the first free name is taken instead, never an existing one."""
    taken = tmp_path / "cunwu-20261205-070001-manual.sqlite3"
    taken.write_bytes(b"old")
    copy = tmp_path / "copy.partial"
    copy.write_bytes(b"new")

    def no_links(_src, _dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    dest = backup._reserve(copy, tmp_path, "cunwu-20261205-070001-manual")
    assert dest.name == "cunwu-20261205-070001-manual-2.sqlite3" and dest.read_bytes() == b"new"
    assert taken.read_bytes() == b"old" and not copy.exists()
