"""French wording of the slips: dates in Europe/Paris, typography, opening hours, next steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from mediateur.slips import NextStep, NextStepKind, Shared, describe_opening_hours
from mediateur.slips.french import format_date, format_datetime, join_words, typography
from mediateur.slips.opening_hours import french_opening_hours
from mediateur.slips.wording import (
    beneficiary_next_step,
    mobilisation_modes,
    partner_next_step,
    shared_summary,
)
from tests.slips.samples import anonymous_slip, realistic_slip

NB = "\u00a0"


def plain(text: str) -> str:
    return text.replace(NB, " ")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Winter: Paris is UTC+1.
        (datetime(2026, 12, 3, 13, 30, tzinfo=UTC), "jeudi 3 décembre 2026 à 14 h 30"),
        # Summer: UTC+2, and whole hours drop the minutes.
        (datetime(2026, 7, 1, 12, 0, tzinfo=UTC), "mercredi 1er juillet 2026 à 14 h"),
        # Late evening UTC is already the next day in Paris.
        (datetime(2026, 2, 28, 23, 5, tzinfo=UTC), "dimanche 1er mars 2026 à 0 h 05"),
    ],
)
def test_datetimes_read_as_french_letters_write_them(moment: datetime, expected: str) -> None:
    assert plain(format_datetime(moment)) == expected


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="fuseau"):
        format_datetime(datetime(2026, 12, 3, 14, 30))


def test_dates_and_lists() -> None:
    assert format_date(date(2026, 8, 15)) == "samedi 15 août 2026"
    assert format_date(date(2026, 8, 1), weekday=False) == "1er août 2026"
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a et b"
    assert join_words(["a", "b", "c"], "ou") == "a, b ou c"


def test_typography_keeps_addresses_exact() -> None:
    text = "Motif : l'emploi ; « vite » ! Écrire à o'neil@example.fr ou https://x.fr/a?b=c'd"
    result = typography(text)
    assert result == (
        f"Motif{NB}: l’emploi{NB}; «{NB}vite{NB}»{NB}! Écrire à o'neil@example.fr "
        "ou https://x.fr/a?b=c'd"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mo-Fr 08:30-12:30", "du lundi au vendredi, 8 h 30 – 12 h 30"),
        (
            "Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off",
            "du lundi au vendredi, 8 h 30 – 12 h 30 et 13 h 30 – 17 h ; le samedi, 9 h – 12 h ;"
            " fermé les jours fériés",
        ),
        ("Mo,We,Fr 09:00-12:00", "le lundi, le mercredi et le vendredi, 9 h – 12 h"),
        (
            "Mo-Tu 10:00-11:00, Th 14:00-16:30",
            "le lundi et le mardi, 10 h – 11 h ; le jeudi, 14 h – 16 h 30",
        ),
        ("Mo-We,Fr 09:00-17:00", "du lundi au mercredi et le vendredi, 9 h – 17 h"),
        ('Tu 09:00-12:00 "sur rendez-vous"', "le mardi, 9 h – 12 h (sur rendez-vous)"),
        ("Mo-Su 07:00-21:00", "tous les jours, 7 h – 21 h"),
        ("08:00-18:00", "tous les jours, 8 h – 18 h"),
        ("24/7", "tous les jours, 24 h sur 24"),
        ("Sa off", "fermé le samedi"),
        ("PH,SH off", "fermé les jours fériés et pendant les vacances scolaires"),
        ("mo-fr 9:00-12:00", "du lundi au vendredi, 9 h – 12 h"),
    ],
)
def test_opening_hours_in_french(raw: str, expected: str) -> None:
    assert plain(describe_opening_hours(raw)) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Jan-Mar Mo 10:00-12:00",
        'Mo-Fr 09:00-12:00 || "par téléphone"',
        "sur rendez-vous uniquement",
        "Mo[1] 10:00-12:00",
        "sunrise-sunset",
    ],
)
def test_unreadable_hours_are_shown_as_written(raw: str) -> None:
    assert french_opening_hours(raw) is None
    assert describe_opening_hours(f"  {raw} ") == raw


def test_time_spans_never_break_inside() -> None:
    text = describe_opening_hours("Mo 08:30-12:30")
    assert text.endswith(f"8{NB}h{NB}30{NB}–{NB}12{NB}h{NB}30")


def test_mobilisation_modes_speak_to_the_person() -> None:
    assert plain(mobilisation_modes(("se-presenter", "telephoner")) or "") == (
        "Pour prendre contact : vous présenter sur place ou téléphoner."
    )
    # v0 and v1 spellings of the same mode are said once; unknown ones are still readable.
    assert plain(
        mobilisation_modes(("envoyer-un-mail", "envoyer-un-courriel", "passer-par-la-caf")) or ""
    ) == ("Pour prendre contact : envoyer un courriel ou passer par la caf.")
    assert mobilisation_modes(()) is None


def test_next_step_for_each_copy() -> None:
    slip = realistic_slip()
    heading, sentence = beneficiary_next_step(slip)
    assert (heading, plain(sentence)) == ("Votre rendez-vous", "Jeudi 3 décembre 2026 à 14 h 30")
    assert plain(partner_next_step(slip)) == "Rendez-vous fixé le jeudi 3 décembre 2026 à 14 h 30."

    calls = replace(slip, next_step=NextStep(kind=NextStepKind.BENEFICIARY_CALLS))
    assert plain(beneficiary_next_step(calls)[1]) == "Appelez le partenaire au 05 56 00 11 22."
    assert partner_next_step(calls) == "La personne vous contactera."
    no_phone = replace(calls, destination=replace(slip.destination, phone=None))
    assert beneficiary_next_step(no_phone)[1] == (
        "Prenez contact avec le partenaire (coordonnées ci-contre)."
    )

    waits = replace(slip, next_step=NextStep(kind=NextStepKind.PARTNER_CALLS))
    assert "Le partenaire vous contactera" in beneficiary_next_step(waits)[1]
    assert partner_next_step(waits) == "Merci de contacter la personne."
    unreachable = replace(waits, shared_with_partner=frozenset({Shared.LAST_NAME}))
    assert "n’ont pas été transmises" in typography(partner_next_step(unreachable))


def test_shared_summary_tells_the_person_what_the_partner_gets() -> None:
    slip = realistic_slip()
    some = replace(slip, shared_with_partner=frozenset({Shared.PHONE, Shared.LAST_NAME}))
    assert plain(shared_summary(some)) == (
        "Informations vous concernant transmises au partenaire : nom et téléphone."
    )
    assert "Aucune information personnelle" in shared_summary(anonymous_slip())
