"""The database's sync identity and clocks: epoch, cursor key, purge horizon, server HLC.

The epoch is a random id written when the database is created: a cursor from another database
(or from before a restore to a new database) carries another and is refused with 410. The server
has a hybrid clock of its own, `server_hlc`: its wall clock, or the highest (clamped) client
clock it has just seen if that is ahead, so it never runs more than `MAX_DRIFT_MS` ahead. Client
clocks are clamped to the server's wall clock plus that drift before any comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from mediateur.server.models import sync_state
from mediateur.sync.hlc import MAX_DRIFT_MS, Timestamp, clamp


@dataclass(frozen=True, slots=True)
class SyncState:
    epoch: str
    cursor_key: bytes
    purge_horizon: int

    @property
    def node(self) -> str:
        """The server's HLC node: its epoch's 32 hex digits."""
        return self.epoch.replace("-", "")


def read_state(conn: Connection) -> SyncState:
    row = conn.execute(select(sync_state).where(sync_state.c.id == 1)).one()
    return SyncState(row.epoch, bytes.fromhex(row.cursor_key), row.purge_horizon)


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def clamp_client_hlc(hlc: str, now: datetime) -> str:
    return clamp(hlc, millis(now) + MAX_DRIFT_MS)


def server_stamp(state: SyncState, now: datetime) -> str:
    return str(Timestamp(millis(now), 0, state.node))


def server_hlc(state: SyncState, now: datetime, seen: Iterable[str] = ()) -> str:
    """The server's clock for a response: after every (clamped) stamp it has just handled."""
    return max((server_stamp(state, now), *seen))


def clock_warning(client_time: str | None, now: datetime) -> bool:
    """True when the client's `X-Client-Time` (epoch ms) is off by more than the drift bound."""
    if client_time is None or not client_time.strip().isdigit():
        return False
    return abs(int(client_time.strip()) - millis(now)) > MAX_DRIFT_MS
