"""Two laptops, two accounts of one organisation, through the real command lines: a cohort
imported on one reaches the other, and both report the same indicators."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import Deployment, mediateur
from tests.reports import known_cohort

pytestmark = pytest.mark.slow


def test_a_cohort_imported_on_one_laptop_gives_the_same_stats_on_the_other(
    deployment: Deployment,
    profile,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    deployment.add_user("amina")
    deployment.add_user("bruno")
    first, second = profile(deployment, "amina"), profile(deployment, "bruno")
    cohort = known_cohort.write(tmp_path / "cohorte.csv")
    done = mediateur("import", str(cohort), "--profile", str(first))
    assert done.returncode == 0, done.stderr

    outputs = []
    for directory in (first, second):
        done = mediateur("sync", "--profile", str(directory))
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    sent = int(re.search(r"(\d+) envoyé\(s\)", outputs[0]).group(1))  # type: ignore[union-attr]
    assert sent >= 97  # every person, and the exits recorded after their intake
    assert "0 envoyé(s), 97 reçu(s)" in outputs[1]

    stats = [
        json.loads(mediateur("stats", "--json", "--profile", str(d)).stdout)
        for d in (first, second)
    ]
    assert stats[0] == stats[1]
    assert stats[0]["cohort"]["received"] == 97

    for directory in (first, second):
        done = mediateur("sync", "--profile", str(directory))
        assert done.returncode == 0, done.stderr
        assert "0 envoyé(s), 0 reçu(s), 0 conflit(s), 0 rejet(s)" in done.stdout
