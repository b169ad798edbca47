"""Pull cursors: opaque to the client, MAC'd by the server, bound to the database's epoch.

A cursor is `base64url(payload) "." base64url(mac)`, the payload a compact JSON document:
version, epoch, the seq of the last change delivered, and while the initial snapshot is under
way its position: the entity it stands at, the last seq delivered in that entity, and the
high-water seq taken when the snapshot began. The MAC is HMAC-SHA256 (truncated to 128 bits)
with a key stored in the database, so every worker checks every cursor. A cursor of another
epoch is answered 410 `epoch_changed` (the epoch is read before the MAC, since another
database also has another key); an altered one 400 `invalid_cursor`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from mediateur.domain.dictionary import ENTITY_ORDER
from mediateur.server.errors import EpochChanged, InvalidCursor
from mediateur.server.sync.state import SyncState

VERSION = 1
_MAC_BYTES = 16
_MAX_LENGTH = 1024


@dataclass(frozen=True, slots=True)
class Snapshot:
    entity: str
    after: int
    high: int


@dataclass(frozen=True, slots=True)
class Cursor:
    # Incremental feed: changes with a greater seq come next. In a snapshot: its high-water mark.
    seq: int
    snapshot: Snapshot | None = None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()[:_MAC_BYTES]


def encode(cursor: Cursor, state: SyncState) -> str:
    document: dict[str, Any] = {"v": VERSION, "e": state.epoch, "s": cursor.seq}
    if cursor.snapshot is not None:
        snap = cursor.snapshot
        document["n"] = [snap.entity, snap.after, snap.high]
    payload = json.dumps(document, separators=(",", ":")).encode()
    return f"{_b64(payload)}.{_b64(_mac(state.cursor_key, payload))}"


def decode(token: str, state: SyncState) -> Cursor:
    try:
        if len(token) > _MAX_LENGTH:
            raise ValueError
        encoded_payload, encoded_mac = token.split(".")
        payload = _unb64(encoded_payload)
        mac = _unb64(encoded_mac)
        document = json.loads(payload)
        if not isinstance(document, dict):
            raise ValueError
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidCursor() from None
    if document.get("e") != state.epoch:
        raise EpochChanged()
    if not hmac.compare_digest(mac, _mac(state.cursor_key, payload)):
        raise InvalidCursor()
    return _parse(document)


def _parse(document: dict[str, Any]) -> Cursor:
    """A MAC'd document is ours; its shape is still checked (a future version may differ)."""
    seq = document.get("s")
    if document.get("v") != VERSION or not isinstance(seq, int) or seq < 0:
        raise InvalidCursor()
    raw = document.get("n")
    if raw is None:
        return Cursor(seq)
    if (
        not isinstance(raw, list)
        or len(raw) != 3
        or raw[0] not in ENTITY_ORDER
        or not all(isinstance(n, int) and n >= 0 for n in raw[1:])
    ):
        raise InvalidCursor()
    return Cursor(seq, Snapshot(raw[0], raw[1], raw[2]))
