"""What stands around every `cunwu` command: the folder's lock, SQLite's lock wait, a closed pipe.

- **The folder's lock** (`desktop.folder_lock`): a command that writes
  (`restore`, `import`, `demo`, `init`, `export`, `enroll`, `rules import`,
  `people import`, `users add` …) takes the data folder's lock first and is
  refused — exit 1, who holds it on stderr, `held_by` under `--json` — while
  the window or another command holds it. Commands that only read
  (`check`, `info`, `backup`, `search`, `report`, the `list`s, `rules
  check|diff`, `disclosure export`) run beside the window: a `check` or a
  nightly `backup` while the window is open is reasonable. They still may
  not upgrade the database while someone else holds the folder
  (`desktop.storage` refuses the migration). A command that holds the lock
  removes the leftovers of interrupted writes (`desktop.leftovers`).
- **SQLite's lock wait** (`desktop.db_busy`): a write that waited 5 s for
  another program becomes a Chinese refusal, exit 1, never a traceback.
- **A closed pipe** (`cunwu --json people list | head -c 10`): the reader
  went away; the command's work is done and it ends quietly with its own
  exit code, no `BrokenPipeError` on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from desktop.paths import AppPaths

#: Commands that only read the database (they take no lock; see the module's docstring).
READ_ONLY = frozenset({"check", "info", "backup", "search", "report", "selftest", "verify"})
#: Sub-commands that only read, per command (`dest` of their sub-parser → names).
READ_ONLY_SUB = {
    "rules": ("rules_command", frozenset({"check", "diff"})),
    "disclosure": ("disclosure_command", frozenset({"export"})),
    "people": ("people_command", frozenset({"list"})),
    "users": ("users_command", frozenset({"list"})),
    "election": ("election_command", frozenset({"tally"})),
}


def writes(args: argparse.Namespace) -> bool:
    """True when the command may write the data folder (it then needs the folder's lock)."""
    if args.command == "check" and getattr(args, "repair_index", False):
        return True  # rebuilds the search index
    if args.command in READ_ONLY:
        return False
    sub = READ_ONLY_SUB.get(args.command)
    return not (sub and getattr(args, sub[0], None) in sub[1])


def program_name(args: argparse.Namespace) -> str:
    """The holder's program as the lock file records it: "cli:import", "cli:rules import"."""
    parts = [args.command]
    sub = READ_ONLY_SUB.get(args.command)
    if sub and getattr(args, sub[0], None):
        parts.append(getattr(args, sub[0]))
    return "cli:" + " ".join(parts)


def take_folder(args: argparse.Namespace, paths: AppPaths):
    """The folder's lock for a writing command (None for one that only reads).

    Raises:
        folder_lock.FolderBusy: another process holds the folder.
    """
    if not writes(args):
        return None
    from desktop import folder_lock, leftovers

    try:
        lock = folder_lock.acquire(paths.data_dir, program_name(args))  # FolderBusy goes to the caller
    except OSError:
        return None  # the folder cannot be written: the command's own checks say why, in Chinese
    leftovers.clean(paths)
    return lock


def held_by(exc: BaseException) -> dict | None:
    """`--json`'s `held_by` for a refusal because another process holds the folder."""
    holder = getattr(exc, "holder", None)
    return holder.as_dict() if holder is not None else None


def quiet_pipe(write: Callable[[], None]) -> None:
    """Run `write` (the command's output); a reader that went away ends it quietly.

    Python would report the lost output at exit ("Exception ignored …
    BrokenPipeError"): stdout is pointed at the null device so nothing is
    left to flush into the closed pipe.
    """
    try:
        write()
        sys.stdout.flush()
    except (BrokenPipeError, ConnectionResetError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
