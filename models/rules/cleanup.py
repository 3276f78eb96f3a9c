"""Taking the web and print debris out of a rule text before it is split into articles.

Texts reach a village PC from document sites, township portals and scanned
Word files (DOMAIN §5.5, tests/data/rule_texts/). Before the parser looks
for `第X条` or `一、`, this module removes what is not the rule itself and
counts what it removed, so the preview can say so:

- site chrome lines: breadcrumbs ("当前位置: 首页 > …"), "我要投稿",
  "相关推荐", "打印本页", "上一篇/下一篇", copyright, download notices,
  "时间:2024-… 来源:…", spam link lists ("…|…|…");
- page counters: whole lines ("1/22", "- 3 -", "第 3 页 共 9 页"), the same
  inside a sentence when spaced like a counter ("一要弘扬美德,1/ 22尊老爱幼"),
  a stray page number glued to an article ("5第五条"), and the page-split
  marker of document sites ("…严禁非法生产、" then a line "2、运输…");
- pinyin glosses some sites add after every character they think is hard
  ("會(huì)" → "會");
- ASCII "." used as a full stop between Chinese characters (turned into "。"
  so the sentence ends are seen).

Nothing here guesses at structure; it only removes or normalises, and every
change is counted in `Cleaned.counts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PAGE = "page"
CHROME = "chrome"
PINYIN = "pinyin"
DOTS = "dots"

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SENTENCE_END = "。;\uff1b!！?？"
_CN_DIGITS = "零〇一二三四五六七八九十百千两"

# Whole lines that are only a page counter, an address or a rule.
_PAGE_LINE = re.compile(
    r"^\s*(?:\d{1,4}\s*/\s*\d{1,4}|[-－—–]\s*\d{1,4}\s*[-－—–]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,\uff0c/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*(?:https?://\S+|<!--.*-->|[-=_*]{3,})\s*$")
# Counters inside a line: spaced "1/ 22" or "1 /22" (a plain "1/3" may be a fraction), "第 3 页 共 9 页", " - 3 - ".
_PAGE_INLINE = re.compile(
    r"(?<![\d/.])\d{1,3}(?:\s+/\s*|\s*/\s+)\d{1,3}(?![\d/]|\s*以)"
    r"|第\s*\d{1,3}\s*页\s*[,\uff0c/／]?\s*共\s*\d{1,3}\s*页"
    r"|(?<=\s)[-－—–]\s\d{1,3}\s[-－—–](?=\s)")
# A page number glued in front of an article: "。5第五条", a line starting "12第十二条".
_GLUED_PAGE = re.compile(rf"(?:^|(?<=[{_SENTENCE_END}\s]))\d{{1,3}}(?=\s*第\s*[{_CN_DIGITS}]+\s*[条條])",
                         re.MULTILINE)
# Document sites number the pages of a preview "1、", "2、"… at the start of each page's line.
_PAGE_SPLIT = re.compile(rf"^\s*\d{{1,2}}、(?=[{_CJK}])")
_LONG_PAGE_LINE = 120

_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_NEUTRAL = "de|le|men|me|zi|ge|ba|ma|ne|zhe|li|tou|shang|xia"  # glosses without a tone mark
# A gloss has a tone mark (so "微信(wechat)" or "(app)" stays) or is a neutral-tone syllable.
_PINYIN = re.compile(
    rf"(?<=[{_CJK}?？])[(（](?:[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}|{_NEUTRAL})[)）]")
_PINYIN_CUT = re.compile(rf"(?<=[{_CJK}])[(（][{_PINYIN_LETTERS}]{{0,6}}$", re.MULTILINE)

# …and before the next run-in item ("从简.5、本约…", "从简.5.本约…"): the item's number follows the stop.
_DOT = re.compile(rf"(?<=[{_CJK}”」』)])[.．](?=[{_CJK}“「『(]|\s*$|\d{{1,2}}\s*(?:、|[.．](?=[{_CJK}])))",
                  re.MULTILINE)
_DASH_BANNER = re.compile(r"[-=_]{5,}[^-=_\n]{0,12}[-=_]{5,}|[-=_]{8,}")

_SPAM = re.compile(r"无码|中文字幕|在线观看|婷婷|偷拍|久久精品|亚洲精品|国产精品|一区二区")
_CHROME = re.compile(
    r"当前位置|當前位置|您的位置|返回列表|打印本页|打印本頁|打印此页|关闭窗口|關閉窗口|上一篇|下一篇|"
    r"版权所有|版權所有|版权声明|copyright|©|我要投稿|相关推荐|相關推薦|由会员分享|下载文档前|仅部分预览|"
    r"文档页数|文檔頁數|扫一扫|掃一掃|手機睡眠|語音選擇|分享到|加入收藏|设为首页|浏览次数|瀏覽次數|"
    r"侵犯您的权益|联系客服|申请退款|责任编辑|責任編輯|字号[:\uff1a]|字體[:\uff1a]|【字体|【打印|【关闭", re.IGNORECASE)
_CHROME_FIELD = re.compile(
    r"^\s*[-•·*]?\s*(?:(?:发布|發布)?(?:时间|時間|日期)\s*[:\uff1a]\s*(?:\d{4}|.*(?:分享|投稿|来源|來源|作者))"
    r"|(?:来源|來源|格式|大小)\s*[:\uff1a]|(?:发布|發布)\s*[:\uff1a]\s*\d{4}|(?:作者|编辑|編輯)\s*[:\uff1a].{0,12}$)")
_ARTICLE_START = re.compile(rf"^\s*第\s*[{_CN_DIGITS}\d]+\s*[条條章]")
_CHROME_MAX = 200


@dataclass
class Cleaned:
    """The cleaned text and how many of each kind of change were made."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int) -> None:
        """Count `n` changes of `kind`."""
        if n:
            self.counts[kind] = self.counts.get(kind, 0) + n


def is_chrome(line: str) -> bool:
    """A line of site chrome: navigation, download notice, spam, a `时间:… 来源:…` line."""
    stripped = line.strip()
    if not stripped or len(stripped) > _CHROME_MAX or _ARTICLE_START.match(stripped):
        return False
    if _SPAM.search(stripped):  # a spam link list ("…无码…|…|…")
        return True
    if len(re.findall(r"[>»›]", stripped)) >= 2:  # breadcrumbs: 首页 > 范文 > …
        return True
    return bool(_CHROME.search(stripped) or _CHROME_FIELD.match(stripped))


def clean(text: str) -> Cleaned:
    """Remove chrome, page counters and pinyin; turn ASCII full stops into "。" (see module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    out = Cleaned("")
    text, n = _PINYIN.subn("", text)
    text, m = _PINYIN_CUT.subn("", text)
    out.add(PINYIN, n + m)
    lines: list[str] = []
    for line in text.split("\n"):
        if _PAGE_LINE.match(line):
            out.add(PAGE, 1)
            continue
        if _RULE_LINE.match(line) or is_chrome(line):
            out.add(CHROME, 1)
            continue
        marker = _PAGE_SPLIT.match(line)
        previous = lines[-1].rstrip() if lines else ""
        if (marker and len(previous) >= _LONG_PAGE_LINE and previous[-1] not in _SENTENCE_END + ":\uff1a"):
            lines[-1] = previous + line[marker.end():].lstrip()  # the page break cut a sentence, or a word
            out.add(PAGE, 1)
            continue
        lines.append(line)
    text = "\n".join(lines)
    text, n = _DASH_BANNER.subn("", text)
    out.add(CHROME, n)
    text, n = _PAGE_INLINE.subn("", text)
    out.add(PAGE, n)
    text, n = _GLUED_PAGE.subn("", text)
    out.add(PAGE, n)
    text, n = _DOT.subn("。", text)
    out.add(DOTS, n)
    out.text = text
    return out
