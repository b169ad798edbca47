"""Who is working on which laptop: the current user and device, read from the vault.

The sync client stores the logged-in user in `sync_meta` and caches the programme's directory of
users; a profile that never logged in has no user yet, and records made then get their author
stamped by the server on first push. The device is the vault's install id, whose first 6 hex digits
prefix the referral numbers so that two laptops never hand out the same number without talking to
a server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.reference import fold
from mediateur.store.schema import directory_user, referral, sync_meta
from mediateur.sync import local_state

# Highest referral number handed out per day, kept apart from the referral table so that a resync
# that wipes the synced tables can never make this laptop reuse a number.
REFERRAL_COUNTER_KEY = "referral_counter"


@dataclass(frozen=True, slots=True)
class DeviceContext:
    install_id: str
    user_id: str | None
    user_name: str | None

    @property
    def device_code(self) -> str:
        return self.install_id.replace("-", "")[:6].upper()


def _meta(session: Session, key: str) -> str | None:
    return session.scalar(select(sync_meta.c.value).where(sync_meta.c.key == key))


def current_context(session: Session, install_id: str) -> DeviceContext:
    return DeviceContext(
        install_id=install_id,
        user_id=_meta(session, local_state.USER_ID),
        user_name=_meta(session, local_state.DISPLAY_NAME),
    )


def user_names(session: Session, context: DeviceContext | None = None) -> dict[str, str]:
    """user id → display name, from the cached directory (and the current user)."""
    names = {row.id: row.display_name for row in session.execute(select(directory_user))}
    if context and context.user_id and context.user_name:
        names.setdefault(context.user_id, context.user_name)
    return names


def referents_by_name(names: dict[str, str]) -> dict[str, str]:
    """folded display name → user id, for names typed in a spreadsheet; a name two users share
    is left out (it would be a guess)."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for user_id, name in names.items():
        key = fold(name)
        if key in found:
            shared.add(key)
        found[key] = user_id
    return {k: v for k, v in found.items() if k not in shared}


def next_referral_number(session: Session, context: DeviceContext, day: date) -> str:
    """`RD-<device>-<yyyymmdd>-<n>`, n counting from 1 each day on this device.

    Must run inside the unit of work that creates the referral (it stores the counter)."""
    prefix = f"RD-{context.device_code}-{day:%Y%m%d}-"
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    used = [
        int(match.group(1))
        for number in session.scalars(
            select(referral.c.number).where(referral.c.number.like(prefix + "%"))
        )
        if number and (match := pattern.match(number))
    ]
    stored = _meta(session, REFERRAL_COUNTER_KEY)
    if stored and stored.startswith(f"{day:%Y%m%d}:"):
        used.append(int(stored.split(":", 1)[1]))
    n = max(used, default=0) + 1
    value = f"{day:%Y%m%d}:{n}"
    if stored is None:
        session.execute(sync_meta.insert().values(key=REFERRAL_COUNTER_KEY, value=value))
    else:
        session.execute(
            sync_meta.update().where(sync_meta.c.key == REFERRAL_COUNTER_KEY).values(value=value)
        )
    return f"{prefix}{n}"
