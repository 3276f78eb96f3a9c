"""Legality lint for 村规民约: clauses that are likely unlawful (DOMAIN §5.4).

A heuristic, not a court: it points a secretary or a township reviewer at a
sentence and says why, with the provision. Two severities: "error" (almost
certainly unlawful: stripping married-out or divorced women of land, fees to
keep a household registration, collective punishment, detention) and
"warning" (needs review: fines, withholding welfare, naming and shaming).

The lint reads sentence by sentence. A prohibition of the act itself
("严禁非法搜身", "不得以出嫁为由侵害妇女权益") is protective and never
flagged; for the women's-rights rule the *negation is the violation*
("出嫁女不再享有…"), so it is cleared only by protective wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.legal import (
    LAND_CONTRACT_LAW,
    RULES_OPINION_2018,
    WOMEN_RIGHTS_LAW,
    LegalBasis,
    organic_law,
)
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "legality"
ERROR, WARNING = "error", "warning"

_SENTENCES = re.compile(r"[^。;；!！?？\n]+[。;；!！?？]?")
_PROHIBITORS = ("不得", "严禁", "禁止", "不准", "不许", "杜绝", "反对", "抵制", "不能")
_PROTECTIVE = ("同等", "平等", "不得以", "不得因", "不得借口", "依法保障", "保障妇女", "保护妇女",
               "享有与", "一视同仁", "不受歧视", "不得歧视", "合法权益不受")

_WOMEN_SUBJECT = re.compile(r"出嫁女|外嫁女|嫁出|出嫁|离婚|丧偶|再婚|改嫁|入赘|招婿|上门女婿|男到女家|女儿户|纯女户")
_WOMEN_LOSS = re.compile(
    r"不再享有|不享有|不得享有|不能享受|不享受|不予|取消|收回|一律调整|调整|不参与|不参加分配|无权|不分|不得参与")
_FEE = re.compile(r"(户口|户籍|结婚|婚嫁|生育|生小孩|未婚|同居|迁入|落户).{0,20}?(交|缴|收取|收).{0,8}?\d[\d.,，万千百]*\s*(元|块)")
_FINE = re.compile(r"罚款|罚金|罚没|处以[^。;；]{0,8}?\d[\d.,万千百]*\s*(元|块)|罚\s*\d[\d.,万千百]*\s*(元|块)")
_COLLECTIVE = re.compile(r"连坐|株连|殃及|子女不得(参军|升学|入学|考试|报考|参加)|全家[^。;；]{0,6}(取消|停发|不得)|直系亲属[^。;；]{0,6}(取消|不得)")
_LIBERTY = re.compile(r"搜身|关押|禁闭|游街|示众|扣押[^。;；]{0,4}(人|证件|身份证)|限制[^。;；]{0,6}人身自由|强制劳动|罚跪")
_VOTING = re.compile(r"(剥夺|取消|停止)[^。;；]{0,8}(选举权|被选举权|表决权)")
_SHAMING = re.compile(r"通报批评|张榜公布姓名|曝光|公开点名|列入黑名单|信誉档案|取消[^。;；]{0,8}(福利|分红|待遇|补贴|资格)|停发[^。;；]{0,6}(福利|分红|补贴)")


@dataclass(frozen=True)
class LegalityFinding:
    """One flagged sentence."""

    article: int  # position of the article (1-based), 0 for the preamble
    severity: str
    category: str
    sentence: str
    matched: tuple[str, ...]
    message: Message
    basis: tuple[LegalBasis, ...]

    def text(self) -> str:
        """Sentence of the finding with its citations."""
        cites = "、".join(b.cite().replace("依据", "") for b in self.basis)
        return f"{self.message}(依据{cites})" if cites else str(self.message)


def _prohibited(clause: str, start: int) -> bool:
    """Whether the words at `start` sit inside a prohibition ("严禁…", "不得…")."""
    head = clause[max(0, start - 12): start]
    return any(word in head for word in _PROHIBITORS)


def _clause_around(sentence: str, start: int) -> tuple[str, int]:
    left = max(sentence.rfind(sep, 0, start) for sep in ",，、:：")
    return sentence[left + 1:], start - (left + 1)


def check_sentence(sentence: str, article: int = 0) -> list[LegalityFinding]:
    """Findings for one sentence."""
    out: list[LegalityFinding] = []

    def add(severity, category, matched, template, *basis):
        out.append(LegalityFinding(article, severity, category, sentence.strip(), tuple(matched),
                                   msg(_C, template), tuple(basis)))

    subject = _WOMEN_SUBJECT.search(sentence)
    if subject:
        loss = _WOMEN_LOSS.search(sentence, subject.end()) or _WOMEN_LOSS.search(sentence)
        if loss and not any(p in sentence for p in _PROTECTIVE):
            add(ERROR, "women", (subject.group(0), loss.group(0)), QT_TRANSLATE_NOOP(
                _C, "以出嫁、离婚、丧偶、再婚或入赘等婚姻状况为由,剥夺或限制妇女(及入赘男子)在集体经济组织中的权益,违法。"),
                LegalBasis(WOMEN_RIGHTS_LAW, "2022", 56), LegalBasis(LAND_CONTRACT_LAW, "2018", 31),
                organic_law(27))
    def prohibited_here(match) -> bool:
        # Only the clause counts: in "严禁赌博,违者罚款200元" the fine is the penalty.
        clause, offset = _clause_around(sentence, match.start())
        return _prohibited(clause, offset)

    fee = _FEE.search(sentence)
    if fee and not prohibited_here(fee):
        add(ERROR, "fee", (fee.group(0),), QT_TRANSLATE_NOOP(
            _C, "把户口、婚姻、生育与交钱挂钩,侵犯村民的人身权利和财产权利,违法。"),
            organic_law(27), LegalBasis(WOMEN_RIGHTS_LAW, "2022", 55))
    for pattern, category, template in (
        (_COLLECTIVE, "collective", QT_TRANSLATE_NOOP(_C, "株连、连坐或惩罚家属,违法。")),
        (_LIBERTY, "liberty", QT_TRANSLATE_NOOP(_C, "搜身、关押、游街示众或限制人身自由,侵犯人身权利,违法。")),
        (_VOTING, "voting", QT_TRANSLATE_NOOP(_C, "剥夺或限制选举权、表决权,侵犯民主权利,违法。")),
    ):
        for match in pattern.finditer(sentence):
            clause, offset = _clause_around(sentence, match.start())
            if not _prohibited(clause, offset) and not _prohibited(sentence, match.start()):
                # "不得对他人非法搜身和限制他人人身自由": the prohibition may open the sentence.
                add(ERROR, category, (match.group(0),), template, organic_law(27))
                break
    fine = _FINE.search(sentence)
    if fine and not prohibited_here(fine):
        add(WARNING, "fine", (fine.group(0),), QT_TRANSLATE_NOOP(
            _C, "村规民约没有罚款的法定权力,不得滥用强制性处罚;建议改为批评教育、公开承诺等方式。"),
            LegalBasis(RULES_OPINION_2018, "2018"), organic_law(27))
    shaming = _SHAMING.search(sentence)
    if shaming and not prohibited_here(shaming):
        add(WARNING, "welfare", (shaming.group(0),), QT_TRANSLATE_NOOP(
            _C, "取消福利待遇或公开点名等惩戒措施需要审慎,请确认有法律依据、程序正当且不涉及基本权利。"),
            LegalBasis(RULES_OPINION_2018, "2018"))
    return out


def check_text(text: str, article: int = 0) -> list[LegalityFinding]:
    """Findings for every sentence of an article's text."""
    findings: list[LegalityFinding] = []
    for match in _SENTENCES.finditer(text):
        sentence = match.group(0).strip()
        if sentence:
            findings.extend(check_sentence(sentence, article))
    return findings


def check_articles(texts: list[str]) -> list[LegalityFinding]:
    """Findings for a list of article texts (article numbers are 1-based positions)."""
    out: list[LegalityFinding] = []
    for position, text in enumerate(texts, start=1):
        out.extend(check_text(text, position))
    return out
