"""`cunwu report elections --out FILE.xlsx [--json]`: the 换届结果统计表 from the command line (township only).

The same service and writer as the 换届选举 page's 导出统计表 button
(`desktop.services.election_board_service.export_stats`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cli"


def report_elections(args, info, refused: type[Exception]) -> dict[str, Any]:
    """Write the sheet; refuse (exit 1, in Chinese) on a village computer or a file that is not .xlsx."""
    from desktop.reports.election_stats_xlsx import counted_rows
    from desktop.services import election_board_service as svc
    from desktop.services.session import cli_session
    from models.township import elections_board as eb

    if info.mode == "county":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "换届结果统计表由乡镇汇总各村的数据生成,只能在乡镇电脑上运行;县级汇总包不含换届名单。"
            "这台电脑是“{name}”(县)。"), name=info.name))
    if info.mode != "township":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(
            _C, "换届结果统计表由乡镇汇总各村的数据生成,只能在乡镇电脑上运行。这台电脑是“{name}”(村)。"),
            name=info.name))
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise refused(msg(_C, QT_TRANSLATE_NOOP(_C, "--out 应是 .xlsx 文件,如 换届统计表.xlsx。")))
    session = cli_session(info.mode)
    board = svc.board(session)
    path = svc.write_stats(board, out)
    counted = counted_rows(board)
    stages: dict[str, int] = {}
    for row in board.reporting:
        stages[row.stage] = stages.get(row.stage, 0) + 1
    with_problems = [r for r in board.reporting if r.findings]
    lines = [f"换届结果统计表已写入:{path}",
             f"{len(board.rows)} 个村:已公告选举结果 {len(counted)} 个,有问题 {len(with_problems)} 个,"
             f"未交来数据包 {len(board.silent)} 个。"]
    lines += [f"  {eb.stage_label(code)}:{n} 个村" for code, n in sorted(stages.items(),
                                                                     key=lambda kv: eb.STAGES.index(kv[0]))]
    return {"path": str(path), "villages": len(board.rows), "counted": len(counted),
            "silent": [r.village.code for r in board.silent],
            "stages": {r.village.code: r.stage for r in board.reporting},
            "problems": {r.village.code: [f.key for f in r.findings] for r in with_problems},
            "_lines": lines}
