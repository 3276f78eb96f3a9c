"""`cunwu check`: is the database intact, is the audit log untampered, and do the records match it?"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import audit, audit_replay, search_index, stored_problems
from models.db import database
from models.errors import DatabaseError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.migrations import SCHEMA_VERSION
from models.schema_shape import missing_tables, shown_tables

_C = "integrity"


@dataclass
class CheckReport:
    """Everything `check` found. `ok` only when every part passed."""

    schema_version: int = 0
    integrity: list[str] = field(default_factory=list)
    foreign_key_violations: int = 0
    audit_rows: int = 0
    audit_problems: list[Message] = field(default_factory=list)
    replay: audit_replay.ReplayReport = field(default_factory=audit_replay.ReplayReport)
    stored: stored_problems.StoredReport = field(default_factory=stored_problems.StoredReport)
    #: The search index holds one row per searchable record (derived data: not part of `ok`, see `lines`).
    search_index_in_step: bool = True

    @property
    def ok(self) -> bool:
        """True when SQLite, foreign keys, the audit chain and the records replayed from it all check out."""
        return (self.integrity == ["ok"] and not self.foreign_key_violations
                and not self.audit_problems and self.replay.ok and not self.stored.count)

    def lines(self) -> list[Message]:
        """Plain Chinese lines for the terminal or a dialog."""
        out = [msg(_C, QT_TRANSLATE_NOOP(_C, "数据格式版本:第 {v} 版(本软件:第 {known} 版)"),
                   v=self.schema_version, known=SCHEMA_VERSION)]
        if self.integrity == ["ok"]:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "数据库文件完整性:正常")))
        else:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "数据库文件完整性:发现问题 — {detail}"),
                           detail="; ".join(self.integrity[:5])))
        if self.foreign_key_violations:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "记录之间的引用:有 {n} 处指向不存在的记录"),
                           n=self.foreign_key_violations))
        else:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "记录之间的引用:正常")))
        if self.audit_problems:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "审计日志({n} 条):发现被改动的迹象"), n=self.audit_rows))
            out.extend(self.audit_problems)
        else:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "审计日志({n} 条):链条完整,未被改动"),
                           n=self.audit_rows))
        out.extend(self._replay_lines())
        out.extend(self._stored_lines())
        if self.search_index_in_step:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "搜索索引:与记录一致")))
        else:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "搜索索引:与记录不一致(搜索可能漏掉记录或列出已删除的记录)。记录本身没有问题;"
                "运行 cunwu check --repair-index 重建索引即可。")))
        return out

    def _stored_lines(self) -> list[Message]:
        s = self.stored
        if not s.count:
            return [msg(_C, QT_TRANSLATE_NOOP(_C, "已存的日期、时间和数值:均有效"))]
        out = [msg(_C, QT_TRANSLATE_NOOP(
            _C, "已存的日期、时间和数值:{n} 处无效(各页面把它们当作未知,不参与统计)"), n=s.count)]
        out.extend(s.problems)
        if s.count > len(s.problems):
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "……另有 {n} 处未列出"), n=s.count - len(s.problems)))
        return out

    def _replay_lines(self) -> list[Message]:
        r = self.replay
        if r.ok:
            return [msg(_C, QT_TRANSLATE_NOOP(
                _C, "记录与审计日志核对:{n} 条记录,均与审计记录一致"), n=r.records)]
        out = [msg(_C, QT_TRANSLATE_NOOP(
            _C, "记录与审计日志核对:{n} 条记录中,{changed} 条与审计记录不一致,{unaudited} 条没有审计记录,"
            "{gone} 条已被删除(可能有人绕过本软件改动了数据库)"),
            n=r.records, changed=r.mismatched, unaudited=r.unaudited, gone=r.missing)]
        out.extend(r.problems)
        shown = len(r.problems)
        total = r.mismatched + r.unaudited + r.missing
        if total > shown:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "……另有 {n} 条未列出"), n=total - shown))
        return out


def run_check() -> CheckReport:
    """Run SQLite's integrity and foreign-key checks, verify the audit chain and replay it against the records.

    Raises:
        DatabaseError: a table of the schema is missing (named): nothing else can be checked.
    """
    refuse_missing_tables()
    report = CheckReport()
    report.schema_version = database.execute_sql("PRAGMA user_version").fetchone()[0]
    report.integrity = [row[0] for row in database.execute_sql("PRAGMA integrity_check")]
    report.foreign_key_violations = len(database.execute_sql("PRAGMA foreign_key_check").fetchall())
    chain = audit.verify_chain()
    report.audit_rows = chain.rows
    report.audit_problems = chain.problems
    report.replay = audit_replay.replay()
    report.stored = stored_problems.scan(_own_code())
    report.audit_problems += witnessed_problems()
    report.search_index_in_step = not search_index.out_of_step()
    return report


def repair_search_index() -> int:
    """Rebuild the search index from the records in one transaction (`check --repair-index`); its row count.

    The index is derived data: nothing in a record, the audit log or a package changes.
    """
    return search_index.rebuild()


def _own_code() -> str:
    """This installation's code (the owner of the records it wrote itself), "" before setup."""
    from desktop.services import setup_service

    info = setup_service.current()
    return info.code if info else ""


def witnessed_problems() -> list[Message]:
    """Rows of our audit chain that no longer have the hash the peer acknowledged in its 回执.

    The chain check above cannot see a log rewritten with every hash and the
    head recomputed; the heads the township (or a village) confirmed receiving
    are kept outside our control, so such a rewrite of rows already sent shows
    here (`desktop.sync.witness`).
    """
    from desktop.services import setup_service
    from desktop.sync import witness

    info = setup_service.current()
    return witness.check_problems(info.mode if info else "")


def refuse_missing_tables() -> None:
    """Refuse a database of ours with a table dropped (`models.schema_shape`), naming the tables.

    Raises:
        DatabaseError: one or more tables of its schema version are missing.
    """
    missing = missing_tables(database.connection())
    if missing:
        raise DatabaseError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据库不完整:缺少 {n} 张表:{names}。它不是一个完整的村务台账数据库,可能被别的工具改动过。"
                "请从备份恢复。"), n=len(missing), names=shown_tables(missing)))
