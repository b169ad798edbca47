"""Errors the use cases raise: a French message for people, a stable `code` for programs.

`ValidationFailed` carries every invalid field at once, so a form shows all its messages in one go
and nothing is saved. Messages never repeat the value that was typed: it may be personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mediateur.services.beneficiaries import DuplicateCandidate


class ServiceError(Exception):
    code = "service_error"

    @property
    def message(self) -> str:
        return str(self)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field: its name in the data dictionary and a French message."""

    field: str
    message: str


class ValidationFailed(ServiceError):
    code = "validation_failed"

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        from mediateur.services.validation import field_label

        lines = [f"{field_label(e.field)} : {e.message}" for e in self.errors]
        count = len(self.errors)
        head = "1 champ invalide" if count == 1 else f"{count} champs invalides"
        super().__init__(f"{head} : " + " ; ".join(lines))

    def messages(self) -> dict[str, str]:
        """field → message (the first message when a field has several)."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result


class ProbableDuplicate(ServiceError):
    """A person who looks already enrolled; the caller may confirm and save anyway."""

    code = "probable_duplicate"

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(
            "Cette personne semble déjà inscrite dans la cohorte "
            f"({len(self.candidates)} fiche(s) proche(s)) : vérifiez avant d'enregistrer."
        )


_ENTITY_WORDS = {
    "beneficiary": "Bénéficiaire",
    "contact": "Contact",
    "follow_up": "Suivi",
    "referral": "Orientation",
    "referral_event": "Historique d'orientation",
    "event": "Événement",
    "partner": "Partenaire",
    "service": "Service",
}


class RecordNotFound(ServiceError):
    code = "not_found"

    def __init__(self, entity: str, record_id: str) -> None:
        self.entity = entity
        self.record_id = record_id
        word = _ENTITY_WORDS.get(entity, entity)
        super().__init__(f"{word} introuvable (identifiant {record_id}) : supprimé ou inconnu.")


class IllegalTransition(ServiceError):
    code = "illegal_transition"

    def __init__(self, from_status: str, to_status: str, detail: str) -> None:
        self.from_status = from_status
        self.to_status = to_status
        super().__init__(detail)
