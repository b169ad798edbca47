"""The right-of-access export written where the user chose: the JSON document and its readable
PDF, side by side, named after the person's id (never their name), each written atomically with
owner-only permissions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from mediateur.services.errors import ServiceError
from mediateur.services.rights import access_export
from mediateur.services.rights_document import render_access_pdf
from mediateur.store.atomic import write_atomically


@dataclass(frozen=True, slots=True)
class AccessExportFiles:
    json_path: Path
    pdf_path: Path


def write_access_export(
    session: Session, *, beneficiary_id: str, directory: Path, now: datetime | None = None
) -> AccessExportFiles:
    """Build the export of one person and write `droit-acces-<id>.json` and `.pdf` into
    `directory` (created if missing)."""
    if directory.exists() and not directory.is_dir():
        raise ServiceError(f"{directory} existe et n'est pas un dossier : choisissez un dossier.")
    document = access_export(session, beneficiary_id, now=now)
    pdf = render_access_pdf(document)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        stem = f"droit-acces-{beneficiary_id}"
        files = AccessExportFiles(directory / f"{stem}.json", directory / f"{stem}.pdf")
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        write_atomically(files.json_path, text.encode("utf-8"), failpoint_prefix="rights")
        write_atomically(files.pdf_path, pdf, failpoint_prefix="rights")
    except OSError as error:
        raise ServiceError(
            f"Écriture impossible dans {directory} ({error.strerror or 'erreur système'}) : "
            "choisissez un dossier où vous pouvez écrire."
        ) from error
    return files
