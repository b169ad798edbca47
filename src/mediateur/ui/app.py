"""Application start-up: the QApplication in French, the log file, the crash handler, the task
runner, and the main window; `run_gui` is what `mediateur` runs without a subcommand.
"""

from __future__ import annotations

import importlib
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mediateur import __version__
from mediateur.paths import home_dir, resource_path
from mediateur.ui.context import AppContext
from mediateur.ui.errors import CrashHandler
from mediateur.ui.main_window import MainWindow
from mediateur.ui.tasks import BackgroundOp, TaskRunner, install_runner

log = logging.getLogger(__name__)

LOG_FILE = "mediateur.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
WARM_UP_MODULES = (
    "mediateur.store.vault",
    "mediateur.store.unit_of_work",
    "mediateur.sync.local_state",
    "mediateur.sync.outbox",
    # The first page after an unlock, with the services it uses.
    "mediateur.ui.pages.terrain",
)


def install_translators(app: QApplication) -> list[QTranslator]:
    """Qt's own French strings (standard buttons and dialogs), then ours if a .qm is shipped."""
    QLocale.setDefault(FRENCH)
    installed = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [
        ("qtbase_fr", qt_translations),
        ("mediateur_fr", str(resource_path("translations"))),
    ]
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == "qtbase_fr":
            log.warning("Qt's French translations were not found in %s", directory)
    return installed


def setup_application(app: QApplication) -> None:
    app.setApplicationName("mediateur")
    app.setApplicationDisplayName("mediateur")
    app.setOrganizationName("Cité de l'emploi Rive Droite")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "mediateur.svg"))))
    install_translators(app)


def configure_logging(home: Path) -> Path:
    """Log to `<home>/logs/mediateur.log` (rotated), warnings also to the terminal. Log records
    carry ids, never personal data."""
    directory = home / "logs"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE
    file_handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    terminal = logging.StreamHandler()
    terminal.setLevel(logging.WARNING)
    terminal.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("mediateur")
    logger.addHandler(file_handler)
    logger.addHandler(terminal)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def warm_up() -> None:
    """Import the database and sync stack in the background once the first screen shows, so
    that start-up does not wait for it and the first unlock does not pay for it."""
    for name in WARM_UP_MODULES:
        importlib.import_module(name)


def run_gui(profile: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    home = home_dir()
    configure_logging(home)
    setup_application(app)
    crash_handler = CrashHandler(app)
    crash_handler.install()
    runner = TaskRunner(app)
    install_runner(runner)
    context = AppContext(home=home, runner=runner)
    window = MainWindow(context, profile=Path(profile).expanduser() if profile else None)
    window.show()
    QTimer.singleShot(0, lambda: BackgroundOp(None, op=warm_up).run())
    log.info("mediateur %s started", __version__)
    try:
        return app.exec()
    finally:
        context.lock()
        runner.shutdown()
        install_runner(None)
        crash_handler.uninstall()
