"""Which widget each area of a county installation shows (see `ui.pages.factory`).

Kept apart from the village's and township's factory so the county's pages
are imported only on a county's computer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from ui.navigation import Area


def build_county_page(area: Area, info: InstallationInfo, session: Session, paths: AppPaths) -> QWidget:
    """A new page widget for one of the county's areas (`ui.navigation._county_areas`)."""
    if area.key == "home":
        from ui.county.home_page import CountyHomePage

        return CountyHomePage(info, session, paths)
    if area.key == "townships":
        from ui.county.townships_page import TownshipsPage

        return TownshipsPage(session, paths)
    if area.key == "compliance":
        from ui.county.board_page import CountyBoardPage

        return CountyBoardPage(session, paths)
    if area.key == "filings":
        from ui.county.filings_page import FilingsPage

        return FilingsPage(session, paths)
    if area.key == "reports":
        from ui.county.reports_page import CountyReportsPage

        return CountyReportsPage(session, paths)
    from ui.widgets.empty_state_page import EmptyStatePage

    return EmptyStatePage(area.title, area.planned)
