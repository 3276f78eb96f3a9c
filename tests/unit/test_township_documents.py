"""The township's 审核意见书, 备案回执 and 责令改正通知书: built from the records, numbered, written as PDF and .docx.

A review opinion on a small imported draft (cheap); the receipt and the order
to correct on the demo village's filed rules (a session template). The files
are opened again: the .docx's document.xml read, the PDF's text extracted with
pdftotext when the machine has it (its page count always).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date

import pytest

from desktop.reports import official_document, township_documents
from desktop.services import document_settings, review_service, setup_service
from desktop.services.session import Session, cli_session
from models.errors import PermissionDenied, ValidationError
from models.rules import procedure as proc
from models.sync.records import Peer
from models.township.documents import RECTIFICATION, REVIEW_OPINION
from tests.support.reviews import ARTICLES, village_draft
from tests.support.sites import VILLAGE_CODE

HOSTILE = "<b>粗体</b> & &amp; <script>alert(1)</script>"


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")


def _pdf_text(path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


@pytest.fixture
def reviewed(store) -> Session:
    """青山镇 holding 青山村's draft (one article hostile text), 修改后同意 with a comment on 第三条."""
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    Peer.create(code=VILLAGE_CODE, name="青山村", kind="village", status="active")
    articles = [*ARTICLES[:3], ("第三章 附则", "第四条", HOSTILE)]
    v = village_draft(cli_session("township"), articles)
    session = Session(actor="审核人", role="reviewer", display_name="王审核")
    review_service.add_comment(session, v.id, 3, "侵害出嫁女权益,请删除。")
    review_service.add_comment(session, v.id, 4, "意见里也有 <i>标记</i>")
    review_service.record_opinion(session, v.id, proc.AGREE_AFTER_CHANGES, date(2026, 7, 8), "镇民政办",
                                  "请按逐条意见修改。")
    return session


def test_the_review_opinion_quotes_articles_opinions_and_basis(reviewed, tmp_path, qapp):
    version_id = review_service.queue()[0].version_id
    prepared = township_documents.review_opinion(reviewed, version_id)
    doc = prepared.document
    text = doc.all_text()
    assert doc.organ == "青山镇人民政府" and doc.number == "青山镇审〔2026〕1号"
    assert doc.addressee == "青山村村民委员会" and doc.date_text == "二〇二六年七月八日"
    assert "总体意见:修改后同意" in text and "侵害出嫁女权益,请删除。" in text
    assert "“出嫁女不再享有集体土地承包和征地补偿的权利。”" in text
    assert "《村民委员会组织法》(2025)" in text  # the review of 2026-07-08 cites the amended text
    assert "重新报乡镇确认" in text
    assert HOSTILE in text and "意见里也有 <i>标记</i>" in text
    html = official_document.to_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<i>标记" not in html
    # printed again: the same number and date; a second draft's opinion takes the next number
    again = township_documents.review_opinion(reviewed, version_id).document
    assert (again.number, again.date_text) == (doc.number, doc.date_text)

    pdf = official_document.write_pdf(doc, tmp_path / "意见书.pdf")
    assert _pdf_pages(pdf) >= 1
    pdf_text = _pdf_text(pdf)
    if pdf_text is not None:
        flat = re.sub(r"\s+", "", pdf_text)
        assert "审核意见书" in flat and "青山镇审〔2026〕1号" in flat and "(盖章)" in flat
        assert "<script>alert(1)</script>" in flat and "第1页" in flat
    word = official_document.write_docx(doc, tmp_path / "意见书.docx")
    body = _docx_text(word)
    assert "青山镇审〔2026〕1号" in body and "二〇二六年七月八日" in body and "(盖章)" in body
    assert HOSTILE in body and "PAGE" in zipfile.ZipFile(word).read("word/footer1.xml").decode()
    # Word opens only properties in the schema's order: the red line's border before the alignment
    xml = zipfile.ZipFile(word).read("word/document.xml").decode()
    [props] = [p for p in re.findall(r"<w:pPr>.*?</w:pPr>", xml) if "w:pBdr" in p]
    assert props.index("<w:pBdr>") < props.index("<w:jc ")


def test_no_opinion_no_document_and_a_viewer_cannot_take_a_number(store):
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    Peer.create(code=VILLAGE_CODE, name="青山村", kind="village", status="active")
    v = village_draft(cli_session("township"), submitted_on="2025-11-20")
    with pytest.raises(ValidationError):
        township_documents.review_opinion(cli_session("township"), v.id)
    review_service.record_opinion(cli_session("township"), v.id, proc.AGREE, date(2025, 12, 1), "镇民政办")
    viewer = Session(actor="只读", role="township_viewer")
    with pytest.raises(PermissionDenied):
        township_documents.review_opinion(viewer, v.id)
    doc = township_documents.review_opinion(cli_session("township"), v.id).document
    assert doc.number == "青山镇审〔2025〕1号" and "(2018)第二十七条" in doc.all_text()  # before 2026: the 2018 text
    # once numbered, anyone may print it again
    assert township_documents.review_opinion(viewer, v.id).document.number == doc.number


def test_the_template_changes_name_pattern_signatory_and_date_style(reviewed):
    t = document_settings.template()
    assert (t.organ_name, t.short_name, t.chinese_date) == ("青山镇人民政府", "青山镇", True)
    saved = document_settings.save_template(cli_session("township"), replace(
        t, organ_name=" 青山镇人民政府办公室 ", short_name="青政", signatory="张三", contact="李四",
        phone="0571-88886666", chinese_date=False,
        patterns={**t.patterns, REVIEW_OPINION: "{机关简称}审字〔{年}〕第{号}号"}))
    assert saved.organ_name == "青山镇人民政府办公室"
    doc = township_documents.review_opinion(reviewed, review_service.queue()[0].version_id).document
    assert doc.number == "青政审字〔2026〕第1号" and doc.signatory == "张三" and doc.date_text == "2026年7月8日"
    assert doc.signer == "青山镇人民政府办公室" and "(联系人:李四,电话:0571-88886666)" in doc.notes
    with pytest.raises(ValidationError):
        document_settings.save_template(cli_session("township"), replace(t, patterns={**t.patterns,
                                                                                     RECTIFICATION: "改字"}))
    with pytest.raises(PermissionDenied):
        document_settings.save_template(Session(actor="只读", role="township_viewer"), t)
    assert document_settings.template().short_name == "青政"  # the refused saves changed nothing


def test_a_document_printed_again_after_the_pattern_changed_keeps_the_number_on_its_paper(reviewed):
    version_id = review_service.queue()[0].version_id
    first = township_documents.review_opinion(reviewed, version_id).document.number
    assert first == "青山镇审〔2026〕1号"
    t = document_settings.template()
    document_settings.save_template(cli_session("township"), replace(
        t, short_name="青政", patterns={**t.patterns, REVIEW_OPINION: "{机关简称}民审〔{年}〕{号}号"}))
    # the signed paper says 青山镇审〔2026〕1号: a reprint must too (tester, issue 19)
    assert township_documents.review_opinion(reviewed, version_id).document.number == first
    assert document_settings.template().number(REVIEW_OPINION, 2026, 2) == "青政民审〔2026〕2号"  # new ones follow


def test_the_filing_pattern_numbers_new_receipts(reviewed):
    t = document_settings.template()
    assert review_service.suggested_receipt_no(date(2026, 8, 1)) == "青山镇备〔2026〕1号"
    document_settings.save_template(cli_session("township"), replace(
        t, patterns={**t.patterns, "filing_receipt": "青山镇民政备字〔{年}〕{号}号"}))
    assert review_service.suggested_receipt_no(date(2026, 8, 1)) == "青山镇民政备字〔2026〕1号"


def _demo_township(root):
    from desktop import demo
    from tests.support.sites import township_with_villages

    return township_with_villages(root, [(VILLAGE_CODE, "青山村")],
                                  lambda _i, village: demo.fill_village(village, years=1),
                                  key="one_demo_village")[1]


def test_receipt_and_order_to_correct(tmp_path, qapp):
    session = _demo_township(tmp_path)
    row = next(r for r in review_service.filing_register() if r.filing_id is None)
    day = date.fromisoformat(row.village_receipt_date or row.voted_on)
    filing = review_service.record_filing(session, row.version_id, day, day, "",
                                          f"第三条“{HOSTILE}”违反法律规定,请删除。")
    receipt = township_documents.filing_receipt(filing.id)
    text = receipt.document.all_text()
    assert receipt.document.number == filing.receipt_no and "不是批准" in text and "核验码:" in text
    assert "备案号" in text and HOSTILE in text and receipt.name.startswith("备案回执_青山村_")
    order = township_documents.rectification(session, filing.id, on=date(2026, 12, 5))
    doc = order.document
    assert doc.title == "责令改正通知书" and doc.number == "青山镇改〔2026〕1号"
    assert doc.date_text == "二〇二六年十二月五日" and "二〇二七年一月四日前" in doc.all_text()  # 30 days
    assert "《村民委员会组织法》(2025)" in doc.all_text() and HOSTILE in doc.all_text()
    assert "报本机关重新备案" in doc.all_text()
    # printed again (another day): same number, same date; a changed order gets the next number
    assert township_documents.rectification(session, filing.id).document.number == doc.number
    review_service.order_correction(session, filing.id, "第三条请删除。")
    changed = township_documents.rectification(session, filing.id, on=date(2026, 12, 20)).document
    assert changed.number == "青山镇改〔2026〕2号"
    for prepared in (receipt, order):
        pdf = official_document.write_pdf(prepared.document, tmp_path / f"{prepared.kind}.pdf")
        assert _pdf_pages(pdf) >= 1
        flat = re.sub(r"\s+", "", _pdf_text(pdf) or "")
        if flat:
            assert "<script>alert(1)</script>" in flat and "(盖章)" in flat
        word = official_document.write_docx(prepared.document, tmp_path / f"{prepared.kind}.docx")
        assert HOSTILE in _docx_text(word) and prepared.document.number in _docx_text(word)
    # an order withdrawn: no notice to print
    review_service.order_correction(session, filing.id, "")
    with pytest.raises(ValidationError):
        township_documents.rectification(session, filing.id)


def test_the_cli_writes_each_document(tmp_path, qapp):
    """`cunwu report review-opinion|filing-receipt|rectification … --out FILE [--json]` (issue 19, optional CLI)."""
    import json
    import sys

    from models.db import close_database

    session = _demo_township(tmp_path)
    row = next(r for r in review_service.filing_register() if r.filing_id is None)
    day = date.fromisoformat(row.village_receipt_date or row.voted_on)
    filing = review_service.record_filing(session, row.version_id, day, day, "", "第三条请删除。")
    data_dir = store_path()
    close_database()

    def cunwu(*args):
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)

    out = tmp_path / "回执.docx"
    proc = cunwu("report", "filing-receipt", "--receipt-no", filing.receipt_no, "--out", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["number"] == filing.receipt_no and result["kind"] == "filing_receipt" and out.exists()
    pdf = tmp_path / "通知书.pdf"
    proc = cunwu("report", "rectification", "--receipt-no", filing.receipt_no, "--out", str(pdf))
    assert proc.returncode == 0, proc.stderr
    assert "责令改正通知书" in proc.stdout and pdf.read_bytes().startswith(b"%PDF")
    proc = cunwu("report", "filing-receipt", "--receipt-no", "无此号", "--out", str(tmp_path / "x.txt"))
    assert proc.returncode == 1 and ".pdf 或 .docx" in proc.stderr + proc.stdout
    # a folder that is not there: said in Chinese, no traceback (tester, issue 19)
    proc = cunwu("report", "filing-receipt", "--receipt-no", filing.receipt_no, "--out", str(tmp_path / "无" / "x.pdf"))
    assert proc.returncode == 1 and "找不到文件夹" in proc.stderr and "Traceback" not in proc.stderr


def store_path():
    """The data folder of the open database (its file's folder)."""
    from pathlib import Path

    from models.db import database

    return Path(database.database).parent


def test_a_page_break_never_cuts_the_seal_box(qapp):
    """When the 正文 ends where a page breaks, the last two paragraphs go over with the 落款 and its seal box."""
    from desktop.reports.official_document import (
        OfficialDocument,
        Para,
        _seal_is_cut,
        pdf_html,
        to_html,
    )

    def doc(n: int) -> OfficialDocument:
        return OfficialDocument("青山镇人民政府", "青山镇审〔2026〕1号", "标题", "青山村村民委员会",
                                tuple(Para.of(f"第{i}段。" * 8) for i in range(n)), "青山镇人民政府", "二〇二六年十二月五日")

    cut = next(n for n in range(10, 60) if _seal_is_cut(to_html(doc(n))))
    html = pdf_html(doc(cut))
    assert "page-break-before: always" in html and not _seal_is_cut(html)
    assert "page-break-before" not in pdf_html(doc(3))
