"""The `cunwu` command: the GUI with no arguments, headless jobs otherwise.

Contract (DESIGN §5): `--json` prints exactly one JSON object on stdout;
exit 0 ok, 1 refused (a Chinese reason on stderr), 2 usage. A command that
would replace data asks on a terminal and needs `--yes` otherwise.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import __version__
from models.errors import CunwuError
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "cli"

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(CunwuError):
    """A CLI-level refusal (missing confirmation, wrong state)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2, in Chinese where we can
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误:{message}\n")
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    p = _Parser(prog="cunwu", description="村民自治台账:不带参数运行打开图形界面。")
    p.add_argument("--data-dir", help="数据文件夹(默认:用户数据目录,或环境变量 CUNWU_DATA_DIR)")
    p.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    p.add_argument("-v", "--verbose", action="store_true", help="输出调试日志")
    p.add_argument("--version", action="version", version=f"cunwu {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", help="初始化本机(村、乡镇或县)")
    init_sub = init.add_subparsers(dest="mode", required=True, parser_class=_Parser)
    for mode, label in (("village", "村"), ("township", "乡镇"), ("county", "县")):
        m = init_sub.add_parser(mode, help=f"初始化为{label}")
        m.add_argument("--name", required=mode == "county", help=f"{label}名称")
        m.add_argument("--code", required=mode == "county", help=f"{label}代码(统计用区划代码)")
        m.add_argument("--province", default=None, help="省份配置,如 zhejiang、chongqing")
        if mode == "village":
            m.add_argument("--setup", default=None, help="乡镇发来的入网文件(…_入网文件_….cwpkg)")
        elif mode == "township":
            m.add_argument("--setup", default=None, help="县里发来的入网文件(…_入网文件_….cwpkg)")


    demo = sub.add_parser("demo", help="填入演示数据(用于试用和培训)")
    demo.add_argument("--years", type=int, default=None, help="生成多少年的历史记录(默认 10 年;县级版 1 年)")
    demo.add_argument("--villages", type=int, default=None,
                      help="乡镇版:生成多少个村(每个村都经数据包导入,默认 30);县级版:每个乡镇的村数(默认 3)")
    demo.add_argument("--election-stage", default="not_started",
                      choices=("not_started", "planned", "committee", "roll", "candidates", "voted", "announced",
                               "handed_over", "done"),
                      help="村庄版:2026 年换届进行到哪一步(默认 not_started:尚未启动,可在软件里从推选选举委员会开始)")
    demo.add_argument("--election-story", default="", choices=("", "recall"),
                      help="村庄版:recall = 2023 年罢免一名委员并补选")

    check = sub.add_parser("check", help="检查数据库完整性和审计日志")
    check.add_argument("--repair-index", action="store_true", help="先重建搜索索引(搜索结果不全或有已删除的记录时)")

    backup = sub.add_parser("backup", help="把数据库备份到一个文件夹")
    backup.add_argument("--to", required=True, help="目标文件夹(如 U 盘)")

    restore = sub.add_parser("restore", help="用备份文件替换当前数据库")
    restore.add_argument("file", help="备份文件(.sqlite3)")
    restore.add_argument("--yes", action="store_true", help="不询问,直接替换")

    rules = sub.add_parser("rules", help="村规民约:导入、合法性检查、版本对照")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    r_import = rules_sub.add_parser("import", help="把 .txt/.docx 文本导入为新的草案版本")
    r_import.add_argument("file")
    r_import.add_argument("--title", default="", help="名称(默认取文件中的标题,没有标题行时取文件名)")
    r_import.add_argument("--kind", default="village_rules", choices=["village_rules", "charter", "other"])
    r_check = rules_sub.add_parser("check", help="列出文本中可能违法的条款")
    r_check.add_argument("file")
    r_diff = rules_sub.add_parser("diff", help="两个版本逐条对照,输出修订对照表 .xlsx")
    r_diff.add_argument("v1")
    r_diff.add_argument("v2")
    r_diff.add_argument("--out", required=True)
    r_diff.add_argument("--all", action="store_true", help="也列出未修改的条款")

    disclosure = sub.add_parser("disclosure", help="村务公开:导入台账、导出全年公开")
    d_sub = disclosure.add_subparsers(dest="disclosure_command", required=True, parser_class=_Parser)
    d_import = d_sub.add_parser("import-ledger", help="把 Excel 收支台账导入为财务公开草稿")
    d_import.add_argument("file")
    d_import.add_argument("--period", required=True, help="月份,如 2026-10")
    d_import.add_argument("--sheet", default=None, help="工作表名(默认第一个)")
    d_import.add_argument("--yes", action="store_true", help="这个月已有一份财务公开时,不询问,仍然新建一份")
    d_export = d_sub.add_parser("export", help="导出一年的公开内容到 .xlsx")
    d_export.add_argument("--year", type=int, required=True)
    d_export.add_argument("--out", required=True)

    enroll = sub.add_parser("enroll", help="乡镇:给一个村入网;县:给一个乡镇入网(生成入网文件)")
    enroll.add_argument("--village-code", default=None, help="乡镇:村代码(12 位)")
    enroll.add_argument("--village-name", default=None, help="乡镇:村名")
    enroll.add_argument("--township-code", default=None, help="县:乡镇代码(9 位)")
    enroll.add_argument("--township-name", default=None, help="县:乡镇名称")
    enroll.add_argument("--province", default=None, help="该村(乡镇)的省份配置(默认同本机)")
    enroll.add_argument("--out", required=True, help="写入的文件夹(如 U 盘)")
    enroll.add_argument("--reenroll", default=None, metavar="原因", help="该村(乡镇)换了电脑:停用旧密钥并重新入网")

    export = sub.add_parser("export", help="导出数据包到文件夹(如 U 盘),打印其路径")
    export.add_argument("--to", required=True, help="目标文件夹")
    export.add_argument("--full", action="store_true", help="导出完整数据包(默认只导出对方尚未确认收到的修改)")
    export.add_argument("--village", default=None,
                        help="乡镇:回执发给哪个村(村代码);不指定时导出给县里的汇总包")
    export.add_argument("--township", default=None, metavar="乡镇代码",
                        help="县:回执发给哪个乡镇;不指定时给每个已收到汇总包的乡镇各写一份回执")
    export.add_argument("--recovery", default=None, metavar="村代码",
                        help="乡镇:为换了电脑、没有备份的村生成恢复包(该村所有记录;须先重新入网并导入新电脑的第一个数据包)")

    imp = sub.add_parser("import", help="导入数据包(或入网文件)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--yes", action="store_true", help="不询问,直接导入")
    imp.add_argument("--fingerprint", default=None, metavar="XXXX-XXXX",
                     help="某村的第一个数据包:电话里对方念出的电脑指纹(8 位),一致才导入")

    # --- report (乡镇): see cmd_report -------------------------------------------------------------
    report = sub.add_parser("report", help="乡镇、县:生成报表")
    report_sub = report.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    r_compliance = report_sub.add_parser("compliance", help="各村依法履职情况汇总表(.xlsx,可另出 PDF;县:各乡镇汇总)")
    r_compliance.add_argument("--out", required=True, help="写入的 .xlsx 文件")
    r_compliance.add_argument("--period", default=None,
                              help="季度如 2026Q3,或年度如 2026(默认:最近一个已结束的季度)")
    r_compliance.add_argument("--pdf", default=None, help="另写一份可打印的 PDF(A4 横向)")
    r_compliance.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                              help="以一个 JSON 对象输出结果(同全局 --json)")
    r_elections = report_sub.add_parser("elections", help="村民委员会换届选举结果统计表(.xlsx)")
    r_elections.add_argument("--out", required=True, help="写入的 .xlsx 文件")
    r_elections.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help="以一个 JSON 对象输出结果(同全局 --json)")
    from desktop import cli_documents

    cli_documents.add_parsers(report_sub, _Parser)
    # --- end report ------------------------------------------------------------------------------

    from desktop import cli_people

    cli_people.add_parser(sub, _Parser)
    from desktop import cli_election

    cli_election.add_parser(sub, _Parser)

    sub.add_parser("selftest", help="自检(打包后的程序用)")
    sub.add_parser("info", help="本机信息:村或乡镇、代码、名称、省份、电脑指纹(电话核对时念给对方)")
    from desktop import cli_users, cli_verify

    cli_users.add_parser(sub, _Parser)
    cli_verify.add_parser(sub, _Parser)
    from desktop import cli_search

    cli_search.add_parser(sub, _Parser)
    _json_after_every_command(p)
    return p


def _json_after_every_command(parser: argparse.ArgumentParser) -> None:
    """Let every sub-command take `--json` after it too (`cunwu rules check F --json`, as the README shows).

    DESIGN §5: `--json` is accepted before or after the sub-command. Only some
    sub-commands declared it, so `cunwu check --json` was a usage error (exit 2).
    SUPPRESS: when absent after the command, the global --json keeps its value.
    """
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its sub-parsers nowhere public
        if not isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            continue
        for child in action.choices.values():
            if "--json" not in child._option_string_actions:  # noqa: SLF001
                child.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                                   help="以一个 JSON 对象输出结果(同全局 --json)")
            _json_after_every_command(child)


def _gui_start(raw: list[str]) -> argparse.Namespace | None:
    """The options of a plain GUI start (`cunwu [--data-dir DIR] [-v] [--json]`), else None.

    Building the parser with every sub-command costs ~6 ms of start-up that
    opening the window never uses. Only these plain spellings are read here;
    anything else (a command, `--help`, an abbreviation, a bad option) goes
    through the full parser, which then answers exactly as before.
    """
    data_dir, verbose, as_json = None, False, False
    tokens = iter(raw)
    for token in tokens:
        if token in ("-v", "--verbose"):
            verbose = True
        elif token == "--json":
            as_json = True
        elif token == "--data-dir":
            data_dir = next(tokens, None)
            if data_dir is None or data_dir.startswith("-"):
                return None
        elif token.startswith("--data-dir="):
            data_dir = token.partition("=")[2]
        else:
            return None
    return argparse.Namespace(data_dir=data_dir, json=as_json, verbose=verbose, command=None)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `cunwu` console script (`cunwu FILE.cwpkg`: the GUI, previewing the file)."""
    raw = sys.argv[1:] if argv is None else list(argv)
    from desktop import selftest_lock

    if raw[:1] == [selftest_lock.HOLD_ARG]:  # the selftest's second process (not a command)
        return selftest_lock.hold(raw[1:])
    if len(raw) == 1 and raw[0].lower().endswith(".cwpkg"):  # a package double-clicked
        from desktop import paths as paths_mod
        from desktop.app import run_gui

        return run_gui(paths_mod.resolve(None), verbose=False, open_package=Path(raw[0]).expanduser().absolute())
    args = _gui_start(raw)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    if args.command == "init" and not getattr(args, "setup", None) and not (args.name and args.code):
        parser.error("请给出 --name 和 --code,或者用 --setup 指定乡镇发来的入网文件。")
    from desktop import paths as paths_mod

    paths = paths_mod.resolve(args.data_dir)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(paths, verbose=args.verbose)
    from desktop.logging_setup import configure

    configure(paths.logs if paths.data_dir.exists() else None, verbose=args.verbose)
    handler: Callable[[argparse.Namespace, Any], dict[str, Any]] = COMMANDS[args.command]
    from desktop import cli_guard, db_busy

    lock = None
    try:
        lock = cli_guard.take_folder(args, paths)  # a command that writes: one process per data folder
        result = handler(args, paths)
    except Exception as exc:  # noqa: BLE001 - a refusal of ours, or SQLite's lock wait ran out
        refusal = exc if isinstance(exc, CunwuError) else db_busy.as_refusal(exc)
        if refusal is None:
            raise
        log.info("refused: %s", refusal)
        sys.stderr.write(f"{refusal}\n")
        if args.json:
            held_by = cli_guard.held_by(refusal)
            cli_guard.quiet_pipe(lambda: _print_json(
                {"ok": False, "error": str(refusal), **({"held_by": held_by} if held_by else {})}))
        return EXIT_REFUSED
    finally:
        from models.db import close_database

        close_database()
        if lock is not None:
            lock.release()
    if args.json:
        cli_guard.quiet_pipe(lambda: _print_json(result))
    else:
        cli_guard.quiet_pipe(lambda: [print(line) for line in result.pop("_lines", [])])
    return EXIT_OK if result.get("ok", True) else EXIT_REFUSED


def _print_json(obj: dict[str, Any]) -> None:
    obj = {k: v for k, v in obj.items() if not k.startswith("_")}
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _open(paths):
    from desktop.storage import open_store

    open_store(paths)


def _require_installation(records: bool = False):
    """This installation, or a refusal; with `records`, also refused at a county (it keeps no village records)."""
    from desktop.services import setup_service

    info = setup_service.current()
    if info is None:
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这个数据文件夹还没有初始化。请先运行 cunwu init village(或 township、county)。")))
    if records and info.mode == "county":
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "县级版不保存村里的记录(村规民约、村务公开、人员名册等),这个命令只能在村(或乡镇)的电脑上使用。"
            "县里看到的是各乡镇县级汇总包中的合规情况和备案登记。")))
    return info


def cmd_init(args, paths) -> dict[str, Any]:
    """`cunwu init village|township` (a village may start from its township's setup package)."""
    from desktop.services import setup_service

    setup_file = getattr(args, "setup", None)
    if setup_file and args.mode == "township":  # the county's 入网文件 (issue 19)
        from desktop import cli_county

        return cli_county.init_township_from_setup(args, paths, Path(setup_file).expanduser(), _open, Refused)
    if setup_file:
        return _init_from_setup(args, paths, Path(setup_file).expanduser())
    _open(paths)
    province = args.province
    # a county without --province: the one its code names (330106 → 浙江省), as the first-run wizard does;
    # left national, every township and village it enrols would start without its province's rules
    from_code = args.mode == "county" and not province
    if from_code:
        from models.provinces import profile_of_code

        province = profile_of_code(args.code)
    info = setup_service.initialize(args.mode, args.name, args.code, province or "national")
    lines = [f"已初始化:{info.name}({info.code}),数据文件夹 {paths.data_dir}"]
    if from_code:
        from models.provinces import province_label

        lines.append(f"省份配置:{province_label(info.province)}(按代码前两位确定;"
                     "要用其他配置,请在初始化时加 --province)。")
    return {
        "mode": info.mode, "code": info.code, "name": info.name, "province": info.province,
        "province_from_code": from_code,
        "data_dir": str(paths.data_dir), "database": str(paths.database),
        "_lines": [*lines, "下一步:打开软件(直接运行 cunwu)创建管理员账号。"],
    }


def _init_from_setup(args, paths, setup_file: Path) -> dict[str, Any]:
    from desktop.sync import enrollment

    setup = enrollment.read_setup(setup_file)  # verified before any folder is created
    for given, expected in ((args.code, setup.village_code), (args.name, setup.village_name),
                            (args.province, setup.province)):
        if given and given != expected:
            raise Refused(msg(_C, QT_TRANSLATE_NOOP(
                _C, "命令行给出的“{given}”与入网文件中的“{expected}”不一致。"), given=given, expected=expected))
    _open(paths)
    info, setup = enrollment.initialize_from_setup(setup_file)
    return {
        "mode": info.mode, "code": info.code, "name": info.name, "province": info.province,
        "data_dir": str(paths.data_dir), "database": str(paths.database),
        "township": {"code": setup.township_code, "name": setup.township_name},
        "township_fingerprint": setup.fingerprint,
        "_lines": [f"已初始化:{info.name}({info.code}),属于 {setup.township_name}({setup.township_code})。",
                   f"请打电话与乡镇核对乡镇电脑的指纹:{setup.fingerprint}",
                   "下一步:打开软件(直接运行 cunwu)创建管理员账号。"],
    }


def cmd_demo(args, paths) -> dict[str, Any]:
    """`cunwu demo`: initialise a demo village if needed, then fill it."""
    from desktop import demo
    from desktop.services import setup_service
    from desktop.services.session import cli_session

    _open(paths)
    info = setup_service.current()
    if info is None:
        info = setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    session = cli_session(info.mode)
    county = info.mode == "county"
    args.years = (1 if county else 10) if args.years is None else args.years
    args.villages = (3 if county else 30) if args.villages is None else args.villages
    if args.years < 1 or args.years > 30:
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--years 应在 1 到 30 之间。")))
    if info.mode == "county":  # three small demo townships, their 汇总包 imported (issue 19)
        from desktop import demo_county

        def county_progress(done: int, total: int, text) -> None:
            sys.stderr.write(f"[{done}/{total}] {text}\n")
            sys.stderr.flush()

        result = demo_county.fill_county(session, paths, townships=3, villages=args.villages, years=args.years,
                                         progress=county_progress)
        return {"mode": info.mode, "code": info.code, "name": info.name, "people": 0, "villages": result.villages,
                "users": result.users, "meetings": 0, "registers": 0, "password": demo.DEMO_PASSWORD,
                "packages": result.counts.get("packages", 0), "records": 0,
                "townships": result.counts.get("townships", 0), "filings": result.counts.get("filings", 0),
                "_lines": [f"已为 {info.name} 生成演示数据:{result.counts.get('townships', 0)} 个乡镇、"
                           f"{result.villages} 个村,各乡镇的县级汇总包已导入。",
                           f"演示账号:{'、'.join(result.users) or '(已存在)'},密码均为 {demo.DEMO_PASSWORD}"]}
    if info.mode == "township":
        from desktop import demo_township

        def progress(done: int, total: int, text) -> None:
            sys.stderr.write(f"[{done}/{total}] {text}\n")
            sys.stderr.flush()

        result = demo_township.fill_township(session, paths, villages=args.villages, years=args.years,
                                             progress=progress)
    else:
        result = demo.fill_village(session, years=args.years, election_stage=args.election_stage,
                                   election_story=args.election_story)
    return {
        "mode": info.mode, "code": info.code, "name": info.name,
        "people": result.people, "villages": result.villages, "users": result.users,
        "meetings": result.counts.get("meetings", 0), "registers": result.counts.get("registers", 0),
        "password": demo.DEMO_PASSWORD,
        "packages": result.counts.get("packages", 0), "records": result.counts.get("records", 0),
        "_lines": [f"已为 {info.name} 生成演示数据:" + (
                       f"{result.villages} 个村,各村数据包已导入,共 {result.counts.get('records', 0)} 条记录。"
                       if info.mode == "township" else f"人员 {result.people} 人。"),
                   f"演示账号:{'、'.join(result.users) or '(已存在)'},密码均为 {demo.DEMO_PASSWORD}"],
    }


def cmd_check(args, paths) -> dict[str, Any]:
    """`cunwu check`: SQLite integrity, references and the audit chain."""
    from desktop.services import integrity_service

    if not paths.database.exists():
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到数据库:{path}"), path=paths.database))
    _open(paths)
    repaired = integrity_service.repair_search_index() if getattr(args, "repair_index", False) else None
    report = integrity_service.run_check()
    return {
        "ok": report.ok, "schema_version": report.schema_version,
        "integrity": report.integrity, "foreign_key_violations": report.foreign_key_violations,
        "audit_rows": report.audit_rows, "audit_problems": [str(p) for p in report.audit_problems],
        "records_checked": report.replay.records, "records_mismatched": report.replay.mismatched,
        "records_unaudited": report.replay.unaudited, "records_missing": report.replay.missing,
        "record_problems": [str(p) for p in report.replay.problems],
        "stored_values_invalid": report.stored.count,
        "stored_value_problems": [str(p) for p in report.stored.problems],
        "search_index_in_step": report.search_index_in_step, "search_index_rebuilt": repaired,
        "_lines": ([] if repaired is None else [str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "搜索索引已重建:{rows} 条记录。"), rows=repaired))])
        + [str(line) for line in report.lines()]
        + (["检查通过。"] if report.ok else ["检查发现问题,请联系乡镇或技术支持,并保留数据文件夹。"]),
    }


def cmd_backup(args, paths) -> dict[str, Any]:
    """`cunwu backup --to DIR`."""
    from desktop import backup

    if not paths.database.exists():
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到数据库:{path}"), path=paths.database))
    _open(paths)  # refuses foreign or newer databases before we copy them
    target = backup.create_backup(paths.database, Path(args.to).expanduser(), reason="manual")
    return {"path": str(target), "_lines": [f"备份已写入:{target}"]}


def _on_terminal() -> bool:
    """A person can answer a question (stdin is a terminal)."""
    return bool(sys.stdin) and sys.stdin.isatty()


def _confirm(question: str) -> bool:
    if not _on_terminal():
        return False
    sys.stderr.write(question + " [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes", "是")


def _describe(summary) -> str:
    from models.clock import local_display

    counts = ",".join(f"{k} {v}" for k, v in summary.counts.items())
    return (f"{summary.name or '(未初始化)'} {summary.code} — {counts};"
            f"最后修改 {local_display(summary.last_change) or '无'}")


def cmd_restore(args, paths) -> dict[str, Any]:
    """`cunwu restore FILE [--yes]`: verify, show what is replaced, keep the old one."""
    from desktop import backup

    source = Path(args.file).expanduser()
    incoming = backup.summarize(source)
    current = backup.summarize(paths.database) if paths.database.exists() else None
    lines = [f"将要恢复:{_describe(incoming)}"]
    if current:
        lines.append(f"将被替换:{_describe(current)}(会先另存一份备份)")
    if not args.yes:
        sys.stderr.write("\n".join(lines) + "\n")
        if not _confirm("确定要用这个备份替换当前数据吗?"):
            raise Refused(msg(_C, QT_TRANSLATE_NOOP(
                _C, "没有恢复:需要确认。在脚本中请加 --yes。")))
    paths.ensure()
    previous = backup.restore(source, paths.database, paths.backups)
    lines.append(f"已恢复。原来的数据库另存为:{previous}" if previous else "已恢复。")
    return {"restored": str(source), "previous_backup": str(previous) if previous else None,
            "_lines": lines}


def cmd_selftest(args, paths) -> dict[str, Any]:
    """`cunwu selftest`: exercise every layer in a temporary folder."""
    from desktop import selftest

    report = selftest.run()
    return {"ok": report.ok, "steps": report.steps, "log": report.log_path,
            "_lines": report.lines()}


def cmd_rules(args, paths) -> dict[str, Any]:
    """`cunwu rules import|check|diff`."""
    from desktop.services import rule_files, rules_service
    from desktop.services.session import cli_session

    if args.rules_command == "check":
        text = rule_files.read_text(Path(args.file))
        findings = rules_service.check(text)
        items = [{"article": f.article, "severity": f.severity, "category": f.category,
                  "sentence": f.sentence, "matched": list(f.matched), "message": f.text()} for f in findings]
        lines = [f"第 {f.article} 条 [{'违法' if f.severity == 'error' else '需审查'}] {f.sentence}\n    {f.text()}"
                 for f in findings] or ["没有发现可能违法的条款。"]
        return {"findings": items, "errors": sum(f.severity == "error" for f in findings),
                "warnings": sum(f.severity == "warning" for f in findings), "_lines": lines}
    _open(paths)
    info = _require_installation(records=True)
    if args.rules_command == "import":
        text = rule_files.read_text(Path(args.file))
        version, parsed = rules_service.import_text(cli_session(info.mode), text, args.title, args.kind,
                                                    source_name=Path(args.file).name)
        notes = [str(n) for n in parsed.notes]
        title_source = "option" if args.title.strip() else (parsed.title_source or "text")
        return {"version_id": version.id, "articles": len(parsed.articles), "chapters": len(parsed.chapters),
                "title": version.title, "notes": notes, "scheme": parsed.scheme, "title_source": title_source,
                "_lines": [f"已导入“{version.title}”第 {version.version_no} 版(草案):"
                           f"{len(parsed.chapters)} 章,{len(parsed.articles)} 条。版本号 {version.id}", *notes]}
    from desktop.reports.rules_diff_xlsx import write_diff_xlsx

    out = write_diff_xlsx(args.v1, args.v2, Path(args.out).expanduser(), only_changes=not args.all)
    return {"path": str(out), "_lines": [f"修订对照表已写入:{out}"]}


def cmd_disclosure(args, paths) -> dict[str, Any]:
    """`cunwu disclosure import-ledger|export`."""
    import re

    from desktop.services import disclosure_service, ledger_import
    from desktop.services.session import cli_session
    from models.disclosure.financial_table import totals
    from models.disclosure.money import as_decimal_string

    _open(paths)
    info = _require_installation(records=True)
    session = cli_session(info.mode)
    if args.disclosure_command == "export":
        from desktop.reports.disclosure_xlsx import write_year_xlsx

        out = write_year_xlsx(args.year, Path(args.out).expanduser())
        return {"path": str(out), "_lines": [f"{args.year} 年的公开内容已导出:{out}"]}
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.period):
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--period 应写成 2026-10 这样的年月。")))
    read = ledger_import.read_ledger(Path(args.file), args.sheet)
    if not read.lines:
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "表格里没有读到任何收支明细。")))
    from models.db import database

    year, month = args.period.split("-")
    title = f"{int(year)}年{int(month)}月财务收支公开"
    second = args.yes
    if not second:  # a second posting of the month asks first (issue 15), as 新建 does on the screen
        from models.errors import DuplicateRecord

        try:
            disclosure_service.refuse_a_second("finance_monthly", args.period, "month")
        except DuplicateRecord as exc:
            if args.json or not _confirm(str(exc)):
                raise Refused(msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{question}没有导入:要仍然新建一份,请加 --yes(或先在 村务公开 里处理已有的那份)。"),
                    question=str(exc))) from None
            second = True
    with database.atomic():
        item = disclosure_service.create_item(session, "finance_monthly", args.period, title,
                                              allow_duplicate=second)
        # The sheet's 期初余额 row when it has one, else the last posted month's 期末余额 (carried by create_item).
        opening = read.opening_fen if read.opening_fen is not None else disclosure_service.table(item.id)[0]
        t = totals(opening, read.lines)
        disclosure_service.save_table(session, item.id, opening, t.computed_closing, read.lines)
    skipped = [{"row": s.row, "reason": s.reason} for s in read.skipped]
    return {"posting_id": item.id, "lines": len(read.lines), "income": as_decimal_string(t.income),
            "expense": as_decimal_string(t.expense), "opening": as_decimal_string(opening),
            "closing": as_decimal_string(t.computed_closing), "skipped": skipped,
            "_lines": [f"已导入 {len(read.lines)} 笔:收入 {as_decimal_string(t.income)} 元,"
                       f"支出 {as_decimal_string(t.expense)} 元(草稿,请核对期末余额后提交监委会审核)。"]
            + [f"第 {s.row} 行未导入:{s.reason}" for s in read.skipped]}


def cmd_enroll(args, paths) -> dict[str, Any]:
    """`cunwu enroll --village-code C --village-name N --out DIR` (township)."""
    from desktop.services.session import cli_session
    from desktop.sync import enrollment

    _open(paths)
    info = _require_installation()
    session = cli_session(info.mode)
    if info.mode == "county":
        from desktop import cli_county

        return cli_county.enroll(args, paths, info, session)
    if args.township_code or args.township_name:
        from desktop import cli_county

        cli_county.usage_error("--township-code 只能在县级版上使用(县给乡镇入网);乡镇给村入网请用 --village-code。")
    if not args.village_code or (not args.village_name and not args.reenroll):
        from desktop import cli_county

        cli_county.usage_error("请给出 --village-code 和 --village-name。")
    out = Path(args.out).expanduser()
    if args.reenroll:
        path = enrollment.reenroll_village(session, paths, args.village_code, args.reenroll, out)
    else:
        path = enrollment.enroll_village(session, paths, args.village_code, args.village_name, out, args.province)
    from desktop.sync import keys

    fp = keys.load_or_create(paths.keys).fingerprint
    return {"path": str(path), "village_code": args.village_code, "township_fingerprint": fp,
            "_lines": [f"入网文件已写入:{path}", "请用U盘当面交给村里,不要通过微信、QQ、邮件或网盘发送(谁拿到它,谁就能冒充这个村的电脑)。",
                        f"村里导入时会打电话核对乡镇电脑的指纹,请念给对方:{fp}"]}


def cmd_export(args, paths) -> dict[str, Any]:
    """`cunwu export [--full] --to DIR`: prints the package path."""
    from desktop.services.session import cli_session
    from desktop.sync import exporter

    _open(paths)
    info = _require_installation()
    if info.mode == "county":
        from desktop import cli_county

        return cli_county.export_receipts(args, paths, cli_session(info.mode))
    if args.township:
        from desktop import cli_county

        cli_county.usage_error("--township 只能在县级版上使用(县给乡镇写回执)。")
    if args.recovery:
        from desktop import cli_recovery

        return cli_recovery.export(cli_session(info.mode), paths, args.recovery, Path(args.to).expanduser())
    if info.mode == "township" and not args.village:
        return _export_for_county(info, paths, Path(args.to).expanduser())
    result = exporter.export_package(cli_session(info.mode), paths, Path(args.to).expanduser(),
                                     full=args.full, recipient_code=args.village)
    return {"path": str(result.path), "number": result.number, "recipient": result.recipient,
            "records": result.records, "counts": result.counts, "attachments": result.attachments,
            "bytes": result.size, "seq_from": result.seq_from, "seq_to": result.seq_to,
            "_lines": [str(result.path), f"第 {result.number} 号数据包:{result.records} 条记录,"
                       f"{result.attachments} 个附件,{result.size // 1024 + 1} KB。可以安全拔出U盘。"]}


def _export_for_county(info, paths, folder: Path) -> dict[str, Any]:
    """Township without --village: the county aggregate (县级汇总包)."""
    from desktop.services.session import cli_session
    from desktop.sync import county_enrollment, upward

    result = upward.export_for_county(cli_session(info.mode), paths, folder)
    notes = []
    if county_enrollment.county_peer() is None:  # written all the same: a county that enrols it takes it
        notes.append(str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "注意:本乡镇还没有加入县(没有导入县里的入网文件)。县里要先登记本乡镇,才能导入这个汇总包;"
            "县里给的入网文件用 cunwu import 读入。"))))
    if not result.villages:
        notes.append(str(msg(_C, QT_TRANSLATE_NOOP(_C, "注意:还没有村入网或交来数据包,这个汇总包不含任何村。"))))
    return {"path": str(result.path), "number": result.number, "recipient": "county", "kind": upward.KIND,
            "villages": result.villages, "periods": result.periods, "bytes": result.size,
            "_lines": [str(result.path), f"县级汇总包第 {result.number} 号:{result.villages} 个村、"
                       f"{result.periods} 个期间的合规情况(不含个人信息)。可以安全拔出U盘。", *notes]}


def cmd_import(args, paths) -> dict[str, Any]:
    """`cunwu import FILE... [--yes]`: a summary per file; exit 1 if any was refused."""
    from desktop import cli_county, cli_recovery
    from desktop.services.session import cli_session
    from desktop.sync import enrollment, first_contact, importer, recovery
    from desktop.sync import package_format as fmt
    from desktop.sync.import_backup import ImportBackup

    _open(paths)
    info = _require_installation()
    session = cli_session(info.mode)
    if info.mode == "county":  # 县级汇总包 (issue 19)
        return cli_county.import_at_county(args, paths, session, _confirm, _ask_fingerprint)
    batch = ImportBackup(paths)  # one backup for all the files, before the first that writes
    results, lines, ok = [], [], True
    for name in args.files:
        path = Path(name).expanduser()
        try:
            county_file = cli_county.import_at_township(path, session, paths) if info.mode == "township" else None
            if county_file is not None:  # the county's 入网文件 or 回执
                results.append(county_file[0])
                lines += county_file[1]
                continue
            if _is_setup(path, fmt):
                setup = enrollment.read_setup(path)
                enrollment.accept_setup(setup)
                results.append({"file": str(path), "ok": True, "kind": "setup",
                                "township": setup.township_code, "fingerprint": setup.fingerprint})
                lines.append(f"{path.name}:已加入 {setup.township_name}。请打电话核对乡镇电脑指纹:{setup.fingerprint}")
                continue
            typed = args.fingerprint
            if not args.yes and (args.json or not _on_terminal()):  # DESIGN §5: --yes when nobody can be asked
                raise Refused(msg(_C, QT_TRANSLATE_NOOP(
                    _C, "没有导入:导入数据包需要确认,这里没有可以回答的终端。在脚本中请加 --yes。")))
            if recovery.is_recovery(path):  # the township's 恢复包 for this village's new PC
                result, more = cli_recovery.import_one(session, paths, path, ask=not args.yes)
                results.append(result)
                lines += more
                continue
            if not args.yes:
                try:
                    plan = importer.plan_import(path, paths)
                except CunwuError as exc:
                    importer.journal_refusal(paths.data_dir, path, str(exc))
                    raise
                sys.stderr.write("\n".join(plan.summary_lines()) + "\n")
                if not plan.already_imported and not _confirm("导入这个数据包吗?"):
                    raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "没有导入:需要确认。在脚本中请加 --yes。")))
                typed = _ask_fingerprint(plan, typed)
            plan = importer.apply_import(session, path, paths, backup=batch, confirm=first_contact.confirmer(typed))
        except CunwuError as exc:
            ok = False
            results.append({"file": str(path), "ok": False, "error": str(exc)})
            lines.append(f"{path.name}:已拒绝。{exc}")
            sys.stderr.write(f"{path.name}:{exc}\n")
            continue
        results.append({
            "file": str(path), "ok": True, "kind": "data", "sender": plan.sender_code, "number": plan.number,
            "already_imported": plan.already_imported, "new": plan.total("new"), "changed": plan.total("changed"),
            "same": plan.total("same"), "older": plan.total("older"), "conflicts": plan.total("conflict"),
            "attachments": plan.attachments, "warnings": plan.warnings,
            "audit": plan.audit, "audit_reason": plan.audit_reason,  # the sender's audit chain (witness)
            "tables": {t.table: {"new": t.new, "changed": t.changed, "deleted": t.deleted, "conflict": t.conflict}
                       for t in plan.tables if t.new or t.changed or t.conflict}})
        lines += [f"{path.name}:", *("  " + line for line in plan.summary_lines())]
    if batch.path is not None:
        lines.append(f"导入前的备份:{batch.path}")
    return {"ok": ok, "packages": results, "backup": str(batch.path) if batch.path else None, "_lines": lines}


def _ask_fingerprint(plan, given: str | None) -> str | None:
    """On a terminal, a first package asks for the 8 characters the village read out (unless given)."""
    if given or not plan.first_contact or plan.already_imported:
        return given
    where = "“报表”页" if getattr(plan, "from_township", False) else "“数据交换”页右上角"  # a township has no 数据交换
    sys.stderr.write(f"请打电话给{plan.peer_name or plan.sender_code},请对方在{where}(或“帮助 → 关于”)念出电脑指纹,"
                     "在这里输入(8 位,如 ABCD-EFGH):")
    sys.stderr.flush()
    return sys.stdin.readline().strip()


def cmd_report(args, paths) -> dict[str, Any]:
    """`cunwu report compliance --out FILE.xlsx [--period 2026Q3] [--pdf FILE.pdf]` (township only).

    `cunwu report elections --out FILE.xlsx`: the 换届结果统计表 (`desktop.cli_election_report`).
    """
    from desktop.reports.compliance_xlsx import write_compliance_xlsx
    from desktop.services import compliance_service

    _open(paths)
    info = _require_installation()
    if args.report_command == "elections":
        from desktop.cli_election_report import report_elections

        return report_elections(args, info, Refused)
    from desktop import cli_documents

    if args.report_command in cli_documents.COMMANDS:  # issue 19: the township's documents
        return cli_documents.report_document(args, info, Refused)
    if info.mode == "county":  # the county's report across townships (issue 19)
        from desktop import cli_county

        return cli_county.report_compliance(args, paths, Refused)
    if info.mode != "township":
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "合规报表由乡镇汇总各村的数据生成,只能在乡镇电脑上运行。这台电脑是“{name}”(村)。"), name=info.name))
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise Refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--out 应是 .xlsx 文件,如 合规报表.xlsx。")))
    from datetime import date

    from desktop.reports.compliance_common import sign_lines_for

    board = compliance_service.board(args.period or compliance_service.default_period())
    # the command line has no login: 填报人 is the one set in 公文设置, else a line to sign on
    sign = sign_lines_for("", date.today())
    path = write_compliance_xlsx(board, out, sign=sign)
    pdf_path = None
    if args.pdf:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs Qt's fonts, not a screen
        from PySide6.QtGui import QGuiApplication

        from desktop.reports.compliance_pdf import write_compliance_pdf

        _app = QGuiApplication.instance() or QGuiApplication([])
        pdf_path = write_compliance_pdf(board, Path(args.pdf).expanduser(), sign)
    lines = [f"合规报表已写入:{path}"] + ([f"PDF 已写入:{pdf_path}"] if pdf_path else [])
    lines.append(f"{board.period_label}:{len(board.villages)} 个村,{len(board.obligations)} 项义务,"
                 f"数据截至 {board.data_as_of or '—'}。" + ("这一期间还没有任何村的数据,报表中已注明。" if board.empty else ""))
    if board.silent_villages:
        lines.append(f"长期未报送(超过 {board.silent_after_days} 天没有数据包):{len(board.silent_villages)} 个村,"
                     "报表中单独列出。")
    return {"path": str(path), "pdf": str(pdf_path) if pdf_path else None, "period": board.period,
            "period_label": board.period_label, "villages": len(board.villages),
            "obligations": len(board.obligations), "empty": board.empty,
            "rates": {o.key: board.rate(o.key) for o in board.obligations},
            "data_as_of": board.data_as_of,
            # issue 17 (added keys): the villages' overall rate (无数据 counts as not on time), the
            # township's own duties, and the villages listed apart as 长期未报送
            "overall_rate": board.overall_rate(),
            "township": {o.key: {"state": board.township_cell(o.key).state, "note": board.township_cell(o.key).note,
                                 "done": board.township_cell(o.key).done, "late": board.township_cell(o.key).late,
                                 "expected": board.township_cell(o.key).expected}
                         for o in board.township_obligations},
            "silent_after_days": board.silent_after_days,
            "silent_villages": [{"code": v.code, "name": v.name, "data_as_of": v.data_as_of,
                                 "silent_days": v.silent_days} for v in board.silent_villages],
            "_lines": lines}


def _is_setup(path: Path, fmt) -> bool:
    try:
        opened = fmt.open_package(path)
    except CunwuError:
        return False  # the import itself gives the reason
    try:
        return opened.manifest.get("kind") == "setup"
    finally:
        opened.close()


def cmd_info(args, paths) -> dict[str, Any]:
    """`cunwu info`: this installation and the fingerprint read out on the phone (see `desktop.cli_info`)."""
    from desktop import cli_info

    _open(paths)
    return cli_info.info(paths, _require_installation())


def cmd_people(args, paths) -> dict[str, Any]:
    """`cunwu people list|…` (see `desktop.cli_people`)."""
    from desktop import cli_people

    return cli_people.cmd_people(args, paths, _open, lambda: _require_installation(records=True))


def cmd_election(args, paths) -> dict[str, Any]:
    """`cunwu election tally FILE.xlsx --registered N --cast N --seats …` (see `desktop.cli_election`)."""
    from desktop import cli_election

    return cli_election.cmd_election(args, paths)


def cmd_users(args, paths) -> dict[str, Any]:
    """`cunwu users add | reset-password | unlock | list` (see `desktop.cli_users`)."""
    from desktop import cli_users

    return cli_users.cmd_users(args, paths)


def cmd_verify(args, paths) -> dict[str, Any]:
    """`cunwu verify CODE` (see `desktop.cli_verify`)."""
    from desktop import cli_verify

    return cli_verify.cmd_verify(args, paths, _open, _require_installation)


def cmd_search(args, paths) -> dict[str, Any]:
    """`cunwu search QUERY [--kind K] [--village CODE] [--year Y]` (see `desktop.cli_search`)."""
    from desktop import cli_search

    return cli_search.cmd_search(args, paths, _open, _require_installation)


COMMANDS: dict[str, Callable[..., dict[str, Any]]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "selftest": cmd_selftest,
    "info": cmd_info,
    "rules": cmd_rules,
    "disclosure": cmd_disclosure,
    "enroll": cmd_enroll,
    "export": cmd_export,
    "import": cmd_import,
    "report": cmd_report,
    "people": cmd_people,
    "election": cmd_election,
    "users": cmd_users,
    "verify": cmd_verify,
    "search": cmd_search,
}
