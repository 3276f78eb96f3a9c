"""The township's link to its county, on the 报表 page: joined or not, and what the county said it has.

A township joins its county with the county's 入网文件 (the fingerprint is
checked on the phone, as a village does with its township), sends its
县级汇总包 from this page, and reads the county's 回执 here: "县里已于…收到
第 N 号汇总包". Both files are read with 导入县里的文件… (`import_file`), which
tells them apart; anything else is refused with where it belongs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import county_exchange_service as ces
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import run_op, run_query
from ui.widgets.exchange.package_dialogs import fingerprint_label
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.outside_text import one_line, plain


class JoinCountyDialog(QDialog):
    """The county's 入网文件 was opened: confirm the county's fingerprint by phone, then join."""

    def __init__(self, setup: ces.CountySetupInfo, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setup, self.path = setup, path
        self.setWindowTitle(self.tr("加入县里"))
        self.setMinimumWidth(540)
        head = plain(QLabel(self.tr("这是{county}({code})发给本乡镇的入网文件。").format(
            county=one_line(setup.county_name), code=setup.county_code)))
        head.setWordWrap(True)
        ask = QLabel(self.tr("请打电话给县里,请对方念出县里电脑的指纹,与下面这一串逐组核对:"))
        ask.setWordWrap(True)
        after = QLabel(self.tr("核对一致后,点“加入”。以后本乡镇的县级汇总包就是发给该县的,县里的回执也只认这台电脑。"
                               "不一致时请点“取消”,并联系县里。"))
        after.setWordWrap(True)
        after.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(head)
        layout.addWidget(ask)
        layout.addWidget(fingerprint_label(setup.fingerprint))
        layout.addWidget(after)
        layout.addWidget(ok_cancel(self, self.tr("加入")))


class CountyLink(QWidget):
    """The state of the township with its county, and the button that reads the county's files."""

    #: The county's 入网文件 or 回执 was read (the page may re-read what it shows).
    changed = Signal()

    def __init__(self, session: Session, paths: AppPaths | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self.join_dialog: JoinCountyDialog | None = None
        self.state_label = plain(QLabel())
        self.state_label.setWordWrap(True)
        self.receipt_label = plain(QLabel())
        self.receipt_label.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setToolTip(self.tr("县里第一次导入本乡镇的汇总包时,会打电话请您念出这一串的前 8 位。"))
        self.import_button = QPushButton(self.tr("导入县里的文件…"))
        self.import_button.setToolTip(self.tr("县里发来的入网文件(加入县里)或回执(县里收到了哪些汇总包)。"))
        self.import_button.clicked.connect(self.choose_file)
        self.import_button.setEnabled(session.can(Permission.EXCHANGE))
        self.message = FieldMessage()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fingerprint_label, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.state_label)
        layout.addWidget(self.receipt_label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        """Say whether the township joined a county and what the county's last 回执 said."""
        county = ces.county()
        if county is None:
            self.state_label.setText(self.tr(
                "本乡镇还没有加入县里。县里登记本乡镇后会给一个入网文件:点“导入县里的文件…”读入,"
                "并打电话与县里核对电脑指纹。没有加入时,汇总包照样可以导出,县里第一次导入时核对本乡镇的指纹。"))
        else:
            self.state_label.setText(self.tr("已加入{county}({code}),县里电脑指纹 {fp}。").format(
                county=one_line(county.name), code=county.code, fp=county.spoken or "—"))
        ack = ces.county_ack() if county is not None else None
        if ack is None:
            self.receipt_label.setText(self.tr("还没有收到县里的回执。") if county is not None else "")
        else:
            text = self.tr("县里已于 {day} 收到第 {n} 号汇总包(县里第 {r} 号回执)。").format(
                day=ack.last_received_on or "—", n=ack.last_number, r=ack.receipt_number)
            self.receipt_label.setText(text)
            # the county's notes on each package (an older one that changed nothing, …): on demand, not on the card
            self.receipt_label.setToolTip("\n".join(ack.notes[-5:]))
        self.receipt_label.setVisible(bool(self.receipt_label.text()))
        if self._paths is not None:
            self.fingerprint_label.setText(self.tr("本机电脑指纹:{fp}").format(fp=xs.own_fingerprint(self._paths)))

    def choose_file(self) -> None:
        """The open-file dialog for a file from the county."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择县里发来的文件"), str(Path.home()),
                                              self.tr("村务台账数据包 (*.cwpkg)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Read a file from the county: its 入网文件 (asks to confirm the fingerprint) or its 回执."""
        path = Path(path)
        if not path.is_file():
            self.message.show_error(self.tr("找不到文件“{name}”。U盘是否已经拔出?").format(name=path.name))
            return False
        kind = ces.county_file_kind(path)
        if kind == ces.COUNTY_SETUP:
            read = run_query(self, lambda: ces.check_county_setup(path), on_failure=self.message.show_failure)
            if not read:
                return False
            dialog = JoinCountyDialog(read.value, path, self)
            dialog.accepted.connect(lambda: self._join(dialog.path))
            dialog.open()
            self.join_dialog = dialog
            return True
        if kind == ces.COUNTY_RECEIPT:
            session, paths = self._session, self._paths
            done = run_op(self, lambda: ces.import_county_receipt(session, paths, path),
                          on_failure=self.message.show_failure)
            if not done:
                return False
            number = done.value.last_number if done.value is not None else 0
            self.message.show_ok(self.tr("已导入县里的回执:县里已收到第 {n} 号汇总包。").format(n=number))
            self._changed()
            return True
        self.message.show_error(self.tr(
            "“{name}”不是县里发来的入网文件或回执。各村的数据包请在“村庄”页导入。").format(name=one_line(path.name)))
        return False

    def _join(self, path: Path) -> None:
        done = run_op(self, lambda: ces.accept_county_setup(path), on_failure=self.message.show_failure)
        if done:
            self.message.show_ok(self.tr("已加入{county}。以后导出的县级汇总包就是发给该县的。").format(
                county=one_line(done.value.county_name)))
            self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
