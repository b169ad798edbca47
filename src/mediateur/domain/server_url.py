"""The sync server's address as the user types it: checked and normalised before it is stored.

Only `https://` is accepted, except plain `http://` to this computer's loopback address (a local
test server); credentials, queries and fragments have no place in it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1"})


class InvalidServerUrl(ValueError):
    """The French message says what is wrong and what a valid address looks like."""


def normalize_server_url(text: str) -> str:
    """The address without surrounding spaces nor trailing slash; `InvalidServerUrl` otherwise."""
    candidate = text.strip()
    if not candidate:
        raise InvalidServerUrl("Adresse du serveur vide : saisissez par exemple https://serveur.")
    parts = urlsplit(candidate)
    try:
        # `port` raises for a port that is not a number between 0 and 65535.
        host, _port = parts.hostname, parts.port
    except ValueError:
        raise InvalidServerUrl(
            "Adresse du serveur invalide : le numéro de port est incorrect."
        ) from None
    if parts.scheme not in {"https", "http"} or not host:
        raise InvalidServerUrl(
            "Adresse du serveur invalide : elle commence par https:// suivi du nom du serveur."
        )
    if parts.scheme == "http" and host not in LOOPBACK_HOSTS:
        raise InvalidServerUrl(
            "Adresse refusée : la connexion doit être chiffrée (https://). Seul un serveur de "
            "test sur cet ordinateur (http://127.0.0.1) peut s'en passer."
        )
    if parts.username is not None or parts.password is not None:
        raise InvalidServerUrl(
            "Adresse refusée : elle ne doit pas contenir d'identifiant ni de mot de passe."
        )
    if parts.query or parts.fragment:
        raise InvalidServerUrl("Adresse du serveur invalide : retirez ce qui suit « ? » ou « # ».")
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
