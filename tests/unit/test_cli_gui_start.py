"""A plain `cunwu` start reads its few options without building the full parser, to the same result."""

from __future__ import annotations

import pytest

from desktop.cli import _gui_start, build_parser


@pytest.mark.parametrize("argv", [
    [], ["--data-dir", "/tmp/数据"], ["--data-dir=/tmp/x"], ["--data-dir="], ["-v"], ["--verbose", "--json"],
    ["--data-dir", "a", "--data-dir", "b", "-v"],
])
def test_plain_gui_start_reads_like_the_parser(argv):
    fast, full = _gui_start(argv), build_parser().parse_args(argv)
    assert fast is not None and full.command is None
    assert (fast.data_dir, fast.verbose, fast.json, fast.command) == \
        (full.data_dir, full.verbose, full.json, full.command)


@pytest.mark.parametrize("argv", [
    ["check"], ["--help"], ["--version"], ["--data", "x"], ["--data-dir"], ["--data-dir", "-v"], ["-vv"],
    ["--data-dir", "x", "demo"],
])
def test_anything_else_goes_to_the_full_parser(argv):
    assert _gui_start(argv) is None
