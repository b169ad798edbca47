"""The central sync server (DESIGN.md §4, §5): a FastAPI app over SQLAlchemy Core and Alembic.

Layout: `app.py` builds the application; `api/` holds the HTTP routers, their dependencies and the
problem responses; `core/` the settings, the database and the password/token primitives;
`models.py` the tables; the service modules (`accounts`, `sessions`, `devices`, `login_limits`,
`audit`, `jobs`) hold the rules, shared by the API and the admin CLI (`cli/`). The server imports
only `mediateur.domain` and `mediateur.sync` (protocol, hlc) from the laptop's core.
"""

from mediateur import __version__

SERVER_VERSION = __version__
