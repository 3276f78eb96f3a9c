"""A village that declares its own 村规民约 filed (issue 16, red team), tried with a genuine signed package.

Issue 16, "Authority is checked by owner only": "A village sent a `rule_review`
("agree") and a `rule_filing` with owner = itself for its own draft" — the
authority table now refuses a village's `rule_filing`. The same attack went on
through the village's OWN columns: `rule_version.filed_on`, `receipt_no` and
`receipt_date` (the secretary's record of a paper receipt) made the township's
合规看板, `report compliance` and 备案登记 count the version as 备案, though the
township held no `rule_filing` for it. At the township, 备案 now comes only from
its own register: a village's own receipt is shown as a warning to check
("村里自报已备案(乡镇无备案记录,请核实)"), until the township records the filing
(补登) — then it counts. Each assertion on the warning failed on main before
the fix.
"""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop.reports.compliance_xlsx import write_compliance_xlsx
from desktop.services import compliance_service, review_service
from models.db import close_database
from models.township import compliance as eng
from models.township.board import OK
from tests.support import forged
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair

WARNING = "村里自报已备案(乡镇无备案记录,请核实)"
TODAY = date(2026, 12, 1)
PERIOD = "2026"


def _forge_receipt(township, village, package, out):
    """The village's package re-signed with its own key, a receipt of its own making on every version."""
    body = forged.open_records(package, township.paths)
    versions = forged.table(body, "rule_version")
    for i in range(len(versions["rows"])):
        forged.set_value(body, "rule_version", "filed_on", "2021-08-10", row=i)
        forged.set_value(body, "rule_version", "receipt_no", "镇民备〔2021〕99号", row=i)
        forged.set_value(body, "rule_version", "receipt_date", "2021-08-20", row=i)
    return forged.resign(package, village.paths, township.paths, out, body=body)


def test_a_village_cannot_declare_its_own_rules_filed_at_the_township(tmp_path):
    """"A village sent … a `rule_filing` with owner = itself for its own draft": through its own
    filed_on / receipt_no / receipt_date, with no rule_filing of the township, the board, the report
    and the 备案 register show a warning to check, not 已备案; once the township records it, it counts."""
    township, village, usb = make_pair(tmp_path / "pair", years=1, demo=True)
    package = export_to(village, usb).path
    forged_package = _forge_receipt(township, village, package, tmp_path / "forged")
    import_into(township, forged_package, sender=village.paths)
    session = township.use()
    try:
        board = compliance_service.board(PERIOD, TODAY)
        cell = board.cell(VILLAGE_CODE, eng.RULES_FILED)
        assert cell.state != OK and WARNING in cell.detail, cell
        assert board.rate(eng.RULES_FILED) == 0

        sheet = load_workbook(write_compliance_xlsx(board, tmp_path / "合规报表.xlsx"))
        texts = [str(c.value) for ws in sheet.worksheets for row in ws.iter_rows() for c in row if c.value]
        assert any(WARNING in t for t in texts)

        rows = [r for r in review_service.filing_register() if r.village_code == VILLAGE_CODE]
        claimed = [r for r in rows if r.village_receipt]
        assert claimed and all(r.state == review_service.PAPER and r.filing_id is None for r in claimed)
        assert review_service.FILING_LABELS[review_service.PAPER] == WARNING

        in_force = claimed[0]
        review_service.record_filing(session, in_force.version_id, date(2021, 8, 10), date(2021, 8, 20))
        board = compliance_service.board(PERIOD, TODAY)
        cell = board.cell(VILLAGE_CODE, eng.RULES_FILED)
        assert cell.state == OK and WARNING not in cell.detail, cell
        [row] = [r for r in review_service.filing_register() if r.version_id == in_force.version_id]
        assert row.state == review_service.FILED
    finally:
        close_database()


def test_the_demo_township_registered_the_diligent_villages_paper_receipts(tmp_path):
    """The demo township copied its paper receipts of the diligent villages into its register (补登),
    so they count as filed; a late village's own receipt stays a claim to check."""
    from desktop import demo_township as dt
    from desktop.paths import AppPaths
    from tests.support.demo import demo_township

    demo_township(AppPaths(tmp_path / "data"), villages=3, years=1)
    try:
        plans = {p.code: p.kind for p in dt.plan_villages("330106001", 3, 1, date.today())}
        board = compliance_service.board(compliance_service.default_period())
        cells = {v.code: board.cell(v.code, eng.RULES_FILED) for v in board.villages}
        diligent = [c for code, c in cells.items() if plans.get(code) == dt.DILIGENT]
        late = [c for code, c in cells.items() if plans.get(code) == dt.LATE]
        assert diligent and all(c.state == OK for c in diligent), cells
        assert late and all(WARNING in c.detail for c in late), cells
    finally:
        close_database()
