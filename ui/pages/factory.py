"""Which widget each navigation area shows.

Pages are built the first time they are opened, so the main window appears
without waiting for every area to query its data.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from ui.navigation import Area


def build_page(area: Area, info: InstallationInfo, session: Session,
               paths: AppPaths) -> QWidget:
    """A new page widget for `area`, for the logged-in `session`.

    `paths` gives pages the data folder (the meeting editor stores
    attachments under `paths.attachments`).

    Pages enable their edit actions by the session's permissions; the
    services check them again on every write.
    """
    if info.mode == "county":
        from ui.county.pages import build_county_page

        return build_county_page(area, info, session, paths)
    if area.key == "home":
        from ui.pages.home_page import HomePage

        return HomePage(info, defer=True, session=session, paths=paths)
    if area.key == "people":
        from ui.people.register_page import RegisterPage
        from ui.people.roster_import_dialog import open_roster_import

        page = RegisterPage(session)
        page.set_import_handler(lambda: open_roster_import(page, session))
        return page
    if area.key == "meetings":
        from ui.meetings.meetings_page import MeetingsPage

        return MeetingsPage(session, paths=paths)
    if area.key == "elections" and info.mode == "village":
        from ui.elections.elections_page import ElectionsPage

        return ElectionsPage(session, paths=paths)
    if area.key == "elections" and info.mode == "township":
        from ui.township.elections_board_page import ElectionsBoardPage

        return ElectionsBoardPage(session, paths=paths)
    if area.key == "disclosure":
        from ui.disclosure.disclosure_page import DisclosurePage

        return DisclosurePage(session, paths=paths)
    if area.key == "rules":
        from ui.rules.rules_page import RulesPage

        return RulesPage(session, paths=paths)
    if area.key == "supervision":
        from ui.meetings.meeting_editor import MeetingEditor
        from ui.supervision.supervision_page import SupervisionPage

        return SupervisionPage(session, MeetingEditor, paths=paths)
    if area.key == "compliance" and info.mode == "township":
        from ui.township.compliance_page import CompliancePage

        return CompliancePage(session, paths=paths)
    if area.key == "villages" and info.mode == "township":
        from ui.township.villages_page import VillagesPage

        return VillagesPage(session, paths=paths)
    if area.key == "reports" and info.mode == "township":
        from ui.township.reports_page import ReportsPage

        return ReportsPage(session, paths=paths)
    if area.key == "exchange":
        from ui.exchange.exchange_page import ExchangePage

        return ExchangePage(session, paths=paths)
    if area.key == "review" and info.mode == "township":
        from ui.township.review_page import ReviewPage

        return ReviewPage(session, paths=paths)
    from ui.widgets.empty_state_page import EmptyStatePage

    return EmptyStatePage(area.title, area.planned)
