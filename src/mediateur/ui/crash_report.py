"""What an unexpected exception becomes before anyone sees it: a report without personal data.

The report keeps the exception type, the file, line and function of each frame (paths cut to the
package, so the user's home never shows) and the source line, which is code. It keeps no local
variable and no argument value. The message is rebuilt from an allowlist: a word survives only if
it is common error vocabulary, an exception class name, or an identifier of the code in the
traceback; anything else (a name, a number, an address that a message may quote) becomes "…".
Qt-free, so it is tested on its own and reused by any front end.
"""

from __future__ import annotations

import hashlib
import platform
import re
import traceback
from dataclasses import dataclass
from types import TracebackType

from mediateur import __version__

MAX_CHAIN = 5
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+|\S|\s+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING_LITERAL = re.compile(r"""(?:[rbfuRBFU]{0,2})("([^"\\]|\\.)*"|'([^'\\]|\\.)*')""")
_REDACTED = "…"
_KEPT_PUNCTUATION = frozenset("()[]{}:;,.=<>!?*+-/'\"`|&%")
# Words of CPython's, SQLAlchemy's and Qt's error messages; none can identify a person.
_VOCABULARY = frozenset(
    (
        "a",
        "already",
        "an",
        "and",
        "are",
        "argument",
        "arguments",
        "as",
        "at",
        "attribute",
        "base",
        "be",
        "been",
        "bool",
        "but",
        "by",
        "bytes",
        "call",
        "callable",
        "can",
        "cannot",
        "closed",
        "column",
        "connection",
        "could",
        "database",
        "deleted",
        "depth",
        "dict",
        "division",
        "does",
        "doesn",
        "due",
        "empty",
        "exceeded",
        "exceeds",
        "expected",
        "expects",
        "failed",
        "false",
        "file",
        "float",
        "for",
        "found",
        "from",
        "frozenset",
        "given",
        "got",
        "has",
        "have",
        "if",
        "in",
        "index",
        "instance",
        "int",
        "integer",
        "internal",
        "invalid",
        "is",
        "isn",
        "it",
        "item",
        "items",
        "iterable",
        "iterator",
        "key",
        "keyword",
        "len",
        "length",
        "list",
        "literal",
        "locked",
        "mapping",
        "maximum",
        "missing",
        "must",
        "no",
        "none",
        "nonetype",
        "not",
        "object",
        "of",
        "on",
        "operand",
        "operation",
        "or",
        "out",
        "positional",
        "range",
        "read",
        "recursion",
        "referenced",
        "required",
        "result",
        "returned",
        "row",
        "rows",
        "s",
        "self",
        "sequence",
        "set",
        "should",
        "size",
        "str",
        "string",
        "subscriptable",
        "such",
        "support",
        "supported",
        "t",
        "table",
        "takes",
        "than",
        "that",
        "the",
        "there",
        "this",
        "to",
        "too",
        "true",
        "tuple",
        "type",
        "underlying",
        "unexpected",
        "unhashable",
        "unpack",
        "unsupported",
        "value",
        "values",
        "was",
        "wasn",
        "were",
        "with",
        "without",
        "wrong",
        "zero",
    )
)


@dataclass(frozen=True, slots=True)
class Frame:
    file: str
    line: int
    function: str
    code: str


@dataclass(frozen=True, slots=True)
class ExceptionPart:
    type_name: str
    message: str
    frames: tuple[Frame, ...]


@dataclass(frozen=True, slots=True)
class CrashReport:
    parts: tuple[ExceptionPart, ...]  # the exception raised last first, then its causes

    @property
    def summary(self) -> str:
        head = self.parts[0]
        return f"{head.type_name}: {head.message}" if head.message else head.type_name

    @property
    def signature(self) -> str:
        """Same bug, same signature: the types and the places, not the message."""
        digest = hashlib.sha256()
        for part in self.parts:
            digest.update(part.type_name.encode())
            for frame in part.frames:
                digest.update(f"{frame.file}:{frame.line}:{frame.function}".encode())
        return digest.hexdigest()[:12]

    def text(self) -> str:
        lines = [
            f"mediateur {__version__} — Python {platform.python_version()} — "
            f"{platform.system()} {platform.release()}",
            f"Signature : {self.signature}",
        ]
        for index, part in enumerate(self.parts):
            lines.append("")
            if index:
                lines.append("Cause :")
            lines.append(f"{part.type_name}: {part.message}" if part.message else part.type_name)
            lines.append("Traceback (most recent call last):")
            for frame in part.frames:
                lines.append(f'  File "{frame.file}", line {frame.line}, in {frame.function}')
                if frame.code:
                    lines.append(f"    {frame.code}")
        return "\n".join(lines)


def short_path(filename: str) -> str:
    """A frame's file without the directories above its package (they may name the user)."""
    normalized = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/dist-packages/", "/src/", "/lib/python"):
        if marker in normalized:
            tail = normalized.rsplit(marker, 1)[1]
            return tail.split("/", 1)[1] if marker == "/lib/python" and "/" in tail else tail
    marker = "/mediateur/"
    if marker in normalized:
        return "mediateur/" + normalized.rsplit(marker, 1)[1]
    return normalized.rsplit("/", 1)[-1]


def _frames(tb: TracebackType | None) -> tuple[Frame, ...]:
    return tuple(
        Frame(
            file=short_path(summary.filename),
            line=summary.lineno or 0,
            function=summary.name,
            code=(summary.line or "").strip(),
        )
        for summary in traceback.extract_tb(tb)
    )


def code_identifiers(frames: tuple[Frame, ...]) -> set[str]:
    """Names written in the code of the frames; string literals are left out."""
    names: set[str] = set()
    for frame in frames:
        names.add(frame.function)
        names.update(_IDENTIFIER.findall(_STRING_LITERAL.sub(" ", frame.code)))
    return names


def scrub_message(message: str, allowed: set[str]) -> str:
    """Keep vocabulary, allowed identifiers and punctuation; redact everything else."""
    pieces: list[str] = []
    for token in _TOKEN.findall(message):
        if token.isspace():
            kept = " "
        elif token in allowed or token.lower() in _VOCABULARY or token in _KEPT_PUNCTUATION:
            kept = token
        else:
            kept = _REDACTED
        if kept == _REDACTED and pieces[-2:] == [_REDACTED, " "]:
            pieces.pop()
        if kept in (_REDACTED, " ") and pieces and pieces[-1] == kept:
            continue
        pieces.append(kept)
    return "".join(pieces).strip()


def _type_name(exc: BaseException) -> str:
    cls = type(exc)
    module = cls.__module__
    return (
        cls.__qualname__ if module in {"builtins", "__main__"} else f"{module}.{cls.__qualname__}"
    )


def _chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < MAX_CHAIN and current not in chain:
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__suppress_context__:
            current = None
        else:
            current = current.__context__
    return chain


def build_report(exc: BaseException) -> CrashReport:
    chain = _chain(exc)
    frames_of = [_frames(item.__traceback__) for item in chain]
    allowed: set[str] = set()
    for item, frames in zip(chain, frames_of, strict=True):
        allowed |= code_identifiers(frames)
        allowed.update(cls.__name__ for cls in type(item).__mro__)
    parts = []
    for item, frames in zip(chain, frames_of, strict=True):
        code = getattr(item, "code", None)
        message = scrub_message(str(item), allowed)
        if isinstance(code, str) and _IDENTIFIER.fullmatch(code):
            message = f"[{code}] {message}".strip()
        parts.append(ExceptionPart(_type_name(item), message, frames))
    return CrashReport(tuple(parts))


def report_from_hook(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> CrashReport:
    """`sys.excepthook` arguments to a report (the exception may come without its traceback)."""
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return build_report(exc)
