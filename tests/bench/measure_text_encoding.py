"""How well `desktop.text_encoding.guess` tells Big5 from GB18030, by text length.

Corpus (real texts written by people, from the Debian system this runs on):
- traditional Chinese: every `msgstr` of /usr/share/locale/zh_TW/LC_MESSAGES/*.mo and
  vim's zh_TW catalogue, encoded as Big5 (strings Big5 cannot encode are left out
  and counted), plus vim's own Big5 files (tutor.zh.big5, menu_zh_tw.big5.vim);
- simplified Chinese: every `msgstr` of /usr/share/locale/zh_CN/LC_MESSAGES/*.mo and
  vim's zh_CN catalogue, encoded as GB18030, plus vim's GB2312 files
  (tutor.zh.euc, menu_zh_cn.gb2312.vim) and the demo 村规民约 (desktop/demo_rules.py).

Only texts with at least one non-ASCII character count (pure ASCII is the same in
both). Run: `python tests/bench/measure_text_encoding.py`; prints precision and recall
of "Big5" per length bucket (length in non-ASCII characters).
"""

from __future__ import annotations

import gettext
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.text_encoding import BIG5, guess  # noqa: E402

VIM = Path("/usr/share/vim/vim90")
BUCKETS = ((1, 2), (3, 4), (5, 10), (11, 30), (31, 100), (101, 10**9))


def _catalogue_strings(mo: Path) -> list[str]:
    try:
        with mo.open("rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    return [s for k, s in catalog.items() if k and isinstance(s, str) and s.strip()]


def corpus() -> tuple[list[bytes], list[bytes], int]:
    """(Big5 samples, GB18030 samples, traditional strings Big5 cannot encode)."""
    big5, gb, skipped = [], [], 0
    for mo in [*Path("/usr/share/locale/zh_TW/LC_MESSAGES").glob("*.mo"), VIM / "lang/zh_TW/LC_MESSAGES/vim.mo"]:
        for s in _catalogue_strings(mo):
            try:
                big5.append(s.encode("big5"))
            except UnicodeEncodeError:
                skipped += 1
    for mo in [*Path("/usr/share/locale/zh_CN/LC_MESSAGES").glob("*.mo"), VIM / "lang/zh_CN/LC_MESSAGES/vim.mo"]:
        gb.extend(s.encode("gb18030") for s in _catalogue_strings(mo))
    for name in ("tutor/tutor.zh.big5", "lang/menu_zh_tw.big5.vim"):
        if (VIM / name).exists():
            data = (VIM / name).read_bytes()
            big5.append(data)
            big5.extend(line for line in data.splitlines() if line.strip())
    for name in ("tutor/tutor.zh.euc", "lang/menu_zh_cn.gb2312.vim"):
        if (VIM / name).exists():
            data = (VIM / name).read_bytes()
            gb.append(data)
            gb.extend(line for line in data.splitlines() if line.strip())
    from desktop.demo_rules import CHAPTERS_2019

    for chapter, texts in CHAPTERS_2019:
        gb.append(chapter.encode("gb18030"))
        gb.extend(t.encode("gb18030") for t in texts)
    return big5, gb, skipped


def _length(data: bytes, codec: str) -> int:
    return sum(1 for ch in data.decode(codec, "replace") if ch >= "\x80")


def main() -> None:
    big5, gb, skipped = corpus()
    print(f"corpus: {len(big5)} Big5 samples ({skipped} traditional strings not encodable in Big5 left out), "
          f"{len(gb)} GB18030 samples")
    print(f"{'length':>10} {'Big5 n':>7} {'GB n':>6} {'recall':>7} {'precision':>9} {'GB kept':>8}")
    total = [0, 0, 0, 0]  # big5 n, big5 found, gb n, gb called big5
    for lo, hi in BUCKETS:
        b = [d for d in big5 if lo <= _length(d, BIG5) <= hi]
        g = [d for d in gb if lo <= _length(d, "gb18030") <= hi]
        found = sum(1 for d in b if guess(d) == BIG5)
        false = sum(1 for d in g if guess(d) == BIG5)
        total = [total[0] + len(b), total[1] + found, total[2] + len(g), total[3] + false]
        recall = found / len(b) if b else float("nan")
        precision = found / (found + false) if found + false else float("nan")
        kept = 1 - false / len(g) if g else float("nan")
        label = f"{lo}-{hi}" if hi < 10**9 else f"{lo}+"
        print(f"{label:>10} {len(b):>7} {len(g):>6} {recall:>7.3f} {precision:>9.3f} {kept:>8.3f}")
    recall = total[1] / total[0]
    precision = total[1] / (total[1] + total[3])
    print(f"{'all':>10} {total[0]:>7} {total[2]:>6} {recall:>7.3f} {precision:>9.3f} {1 - total[3] / total[2]:>8.3f}")


if __name__ == "__main__":
    main()
