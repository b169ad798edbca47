"""Sync failures the engine raises, each with a French message for the user and a stable code."""

from __future__ import annotations


class SyncError(Exception):
    code = "sync_error"
    message = "La synchronisation a échoué."
    retryable = False

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class NetworkError(SyncError):
    code = "network"
    message = (
        "Serveur injoignable (réseau absent, coupé ou trop lent). Vos saisies restent sur ce "
        "poste ; réessayez plus tard."
    )
    retryable = True


class ServerUnavailable(SyncError):
    code = "server_unavailable"
    message = "Le serveur est momentanément indisponible. Réessayez dans quelques minutes."
    retryable = True

    def __init__(self, message: str | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotLoggedIn(SyncError):
    code = "not_logged_in"
    message = (
        "Ce profil n'est pas encore relié au serveur : connectez-vous "
        "(« mediateur login --server URL --username NOM »)."
    )


class AuthenticationRequired(SyncError):
    code = "authentication_required"
    message = (
        "Votre session sur le serveur a expiré : reconnectez-vous. Vos saisies en attente sont "
        "conservées."
    )


class InvalidCredentials(SyncError):
    code = "invalid_credentials"
    message = "Identifiant ou mot de passe incorrect."


class DeviceTaken(SyncError):
    code = "device_taken"
    message = (
        "Ce poste est déjà enregistré sur le serveur pour un autre compte. Utilisez un autre "
        "profil pour ce compte."
    )


class DeviceRevoked(SyncError):
    code = "device_revoked"

    def __init__(self, mode: str) -> None:
        self.mode = mode
        if mode == "wipe":
            text = (
                "Ce poste a été déclaré perdu ou volé : les données de ce profil ont été "
                "effacées de cet ordinateur."
            )
        else:
            text = (
                "Ce poste a été retiré du programme : vos dernières saisies ont été envoyées au "
                "serveur, puis le profil a été effacé de cet ordinateur."
            )
        super().__init__(text)


class ClientTooOld(SyncError):
    code = "client_too_old"
    message = (
        "Cette version de mediateur est trop ancienne pour le serveur : mettez l'application à "
        "jour. Vos saisies sont conservées et partiront après la mise à jour."
    )


class ServerTooOld(SyncError):
    code = "server_too_old"
    message = (
        "Le serveur n'est pas encore à jour pour cette version de mediateur : prévenez "
        "l'administrateur. Vos saisies sont conservées."
    )


class RateLimited(SyncError):
    code = "rate_limited"
    message = "Trop de tentatives de connexion : réessayez dans quelques minutes."
    retryable = True

    def __init__(self, retry_after: float | None = None) -> None:
        super().__init__()
        self.retry_after = retry_after


class SyncInProgress(SyncError):
    code = "sync_in_progress"
    message = "Une synchronisation de ce profil est déjà en cours."


class Cancelled(SyncError):
    code = "cancelled"
    message = "Synchronisation annulée."


class ProtocolError(SyncError):
    code = "protocol"
    message = "Réponse inattendue du serveur. Réessayez ; si cela persiste, prévenez le support."
