"""Timestamps as stored: ISO-8601 UTC text, sortable and unambiguous in packages."""

from __future__ import annotations

import re
from datetime import UTC, datetime

#: `now_utc`'s form exactly (ASCII digits, six-digit microseconds or none); anything else goes to strptime.
_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{6}))?Z")


def now_utc() -> str:
    """Current time as `2026-11-22T05:30:00.123456Z`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    """Inverse of `now_utc` (aware datetime in UTC).

    Also reads the same time without its microseconds (`2026-11-22T05:30:00Z`):
    a stamp stored before the import boundary checked the format, or written
    by another tool, must not break the screens that show it.

    Raises:
        ValueError: not a timestamp.
    """
    found = _STAMP.fullmatch(text) if isinstance(text, str) else None
    if found is not None:  # our own form, read without strptime (a tenth of its time: pages show hundreds)
        y, mo, d, h, mi, sec, micro = found.groups()
        return datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec), int(micro or 0), tzinfo=UTC)
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def local_display(text: str | None) -> str:
    """`2026-11-22 13:30` in the machine's local time, for people to read.

    Text that is not a timestamp of ours is shown as it is (a reader never fails on a stored value).
    """
    if not text:
        return ""
    try:
        return parse_utc(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, TypeError, OverflowError):
        return str(text)
