"""Reference data: the shipped lists say what DESIGN.md §2 says, and an invalid file is reported
precisely (file, item, problem) with nothing loaded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mediateur.domain.reference import (
    ReferenceDataError,
    fold,
    load_reference_data,
    reference_data,
)
from mediateur.paths import resource_path

RIVE_DROITE = {
    "avenir",
    "benauge_sellier_lagrange_beausite",
    "palmer_saraillere_8mai45_dravemont",
    "jean_jaures",
    "carriet",
    "genicart_est",
    "alpilles_vincennes_bois_fleuri",
}


def test_shipped_lists_match_the_design() -> None:
    ref = reference_data()
    qpv = ref["qpv"]
    assert {i.slug for i in qpv.items if i.extra["rive_droite"]} == RIVE_DROITE
    assert {"hors_qpv", "veille", "inconnu"} <= set(qpv.slugs)
    assert ref.qpv_communes("genicart_est") == ("Lormont",)
    freins = ref["freins"]
    assert freins.slugs == (
        "sante", "numerique", "mobilite", "precarite_financiere", "contraintes_familiales",
        "logement", "savoirs_de_base", "reseau_professionnel", "reconversion",
        "administratif_juridique",
    )  # fmt: skip
    assert all(item.extra["thematiques"] for item in freins.items)
    assert ref["intensities"].slugs == ("fort", "moyen", "sans_impact")
    assert set(ref["statuses"].slugs) == {
        "rsa", "ass", "aah", "are", "sans_ressources", "inscrit_ft", "rqth", "parent_isole",
        "neet", "deld", "detld",
    }  # fmt: skip
    assert ref["education_levels"].slugs == ("aucun", "1", "2", "3", "4", "5", "6", "7", "8")
    assert "emploi_durable" in ref["exit_reasons"]
    assert ref["referral_statuses"].meta["server_only_targets"] == ["expiree"]
    assert len(ref["refusal_reasons"].slugs) == 11


def test_labels_are_matched_folded() -> None:
    ref = reference_data()
    assert ref.match("qpv", "PALMER - saraillère – 8 Mai 45 – dravemont") == (
        "palmer_saraillere_8mai45_dravemont"
    )
    assert ref.match("qpv", "genicart_est") == "genicart_est"
    assert ref.match("statuses", "Allocataire du rsa") == "rsa"
    assert ref.match("qpv", "Mériadeck") is None
    assert fold("  Génicart-Est ") == "genicart est"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(resource_path("reference"), target)
    return target


def _edit(directory: Path, name: str, change: object) -> None:
    path = directory / f"{name}.json"
    doc = json.loads(path.read_text("utf-8"))
    change(doc)  # type: ignore[operator]
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


def test_a_duplicate_slug_is_reported_with_its_file_and_item(copy: Path) -> None:
    _edit(copy, "freins", lambda doc: doc["items"].append(dict(doc["items"][0])))
    with pytest.raises(ReferenceDataError) as failed:
        load_reference_data(copy)
    assert str(failed.value) == (
        "Données de référence invalides (freins.json) : élément 11 : le code « sante » est en "
        "double."
    )


def test_broken_json_missing_list_and_bad_transition_are_reported(copy: Path) -> None:
    (copy / "genders.json").write_text('{"version": 1, "list": ', "utf-8")
    with pytest.raises(ReferenceDataError, match=r"\(genders\.json\) : JSON illisible ligne 1"):
        load_reference_data(copy)
    (copy / "genders.json").unlink()
    with pytest.raises(ReferenceDataError, match="liste\\(s\\) absente\\(s\\) genders"):
        load_reference_data(copy)
    shutil.copy(resource_path("reference", "genders.json"), copy / "genders.json")
    _edit(copy, "referral_statuses", lambda doc: doc["transitions"]["emise"].append("perdue"))
    with pytest.raises(ReferenceDataError) as failed:
        load_reference_data(copy)
    assert str(failed.value) == (
        "Données de référence invalides (referral_statuses.json) : transition depuis « emise » "
        "vers un statut inconnu : perdue."
    )
