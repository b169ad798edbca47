"""Use cases of the laptop: contacts, intake, follow-ups, events, referrals, RGPD, import.

Plain functions with keyword arguments: reads take a `Session` from `vault.session()`, edits take
the `UnitOfWork` of `vault.unit_of_work()` so that business rows and their outbox entries are
written together. They return frozen dataclasses, never database rows, hold no global state, and
can be called from any worker thread. Expected problems are `ServiceError`s with French messages.
"""
