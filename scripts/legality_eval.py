"""Measure the legality analyzer on the labelled clause corpus.

    python scripts/legality_eval.py            # tables for dev, holdout and all
    python scripts/legality_eval.py --json     # the same figures as JSON
    python scripts/legality_eval.py --misses   # missed and false-alarm rows (dev)
    python scripts/legality_eval.py --misses --split holdout
    python scripts/legality_eval.py --set unseen   # the independent set (tables only)
    python scripts/legality_eval.py --set both     # dev, holdout, all and unseen
    python scripts/legality_eval.py --set synthetic  # the constructed phrasing-variety set
    python scripts/legality_eval.py --set synthetic --misses  # its misses (constructed, may be listed)
    python scripts/legality_eval.py --set synthetic2 [--misses]  # the second constructed set

Each row of tests/data/clauses/corpus.tsv (or unseen.tsv) is run through
``models.rules.legality.check_text``. A row is *flagged* when it gets at least
one finding of any severity. Per labelled category: recall (flagged rows of
that label), error recall (flagged with severity "error") and how many of them
got a finding of the same category. Per category the analyzer emits:
precision (rows with a finding of that category whose label is that category)
and how many of them are unlawful at all. Any finding on a lawful row is a
false alarm. The holdout rows are for measuring only, never for tuning: the
misses are listed for dev unless a split is asked for explicitly.

unseen.tsv is a second set gathered from other sources by someone who never
read the analyzer; it estimates how the analyzer does on the team's hidden
set. Its rows are never listed (``--misses`` refuses it): only the figures
are printed, so nobody tunes words against it.

synthetic.tsv holds sentences the team constructed from the patterns the law
and issue 17 describe (not real quotes): it measures whether the analyzer reads
phrasing variety (colon/table style, ratios, time limits, status statements),
and its misses may be listed. synthetic2.tsv is a second constructed set by
another writer (分配方案, 股份章程, 公告 and news-paraphrase wording); same rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.rules.legality import check_text  # noqa: E402
from tests.support.clause_corpus import CATEGORIES, SYNTHETIC, SYNTHETIC2, UNSEEN, Clause, load  # noqa: E402


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def judge(clauses: list[Clause]) -> list[dict]:
    """Each clause with the analyzer's findings (category, severity, matched words)."""
    out = []
    for clause in clauses:
        findings = check_text(clause.text)
        out.append({
            "clause": clause,
            "findings": [{"category": f.category, "severity": f.severity,
                          "matched": list(f.matched)} for f in findings],
        })
    return out


def measure(judged: list[dict]) -> dict:
    """Per-category recall/precision and the false-alarm rate for one set of judged rows."""
    unlawful = [j for j in judged if j["clause"].unlawful]
    lawful = [j for j in judged if not j["clause"].unlawful]
    flagged = [j for j in unlawful if j["findings"]]
    alarms = [j for j in lawful if j["findings"]]
    by_label = {}
    for label in CATEGORIES:
        rows = [j for j in unlawful if j["clause"].label == label]
        if not rows:
            continue
        hit = [j for j in rows if j["findings"]]
        errors = [j for j in rows if any(f["severity"] == "error" for f in j["findings"])]
        same = [j for j in rows if any(f["category"] == label for f in j["findings"])]
        by_label[label] = {"n": len(rows), "flagged": len(hit), "recall": _ratio(len(hit), len(rows)),
                           "error_recall": _ratio(len(errors), len(rows)),
                           "same_category": len(same)}
    emitted = sorted({f["category"] for j in judged for f in j["findings"]})
    by_finding = {}
    for category in emitted:
        rows = [j for j in judged if any(f["category"] == category for f in j["findings"])]
        right = [j for j in rows if j["clause"].label == category]
        bad = [j for j in rows if j["clause"].unlawful]
        by_finding[category] = {"rows": len(rows), "precision": _ratio(len(right), len(rows)),
                                "on_unlawful": _ratio(len(bad), len(rows)),
                                "on_lawful": len(rows) - len(bad)}
    return {
        "rows": len(judged), "unlawful": len(unlawful), "lawful": len(lawful),
        "recall": _ratio(len(flagged), len(unlawful)),
        "error_recall": _ratio(sum(any(f["severity"] == "error" for f in j["findings"])
                                   for j in unlawful), len(unlawful)),
        "false_alarms": len(alarms), "false_alarm_rate": _ratio(len(alarms), len(lawful)),
        "precision_flagged": _ratio(len(flagged), len(flagged) + len(alarms)),
        "by_label": by_label, "by_finding_category": by_finding,
    }


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{value * 100:5.1f}%"


def render(name: str, figures: dict) -> str:
    """Plain-text table of one split's figures."""
    lines = [f"== {name}: {figures['rows']} rows ({figures['unlawful']} unlawful, "
             f"{figures['lawful']} lawful)",
             f"   recall {_pct(figures['recall'])}   error recall {_pct(figures['error_recall'])}"
             f"   false alarms {figures['false_alarms']}/{figures['lawful']} "
             f"= {_pct(figures['false_alarm_rate'])}   precision (flagged) "
             f"{_pct(figures['precision_flagged'])}",
             f"   {'label':<12}{'n':>4}{'flagged':>9}{'recall':>9}{'err.rec':>9}{'same cat':>10}"]
    for label, row in figures["by_label"].items():
        lines.append(f"   {label:<12}{row['n']:>4}{row['flagged']:>9}{_pct(row['recall']):>9}"
                     f"{_pct(row['error_recall']):>9}{row['same_category']:>10}")
    lines.append(f"   {'finding cat':<12}{'rows':>6}{'precision':>11}{'unlawful':>10}{'on lawful':>11}")
    for category, row in figures["by_finding_category"].items():
        lines.append(f"   {category:<12}{row['rows']:>6}{_pct(row['precision']):>11}"
                     f"{_pct(row['on_unlawful']):>10}{row['on_lawful']:>11}")
    return "\n".join(lines)


def misses(judged: list[dict]) -> list[str]:
    """One line per missed unlawful row and per false alarm."""
    out = []
    for j in judged:
        clause = j["clause"]
        if clause.unlawful and not j["findings"]:
            out.append(f"MISS  {clause.id} [{clause.label}] {clause.text}")
        elif not clause.unlawful and j["findings"]:
            cats = ",".join(f"{f['category']}:{'/'.join(f['matched'])}" for f in j["findings"])
            out.append(f"ALARM {clause.id} ({cats}) {clause.text}")
    return out


def _sets(which: str) -> dict[str, list[dict]]:
    """The judged rows of each set to print, by name ("dev", "holdout", "all", "unseen")."""
    sets: dict[str, list[dict]] = {}
    if which in ("corpus", "both"):
        judged = judge(load())
        sets["dev"] = [j for j in judged if j["clause"].split == "dev"]
        sets["holdout"] = [j for j in judged if j["clause"].split == "holdout"]
        sets["all"] = judged
    if which in ("unseen", "both"):
        sets["unseen"] = judge(load(UNSEEN))
    if which == "synthetic":
        sets["synthetic"] = judge(load(SYNTHETIC))
    if which == "synthetic2":
        sets["synthetic2"] = judge(load(SYNTHETIC2))
    return sets


def main(argv: list[str] | None = None) -> int:
    """Print the figures (or the misses); returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true",
                        help="list missed unlawful rows and false alarms (dev unless --split)")
    parser.add_argument("--split", choices=("dev", "holdout", "all"),
                        help="restrict --misses (or the tables) to one split of corpus.tsv")
    parser.add_argument("--set", dest="which", choices=("corpus", "unseen", "both", "synthetic", "synthetic2"),
                        default="corpus",
                        help="corpus.tsv (default), the independent unseen.tsv, both, "
                             "or the constructed synthetic.tsv / synthetic2.tsv")
    args = parser.parse_args(argv)
    if args.which in ("unseen", "synthetic", "synthetic2") and args.split:
        parser.error("--split applies to corpus.tsv; unseen.tsv and the synthetic sets have one split")
    if args.misses and args.which in ("unseen", "both"):
        parser.error("unseen.tsv rows are never listed, only measured (see its README section)")
    sets = _sets(args.which)
    if args.misses:
        for line in misses(sets[args.which if args.which.startswith("synthetic") else args.split or "dev"]):
            print(line)
        return 0
    names = list(sets)
    if args.split:
        names = [args.split] + (["unseen"] if "unseen" in sets else [])
    figures = {name: measure(sets[name]) for name in names}
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(render(name, figures[name]) for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
