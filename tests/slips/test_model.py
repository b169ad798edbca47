"""SlipData refuses what must never be printed (a NIR anywhere) and what cannot be printed right."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime
from typing import Any

import pytest

from mediateur.domain.nir import contains_nir
from mediateur.slips import (
    Beneficiary,
    NextStep,
    NextStepKind,
    Shared,
    SlipData,
    SlipDataError,
)
from tests.slips.samples import realistic_slip


def valid_nir() -> str:
    """A well-formed NIR with its key, written with spaces as people type it."""
    body = "2690549588157"
    key = 97 - int(body) % 97
    return f"2 69 05 49 588 157 {key:02d}"


NIR = valid_nir()


def text_fields() -> list[tuple[str | None, str]]:
    """(part, field) of every text of a slip: top level (part None) and nested parts."""
    slip = realistic_slip()
    found: list[tuple[str | None, str]] = []
    for f in fields(slip):
        value = getattr(slip, f.name)
        if isinstance(value, str | tuple) or f.name in ("issued_place", "reason"):
            if f.name != "shared_with_partner":
                found.append((None, f.name))
        elif hasattr(value, "__dataclass_fields__"):
            for inner in fields(value):
                if inner.type in ("str", "str | None", "tuple[str, ...]"):
                    found.append((f.name, inner.name))
    return found


def with_text(part: str | None, name: str, text: str) -> SlipData:
    slip = realistic_slip()
    if part is None:
        current = getattr(slip, name)
        return replace(slip, **{name: (text,) if isinstance(current, tuple) else text})
    inner = getattr(slip, part)
    current = getattr(inner, name)
    value: Any = (text,) if isinstance(current, tuple) else text
    return replace(slip, **{part: replace(inner, **{name: value})})


def test_the_nir_sample_is_a_nir() -> None:
    assert contains_nir(NIR)
    assert contains_nir(f"Voir dossier {NIR.replace(' ', '')}.")


def test_every_text_field_is_checked() -> None:
    covered = {f"{part}.{name}" if part else name for part, name in text_fields()}
    # The fields a slip shows, all of them: a new text field must be added to the NIR check.
    assert {
        "number",
        "issued_place",
        "reason",
        "barriers",
        "orienter.name",
        "orienter.email",
        "beneficiary.last_name",
        "beneficiary.contact_preference",
        "destination.partner_name",
        "destination.opening_hours",
        "destination.modes_mobilisation",
        "destination.access_conditions",
    } <= covered
    assert len(covered) == 4 + 5 + 6 + 13


@pytest.mark.parametrize(("part", "name"), text_fields())
def test_a_nir_in_any_text_is_refused_without_being_quoted(part: str | None, name: str) -> None:
    with pytest.raises(SlipDataError) as caught:
        with_text(part, name, f"Réf. {NIR}")
    message = str(caught.value)
    assert "NIR" in message
    assert "588" not in message  # the message never repeats the value
    assert "« " in message  # it names the field


def test_a_phone_number_is_not_a_nir() -> None:
    slip = with_text("beneficiary", "phone", "07 98 76 54 32")
    assert slip.beneficiary.phone == "07 98 76 54 32"


def test_shared_details_must_be_known_and_given() -> None:
    slip = realistic_slip()
    with pytest.raises(SlipDataError, match="détail partagé inconnu « birth_date »"):
        replace(slip, shared_with_partner=frozenset({"birth_date"}))  # type: ignore[arg-type]
    no_phone = replace(slip.beneficiary, phone=None)
    with pytest.raises(SlipDataError, match="« téléphone » est à transmettre"):
        replace(slip, beneficiary=no_phone)
    with pytest.raises(SlipDataError, match="« motif » est à transmettre"):
        replace(slip, reason="  ")
    # Plain strings are accepted and normalised to `Shared`.
    normalised = replace(slip, shared_with_partner=frozenset({"phone"}))  # type: ignore[arg-type]
    assert normalised.shared_with_partner == {Shared.PHONE}
    assert normalised.for_partner(Shared.PHONE)
    assert not normalised.for_partner(Shared.EMAIL)


def test_dates_must_carry_their_time_zone() -> None:
    slip = realistic_slip()
    with pytest.raises(SlipDataError, match="date d'émission"):
        replace(slip, issued_at=datetime(2026, 11, 26, 10, 0))
    with pytest.raises(SlipDataError, match="rendez-vous doit porter son fuseau"):
        NextStep(kind=NextStepKind.APPOINTMENT, appointment_at=datetime(2026, 12, 3, 14, 0))


def test_next_step_rules() -> None:
    with pytest.raises(SlipDataError, match="demande sa date et son heure"):
        NextStep(kind=NextStepKind.APPOINTMENT)
    with pytest.raises(SlipDataError, match="suite prévue « plus_tard » inconnue"):
        NextStep(kind="plus_tard")  # type: ignore[arg-type]
    assert NextStep(kind="partenaire_rappelle").kind is NextStepKind.PARTNER_CALLS  # type: ignore[arg-type]


def test_required_texts() -> None:
    slip = realistic_slip()
    with pytest.raises(SlipDataError, match="« numéro de la fiche » est obligatoire"):
        replace(slip, number=" ")
    with pytest.raises(SlipDataError, match="« nom du partenaire » est obligatoire"):
        replace(slip.destination, partner_name="")
    with pytest.raises(SlipDataError, match="« nom de la personne qui oriente »"):
        replace(slip.orienter, name="")


def test_an_anonymous_person_is_allowed() -> None:
    slip = replace(realistic_slip(), beneficiary=Beneficiary(), shared_with_partner=frozenset())
    assert slip.beneficiary.last_name is None
