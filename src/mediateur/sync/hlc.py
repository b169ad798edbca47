"""Hybrid logical clocks (Kulkarni et al.), the order of concurrent edits to one field.

A timestamp is `f"{millis:013d}-{counter:04X}-{node}"`, `node` being the install id's 32 hex
digits: strings sort like the clocks they encode. The clock never runs backwards, whatever the wall
clock does: after a backward jump it keeps its logical millisecond and counts up; when the counter
would pass 0xFFFF it moves to the next millisecond (waiting for it when the wall clock is there).
State is two integers, persisted by the caller after each tick so that it survives restarts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFF
MAX_DRIFT_MS = 5 * 60 * 1000


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True, slots=True)
class Timestamp:
    millis: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:04X}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        millis, counter, node = text.split("-")
        if len(millis) != 13 or len(counter) != 4 or len(node) != 32:
            raise ValueError("malformed HLC timestamp")
        value = cls(int(millis), int(counter, 16), node.lower())
        int(value.node, 16)
        return value


def node_of(install_id: str) -> str:
    """The HLC node of an install id (its UUID's 32 hex digits)."""
    node = install_id.replace("-", "").lower()
    if len(node) != 32:
        raise ValueError("install id must be a UUID")
    return node


def clamp(stamp: str, limit_millis: int) -> str:
    """`stamp` with its physical part capped at `limit_millis` (the server's bound on drift)."""
    parsed = Timestamp.parse(stamp)
    if parsed.millis <= limit_millis:
        return stamp
    return str(Timestamp(limit_millis, parsed.counter, parsed.node))


class HybridClock:
    def __init__(
        self,
        node: str,
        millis: int = 0,
        counter: int = 0,
        wall: Callable[[], int] = wall_millis,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.node = node
        self.millis = millis
        self.counter = counter
        self._wall = wall
        self._sleep = sleep

    @property
    def state(self) -> tuple[int, int]:
        return self.millis, self.counter

    def _next_millisecond(self) -> None:
        # Wait when the wall clock stands on our millisecond; after a backward jump the logical
        # clock is ahead of the wall, and it moves forward by itself.
        while self._wall() == self.millis:
            self._sleep(0.0002)
        self.millis = max(self.millis + 1, self._wall())
        self.counter = 0

    def _advance(self, candidate_millis: int, candidate_counter: int) -> None:
        self.millis, self.counter = candidate_millis, candidate_counter
        if self.counter > MAX_COUNTER:
            self._next_millisecond()

    def tick(self) -> str:
        """A timestamp for a local event, greater than every one issued or received before."""
        now = self._wall()
        if now > self.millis:
            self._advance(now, 0)
        else:
            self._advance(self.millis, self.counter + 1)
        return str(Timestamp(self.millis, self.counter, self.node))

    def receive(self, remote: str) -> None:
        """Move past a timestamp seen elsewhere (the server's): later ticks order after it."""
        other = Timestamp.parse(remote)
        now = self._wall()
        top = max(self.millis, other.millis, now)
        if top == self.millis == other.millis:
            counter = max(self.counter, other.counter) + 1
        elif top == self.millis:
            counter = self.counter + 1
        elif top == other.millis:
            counter = other.counter + 1
        else:
            counter = 0
        self._advance(top, counter)
