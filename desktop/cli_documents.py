"""`cunwu report review-opinion|filing-receipt|rectification …`: the township's documents from the command line.

The same documents as the 审核备案 page's 打印 buttons
(`desktop.reports.township_documents`), written as PDF or Word by the
suffix of `--out`. A draft is named by its village (its latest reviewed
draft) or by its version id; a filing by the receipt number printed on it
(备案号) or by its id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cli"
REVIEW, RECEIPT, NOTICE = "review-opinion", "filing-receipt", "rectification"
COMMANDS = (REVIEW, RECEIPT, NOTICE)


def add_parsers(report_sub, parser_class) -> None:
    """The three subcommands of `report`."""
    def common(p) -> None:
        p.add_argument("--out", required=True, help="写入的文件:.pdf 或 .docx")
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="以一个 JSON 对象输出结果(同全局 --json)")

    review = report_sub.add_parser(REVIEW, help="乡镇:村规民约草案的审核意见书(PDF 或 Word)")
    review.add_argument("--village", default=None, metavar="村代码", help="该村最近审核过的草案")
    review.add_argument("--version", default=None, metavar="ID", help="草案(版本)的编号")
    common(review)
    for name, text in ((RECEIPT, "乡镇:村规民约备案回执(PDF 或 Word)"),
                       (NOTICE, "乡镇:责令改正通知书(PDF 或 Word)")):
        p = report_sub.add_parser(name, help=text)
        p.add_argument("--receipt-no", default=None, metavar="备案号", help="回执上的备案号,如 青山镇备〔2026〕3号")
        p.add_argument("--filing", default=None, metavar="ID", help="备案记录的编号")
        common(p)


def report_document(args, info, refused: type[Exception]) -> dict[str, Any]:
    """Write the document; refuse (exit 1, in Chinese) away from a township or without a record to print."""
    import os

    from desktop.reports import official_document, township_documents
    from desktop.services import review_service
    from desktop.services.session import cli_session

    if info.mode != "township":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "审核意见书、备案回执和责令改正通知书由乡镇出具,只能在乡镇电脑上运行。")))
    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--out 应是 .pdf 或 .docx 文件。")))
    if not out.parent.is_dir():  # before a 文号 is given: a typo in the folder must not print a traceback
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到文件夹“{folder}”。U盘是否已经插好?"), folder=out.parent))
    session = cli_session(info.mode)
    if args.report_command == REVIEW:
        version_id = args.version or _reviewed_draft(args.village, refused, review_service)
        prepared = township_documents.review_opinion(session, version_id)
    else:
        filing_id = args.filing or _filing_by_receipt(args.receipt_no, refused, review_service)
        prepared = (township_documents.filing_receipt(filing_id) if args.report_command == RECEIPT
                    else township_documents.rectification(session, filing_id))
    try:
        if out.suffix.lower() == ".docx":
            path = official_document.write_docx(prepared.document, out)
        else:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs Qt's fonts, not a screen
            from PySide6.QtGui import QGuiApplication

            _app = QGuiApplication.instance() or QGuiApplication([])
            path = official_document.write_pdf(prepared.document, out)
    except OSError as exc:  # a read-only stick, a file open in WPS: said in Chinese, no traceback
        from desktop.file_errors import os_error_text

        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "没有写成 {path}:{reason}。"), path=out,
                          reason=os_error_text(exc))) from exc
    doc = prepared.document
    return {"path": str(path), "kind": prepared.kind, "number": doc.number, "title": doc.title,
            "addressee": doc.addressee, "date": doc.date_text,
            "_lines": [f"{doc.title}({doc.number or '无文号'})已写入:{path}"]}


def _reviewed_draft(village: str | None, refused, review_service) -> str:
    if not village:
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "请用 --village 村代码 或 --version 编号 指明哪份草案。")))
    rows = [r for r in review_service.queue() if r.village_code == village and r.reviewed_on]
    if not rows:
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "村代码 {code} 没有已登记审核意见的草案。"), code=village))
    return max(rows, key=lambda r: r.reviewed_on).version_id


def _filing_by_receipt(number: str | None, refused, review_service) -> str:
    if not number:
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "请用 --receipt-no 备案号 或 --filing 编号 指明哪份备案。")))
    for row in review_service.filing_register():
        if row.filing_id and row.receipt_no == number.strip():
            return row.filing_id
    raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "本镇的备案登记里没有备案号“{no}”。"), no=number))
