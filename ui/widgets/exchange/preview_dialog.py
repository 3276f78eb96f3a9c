"""导入前的预览: who sent the package, when, and what importing it would change."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import recovery_service
from desktop.sync import first_contact
from models.clock import local_display
from ui.widgets.exchange.audit_flag import flag_label
from ui.widgets.outside_text import OutsideLabel, one_line, plain
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel, scale_font
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body


def _cell(text: str, number: bool = False) -> QTableWidgetItem:  # our labels and counts, never outside text
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class PreviewDialog(QDialog):
    """The verified plan of one package; 导入 applies it, 取消 changes nothing."""

    def __init__(self, plan, parent: QWidget | None = None):
        """`plan`: the `ImportPlan` from `exchange_service.plan_package`."""
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入数据包 - 请先确认"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("导入前请确认"), 1.3, bold=True))

        form = QFormLayout()
        form.setVerticalSpacing(6)
        number = self.tr("第 {number} 号").format(number=plan.number)
        if plan.full:
            number += self.tr("(完整数据包)")
        #: The sender as the package names itself: outside text, one plain line.
        self.sender_label = OutsideLabel(one_line(f"{plan.sender_name}({plan.sender_code})"))
        self.sender_label.setWordWrap(True)
        form.addRow(self.tr("发送方:"), self.sender_label)
        if plan.peer_name and plan.sender_name != plan.peer_name:
            renamed = OutsideLabel(self.tr("数据包里写的名称与本机登记的“{name}”不同。").format(
                name=one_line(plan.peer_name)))
            renamed.setWordWrap(True)
            renamed.setProperty("role", "error")
            form.addRow("", renamed)
        form.addRow(self.tr("数据包:"), QLabel(number))
        form.addRow(self.tr("生成时间:"), OutsideLabel(local_display(plan.created_at)))
        file_label = OutsideLabel(one_line(plan.path.name))
        file_label.setWordWrap(True)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("文件:"), file_label)
        layout.addLayout(form)

        self.audit_label = flag_label("ok" if plan.already_imported else plan.audit, plan.audit_reason)
        layout.addWidget(self.audit_label)
        self.warning_labels: list[QLabel] = []
        self.fingerprint_label: QLabel | None = None
        self.fingerprint_edit: QLineEdit | None = None
        if not plan.already_imported:
            if plan.first_contact:
                layout.addWidget(self._first_contact(plan))
            for warning in plan.warnings:
                if plan.first_contact and warning.startswith(self._first_contact_warning_start(plan)):
                    continue  # the frame above asks for the fingerprint
                label = OutsideLabel(self.tr("请注意:{text}").format(text=warning))
                label.setWordWrap(True)
                label.setProperty("role", "error")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.warning_labels.append(label)
                layout.addWidget(label)

        shown = [t for t in plan.tables if t.new or t.changed or t.conflict or t.same or t.older]
        self.table = QTableWidget(len(shown), 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("内容"), self.tr("新增"), self.tr("修改"), self.tr("其中删除"), self.tr("冲突"), self.tr("不变")])
        self.table.horizontalHeaderItem(3).setToolTip(self.tr("新增和修改中,有多少条是对方删除的记录(会进入回收站)。"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, t in enumerate(shown):
            self.table.setItem(row, 0, _cell(t.label))
            for col, value in enumerate((t.new, t.changed, t.deleted, t.conflict, t.same + t.older), start=1):
                self.table.setItem(row, col, _cell(str(value) if value else "–", number=True))

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        if plan.already_imported:
            self.summary_label.setText(self.tr("这个数据包已经导入过了,再导入也不会有任何变化。"))
            self.summary_label.setProperty("role", "ok")
            self.table.hide()
        elif not shown:
            self.summary_label.setText(self.tr("这个数据包里没有新的修改(只带有对方的回执信息)。"))
            self.table.hide()
        else:
            text = self.tr("导入后将新增 {new} 条,修改 {changed} 条。").format(
                new=plan.total("new"), changed=plan.total("changed"))
            if plan.attachments:
                text += self.tr("附带附件文件 {n} 个。").format(n=plan.attachments)
            self.summary_label.setText(text)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)

        conflicts = plan.total("conflict")
        self.conflict_label = QLabel(self.tr(
            "有 {n} 条记录与本机的不一致(冲突)。导入后两个版本都会保留,请在“冲突”里逐条选择保留哪一个。"
        ).format(n=conflicts))
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setProperty("role", "error")
        self.conflict_label.setVisible(bool(conflicts) and not plan.already_imported)
        layout.addWidget(self.conflict_label)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        make_primary(self.import_button)
        if plan.already_imported:
            self.import_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
        elif self.fingerprint_edit is not None:
            self.import_button.setEnabled(False)  # until the fingerprint heard on the phone is typed
            self.import_button.setDefault(False)
            self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_table(len(shown))
        # On a short screen (1024×600, a large font) the body scrolls; 导入/取消 stay in view.
        self._body_area = scroll_dialog_body(self, keep=buttons)
        if self.fingerprint_edit is not None:
            # After the body moved into its scroll area (a move drops the focus): typing what is heard on the
            # phone goes into the field, and a space in "ABCD EFGH" never presses 取消.
            self.fingerprint_edit.setFocus()
        # As tall as the content: no blank band under a short table or an already-imported package.
        resize_within_screen(self, 680, self.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Keep the wrapped sentences whole: the body is at least as tall as they need at this width.

        A scroll area hands its content the viewport's height and lets the
        layout squeeze word-wrapped labels below the lines they wrap to; the
        first-contact instructions must never be cut, so the body scrolls instead.
        """
        super().resizeEvent(event)
        self._fit_body()

    def _fit_body(self) -> None:
        body = self._body_area.widget()
        layout = body.layout() if body is not None else None
        if layout is not None and layout.hasHeightForWidth():
            body.setMinimumHeight(layout.totalHeightForWidth(self._body_area.viewport().width()))

    def _fit_table(self, rows: int) -> None:
        """The table exactly as tall as its rows, up to ten (more scroll inside it)."""
        if not rows:
            return
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(min(rows, 10)))
        self.table.setMaximumHeight(height + (0 if rows <= 10 else 4))
        # On a short screen the table gives up rows first (it scrolls inside), down to three.
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                                    + sum(self.table.rowHeight(r) for r in range(min(rows, 3))))

    @staticmethod
    def _first_contact_warning_start(plan) -> str:
        return f"这是{plan.peer_name or plan.sender_code}的第一个数据包。"

    def _first_contact(self, plan) -> QWidget:
        """Ask for the 8 characters read out on the phone; 导入 stays disabled until they match.

        Every sentence here is ours: the village is named by the name this
        township registered it under (`plan.peer_name`), never by the name the
        package gives itself (that is outside text, shown only as 发送方 above,
        plain). The fingerprint the package carries is not shown until the
        typed one matches, so the person cannot just copy it.
        """
        frame = QFrame()
        frame.setProperty("card", True)
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never squeezed
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(6)
        name = one_line(plan.peer_name or plan.sender_code)
        since = recovery_service.reenrolled_on(plan.sender_code) if plan.sender_kind == "village" else ""
        if since:  # the old PC's key was retired: this is the new PC, a first contact all the same
            heading = self.tr("{name}于 {date} 重新入网,这是新电脑的第一个数据包:请先打电话核对电脑指纹").format(
                name=name, date=since)
        else:
            heading = self.tr("第一次收到{name}的数据包:请先打电话核对电脑指纹").format(name=name)
        title = plain(ScaledLabel(heading, 1.1, bold=True))
        self.first_contact_title = title
        title.setWordWrap(True)
        if plan.sender_kind == "village":
            # where the village sees it: its 数据交换 page (top right) and 帮助 → 关于 (no menu is called 本机信息)
            text = self.tr("请打电话给{name}(用平时联系该村的电话),请对方打开村务台账,在“数据交换”页右上角"
                           "(或“帮助 → 关于”里)念出电脑指纹(8 位字母和数字),输入到下面。"
                           "一致后才能导入;不一致时请不要导入,并与该村当面核实。")
        else:
            text = self.tr("请打电话给{name}(用平时联系对方的电话),请对方打开村务台账,在“村庄”页右上角"
                           "(或“帮助 → 关于”里)念出电脑指纹的前 8 位字母和数字,输入到下面。"
                           "一致后才能导入;不一致时请不要导入。")
        self.first_contact_ask = plain(QLabel(text.format(name=name)))
        self.first_contact_ask.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("对方念出的电脑指纹:")))
        #: Where the 8 characters heard on the phone are typed (case, spaces and dashes do not matter).
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setPlaceholderText("XXXX-XXXX")
        self.fingerprint_edit.setMaxLength(40)
        scale_font(self.fingerprint_edit, 1.3, bold=True)
        self.fingerprint_edit.setMinimumWidth(self.fingerprint_edit.fontMetrics().horizontalAdvance("WWWW-WWWW  "))
        row.addWidget(self.fingerprint_edit, 1)
        self.fingerprint_status = plain(QLabel())
        self.fingerprint_status.setWordWrap(True)
        self.fingerprint_label = plain(ScaledLabel(plan.fingerprint, 1.0))
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.hide()
        box.addWidget(title)
        box.addWidget(self.first_contact_ask)
        box.addLayout(row)
        box.addWidget(self.fingerprint_status)
        box.addWidget(self.fingerprint_label)
        self.fingerprint_edit.textChanged.connect(self._fingerprint_typed)
        return frame

    def _fingerprint_typed(self, text: str) -> None:
        """Enable 导入 only when what was typed is the package's spoken fingerprint."""
        typed = first_contact.normalize(text)
        ok = first_contact.matches(self.plan.fingerprint, text)
        self.import_button.setEnabled(ok)
        self.import_button.setDefault(ok)
        if ok:
            self.fingerprint_status.setText(self.tr("✔ 一致:这个数据包是对方那台电脑发出的。可以导入。"))
            self.fingerprint_status.setProperty("role", "ok")
            self.fingerprint_label.setText(self.tr("完整指纹:{fp}").format(fp=self.plan.fingerprint))
        elif len(typed) < first_contact.SPOKEN_LENGTH:
            self.fingerprint_status.setText(self.tr("还差 {n} 位。").format(n=first_contact.SPOKEN_LENGTH - len(typed))
                                            if typed else "")
            self.fingerprint_status.setProperty("role", "hint")
        else:
            self.fingerprint_status.setText(self.tr(
                "✘ 不一致:这个数据包可能不是对方那台电脑发出的(有人拿到了入网文件?)。请再核对一遍;"
                "仍不一致时请不要导入,并与对方当面核实。"))
            self.fingerprint_status.setProperty("role", "error")
        self.fingerprint_label.setVisible(ok)
        self.fingerprint_status.style().unpolish(self.fingerprint_status)
        self.fingerprint_status.style().polish(self.fingerprint_status)
        self._fit_body()  # the status sentence may take another line
        if text:  # on a short screen the answer to what was typed is scrolled into view
            QTimer.singleShot(0, self, self._show_status)

    def _show_status(self) -> None:
        body = self._body_area.widget()
        if body is not None and body.layout() is not None:
            body.layout().activate()  # the sentence's new height first, then where it is
        self._body_area.ensureWidgetVisible(self.fingerprint_status, 0, 12)

    def typed_fingerprint(self) -> str | None:
        """What the person typed for a first package (None when none was asked), for the import to check again."""
        return self.fingerprint_edit.text() if self.fingerprint_edit is not None else None

    def warnings_text(self) -> str:
        """All warnings (with the first-contact fingerprint), for tests."""
        lines = [label.text() for label in self.warning_labels]
        if self.fingerprint_label is not None:
            lines.insert(0, self.tr("第一个数据包,电脑指纹:{fp}").format(fp=self.plan.fingerprint))
        return "\n".join(lines)
