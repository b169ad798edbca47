"""`python -m mediateur` is the `mediateur` command."""

from mediateur.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
