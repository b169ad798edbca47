"""Detection of French social security numbers (NIR), which mediateur must never store.

A NIR is 13 characters (sex, birth year, month, department, commune, order number) plus an optional
2-digit key equal to 97 - (number mod 97), Corsica's departments 2A/2B counting as 19/18. We refuse
any text containing a run that has this structure with a valid key, or the 13-character structure
alone when the sex digit and month are plausible; phone numbers (10 digits) never match.
"""

from __future__ import annotations

import re

# Separators people type inside a NIR: spaces, dots, dashes.
_SEP = r"[ .\-]?"
_NIR = re.compile(
    r"(?<![0-9A-Za-z])"
    rf"(?P<sex>[12378]){_SEP}(?P<year>\d\d){_SEP}(?P<month>0[1-9]|1[0-2]|[2-9]\d){_SEP}"
    rf"(?P<dept>\d\d|2[AaBb]){_SEP}(?P<commune>\d{{3}}){_SEP}(?P<order>\d{{3}})"
    rf"(?:{_SEP}(?P<key>\d\d))?"
    r"(?![0-9A-Za-z])"
)


def _numeric_value(match: re.Match[str]) -> int:
    dept = match["dept"].upper()
    dept_digits = {"2A": "19", "2B": "18"}.get(dept, dept)
    digits = match["sex"] + match["year"] + match["month"] + dept_digits
    return int(digits + match["commune"] + match["order"])


def contains_nir(text: str) -> bool:
    """True when `text` holds something that looks like a NIR."""
    for match in _NIR.finditer(text):
        key = match["key"]
        if key is None:
            return True
        if 97 - _numeric_value(match) % 97 == int(key):
            return True
    return False


NIR_MESSAGE = (
    "Ce champ semble contenir un numéro de sécurité sociale (NIR). mediateur ne doit jamais "
    "l'enregistrer : retirez-le."
)
