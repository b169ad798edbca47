"""The partner directory: data·inclusion imports (JSON and CSV, v1 and v0 names) with their report,
idempotent re-imports, who may edit, editing rules, and the picker's search."""

from __future__ import annotations

import csv
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mediateur.services.errors import ValidationFailed
from mediateur.services.partners import (
    DirectoryFileError,
    DirectoryImportRejected,
    DirectoryQuery,
    DirectoryReadOnly,
    PartnerInput,
    ServiceInput,
    create_partner,
    create_service,
    directory_categories,
    directory_communes,
    directory_editable,
    get_partner,
    get_service,
    import_directory,
    list_directory,
    partner_record_id,
    read_directory_file,
    sample_directory,
    search_directory,
    service_record_id,
    update_partner,
)
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from tests.services.helpers import count_rows, outbox_entries

TODAY = date(2026, 3, 16)


def structure(di_id: str = "dora--42", **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "source": di_id.split("--")[0],
        "id": di_id,
        "nom": "Association Emploi Bastide",
        "date_maj": "2026-02-01",
        "adresse": "12 rue de la Benauge",
        "code_postal": "33100",
        "commune": "Bordeaux",
        "code_insee": "33063",
        "telephone": "+33 5 36 49 12 34",
        "courriel": "Accueil@Exemple.FR",
        "horaires_accueil": "Mo-Fr 09:00-12:00",
        "reseaux_porteurs": ["plie"],
    }
    values.update(fields)
    return values


def offer(di_id: str = "dora--s1", structure_id: str = "dora--42", **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "source": di_id.split("--")[0],
        "structure_id": structure_id,
        "id": di_id,
        "nom": "Aide au permis de conduire",
        "description": "Préparation du code et de la conduite.",
        "date_maj": "2026-02-01",
        "thematiques": ["mobilite--preparer-un-permis"],
        "modes_mobilisation": ["telephoner", "se-presenter"],
        "conditions_acces": "Pièce d'identité et justificatif de domicile.",
        "commune": "Bordeaux",
    }
    values.update(fields)
    return values


def write_json(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, Any]], *, encoding: str = "utf-8") -> Path:
    headers = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            cells = []
            for key in headers:
                value = row.get(key)
                cells.append(json.dumps(value) if isinstance(value, list) else value or "")
            writer.writerow(cells)
    return path


def run_import(vault: Vault, path: Path, **kw: Any):  # type: ignore[no-untyped-def]
    with vault.unit_of_work() as uow:
        return import_directory(uow=uow, items=read_directory_file(path), today=TODAY, **kw)


def test_sample_directory_imports_and_reimports_unchanged(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        first = import_directory(uow=uow, items=sample_directory(), today=TODAY)
    assert (first.partners.created, first.services.created) == (12, 14)
    assert not first.rejected
    assert not first.ignored_fields
    pending = len(outbox_entries(vault))
    with vault.unit_of_work() as uow:
        again = import_directory(uow=uow, items=sample_directory(), today=TODAY)
    assert (again.partners.unchanged, again.services.unchanged) == (12, 14)
    assert (again.partners.created, again.partners.updated) == (0, 0)
    assert len(outbox_entries(vault)) == pending, "an unchanged re-import writes nothing"
    with vault.session() as session:
        plie = get_partner(session, partner_record_id("demo--plie"))
        permis = get_service(session, service_record_id("demo--auto-ecole--permis"))
    assert plie.id == str(uuid.uuid5(uuid.NAMESPACE_URL, "mediateur:partner:demo--plie"))
    assert plie.telephone is not None
    assert plie.telephone.startswith("05 36 49")
    assert plie.courriel is not None
    assert plie.courriel.endswith("@exemple.fr")
    assert permis.structure_id == partner_record_id("demo--auto-ecole")
    assert "mobilite--preparer-un-permis" in permis.thematiques


def test_two_laptops_importing_the_same_export_get_the_same_records(
    vault_factory: Any, tmp_path: Path
) -> None:
    path = write_json(tmp_path / "export.json", [structure(), offer()])
    ids = []
    for name in ("a", "b"):
        laptop = vault_factory.open(tmp_path / name)
        try:
            run_import(laptop, path)
            with laptop.session() as session:
                ids.append(sorted(e.key for e in list_directory(session)))
        finally:
            laptop.lock()
    assert ids[0] == ids[1] == [service_record_id("dora--s1")]


def test_json_api_page_and_search_results(vault: Vault, tmp_path: Path) -> None:
    run_import(vault, write_json(tmp_path / "structures.json", {"items": [structure()]}))
    search = {
        "items": [
            {
                "service": {
                    **offer("dora--s2", "dora--77"),
                    "structure": structure("dora--77", nom="CCAS"),
                }
            },
            {"service": offer("dora--s3", nom="Atelier CV", thematiques=[]), "distance": 2},
        ]
    }
    report = run_import(vault, write_json(tmp_path / "search.json", search))
    assert report.partners.created == 1  # the nested structure of the first result
    assert report.services.created == 2
    with vault.session() as session:
        nested = get_service(session, service_record_id("dora--s2"))
        partner = get_partner(session, partner_record_id("dora--42"))
    assert nested.structure_id == partner_record_id("dora--77")
    assert partner.telephone == "05 36 49 12 34"  # E.164 read as a French number
    assert partner.courriel == "Accueil@exemple.fr"


def test_csv_exports_with_v1_names(vault: Vault, tmp_path: Path) -> None:
    structures = write_csv(tmp_path / "structures.csv", [structure(), structure("dora--43")])
    services = write_csv(tmp_path / "services.csv", [offer(), offer("dora--s9", "dora--43")])
    assert run_import(vault, structures).partners.created == 2
    report = run_import(vault, services)
    assert report.services.created == 2
    with vault.session() as session:
        found = get_service(session, service_record_id("dora--s9"))
        partner = get_partner(session, partner_record_id("dora--43"))
    assert found.structure_id == partner_record_id("dora--43")
    assert found.modes_mobilisation == ("telephoner", "se-presenter")
    assert partner.reseaux_porteurs == ("plie",)
    assert partner.date_maj == date(2026, 2, 1)


def test_csv_with_v0_names_and_windows_encoding(vault: Vault, tmp_path: Path) -> None:
    old_structure = {
        "id": "soliguide--8",
        "nom": "Épicerie solidaire de Cenon",
        "presentation_detail": "Épicerie solidaire et ateliers cuisine.",
        "horaires_ouverture": "Tu,Th 14:00-17:00",
        "labels_nationaux": "restos-du-coeur,secours-populaire",
        "commune": "Cenon",
        "code_postal": "33150",
        "latitude": "44.85",
    }
    old_service = {
        "id": "soliguide--8--epicerie",
        "structure_id": "soliguide--8",
        "nom": "Épicerie solidaire",
        "presentation_resume": "Produits à petit prix.",
        "types": "aide-materielle",
        "frais": '["gratuit-sous-conditions"]',
        "profils": "familles-enfants;beneficiaires-rsa",
        "pre_requis": "Orientation par un travailleur social",
        "justificatifs": "Avis d'imposition, justificatif de domicile",
        "modes_orientation_accompagnateur": "envoyer-un-mail,telephoner",
        "modes_orientation_beneficiaire": "se-presenter",
        "zone_diffusion_code": "33119",
        "zone_diffusion_type": "commune",
        "page_web": "https://epicerie.exemple.fr",
        "contact_nom": "Durand",
        "contact_prenom": "Claire",
        "recurrence": "Tu 14:00-17:00",
        "thematiques": "equipement-et-alimentation--alimentation",
    }
    run_import(vault, write_csv(tmp_path / "s.csv", [old_structure], encoding="cp1252"))
    report = run_import(vault, write_csv(tmp_path / "v.csv", [old_service], encoding="cp1252"))
    assert report.services.created == 1
    with vault.session() as session:
        partner = get_partner(session, partner_record_id("soliguide--8"))
        found = get_service(session, service_record_id("soliguide--8--epicerie"))
    assert partner.nom == "Épicerie solidaire de Cenon"
    assert partner.description == "Épicerie solidaire et ateliers cuisine."
    assert partner.horaires_accueil == "Tu,Th 14:00-17:00"
    assert partner.reseaux_porteurs == ("restos-du-coeur", "secours-populaire")
    assert partner.source == "soliguide"
    assert found.description == "Produits à petit prix."
    assert found.type == "aide-materielle"
    assert found.frais == "gratuit"
    assert found.publics == ("familles-enfants", "beneficiaires-rsa")
    assert found.conditions_acces == (
        "Prérequis : Orientation par un travailleur social. "
        "Justificatifs : Avis d'imposition, justificatif de domicile."
    )
    assert found.modes_mobilisation == ("envoyer-un-courriel", "telephoner", "se-presenter")
    assert found.mobilisable_par == ("professionnels", "usagers")
    assert found.zone_eligibilite == ("33119",)
    assert found.lien_mobilisation == "https://epicerie.exemple.fr"
    assert found.contact_nom_prenom == "Claire Durand"
    assert found.horaires_accueil == "Tu 14:00-17:00"


def test_a_changed_item_updates_only_what_changed(vault: Vault, tmp_path: Path) -> None:
    run_import(vault, write_json(tmp_path / "a.json", [structure(), offer()]))
    before = len(outbox_entries(vault))
    changed = [structure(telephone="05 36 49 99 99"), offer()]
    report = run_import(vault, write_json(tmp_path / "b.json", changed))
    assert (report.partners.updated, report.services.unchanged) == (1, 1)
    entries = outbox_entries(vault)[before:]
    assert [(e["entity"], set(e["fields"])) for e in entries] == [("partner", {"telephone"})]


def test_invalid_items_reject_the_whole_import_with_reasons(vault: Vault, tmp_path: Path) -> None:
    doc = {
        "structures": [
            structure("dora--1"),
            structure("dora--2", courriel="pas-une-adresse", code_postal="331"),
            structure("dora--1", nom="Doublon"),
            structure("", nom="Sans identifiant"),
            structure("dora--3", nom=None),
        ],
        "services": [
            offer("dora--s1", "dora--1", thematiques=["cuisine--gateaux"]),
            offer("dora--s2", "dora--inconnue"),
            offer("dora--s3", "dora--1", modes_mobilisation=["pigeon-voyageur"]),
            offer("dora--s4", "dora--1", lien_mobilisation="www.exemple.fr"),
            offer("dora--s5", "dora--1"),
        ],
    }
    path = write_json(tmp_path / "bad.json", doc)
    with pytest.raises(DirectoryImportRejected) as caught:
        run_import(vault, path)
    text = str(caught.value)
    assert text.startswith(
        "Import de l'annuaire annulé, rien n'a été importé : 8 élément(s) invalide(s) sur 10."
    )
    assert (
        "structures, élément 2 (id dora--2) : code postal : code postal à 5 chiffres attendu ; "
        "courriel : adresse de courriel invalide." in text
    )
    assert (
        "structures, élément 3 (id dora--1) : identifiant déjà présent (structures, élément 1)."
        in text
    )
    assert "structures, élément 4 : identifiant data·inclusion (« id ») manquant." in text
    assert "structures, élément 5 (id dora--3) : nom manquant." in text
    assert "thématique « cuisine--gateaux » inconnue de data·inclusion" in text
    assert "structure « dora--inconnue » absente du fichier et de l'annuaire." in text
    assert "mode « pigeon-voyageur » inconnu" in text
    assert "lien de mobilisation : adresse web attendue" in text
    assert "pas-une-adresse" not in text, "a refused value is not repeated"
    assert count_rows(vault, "partner") == count_rows(vault, "service") == 0
    assert outbox_entries(vault) == []

    report = run_import(vault, path, skip_invalid=True)
    assert report.has_warnings
    assert (report.partners.created, report.services.created) == (1, 1)
    assert [p.where for p in report.rejected][:2] == [
        "structures, élément 2",
        "structures, élément 3",
    ]
    assert len(report.rejected) == 8


def test_csv_problems_name_the_line(vault: Vault, tmp_path: Path) -> None:
    rows = [structure("dora--1"), structure("dora--2", date_maj="2027-01-01")]
    with pytest.raises(DirectoryImportRejected) as caught:
        run_import(vault, write_csv(tmp_path / "s.csv", rows))
    assert "ligne 3 (id dora--2) : date_maj : la date de mise à jour est dans le futur." in str(
        caught.value
    )


def test_unreadable_files_are_explained(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(DirectoryFileError, match="JSON illisible ligne 1"):
        read_directory_file(bad)
    with pytest.raises(DirectoryFileError, match="non pris en charge"):
        read_directory_file(tmp_path / "annuaire.xml")
    with pytest.raises(DirectoryFileError, match="Fichier introuvable"):
        read_directory_file(tmp_path / "absent.json")
    with pytest.raises(DirectoryFileError, match="liste de structures ou de services"):
        read_directory_file(write_json(tmp_path / "x.json", {"nom": "x"}))


def test_a_partner_removed_here_is_not_brought_back(vault: Vault, tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", [structure()])
    run_import(vault, path)
    with vault.unit_of_work() as uow:
        uow.delete("partner", partner_record_id("dora--42"))
    report = run_import(vault, path)
    assert report.partners.total == 0
    assert [str(p) for p in report.withdrawn] == [
        "élément 1 (id dora--42) : retiré de l'annuaire de ce profil, non réimporté."
    ]
    assert count_rows(vault, "partner") == 0


@pytest.mark.parametrize(
    ("role", "user_id", "editable"),
    [
        (None, None, True),  # never logged in: used standalone
        ("manager", "u1", True),
        ("mediator", "u1", False),
        ("admin", "u1", False),
        (None, "u1", False),
    ],
)
def test_who_may_edit_the_directory(
    vault: Vault, tmp_path: Path, role: str | None, user_id: str | None, editable: bool
) -> None:
    with vault.unit_of_work() as uow:
        local_state.put(uow.session, local_state.ROLE, role)
        local_state.put(uow.session, local_state.USER_ID, user_id)
    with vault.session() as session:
        assert directory_editable(session) is editable
    path = write_json(tmp_path / "a.json", [structure()])
    if editable:
        assert run_import(vault, path).partners.created == 1
        return
    with pytest.raises(DirectoryReadOnly, match="Seuls les responsables"):
        run_import(vault, path)
    with pytest.raises(DirectoryReadOnly), vault.unit_of_work() as uow:
        create_partner(uow=uow, data=PartnerInput(nom="Nouvelle structure"))
    assert count_rows(vault, "partner") == 0


def test_editing_validates_like_the_import(vault: Vault) -> None:
    with pytest.raises(ValidationFailed) as caught, vault.unit_of_work() as uow:
        create_partner(
            uow=uow, data=PartnerInput(nom="AB", courriel="faux", code_postal="3310", site_web="x")
        )
    assert caught.value.messages() == {
        "nom": "3 caractères au moins.",
        "courriel": "adresse de courriel invalide.",
        "code_postal": "code postal à 5 chiffres attendu.",
        "site_web": "adresse web attendue, commençant par http:// ou https://.",
    }
    with vault.unit_of_work() as uow:
        pid = create_partner(
            uow=uow,
            data=PartnerInput(nom="  Régie   de quartier ", telephone="0536491234"),
        )
        sid = create_service(
            uow=uow,
            data=ServiceInput(
                structure_id=pid,
                nom="Chantier école",
                thematiques=("trouver-un-emploi--maintien-dans-lemploi",),
                modes_mobilisation=("telephoner",),
            ),
        )
    with vault.unit_of_work() as uow:
        changed = update_partner(
            uow=uow, partner_id=pid, data=PartnerInput(nom="Régie de quartier", commune="Cenon")
        )
    assert changed == ("commune", "telephone")  # the form is the whole state
    with vault.session() as session:
        created = get_partner(session, pid)
        found = get_service(session, sid)
    assert (created.nom, created.telephone, created.source) == (
        "Régie de quartier",
        None,
        "mediateur",
    )
    assert found.structure_id == pid
    with pytest.raises(ValidationFailed, match="thématique"), vault.unit_of_work() as uow:
        create_service(
            uow=uow, data=ServiceInput(structure_id=pid, nom="Inconnu", thematiques=("x--y",))
        )


@pytest.fixture
def directory(vault: Vault, tmp_path: Path) -> Vault:
    with vault.unit_of_work() as uow:
        import_directory(uow=uow, items=sample_directory(), today=TODAY)
        create_partner(
            uow=uow, data=PartnerInput(nom="Régie de quartier Carriet", commune="Lormont")
        )
    return vault


def names(entries: list[Any]) -> list[str]:
    return [e.service.nom if e.service else e.partner.nom for e in entries]


def test_picker_search(directory: Vault) -> None:
    with directory.session() as session:
        everything = list_directory(session)

        def search(**kw: Any) -> list[str]:
            return names(search_directory(session, DirectoryQuery(**kw)))

        assert len(everything) == 15  # 14 services and a partner without any
        # A word in a name ranks the entry before one that has it elsewhere only.
        assert search(text="PERMIS") == [
            "Permis B à pédagogie adaptée",
            "Diagnostic mobilité et location solidaire",
        ]
        assert search(text="auto ecole") == ["Permis B à pédagogie adaptée"]
        assert search(text="Régie") == ["Régie de quartier Carriet"]
        assert search(text="mobilité", commune="floirac") == [
            "Diagnostic mobilité et location solidaire"
        ]
        assert set(search(thematique="mobilite")) == {
            "Diagnostic mobilité et location solidaire",
            "Permis B à pédagogie adaptée",
        }
        assert search(thematique="mobilite--preparer-un-permis") == ["Permis B à pédagogie adaptée"]
        assert search(text="jeune") == [
            "Contrat d'engagement jeune",
            "Accompagnement des 16-25 ans vers l'emploi",
        ]
        assert search(text="33530") == ["Aides d'urgence et accompagnement budgétaire"]
        assert search(text="introuvable xyz") == []
        assert directory_communes(everything) == [
            "Bassens",
            "Bordeaux",
            "Cenon",
            "Floirac",
            "Lormont",
        ]
        assert directory_categories(everything)[:2] == [
            "choisir-un-metier",
            "difficultes-administratives-ou-juridiques",
        ]
