"""Invisible characters that ride along with text pasted from web pages and chats.

A zero-width space, a BOM or a soft hyphen inside a cell is not seen on screen, yet it made
"张三\u200b" another person than "张三" and "1962.02\u200b" an unreadable birth.
"""

from __future__ import annotations

import re

#: soft hyphen, zero-width space/joiners, direction marks and embeddings, word joiner, BOM
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def visible(text: str) -> str:
    """`text` without the invisible format characters above."""
    return _INVISIBLE.sub("", text)
