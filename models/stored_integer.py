"""The INTEGER column of every record: a non-integer stored value reads as unknown instead of raising.

Why: SQLite keeps text in an INTEGER column as text, and a township or village
that imported packages before the boundary checked field values (issue 16) may
hold some. Kept apart from `models.stored_values` so that the ui may use that
one without importing peewee.
"""

from __future__ import annotations

from typing import Any

from peewee import IntegerField


class StoredIntegerField(IntegerField):
    """An INTEGER column that reads a non-integer stored value (text, a fraction) as unknown, never raising.

    peewee hands such a value back as it is stored ("十二"), and the first sum or
    comparison of it fails. It reads as None where the column may be empty, else 0
    (a count of nobody, a sum of nothing: the record counts as not done); `cunwu
    check` names the stored value (`models.stored_problems`).
    """

    def python_value(self, value: Any) -> Any:
        """The stored integer; None or 0 for a stored value that is no integer."""
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return None if self.null else 0
