"""A cohort file built to match a known table: 97 people received, 19 on RSA, 36 under 25 (among
them people turning 25 the day after their intake, and one born on 29 February), 57 women, 4 of
unknown age and 3 of unknown gender, 8 exits. The expected `stats --json` is written by hand from
this construction, not computed by the code under test."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

HEADERS = (
    "nom", "prenom", "date_naissance", "genre", "code_postal", "commune", "qpv", "statuts",
    "date_entree", "date_sortie", "motif_sortie",
)  # fmt: skip

# QPV → (count, commune, postcode); "" is a person whose QPV is unknown.
QPV_PLAN = (
    ("genicart_est", 20, "Lormont", "33310"),
    ("carriet", 12, "Lormont", "33310"),
    ("alpilles_vincennes_bois_fleuri", 10, "Lormont", "33310"),
    ("palmer_saraillere_8mai45_dravemont", 15, "Cenon", "33150"),
    ("jean_jaures", 9, "Floirac", "33270"),
    ("benauge_sellier_lagrange_beausite", 14, "Bordeaux", "33100"),
    ("avenir", 8, "Bassens", "33530"),
    ("hors_qpv", 6, "Talence", "33400"),
    ("", 3, "", ""),
)
EXITS = {
    **dict.fromkeys(range(10, 15), "emploi_durable"),
    **dict.fromkeys((15, 16), "formation_qualifiante"),
    17: "abandon",
}
FIRST_INTAKE = date(2025, 1, 6)

EXPECTED = {
    "cohort": {
        "received": 97,
        "pct_rsa": 19.6,  # 19 / 97 = 19.59 %
        "pct_under_25": 37.1,  # 36 / 97 = 37.11 %
        "pct_women": 58.8,  # 57 / 97 = 58.76 %
        "by_qpv": {
            "avenir": 8,
            "benauge_sellier_lagrange_beausite": 14,
            "palmer_saraillere_8mai45_dravemont": 15,
            "jean_jaures": 9,
            "carriet": 12,
            "genicart_est": 20,
            "alpilles_vincennes_bois_fleuri": 10,
            "hors_qpv": 6,
            "inconnu": 3,
        },
        "exits": {"emploi_durable": 5, "formation_qualifiante": 2, "abandon": 1},
        "active": 89,
        "unknown": {"age": 4, "gender": 3},
    },
    "contacts": {"total": 0, "by_qpv": {}, "by_channel": {}, "by_outcome": {}, "by_month": {}},
    "referrals": {"total": 0, "by_status": {}},
}


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _birth_date(index: int, intake: date) -> date | None:
    if index in (0, 2):  # 25 on the intake day itself: not under 25
        return _years_before(intake, 25)
    if index in (1, 3):  # 25 the day after the intake: still 24
        return _years_before(intake, 25) + timedelta(days=1)
    if index == 4:  # born 29/02/2000, received 28/02/2025: 24 until 1 March
        return date(2000, 2, 29)
    if 5 <= index <= 37:
        return _years_before(intake, 20)
    if 90 <= index <= 93:
        return None
    return _years_before(intake, 40)


def _gender(index: int) -> str:
    if index < 57:
        return "F"
    if index < 93:
        return "M"
    return "X" if index == 93 else ""


def rows() -> list[list[str]]:
    qpv_of = [(q, commune, code) for q, n, commune, code in QPV_PLAN for _ in range(n)]
    assert len(qpv_of) == 97
    result = []
    for index in range(97):
        intake = date(2025, 2, 28) if index == 4 else FIRST_INTAKE + timedelta(days=3 * index)
        birth = _birth_date(index, intake)
        qpv, commune, postcode = qpv_of[index]
        rsa = index % 5 == 0 and index != 95
        exit_reason = EXITS.get(index, "")
        result.append(
            [
                f"Personne{chr(65 + index // 26)}{chr(65 + index % 26)}",
                "Camille",
                birth.strftime("%d/%m/%Y") if birth else "",
                _gender(index),
                postcode,
                commune,
                qpv,
                "rsa;inscrit_ft" if rsa else "inscrit_ft",
                intake.strftime("%d/%m/%Y"),
                (intake + timedelta(days=60)).strftime("%d/%m/%Y") if exit_reason else "",
                exit_reason,
            ]
        )
    return result


def write(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows())
    return path
