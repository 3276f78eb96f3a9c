"""Which encoding a Chinese text file is in: UTF-8/UTF-16 by their marks, else GB18030 or Big5 by plausibility.

Why a guess is needed at all: GB18030's two-byte space (lead 0x81–0xFE, trail
0x40–0x7E and 0x80–0xFE) contains Big5's (lead 0x81–0xFE, trail 0x40–0x7E and
0xA1–0xFE), so a Big5 file *always* decodes as GB18030 — into nonsense. Trying
the codecs in turn, as the readers did, read every Big5 file as GB18030.

How it guesses: decode the bytes both ways (a codec that fails is out) and
score each result by how plausible its characters are for a written Chinese
text. Common characters (GB2312 level 1, the 3,755 most used simplified
characters, and Big5 level 1, the 5,401 most used traditional ones, plus CJK
punctuation and full-width forms) count +1; other CJK ideographs −0.5;
anything else outside ASCII (kana, Greek, Cyrillic, box drawing, private-use
code points, which is what Big5 bytes turn into when read as GB18030, or GBK's
rare extension ideographs) −2. The higher score wins; a tie goes to GB18030
(the mainland default and the encoding of almost every file a village PC
writes). Both sets come from the codecs themselves, so there is no data file
to ship.

Where it fails: a very short text whose bytes are common characters in both
encodings. Measured (tests/bench/measure_text_encoding.py, 31,008 Big5 and
48,751 GB18030 texts: the zh_TW and zh_CN message catalogues of a Debian
system, vim's Chinese tutors, the demo 村规民约): no GB18030 text is ever taken
for Big5 (precision 1.000 at every length); Big5 is recognised in 80% of texts
of 1–2 characters, 97% of 3–4, 99.8% of 5–30 and all texts over 100.
"""

from __future__ import annotations

from functools import lru_cache

_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
GB18030, BIG5 = "gb18030", "cp950"  # Big5 as Windows writes it (code page 950, a superset)


def _range_chars(codec: str, leads: range, trails: range) -> set[str]:
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return out


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    gb_level1 = _range_chars("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    big5_level1 = _range_chars("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    punctuation = {chr(c) for c in (*range(0x3000, 0x3040), *range(0xFF01, 0xFF5F), *range(0x2010, 0x2027))}
    punctuation |= set("·—…‘’“”《》〈〉「」『』【】〔〕×÷№℃°")
    return frozenset(gb_level1 | big5_level1 | punctuation)


def plausibility(text: str) -> float:
    """Score of `text` as written Chinese (higher is more plausible); ASCII counts nothing."""
    common = _common()
    score = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        if ch in common:
            score += 1
        elif "\u4e00" <= ch <= "\u9fff":
            score -= 0.5
        else:
            score -= 2
    return score


def guess(data: bytes) -> str | None:
    """The encoding `data` is written in: "utf-16", "utf-8-sig", "gb18030", "cp950" (Big5), or None if none fits.

    A Big5 text with up to one undecodable character in a hundred still counts as Big5
    (`decode` shows those as U+FFFD); GB18030 likewise.
    """
    if data.startswith(_UTF16_MARKS):
        return "utf-16"
    try:
        data.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    decoded = {}
    for codec in (GB18030, BIG5):
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        # a real Big5 file often holds a few bytes of a vendor extension cp950 does not know;
        # one such character in a hundred still reads as Big5, more is not this encoding
        if bad and bad * 100 > sum(1 for ch in text if ch >= "\x80"):
            continue
        decoded[codec] = text
    if not decoded:
        return None
    if len(decoded) == 1:
        return next(iter(decoded))
    return BIG5 if plausibility(decoded[BIG5]) > plausibility(decoded[GB18030]) else GB18030


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of `data`, or None when no encoding fits."""
    encoding = guess(data)
    if encoding is None:
        return None
    return data.decode(encoding, "replace"), encoding
