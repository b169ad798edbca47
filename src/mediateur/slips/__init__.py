"""Referral slips (fiches de liaison): what a slip shows (`SlipData`), the structure's branding,
and the PDF renderer (`render_slip`, `render_slips`). Pure: no store, no Qt, no temporary file."""

from mediateur.slips.branding import Branding, BrandingError, InformationNotice, load_branding
from mediateur.slips.model import (
    Beneficiary,
    Destination,
    NextStep,
    NextStepKind,
    Orienter,
    Shared,
    SlipData,
    SlipDataError,
)
from mediateur.slips.opening_hours import describe_opening_hours
from mediateur.slips.render import render_slip, render_slips

__all__ = [
    "Beneficiary",
    "Branding",
    "BrandingError",
    "Destination",
    "InformationNotice",
    "NextStep",
    "NextStepKind",
    "Orienter",
    "Shared",
    "SlipData",
    "SlipDataError",
    "describe_opening_hours",
    "load_branding",
    "render_slip",
    "render_slips",
]
