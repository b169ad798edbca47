"""Hybrid logical clocks: monotonic across clock jumps, restarts and counter overflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from mediateur.domain.values import now_utc
from mediateur.store.vault import Vault
from mediateur.sync.hlc import MAX_COUNTER, HybridClock, Timestamp, clamp, node_of

NODE = node_of("0192f6f3-0000-7000-8000-000000000001")


class FakeWall:
    def __init__(self, millis: int) -> None:
        self.millis = millis

    def __call__(self) -> int:
        return self.millis

    def sleep(self, _seconds: float) -> None:
        self.millis += 1


def test_format_sorts_like_the_clock_and_parses_back() -> None:
    stamps = [Timestamp(1_700_000_000_000, 0xFFFF, NODE), Timestamp(1_700_000_000_001, 0, NODE)]
    assert str(stamps[0]) < str(stamps[1])
    assert str(stamps[0]) == f"1700000000000-FFFF-{NODE}"
    assert Timestamp.parse(str(stamps[1])) == stamps[1]
    with pytest.raises(ValueError, match="malformed"):
        Timestamp.parse("12-34-56")


def test_backward_clock_jump_keeps_the_clock_monotonic() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridClock(NODE, wall=wall, sleep=wall.sleep)
    before = [clock.tick() for _ in range(5)]
    wall.millis -= 365 * 24 * 3600 * 1000
    after = [clock.tick() for _ in range(5)]
    stamps = before + after
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridClock(NODE, wall=wall, sleep=wall.sleep)
    stamps = [clock.tick() for _ in range(70_000)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert all(Timestamp.parse(s).counter <= MAX_COUNTER for s in stamps)
    assert wall.millis > 1_800_000_000_000  # it waited for the wall clock


def test_counter_overflow_after_a_backward_jump_does_not_wait() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridClock(
        NODE, millis=1_900_000_000_000, counter=MAX_COUNTER, wall=wall, sleep=wall.sleep
    )
    stamp = Timestamp.parse(clock.tick())
    assert (stamp.millis, stamp.counter) == (1_900_000_000_001, 0)
    assert wall.millis == 1_800_000_000_000


def test_receive_orders_later_local_events_after_the_remote_one() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridClock(NODE, wall=wall, sleep=wall.sleep)
    remote = str(Timestamp(1_800_000_360_000, 7, "f" * 32))  # an hour ahead
    clock.receive(remote)
    assert clock.tick() > remote


@given(st.lists(st.tuples(st.integers(-(10**9), 10**9), st.booleans()), max_size=60))
def test_any_sequence_of_jumps_and_receipts_is_monotonic(steps: list[tuple[int, bool]]) -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridClock(NODE, wall=wall, sleep=wall.sleep)
    stamps = []
    for jump, receive in steps:
        wall.millis = max(0, wall.millis + jump)
        if receive:
            clock.receive(str(Timestamp(wall.millis + jump // 3 + 10**12, 3, "a" * 32)))
        stamps.append(clock.tick())
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)


def test_clamp_caps_the_physical_part() -> None:
    stamp = str(Timestamp(2_000_000_000_000, 5, NODE))
    assert Timestamp.parse(clamp(stamp, 1_900_000_000_000)).millis == 1_900_000_000_000
    assert clamp(stamp, 2_100_000_000_000) == stamp


def _contact(uow) -> str:  # type: ignore[no-untyped-def]
    return uow.create(
        "contact", {"occurred_at": now_utc(), "channel": "autre", "outcome": "information"}
    )


def test_hlc_survives_a_restart_with_the_clock_set_back(vault_factory, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    vault = vault_factory.open(profile)
    with vault.unit_of_work() as uow:
        _contact(uow)
        first = uow.get("contact", _contact(uow))["updated_hlc"]
    vault.lock()
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with time_machine.travel(yesterday, tick=True):
        vault = Vault.open_with_key(profile, vault_factory.key)
        with vault.unit_of_work() as uow:
            second = uow.get("contact", _contact(uow))["updated_hlc"]
        vault.lock()
    assert second > first
