"""Banners above every page when sync needs the user: the app is too old for the server, the
computer's clock is wrong (by how much, when the server's clock is known), no sync has succeeded
for a week, or the session on the server expired. Each says what to do; two carry the button
that does it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediateur.domain.values import now_utc

STALE_AFTER = timedelta(days=7)
# The server flags a clock more than 5 minutes off (DESIGN.md §4); the probe's own measure too.
CLOCK_TOLERANCE_S = 5 * 60
WARNING_STYLE = (
    "QFrame#{name} {{ background: #fff4ce; border: 1px solid #e0c36c; border-radius: 4px; }}"
    "QFrame#{name} QLabel {{ color: #4d3a00; }}"
)
ERROR_STYLE = (
    "QFrame#{name} {{ background: #fde7e9; border: 1px solid #e3a1a6; border-radius: 4px; }}"
    "QFrame#{name} QLabel {{ color: #7a1c1c; }}"
)


@dataclass(frozen=True, slots=True)
class BannerFacts:
    """What the banners are decided from (the vault's sync state, the last probe)."""

    linked: bool
    logged_in: bool
    client_too_old: bool
    clock_warning: bool
    clock_skew_s: float | None
    last_sync_ok_at: datetime | None


class Banner(QFrame):
    acted = Signal()

    def __init__(self, name: str, *, error: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet((ERROR_STYLE if error else WARNING_STYLE).format(name=name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setVisible(False)
        self.button.clicked.connect(self.acted)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_text(self, text: str, *, action: str = "") -> None:
        self.label.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self.setVisible(bool(text))


class SyncBanners(QWidget):
    sync_requested = Signal()
    login_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_banners")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 0)
        layout.setSpacing(6)
        self.too_old = Banner("banner_too_old", error=True, parent=self)
        self.signed_out = Banner("banner_signed_out", error=True, parent=self)
        self.clock = Banner("banner_clock", error=False, parent=self)
        self.stale = Banner("banner_stale", error=False, parent=self)
        for banner in (self.too_old, self.signed_out, self.clock, self.stale):
            layout.addWidget(banner)
        self.signed_out.acted.connect(self.login_requested)
        self.stale.acted.connect(self.sync_requested)
        self.setVisible(False)

    def shown(self) -> list[Banner]:
        """The banners with something to say (visible once the workspace is)."""
        return [
            b for b in (self.too_old, self.signed_out, self.clock, self.stale) if not b.isHidden()
        ]

    def clear(self) -> None:
        for banner in (self.too_old, self.signed_out, self.clock, self.stale):
            banner.show_text("")
        self.setVisible(False)

    def render(self, facts: BannerFacts, *, now: datetime | None = None) -> None:
        now = now or now_utc()
        self.too_old.show_text(
            self.tr(
                "Cette version de mediateur est trop ancienne pour le serveur : installez la "
                "nouvelle version (demandez-la à votre responsable). Vos saisies restent sur cet "
                "ordinateur et partiront après la mise à jour."
            )
            if facts.client_too_old
            else ""
        )
        self.signed_out.show_text(
            self.tr(
                "Votre session sur le serveur a expiré : reconnectez-vous pour synchroniser. "
                "Vos saisies en attente sont conservées."
            )
            if facts.linked and not facts.logged_in
            else "",
            action=self.tr("Se reconnecter…"),
        )
        self.clock.show_text(self._clock_text(facts))
        self.stale.show_text(
            self._stale_text(facts, now), action=self.tr("Synchroniser maintenant")
        )
        self.setVisible(bool(self.shown()))

    def _clock_text(self, facts: BannerFacts) -> str:
        skew = facts.clock_skew_s
        measured = skew is not None and abs(skew) > CLOCK_TOLERANCE_S
        if not (facts.clock_warning or measured):
            return ""
        advice = self.tr(
            "Corrigez la date et l'heure de l'ordinateur (réglage automatique de l'heure), sinon "
            "les dates de vos saisies seront fausses."
        )
        if skew is None or not measured:
            return self.tr(
                "L'horloge de cet ordinateur est décalée de plus de 5 minutes par rapport au "
                "serveur. {advice}"
            ).format(advice=advice)
        offset = self._offset(abs(skew))
        if skew > 0:
            text = self.tr("L'horloge de cet ordinateur avance de {offset} sur celle du serveur.")
        else:
            text = self.tr("L'horloge de cet ordinateur retarde de {offset} sur celle du serveur.")
        return f"{text.format(offset=offset)} {advice}"

    def _offset(self, seconds: float) -> str:
        minutes = round(seconds / 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        if days:
            text = self.tr("1 jour") if days == 1 else self.tr("{n} jours").format(n=days)
            if hours:
                text = self.tr("{days} et {hours} h").format(days=text, hours=hours)
            return text
        if hours:
            return self.tr("{hours} h {minutes:02d}").format(hours=hours, minutes=minutes)
        return self.tr("{minutes} min").format(minutes=minutes)

    def _stale_text(self, facts: BannerFacts, now: datetime) -> str:
        last = facts.last_sync_ok_at
        if not facts.linked or last is None or now - last < STALE_AFTER:
            return ""
        return self.tr(
            "Aucune synchronisation réussie depuis le {date} ({days} jours) : vos saisies ne "
            "sont que sur cet ordinateur. Synchronisez dès que possible."
        ).format(date=last.astimezone().strftime("%d/%m/%Y"), days=(now - last).days)
