"""Issue 16: rich text is the exception, and every exception escapes what it did not write itself.

`ui.widgets.outside_text.PlainByDefault` makes every QLabel plain unless its
code asks for `RichText` (or writes HTML into a text browser). This scan
lists each such place in ui/ with how outside words (a sender, a village, a
record's text, a file name) are kept literal there. A new place fails this
test until it is added here — after making sure it escapes (`html.escape`)
every word that comes from a person, a package or a file.
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
RICH = re.compile(r"TextFormat\.RichText|\.setHtml\(|setTitleFormat\(Qt\.TextFormat\.RichText")

#: file → how the words put into its rich text are escaped.
REVIEWED = {
    "township/review_draft.py": "escape() on reviewer, text and every part but our own sentences",
    "supervision/members_tab.py": "finding_lines_html (escapes each finding)",
    "supervision/appraisal_tab.py": "finding_lines_html (escapes each finding)",
    "supervision/matters_tab.py": "escape() on title, dates and text",
    "meetings/printing.py": "desktop.reports.meeting_documents builds the HTML with escape()",
    "meetings/resolutions_editor.py": "findings_html (escapes each finding)",
    "meetings/four_two_view.py": "escape() on meeting titles and opinions",
    "meetings/verdict_panel.py": "findings_html (escapes each finding)",
    "meetings/meetings_page.py": "escape() on each finding line",
    "exchange/notices.py": "escape() on the township's title, text and issuer",
    "rules/vote_tab.py": "escape() on every sentence",
    "rules/article_editor.py": "escape() on the township's comments and findings",
    "rules/diff_view.py": "desktop.reports.rules_documents.diff_html escapes the article texts",
    "rules/version_panel.py": "escape() on every detail and message",
    "rules/review_tab.py": "escape() on the township's opinion and comments",
    "rules/import_dialog.py": "escape() on each of the parser's notes (they quote the imported text)",
    "setup/setup_wizard.py": "titles via setup.titles.rich_title (html.escape)",
    "disclosure/printing.py": "desktop.reports.disclosure_documents.poster_html escapes every value",
    "disclosure/table_editor.py": "escape() on each check line",
    "disclosure/review_panel.py": "escape() on reviewer, dates and reason",
    "disclosure/item_editor.py": "escape() on the category, period and status line",
    "disclosure/calendar_tab.py": "escape() on the obligation labels",
    "pages/home_page.py": "escape() on the cadence lines",
    "widgets/add_member_dialog.py": "finding_lines_html (escapes each finding)",
    "widgets/background.py": "prints HTML its callers built (the reports above, escaped)",
    "people/appoint_dialog.py": "finding_lines_html (escapes each finding)",
    "widgets/households_picker.py": "finding_lines_html (escapes each finding)",
    "people/terms_tab.py": "finding_lines_html (escapes each finding)",
    "elections/recall_dialogs.py": "findings_html (escapes each finding); escape() on a vote's impossible numbers",
    "elections/recall_tab.py": "findings_html (escapes each finding); reasons and answers in PlainText labels",
    "elections/selection_dialog.py": "findings_html (escapes each finding)",
    "elections/count_tab.py": "finding_lines_html (escapes each finding); _line escapes names, posts and errors",
    "elections/result_tab.py": "finding_lines_html (escapes each finding); names and dates in PlainText labels",
    "township/elections_board_detail.py": "escape() on the village, names, dates and every finding line",
    "county/board_page.py": "the breadcrumb: escape() on the township's and the village's names",
    "county/filing_text_dialog.py": "text_html: escape() on every line of the filed rule",
    "search/hit_delegate.py": "search.highlight.highlighted_html: escape() on the title and snippet, our <b> only",
    "township/village_file/list_detail.py": "shows detail_html.py's HTML, escape() on every value (attack test)",
    "township/village_file/other_tabs.py": "elections_board_detail.html_of (reviewed above)",
    "township/villages_register.py": "escape() on the typed words in the no-match line; our own link",
}


def _rich_files() -> set[str]:
    return {p.relative_to(UI).as_posix() for p in UI.rglob("*.py") if RICH.search(p.read_text("utf-8"))}


def test_every_rich_text_place_is_reviewed():
    unreviewed = sorted(_rich_files() - set(REVIEWED))
    assert not unreviewed, (
        "rich text in these files: escape every outside word there, then list the file in REVIEWED: "
        + ", ".join(unreviewed))


def test_the_reviewed_list_has_no_stale_entries():
    assert not sorted(set(REVIEWED) - _rich_files())


def test_the_application_makes_labels_plain_by_default():
    style = (UI / "style.py").read_text("utf-8")
    assert "PlainByDefault" in style and "installEventFilter" in style
