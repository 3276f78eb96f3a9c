"""The kinds of search hits as the screens name them, in the order their groups are shown.

The names and the order are the search service's (`search_service.KINDS`,
`KIND_LABELS`, translated in its context "search"): the window and
`cunwu search` call a kind the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.county_search import COUNTY_KINDS
from desktop.services.search_service import KIND_LABELS, KINDS


def kind_label(kind: str) -> str:
    """The translated group name of `kind` (an unknown kind: its own key, never nothing)."""
    text = KIND_LABELS.get(kind)
    return QCoreApplication.translate("search", text) if text else kind


def kind_rank(kind: str) -> int:
    """Where the group of `kind` comes in the list (unknown kinds last)."""
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def kinds_for(township: bool, county: bool = False) -> tuple[str, ...]:
    """The kinds the 类别 filter offers: all at a village and the township, the filed articles at a county.

    The township's people open in its village files' 村民 tab; the county holds only the
    filed rule texts (`county_search.COUNTY_KINDS`).
    """
    del township  # the township's people open in the village file's 村民 tab
    return COUNTY_KINDS if county else KINDS
