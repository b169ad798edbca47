"""argparse speaking French: usage, help and error messages of `mediateur-server`.

The laptop CLI has the same translations (`mediateur.cli.french_argparse`); the server keeps its
own copy because it imports nothing from the laptop's core but `domain` and `sync`.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_FRENCH = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
}


def _translate(message: str) -> str:
    return _FRENCH.get(message, message)


# argparse looks its messages up through the module-level gettext alias.
argparse._ = _translate  # type: ignore[attr-defined]


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")
