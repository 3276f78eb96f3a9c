"""Installing translators.

Our own strings are written in Chinese (the source language), so nothing is
needed for them today; a `.qm` under `resources/translations/` is loaded
when one exists. Qt's own strings (standard buttons, the context menu of text
fields, the wizard's buttons, the file dialog) are English unless a catalogue
translates them. Qt's `qtbase_zh_CN.qm` (PySide6 ships it; the installer
bundles it, see installer/cunwu.spec) is loaded from Qt's translations folder,
or from the PySide6 package's in a frozen bundle where `QLibraryInfo` may
point elsewhere. Our small `resources/translations/qt_common_zh_CN.ts` comes
after it (so it wins): the strings a person meets that an older or missing
qtbase catalogue leaves English (the file dialog's "Look in:" and "Files of
type:" are not in Qt's) — compiled to `.qm` with `pyside6-lrelease`; a test
keeps the two in step.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources

log = logging.getLogger(__name__)

OUR_TRANSLATIONS = Path(resources.__file__).resolve().parent / "translations"


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's Chinese catalogue and our own for `locale` (if any); returns them.

    The translators are parented to `app` so they live as long as it does.
    """
    locale = locale or QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    installed = []
    catalogues = [("qtbase", folder) for folder in qt_translation_folders()]
    catalogues += [("qt_common", str(OUR_TRANSLATIONS)), ("cunwu", str(OUR_TRANSLATIONS))]
    loaded: set[str] = set()
    for name, folder in catalogues:
        if name in loaded:
            continue
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
            loaded.add(name)
    if "qtbase" not in loaded:
        log.info("Qt's own %s translation not found in %s", locale.name(), qt_translation_folders())
    return installed


def qt_translation_folders() -> list[str]:
    """Where Qt's own catalogues may be: Qt's translations folder, then the PySide6 package's.

    A PyInstaller bundle keeps them under `PySide6/Qt/translations` (Linux) or
    `PySide6/translations` (Windows) inside the bundle.
    """
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(package / "Qt" / "translations"), str(package / "translations")]
    return list(dict.fromkeys(folders))
