"""Timestamps as stored: ISO-8601 UTC text, sortable and unambiguous in packages."""

from __future__ import annotations

from datetime import UTC, datetime


def now_utc() -> str:
    """Current time as `2026-11-22T05:30:00.123456Z`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    """Inverse of `now_utc` (aware datetime in UTC)."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def local_display(text: str | None) -> str:
    """`2026-11-22 13:30` in the machine's local time, for people to read."""
    if not text:
        return ""
    return parse_utc(text).astimezone().strftime("%Y-%m-%d %H:%M")
