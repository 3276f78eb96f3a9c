"""Cutting an article into sentences, and a sentence into clauses.

Real texts end sentences with "。", "；", "！", "？", line breaks, and also the
ASCII "." and ";" (typed on a phone, or pasted from a web page). A "." between
digits ("2.5万元") is a decimal point, never a sentence end. Clauses (split at
commas and colons) are the scope of a negation: in "严禁赌博,违者罚款200元"
the 严禁 governs the gambling, not the fine.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。；;！!？?\n\r]+|(?<![0-9０-９])[.．](?![0-9０-９])")
_CLAUSE_END = re.compile(r"[，,：:]")
_WRAPPED = re.compile(r"([，,、：:（(])[ \t\u3000]*[\n\r]+[ \t\u3000]*")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, each with its closing mark when it had one.

    A line break right after a comma, a colon or an opening bracket is a wrapped line (a PDF or a web
    page cut the clause), not a sentence end: the condition "嫁出半年不办迁移的," at a line end stays with its
    consequence on the next line.
    """
    text = _WRAPPED.sub(r"\1", text)
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start:match.end()].strip()
        start = match.end()
        if piece.strip("。；;！!？?.． \n\r\t"):
            out.append(piece.strip())
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """(start, end) of the clause of `sentence` that holds `position`."""
    start = 0
    for match in _CLAUSE_END.finditer(sentence):
        if match.start() < position:
            start = match.end()
        else:
            return start, match.start()
    return start, len(sentence)
