"""The encrypted local store: one vault per profile (key slots + SQLCipher database), its schema,
its migrations and the unit of work through which every edit goes."""
