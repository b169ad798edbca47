"""Referrals in the desktop app: the « Nouvelle orientation » dialog and its partner picker,
printing slips (preview of the real PDF, save as PDF), the partner's answer, the Orientations
list models, and the partner directory window. Imported when first needed: these modules use the
services, hence the database stack, which start-up does not load."""
