"""The dialogs of the 选民登记 tab: build preview, add, remove, publish, raise and decide an objection.

Each dialog runs its write through `run_op` when OK is pressed: a refusal (in Chinese, with the
article) shows under the form and the dialog stays open with nothing written. A write that went
through with a warning (published fewer than 20 days before, an objection raised or decided late)
keeps the warning in `warnings`, which the tab shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import voter_roll_service as vr
from desktop.services.session import Session
from models.elections import roll
from models.elections.records import VOTER_AWAY, VOTER_CATEGORIES, VOTER_INCOMER, VOTER_RESIDENT
from models.errors import ValidationError
from models.meetings.quorum import Finding
from ui.elections.roll_model import BuildPreviewModel, category_long
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_text
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.tables import read_only_view

_C = "RollDialogs"
_ID = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _category_combo() -> QComboBox:
    combo = QComboBox()
    for code in VOTER_CATEGORIES:
        combo.addItem(category_long(code), code)
    return combo


def _meeting_combo(election_id: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_tr("(请选择同意其登记的会议)"), None)
    for meeting_id, text in vr.admitting_meetings(election_id):
        combo.addItem(text, meeting_id)
    combo.setMinimumContentsLength(20)
    return combo


class _WriteDialog(QDialog):
    """A form whose OK runs one write; refusals under the form, warnings kept for the tab."""

    def __init__(self, session: Session, election_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._election_id = election_id
        self.warnings: list[Finding] = []
        self.message = FieldMessage()

    def _write(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        """Write; stay open with the reason when refused."""
        outcome = run_op(self, self._write, on_failure=self.message.show_failure)
        if outcome:
            super().accept()


class BuildPreviewDialog(_WriteDialog):
    """从名册生成选民名单: who goes on the list (and who needs a look), who not and why, then 生成."""

    def __init__(self, session: Session, election_id: str, parent: QWidget | None = None):
        super().__init__(session, election_id, parent)
        self.setWindowTitle(self.tr("从名册生成选民名单"))
        self.written = 0
        self.preview = vr.preview(election_id)
        p = self.preview
        summary = _hint(self.tr(
            "按选举日 {day} 计算年龄:列入 {n} 人(其中 {verify} 人需核实身份证件),不列入 {out} 人;"
            "已在名单上的 {already} 人不变。列入的村民都登记为“户籍在本村并在本村居住”,"
            "外出不参选的请生成后移出,外来人员请用“添加选民”登记。{cite}。").format(
            day=p.election_day.isoformat(), n=len(p.listed), verify=len(p.to_verify), out=len(p.left_out),
            already=p.already, cite=p.basis.cite() if p.basis else ""))
        self.lines = BuildPreviewModel(self)
        self.lines.set_rows(list(p.left_out) + p.to_verify + [line for line in p.listed if not line.verify])
        self.table = read_only_view(self.lines, stretch=3)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("生成名单({n}人)").format(n=len(p.listed))))
        self.ok_button.setEnabled(bool(p.listed))
        self.resize(640, 460)

    def _write(self) -> int:
        self.written = vr.build(self._session, self._election_id)
        return self.written


class AddVoterDialog(_WriteDialog):
    """添加选民: a person of the register, the category; an incomer's admitting meeting."""

    def __init__(self, session: Session, election_id: str, parent: QWidget | None = None):
        super().__init__(session, election_id, parent)
        self.setWindowTitle(self.tr("添加选民"))
        self.voter_id: str | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入姓名查找"))
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        for person_id, name, group in vr.people_not_listed(election_id):
            item = QListWidgetItem(f"{name}  {group}" if group else name)
            item.setData(_ID, person_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.search.textChanged.connect(self._filter)
        self.category = _category_combo()
        self.category.setCurrentIndex(self.category.findData(VOTER_AWAY))
        self.meeting = _meeting_combo(election_id)
        self.resident_since = QLineEdit()
        self.resident_since.setPlaceholderText(self.tr("如 2025-03-01;不清楚可留空,名单会提示核实"))
        self.resident_since.setMaxLength(10)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("例如:本人电话表示回村参加选举"))
        self.category.currentIndexChanged.connect(self._category_changed)
        self._form = form = QFormLayout()
        form.addRow(self.tr("类别:"), self.category)
        form.addRow(self.tr("同意登记的会议:"), self.meeting)
        form.addRow(self.tr("在本村居住起始日期:"), self.resident_since)
        form.addRow(self.tr("备注:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("名册里没有的外来人员,请先在“人员名册”登记,再回到这里添加。")))
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("添加")))
        self._category_changed()
        self.resize(520, 480)

    def _filter(self, text: str) -> None:
        text = text.strip()
        first = None
        for n in range(self.people.count()):
            item = self.people.item(n)
            hidden = bool(text) and text not in item.text()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = n
        if first is not None:
            self.people.setCurrentRow(first)

    def _category_changed(self, *_args) -> None:
        incomer = self.category.currentData() == VOTER_INCOMER
        self.meeting.setEnabled(incomer)
        # 第十三条(三) 在本村居住一年以上 concerns incomers only: the date row is shown for them alone.
        self._form.setRowVisible(self.resident_since, incomer)

    def select_person(self, person_id: str) -> None:
        """Highlight `person_id` in the list (tests, and an objection upheld)."""
        for n in range(self.people.count()):
            if self.people.item(n).data(_ID) == person_id:
                self.people.setCurrentRow(n)
                return

    def _write(self) -> str:
        item = self.people.currentItem()
        if item is None or item.isHidden():
            raise_refusal(self.tr("请在列表中选择要添加的村民。"))
        self.voter_id = vr.add(self._session, self._election_id, item.data(_ID), self.category.currentData(),
                               self.meeting.currentData(), self.note.text(),
                               resident_since=self.resident_since.text() if self.category.currentData() == VOTER_INCOMER
                               else "")
        return self.voter_id


def raise_refusal(text: str) -> None:
    """A refusal typed in the dialog itself (nothing chosen): shown like a service's."""
    raise ValidationError(text)


class RemoveVoterDialog(_WriteDialog):
    """移出: the reason (依照法律被剥夺政治权利, 不在本村居住未表示参加选举…), its detail, the day."""

    def __init__(self, session: Session, row: vr.VoterRow, parent: QWidget | None = None):
        super().__init__(session, "", parent)
        self._row = row
        self.setWindowTitle(self.tr("移出选民名单"))
        self.reason = QComboBox()
        for code in roll.MANUAL_OUT_REASONS:
            self.reason.addItem(QCoreApplication.translate("voter_roll", roll.OUT_REASONS[code]), code)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("具体情况,例如判决书文号、迁往何处"))
        self.day = date_edit()
        form = QFormLayout()
        form.addRow(self.tr("原因:"), self.reason)
        form.addRow(self.tr("说明:"), self.detail)
        form.addRow(self.tr("移出日期:"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("把 {name}({group})移出选民名单。这一行仍保留并注明原因,"
                                       "重新从名册生成时不会再列入。").format(name=row.name, group=row.village_group)))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("移出")))

    def _write(self) -> None:
        vr.remove(self._session, self._row.id, self.reason.currentData(), self.detail.text(), to_date(self.day))


class CategoryDialog(_WriteDialog):
    """修改类别: a resident found to live away but wishing to vote, an incomer and his meeting."""

    def __init__(self, session: Session, election_id: str, row: vr.VoterRow, parent: QWidget | None = None):
        super().__init__(session, election_id, parent)
        self._row = row
        self.setWindowTitle(self.tr("修改登记类别"))
        self.category = _category_combo()
        self.category.setCurrentIndex(max(0, self.category.findData(row.category)))
        self.meeting = _meeting_combo(election_id)
        if row.admitted_meeting_id:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(row.admitted_meeting_id)))
        self.category.currentIndexChanged.connect(self._changed)
        form = QFormLayout()
        form.addRow(self.tr("类别:"), self.category)
        form.addRow(self.tr("同意登记的会议:"), self.meeting)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("{name}({group})的登记类别。").format(name=row.name, group=row.village_group)))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("保存")))
        self._changed()

    def _changed(self, *_args) -> None:
        self.meeting.setEnabled(self.category.currentData() == VOTER_INCOMER)

    def _write(self) -> None:
        vr.set_category(self._session, self._row.id, self.category.currentData(), self.meeting.currentData())


class PublishDialog(_WriteDialog):
    """公布名单: the day; warns as it is typed when it is fewer than 20 days before the election day."""

    def __init__(self, session: Session, election_id: str, parent: QWidget | None = None):
        super().__init__(session, election_id, parent)
        facts = vr.election_facts(election_id)
        self._day = roll.parse_day(facts.election_day)
        self.setWindowTitle(self.tr("公布选民名单"))
        # Recorded on the day, or afterwards for a list already posted: today, but never past the last day.
        default = min(date.today(), roll.latest_publication(self._day)) if self._day else date.today()
        self.day = date_edit(roll.parse_day(facts.roll_published_on) or default)
        self.check = _hint()
        self.day.dateChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("公布日期:"), self.day)
        layout = QVBoxLayout(self)
        latest = roll.latest_publication(self._day).isoformat() if self._day else ""
        layout.addWidget(_hint(self.tr("选举日 {day}。选民名单应当在选举日的二十日前公布,即最迟 {latest}。"
                                       "公布后五日内可以提出异议。").format(day=facts.election_day, latest=latest)))
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("公布")))
        self._check()

    def _check(self, *_args) -> None:
        if self._day is None:
            return
        found = roll.publication_finding(to_date(self.day), self._day)
        if found is None:
            self.check.setProperty("role", "ok")
            self.check.setText(self.tr("在选举日二十日前公布,异议可提出至 {last}。").format(
                last=roll.objection_deadline(to_date(self.day)).isoformat()))
        else:
            self.check.setProperty("role", "error")
            self.check.setText(finding_text(found))
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
        # The warning wraps to more lines than the line it replaced: grow, or the buttons are cut off.
        self.adjustSize()

    def _write(self) -> list[Finding]:
        self.warnings = vr.publish(self._session, self._election_id, to_date(self.day))
        return self.warnings


class ObjectionDialog(_WriteDialog):
    """登记异议: about a voter on the list or someone left off; who raised it, when, what it says."""

    def __init__(self, session: Session, election_id: str, parent: QWidget | None = None,
                 voter: vr.VoterRow | None = None):
        super().__init__(session, election_id, parent)
        self.setWindowTitle(self.tr("登记异议"))
        self.objection_id: str | None = None
        self.on_list = QRadioButton(self.tr("针对名单上的选民"))
        self.off_list = QRadioButton(self.tr("针对未列入名单的村民"))
        group = QButtonGroup(self)
        group.addButton(self.on_list)
        group.addButton(self.off_list)
        self.voter = QComboBox()
        for row in vr.voters(election_id, include_removed=False):
            self.voter.addItem(f"{row.name}  {row.village_group}", row.id)
        self.person = QComboBox()
        for person_id, name, village_group in vr.people_not_listed(election_id):
            self.person.addItem(f"{name}  {village_group}", person_id)
        for combo in (self.voter, self.person):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if voter is not None:
            self.voter.setCurrentIndex(max(0, self.voter.findData(voter.id)))
        self.on_list.setChecked(True)
        self.on_list.toggled.connect(self._subject_changed)
        facts = vr.election_facts(election_id)
        published = roll.parse_day(facts.roll_published_on)
        # Often written up afterwards: today, but not past the last day objections may come.
        self.day = date_edit(min(date.today(), roll.objection_deadline(published)) if published else None)
        self.raised_by = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("例如:某某户口已迁出,不应列入"))
        self.content.setMaximumHeight(90)
        form = QFormLayout()
        subject = QHBoxLayout()
        subject.addWidget(self.on_list)
        subject.addWidget(self.off_list)
        form.addRow(self.tr("异议针对:"), subject)
        form.addRow(self.tr("选民:"), self.voter)
        form.addRow(self.tr("村民:"), self.person)
        form.addRow(self.tr("提出日期:"), self.day)
        form.addRow(self.tr("提出人:"), self.raised_by)
        form.addRow(self.tr("异议内容:"), self.content)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("名单 {published} 公布,异议应在 {last} 前(含)提出,"
                                       "村民选举委员会自收到之日起三日内作出处理决定。").format(
            published=facts.roll_published_on or self.tr("(未公布)"),
            last=roll.objection_deadline(published).isoformat() if published else "—")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("登记")))
        self._subject_changed()

    def _subject_changed(self, *_args) -> None:
        self.voter.setEnabled(self.on_list.isChecked())
        self.person.setEnabled(self.off_list.isChecked())

    def _write(self) -> str:
        on_list = self.on_list.isChecked()
        chosen = typed_choice(self.voter if on_list else self.person)
        self.objection_id, self.warnings = vr.raise_objection(
            self._session, self._election_id, to_date(self.day), self.raised_by.text(), self.content.toPlainText(),
            voter_id=chosen if on_list else None, person_id=None if on_list else chosen)
        return self.objection_id


def typed_choice(combo: QComboBox) -> str:
    """The id behind an editable combo's text as typed, not the row highlighted before the typing.

    Typing a name into the box does not move its current row until Enter is
    pressed: the objection would otherwise be written against whoever was
    first in the list. The typed text picks the one line that reads the same,
    or the one whose name (before the 村民小组) is the text; none or several: refused.
    """
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index).strip() == text:
        return combo.itemData(index)
    same = [n for n in range(combo.count()) if combo.itemText(n).strip() == text]
    if not same:
        same = [n for n in range(combo.count()) if combo.itemText(n).split("  ")[0].strip() == text]
    if len(same) == 1:
        return combo.itemData(same[0])
    if not text or not same:
        raise_refusal(QCoreApplication.translate("ObjectionDialog", "没有找到“{name}”,请在列表中选择。").format(name=text))
    raise_refusal(QCoreApplication.translate(
        "ObjectionDialog", "叫“{name}”的有 {n} 人,请在列表中选择是哪个村民小组的。").format(name=text, n=len(same)))
    return ""


class DecideDialog(_WriteDialog):
    """处理异议: 成立 or 不成立, the decision's words, the day; an upheld one changes the list."""

    def __init__(self, session: Session, election_id: str, objection: vr.ObjectionRow,
                 parent: QWidget | None = None):
        super().__init__(session, election_id, parent)
        self._objection = objection
        self.setWindowTitle(self.tr("处理异议"))
        self.upheld = QRadioButton(self.tr("异议成立"))
        self.rejected = QRadioButton(self.tr("异议不成立"))
        group = QButtonGroup(self)
        group.addButton(self.upheld)
        group.addButton(self.rejected)
        self.rejected.setChecked(True)
        raised = roll.parse_day(objection.raised_on)
        self.day = date_edit(min(date.today(), roll.decision_deadline(raised)) if raised else None)
        self.decision = QPlainTextEdit()
        self.decision.setMaximumHeight(90)
        self.category = _category_combo()
        self.category.setCurrentIndex(self.category.findData(VOTER_RESIDENT))
        self.meeting = _meeting_combo(election_id)
        self.effect = _hint()
        verdict = QHBoxLayout()
        verdict.addWidget(self.upheld)
        verdict.addWidget(self.rejected)
        form = QFormLayout()
        form.addRow(self.tr("处理结果:"), verdict)
        form.addRow(self.tr("处理日期:"), self.day)
        form.addRow(self.tr("处理决定:"), self.decision)
        self._adds = objection.voter_id is None
        if self._adds:
            form.addRow(self.tr("列入类别:"), self.category)
            form.addRow(self.tr("同意登记的会议:"), self.meeting)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("{by} {raised} 提出:{content}\n应在 {deadline} 前(含)作出处理决定。").format(
            by=objection.raised_by, raised=objection.raised_on, content=objection.content,
            deadline=objection.deadline)))
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("保存处理决定")))
        for widget in (self.upheld, self.rejected):
            widget.toggled.connect(self._changed)
        self.category.currentIndexChanged.connect(self._changed)
        self._changed()

    def _changed(self, *_args) -> None:
        upheld = self.upheld.isChecked()
        self.category.setEnabled(upheld)
        self.meeting.setEnabled(upheld and self.category.currentData() == VOTER_INCOMER)
        if not upheld:
            self.effect.setText(self.tr("异议不成立:名单不变。"))
        elif self._adds:
            self.effect.setText(self.tr("异议成立:{name}将列入选民名单。").format(name=self._objection.subject))
        else:
            self.effect.setText(self.tr("异议成立:{name}将移出选民名单,原因注明“异议成立”。").format(
                name=self._objection.subject))

    def _write(self) -> list[Finding]:
        self.warnings = vr.decide_objection(
            self._session, self._objection.id, to_date(self.day), self.upheld.isChecked(),
            self.decision.toPlainText(), self.category.currentData(), self.meeting.currentData())
        return self.warnings
