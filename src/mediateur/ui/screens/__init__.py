"""The screens shown before the main workspace: first run and unlock."""
