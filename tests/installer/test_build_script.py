"""The build script and the Windows installer's inputs, checked here since neither Windows nor
Inno Setup runs on this machine: the version injected everywhere is the package's, the version
resource and the icon are well formed, the Inno Setup script keeps its AppId and installs per
user outside the vaults' folder, and a bundle is rebuilt exactly when its inputs change."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

from mediateur import __version__
from mediateur.paths import APP_AUTHOR, APP_NAME

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "6B8F59F8-2F63-48C3-B2EE-25F38E62884A"


def test_one_version_everywhere(build_script: ModuleType) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__ == build_script.package_version()


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.10.3", (1, 10, 3, 0)),
        ("0.2.0rc1", (0, 2, 0, 0)),
        ("2", (2, 0, 0, 0)),
    ],
)
def test_windows_version_numbers(
    build_script: ModuleType, version: str, numbers: tuple[int, ...]
) -> None:
    assert build_script.version_tuple(version) == numbers


def test_the_version_resource_is_what_pyinstaller_evaluates(build_script: ModuleType) -> None:
    """PyInstaller `eval`s this text with its version-resource classes; here each class records
    its arguments instead."""
    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )

    def recorder(name: str) -> Any:
        return lambda *args, **kwargs: (name, args, kwargs)

    namespace = {name: recorder(name) for name in names}
    info = eval(build_script.version_info_text(__version__), namespace)
    name, _args, fields = info
    assert name == "VSVersionInfo"
    fixed = fields["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == build_script.version_tuple(__version__)
    string_info, var_info = fields["kids"]
    [table] = string_info[1][0]
    assert table[1][0] == "040C04B0", "French, Unicode"
    strings = dict(entry[1] for entry in table[1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "mediateur.exe"
    assert var_info[1][0][0][1] == ("Translation", [0x040C, 1200])


def test_the_windows_icon_holds_every_size(build_script: ModuleType, qapp, tmp_path: Path) -> None:
    ico = tmp_path / "mediateur.ico"
    build_script.render_icon(build_script.ICON_SVG, ico)
    with Image.open(ico) as image:
        assert image.format == "ICO"
        assert image.info["sizes"] == {(s, s) for s in build_script.ICON_SIZES}
        image.size = (256, 256)
        largest = image.convert("RGBA")
    assert largest.getpixel((128, 32))[3] == 255, "the drawing, not a transparent square"
    assert largest.getpixel((0, 0))[3] == 0, "rounded corners stay transparent"


def test_the_compiler_gets_the_package_version(build_script: ModuleType, tmp_path: Path) -> None:
    iscc = tmp_path / "ISCC.exe"
    command = build_script.iscc_command(iscc, __version__)
    assert command[0] == str(iscc)
    assert f"/DAppVersion={__version__}" in command
    numbers = ".".join(map(str, build_script.version_tuple(__version__)))
    assert f"/DAppNumericVersion={numbers}" in command
    assert f"/DSourceDir={build_script.BUNDLE}" in command
    assert f"/DIconFile={build_script.ICON}" in command
    assert command[-1] == str(build_script.ISS)


def test_the_compiler_is_found_where_inno_setup_installs_it(
    build_script: ModuleType, tmp_path: Path
) -> None:
    programs = tmp_path / "Program Files (x86)"
    assert build_script.find_iscc({"ProgramFiles(x86)": str(programs)}) is None
    compiler = programs / "Inno Setup 6" / "ISCC.exe"
    compiler.parent.mkdir(parents=True)
    compiler.write_bytes(b"MZ")
    assert build_script.find_iscc({"ProgramFiles(x86)": str(programs)}) == compiler
    chosen = tmp_path / "autre" / "ISCC.exe"
    chosen.parent.mkdir()
    chosen.write_bytes(b"MZ")
    environ = {"ISCC": str(chosen), "ProgramFiles(x86)": str(programs)}
    assert build_script.find_iscc(environ) == chosen


def test_the_console_executable_is_the_one_tests_and_it_staff_run(build_script: ModuleType) -> None:
    bundle = Path("dist") / "mediateur"
    assert build_script.executable(bundle, platform="win32") == bundle / "mediateur-cli.exe"
    assert build_script.executable(bundle, platform="linux") == bundle / "mediateur"


# The Inno Setup script


@pytest.fixture(scope="module")
def iss() -> str:
    raw = (ROOT / "installer" / "mediateur.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM"
    return raw.decode("utf-8-sig")


def setup_section(iss: str) -> dict[str, str]:
    section = iss.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(
        line.split("=", 1) for line in section.splitlines() if "=" in line and line[0] != ";"
    )


def test_the_installer_keeps_its_app_id_and_takes_the_version_from_the_build(iss: str) -> None:
    setup = setup_section(iss)
    assert setup["AppId"] == "{{" + APP_ID + "}", "never change it: upgrades are found by it"
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["VersionInfoVersion"] == "{#AppNumericVersion}"
    assert "#error AppVersion is not defined" in iss
    assert __version__ not in iss, "no version written by hand"


def test_the_installer_installs_per_user_with_shortcuts(iss: str) -> None:
    setup = setup_section(iss)
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M
    )
    assert re.search(r'^Name: "\{autodesktop\}\\\{#AppName\}".*Tasks: desktopicon', iss, re.M)
    assert 'MessagesFile: "compiler:Languages\\French.isl"' in iss


def test_the_uninstaller_leaves_the_vaults(iss: str) -> None:
    data_dir = re.search(r'^#define DataDir "(.+)"$', iss, re.M)
    assert data_dir is not None
    assert data_dir[1] == rf"{{localappdata}}\{APP_AUTHOR}\{APP_NAME}", "where paths.home_dir is"
    assert "[UninstallDelete]" not in iss
    deleted = re.findall(r"^Type: \w+; Name: \"(.+)\"", iss, re.M)
    assert deleted == [r"{app}\_internal"], "an upgrade clears only the previous program files"


# Freshness


@pytest.fixture
def inputs(build_script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small tree standing for the checkout, with a bundle built from it."""
    source = tmp_path / "src"
    (source / "server").mkdir(parents=True)
    (source / "__pycache__").mkdir()
    (source / "app.py").write_text("print('v1')\n")
    (source / "server" / "api.py").write_text("server = 1\n")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    monkeypatch.setattr(build_script, "ROOT", tmp_path)
    monkeypatch.setattr(build_script, "_INPUT_TREES", (source,))
    monkeypatch.setattr(build_script, "_INPUT_FILES", (tmp_path / "pyproject.toml",))
    monkeypatch.setattr(build_script, "_NOT_INPUTS", (source / "server",))
    bundle = tmp_path / "dist" / "mediateur"
    bundle.mkdir(parents=True)
    build_script.executable(bundle).write_bytes(b"\x7fELF")
    (tmp_path / "bundle.stamp").write_text(build_script.fingerprint() + "\n")
    return tmp_path


def test_a_bundle_is_fresh_until_an_input_changes(build_script: ModuleType, inputs: Path) -> None:
    bundle, stamp = inputs / "dist" / "mediateur", inputs / "bundle.stamp"
    assert build_script.is_fresh(bundle, stamp)
    (inputs / "src" / "server" / "api.py").write_text("server = 2\n")
    (inputs / "src" / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"\0")
    assert build_script.is_fresh(bundle, stamp), "the server and caches are not in the bundle"
    (inputs / "src" / "app.py").write_text("print('v2')\n")
    assert not build_script.is_fresh(bundle, stamp)


def test_a_bundle_without_its_executable_or_stamp_is_stale(
    build_script: ModuleType, inputs: Path
) -> None:
    bundle, stamp = inputs / "dist" / "mediateur", inputs / "bundle.stamp"
    stamp.unlink()
    assert not build_script.is_fresh(bundle, stamp)
    (inputs / "bundle.stamp").write_text(build_script.fingerprint())
    build_script.executable(bundle).unlink()
    assert not build_script.is_fresh(bundle, stamp)
