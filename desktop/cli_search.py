"""`cunwu search QUERY [--kind K] [--village CODE] [--year Y] [--json]`: the search box from the command line.

Same service as the window's search (`desktop.services.search_service`).
`--json` prints {"results": [{"kind", "id", "title", "snippet", "village",
"date", "village_name"}], "total": N}: the snippet plain text, newest first
within each kind; `total` counts every match, `results` holds at most
`--limit`. Without `--json` the hits are printed grouped by kind, the matched
words in 【】. Exit 0 (also with no results); 1 with a Chinese reason for an
unknown kind or a bad year; 2 for a usage error. At a county it searches the
备案登记's filed rule texts (`desktop.services.county_search`).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.services import search_service


def add_parser(sub: argparse._SubParsersAction, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `search` to the `cunwu` parser."""
    p = sub.add_parser("search", help="全文搜索:村规民约条款、会议、村务公开、监督事项、通知、选举、人员")
    p.add_argument("query", nargs="+", help="要找的字词(几个词用空格隔开:每个词都要出现)")
    p.add_argument("--kind", default=None,
                   help="只找一类记录:" + "、".join(search_service.KINDS))
    p.add_argument("--village", default=None, help="乡镇:只找这个村(村代码)")
    p.add_argument("--year", default=None, help="只找这一年的记录(四位数字)")
    p.add_argument("--limit", type=int, default=search_service.DEFAULT_LIMIT, help="最多列出多少条(默认 200)")


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each matched span in 【】 (for the terminal)."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "【", text[start:end], "】"]
        last = end
    out.append(text[last:])
    return "".join(out)


def cmd_search(args, paths, open_store, require_installation) -> dict[str, Any]:
    """Run the search and shape it for the terminal or `--json`."""
    from desktop.services.session import cli_session

    open_store(paths)
    # at a county: the filed rule texts of its 备案登记 (`county_search`), each hit naming township and village
    info = require_installation()
    query = " ".join(args.query)
    found = search_service.search(cli_session(info.mode), query, kind=args.kind, village=args.village,
                                  year=args.year, limit=args.limit)
    results = [{"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet, "village": h.village,
                "date": h.date, "village_name": h.village_name} for h in found.hits]
    lines = []
    for kind, hits in found.by_kind():
        lines.append(f"{search_service.kind_label(kind)}({dict(found.counts)[kind]} 条)")
        for h in hits:
            where = f"  [{h.village_name}]" if info.mode != "village" else ""
            lines.append(f"  {h.date or '—':<10}  {marked(h.title, h.title_spans)}{where}")
            if h.snippet:
                lines.append(f"      {marked(h.snippet, h.spans)}")
    if not found.hits:
        lines.append(f"没有找到含“{query}”的记录。")
    elif found.truncated:
        lines.append(f"共 {found.total} 条,列出最新的 {len(found.hits)} 条。可以用 --kind、--year 缩小范围。")
    return {"results": results, "total": found.total, "_lines": lines}
