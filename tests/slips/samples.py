"""Realistic slips (fictional people and contact details) shared by the tests, the benchmark and
the screenshots."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from mediateur.slips import (
    Beneficiary,
    Destination,
    NextStep,
    NextStepKind,
    Orienter,
    Shared,
    SlipData,
)

ALL_SHARED = frozenset(Shared)


def realistic_slip(number: str = "RD-3F2A9C1B-20261126-7") -> SlipData:
    return SlipData(
        number=number,
        issued_at=datetime(2026, 11, 26, 10, 15, tzinfo=UTC),
        issued_place="Lormont, pied d'immeuble Génicart",
        orienter=Orienter(
            name="Amina Benali",
            role="Médiatrice emploi, Équipe Rive Droite",
            structure="Cité de l'emploi — Bordeaux Métropole Rive Droite",
            phone="06 12 34 56 78",
            email="amina.benali@cite-emploi-rive-droite.example",
        ),
        beneficiary=Beneficiary(
            civility="Madame",
            first_name="Françoise",
            last_name="Lefèvre",
            phone="07 98 76 54 32",
            email="f.lefevre@example.org",
            contact_preference="Téléphone",
        ),
        destination=Destination(
            partner_name="PLIE des Hauts de Garonne",
            service_name="Accompagnement renforcé vers l'emploi",
            address="12 avenue de la Libération",
            address_complement="Bâtiment B, 1er étage",
            postcode="33310",
            commune="Lormont",
            phone="05 56 00 11 22",
            email="accueil@plie-hauts-de-garonne.example",
            opening_hours="Mo-Fr 08:30-12:30,13:30-17:00; PH off",
            modes_mobilisation=("se-presenter", "telephoner"),
            mobilisation_precisions="Accueil sans rendez-vous le mardi matin.",
            access_conditions=(
                "Pièce d'identité, attestation de domicile de moins de 3 mois, CV si vous en "
                "avez un, et notification de droits CAF pour les bénéficiaires du RSA."
            ),
        ),
        reason=(
            "Recherche d'un emploi dans l'aide à domicile ou la main-d'œuvre logistique ; "
            "souhaite être accompagnée pour refaire son CV. Disponible dès janvier."
        ),
        barriers=("Mobilité", "Numérique"),
        next_step=NextStep(
            kind=NextStepKind.APPOINTMENT,
            appointment_at=datetime(2026, 12, 3, 13, 30, tzinfo=UTC),
        ),
        shared_with_partner=ALL_SHARED,
    )


def batch(count: int) -> list[SlipData]:
    base = realistic_slip()
    return [replace(base, number=f"RD-3F2A9C1B-20261126-{n}") for n in range(1, count + 1)]


def _sized(text: str, length: int) -> str:
    """`text` repeated (with spaces) and cut to exactly `length` characters, no trailing space."""
    repeated = " ".join([text] * (length // len(text) + 2))
    return repeated[:length].rstrip().ljust(length, "x")


# Sixty characters each, as the longest real names and addresses of a directory read.
NAME_60 = "Marie-Éléonore Dupont-Aït Ben Abdallah de La Roche-Fontaines"
PARTNER_60 = "Association intermédiaire « Rive Droite Emploi et Services »"
SERVICE_60 = "Accompagnement socio-professionnel renforcé des allocataires"
ADDRESS_60 = "Résidence Les Peupliers, 145 avenue Gaston Cabannes, bât. D4"
COMPLEMENT_60 = "Entrée C, 3e étage, porte gauche en sortant de l'ascenseur B"
STRUCTURE_60 = "Cité de l'emploi — Bordeaux Métropole Rive Droite à Génicart"
PLACE_60 = "Floirac, forum emploi du quartier Dravemont, salle des fêtes"
REASON_200 = (
    "Souhaite reprendre une formation qualifiante dans la logistique après un congé parental ;"
    " à l'aise à l'oral, cherche un accompagnement pour le permis B et une garde pour ses"
    " enfants le mercredi matin."
)
CONDITIONS_LONG = _sized(
    "Pièce d'identité en cours de validité, justificatif de domicile de moins de trois mois,"
    " attestation d'inscription à France Travail, dernier avis d'imposition, relevé"
    " d'identité bancaire, curriculum vitæ à jour et, le cas échéant, notification MDPH.",
    1200,
)


def long_slip() -> SlipData:
    """60-character names and addresses, a 200-character reason, long conditions d'accès."""
    base = realistic_slip()
    return replace(
        base,
        issued_place=PLACE_60,
        orienter=replace(base.orienter, name=NAME_60, structure=STRUCTURE_60),
        beneficiary=replace(base.beneficiary, first_name="Anne-Sophie", last_name=NAME_60),
        destination=replace(
            base.destination,
            partner_name=PARTNER_60,
            service_name=SERVICE_60,
            address=ADDRESS_60,
            address_complement=COMPLEMENT_60,
            commune="Bordeaux",
            email="accompagnement.socioprofessionnel@rive-droite-emploi.example",
            access_conditions=CONDITIONS_LONG,
        ),
        reason=REASON_200,
        barriers=("Mobilité", "Numérique", "Contraintes familiales", "Savoirs de base"),
    )


def extreme_slip() -> SlipData:
    """Every text at the longest the data dictionary allows, and an unreadable timetable."""
    base = realistic_slip()
    words = "Constantinople-Saint-Médard-en-Jalles cœur ça là où Élodie "
    return replace(
        base,
        issued_place=_sized(words, 150),
        orienter=replace(
            base.orienter,
            name=_sized(words, 100),
            role=_sized(words, 100),
            structure=_sized(words, 150),
            phone=_sized("05 56 00 00 00 poste 1234", 30),
            email="x" * 190 + "@example.fr",
        ),
        beneficiary=replace(
            base.beneficiary,
            civility="Madame",
            first_name=_sized(words, 100),
            last_name=_sized(words, 100),
            phone=_sized("07 98 76 54 32", 30),
            email="y" * 190 + "@example.fr",
            contact_preference="Courriel",
        ),
        destination=replace(
            base.destination,
            partner_name=_sized(words, 150),
            service_name=_sized(words, 150),
            address=_sized(words, 200),
            address_complement=_sized(words, 200),
            commune=_sized(words, 100),
            phone=_sized("05 56 00 11 22", 30),
            email="z" * 190 + "@example.fr",
            opening_hours=_sized("ouvert selon les périodes scolaires et les permanences", 500),
            modes_mobilisation=(
                "se-presenter",
                "telephoner",
                "envoyer-un-courriel",
                "utiliser-lien-mobilisation",
            ),
            mobilisation_precisions=_sized(words, 500),
            mobilisation_link="https://example.fr/" + "a" * 480,
            access_conditions=_sized(words, 2000),
        ),
        reason=_sized(words, 300),
        barriers=tuple(f"Frein {words}" for _ in range(10)),
    )


def anonymous_slip() -> SlipData:
    """A contact who shares nothing: the partner calls nobody, the person goes there."""
    base = realistic_slip()
    return replace(
        base,
        beneficiary=Beneficiary(),
        reason=None,
        barriers=(),
        next_step=NextStep(kind=NextStepKind.BENEFICIARY_CALLS),
        shared_with_partner=frozenset(),
    )
