"""Build the laptop bundle, and on Windows its installer: `python installer/build.py`.

1. Freshness: a fingerprint of what goes into the bundle (the laptop's sources, `resources/`, the
   spec, this script, `pyproject.toml`, the Python version and every installed distribution) is
   compared with the one stored by the last successful build; unchanged, nothing is done
   (`--force` rebuilds). A failed build leaves no fingerprint, so the next run builds again.
2. On Windows, the icon (`build/mediateur.ico`, drawn from `resources/icons/mediateur.svg`) and
   the executables' version resource (`build/version_info.txt`), both read by the spec.
3. PyInstaller with `installer/mediateur.spec`: the one-folder bundle, `installer/dist/mediateur/`.
4. With `--installer` (Windows, Inno Setup 6 installed): `installer/mediateur.iss` compiled with the
   package version injected, giving `installer/dist/mediateur-<version>-installation.exe`.

Run it with the Python of the project's environment (`.venv`), where PyInstaller is installed
(`pip install -e '.[dev]'`). Exit code 0 when the bundle is ready, 1 otherwise. One build at a
time per checkout: the test suite and `make package` may start one together.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
BUILD = INSTALLER / "build"
DIST = INSTALLER / "dist"
BUNDLE = DIST / "mediateur"
SPEC = INSTALLER / "mediateur.spec"
ISS = INSTALLER / "mediateur.iss"
STAMP = BUILD / "bundle.stamp"
LOCK = BUILD / "build.lock"
ICON_SVG = ROOT / "resources" / "icons" / "mediateur.svg"
ICON = BUILD / "mediateur.ico"
VERSION_INFO = BUILD / "version_info.txt"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
PUBLISHER = "Cité de l'emploi — Bordeaux Métropole Rive Droite"

# What the bundle is made of; the server's code is not part of it.
_INPUT_TREES = (ROOT / "src" / "mediateur", ROOT / "resources")
_INPUT_FILES = (SPEC, Path(__file__).resolve(), ROOT / "pyproject.toml")
_NOT_INPUTS = (ROOT / "src" / "mediateur" / "server",)


def package_version() -> str:
    """`mediateur.__version__` of this checkout, read without importing the package."""
    text = (ROOT / "src" / "mediateur" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if match is None:
        raise SystemExit("build : __version__ introuvable dans src/mediateur/__init__.py.")
    return match.group(1)


def executable(bundle: Path = BUNDLE, *, platform: str = sys.platform) -> Path:
    """The bundle's command-line executable (on Windows the console one)."""
    return bundle / ("mediateur-cli.exe" if platform == "win32" else "mediateur")


def _input_files() -> Iterator[Path]:
    for tree in _INPUT_TREES:
        for path in sorted(tree.rglob("*")):
            skipped = "__pycache__" in path.parts or any(
                path.is_relative_to(p) for p in _NOT_INPUTS
            )
            if path.is_file() and not skipped:
                yield path
    yield from _INPUT_FILES


def fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in _input_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}".lower()
        for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(installed).encode())
    return digest.hexdigest()


def is_fresh(bundle: Path = BUNDLE, stamp: Path = STAMP) -> bool:
    """True when the bundle exists and was built from exactly the current inputs."""
    if not executable(bundle).is_file() or not stamp.is_file():
        return False
    return stamp.read_text(encoding="ascii").strip() == fingerprint()


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """`0.2.0rc1` → (0, 2, 0, 0): Windows version resources hold four integers."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    major, minor, patch = [*numbers, 0, 0, 0][:3]
    return major, minor, patch, 0


def version_info_text(version: str) -> str:
    """The executables' Windows version resource, in PyInstaller's `VSVersionInfo` syntax."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": "mediateur",
        "FileVersion": version,
        "InternalName": "mediateur",
        "LegalCopyright": PUBLISHER,
        "OriginalFilename": "mediateur.exe",
        "ProductName": "mediateur",
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,\n"
        "    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040C04B0', [\n"  # French, Unicode
        f"{table}\n"
        "    ])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x040C, 1200])]),\n"
        "  ],\n"
        ")\n"
    )


def render_icon(svg: Path, ico: Path) -> None:
    """Draw the SVG at every icon size (Qt, offscreen) and pack the images into an .ico."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # painting needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build : icône illisible : {svg}.")
    images = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_RGBA8888)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        pixels = bytes(image.constBits())
        images.append(
            Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", image.bytesPerLine(), 1)
        )
    ico.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICON_SIZES], append_images=images[:-1])


def pyinstaller_command() -> list[str]:
    return [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        str(SPEC),
    ]


def iscc_command(iscc: Path, version: str) -> list[str]:
    """Inno Setup's compiler with the version, the bundle, the icon and the output injected."""
    return [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DAppNumericVersion={'.'.join(map(str, version_tuple(version)))}",
        f"/DSourceDir={BUNDLE}",
        f"/DIconFile={ICON}",
        f"/DOutputDir={DIST}",
        str(ISS),
    ]


def find_iscc(environ: dict[str, str] | None = None) -> Path | None:
    """`ISCC` from the environment, the PATH, or Inno Setup 6's default folders."""
    environ = dict(os.environ) if environ is None else environ
    candidates = [environ.get("ISCC", ""), shutil.which("ISCC") or ""]
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        if environ.get(base):
            programs = Path(environ[base])
            candidates.append(str(programs / "Inno Setup 6" / "ISCC.exe"))
            candidates.append(str(programs / "Programs" / "Inno Setup 6" / "ISCC.exe"))
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def directory_size(directory: Path) -> tuple[int, int]:
    """(bytes, files) of a folder."""
    files = [p for p in directory.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


@contextlib.contextmanager
def exclusive_build() -> Iterator[None]:
    """Hold the checkout's build lock (POSIX; a Windows build is a person's manual step)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as handle:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build_bundle(*, force: bool) -> bool:
    """Build when stale (or forced); returns True when a build ran. Call under the lock."""
    if not force and is_fresh():
        print(f"Bundle à jour : {BUNDLE}")
        return False
    STAMP.unlink(missing_ok=True)
    version = package_version()
    if sys.platform == "win32":
        VERSION_INFO.write_text(version_info_text(version), encoding="utf-8")
        render_icon(ICON_SVG, ICON)
    print(f"Construction du bundle mediateur {version} (PyInstaller)…", flush=True)
    started = time.monotonic()
    subprocess.run(pyinstaller_command(), cwd=ROOT, check=True)
    STAMP.write_text(fingerprint() + "\n", encoding="ascii")
    size, files = directory_size(BUNDLE)
    elapsed = time.monotonic() - started
    print(f"Bundle prêt en {elapsed:.0f} s : {BUNDLE} ({size / 2**20:.0f} Mio, {files} fichiers)")
    return True


def build_installer() -> None:
    if sys.platform != "win32":
        raise SystemExit("build : l'installateur Inno Setup se construit sous Windows.")
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit(
            "build : Inno Setup 6 introuvable. Installez-le, ou indiquez son compilateur "
            "dans la variable ISCC (chemin de ISCC.exe)."
        )
    subprocess.run(iscc_command(iscc, package_version()), cwd=ROOT, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="installer/build.py", description="Construit le bundle mediateur (PyInstaller)."
    )
    parser.add_argument("--force", action="store_true", help="reconstruire même si à jour")
    parser.add_argument(
        "--installer", action="store_true", help="construire aussi l'installateur Windows"
    )
    args = parser.parse_args(argv)
    try:
        with exclusive_build():
            build_bundle(force=args.force)
        if args.installer:
            build_installer()
    except subprocess.CalledProcessError as exc:
        print(f"build : échec de {Path(exc.cmd[0]).name} (code {exc.returncode}).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
