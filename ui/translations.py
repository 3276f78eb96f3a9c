"""Installing translators.

Our own strings are written in Chinese (the source language), so nothing is
needed for them today; a `.qm` under `resources/translations/` is loaded
when one exists. Qt's own strings (standard buttons, the context menu of text
fields, the wizard's buttons) are English unless a catalogue translates them.
PySide6-Essentials ships no `qtbase_zh_CN.qm`, so we ship a small one of our
own for the strings a person meets: `resources/translations/qt_common_zh_CN.ts`
(compiled to `.qm` with `pyside6-lrelease`; a test keeps the two in step).
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
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("qt_common", str(OUR_TRANSLATIONS)),
                         ("cunwu", str(OUR_TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == "qtbase":
            log.info("Qt's own %s translation not found in %s", locale.name(), folder)
    return installed
