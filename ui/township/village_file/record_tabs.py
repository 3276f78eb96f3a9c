"""The village file's tabs of records: 会议与决策, 村务公开, 村务监督, 村民, and the notices sent.

Each reads through `desktop.services.village_file` (reads only) and prints
with the layouts the village prints the same records with (会议记录, 公开栏
poster), headed and signed with the village's name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.reports import meeting_documents
from desktop.reports.disclosure_documents import POSTER_PT, poster_html
from desktop.services.session import Session
from desktop.services.village_file import matters as vm
from desktop.services.village_file import meetings as vmt
from desktop.services.village_file import packages as vp
from desktop.services.village_file import people as vpp
from desktop.services.village_file import postings as vps
from ui.township.village_file import detail_html as dh
from ui.township.village_file.list_detail import ListDetailTab, Printable
from ui.widgets import disclosure_labels as dl
from ui.widgets import supervision_labels as sl
from ui.widgets.record_labels import roles_text
from ui.widgets.sorting import natural_sorted


class _VillageTab(ListDetailTab):
    def __init__(self, session: Session, headers: list[str], stretch: int | None = None, printable: bool = True,
                 parent: QWidget | None = None, paged: bool = False):
        super().__init__(headers, stretch, printable, parent, paged)
        self.session = session
        self.village = ""  # the village's name, for the printed forms


class MeetingsTab(_VillageTab):
    """会议与决策: the village's meetings by year, one meeting's record, its 会议记录 printed."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        # No 类型 column: the name says it (第4季度村民代表会议), and at 1024×600 the name needs the room.
        super().__init__(session, [self.tr("日期"), self.tr("名称"), self.tr("表决"), self.tr("状态")], stretch=1,
                         parent=parent, paged=True)
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(self._on_year)
        self.tools.addWidget(QLabel(self.tr("年份:")))
        self.tools.addWidget(self.year)
        self.tools.addStretch(1)
        self._filling = False

    def load(self, code: str) -> bool:
        """The years of the village, then its meetings (all years)."""
        self._filling = True
        self.year.clear()
        self.year.addItem(self.tr("全部年份"), None)
        outcome_years = vmt.years(self.session, code) if code else []
        for y in outcome_years:
            self.year.addItem(str(y), y)
        self._filling = False
        return super().load(code)

    def _on_year(self) -> None:
        if not self._filling and self.code:
            super().load(self.code)

    def read_ids(self) -> list[str]:
        """Newest first, in the year picked: every meeting (a 15-year village has 3,149)."""
        return vmt.meeting_ids(self.session, self.code, self.year.currentData())

    def read_cells(self, ids: list[str]) -> list[tuple[str, list[str]]]:
        """The lines of one chunk."""
        rows = vmt.meeting_lines(self.session, self.code, ids)
        return [(m.id, [m.held_on, m.title,
                        self.tr("{passed}/{n} 通过").format(passed=m.passed, n=m.resolutions) if m.resolutions else "",
                        self.tr("已审定") if m.status == "approved" else self.tr("草稿")]) for m in rows]

    def detail_html(self, record_id: str) -> str:
        """The meeting as recorded."""
        return dh.meeting_html(vmt.meeting(self.session, self.code, record_id))

    def printable(self, record_id: str) -> Printable:
        """The 会议记录 the village prints, with its 核验码."""
        m = vmt.meeting(self.session, self.code, record_id)  # this village's: checked before printing
        return (meeting_documents.minutes_html(m.id, self.village), f"{self.village}{m.held_on}{m.title}",
                self.tr("会议记录"), 11)

    def empty_text(self) -> str:
        """None in the year, or none at all."""
        return self.tr("这个村的数据包里还没有会议记录。")


class PostingsTab(_VillageTab):
    """村务公开: the village's postings, one with its table, printed as the 公开栏 poster."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        # No 期间 column: the title says it (2026年10月财务收支公开) and needs the room at 1024×600.
        super().__init__(session, [self.tr("标题"), self.tr("状态"), self.tr("公开日期")], stretch=0, parent=parent,
                         paged=True)

    def read_ids(self) -> list[str]:
        """Newest period first: every posting."""
        return vps.posting_ids(self.session, self.code)

    def read_cells(self, ids: list[str]) -> list[tuple[str, list[str]]]:
        """The lines of one chunk."""
        return [(p.id, [p.title, dl.status_label(p.status), p.posted_on])
                for p in vps.posting_lines(self.session, self.code, ids)]

    def detail_html(self, record_id: str) -> str:
        """The posting with its table."""
        return dh.posting_html(vps.posting(self.session, self.code, record_id))

    def printable(self, record_id: str) -> Printable:
        """The 公开栏 poster the village prints."""
        p = vps.posting(self.session, self.code, record_id)
        return poster_html(p.id, self.village), f"{self.village}{p.title}", self.tr("村务公开"), POSTER_PT

    def empty_text(self) -> str:
        """No postings sent."""
        return self.tr("这个村的数据包里还没有村务公开记录。")


class MattersTab(_VillageTab):
    """村务监督: the committee's matters, open ones first, one step by step."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("发现日期"), self.tr("事项"), self.tr("状态"), self.tr("期限")],
                         stretch=1, parent=parent)

    def read_rows(self) -> list[tuple[str, list[str]]]:
        """Open ones first, overdue ones marked."""
        rows = []
        for m in vm.matters(self.session, self.code):
            state = sl.state_label(m.state) + (self.tr("(逾期)") if m.overdue else "") + (
                self.tr("(已报乡镇)") if m.escalated else "")
            rows.append((m.id, [m.opened_on, m.title, state, m.deadline]))
        return rows

    def detail_html(self, record_id: str) -> str:
        """The matter with its answers."""
        return dh.matter_html(vm.matter(self.session, self.code, record_id))

    def printable(self, record_id: str) -> Printable:
        """The matter as shown, headed with the village's name."""
        m = vm.matter(self.session, self.code, record_id)
        html = f"<h2>{dh.text(self.village)} {dh.text(self.tr('村务监督事项'))}</h2>" + dh.matter_html(m)
        return html, f"{self.village}{m.title}", self.tr("村务监督事项"), 11

    def empty_text(self) -> str:
        """No matters sent."""
        return self.tr("这个村的数据包里还没有监督事项。")


class PeopleTab(_VillageTab):
    """村民: the register, with the offices each holds (read to follow meetings and elections)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("姓名"), self.tr("性别"), self.tr("出生年份"), self.tr("村民小组"),
                                   self.tr("现任职务")], stretch=4, printable=False, parent=parent, paged=True)

    def read_ids(self) -> list[str]:
        """The whole register: names by pinyin (as the village's 人员名册 sorts 姓名), those who left after.

        SQL orders names by code point (丁, 万, 乔…): the service gives
        (id, name, left) tuples and the tab orders them by the lists' natural
        key (`ui.widgets.sorting`, pinyin), one key per distinct name.
        """
        names = vpp.people_names(self.session, self.code)
        return [pid for pid, _name, _left in natural_sorted([n for n in names if not n[2]], key=lambda n: n[1])
                + natural_sorted([n for n in names if n[2]], key=lambda n: n[1])]

    def read_cells(self, ids: list[str]) -> list[tuple[str, list[str]]]:
        """The lines of one chunk."""
        return [(p.id, [p.name + (self.tr("(已迁出)") if p.left_on else ""), p.gender,
                        str(p.birth_year or ""), p.village_group, roles_text(p.roles)])
                for p in vpp.people_lines(self.session, self.code, ids)]

    def detail_html(self, record_id: str) -> str:
        """The person and the offices held."""
        return dh.person_html(vpp.person(self.session, self.code, record_id))

    def empty_text(self) -> str:
        """No register sent."""
        return self.tr("这个村的数据包里还没有村民名册。")


class NoticesTab(_VillageTab):
    """The notices the township sent the village (they travel with its 回执)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("发出日期"), self.tr("标题")], stretch=1, printable=False, parent=parent)
        self._rows: dict = {}

    def read_rows(self) -> list[tuple[str, list[str]]]:
        """Newest first."""
        rows = vp.notices(self.session, self.code)
        self._rows = {n.id: n for n in rows}
        return [(n.id, [n.issued_on, n.title]) for n in rows]

    def detail_html(self, record_id: str) -> str:
        """The notice."""
        return dh.notice_html(self._rows[record_id])

    def empty_text(self) -> str:
        """None sent."""
        return self.tr("还没有给这个村发过通知。")
