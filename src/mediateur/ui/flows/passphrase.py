"""Rules for a new passphrase: a strength hint while typing, and the checks before it is used.

The vault itself refuses fewer than 12 characters (`check_passphrase_strength`); the app also
refuses a passphrase made of a handful of repeated characters, and two entries that differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mediateur.store.errors import MIN_PASSPHRASE_LENGTH

MIN_DISTINCT_CHARACTERS = 5
STRONG_LENGTH = 20
STRONG_WORDS = 3


class Strength(Enum):
    TOO_SHORT = "too_short"
    TOO_REPETITIVE = "too_repetitive"
    FAIR = "fair"
    STRONG = "strong"

    @property
    def acceptable(self) -> bool:
        return self in (Strength.FAIR, Strength.STRONG)


@dataclass(frozen=True, slots=True)
class StrengthHint:
    strength: Strength
    message: str


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One field the user must fix, and what to do, in French."""

    field: str
    message: str


class FlowError(Exception):
    """Input the flow cannot accept; every problem is listed so the form shows them at once."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(" ; ".join(p.message for p in problems))
        self.problems = tuple(problems)


def strength_hint(passphrase: str) -> StrengthHint:
    length = len(passphrase.strip())
    if length < MIN_PASSPHRASE_LENGTH:
        missing = MIN_PASSPHRASE_LENGTH - length
        if length == 0:
            message = (
                f"{MIN_PASSPHRASE_LENGTH} caractères au moins : quelques mots faciles à retenir "
                "font une bonne phrase de passe."
            )
        elif missing == 1:
            message = "Trop courte : encore 1 caractère."
        else:
            message = f"Trop courte : encore {missing} caractères."
        return StrengthHint(Strength.TOO_SHORT, message)
    if len(set(passphrase.casefold())) < MIN_DISTINCT_CHARACTERS:
        return StrengthHint(
            Strength.TOO_REPETITIVE, "Trop répétitive : variez les caractères ou ajoutez des mots."
        )
    if length >= STRONG_LENGTH and len(passphrase.split()) >= STRONG_WORDS:
        return StrengthHint(Strength.STRONG, "Solide.")
    return StrengthHint(
        Strength.FAIR, "Acceptable. Plus longue (trois ou quatre mots), elle serait plus sûre."
    )


def new_passphrase_problems(
    passphrase: str, confirmation: str, *, field: str = "passphrase"
) -> list[FieldProblem]:
    """What prevents using `passphrase` as a new passphrase (empty when it can be used)."""
    hint = strength_hint(passphrase)
    if not hint.strength.acceptable:
        return [FieldProblem(field, hint.message)]
    if confirmation != passphrase:
        return [
            FieldProblem("confirmation", "Les deux saisies diffèrent : retapez la phrase de passe.")
        ]
    return []
