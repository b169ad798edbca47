"""`python -m mediateur.server.cli` is the `mediateur-server` command."""

from mediateur.server.cli import main

raise SystemExit(main())
