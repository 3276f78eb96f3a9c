"""The rows of 公开目录: every subject a village can post, built-in and its own, stopped ones too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.disclosure import catalogue as cat
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.disclosure_labels import catalogue_label, category_label, period_kind_label
from ui.widgets.palette import GREY

#: The context the dialog's texts were translated in before the model held them.
_C = "CatalogueDialog"
LABEL, CATEGORY, PERIOD, SOURCE, STATE = range(5)


class CatalogueModel(BatchedRowsModel):
    """Columns: 公开事项, 类别, 通常周期, 来源, 状态; built-in and stopped subjects grey."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "公开事项"), QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "通常周期"),
               QT_TRANSLATE_NOOP(_C, "来源"), QT_TRANSLATE_NOOP(_C, "状态"))

    def display(self, row: cat.Subject, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == LABEL:
            return catalogue_label(row)
        if column == CATEGORY:
            return category_label(row.category)
        if column == PERIOD:
            return period_kind_label(row.period_kind)
        if column == SOURCE:
            if row.builtin:
                return tr(_C, "内置") if row.code in cat.SUBJECTS else tr(_C, "内置(本省规定)")
            return tr(_C, "本村新增")
        return tr(_C, "使用中") if row.active else tr(_C, "已停用")

    def foreground(self, row: cat.Subject, column: int) -> QColor | None:
        """Grey for what cannot be changed (built-in) or is not in use (stopped)."""
        return GREY if row.builtin or not row.active else None

    def tooltip(self, row: cat.Subject, column: int) -> str | None:
        """Built-in subjects say why they cannot be changed."""
        return QCoreApplication.translate(_C, "内置事项,不能修改。") if row.builtin else None

    def row_id(self, row: cat.Subject) -> str:
        """The subject's code."""
        return row.code
