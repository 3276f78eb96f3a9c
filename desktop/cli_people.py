"""`cunwu people …`: the register from the command line (same services as the 人员名册 page).

Each sub-command is one entry in `SUBCOMMANDS` (its parser) and one in
`HANDLERS` (what it does), so a new one (`people import`) is a small diff.
`--json` is accepted after the sub-command too (DESIGN §5).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def _json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: when absent here, the global --json (before the command) keeps its value.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="以一个 JSON 对象输出结果(同全局 --json)")


def _list_parser(sub) -> None:
    p = sub.add_parser("list", help="列出人员名册(默认只列在册人员)")
    p.add_argument("--all", action="store_true", help="也列出已迁出、死亡或注销的人")
    p.add_argument("--search", default="", help="只列姓名含这些字的人")
    _json_flag(p)


def _people_list(args, paths) -> dict[str, Any]:
    from desktop.services import people_service

    rows = people_service.register(args.search, include_left=args.all)
    people = [{"id": r.id, "name": r.name, "gender": r.gender, "birth": r.birth_text(),
               "village_group": r.village_group, "household": r.household_number,
               "household_relation": r.household_relation, "phone": r.phone, "roles": list(r.roles),
               "left_on": r.left_on, "left_kind": r.left_kind} for r in rows]
    lines = [f"{n:>4}  {r.name}\t{r.gender}\t{r.birth_text() or '—'}\t{r.village_group or '—'}\t"
             f"{r.household_number or '—'}\t{people_service.status_text(r)}" for n, r in enumerate(rows, 1)]
    lines.append(f"共 {len(rows)} 人。" if rows else "名册里还没有人。可以在软件的“人员名册”里新增,或导入花名册。")
    return {"count": len(people), "people": people, "_lines": lines}


#: name -> adds its parser to the `people` sub-parsers.
SUBCOMMANDS: dict[str, Callable[[Any], None]] = {"list": _list_parser}
#: name -> handler(args, paths), called with the database open and an installation present.
HANDLERS: dict[str, Callable[..., dict[str, Any]]] = {"list": _people_list}


def add_parser(sub, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `people` and its sub-commands to the top-level sub-parsers `sub`."""
    people = sub.add_parser("people", help="人员名册:列出、导入")
    _json_flag(people)
    people_sub = people.add_subparsers(dest="people_command", required=True, parser_class=parser_class)
    for add in SUBCOMMANDS.values():
        add(people_sub)


def cmd_people(args, paths, open_store: Callable, require_installation: Callable) -> dict[str, Any]:
    """Run `cunwu people <sub-command>` (the CLI opens the store and checks the installation first)."""
    open_store(paths)
    require_installation()
    return HANDLERS[args.people_command](args, paths)
