"""Issue 19, the township's 公文设置: what the township types into its template is text, within bounds.

The 文号 pattern is filled with `str.replace`, never `str.format`, and any
brace besides the three placeholders is refused, so "{0.__class__}" and
"{年:>1000000}" never reach a formatter. Before the fix the other lines had
no bounds: a 1,000,000-character 机关名称 was saved and took six minutes to
lay out as a PDF, a control character in 机关名称 or 签发人 was saved and
made every .docx fail (python-docx: "All strings must be XML compatible"),
a lone surrogate failed the save with a UnicodeEncodeError, and braces in
the 机关简称 were filled in as placeholders. Each is now refused with a
Chinese reason and the saved template is unchanged.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.reports import official_document, township_documents
from desktop.services import document_settings, review_service
from desktop.services.session import cli_session
from models.db import database
from models.errors import ValidationError
from models.township.documents import REVIEW_OPINION, template_problems
from tests.unit.test_township_documents import _docx_text, reviewed  # noqa: F401 - the fixture


def _pattern(t, text):
    return replace(t, patterns={**t.patterns, REVIEW_OPINION: text})


ATTACKS = {
    "format_string_attribute": (lambda t: _pattern(t, "{0.__class__}{号}"), "花括号"),
    "format_string_width": (lambda t: _pattern(t, "{年:>1000000}{号}"), "花括号"),
    "unbalanced_brace": (lambda t: _pattern(t, "{号}〔{年"), "花括号"),
    "pattern_very_long": (lambda t: _pattern(t, "审" * 10_000 + "{号}"), "太长"),
    "pattern_with_control_character": (lambda t: _pattern(t, "审\x1b{号}"), "控制字符"),
    "organ_name_a_million_characters": (lambda t: replace(t, organ_name="青" * 1_000_000), "机关名称太长"),
    "organ_name_with_nul": (lambda t: replace(t, organ_name="青山镇\x00人民政府"), "控制字符"),
    "organ_name_right_to_left_override": (lambda t: replace(t, organ_name="\u202e府政民人镇山青"), "控制字符"),
    "signatory_with_escape": (lambda t: replace(t, signatory="张\x1b[31m三"), "控制字符"),
    "signatory_huge": (lambda t: replace(t, signatory="张" * 100_000), "签发人太长"),
    "contact_lone_surrogate": (lambda t: replace(t, contact="李\ud800四"), "控制字符"),
    "short_name_with_placeholders": (lambda t: replace(t, short_name="{号}{年}"), "花括号"),
    "short_name_huge": (lambda t: replace(t, short_name="青" * 10_000), "机关简称太长"),
    "report_head_with_line_separator": (lambda t: replace(t, report_head="王\u2028五"), "控制字符"),
    "days_to_correct_true": (lambda t: replace(t, days_to_correct=True), "改正期限"),
    "days_to_correct_huge": (lambda t: replace(t, days_to_correct=10**9), "改正期限"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_template_is_refused_and_nothing_saved(reviewed, attack):  # noqa: F811
    change, words = ATTACKS[attack]
    before = database.execute_sql("SELECT key, value FROM app_meta ORDER BY key").fetchall()
    t = document_settings.template()
    with pytest.raises(ValidationError, match=words):
        document_settings.save_template(cli_session("township"), change(t))
    assert database.execute_sql("SELECT key, value FROM app_meta ORDER BY key").fetchall() == before
    assert document_settings.template() == t


def test_the_pure_check_names_every_attack_without_a_traceback():
    from models.township.documents import default_template

    t = default_template("青山镇")
    assert template_problems(t) == []
    for attack, (change, words) in ATTACKS.items():
        problems = [str(p) for p in template_problems(change(t))]
        assert any(words in p for p in problems), (attack, problems)


def test_markup_in_the_organ_name_is_printed_literally(reviewed, tmp_path, qapp):  # noqa: F811
    t = document_settings.template()
    document_settings.save_template(cli_session("township"), replace(
        t, organ_name="<b>青山镇</b>&amp;人民政府", signatory="<i>张三</i>"))
    doc = township_documents.review_opinion(reviewed, review_service.queue()[0].version_id).document
    text = _docx_text(official_document.write_docx(doc, tmp_path / "意见书.docx"))
    assert "<b>青山镇</b>&amp;人民政府" in text and "<i>张三</i>" in text
    assert official_document.write_pdf(doc, tmp_path / "意见书.pdf").stat().st_size > 0
