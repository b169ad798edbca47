"""The per-field merge rule of DESIGN.md §4, as a pure function (no database, no clock).

A field the server has not changed since the client's `base_seq` takes the client's value. So
does a field whose last write came from the same device: a device's edits reach the server in
the order it made them, so its newer edit supersedes its older one. A field changed on both
sides keeps its value when the values agree; otherwise the higher `(hlc, device_id)` wins (the
client's HLC clamped by the server beforehand), and the losing value is reported.
"""

from __future__ import annotations

from enum import Enum

from mediateur.server.sync.rows import FieldClock


class Outcome(Enum):
    APPLY = "apply"  # no concurrent change: the client's value is written
    SAME = "same"  # concurrent change to the same value: nothing to do
    WON = "won"  # concurrent change, the client's value wins (the server's is the loser)
    LOST = "lost"  # concurrent change, the server's value stays (the client's is the loser)


def merge_field(
    *,
    current: object,
    incoming: object,
    clock: FieldClock,
    incoming_clock: FieldClock,
    base_seq: int,
) -> Outcome:
    """`clock` is the field's last accepted write; `incoming_clock` the client's (clamped)."""
    untouched = clock.seq is not None and clock.seq <= base_seq
    if untouched or clock.seq is None or clock.device == incoming_clock.device:
        return Outcome.APPLY
    if current == incoming:
        return Outcome.SAME
    if (incoming_clock.hlc, incoming_clock.device) > (clock.hlc, clock.device):
        return Outcome.WON
    return Outcome.LOST
