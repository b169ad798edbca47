"""The Synchronisation screen's read model on a real vault: records described as the user knows
them, wire values shown as the forms show them, and the overview of the account and counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert, select

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.values import format_datetime, now_utc
from mediateur.services.sync_inbox import (
    DELETED_ON_SERVER,
    EMPTY,
    describe_record,
    lost_values,
    read_overview,
    refused_edits,
    show_value,
)
from mediateur.store.schema import conflict_inbox, directory_user, outbox
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.sync.outbox import move_to_dead_letters

MOMENT = datetime(2026, 3, 12, 13, 5, tzinfo=UTC)  # 14:05 in Paris


def _records(vault: Vault) -> dict[str, str]:
    with vault.unit_of_work() as uow:
        person = uow.create(
            "beneficiary",
            {"last_name": "Traoré", "first_name": "Aminata", "intake_date": date(2026, 3, 1)},
        )
        event = uow.create(
            "event",
            {"kind": "forum", "title": "Forum de l'emploi", "starts_at": MOMENT},
        )
        return {
            "person": person,
            "event": event,
            "contact": uow.create(
                "contact",
                {
                    "occurred_at": MOMENT,
                    "channel": "evenement",
                    "outcome": "orientation",
                    "beneficiary_id": person,
                    "event_id": event,
                },
            ),
            "anonymous": uow.create(
                "contact",
                {"occurred_at": MOMENT, "channel": "pied_immeuble", "outcome": "information"},
            ),
            "follow_up": uow.create(
                "follow_up",
                {"beneficiary_id": person, "occurred_at": MOMENT, "kind": "entretien"},
            ),
            "partner": uow.create("partner", {"nom": "Atelier vélo solidaire"}),
        }


def test_records_are_described_as_the_user_knows_them(vault: Vault) -> None:
    ids = _records(vault)
    with vault.session() as session:
        described = {name: describe_record(session, _entity(name), ids[name]) for name in ids}
        missing = describe_record(session, "contact", "0190f5d2-0000-7000-8000-000000000000")
        from_edit = describe_record(
            session,
            "partner",
            "0190f5d2-0000-7000-8000-000000000001",
            {"nom": "Garage associatif", "unknown": 1},
        )
    assert described == {
        "person": "Bénéficiaire TRAORÉ Aminata",
        "event": "Événement « Forum de l'emploi » du 12/03/2026 à 14:05",
        "contact": "Contact du 12/03/2026 à 14:05 — TRAORÉ Aminata",
        "anonymous": "Contact du 12/03/2026 à 14:05",
        "follow_up": "Suivi du 12/03/2026 à 14:05 — TRAORÉ Aminata",
        "partner": "Partenaire « Atelier vélo solidaire »",
    }
    assert missing == "Contact (fiche absente de ce poste)"
    assert from_edit == "Partenaire « Garage associatif »"  # no longer here: its refused values


def _entity(name: str) -> str:
    return {"person": "beneficiary", "anonymous": "contact"}.get(name, name)


def test_values_are_shown_as_the_forms_show_them(vault: Vault) -> None:
    ids = _records(vault)
    contact, beneficiary = ENTITIES["contact"], ENTITIES["beneficiary"]
    with vault.write_session() as session, session.begin():
        session.execute(
            insert(directory_user).values(
                id="0190f5d2-0000-7000-8000-0000000000aa",
                display_name="Chloé Roux",
                organisation_id="0190f5d2-0000-7000-8000-0000000000bb",
                role="manager",
            )
        )
    with vault.session() as session:
        shown = {
            "code": show_value(session, beneficiary.field("qpv"), "genicart_est"),
            "codes": show_value(session, contact.field("themes"), ["mobilite", "sante"]),
            "map": show_value(session, beneficiary.field("barriers"), {"mobilite": "fort"}),
            "date": show_value(session, beneficiary.field("birth_date"), "1996-07-03"),
            "moment": show_value(session, contact.field("occurred_at"), format_datetime(MOMENT)),
            "bool": show_value(session, beneficiary.field("sharing_agreed"), False),
            "event": show_value(session, contact.field("event_id"), ids["event"]),
            "user": show_value(
                session, contact.field("reviewed_by"), "0190f5d2-0000-7000-8000-0000000000aa"
            ),
            "gone": show_value(
                session, contact.field("event_id"), "0190f5d2-0000-7000-8000-0000000000cc"
            ),
            "empty": show_value(session, contact.field("note"), None),
            "unreadable": show_value(session, beneficiary.field("birth_date"), "31/02/1996"),
        }
    assert shown == {
        "code": "Génicart Est",
        "codes": "Mobilité, Santé",
        "map": "Mobilité (fort)",
        "date": "03/07/1996",
        "moment": "12/03/2026 14:05",
        "bool": "non",
        "event": "Événement « Forum de l'emploi » du 12/03/2026 à 14:05",
        "user": "Chloé Roux",
        "gone": "fiche absente de ce poste",
        "empty": EMPTY,
        "unreadable": "31/02/1996",
    }


def test_refused_edits_and_lost_values_with_the_overview(vault: Vault) -> None:
    ids = _records(vault)
    with vault.write_session() as session, session.begin():
        mutation = session.scalar(
            select(outbox.c.mutation_id).where(outbox.c.row_id == ids["partner"])
        )
        assert mutation is not None
        move_to_dead_letters(session, [mutation], "Seuls les responsables modifient l'annuaire.")
        received = now_utc()
        session.execute(
            insert(conflict_inbox),
            [
                {
                    "entity": "beneficiary",
                    "row_id": ids["person"],
                    "field": "qpv",
                    "your_value": "carriet",
                    "server_value": "jean_jaures",
                    "kept": "server",
                    "reason": "concurrent",
                    "received_at": received,
                },
                {
                    "entity": "contact",
                    "row_id": ids["anonymous"],
                    "field": "note",
                    "your_value": "Revoir mardi",
                    "server_value": None,
                    "kept": "server",
                    "reason": "deleted",
                    "received_at": received,
                },
            ],
        )
        for key, value in (
            (local_state.SERVER_URL, "https://serveur.exemple.fr"),
            (local_state.USERNAME, "amina"),
            (local_state.DISPLAY_NAME, "Amina Diallo"),
            (local_state.ROLE, "mediator"),
            (local_state.CLOCK_WARNING, "1"),
        ):
            local_state.put(session, key, value)
    with vault.session() as session:
        refused = refused_edits(session)
        lost = {value.field: value for value in lost_values(session)}
        overview = read_overview(session)
    assert [(r.record, r.operation, r.reason) for r in refused] == [
        (
            "Partenaire « Atelier vélo solidaire »",
            "création ou modification",
            "Seuls les responsables modifient l'annuaire.",
        )
    ]
    qpv, note = lost["QPV"], lost["Note"]
    assert (qpv.record, qpv.yours, qpv.kept, qpv.restorable) == (
        "Bénéficiaire TRAORÉ Aminata",
        "Carriet",
        "Jean Jaurès",
        True,
    )
    assert (note.yours, note.kept, note.restorable) == ("Revoir mardi", DELETED_ON_SERVER, False)
    assert overview.linked
    assert not overview.logged_in  # no token: the session must be opened again
    assert overview.role_label == "médiatrice ou médiateur"
    assert overview.last_sync_ok_at is None
    assert (overview.refused, overview.conflicts, overview.pending) == (1, 2, 5)
    assert overview.clock_warning
    assert not overview.client_too_old
