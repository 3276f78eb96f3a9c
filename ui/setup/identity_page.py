"""Wizard page 2: the village's, township's or county's name, code and province profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.services import setup_service
from models.provinces import PROVINCES, profile_of_code
from ui.errors import refusal
from ui.operations import run_query
from ui.setup.titles import rich_title
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel

#: Per mode: page title, name example, code example, name label, code label (translated where used).
_WORDS = {
    "village": (QT_TRANSLATE_NOOP("IdentityPage", "村的名称和代码"),
                QT_TRANSLATE_NOOP("IdentityPage", "例如:青山村"),
                QT_TRANSLATE_NOOP("IdentityPage", "12 位数字,例如 330106001001"),
                QT_TRANSLATE_NOOP("IdentityPage", "村名称"), QT_TRANSLATE_NOOP("IdentityPage", "村代码")),
    "township": (QT_TRANSLATE_NOOP("IdentityPage", "乡镇的名称和代码"),
                 QT_TRANSLATE_NOOP("IdentityPage", "例如:城关镇"),
                 QT_TRANSLATE_NOOP("IdentityPage", "9 位数字,例如 330106001"),
                 QT_TRANSLATE_NOOP("IdentityPage", "乡镇名称"), QT_TRANSLATE_NOOP("IdentityPage", "乡镇代码")),
    "county": (QT_TRANSLATE_NOOP("IdentityPage", "县(市、区)的名称和代码"),
               QT_TRANSLATE_NOOP("IdentityPage", "例如:西湖区"),
               QT_TRANSLATE_NOOP("IdentityPage", "6 位数字,例如 330106"),
               QT_TRANSLATE_NOOP("IdentityPage", "县级名称"), QT_TRANSLATE_NOOP("IdentityPage", "县级代码")),
}


def _with_message(field: QWidget, message: FieldMessage) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


class IdentityPage(QWizardPage):
    """Name and code are checked by the same service rules the CLI uses, as you type."""

    def __init__(self, mode_of):
        """Build the page.

        Args:
            mode_of: callable returning the mode chosen on the previous page;
                the labels and examples follow it.
        """
        super().__init__()
        self._mode_of = mode_of
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)  # a longer paste is shown whole, and refused with what is expected
        self.province_combo = QComboBox()
        for code, label in PROVINCES.items():
            self.province_combo.addItem(QCoreApplication.translate("provinces", label), code)
        self._province_picked = False  # chosen by the person: never changed for them (`_suggest_province`)
        self.province_combo.activated.connect(lambda _i: setattr(self, "_province_picked", True))
        self.name_message = FieldMessage()
        self.code_message = FieldMessage()
        #: The township's verified 入网文件 (village mode), or None when typed by hand.
        self.setup_info = None
        #: The county's verified 入网文件 (township mode, `county_exchange_service.CountySetupInfo`), or None.
        self.county_setup = None
        self.setup_file: Path | None = None
        self.setup_button = QPushButton(self.tr("导入入网文件…"))
        self.setup_button.setToolTip(self.tr("乡镇给本村生成的“…_入网文件_….cwpkg”:名称、代码和省份会自动填好"))
        self.setup_button.clicked.connect(self.choose_setup_file)
        self.manual_button = QPushButton(self.tr("改为手动填写"))
        self.manual_button.clicked.connect(self.clear_setup)
        self.manual_button.hide()
        self.setup_message = FieldMessage()
        self.setup_message.show_hint(self.tr("有乡镇发来的入网文件时,请用它填写;没有时直接在下面填写。"))
        self.setup_fingerprint = ScaledLabel("", 1.3, bold=True)
        self.setup_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setup_fingerprint.hide()
        #: After the fingerprint: what to do when it matches or not, and why the fields are locked.
        self.setup_after = QLabel(self.tr(
            "核对一致后点“下一步”。不一致时请不要继续,请乡镇重新生成入网文件。\n"
            "村名称、代码和省份由入网文件确定,这里不能修改;如果不对,也请联系乡镇。"))
        self._village_after = self.setup_after.text()
        self.setup_after.setWordWrap(True)
        self.setup_after.setProperty("role", "hint")
        self.setup_after.hide()
        self.setup_box = QWidget()
        setup_row = QHBoxLayout()
        setup_row.setContentsMargins(0, 0, 0, 0)
        setup_row.addWidget(self.setup_button)
        setup_row.addWidget(self.manual_button)
        setup_row.addStretch(1)
        setup_layout = QVBoxLayout(self.setup_box)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        setup_layout.setSpacing(2)
        setup_layout.addLayout(setup_row)
        setup_layout.addWidget(self.setup_message)
        setup_layout.addWidget(self.setup_fingerprint)
        setup_layout.addWidget(self.setup_after)

        self._form = QFormLayout(self)
        self._form.setVerticalSpacing(10)
        self._form.addRow(self.setup_box)
        self._form.addRow(self.tr("名称"), _with_message(self.name_edit, self.name_message))
        self._form.addRow(self.tr("代码"), _with_message(self.code_edit, self.code_message))
        self._form.addRow(self.tr("省份"), self.province_combo)
        self.name_edit.textEdited.connect(self._check_name)
        self.code_edit.textEdited.connect(self._check_code)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """Word the page for the chosen mode (the person may have gone back)."""
        mode = self._mode_of()
        village = mode == "village"
        words = _WORDS.get(mode, _WORDS["township"])
        self.setTitle(rich_title(self.tr(words[0])))
        if mode == "county":
            self.setSubTitle(self.tr(
                "代码是国家统计局统计用区划代码的前 6 位,可向民政或统计部门询问。省份决定适用哪些地方规定。"))
        else:
            self.setSubTitle(self.tr(
                "代码是国家统计局的统计用区划代码,可向乡镇或民政部门询问。省份决定适用哪些地方规定。"))
        self.name_edit.setPlaceholderText(self.tr(words[1]))
        self.code_edit.setPlaceholderText(self.tr(words[2]))
        self._form.labelForField(self.name_edit.parentWidget()).setText(self.tr(words[3]))
        self._form.labelForField(self.code_edit.parentWidget()).setText(self.tr(words[4]))
        self._form.setRowVisible(self.setup_box, mode in ("village", "township"))
        if (self.setup_info is not None and not village) or (self.county_setup is not None and mode != "township"):
            self.clear_setup()  # a file read for the other mode
        if self.setup_info is None and self.county_setup is None:
            self._word_setup_hint()
        if self.code_edit.text().strip():
            self._check_code()  # the rule follows the mode: a code typed before going back is checked again

    def choose_setup_file(self) -> None:
        """The open-file dialog for the township's 入网文件."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择入网文件"), str(Path.home()), self.tr("入网文件 (*.cwpkg)"))
        if path:
            self.load_setup_file(Path(path))

    def _word_setup_hint(self) -> None:
        """Who sends this mode's 入网文件: the township to a village, the county to a township."""
        if self._mode_of() == "township":
            self.setup_button.setToolTip(self.tr("县里给本乡镇生成的“…_入网文件_….cwpkg”:名称、代码和省份会自动填好"))
            self.setup_message.show_hint(self.tr("有县里发来的入网文件时,请用它填写;没有时直接在下面填写。"))
        else:
            self.setup_button.setToolTip(self.tr("乡镇给本村生成的“…_入网文件_….cwpkg”:名称、代码和省份会自动填好"))
            self.setup_message.show_hint(self.tr("有乡镇发来的入网文件时,请用它填写;没有时直接在下面填写。"))

    def load_setup_file(self, path: Path) -> bool:
        """Read and verify a 入网文件: fill name, code and province (read-only); False if refused."""
        from desktop.services import exchange_service

        if self._mode_of() == "township":
            return self._load_county_setup(Path(path))
        if not Path(path).is_file():
            # Said here in plain words: the reading engine would pass on the system's (English) reason.
            self.setup_message.show_error(self.tr(
                "找不到文件“{name}”。U盘是否已经拔出?请插好U盘,再点“导入入网文件…”重新选择。").format(
                name=Path(path).name))
            return False
        read = run_query(self, lambda: exchange_service.read_setup_file(path),
                         on_failure=self.setup_message.show_failure)
        if not read:
            return False
        info = read.value
        self.setup_info, self.setup_file = info, Path(path)
        self.name_edit.setText(info.village_name)
        self.code_edit.setText(info.village_code)
        index = self.province_combo.findData(info.province)
        if index >= 0:
            self.province_combo.setCurrentIndex(index)
        for field in (self.name_edit, self.code_edit):
            field.setReadOnly(True)
        self.province_combo.setEnabled(False)
        self.name_message.clear_message()
        self.code_message.clear_message()
        self.setup_message.show_ok(self.tr(
            "入网文件来自{township}({code})。请打电话给乡镇,逐组核对乡镇电脑的指纹:").format(
            township=info.township_name, code=info.township_code))
        self.setup_fingerprint.setText(info.fingerprint)
        self.setup_fingerprint.show()
        self.setup_after.show()
        self.manual_button.show()
        self.completeChanged.emit()
        return True

    def _load_county_setup(self, path: Path) -> bool:
        """Township: the county's 入网文件, read and verified; the county's fingerprint to check by phone."""
        from desktop.services import county_exchange_service

        if not path.is_file():
            self.setup_message.show_error(self.tr(
                "找不到文件“{name}”。U盘是否已经拔出?请插好U盘,再点“导入入网文件…”重新选择。").format(name=path.name))
            return False
        read = run_query(self, lambda: county_exchange_service.read_county_setup(path),
                         on_failure=self.setup_message.show_failure)
        if not read:
            return False
        info = read.value
        self.county_setup, self.setup_file = info, path
        self._fill_from_file(info.township_name, info.township_code, info.province)
        self.setup_message.show_ok(self.tr(
            "入网文件来自{county}({code})。请打电话给县里,逐组核对县里电脑的指纹:").format(
            county=info.county_name, code=info.county_code))
        self.setup_fingerprint.setText(info.fingerprint)
        self.setup_after.setText(self.tr(
            "核对一致后点“下一步”。不一致时请不要继续,请县里重新生成入网文件。\n"
            "乡镇名称、代码和省份由入网文件确定,这里不能修改;如果不对,也请联系县里。"))
        for widget in (self.setup_fingerprint, self.setup_after, self.manual_button):
            widget.show()
        self.completeChanged.emit()
        return True

    def _fill_from_file(self, name: str, code: str, province: str) -> None:
        self.name_edit.setText(name)
        self.code_edit.setText(code)
        index = self.province_combo.findData(province)
        if index >= 0:
            self.province_combo.setCurrentIndex(index)
        for field in (self.name_edit, self.code_edit):
            field.setReadOnly(True)
        self.province_combo.setEnabled(False)
        self.name_message.clear_message()
        self.code_message.clear_message()

    def clear_setup(self) -> None:
        """Back to typing name, code and province by hand."""
        if self.setup_info is None and self.county_setup is None:
            return
        self.setup_info, self.county_setup, self.setup_file = None, None, None
        for field in (self.name_edit, self.code_edit):
            field.setReadOnly(False)
        self.province_combo.setEnabled(True)
        self.manual_button.hide()
        self.setup_fingerprint.hide()
        self.setup_after.hide()
        self.setup_after.setText(self._village_after)
        self._word_setup_hint()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        """Next is enabled only when both name and code pass the service checks."""
        return self._valid(setup_service.validate_name, self.name_edit.text()) and \
            self._valid(self._validate_code, self.code_edit.text())

    def name(self) -> str:
        """The entered name, trimmed."""
        return self.name_edit.text().strip()

    def code(self) -> str:
        """The entered code, trimmed."""
        return self.code_edit.text().strip()

    def province(self) -> str:
        """The chosen province profile code."""
        return self.province_combo.currentData()

    def _check_name(self) -> None:
        self._explain(setup_service.validate_name, self.name_edit.text(), self.name_message)

    def _check_code(self) -> None:
        self._explain(self._validate_code, self.code_edit.text(), self.code_message)
        self._suggest_province()

    def _suggest_province(self) -> None:
        """At a county, the province its code says (33… 浙江省), until the person picks one.

        The county's profile is what every township it enrols, and every village they enrol, starts
        with: left at 全国通用 by oversight, a whole county would run without its province's rules.
        """
        if self._mode_of() != "county" or not self.province_combo.isEnabled() or self._province_picked:
            return
        profile = profile_of_code(self.code_edit.text())
        index = self.province_combo.findData(profile)
        if index >= 0:
            self.province_combo.setCurrentIndex(index)

    def _validate_code(self, text: str) -> str:
        """The service's rule for the chosen mode: 12 digits for a village, 9 for a township, 6 for a county."""
        township = self.setup_info.township_code if self.setup_info is not None else None
        county = self.county_setup.county_code if self.county_setup is not None else None
        return setup_service.validate_code(text, self._mode_of(), township, county)

    def _explain(self, validate, text: str, message: FieldMessage) -> None:
        refused = refusal(lambda: validate(text))
        if refused is not None:
            message.show_failure(refused)
        else:
            message.clear_message()
        self.completeChanged.emit()

    @staticmethod
    def _valid(validate, text: str) -> bool:
        return refusal(lambda: validate(text)) is None
