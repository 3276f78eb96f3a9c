"""Installing translators.

Our own strings are written in Chinese (the source language), so nothing is
needed for them today; a `.qm` under `resources/translations/` is loaded
when one exists. Qt's own strings (context menus of text fields, standard
buttons) are English unless Qt's `qtbase_zh_CN` catalogue is installed.
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
    for name, folder in (("qtbase", qt_dir), ("cunwu", str(OUR_TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == "qtbase":
            log.info("Qt's own %s translation not found in %s", locale.name(), folder)
    return installed
