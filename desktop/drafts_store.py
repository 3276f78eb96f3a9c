"""Drafts of unsaved typing, kept as files beside the database (DESIGN §6: never lose typed work).

An editor with unsaved changes hands its typed content (a JSON-able dict)
to `DraftStore.write` every few seconds; the file is written to a temporary
name and renamed over the old one, readable by this user only (0600), so a
crash or a power cut leaves the previous draft or the new one, never half of
one. Saving or discarding in the editor removes the draft (`remove`). At the
next start, `pending()` lists what is left for this login on this
installation, and the main window offers it back ("恢复未保存的内容").

One file per (login, draft key) in `AppPaths.drafts`; the file name is a hash
of both, so any key ("meeting:<id>", "rule_version:<id>", "meeting:new:…")
is a safe file name and two logins never share a draft. Each file holds:
`version` (the format, `FORMAT_VERSION`), `key`, `title` (what it is, in
words, for the list), `area` (the navigation key of the page that opens the
editor), `user` (the login), `installation` (the installation code),
`saved_at` (ISO time), `record_stamp` (the record's change stamp when the
editing began, see `desktop.services.record_stamps`; None for a new record)
and `state` (the editor's own content).

No Qt here: the file work is testable on its own, and the CLI could list
drafts one day.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: The file format; a file of another version is left alone (not offered, not deleted).
FORMAT_VERSION = 1
SUFFIX = ".draft.json"


@dataclass(frozen=True)
class Draft:
    """One kept draft, as read from its file."""

    key: str
    title: str
    area: str
    user: str
    installation: str
    saved_at: str
    record_stamp: str | None
    state: dict[str, Any] = field(default_factory=dict)

    def saved_at_text(self) -> str:
        """The time it was kept, as "2026-11-28 14:03"."""
        return self.saved_at[:16].replace("T", " ")


class DraftStore:
    """The drafts of one login on one installation, in one folder."""

    def __init__(self, folder: Path, user: str, installation: str):
        self.folder = Path(folder)
        self.user = user
        self.installation = installation

    def path_for(self, key: str) -> Path:
        """The file that holds this login's draft for `key`."""
        digest = hashlib.sha256(f"{self.installation}\n{self.user}\n{key}".encode()).hexdigest()[:32]
        return self.folder / (digest + SUFFIX)

    def write(self, key: str, title: str, area: str, state: dict[str, Any],
              record_stamp: str | None = None, now: datetime | None = None) -> Path:
        """Keep `state` as the draft of `key` (atomically replacing the one before); returns its path.

        Raises:
            OSError: the folder cannot be written (the caller logs it; typing goes on).
            TypeError / ValueError: `state` is not JSON-able (a bug in the editor).
        """
        body = {
            "version": FORMAT_VERSION, "key": key, "title": title, "area": area, "user": self.user,
            "installation": self.installation,
            "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
            "record_stamp": record_stamp, "state": state,
        }
        text = json.dumps(body, ensure_ascii=False, indent=1)  # before touching the disk: a bad state changes nothing
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(key)
        fd, temp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.folder)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # mkstemp already makes it 0600; said again on purpose
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return target

    def remove(self, key: str) -> None:
        """Forget the draft of `key` (saved or discarded); nothing happens when there is none."""
        try:
            self.path_for(key).unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove the draft of %s", key, exc_info=True)

    def load(self, key: str) -> Draft | None:
        """The draft of `key`, or None."""
        return _read(self.path_for(key), self.user, self.installation)

    def pending(self) -> list[Draft]:
        """This login's drafts on this installation, newest first (unreadable files are skipped)."""
        if not self.folder.is_dir():
            return []
        drafts = [d for p in self.folder.glob("*" + SUFFIX)
                  if (d := _read(p, self.user, self.installation)) is not None]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)


def _read(path: Path, user: str, installation: str) -> Draft | None:
    """The draft in `path` when it is this login's, on this installation, in this format; else None."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        log.warning("unreadable draft file %s", path, exc_info=True)
        return None
    if (not isinstance(body, dict) or body.get("version") != FORMAT_VERSION or body.get("user") != user
            or body.get("installation") != installation or not isinstance(body.get("state"), dict)):
        return None
    try:
        return Draft(key=str(body["key"]), title=str(body.get("title", "")), area=str(body.get("area", "")),
                     user=user, installation=installation, saved_at=str(body.get("saved_at", "")),
                     record_stamp=body.get("record_stamp"), state=body["state"])
    except KeyError:
        return None
