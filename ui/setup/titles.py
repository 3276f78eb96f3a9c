"""Wizard page titles as rich text, so the header is large and follows the font setting.

QWizard draws titles in the body font; Qt rich text's relative sizes
(`x-large`) scale with whatever size the person chose.
"""

from __future__ import annotations

import html


def rich_title(text: str) -> str:
    """`text` as a large bold title for `QWizardPage.setTitle`."""
    return f'<span style="font-size:x-large; font-weight:bold">{html.escape(text)}</span>'
