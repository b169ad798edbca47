"""Vault errors: a stable code for programs, a French message for people."""

from __future__ import annotations

# Here rather than in `vault.py` so that screens can check it without loading the database stack.
MIN_PASSPHRASE_LENGTH = 12


class VaultError(Exception):
    code = "vault_error"
    message = "Erreur du coffre chiffré."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)

    @property
    def detail(self) -> str:
        return str(self)


class WrongPassphrase(VaultError):
    code = "wrong_passphrase"
    message = "Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents) et réessayez."


class WrongRecoveryCode(VaultError):
    code = "wrong_recovery_code"
    message = "Code de récupération incorrect : il ne correspond pas à ce profil."


class MalformedRecoveryCode(VaultError):
    code = "malformed_recovery_code"
    message = (
        "Code de récupération mal saisi : il compte 28 caractères (chiffres et lettres, "
        "groupés par 4). Vérifiez chaque groupe."
    )


class VaultMissing(VaultError):
    code = "vault_missing"
    message = "Aucun coffre trouvé dans ce dossier de profil (fichier vault.json absent)."


class VaultCorrupt(VaultError):
    code = "vault_corrupt"
    message = (
        "Le fichier de clés du profil (vault.json) est illisible ou altéré, ainsi que sa copie de "
        "secours. Restaurez-le depuis une sauvegarde."
    )


class UnsupportedVaultVersion(VaultError):
    code = "vault_version"
    message = (
        "Ce profil a été créé par une version plus récente de mediateur. "
        "Mettez l'application à jour."
    )


class WeakKdfParameters(VaultError):
    code = "kdf_below_floor"
    message = (
        "Les paramètres de dérivation de clé de ce profil sont sous le minimum de sécurité : "
        "le fichier a pu être modifié. Ouverture refusée."
    )


class DatabaseTampered(VaultError):
    code = "database_tampered"
    message = (
        "La base chiffrée du profil est altérée (contrôle d'intégrité en échec). "
        "Restaurez une sauvegarde du profil et prévenez votre responsable."
    )


class DatabaseMissing(VaultError):
    code = "database_missing"
    message = "La base du profil est introuvable alors que son fichier de clés existe."


class EncryptionUnavailable(VaultError):
    code = "encryption_unavailable"
    message = (
        "Le chiffrement SQLCipher n'est pas disponible : ouverture refusée pour ne jamais écrire "
        "de données en clair. Réinstallez l'application."
    )


class VaultLocked(VaultError):
    code = "vault_locked"
    message = "Le coffre est verrouillé : saisissez votre phrase de passe."


class ProfileExists(VaultError):
    code = "profile_exists"
    message = "Un profil existe déjà dans ce dossier."


class WeakPassphrase(VaultError):
    code = "weak_passphrase"
    message = f"Phrase de passe trop courte : {MIN_PASSPHRASE_LENGTH} caractères au moins."


class MigrationFailed(VaultError):
    code = "migration_failed"
    message = (
        "La mise à jour de la base du profil a échoué ; la base a été restaurée dans son état "
        "précédent. Réinstallez la version précédente et prévenez le support."
    )


class MigrationBackupFailed(VaultError):
    code = "migration_backup_failed"
    message = (
        "La base du profil doit être mise à jour, mais sa copie de sauvegarde n'a pas pu être "
        "écrite (disque plein ou dossier protégé ?) : rien n'a été modifié. Libérez de la place "
        "sur le disque, puis ouvrez à nouveau le profil."
    )


class MigrationRestoreFailed(VaultError):
    code = "migration_restore_failed"
    message = (
        "La mise à jour de la base du profil a échoué et sa copie de sauvegarde n'a pas pu être "
        "remise en place. N'utilisez plus ce profil et prévenez le support : la copie est dans "
        "le dossier du profil."
    )


class StoreTooNew(VaultError):
    code = "store_too_new"
    message = (
        "La base de ce profil a été mise à jour par une version plus récente de mediateur, que "
        "cette version ne sait pas lire : rien n'a été modifié. Installez la dernière version "
        "de mediateur."
    )
