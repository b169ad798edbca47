"""Small dialogs of the desktop app."""
