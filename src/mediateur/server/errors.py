"""Expected refusals of the server's rules: a stable code, an HTTP status and a French message.

Services raise them; the API turns them into RFC 9457 problems (`api/problems.py`) and the admin
CLI prints their message. Messages never quote a submitted value: they name the field or the
object by its role ("cet appareil", "l'organisation indiquée"), or by an id the caller gave.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ServerError(Exception):
    code: ClassVar[str] = "server_error"
    status: ClassVar[int] = 400
    title: ClassVar[str] = "Requête refusée"
    message: ClassVar[str] = "La requête a été refusée."

    def __init__(self, message: str | None = None, **extra: Any) -> None:
        super().__init__(message or self.message)
        # Extra members of the problem document (e.g. the revoke `mode`).
        self.extra = extra
        self.headers: dict[str, str] = {}

    @property
    def detail(self) -> str:
        return str(self)


class InvalidInput(ServerError):
    code = "validation_error"
    status = 422
    title = "Données invalides"
    message = "Les données envoyées sont invalides."


class InvalidCredentials(ServerError):
    code = "invalid_credentials"
    status = 401
    title = "Identifiants incorrects"
    message = "Identifiant ou mot de passe incorrect."


class AccountDisabled(ServerError):
    code = "account_disabled"
    status = 401
    title = "Compte désactivé"
    message = "Ce compte est désactivé : adressez-vous à l'administrateur du serveur."


class InvalidToken(ServerError):
    code = "invalid_token"
    status = 401
    title = "Session invalide"
    message = "Session absente, expirée ou fermée : reconnectez-vous."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message)
        self.headers["WWW-Authenticate"] = "Bearer"


class DeviceRevoked(ServerError):
    code = "device_revoked"
    status = 401
    title = "Appareil révoqué"

    def __init__(self, mode: str) -> None:
        if mode == "wipe":
            message = (
                "Cet appareil a été déclaré perdu ou volé : ses données locales doivent être "
                "effacées. Adressez-vous à votre responsable."
            )
        else:
            message = (
                "Cet appareil a été retiré du service : envoyez vos dernières saisies, puis "
                "ses données locales seront effacées."
            )
        super().__init__(message, mode=mode)


class DeviceTaken(ServerError):
    code = "device_taken"
    status = 409
    title = "Appareil déjà enregistré"
    message = (
        "Ce profil est déjà enregistré au nom d'un autre utilisateur : créez un nouveau profil "
        "sur ce poste pour vous connecter avec ce compte."
    )


class RateLimited(ServerError):
    code = "rate_limited"
    status = 429
    title = "Trop de tentatives"

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, round(retry_after / 60))
        super().__init__(
            "Trop de tentatives de connexion échouées : réessayez dans "
            f"{minutes} minute{'s' if minutes > 1 else ''}."
        )
        self.headers["Retry-After"] = str(retry_after)


class Forbidden(ServerError):
    code = "forbidden"
    status = 403
    title = "Accès refusé"
    message = "Votre rôle ne permet pas cette action."


class NotFound(ServerError):
    code = "not_found"
    status = 404
    title = "Introuvable"
    message = "Ressource introuvable."


class Conflict(ServerError):
    code = "conflict"
    status = 409
    title = "Conflit"
    message = "Cette action contredit l'état actuel."


class SchemaTooOld(ServerError):
    code = "client_too_old"
    status = 426
    title = "Application trop ancienne"

    def __init__(self, minimum: int) -> None:
        super().__init__(
            "Cette version de l'application est trop ancienne pour ce serveur : mettez-la à jour "
            f"(schéma {minimum} minimum).",
            min_supported_schema=minimum,
        )


class SchemaTooNew(ServerError):
    code = "server_too_old"
    status = 426
    title = "Serveur trop ancien"

    def __init__(self, current: int) -> None:
        super().__init__(
            "L'application est plus récente que le serveur : demandez la mise à jour du serveur "
            f"(schéma {current} au plus).",
            schema_version=current,
        )


class BatchTooLarge(ServerError):
    code = "batch_too_large"
    status = 413
    title = "Lot trop volumineux"

    def __init__(self, max_mutations: int, max_bytes: int) -> None:
        super().__init__(
            f"Un envoi compte au plus {max_mutations} modifications et "
            f"{max_bytes // 1024} Kio : envoyez-les en plusieurs fois.",
            max_mutations=max_mutations,
            max_bytes=max_bytes,
        )


class IdempotencyConflict(ServerError):
    code = "idempotency_conflict"
    status = 422
    title = "Clé d'idempotence réutilisée"
    message = (
        "Cette clé d'idempotence a déjà servi pour un autre envoi : refaites le lot sous une "
        "nouvelle clé."
    )

    def __init__(self) -> None:
        # Shaped like every 422 of the API (a list of faulty locations).
        location = {"location": "en-tête Idempotency-Key", "message": "déjà servie"}
        super().__init__(errors=[location])


class PushInProgress(ServerError):
    code = "in_progress"
    status = 409
    title = "Envoi en cours"
    message = "Ce lot est encore en cours de traitement : réessayez dans un instant."

    def __init__(self, retry_after: int = 1) -> None:
        super().__init__()
        self.headers["Retry-After"] = str(retry_after)


class InvalidCursor(ServerError):
    code = "invalid_cursor"
    status = 400
    title = "Curseur invalide"
    message = (
        "Le curseur de synchronisation est illisible ou altéré : recommencez la réception "
        "sans curseur."
    )


class Gone(ServerError):
    """The client must push what it holds, wipe its synced tables and pull from scratch."""

    status = 410
    title = "Resynchronisation complète nécessaire"


class EpochChanged(Gone):
    code = "epoch_changed"
    message = (
        "La base du serveur a changé (nouvelle base ou restauration) : le poste doit tout "
        "recevoir à nouveau ; ses saisies en attente sont conservées."
    )


class PastTombstoneHorizon(Gone):
    code = "tombstone_horizon"
    message = (
        "Ce poste ne s'est pas synchronisé depuis trop longtemps : il doit tout recevoir à "
        "nouveau ; ses saisies en attente sont conservées."
    )
