"""导入花名册: the file, what each column was taken as, the people, the skipped rows, the duplicates.

Choose the file (and the sheet, when there are several); the preview shows
what each column was taken as, the people, the skipped rows with their
reasons and the likely duplicates (each with 仍然添加, unticked); then import.

Reading and importing run off the UI thread (`ui.operations.Runner`) with a
progress bar: a 20,000-row roster takes seconds. Nothing is written until
导入 N 人, and then all of it in one transaction. The 身份证号 column is read
for birth and sex only: the preview never shows a number.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import roster_import
from desktop.services.roster_import import RosterPreview, RosterResult
from desktop.services.session import Session
from models.errors import Cancelled
from ui.errors import message_text
from ui.operations import Runner
from ui.widgets.dialogs import inform
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body
from ui.widgets.tables import keep_rows_visible, read_only_table

#: Rows named one by one in the summary after an import (the rest counted).
_LISTED = 8

#: The people listed in the preview (the count says how many there are in all).
SHOWN_ROWS = 200


class RosterImportDialog(QDialog):
    """The import of a 花名册 for `session`; after it, `result` holds what was written."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入花名册"))
        resize_within_screen(self, 980, 640)
        self._session = session
        self.path: Path | None = None
        self.preview: RosterPreview | None = None
        self.result: RosterResult | None = None
        self._reader = Runner(self, writes=False)
        self._writer = Runner(self)
        for runner in (self._reader, self._writer):
            runner.busy_changed.connect(self._busy)
            runner.progress.connect(self._progress)

        self.open_button = QPushButton(self.tr("选择文件…"))
        self.open_button.clicked.connect(self.ask_open_file)
        self.file_label = QLabel(self.tr("请选择花名册文件(.xlsx;旧版 .xls 请先另存为 .xlsx;或 .csv)。"))
        self.file_label.setProperty("role", "hint")
        self.file_label.setWordWrap(True)
        self.sheet_label = QLabel(self.tr("工作表:"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(8)
        self.sheet_combo.activated.connect(self._on_sheet)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.columns_table = read_only_table([self.tr("列"), self.tr("表头"), self.tr("作为")])
        self.people_table = read_only_table(
            [self.tr("行"), self.tr("姓名"), self.tr("性别"), self.tr("出生年月"), self.tr("村民小组"), self.tr("户"),
             self.tr("与户主关系"), self.tr("电话"), self.tr("提示")])
        self.people_note = QLabel()
        self.people_note.setProperty("role", "hint")
        self.skipped_table = read_only_table([self.tr("行"), self.tr("原因")])
        self.duplicates_table = read_only_table(
            [self.tr("仍然添加"), self.tr("行"), self.tr("姓名"), self.tr("出生年月"), self.tr("村民小组"),
             self.tr("为什么可能重复")])
        self.duplicates_table.itemChanged.connect(self._update_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.columns_table, self.tr("各列"))
        people_tab = QWidget()
        people_layout = QVBoxLayout(people_tab)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.people_table, 1)
        people_layout.addWidget(self.people_note)
        self.tabs.addTab(people_tab, self.tr("将导入"))
        self.tabs.addTab(self.skipped_table, self.tr("跳过的行"))
        self.tabs.addTab(self.duplicates_table, self.tr("可能重复"))
        for table in (self.columns_table, self.people_table, self.skipped_table, self.duplicates_table):
            keep_rows_visible(table)
        self.message = FieldMessage()

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("导入"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.start_import)
        self.ok_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self._show_sheets(())
        self._show(None)
        scroll_dialog_body(self, self.buttons)

    # --- choosing and reading -------------------------------------------------------------------

    def ask_open_file(self) -> None:
        """The open-file dialog, then `load_file`."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择花名册"), "", self.tr("花名册 (*.xlsx *.xlsm *.csv *.txt *.xls);;所有文件 (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path, sheet: str | None = None) -> bool:
        """Read `path` (sheet `sheet`, or the first with a 姓名 header) on a worker; False while busy."""
        if self._reader.is_busy() or self._writer.is_busy():
            return False
        self.path = Path(path)
        self.file_label.setText(str(path))
        self.file_label.setProperty("role", "")
        self._show(None)
        self.message.show_hint(self.tr("正在读取…"))
        target = self.path
        return self._reader.run(
            lambda progress, cancelled: roster_import.preview(target, sheet, progress=progress, cancelled=cancelled),
            self._read, self._failed)

    def _on_sheet(self, index: int) -> None:
        if self.path is not None and index >= 0:
            self.load_file(self.path, self.sheet_combo.itemText(index))

    def _read(self, preview: RosterPreview) -> None:
        self.preview = preview
        self._show_sheets(preview.sheets, preview.sheet)
        self._show(preview)

    def _failed(self, exc: BaseException) -> None:
        self._show(None)
        if isinstance(exc, Cancelled):
            self.message.show_hint(self.tr("已取消。"))
        else:
            self.message.show_failure(exc)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.open_button.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy)
        self._update_button()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    # --- the preview ------------------------------------------------------------------------------

    def _show_sheets(self, sheets: tuple[str, ...], current: str = "") -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(sheets))
        if current:
            self.sheet_combo.setCurrentText(current)
        several = len(sheets) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)

    def _show(self, preview: RosterPreview | None) -> None:
        self.preview = preview
        for table in (self.columns_table, self.people_table, self.skipped_table, self.duplicates_table):
            table.setRowCount(0)
        if preview is None:
            self.summary_label.clear()
            self.people_note.clear()
            self._set_tab_titles(0, 0, 0)
            self._update_button()
            return
        self.message.clear_message()
        adding = len(preview.to_add)
        text = self.tr("工作表“{sheet}”,表头在第 {row} 行。读到 {people} 人").format(
            sheet=preview.sheet, row=preview.header_row, people=len(preview.lines))
        if preview.households:
            text += self.tr("(分属 {households} 户)").format(households=preview.households)
        text += self.tr(",跳过 {skipped} 行,{dups} 人可能已在名册中。").format(
            skipped=len(preview.skipped), dups=len(preview.duplicates))
        if preview.new_groups:
            text += self.tr("将新建村民小组:{groups}。").format(groups="、".join(preview.new_groups))
        self.summary_label.setText(text)
        self._fill(self.columns_table, [
            (self.tr("第 {n} 列").format(n=c.index + 1), c.title.replace("\n", " "),
             QCoreApplication.translate("roster", c.label))
            for c in preview.columns])
        shown = preview.to_add[:SHOWN_ROWS]
        self._fill(self.people_table, [
            (str(p.row), p.name, p.gender, p.birth, p.group, p.household, p.relation, p.phone,
             ";".join(message_text(w) for w in p.warnings)) for p in shown])
        self.people_note.setText(
            self.tr("只列出前 {shown} 人,共 {n} 人。").format(shown=len(shown), n=adding) if adding > len(shown)
            else self.tr("共 {n} 人。").format(n=adding))
        self._fill(self.skipped_table, [(str(s.row), message_text(s.reason)) for s in preview.skipped])
        self.duplicates_table.blockSignals(True)
        self._fill(self.duplicates_table, [
            ("", str(d.row), d.name, d.birth, d.group, message_text(d.duplicate_of)) for d in preview.duplicates])
        for r in range(self.duplicates_table.rowCount()):
            box = self.duplicates_table.item(r, 0)
            box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            box.setCheckState(Qt.CheckState.Unchecked)
            box.setText(self.tr("仍然添加"))
        self.duplicates_table.blockSignals(False)
        self._set_tab_titles(adding, len(preview.skipped), len(preview.duplicates))
        if not preview.lines:
            self.message.show_error(self.tr("这个工作表里没有可以导入的人,请看“跳过的行”里的原因。"))
        self._update_button()

    def _set_tab_titles(self, adding: int, skipped: int, dups: int) -> None:
        self.tabs.setTabText(1, self.tr("将导入({n})").format(n=adding))
        self.tabs.setTabText(2, self.tr("跳过的行({n})").format(n=skipped))
        self.tabs.setTabText(3, self.tr("可能重复({n})").format(n=dups))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)  # plain text: a cell is never markup
                if len(value) > 12:
                    item.setToolTip(value)  # a long reason or warning is elided in its cell
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def included_duplicates(self) -> set[int]:
        """The rows of the likely duplicates ticked 仍然添加."""
        if self.preview is None:
            return set()
        return {d.row for r, d in enumerate(self.preview.duplicates)
                if self.duplicates_table.item(r, 0) is not None
                and self.duplicates_table.item(r, 0).checkState() == Qt.CheckState.Checked}

    def count_to_add(self) -> int:
        """How many people 导入 would add now."""
        return 0 if self.preview is None else len(self.preview.to_add) + len(self.included_duplicates())

    def _update_button(self, *_args) -> None:
        n = self.count_to_add()
        self.ok_button.setText(self.tr("导入 {n} 人").format(n=n) if n else self.tr("导入"))
        self.ok_button.setEnabled(bool(n) and not self._reader.is_busy() and not self._writer.is_busy())

    # --- importing ------------------------------------------------------------------------------

    def start_import(self) -> bool:
        """导入 N 人: write on the worker, then the summary; False when there is nothing to do."""
        if self.preview is None or not self.count_to_add() or self._writer.is_busy():
            return False
        preview, include, session = self.preview, self.included_duplicates(), self._session
        self.message.show_hint(self.tr("正在导入…"))
        return self._writer.run(
            lambda progress, cancelled: roster_import.apply(session, preview, include, progress=progress,
                                                            cancelled=cancelled),
            self._imported, self._failed)

    def _imported(self, result: RosterResult) -> None:
        self.result = result
        details = []
        if result.groups:
            details.append(self.tr("新建村民小组:{groups}。").format(groups="、".join(result.groups)))
        if result.kinship:
            details.append(self.tr("按“与户主关系”登记了 {n} 条亲属关系(近亲属回避要用)。").format(n=result.kinship))
        # The preview closes with this summary: what was left out is named here, not "见预览".
        if result.held:
            details.append(self.tr("{n} 人可能已在名册中,没有导入(可以核对后用“新增”登记):").format(n=len(result.held)))
            details += [self.tr("  第 {row} 行 {name} {birth} {group}").format(
                row=line.row, name=line.name, birth=line.birth, group=line.group).rstrip()
                for line in result.held[:_LISTED]]
            details += self._more(len(result.held))
        if result.skipped:
            details.append(self.tr("{n} 行跳过:").format(n=len(result.skipped)))
            details += [self.tr("  第 {row} 行:{reason}").format(row=s.row, reason=message_text(s.reason))
                        for s in result.skipped[:_LISTED]]
            details += self._more(len(result.skipped))
        self.summary_box = inform(self.parentWidget() or self, self.tr("导入花名册"),
                                  self.tr("已导入 {n} 人,{h} 户。").format(n=result.added, h=result.households),
                                  "\n".join(details))
        self.accept()

    def _more(self, count: int) -> list[str]:
        """"  …另有 N 行" under a list cut at `_LISTED` lines."""
        return [self.tr("  …另有 {n} 行").format(n=count - _LISTED)] if count > _LISTED else []

    def reject(self) -> None:
        """取消: stop a read in progress; an import in progress finishes (it is one transaction)."""
        if self._writer.is_busy():
            self.message.show_hint(self.tr("正在导入,请稍候…"))
            return
        self._reader.cancel()
        super().reject()


def open_roster_import(parent: QWidget, session: Session) -> RosterImportDialog:
    """Open the dialog over `parent` (window-modal) and return it; `parent.refresh()` after an import."""
    dialog = RosterImportDialog(session, parent)
    if hasattr(parent, "refresh"):
        dialog.accepted.connect(parent.refresh)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
