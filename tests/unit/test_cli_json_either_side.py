"""`--json` before or after the sub-command, for every command (DESIGN §5, issue 15, the README's examples)."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import build_parser
from tests.unit.test_cli import as_json, cunwu

# One valid command line per sub-command (its required arguments filled in).
COMMANDS = [
    ["init", "village", "--name", "青山村", "--code", "330106001001"],
    ["init", "township", "--name", "城关镇", "--code", "330106001"],
    ["init", "county", "--name", "西湖区", "--code", "330106"],
    ["demo"], ["check"], ["backup", "--to", "D"], ["restore", "F", "--yes"],
    ["rules", "import", "F"], ["rules", "check", "F"], ["rules", "diff", "V1", "V2", "--out", "O.xlsx"],
    ["disclosure", "import-ledger", "F", "--period", "2026-10"],
    ["disclosure", "export", "--year", "2026", "--out", "O.xlsx"],
    ["enroll", "--village-code", "330106001001", "--village-name", "青山村", "--out", "D"],
    ["export", "--to", "D"], ["import", "F", "--yes"], ["report", "compliance", "--out", "O.xlsx"],
    ["report", "elections", "--out", "O.xlsx"],
    ["report", "review-opinion", "--village", "330106001001", "--out", "O.pdf"],
    ["report", "filing-receipt", "--receipt-no", "青山镇备〔2026〕1号", "--out", "O.docx"],
    ["report", "rectification", "--filing", "ID", "--out", "O.pdf"],
    ["people", "import", "F", "--yes"], ["people", "list"], ["selftest"],
    ["users", "add", "--login", "L", "--person", "N", "--role", "viewer"], ["users", "reset-password", "L"],
    ["users", "unlock", "L"], ["users", "list"], ["info"], ["verify", "K7QM-2XDP-9AB3"],
    ["export", "--recovery", "330106001001", "--to", "D"],
    ["election", "tally", "F", "--registered", "700", "--cast", "400", "--seats", "主任=1"],
    ["search", "土地", "承包", "--kind", "article"], ["check", "--repair-index"],
]


def _leaves(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]  # noqa: SLF001
    if not subs:
        yield path
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaves(child, (*path, name))


def test_every_command_is_listed_here():
    leaves = set(_leaves(build_parser()))
    assert {leaf for leaf in leaves if any(tuple(c[:len(leaf)]) == leaf for c in COMMANDS)} == leaves


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_json_is_taken_before_or_after_the_command(command):
    parser = build_parser()
    assert parser.parse_args(command).json is False
    assert parser.parse_args(["--json", *command]).json is True
    assert parser.parse_args([*command, "--json"]).json is True


def test_the_readmes_rules_check_with_json_after_it(tmp_path):
    text = tmp_path / "草案.txt"
    text.write_text("第一条 村民应当遵守法律法规。\n", "utf-8")
    out = cunwu("rules", "check", str(text), "--json", data_dir=tmp_path / "data")
    assert out.returncode == 0, out.stderr
    assert as_json(out)["errors"] == 0
    d = tmp_path / "v"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    assert as_json(cunwu("check", "--json", data_dir=d))["ok"] is True
