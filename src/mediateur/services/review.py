"""Managers' review of contacts (DESIGN.md §7): who may review on this laptop, and the review
itself — `valide` or `a_corriger` with a comment for the mediator.

The review fields (`review_status`, `review_comment`, `reviewed_by`, `reviewed_at`) are written by
managers only: the service refuses any other profile before writing, and the server rejects them
from anyone else anyway. A manager reviews the contacts of their own organisation (the server lets
only the owning organisation edit a contact); a contact made on this laptop before its first login
has no organisation yet and counts as the laptop's own. The role, user and organisation of the
laptop come from the account it logged in with (`sync_meta`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.services import clock
from mediateur.services.errors import RecordNotFound, ServiceError
from mediateur.services.validation import Checker
from mediateur.store.schema import contact
from mediateur.store.unit_of_work import UnitOfWork
from mediateur.sync import local_state

MANAGER = "manager"
VALIDATED = "valide"
TO_CORRECT = "a_corriger"
UNREVIEWED = "a_revoir"
DECISIONS = (VALIDATED, TO_CORRECT)
# A review touches at most this many contacts at once (one unit of work, one outbox entry each).
MAX_BATCH = 500


class ManagersOnly(ServiceError):
    code = "managers_only"

    def __init__(self, role: str | None) -> None:
        if role is None:
            text = (
                "Ce profil n'est relié à aucun compte du serveur : la revue des contacts, les "
                "indicateurs par médiatrice, les appareils et les fusions sont réservés aux "
                "responsables connectés."
            )
        else:
            text = (
                "Réservé aux responsables : ce profil est relié à un compte de médiatrice. "
                "Demandez à votre responsable."
            )
        super().__init__(text)
        self.role = role


class OtherOrganisation(ServiceError):
    code = "other_organisation"


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who works on this laptop, as the server knows them (None before the first login)."""

    user_id: str | None
    role: str | None
    organisation_id: str | None

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER

    def owns(self, organisation_id: str | None) -> bool:
        """Whether a record belongs to this laptop's organisation (or was made here before the
        first login, when no organisation was known yet)."""
        return organisation_id is None or organisation_id == self.organisation_id


def current_viewer(session: Session) -> Viewer:
    found = local_state.get_many(
        session, local_state.USER_ID, local_state.ROLE, local_state.ORGANISATION_ID
    )
    return Viewer(
        user_id=found[local_state.USER_ID],
        role=found[local_state.ROLE],
        organisation_id=found[local_state.ORGANISATION_ID],
    )


def require_manager(session: Session) -> Viewer:
    """The viewer if they are a manager, else ManagersOnly."""
    viewer = current_viewer(session)
    if not viewer.is_manager:
        raise ManagersOnly(viewer.role)
    return viewer


def review_contacts(
    *,
    uow: UnitOfWork,
    contact_ids: Sequence[str],
    status: str,
    comment: str | None = None,
    now: datetime | None = None,
) -> tuple[str, ...]:
    """Mark contacts `valide` or `a_corriger` (a comment then says what to correct); returns the
    ids whose review changed. Checks everything first: on any refusal nothing is written."""
    viewer = require_manager(uow.session)
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        raise ServiceError("Sélectionnez au moins un contact à revoir.")
    if len(ids) > MAX_BATCH:
        raise ServiceError(
            f"{MAX_BATCH} contacts au plus par revue ({len(ids)} sélectionnés) : affinez les "
            "filtres."
        )
    check = Checker("contact")
    decision = check.code("review_status", status, required=True)
    if decision is not None and decision not in DECISIONS:
        check.fail("review_status", "choisissez « Validé » ou « À corriger ».")
    text = check.text("review_comment", comment, multiline=True)
    if decision == TO_CORRECT and text is None and not check.failed("review_comment"):
        check.fail("review_comment", "dites à la médiatrice ce qu'il faut corriger.")
    check.raise_if_any()
    rows = {
        row.id: row
        for start in range(0, len(ids), MAX_BATCH)
        for row in uow.session.execute(
            select(contact.c.id, contact.c.organisation_id).where(
                contact.c.id.in_(ids[start : start + MAX_BATCH]), contact.c.deleted.is_(False)
            )
        )
    }
    for contact_id in ids:
        if contact_id not in rows:
            raise RecordNotFound("contact", contact_id)
        if not viewer.owns(rows[contact_id].organisation_id):
            raise OtherOrganisation(
                "Ce contact a été saisi par une autre structure : seuls ses responsables le "
                "revoient."
            )
    changes = {
        "review_status": decision,
        "review_comment": text,
        "reviewed_by": viewer.user_id,
        "reviewed_at": now or clock.now(),
    }
    return tuple(cid for cid in ids if uow.update("contact", cid, changes))
