"""`cunwu verify CODE`: does a printed document's 核验码 match the records on this PC?

    cunwu verify MK7Q-M2XD-P9AE [--json]

Prints the verdict in Chinese; `--json` prints {"match", "status", "kind",
"village", "title", "seq", "reason", "warnings"}, status one of "match",
"mismatch", "unknown" (not received yet) or "bad_code" (a typo: the check
character failed). Exit 0 when the paper matches, 1 otherwise (the reason on
standard error), so a script can test it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

_C = "cli"


def add_parser(sub: argparse._SubParsersAction, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `verify` to the `cunwu` parser."""
    verify = sub.add_parser("verify", help="核验纸质件:输入打印件上的核验码,看它与本机收到的记录是否一致")
    verify.add_argument("code", help="核验码,如 MK7Q-M2XD-P9AE(大小写、空格和短横线都可以)")


def cmd_verify(args, paths, open_store, require_installation) -> dict[str, Any]:
    """Run the check and shape its outcome for the command line."""
    from desktop.services import verification_code

    open_store(paths)
    require_installation()
    verdict = verification_code.verify(args.code)
    if verdict.match:
        status = "match"
    elif verdict.match is None:
        status = "unknown"
    else:
        status = "mismatch" if verdict.kind else "bad_code"
    reason = str(verdict.reason)
    warnings = [str(w) for w in verdict.warnings]
    lines = [f"{verdict.kind}:{verdict.village} {verdict.title}".strip()] if verdict.kind and verdict.village else []
    if verdict.match:
        lines += [reason, *warnings]
    else:
        sys.stderr.write("\n".join([reason, *warnings]) + "\n")
    return {"ok": bool(verdict.match), "match": bool(verdict.match), "status": status, "kind": verdict.kind,
            "village": verdict.village, "title": verdict.title, "seq": verdict.seq, "reason": reason,
            "warnings": warnings, "_lines": lines}
