"""UI text is French, extractable by Qt Linguist, with named placeholders only (STYLE.md)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import mediateur
from mediateur.paths import resource_path

UI = Path(mediateur.__file__).parent / "ui"
POSITIONAL = re.compile(r"\{\}|\{\d+\}|%\d|%[sdif]")
ENGLISH = re.compile(
    r"\b(Cancel|Save|Error|Settings|Password|Unlock|Close|Print|Profile|Loading|Warning)\b"
)


def _sources() -> list[Path]:
    return [p for p in sorted(UI.rglob("*.py")) if "forms" not in p.parts]


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    """(context, source, comment) of every string `pyside6-lupdate` extracts."""
    ts = tmp_path_factory.mktemp("i18n") / "mediateur_fr.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    forms = sorted(resource_path("forms").glob("*.ui"))
    subprocess.run(
        [str(lupdate), *map(str, _sources()), *map(str, forms), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append(
                (name, message.findtext("source") or "", message.findtext("comment") or "")
            )
    return found


def _tr_calls() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, text) of every tr()/translate() call with literal text, and where the calls
    without literal text are."""
    expected: set[tuple[str, str]] = set()
    dynamic: list[str] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        owner = {id(node): cls.name for cls in classes for node in ast.walk(cls)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            wanted = {"tr": 1, "translate": 2}.get(node.func.attr)
            if wanted is None:
                continue
            args = node.args[:wanted]
            if len(args) != wanted or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                dynamic.append(f"{path.name}:{node.lineno}")
                continue
            values = [a.value for a in args]  # type: ignore[attr-defined]
            context = values[0] if wanted == 2 else owner.get(id(node), "")
            expected.add((context, values[-1]))
    return expected, dynamic


def test_every_text_goes_through_tr_with_literal_french(messages) -> None:
    expected, dynamic = _tr_calls()
    assert dynamic == [], "lupdate cannot extract a text that is not a literal"
    assert len(expected) > 40
    extracted = {(context, source) for context, source, _ in messages}
    assert expected - extracted == set()
    assert [m for m in messages if not m[0] or m[2]] == [], "context missing or misused"


def test_placeholders_are_named(messages) -> None:
    assert [source for _, source, _ in messages if POSITIONAL.search(source)] == []


def test_no_english_left(messages) -> None:
    assert [source for _, source, _ in messages if ENGLISH.search(source)] == []
