"""Translating report text without making the reports depend on Qt.

Reports are written from the GUI (translators installed) and from the CLI
(no Qt loaded, Chinese source text is the output). `tr` asks Qt only when a
Qt application already runs, so the CLI never pays for importing Qt.
"""

from __future__ import annotations

import sys

from models.messages import Message


def tr(context: str, source: str) -> str:
    """`source` translated under `context` when a Qt application runs, else `source` itself."""
    if "PySide6.QtCore" not in sys.modules:
        return source
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        return source
    return QCoreApplication.translate(context, source)


def text(message: Message) -> str:
    """A `Message` translated (as `tr`) and filled with its parameters."""
    return message.format_with(tr(message.context, message.template))
