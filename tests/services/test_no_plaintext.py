"""Personal data written through the services never reaches the disk in clear: not in the
profile (database, WAL, key files), not in the temp dir, not through the in-memory PDF."""

from __future__ import annotations

import secrets
import string
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from mediateur.reports.indicators import compute_indicators
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import DeviceContext
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.services.rights import access_export
from mediateur.services.rights_document import render_access_pdf
from mediateur.store.vault import Vault

NOW = datetime(2026, 3, 16, 12, tzinfo=UTC)


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and needle in path.read_bytes():
                found.append(path)
        except OSError:  # files of other processes coming and going
            continue
    return found


def test_canaries_never_reach_the_disk_in_clear(
    vault: Vault, context: DeviceContext, partner_id: str
) -> None:
    canary = "Canari" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
    with vault.unit_of_work() as uow:
        person = create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name=canary,
                first_name="Zoé",
                intake_date=date(2026, 3, 2),
                project=f"Projet {canary}",
                address=f"1 rue {canary}",
            ),
            today=date(2026, 3, 16),
        )
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=NOW,
                channel="autre",
                outcome="information",
                beneficiary_id=person,
                note=f"Note {canary}",
            ),
            now=NOW,
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person, occurred_at=NOW, kind="appel", summary=f"Suivi {canary}"
            ),
            now=NOW,
        )
        create_referral(
            uow=uow,
            data=ReferralInput(
                partner_id=partner_id, beneficiary_id=person, reason=f"Motif {canary}"
            ),
            context=context,
            now=NOW,
        )
    with vault.session() as session:
        compute_indicators(session)
        pdf = render_access_pdf(access_export(session, person))
    assert pdf.startswith(b"%PDF")
    needle = canary.encode()
    assert _files_containing(vault.directory, needle) == []
    assert _files_containing(Path(tempfile.gettempdir()), needle) == []
