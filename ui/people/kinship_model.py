"""The rows of a person's relatives: declared links read from this person's side, and the inferred ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.people_service import RelativeRow
from models.kinship import CLOSE_RELATIONS, RELATIONS
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

#: The context the panel's texts were translated in before the model held them.
_C = "KinshipPanel"
NAME, RELATION, CLOSE, SOURCE = range(4)


def relation_label(code: str) -> str:
    """A relation's translated label (父母, 子女, ...)."""
    return QCoreApplication.translate("kinship", RELATIONS.get(code, code))


class KinshipModel(BatchedRowsModel):
    """Columns: 姓名, 是本人的, 近亲属, 来源; the declared link's id under `ID_ROLE` (none when inferred)."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "是本人的"),
               QT_TRANSLATE_NOOP(_C, "近亲属"), QT_TRANSLATE_NOOP(_C, "来源"))

    def display(self, row: RelativeRow, column: int) -> str:
        """The relative's name (marked when they left the register), the relation, 是 for 近亲属, where it comes from."""
        tr = QCoreApplication.translate
        if column == NAME:
            return row.name + ("" if row.on_register else tr(_C, "(已离开名册)"))
        if column == RELATION:
            return relation_label(row.relation)
        if column == CLOSE:
            return tr(_C, "是") if row.relation in CLOSE_RELATIONS else ""
        return tr(_C, "推断(经{name})").format(name=row.via_name) if row.inferred else tr(_C, "登记")

    def row_id(self, row: RelativeRow) -> str | None:
        """The declared link's id; None for an inferred relation."""
        return row.link_id or None
