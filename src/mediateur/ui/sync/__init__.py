"""What every user sees of sync: the adapter that runs the sync engine on its own thread, the
automatic sync, the status-bar indicator, the banners, and the login dialog."""
