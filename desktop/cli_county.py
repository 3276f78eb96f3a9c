"""The command line of county mode and of the township's side of it (DESIGN §5, issue 19).

- county: `enroll --township-code C --township-name N --out DIR` (the township's 入网文件),
  `import FILE...` (县级汇总包), `export --to DIR [--township CODE]` (回执),
  `report compliance --out FILE.xlsx [--period P]`, `demo` (three small demo townships);
- township: `init township --setup FILE` and `import FILE` of the county's 入网文件 and 回执.

`desktop.cli` hands these over by mode and by what the file says it is; the
JSON keys of the commands stay those of the township's (`path`, `packages`, …).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from models.errors import CunwuError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cli"


def usage_error(text: str) -> None:
    """A usage error (exit 2) as argparse gives one: the reason in Chinese on stderr."""
    sys.stderr.write(f"用法错误:{text}\n")
    raise SystemExit(2)


# --- enrolment ----------------------------------------------------------------------------------

def enroll(args, paths, info, session) -> dict[str, Any]:
    """`cunwu enroll --township-code C --township-name N --out DIR [--reenroll 原因]` at the county."""
    from desktop.sync import county_enrollment, keys

    if args.village_code or args.village_name:
        usage_error("县级版给乡镇入网:请用 --township-code 和 --township-name(--village-code 是乡镇给村入网用的)。")
    if not args.township_code or (not args.township_name and not args.reenroll):
        usage_error("请给出 --township-code 和 --township-name。")
    out = Path(args.out).expanduser()
    if args.reenroll:
        path = county_enrollment.reenroll_township(session, paths, args.township_code, args.reenroll, out)
    else:
        path = county_enrollment.enroll_township(session, paths, args.township_code, args.township_name, out,
                                                 args.province)
    fp = keys.load_or_create(paths.keys).fingerprint
    return {"path": str(path), "township_code": args.township_code.strip(), "county_fingerprint": fp,
            "_lines": [f"入网文件已写入:{path}",
                       "请用U盘当面交给乡镇,不要通过微信、QQ、邮件或网盘发送(谁拿到它,谁就能冒充这个乡镇的电脑)。",
                       f"乡镇导入时会打电话核对县里电脑的指纹,请念给对方:{fp}"]}


def init_township_from_setup(args, paths, setup_file: Path, open_store, refused) -> dict[str, Any]:
    """`cunwu init township --setup FILE`: a new township from its county's 入网文件."""
    from desktop.sync import county_enrollment

    setup = county_enrollment.read_county_setup(setup_file)  # verified before any folder is created
    for given, expected in ((args.code, setup.township_code), (args.name, setup.township_name),
                            (args.province, setup.province)):
        if given and given != expected:
            raise refused(msg(_C, QT_TRANSLATE_NOOP(
                _C, "命令行给出的“{given}”与入网文件中的“{expected}”不一致。"), given=given, expected=expected))
    open_store(paths)
    info, setup = county_enrollment.initialize_from_county_setup(setup_file)
    return {
        "mode": info.mode, "code": info.code, "name": info.name, "province": info.province,
        "data_dir": str(paths.data_dir), "database": str(paths.database),
        "county": {"code": setup.county_code, "name": setup.county_name},
        "county_fingerprint": setup.fingerprint,
        "_lines": [f"已初始化:{info.name}({info.code}),属于 {setup.county_name}({setup.county_code})。",
                   f"请打电话与县里核对县里电脑的指纹:{setup.fingerprint}",
                   "下一步:打开软件(直接运行 cunwu)创建管理员账号。"],
    }


# --- import -------------------------------------------------------------------------------------

def import_at_township(path: Path, session, paths) -> tuple[dict, list[str]] | None:
    """The county's 入网文件 or 回执 at a township (None: the file is neither, the usual import goes on)."""
    from desktop.sync import county_enrollment, county_receipt

    if county_enrollment.is_county_setup(path):
        setup = county_enrollment.read_county_setup(path)
        from models.db import database

        with database.atomic():
            county_enrollment.accept_county_setup(setup)
        return ({"file": str(path), "ok": True, "kind": county_enrollment.KIND, "county": setup.county_code,
                 "fingerprint": setup.fingerprint},
                [f"{path.name}:已加入 {setup.county_name}。请打电话核对县里电脑指纹:{setup.fingerprint}"])
    if county_receipt.is_receipt(path):
        ack = county_receipt.import_receipt(session, path, paths)
        line = (f"{path.name}:{ack.county_name}已于 {ack.last_received_on} 收到第 {ack.last_number} 号汇总包。"
                if ack and ack.last_number else f"{path.name}:已导入县里的回执。")
        return ({"file": str(path), "ok": True, "kind": county_receipt.KIND, "number": ack.receipt_number if ack else 0,
                 "received": [n for n, _ in ack.received] if ack else []}, [line])
    return None


def import_at_county(args, paths, session, confirm_question, ask_fingerprint) -> dict[str, Any]:
    """`cunwu import FILE... [--yes] [--fingerprint X]` at the county: each file a 县级汇总包."""
    from desktop.sync import county_import, first_contact, importer

    results, lines, ok = [], [], True
    for name in args.files:
        path = Path(name).expanduser()
        try:
            typed = args.fingerprint
            if not args.yes:
                if args.json or not sys.stdin or not sys.stdin.isatty():
                    raise CunwuError(msg(_C, QT_TRANSLATE_NOOP(
                        _C, "没有导入:导入数据包需要确认,这里没有可以回答的终端。在脚本中请加 --yes。")))
                try:
                    plan = county_import.plan_aggregate(path, paths)
                except CunwuError as exc:
                    importer.journal_refusal(paths.data_dir, path, str(exc))
                    raise
                sys.stderr.write("\n".join(plan.summary_lines()) + "\n")
                if not plan.already_imported and not confirm_question("导入这个汇总包吗?"):
                    raise CunwuError(msg(_C, QT_TRANSLATE_NOOP(_C, "没有导入:需要确认。在脚本中请加 --yes。")))
                typed = ask_fingerprint(plan, typed)
            plan = county_import.apply_aggregate(session, path, paths, confirm=first_contact.confirmer(typed))
        except CunwuError as exc:
            ok = False
            results.append({"file": str(path), "ok": False, "error": str(exc)})
            lines.append(f"{path.name}:已拒绝。{exc}")
            sys.stderr.write(f"{path.name}:{exc}\n")
            continue
        results.append({"file": str(path), "ok": True, "kind": county_import.KIND, "sender": plan.sender_code,
                        "number": plan.number, "already_imported": plan.already_imported, "older": plan.older,
                        "villages": plan.villages, "periods": plan.periods, "filings": plan.filings,
                        "first_contact": plan.first_contact, "fingerprint": plan.fingerprint,
                        "warnings": plan.warnings})
        lines += [f"{path.name}:", *("  " + line for line in plan.summary_lines())]
        if not plan.already_imported:  # the plan's words were written for before the import: say it is done
            lines.append("  " + str(msg(_C, QT_TRANSLATE_NOOP(_C, "已导入(电脑指纹已核对一致,以后的汇总包凭签名核验)。")
                                        if plan.first_contact else QT_TRANSLATE_NOOP(_C, "已导入。"))))
    return {"ok": ok, "packages": results, "backup": None, "_lines": lines}


# --- export: the county's 回执 -----------------------------------------------------------------

def export_receipts(args, paths, session) -> dict[str, Any]:
    """`cunwu export --to DIR [--township CODE]` at the county: the 回执 (one per township)."""
    from desktop.sync import county_receipt

    if args.village or args.recovery or args.full:
        usage_error("县级版导出的是给乡镇的回执:请用 --township 乡镇代码(或不加,给每个乡镇各写一份);"
                    "--village、--recovery、--full 是乡镇和村用的。")
    folder = Path(args.to).expanduser()
    if args.township:
        written = [county_receipt.export_receipt(session, paths, args.township.strip(), folder)]
    else:
        written = county_receipt.export_receipts(session, paths, folder)
    if not written:
        raise CunwuError(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有导入过任何乡镇的汇总包,没有可以回执的内容。")))
    return {"path": str(written[0].path), "paths": [str(r.path) for r in written], "kind": county_receipt.KIND,
            "receipts": [{"township": r.township_code, "path": str(r.path), "number": r.number,
                          "received": list(r.received)} for r in written],
            "_lines": [str(r.path) for r in written]
            + [f"已写出 {len(written)} 份回执(给{'、'.join(r.township_name for r in written)})。可以安全拔出U盘。"]}


# --- report -------------------------------------------------------------------------------------

def report_compliance(args, paths, refused) -> dict[str, Any]:
    """`cunwu report compliance --out FILE.xlsx [--period P] [--pdf FILE.pdf]` at the county (the township's JSON keys)."""
    from desktop.reports.county_xlsx import write_county_xlsx
    from desktop.services import county_service

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--out 应是 .xlsx 文件,如 合规报表.xlsx。")))
    pdf_out = Path(args.pdf).expanduser() if getattr(args, "pdf", None) else None
    if pdf_out is not None and pdf_out.suffix.lower() != ".pdf":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--pdf 应是 .pdf 文件,如 县级合规.pdf。")))
    period = args.period or county_service.default_period()
    board = county_service.board(period)
    path = write_county_xlsx(board, out)
    pdf_path = None
    if pdf_out is not None:  # the same report on paper (desktop.reports.county_pdf), as the township's --pdf
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs Qt's fonts, not a screen
        from PySide6.QtGui import QGuiApplication

        from desktop.reports.county_pdf import write_county_pdf

        _app = QGuiApplication.instance() or QGuiApplication([])
        pdf_path = write_county_pdf(board, pdf_out)
    lines = [f"县级合规报表已写入:{path}"] + ([f"PDF 已写入:{pdf_path}"] if pdf_path else []) + [
             f"{board.period_label}:{len(board.townships)} 个乡镇、{board.villages} 个村,{len(board.obligations)} 项义务。"
             + ("这一期间还没有任何乡镇的数据,报表中已注明。" if board.empty else "")]
    return {"path": str(path), "pdf": str(pdf_path) if pdf_path else None, "period": board.period,
            "period_label": board.period_label,
            "villages": board.villages, "obligations": len(board.obligations), "empty": board.empty,
            "rates": {o.key: board.obligation_rate(o.key) for o in board.obligations},
            "data_as_of": max((t.data_as_of for t in board.townships), default=""),
            "overall_rate": board.overall_rate(),
            # the township report's keys, kept (DESIGN §5): at the county its townships' own duties are per
            # township (`townships`), and silence is each township's business
            "township": {}, "silent_after_days": 0, "silent_villages": [],
            "townships": [{"code": t.code, "name": t.name, "villages": t.villages, "data_as_of": t.data_as_of,
                           "rate": board.township_rate(t.code)} for t in board.townships],
            "_lines": lines}
