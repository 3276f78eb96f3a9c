"""`models.clock.parse_utc` reads our own stamps without strptime, and everything else as strptime did."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.clock import now_utc, parse_utc


def _strptime(text: str):
    """The reading before the fast path: the answer (or ValueError) every input must still get."""
    try:
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        except ValueError:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return ValueError


#: Stands for `now_utc()`, read when the test runs: a parameter's id must be the same in every process
#: that collects the suite (pytest-xdist's workers compare their lists; a timestamp differed).
NOW = "now_utc()"


@pytest.mark.parametrize("text", [
    NOW, "2026-11-22T05:30:00Z", "2026-11-22T05:30:00.000001Z", "2026-11-22T05:30:00.1Z",
    "2026-1-2T05:30:00Z", "2026-13-22T05:30:00Z", "2026-02-30T00:00:00Z", "2026-11-22T24:00:00Z",
    "2026-11-22T05:30:60Z", "2026-11-22T05:30:00.123456Z\n", "２０２６-11-22T05:30:00Z", "2026-11-22 05:30:00Z", "x", ""])
def test_same_answer_as_strptime(text):
    if text == NOW:
        text = now_utc()
    try:
        got = parse_utc(text)
    except ValueError:
        got = ValueError
    assert got == _strptime(text)
