"""Typing the fingerprint a village reads out on the phone into the township's import preview.

A first package is imported only once the 8 characters are typed
(`desktop.sync.first_contact`); tests that are about something else type the
genuine ones, as the person at the township does after the phone call.
"""

from __future__ import annotations

from desktop.sync import first_contact


def confirm_fingerprint(dialog) -> None:
    """On a first package's preview, type the fingerprint heard on the phone (the package's own)."""
    if getattr(dialog, "fingerprint_edit", None) is not None:
        dialog.fingerprint_edit.setText(first_contact.spoken(dialog.plan.fingerprint))
