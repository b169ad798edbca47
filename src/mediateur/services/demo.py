"""A realistic, entirely synthetic programme for demonstrations and screenshots.

Generated in code from a seeded random source, on the fictional partner directory of
`resources/partners` (imported like a real data·inclusion export): the programme's collective
actions (pieds d'immeuble, Food & Job, forums, Start'Avenir, block party, rallye à vélo…) in the 7
Rive Droite QPV over eight months, about 300 contacts, about 100 cohort members with plausible
names, follow-ups, referrals in every status with their history, exits, and the slips of the
latest action still to print. Everything goes through the use cases, so the demo obeys the
same rules as real data. Phone numbers are in the ranges ARCEP reserves for fiction
(05 36 49…, 06 39 98…); e-mail domains are `exemple.fr`.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import update

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary, exit_cohort
from mediateur.services.contacts import (
    Contact,
    ContactFilter,
    ContactInput,
    enrol_contact,
    get_contact,
    list_contacts,
    record_contact,
)
from mediateur.services.context import DeviceContext
from mediateur.services.events import EventInput, create_event
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.partners import (
    import_directory,
    list_directory,
    sample_directory,
)
from mediateur.services.referrals import (
    ReferralInput,
    change_referral_status,
    create_referral,
    record_printing,
)
from mediateur.store.schema import referral
from mediateur.store.unit_of_work import UnitOfWork

DEFAULT_SEED = 2023
MONTHS = 8


@dataclass(frozen=True, slots=True)
class DemoSummary:
    partners: int
    events: int
    contacts: int
    beneficiaries: int
    follow_ups: int
    referrals: int
    exits: int


class _Offer(NamedTuple):
    partner_id: str
    service_id: str
    freins: tuple[str, ...]  # the freins the service addresses, by its thématiques


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(","))


_FEMALE = _words(
    "Aïcha, Amina, Camille, Chloé, Fatou, Inès, Julie, Karima, Laura, Léa, Lina, Manon, "
    "Mariam, Marie, Nadia, Naïma, Océane, Rokia, Sabrina, Samia, Sarah, Sonia, Sophie, "
    "Yasmine, Zineb, Aminata, Émilie, Hélène, Nathalie, Awa, Khadija, Élodie, Fatima, "
    "Mélissa, Jessica, Leïla"
)
_MALE = _words(
    "Adama, Ahmed, Alexandre, Bilal, Daniel, David, Enzo, Hugo, Ibrahim, Julien, Karim, "
    "Kevin, Lucas, Mamadou, Mehdi, Mohamed, Moussa, Nicolas, Omar, Rayan, Samir, Sébastien, "
    "Thomas, Yacine, Youssef, Jérôme, Anthony, Dylan, Issa, Nordine"
)
_LAST = _words(
    "Martin, Bernard, Diallo, Benali, Nguyen, Da Silva, Traoré, Moreau, Lefebvre, Haddad, "
    "Fernandes, Garcia, Camara, Koné, Mendy, Rousseau, Laurent, Girard, Bouzid, Cissé, "
    "Petit, Durand, Leroy, Mercier, Lambert, Fontaine, Chevalier, Robin, Ferreira, Gomes, "
    "Baldé, Sow, Mansour, Amrani, Belkacem, Yilmaz, Dupuis, Marchand, Renaud, Caron, "
    "Vincent, Barbier, N'Diaye, Le Gall, Lopez, Morel, Boyer, Ait Ali, Rodrigues, Sanchez"
)
_STREETS = (
    "rue des Iris",
    "avenue de la Marne",
    "rue Édouard Herriot",
    "allée des Tilleuls",
    "rue Jean Jaurès",
    "place du 8 Mai 1945",
    "rue des Écoles",
    "avenue Carnot",
    "résidence Les Pins",
    "rue Paul Éluard",
    "cours Victor Hugo",
    "rue du Stade",
)
_POSTCODES = {
    "Lormont": "33310",
    "Cenon": "33150",
    "Floirac": "33270",
    "Bassens": "33530",
    "Bordeaux": "33100",
}
_PLACES = {
    "avenir": "Place de l'Avenir, Bassens",
    "benauge_sellier_lagrange_beausite": "Square de la Benauge",
    "palmer_saraillere_8mai45_dravemont": "Parc Palmer",
    "jean_jaures": "Esplanade Jean Jaurès, Floirac",
    "carriet": "Place du Carriet",
    "genicart_est": "Place Aimé Césaire, Génicart",
    "alpilles_vincennes_bois_fleuri": "Centre commercial des Alpilles",
}
_PROJECTS = (
    "Trouver un emploi dans la logistique",
    "Devenir agent·e d'entretien, temps partiel d'abord",
    "Se former aux métiers de l'aide à la personne",
    "Passer le permis B pour élargir la recherche",
    "Reprendre une activité dans la restauration",
    "Créer une activité de couture",
    "Travailler dans la vente, horaires compatibles avec la garde des enfants",
    "Intégrer une formation qualifiante en électricité",
    "Retrouver un emploi dans le BTP",
)
_FOLLOW_UP_SUMMARIES = (
    "Point sur les démarches : CV mis à jour.",
    "Entretien de suivi, recherche ciblée sur trois offres.",
    "Présentation d'une formation ; la personne souhaite y réfléchir.",
    "Appel : rendez-vous partenaire honoré.",
    "Atelier collectif sur la préparation aux entretiens.",
    "Aide à la création de l'espace personnel en ligne.",
)
_NEXT_STEPS = (
    "Relancer après l'entretien d'embauche",
    "Vérifier l'inscription à la formation",
    "Point sur le dossier de permis",
    "Préparer la simulation d'entretien",
    "Faire le point avec le partenaire",
)
_REFERENTS = ("Nadia Ferhat", "Julie Marchand", "Awa Diop")
# Paths through the transition table, one per final status (expiry is the server's doing).
_PATHS: tuple[tuple[str, ...], ...] = (
    (),
    ("emise",),
    ("emise", "recue"),
    ("emise", "acceptee"),
    ("emise", "recue", "acceptee"),
    ("emise", "recue", "refusee"),
    ("emise", "expiree"),
    ("emise", "annulee"),
    ("emise", "acceptee", "honoree"),
    ("emise", "recue", "acceptee", "honoree"),
    ("emise", "acceptee", "absent"),
    ("emise", "acceptee", "excuse"),
    ("emise", "recue", "acceptee", "honoree", "cloturee"),
    ("emise", "refusee", "cloturee"),
    ("emise", "expiree", "acceptee"),
)
# What people agreed to pass on to the partner (civility is left out when the gender is not f/m).
_SHARING: tuple[tuple[str, ...], ...] = (
    ("civility", "last_name", "first_name", "phone", "contact_preference", "reason", "barriers"),
    ("civility", "last_name", "first_name", "phone", "contact_preference", "reason", "barriers"),
    ("civility", "last_name", "first_name", "phone", "reason"),
    ("last_name", "first_name"),
    (),
)
_EXIT_REASONS = (
    "emploi_durable",
    "emploi_durable",
    "emploi_durable",
    "emploi_durable",
    "emploi_durable",
    "emploi_court",
    "emploi_court",
    "emploi_court",
    "formation_qualifiante",
    "formation_qualifiante",
    "formation_qualifiante",
    "creation_entreprise",
    "demenagement",
    "abandon",
    "abandon",
    "autre",
)


class _Generator:
    def __init__(self, uow: UnitOfWork, context: DeviceContext, today: date, seed: int) -> None:
        self.uow = uow
        self.context = context
        self.today = today
        self.now = clock.now()
        self.rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not secrets
        self.ref = reference_data()
        self.rive_droite = [i.slug for i in self.ref["qpv"].items if i.extra.get("rive_droite")]
        self.start = today - timedelta(days=30 * MONTHS)
        self.names: set[tuple[str, str]] = set()
        self.offers: list[_Offer] = []
        self.partners: list[str] = []
        self.counts = dict.fromkeys(
            ("events", "contacts", "beneficiaries", "follow_ups", "referrals", "exits"), 0
        )

    # Helpers

    def moment(self, day: date, first_hour: int = 9, last_hour: int = 18) -> datetime:
        hour = self.rng.randint(first_hour, last_hour - 1)
        value = clock.at_paris(day, hour, self.rng.choice((0, 15, 30, 45)))
        return min(value, self.now - timedelta(minutes=self.rng.randint(5, 90)))

    def day_between(self, first: date, last: date) -> date:
        span = max((last - first).days, 0)
        return first + timedelta(days=self.rng.randint(0, span))

    def phone(self) -> str:
        return "06 39 98 " + " ".join(f"{self.rng.randint(0, 99):02d}" for _ in range(2))

    def pick_gender(self) -> str:
        return self.rng.choices(("f", "m", "x", "nr"), weights=(58, 38, 1, 3))[0]

    def person_name(self, gender: str) -> tuple[str, str]:
        while True:
            pool = _MALE if gender == "m" else _FEMALE if gender == "f" else _FEMALE + _MALE
            name = (self.rng.choice(_LAST), self.rng.choice(pool))
            if name not in self.names:
                self.names.add(name)
                return name

    # Directory

    def partners_and_services(self) -> None:
        """The fictional Rive Droite directory of resources/partners, imported like a real one."""
        import_directory(uow=self.uow, items=sample_directory(), today=self.today)
        freins = self.ref["freins"].items
        for entry in list_directory(self.uow.session):
            if entry.service is None:
                continue
            categories = set(entry.categories)
            addressed = tuple(f.slug for f in freins if categories & set(f.extra["thematiques"]))
            self.offers.append(_Offer(entry.partner.id, entry.service.id, addressed))
        self.partners = list(dict.fromkeys(offer.partner_id for offer in self.offers))

    # Field work

    def events(self) -> list[tuple[str, date, str, str]]:
        """(id, day, qpv, kind) of the programme's actions, oldest first."""
        plan = [
            ("pied_immeuble", "Pied d'immeuble emploi"),
            ("pied_immeuble", "Pied d'immeuble emploi"),
            ("pied_immeuble", "Pied d'immeuble emploi"),
            ("food_and_job", "Food & Job"),
            ("forum", "Forum emploi des Villes"),
            ("start_avenir", "Forum Start'Avenir au collège"),
            ("permanence", "Permanence emploi"),
            ("atelier", "Atelier CV et posture professionnelle"),
        ]
        created = []
        for month in range(MONTHS):
            for _ in range(3):
                kind, title = self.rng.choice(plan)
                first = self.start + timedelta(days=30 * month)
                day = self.day_between(first, min(first + timedelta(days=29), self.today))
                qpv = self.rng.choice(self.rive_droite)
                created.append((kind, f"{title} — {self.ref.label('qpv', qpv)}", day, qpv))
        created.append(
            (
                "block_party",
                "Palmer Block Party",
                self.today - timedelta(days=75),
                "palmer_saraillere_8mai45_dravemont",
            )
        )
        created.append(
            (
                "rallye_velo",
                "Rallye à vélo des lieux ressources emploi",
                self.today - timedelta(days=40),
                "carriet",
            )
        )
        result = []
        for kind, title, day, qpv in sorted(created, key=lambda e: e[2]):
            starts = clock.at_paris(day, 14 if kind != "food_and_job" else 11)
            partners = self.rng.sample(self.partners, k=2)
            event_id = create_event(
                uow=self.uow,
                data=EventInput(
                    kind=kind,
                    title=title,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=3),
                    qpv=qpv,
                    place=_PLACES[qpv],
                    partner_ids=tuple(partners),
                    headcount=self.rng.randint(15, 60),
                ),
            )
            result.append((event_id, day, qpv, kind))
        self.counts["events"] = len(result)
        return result

    def contact(
        self,
        day: date,
        qpv: str,
        channel: str,
        event_id: str | None,
        *,
        anonymous: bool | None = None,
    ) -> str:
        gender = self.pick_gender()
        band = self.rng.choices(
            ("16_24", "25_44", "45_54", "55_plus", "nr", "moins_16"), weights=(34, 38, 15, 7, 4, 2)
        )[0]
        statuses = self.rng.sample(
            ("rsa", "inscrit_ft", "neet", "parent_isole", "sans_ressources"),
            k=self.rng.choice((0, 0, 1, 1, 2)),
        )
        themes = self.rng.sample(self.ref["freins"].slugs, k=self.rng.choice((0, 1, 1, 2, 3)))
        outcome = self.rng.choices(
            ("information", "orientation", "rdv_pris", "sans_suite"), weights=(50, 25, 12, 13)
        )[0]
        note = self.rng.choice(
            (
                None,
                None,
                None,
                "Intéressée par les métiers du soin.",
                "Cherche un emploi à temps partiel.",
                "Reviendra à la permanence.",
                "Souhaite une formation.",
            )
        )
        self.counts["contacts"] += 1
        return record_contact(
            uow=self.uow,
            data=ContactInput(
                occurred_at=self.moment(day),
                channel=channel,
                outcome=outcome,
                event_id=event_id,
                qpv=qpv,
                anonymous=self.rng.random() < 0.35 if anonymous is None else anonymous,
                gender=gender,
                age_band=band,
                statuses=tuple(statuses),
                themes=tuple(themes),
                follow_up_wanted=outcome in ("orientation", "rdv_pris"),
                note=note,
            ),
            now=self.now,
        )

    def contacts(self, events: list[tuple[str, date, str, str]]) -> list[tuple[str, date, str]]:
        """~300 contacts; returns (id, day, qpv) of those who may join the cohort."""
        candidates = []
        channel_of = {"pied_immeuble": "pied_immeuble", "permanence": "permanence"}
        for event_id, day, qpv, kind in events:
            for _ in range(self.rng.randint(7, 11)):
                contact_id = self.contact(
                    day, qpv, channel_of.get(kind, "evenement"), event_id, anonymous=False
                )
                candidates.append((contact_id, day, qpv))
        while self.counts["contacts"] < 295:
            day = self.day_between(self.start, self.today - timedelta(days=1))
            channel = self.rng.choice(
                ("porte_a_porte", "porte_a_porte", "telephone", "permanence", "autre")
            )
            self.contact(day, self.rng.choice(self.rive_droite), channel, None)
        for _ in range(5):  # what the Terrain counter shows today
            self.contact(self.today, self.rng.choice(self.rive_droite), "porte_a_porte", None)
        return candidates

    # Cohort

    def intake(self, intake_day: date, qpv: str, met: Contact | None = None) -> BeneficiaryInput:
        """A person enrolled on `intake_day`, consistent with the contact where they were met."""
        gender = self.rng.choices(("f", "m", "x", "nr"), weights=(59, 38, 1, 2))[0]
        young = self.rng.random() < 0.37
        if met is not None and met.gender in ("f", "m"):
            gender = met.gender
        if met is not None and met.age_band not in (None, "nr", "moins_16"):
            young = met.age_band == "16_24"
        last, first = self.person_name(gender)
        age = self.rng.randint(17, 24) if young else self.rng.randint(25, 61)
        birth = (
            intake_day
            - timedelta(days=365 * age + self.rng.randint(0, 360))
            - timedelta(days=age // 4)
        )
        commune = self.rng.choice(self.ref.qpv_communes(qpv))
        statuses = ["rsa"] if self.rng.random() < 0.2 else []
        statuses += self.rng.sample(
            ("inscrit_ft", "parent_isole", "deld", "rqth", "sans_ressources"),
            k=self.rng.choice((0, 1, 1, 2)),
        )
        if young and self.rng.random() < 0.4:
            statuses.append("neet")
        freins = self.rng.sample(self.ref["freins"].slugs, k=self.rng.randint(1, 3))
        email = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        return BeneficiaryInput(
            last_name=last,
            first_name=first,
            intake_date=intake_day,
            birth_date=birth,
            gender=gender,
            phone=self.phone(),
            email=f"{_ascii(email)}@exemple.fr" if self.rng.random() < 0.7 else None,
            address=f"{self.rng.randint(1, 120)} {self.rng.choice(_STREETS)}",
            postcode=_POSTCODES[commune],
            commune=commune,
            qpv=qpv,
            contact_preference=self.rng.choice(("telephone", "telephone", "referent")),
            statuses=tuple(dict.fromkeys(statuses)),
            ft_category=self.rng.choice((None, "a", "a", "b"))
            if "inscrit_ft" in statuses
            else None,
            education_level=self.rng.choice(("aucun", "2", "3", "3", "3", "4", "4", "5")),
            diploma_obtained=self.rng.random() < 0.5,
            barriers={f: self.rng.choice(("fort", "moyen", "sans_impact")) for f in freins},
            project=self.rng.choice(_PROJECTS),
            referent_name=None if self.context.user_id else self.rng.choice(_REFERENTS),
            notice_given_at=intake_day,
            notice_mode=self.rng.choice(("oral", "papier")),
            sharing_agreed=self.rng.random() < 0.85,
            restricted=False,
        )

    def cohort(self, candidates: list[tuple[str, date, str]]) -> list[tuple[str, date]]:
        people = []
        met = [(get_contact(self.uow.session, c), day, qpv) for c, day, qpv in candidates]
        adults = [m for m in met if m[0].age_band != "moins_16"]
        for found, day, qpv in self.rng.sample(adults, k=min(62, len(adults))):
            intake_day = min(day + timedelta(days=self.rng.randint(0, 14)), self.today)
            person = enrol_contact(
                uow=self.uow,
                contact_id=found.id,
                data=self.intake(intake_day, qpv, found),
                context=self.context,
                allow_duplicate=True,
                today=self.today,
            )
            people.append((person, intake_day))
        while len(people) < 100:
            intake_day = self.day_between(self.start, self.today)
            data = replace(
                self.intake(intake_day, self.rng.choice(self.rive_droite)),
                source_partner=self.rng.choice(
                    ("Mission Locale", "CCAS", "Maison des solidarités", "Bouche-à-oreille")
                ),
            )
            person = create_beneficiary(
                uow=self.uow,
                data=data,
                context=self.context,
                allow_duplicate=True,
                today=self.today,
            )
            people.append((person, intake_day))
        self.counts["beneficiaries"] = len(people)
        return people

    def follow_ups(self, people: list[tuple[str, date]]) -> None:
        for person, intake_day in people:
            day = intake_day
            for index in range(self.rng.randint(1, 5)):
                day = day + timedelta(days=self.rng.randint(7, 35))
                if day >= self.today:
                    break
                planned = self.rng.random() < 0.6
                next_date = day + timedelta(days=self.rng.randint(7, 30)) if planned else None
                record_follow_up(
                    uow=self.uow,
                    data=FollowUpInput(
                        beneficiary_id=person,
                        occurred_at=self.moment(day),
                        kind="entretien"
                        if index == 0
                        else self.rng.choice(("entretien", "appel", "atelier", "orientation")),
                        summary=self.rng.choice(_FOLLOW_UP_SUMMARIES),
                        next_step=self.rng.choice(_NEXT_STEPS) if planned else None,
                        next_date=next_date,
                    ),
                    now=self.now,
                )
                self.counts["follow_ups"] += 1

    def referrals(self, people: list[tuple[str, date]]) -> None:
        chosen = self.rng.sample(people, k=min(70, len(people)))
        for index, (person, intake_day) in enumerate(chosen):
            path = _PATHS[index % len(_PATHS)]
            partner, service, freins = self.rng.choice(self.offers)
            # Leave room for the history before today: 12 days a step, 31 for an expiry.
            span = 12 * len(path) + (31 if "expiree" in path else 0)
            created = self.moment(self.day_between(intake_day, self.today - timedelta(days=span)))
            with_appointment = self.rng.random() < 0.4
            made = create_referral(
                uow=self.uow,
                data=ReferralInput(
                    partner_id=partner,
                    beneficiary_id=person,
                    service_id=service,
                    barrier_codes=tuple(freins[:1]),
                    reason="Accompagnement proposé lors de l'entretien de suivi.",
                    appointment_at=clock.at_paris(clock.paris_date(created) + timedelta(days=7), 10)
                    if with_appointment
                    else None,
                    expected_contact="rdv_fixe"
                    if with_appointment
                    else self.rng.choice(("partenaire_rappelle", "beneficiaire_appelle")),
                    shared_with_partner=self.rng.choice(_SHARING),
                ),
                context=self.context,
                now=created,
            )
            # Demo history happened in the past: date the record like its first event.
            self.uow.session.execute(
                update(referral).where(referral.c.id == made.id).values(created_at=created)
            )
            moment = created
            for status in path:
                wait = 31 if status == "expiree" else self.rng.randint(1, 12)
                moment = min(moment + timedelta(days=wait, hours=2), self.now)
                if status == "emise":
                    record_printing(
                        uow=self.uow, referral_id=made.id, context=self.context, now=moment
                    )
                elif status == "expiree":
                    self._expire(made.id, moment)
                else:
                    change_referral_status(
                        uow=self.uow,
                        referral_id=made.id,
                        to_status=status,
                        context=self.context,
                        refusal_reason="session-complete" if status == "refusee" else None,
                        at=moment,
                        now=self.now,
                    )
            self.counts["referrals"] += 1

    def event_slips(self, events: list[tuple[str, date, str, str]]) -> None:
        """Slips written at the latest action and not printed yet (an event's batch print)."""
        event_id = events[-1][0]
        for met in list_contacts(self.uow.session, ContactFilter(event_id=event_id))[:3]:
            offer = self.rng.choice(self.offers)
            made = create_referral(
                uow=self.uow,
                data=ReferralInput(
                    partner_id=offer.partner_id,
                    contact_id=met.id,
                    service_id=offer.service_id,
                    barrier_codes=offer.freins[:1],
                    reason="Rencontre lors de l'action ; souhaite un premier rendez-vous.",
                    expected_contact="beneficiaire_appelle",
                    shared_with_partner=("reason", "barriers"),
                ),
                context=self.context,
                now=met.occurred_at,
            )
            self.uow.session.execute(
                update(referral).where(referral.c.id == made.id).values(created_at=met.occurred_at)
            )
            self.counts["referrals"] += 1

    def _expire(self, referral_id: str, moment: datetime) -> None:
        """Expiry is the server's transition: the demo plays the server's part, locally only
        (no outbox entry), as if the change had been pulled; a synced server expires these
        referrals itself once they stay untouched for 30 days."""
        self.uow.set_locally("referral", referral_id, {"status": "expiree"})
        self.uow.insert_locally(
            "referral_event",
            {
                "referral_id": referral_id,
                "at": moment,
                "by": None,
                "from_status": "emise",
                "to_status": "expiree",
                "reason": "Sans réponse du partenaire après 30 jours.",
            },
        )

    def exits(self, people: list[tuple[str, date]]) -> None:
        settled = [p for p in people if (self.today - p[1]).days > 60]
        for (person, intake_day), reason in zip(
            self.rng.sample(settled, k=min(len(_EXIT_REASONS), len(settled))),
            _EXIT_REASONS,
            strict=False,
        ):
            exit_cohort(
                uow=self.uow,
                beneficiary_id=person,
                exit_date=self.day_between(intake_day + timedelta(days=45), self.today),
                exit_reason=reason,
                today=self.today,
            )
            self.counts["exits"] += 1


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def populate_demo(
    *,
    uow: UnitOfWork,
    context: DeviceContext,
    today: date | None = None,
    seed: int = DEFAULT_SEED,
) -> DemoSummary:
    """Fill an empty profile with the synthetic programme; same seed and day, same data."""
    generator = _Generator(uow, context, today or clock.today(), seed)
    generator.partners_and_services()
    events = generator.events()
    candidates = generator.contacts(events)
    people = generator.cohort(candidates)
    generator.follow_ups(people)
    generator.referrals(people)
    generator.exits(people)
    generator.event_slips(events)
    counts = generator.counts
    return DemoSummary(partners=len(generator.partners), **counts)
