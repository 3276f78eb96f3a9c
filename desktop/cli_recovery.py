"""The 恢复包 on the command line: `cunwu export --recovery CODE --to DIR` (township) and `cunwu import FILE` (village).

Kept apart from `desktop.cli` so the exchange commands stay short; the
service is `desktop.sync.recovery`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from desktop.services.session import Session
from models.errors import CunwuError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cli"


def export(session: Session, paths, village_code: str, folder: Path) -> dict[str, Any]:
    """Write a village's 恢复包; the JSON keys and the lines the CLI prints."""
    from desktop.sync import recovery

    result = recovery.export_recovery(session, paths, village_code, folder)
    lines = [str(result.path), str(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}的恢复包:{n} 条记录,{files} 个附件,{kb} KB。请交给村里,在新电脑上导入(只有这台新电脑能打开)。"),
        name=result.village_name, n=result.records, files=result.attachments, kb=result.size // 1024 + 1))]
    if result.missing_attachments:
        lines.append(str(msg(_C, QT_TRANSLATE_NOOP(_C, "注意:本机有 {n} 个附件文件找不到,没有包含在恢复包里。"),
                             n=result.missing_attachments)))
    return {"path": str(result.path), "kind": "recovery", "village_code": result.village_code,
            "records": result.records, "counts": result.counts, "attachments": result.attachments,
            "missing_attachments": result.missing_attachments, "seq_to": result.seq_to, "bytes": result.size,
            "_lines": lines}


def import_one(session: Session, paths, path: Path, ask: bool) -> tuple[dict[str, Any], list[str]]:
    """Import one 恢复包 (asking first on a terminal when `ask`); its JSON result and printed lines.

    Raises:
        CunwuError: refused (journalled), or the person did not confirm.
    """
    from desktop.sync import importer, recovery

    if ask:
        try:
            plan = recovery.plan_recovery(path, paths)
        except CunwuError as exc:
            importer.journal_refusal(paths.data_dir, path, str(exc))
            raise
        sys.stderr.write("\n".join(plan.summary_lines()) + "\n")
        sys.stderr.write(str(msg(_C, QT_TRANSLATE_NOOP(_C, "导入这个恢复包吗?[y/N] "))))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "是"):
            raise CunwuError(msg(_C, QT_TRANSLATE_NOOP(_C, "没有导入:需要确认。在脚本中请加 --yes。")))
    plan = recovery.apply_recovery(session, path, paths)
    result = {"file": str(path), "ok": True, "kind": "recovery", "sender": plan.township_code,
              "records": plan.records, "counts": plan.counts, "attachments": plan.attachments,
              "seq_to": plan.seq_to}
    lines = [f"{path.name}:", *("  " + line for line in plan.summary_lines()),
             "  " + str(msg(_C, QT_TRANSLATE_NOOP(_C, "已恢复 {n} 条记录。"), n=plan.records))]
    return result, lines
