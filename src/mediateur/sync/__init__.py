"""Synchronisation with the central server: the shared protocol, hybrid logical clocks, the
client engine. No Qt here: the UI talks to the engine through callbacks."""
