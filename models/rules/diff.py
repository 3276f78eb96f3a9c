"""Article-by-article diff of two rule versions, matched by content, not by number.

A revision renumbers freely (insert an article and every later number
shifts), so matching by "第十条 vs 第十条" shows everything as changed. Here
articles are paired by their text: identical text first, then the most
similar remaining pair above a threshold. Each pair is then classified:
unchanged, changed (with a character-level diff: Chinese has no spaces), and
flagged as moved (its order relative to the others changed) and/or
renumbered. Unpaired articles are added or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
SIMILAR_ENOUGH = 0.5
_NOISE = re.compile(r"[\s　,，。;；:：、!！?？()（）“”\"'《》]")


@dataclass(frozen=True)
class Article:
    """An article as the diff sees it: number (position), label, chapter, text."""

    number: int
    label: str
    text: str
    chapter: str = ""


@dataclass
class DiffEntry:
    """One line of the comparison."""

    kind: str
    old: Article | None = None
    new: Article | None = None
    moved: bool = False
    renumbered: bool = False
    similarity: float = 1.0
    #: For CHANGED: [(op, old_text, new_text)] with op in equal/replace/delete/insert.
    segments: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def changed_at_all(self) -> bool:
        """Anything a reader should look at (text, place or number)."""
        return self.kind != SAME or self.moved or self.renumbered


def _key(text: str) -> str:
    return _NOISE.sub("", text)


def similarity(a: str, b: str) -> float:
    """How alike two article texts are, 0..1.

    The plain ratio undervalues a clause that was *rewritten around* its core
    ("违反本约乱倒垃圾的,罚款50元" → "违反本约乱倒垃圾的,由村民委员会批评教育…"),
    so the share of the shorter text found in the longer one also counts.
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    ratio = matcher.ratio()
    shorter = min(len(a), len(b))
    if shorter < 6:
        return ratio
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return max(ratio, 0.8 * kept / shorter)


def char_segments(old: str, new: str) -> list[tuple[str, str, str]]:
    """Character-level opcodes between two texts."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [(op, old[i1:i2], new[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def _longest_increasing(indices: list[int]) -> set[int]:
    """Positions (in `indices`) of a longest strictly increasing subsequence."""
    if not indices:
        return set()
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(indices)
    import bisect

    for i, value in enumerate(indices):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(i)
        else:
            tails[k] = value
            tail_pos[k] = i
        prev[i] = tail_pos[k - 1] if k else -1
    keep, i = set(), tail_pos[-1]
    while i != -1:
        keep.add(i)
        i = prev[i]
    return keep


def diff_articles(old: list[Article], new: list[Article]) -> list[DiffEntry]:
    """Compare two versions; entries follow the new order, removals after their old neighbour."""
    pairs: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    used_old: set[int] = set()
    by_key: dict[str, list[int]] = {}
    for i, a in enumerate(old):
        by_key.setdefault(_key(a.text), []).append(i)
    for j, b in enumerate(new):
        candidates = [i for i in by_key.get(_key(b.text), []) if i not in used_old]
        if candidates:
            i = min(candidates, key=lambda i: abs(i - j))
            pairs[j] = (i, 1.0)
            used_old.add(i)
    scored = []
    for j, b in enumerate(new):
        if j in pairs:
            continue
        for i, a in enumerate(old):
            if i in used_old:
                continue
            ratio = similarity(_key(a.text), _key(b.text))
            if ratio >= SIMILAR_ENOUGH:
                scored.append((ratio, -abs(i - j), i, j))
    for ratio, _distance, i, j in sorted(scored, reverse=True):
        if j not in pairs and i not in used_old:
            pairs[j] = (i, ratio)
            used_old.add(i)

    ordered = sorted(pairs.items())  # by new index
    in_order = _longest_increasing([i for _j, (i, _r) in ordered])
    moved_new = {ordered[k][0] for k in range(len(ordered)) if k not in in_order}

    entries_by_new: list[DiffEntry] = []
    for j, b in enumerate(new):
        if j in pairs:
            i, ratio = pairs[j]
            a = old[i]
            same_text = _key(a.text) == _key(b.text)
            entry = DiffEntry(SAME if same_text else CHANGED, a, b, moved=j in moved_new,
                              renumbered=a.number != b.number, similarity=ratio)
            if not same_text:
                entry.segments = char_segments(a.text, b.text)
            entries_by_new.append(entry)
        else:
            entries_by_new.append(DiffEntry(ADDED, None, b, similarity=0.0))
    # Slot each removed article after the entry holding its old predecessor.
    result = list(entries_by_new)
    for i, a in enumerate(old):
        if i in used_old:
            continue
        anchor = -1
        for k, entry in enumerate(result):
            if entry.old is not None and entry.old.number < a.number:
                anchor = k
        result.insert(anchor + 1, DiffEntry(REMOVED, a, None, similarity=0.0))
    return result


@dataclass(frozen=True)
class DiffSummary:
    """Counts for a heading: "新增 2 条,删除 1 条,修改 3 条,移动 1 条,重新编号 12 条"."""

    added: int
    removed: int
    changed: int
    moved: int
    renumbered: int
    unchanged: int


def summarize(entries: list[DiffEntry]) -> DiffSummary:
    """Count the entries by kind."""
    return DiffSummary(
        added=sum(e.kind == ADDED for e in entries),
        removed=sum(e.kind == REMOVED for e in entries),
        changed=sum(e.kind == CHANGED for e in entries),
        moved=sum(e.moved for e in entries),
        renumbered=sum(e.renumbered for e in entries),
        unchanged=sum(e.kind == SAME and not e.moved for e in entries),
    )
