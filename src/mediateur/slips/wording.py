"""The sentences a slip says, for each copy: next step, how to reach the partner, who is oriented.

The beneficiary copy speaks to the person ("vous"); the partner copy speaks to the partner about
the person and only with what `SlipData.shared_with_partner` allows. Everything returned is plain
text (the renderer escapes it), in French with French typography.
"""

from __future__ import annotations

from mediateur.slips.french import NBSP, capitalise, format_datetime, join_words, unbreakable
from mediateur.slips.model import SHARED_LABELS, NextStepKind, Shared, SlipData

# data·inclusion v1 `modes_mobilisation`, plus the v0 values older exports still carry.
_MOBILISATION: dict[str, str] = {
    "se-presenter": "vous présenter sur place",
    "telephoner": "téléphoner",
    "envoyer-un-courriel": "envoyer un courriel",
    "envoyer-un-mail": "envoyer un courriel",
    "envoyer-un-mail-avec-une-fiche-de-prescription": "envoyer un courriel avec cette fiche",
    "utiliser-lien-mobilisation": "vous inscrire en ligne",
    "prendre-rdv": "prendre rendez-vous",
    "completer-le-formulaire-dadhesion": "remplir le formulaire d'adhésion",
    "autre": "voir les précisions",
}

# How many days without news before the person should call back (DESIGN.md §2: "à relancer").
FOLLOW_UP_DAYS = 10


def _given(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def mobilisation_modes(modes: tuple[str, ...]) -> str | None:
    """'Pour prendre contact : vous présenter sur place ou téléphoner.', or None."""
    phrases: list[str] = []
    for mode in modes:
        phrase = _MOBILISATION.get(mode.strip().lower(), mode.strip().replace("-", " "))
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        return None
    return f"Pour prendre contact{NBSP}: {join_words(phrases, 'ou')}."


def beneficiary_next_step(data: SlipData) -> tuple[str, str]:
    """(heading, sentence) of the highlighted box of the beneficiary copy."""
    step = data.next_step
    if step.kind == NextStepKind.APPOINTMENT and step.appointment_at is not None:
        return "Votre rendez-vous", capitalise(format_datetime(step.appointment_at))
    if step.kind == NextStepKind.BENEFICIARY_CALLS:
        phone = _given(data.destination.phone)
        if phone:
            return "Prochaine étape", f"Appelez le partenaire au {unbreakable(phone)}."
        return "Prochaine étape", "Prenez contact avec le partenaire (coordonnées ci-contre)."
    return (
        "Prochaine étape",
        f"Le partenaire vous contactera. Sans nouvelles d'ici {FOLLOW_UP_DAYS}{NBSP}jours, "
        "contactez la personne qui vous a orienté(e).",
    )


def partner_next_step(data: SlipData) -> str:
    step = data.next_step
    if step.kind == NextStepKind.APPOINTMENT and step.appointment_at is not None:
        return f"Rendez-vous fixé le {format_datetime(step.appointment_at)}."
    if step.kind == NextStepKind.BENEFICIARY_CALLS:
        return "La personne vous contactera."
    reachable = data.for_partner(Shared.PHONE) or data.for_partner(Shared.EMAIL)
    if reachable:
        return "Merci de contacter la personne."
    return (
        "Merci de contacter la personne par l'intermédiaire de la personne qui l'oriente "
        "(ses coordonnées n'ont pas été transmises)."
    )


def full_name(civility: str | None, first_name: str | None, last_name: str | None) -> str | None:
    """'Madame Amina BENALI': the last name in capitals, as French forms write it."""
    parts = [
        part
        for part in (
            _given(civility),
            _given(first_name),
            (_given(last_name) or "").upper() or None,
        )
        if part
    ]
    return " ".join(parts) or None


def beneficiary_name(data: SlipData) -> str | None:
    person = data.beneficiary
    return full_name(person.civility, person.first_name, person.last_name)


def partner_person_name(data: SlipData) -> str | None:
    """The person's name as the partner may see it, or None when none of it is shared."""
    person = data.beneficiary

    def shared(detail: Shared, value: str | None) -> str | None:
        return value if data.for_partner(detail) else None

    return full_name(
        shared(Shared.CIVILITY, person.civility),
        shared(Shared.FIRST_NAME, person.first_name),
        shared(Shared.LAST_NAME, person.last_name),
    )


def shared_summary(data: SlipData) -> str:
    """The line telling the person what the partner copy carries about them."""
    shared = [SHARED_LABELS[d] for d in Shared if data.for_partner(d)]
    if not shared:
        return (
            f"Aucune information personnelle n'est transmise au partenaire{NBSP}: "
            "présentez-vous avec cette fiche."
        )
    return f"Informations vous concernant transmises au partenaire{NBSP}: {join_words(shared)}."
