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
               "left_on": r.left_on, "left_kind": r.left_kind,
               "ethnicity": r.ethnicity, "education": r.education, "political_status": r.political_status}
              for r in rows]
    lines = [f"{n:>4}  {r.name}\t{r.gender}\t{r.birth_text() or '—'}\t{r.village_group or '—'}\t"
             f"{r.household_number or '—'}\t{people_service.status_text(r)}" for n, r in enumerate(rows, 1)]
    lines.append(f"共 {len(rows)} 人。" if rows else "名册里还没有人。可以在软件的“人员名册”里新增,或导入花名册。")
    return {"count": len(people), "people": people, "_lines": lines}


def _import_parser(sub) -> None:
    p = sub.add_parser("import", help="导入花名册(.xlsx,或另存为 .xlsx 的 .xls,或 .csv)")
    p.add_argument("file", help="花名册文件")
    p.add_argument("--sheet", default=None, help="工作表名(默认:第一个有“姓名”表头的工作表)")
    p.add_argument("--yes", action="store_true", help="不询问,直接导入(可能重复的人不导入,列在 duplicates 里)")
    _json_flag(p)


def _people_import(args, paths) -> dict[str, Any]:
    """`cunwu people import FILE`: preview, ask on a terminal, add in one transaction.

    Likely duplicates are never added from here: they are listed for a person
    to decide in the 人员名册's import dialog.
    """
    import sys
    from pathlib import Path

    from desktop.cli import Refused, _confirm
    from desktop.services import roster_import
    from desktop.services.session import cli_session
    from desktop.services.setup_service import current
    from models.messages import QT_TRANSLATE_NOOP, msg

    preview = roster_import.preview(Path(args.file).expanduser(), args.sheet)
    lines = roster_import.summary_lines(preview)
    if not args.yes and not args.json and sys.stdin and sys.stdin.isatty():
        sys.stderr.write("\n".join(lines) + "\n")
        if preview.to_add and not _confirm(f"导入这 {len(preview.to_add)} 人吗?"):
            raise Refused(msg("cli", QT_TRANSLATE_NOOP("cli", "没有导入:需要确认。在脚本中请加 --yes。")))
        lines = []
    added = households = kinship = 0
    groups: tuple[str, ...] = ()
    if preview.to_add:
        result = roster_import.apply(cli_session(current().mode), preview)
        added, households, groups, kinship = result.added, result.households, result.groups, result.kinship
    duplicates = [{"row": d.row, "name": d.name, "birth": d.birth, "group": d.group, "reason": str(d.duplicate_of)}
                  for d in preview.duplicates]
    warnings = [{"row": line.row, "warning": str(w)} for line in preview.lines for w in line.warnings]
    lines.append(f"已导入 {added} 人" + (f",新建村民小组 {'、'.join(groups)}" if groups else "") + "。"
                 if added else "没有导入任何人。")
    if duplicates:
        lines.append(f"{len(duplicates)} 人可能已在名册中(同名、同出生年、同组),没有导入;"
                     "请在软件的“人员名册 → 导入花名册”里逐个决定。")
    return {"added": added, "duplicates": duplicates,
            "skipped": [{"row": s.row, "reason": str(s.reason)} for s in preview.skipped],
            "warnings": warnings, "households": households, "groups": list(groups), "kinship": kinship,
            "sheet": preview.sheet,
            "_lines": lines}


#: name -> adds its parser to the `people` sub-parsers.
SUBCOMMANDS: dict[str, Callable[[Any], None]] = {"list": _list_parser, "import": _import_parser}
#: name -> handler(args, paths), called with the database open and an installation present.
HANDLERS: dict[str, Callable[..., dict[str, Any]]] = {"list": _people_list, "import": _people_import}


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
