"""User-facing messages raised from Qt-free code.

`models` and most of `desktop` must not import Qt, yet every message a person
reads goes through Qt's translation. The bridge: code here marks its Chinese
source text with `QT_TRANSLATE_NOOP(context, text)` (a plain function that
`pyside6-lupdate` recognises), and a `Message` carries context, template and
parameters. The GUI translates it with `QCoreApplication.translate`; the CLI
prints the Chinese source, which is the source language anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark `text` for translation under `context`; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A translatable sentence with named `{placeholders}`."""

    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def format_with(self, template: str) -> str:
        """Fill `template` (the source or a translation) with the parameters."""
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message itself.
            return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.format_with(self.template)


def msg(context: str, template: str, **params: Any) -> Message:
    """Build a `Message`; `template` should be a `QT_TRANSLATE_NOOP` literal."""
    return Message(context, template, params)
