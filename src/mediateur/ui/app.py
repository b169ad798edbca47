"""Application start-up: the QApplication, French translations, the first window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from mediateur import __version__


def _install_french(app: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translator = QTranslator(app)
    if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def run_gui(profile: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("mediateur")
    app.setApplicationVersion(__version__)
    _install_french(app)
    window = QLabel(app.tr("mediateur — Cité de l'emploi Rive Droite"))
    window.resize(480, 200)
    window.show()
    return app.exec()
