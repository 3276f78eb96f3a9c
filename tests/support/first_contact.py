"""The fingerprint a village reads out on the phone, as the tests know it.

A first package is imported only once a person at the township has typed
the 8 characters the village reads out (`desktop.sync.first_contact`; it is
the default of every import). Tests that are about something else type the
genuine ones, read from the sending installation's own key files — never
from the package —, so the check still runs: a package that carries another
key is still refused.
"""

from __future__ import annotations

from desktop.paths import AppPaths
from desktop.sync import first_contact, keys


def genuine(paths: AppPaths) -> str:
    """The 8 characters the installation at `paths` reads out (from its own key files)."""
    return first_contact.spoken(keys.load_or_create(paths.keys).fingerprint)


def confirmed_by(paths: AppPaths | None):
    """An `importer.apply_import` hook: first contact confirmed with the genuine fingerprint of `paths`.

    `None` (a sender no fixture knows, e.g. a forged package): nothing is
    confirmed, so a first package is refused, as by default.
    """
    return first_contact.own_keys(genuine(paths)) if paths is not None else first_contact.confirmer(None)


def confirm_fingerprint(dialog) -> None:
    """On a first package's preview, type the fingerprint heard on the phone (the package's own)."""
    if getattr(dialog, "fingerprint_edit", None) is not None:
        dialog.fingerprint_edit.setText(first_contact.spoken(dialog.plan.fingerprint))
