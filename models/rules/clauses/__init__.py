"""Reading the clauses of a 村规民约 the way a reviewing lawyer does.

`legality.py` is the façade the app calls; the reading lives here, one purpose
per file: `sentences` cuts a text into sentences and clauses, `simplify` reads
Traditional characters as Simplified, `numbers` reads money amounts (Arabic or
Chinese numerals), `lexicon` holds the words (who, what happens to them, what
is taken, penalties, protective and lawful wording), `scope` says how far a
prohibition, a condition or a lawful reason reaches in a sentence, `analyzer`
reads one sentence with them, and `verdicts` says which law each kind of
finding breaks.

Measured on tests/data/clauses (scripts/legality_eval.py); the figures are in
the commit messages and the issue's closing note.
"""
