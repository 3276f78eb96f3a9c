"""Facts for the status bar and home page (read-only, cheap)."""

from __future__ import annotations

from dataclasses import dataclass

from models.entities import AppMeta

KEY_LAST_SENT = "last_package_sent"  # "编号 日期", written by the exchange area
KEY_LAST_RECEIVED = "last_package_received"


@dataclass(frozen=True)
class ExchangeStatus:
    """Last package sent and received, as display text ("" when none yet)."""

    last_sent: str
    last_received: str


def exchange_status() -> ExchangeStatus:
    """What the status bar shows about packages."""
    rows = {r.key: r.value for r in AppMeta.select().where(
        AppMeta.key.in_([KEY_LAST_SENT, KEY_LAST_RECEIVED]))}
    return ExchangeStatus(rows.get(KEY_LAST_SENT, ""), rows.get(KEY_LAST_RECEIVED, ""))
