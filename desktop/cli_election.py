"""`cunwu election tally FILE.xlsx --registered N --cast N --seats 主任=1,副主任=1,委员=3`.

The count of an election from its 计票 sheet, judged by the same engine as the
投票计票 screen (`models.elections.tally`): valid or not, who is elected, which
seats go to 另行选举 with which candidates, and why, each reason with its
article. Needs no data folder (it reads the sheet, not the register) and
writes nothing. Exit 1, with the reason on stderr, on a malformed sheet or
impossible counts (text in 得票, a negative number, more votes than ballots).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="以一个 JSON 对象输出结果(同全局 --json)")


def add_parser(sub, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `election` and its sub-commands to the top-level sub-parsers `sub`."""
    election = sub.add_parser("election", help="民主选举:计票")
    _json_flag(election)
    election_sub = election.add_subparsers(dest="election_command", required=True, parser_class=parser_class)
    t = election_sub.add_parser("tally", help="按计票表(职位、姓名、得票)计算谁当选、哪些名额另行选举")
    t.add_argument("file", help="计票表(.xlsx 或 .csv),列:职位、姓名、得票(有“性别”列时检查是否选出妇女成员)")
    t.add_argument("--registered", type=int, required=True, help="登记参加选举的村民人数(选民名单人数)")
    t.add_argument("--cast", type=int, required=True, help="收回的选票张数(参加投票人数)")
    t.add_argument("--seats", required=True, help="应选名额,如 主任=1,副主任=1,委员=3")
    t.add_argument("--issued", type=int, default=None, help="发出的选票张数(可选)")
    t.add_argument("--invalid", type=int, default=0, help="无效票张数(默认 0)")
    t.add_argument("--runoff", action="store_true", help="这是另行选举(以得票多的当选,不少于三分之一)")
    t.add_argument("--date", default=None, help="选举日 YYYY-MM-DD(决定引用哪一版组织法;默认今天)")
    t.add_argument("--sheet", default=None, help="工作表名(默认第一个)")
    _json_flag(t)


def _tally(args) -> dict[str, Any]:
    from datetime import date
    from pathlib import Path

    from desktop.cli import Refused
    from desktop.services import tally_sheet
    from models.elections import tally
    from models.messages import QT_TRANSLATE_NOOP, msg

    try:
        seats = tally.parse_seats(args.seats)
    except ValueError as exc:
        raise Refused(msg("cli", QT_TRANSLATE_NOOP("cli", "--seats:{reason}"), reason=str(exc))) from None
    on = args.date or date.today().isoformat()
    try:
        date.fromisoformat(on)
    except ValueError:
        raise Refused(msg("cli", QT_TRANSLATE_NOOP("cli", "--date 应写成 2026-05-10 这样的日期。"))) from None
    sheet = tally_sheet.read_tally(Path(args.file).expanduser(), args.sheet)
    result = tally.count_round(tally.Count(
        registered=args.registered, ballots_cast=args.cast, seats=seats, entries=tuple(sheet.entries),
        ballots_issued=args.issued, invalid_ballots=args.invalid,
        kind=tally.ROUND_RUNOFF if args.runoff else tally.ROUND_MAIN, on=on))
    if result.errors:
        raise Refused(msg("cli", QT_TRANSLATE_NOOP("cli", "计票表有错,没有计算结果:\n{reasons}"),
                          reasons="\n".join(f.text() for f in result.errors)))
    out = result.as_dict()
    lines = ["选举有效。" if result.valid else "选举无效。"]
    for e in out["elected"]:
        lines.append(f"当选 {e['post']}:{e['name']}({e['votes']} 票)")
    for r in out["runoff"]:
        what = "另行选举" if r["kind"] == tally.FURTHER_RUNOFF else "票数相等,再次投票"
        lines.append(f"{what} {r['post']} {r['seats']} 名,候选人:{'、'.join(r['candidates']) or '(无)'}")
    lines += ["", "理由:", *out["reasons"], "", "计算过程:", *(str(m) for m in result.arithmetic)]
    return out | {"_lines": lines}


#: name -> handler(args)
HANDLERS: dict[str, Callable[..., dict[str, Any]]] = {"tally": _tally}


def cmd_election(args, paths) -> dict[str, Any]:
    """Run `cunwu election <sub-command>` (needs no data folder)."""
    return HANDLERS[args.election_command](args)
