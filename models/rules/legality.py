"""Legality check for 村规民约: clauses that are unlawful (DOMAIN §5.4, issue 17).

A reviewer's aid, not a court: it points a secretary or a township reviewer
at a sentence, names the words it read and the provision it breaks. The
reading itself lives in `models.rules.clauses` (who × what happens × what is
taken, penalties, restraint, protective wording); this module is the façade
the app, the township review and `cunwu rules check` call.

Severities: "error" for what a village has no power to do (fines,
confiscation, detention, withheld entitlements, stripping married-out women…);
"warning" for what needs review (naming a person in public; a share rule that singles out women by marriage).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from models.legal import LegalBasis
from models.messages import Message, msg
from models.rules.clauses import analyzer, verdicts
from models.rules.clauses.sentences import sentences

_C = "legality"
ERROR, WARNING = "error", "warning"


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


def check_sentence(sentence: str, article: int = 0, on: date | str | None = None) -> list[LegalityFinding]:
    """Findings for one sentence; `on` is the date of the text judged (it picks the 组织法 cited)."""
    out: list[LegalityFinding] = []
    sentence = sentence.strip()
    for reading in _readings(sentence):
        if reading.review:
            severity, template = WARNING, verdicts.REVIEW_MESSAGES.get(reading.category, verdicts.EXPOSURE_MESSAGE)
        else:
            severity, template = ERROR, verdicts.MESSAGES[reading.category]
        out.append(LegalityFinding(article, severity, reading.category, sentence, reading.matched,
                                   msg(_C, template), verdicts.bases(reading.category, on)))
    return out


@functools.lru_cache(maxsize=16384)
def _readings(sentence: str) -> tuple[analyzer.Reading, ...]:
    """What the analyzer reads in `sentence`: a pure function of the text, so kept per sentence.

    The township's 审核备案 and 备案登记 check every village's text each time they
    are shown, and villages' 村规民约 share most of their sentences (a township's
    model text, the same law restated): a sentence read once is not read again.
    """
    return tuple(analyzer.read(sentence))


def check_text(text: str, article: int = 0, on: date | str | None = None) -> list[LegalityFinding]:
    """Findings for every sentence of an article's text."""
    findings: list[LegalityFinding] = []
    for sentence in sentences(text):
        findings.extend(check_sentence(sentence, article, on))
    return findings


def check_articles(texts: list[str], on: date | str | None = None) -> list[LegalityFinding]:
    """Findings for a list of article texts (article numbers are 1-based positions)."""
    out: list[LegalityFinding] = []
    for position, text in enumerate(texts, start=1):
        out.extend(check_text(text, position, on))
    return out
