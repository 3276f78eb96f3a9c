"""The village file (村档案) at the township: one village's imported records, read only.

The township's database holds every enrolled village's records in the same
tables as a village's, each row's `owner` being the village's code (the
importer keeps it). These modules read one village's share and hand the
screens plain frozen dataclasses: they never write, never take a write
path (`record_store`) and check that every record asked for by id belongs
to the village named, so a go-to link cannot show another village's record
(or the township's own) under a village's name.

Modules, one area each: `summary` (the village, its last package, counts),
`rules` (rule sets, every version, its articles, the diff), `meetings`,
`postings` (村务公开 and their tables), `matters` (村务监督), `people`,
`elections` (the 换届 record, judged by the board's rules) and `packages`.

Reads are cheap enough for the UI thread: one village has ~150 meetings in
ten years (a 15-year demo village 3,149), so each list is read whole as
plain tuples in one query (no limit: a list that stopped at N rows without
a word hid a village's older records from the township), and a record's
detail in a handful more.

Go-to contract (for search): the main window's ``go_to`` accepts
``"village_file:<village code>:<kind>@<id>"`` with kind one of
`KINDS` (person, meeting, article, posting, matter, notice, election,
rule_version); the 村庄 page opens the village's file on that record
(`ui.township.villages_page.VillagesPage.open_village_file`).
"""

from __future__ import annotations

#: The record kinds a go-to link may name (see the module docstring).
KINDS = ("person", "meeting", "article", "rule_version", "posting", "matter", "notice", "election")
