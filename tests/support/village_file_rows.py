"""Many more of a village's records than the village file once listed, made in one statement per table.

The township's village file (`desktop.services.village_file`) once read at
most 2,000 meetings and postings and 5,000 people, and said nothing of the
rest. Tests copy one live row `n` times with `INSERT … SELECT` over a
counting CTE (milliseconds for thousands of rows) instead of building real
records one by one.
"""

from __future__ import annotations

from models.db import database


def clone_rows(table: str, owner: str, n: int, prefix: str, **overrides: str) -> list[str]:
    """Copy one live row of `owner` in `table` `n` times; returns the new ids (in the order made).

    Each copy's id is `prefix` with its number (``f"{prefix}{k:05d}"``, k from 1);
    `overrides` are SQL expressions over ``k`` for other columns (e.g. ``held_on="'2000-01-01'"``).
    `table` and the expressions are the test's own literals, never typed input.
    """
    columns = [row[1] for row in database.execute_sql(f"PRAGMA table_info({table})")]
    values = [f"printf('{prefix}%05d', k)" if c == "id" else overrides.get(c, f"t.\"{c}\"") for c in columns]
    names = ", ".join(f'"{c}"' for c in columns)
    database.execute_sql(
        f"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?) "  # noqa: S608 - literals
        f"INSERT INTO {table} ({names}) SELECT {', '.join(values)} FROM n, "
        f"(SELECT * FROM {table} WHERE owner = ? AND deleted = 0 LIMIT 1) t", (n, owner))
    return [f"{prefix}{k:05d}" for k in range(1, n + 1)]
