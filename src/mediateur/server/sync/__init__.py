"""Synchronisation of the laptops' records (DESIGN.md §4): push, pull, merge, scopes, jobs.

- `rows`: the record tables' rows, their wire form and the per-field clocks.
- `scopes`: which organisations (or the whole programme) a record belongs to, and who may see it.
- `changes`: the rows a transaction changed, stamped with seqs in commit order, and the feed.
- `cursor`: the opaque pull cursors (epoch, seq, snapshot position, MAC).
- `merge`: the per-field merge rule, a pure function.
- `mutations`: one mutation of a push: validation, authorisation, merge, delete and erase.
- `cascade`: what deleting, erasing or anonymising a record does to the records under it.
- `push`, `pull`: the two endpoints' services; `conflicts`: the conflict log.
- `jobs`: anonymisation, referral expiry, tombstone horizon (run by `mediateur.server.jobs`).
"""
