"""What an operation changed, and which pages show it.

`models.db.written_tables()` notes every table a thread writes (peewee
queries and the importer's raw SQL alike), so the operations layer learns what
a call changed by running it inside `recording()`: no service has to
remember to report its writes, and a new service cannot forget to. The main
window hands the result to every page, and each page refreshes when the
change touches what it shows.

Pages are named by their navigation keys (`ui.navigation`). The mapping is
generous on purpose: refreshing a page that did not need it costs a query,
a stale page costs a person's trust. A table this module does not know makes
every page refresh, so a new table is never silently missed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from models.db import written_tables

#: Every page key of the three modes (village, township and county).
ALL_PAGES = frozenset({"home", "people", "rules", "disclosure", "meetings", "supervision", "exchange",
                       "villages", "review", "compliance", "reports", "elections", "townships", "filings"})

_MEETINGS = ("meetings", "rules", "supervision", "disclosure", "home", "compliance", "review")
_RULES = ("rules", "review", "home", "compliance", "villages")
_DISCLOSURE = ("disclosure", "supervision", "home", "compliance")
_SUPERVISION = ("supervision", "disclosure", "home", "compliance")
_TOWNSHIP = ("rules", "review", "home", "compliance", "villages", "supervision", "disclosure", "exchange")
#: 民主选举: the village's 民主选举 page and the township's 换届 board share the key "elections".
_ELECTIONS = ("elections", "people", "meetings", "supervision", "home", "compliance", "villages")
_SYNC = ("exchange", "villages", "home", "compliance", "reports", "townships")
#: What a county holds from its townships' 县级汇总包 (`models.county.records`).
_COUNTY = ("townships", "compliance", "filings", "home", "reports")

#: table → the pages that show something read from it.
PAGES_BY_TABLE: dict[str, tuple[str, ...]] = {
    # the register and the installation
    "person": ("people", "meetings", "supervision", "home", "elections"),
    "person_role": ("elections", "people", "supervision", "home"),
    "kinship": ("people", "supervision"),
    "village_group": ("people", "meetings", "home"),
    "household": ("people", "meetings", "home"),
    "represented_household": ("people", "meetings", "home"),
    "user": ("people", "home"),
    "village": ("villages", "exchange", "home", "compliance", "reports", "review"),
    "township": ("villages", "exchange", "home"),
    # 会议与表决
    "meeting": _MEETINGS, "meeting_attendance": _MEETINGS, "agenda_item": _MEETINGS,
    "resolution": _MEETINGS, "person_vote": _MEETINGS, "authorization": _MEETINGS,
    "decision_register": _MEETINGS, "decision_step": _MEETINGS,
    "attachment": ("meetings", "rules", "disclosure", "supervision"),
    # 村规民约
    "rule_set": _RULES, "rule_version": _RULES, "rule_article": _RULES, "rule_opinion": _RULES,
    "review_comment": _RULES,
    # 村务公开
    "disclosure_item": _DISCLOSURE, "financial_posting": _DISCLOSURE, "financial_line": _DISCLOSURE,
    "feedback": _DISCLOSURE + ("review",), "disclosure_subject": _DISCLOSURE,
    # 村务监督
    "committee_term": _SUPERVISION, "committee_member": _SUPERVISION,
    "supervision_matter": _SUPERVISION + ("review",), "voucher_review": _SUPERVISION,
    "questioned_voucher": _SUPERVISION, "appraisal": _SUPERVISION, "appraisal_result": _SUPERVISION,
    # 民主选举 (the elected become term records: the register, meetings and the 监委会 read them)
    "election": _ELECTIONS, "election_committee_member": _ELECTIONS, "voter": _ELECTIONS,
    "voter_objection": _ELECTIONS, "candidate": _ELECTIONS, "proxy_vote": _ELECTIONS,
    "election_round": _ELECTIONS, "election_tally": _ELECTIONS, "elected_member": _ELECTIONS,
    "recall": _ELECTIONS, "selection": _ELECTIONS,
    # what the township writes about a village's records
    "rule_review": _TOWNSHIP, "rule_filing": _TOWNSHIP, "township_answer": _TOWNSHIP,
    "township_notice": _TOWNSHIP, "notice_read": ("home", "exchange"),
    # packages and their bookkeeping
    "peer": _SYNC, "retired_key": _SYNC, "package_log": _SYNC, "sync_conflict": _SYNC, "audit_witness": _SYNC,
    "app_meta": ("exchange", "villages", "home"),  # last package sent / received
    # the county's copy of its townships' 汇总包
    **dict.fromkeys(("county_township", "county_village", "county_period", "county_cell", "county_township_cell",
                     "county_filing", "county_article"), _COUNTY),
    # the search index (`models.search_index`): derived from the records above, shown by none
    **dict.fromkeys(("search_doc", "search_fts", "search_fts_data", "search_fts_idx", "search_fts_docsize",
                     "search_fts_config"), ()),
}

#: Bookkeeping every write touches; it shows nowhere by itself.
_SILENT = frozenset({"audit_entry", "change_counter"})

#: The installation row holds the mode, name and province that every check reads.
_EVERYTHING = frozenset({"installation"})


@dataclass(frozen=True)
class Changes:
    """The tables one operation wrote (`everything`: reload every page)."""

    tables: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *tables: str) -> Changes:
        """Changes to the named tables (an unknown table, or the installation, means every page)."""
        names = frozenset(tables) - _SILENT
        return cls(names, bool(names & _EVERYTHING) or any(t not in PAGES_BY_TABLE for t in names))

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def pages(self) -> frozenset[str]:
        """The navigation keys of the pages that show something changed."""
        if self.everything:
            return ALL_PAGES
        return frozenset(key for table in self.tables for key in PAGES_BY_TABLE.get(table, ()))

    def touches(self, page_key: str) -> bool:
        """Whether the page `page_key` shows something that changed."""
        return page_key in self.pages()


NOTHING = Changes()


class Recording:
    """The tables written inside one `recording()` block; `changes` once it has ended."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    @property
    def changes(self) -> Changes:
        """What the block changed (`NOTHING` when it wrote no table)."""
        return Changes.of(*self.tables)


@contextmanager
def recording() -> Iterator[Recording]:
    """Run a block and learn which tables it wrote (on this thread).

    Nested blocks report to the outermost one: an operation is what the
    person asked for, however many services it calls.
    """
    result = Recording()
    with written_tables() as tables:
        result.tables = tables
        yield result
