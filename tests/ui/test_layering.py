"""The core never imports Qt: only `mediateur.ui` may import PySide6 (DESIGN.md §1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mediateur

PACKAGE = Path(mediateur.__file__).parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# Modules of `ui` that are Qt-free on purpose: their flows are tested without Qt.
QT_FREE_UI = ("ui/flows", "ui/crash_report.py")


def _is_qt(name: str | None) -> bool:
    return bool(name) and name.split(".")[0] in QT_MODULES


def qt_imports(path: Path, root: Path = PACKAGE) -> list[str]:
    """`file:line` of every import of a Qt binding, at any depth, static or by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str | None] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called in {"import_module", "__import__"} and isinstance(first, ast.Constant):
                names = [first.value if isinstance(first.value, str) else None]
        if any(_is_qt(name) for name in names):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def _python_files(*, qt_allowed: bool) -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        in_ui = relative.startswith("ui/")
        qt_free = relative.startswith(QT_FREE_UI)
        if (in_ui and not qt_free) == qt_allowed:
            files.append(path)
    return files


def test_pyside6_is_imported_only_in_the_ui_package() -> None:
    core = _python_files(qt_allowed=False)
    assert any(p.name == "vault.py" for p in core), "the scan must cover the core"
    offenders = [hit for path in core for hit in qt_imports(path)]
    assert offenders == []


def test_the_scan_sees_every_form_of_import(tmp_path: Path) -> None:
    sample = PACKAGE / "ui" / "app.py"
    assert qt_imports(sample), "the scan must find the UI's own imports"
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import importlib\n"
        "def later():\n"
        "    from PySide6 import QtCore\n"
        "    importlib.import_module('shiboken6')\n",
        encoding="utf-8",
    )
    assert qt_imports(probe, tmp_path) == ["probe.py:3", "probe.py:4"]


def test_the_start_screens_do_not_load_the_database_stack() -> None:
    """Start-up shows the first screen before SQLAlchemy, Alembic, SQLCipher and pydantic load
    (they load in the background, then on the worker that unlocks)."""
    code = (
        "import sys\n"
        "import mediateur.ui.app\n"
        "heavy = ('sqlalchemy', 'alembic', 'sqlcipher3', 'pydantic', 'cryptography', 'requests')\n"
        "loaded = sorted(m for m in heavy if m in sys.modules)\n"
        "assert not loaded, loaded\n"
        "from mediateur.ui.app import WARM_UP_MODULES, warm_up\n"
        "warm_up()\n"
        "assert 'sqlalchemy' in sys.modules and 'mediateur.store.vault' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
