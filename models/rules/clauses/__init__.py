"""Reading the clauses of a 村规民约 the way a reviewing lawyer does.

`legality.py` is the façade the app calls; the reading lives here, one purpose
per file: `sentences` cuts a text into sentences and clauses, `simplify` reads
Traditional characters as Simplified, `numbers` reads money amounts (Arabic or
Chinese numerals), `lexicon` holds the words (who, what happens to them, what
is taken, penalties, protective and lawful wording), `scope` says how far a
prohibition, a condition or a lawful reason reaches in a sentence, `sanction`
reads a rule's consequence by the class of what it takes (money, property,
liberty, dignity) when no listed word did, `analyzer` reads one sentence with
them, and `verdicts` says which law each kind of finding breaks.

The readings are built from roles (who × what happens × what is taken) and
classes (a negator before any verb of receiving, any amount in a consequence,
a person put in a village place), not from whole phrases, so that a clause
phrased differently from the development sentences is still read; the
development sentences are paraphrased (synonym swaps, wrapping in a report,
Traditional characters, wrapped lines) to check that.

Measured on tests/data/clauses (scripts/legality_eval.py); the figures are in
the commit messages and the issue's closing note.
"""
