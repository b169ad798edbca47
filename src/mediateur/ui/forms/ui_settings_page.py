# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsForm(object):
    def setupUi(self, SettingsForm):
        if not SettingsForm.objectName():
            SettingsForm.setObjectName(u"SettingsForm")
        SettingsForm.resize(820, 900)
        self.outer_layout = QVBoxLayout(SettingsForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.outer_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(SettingsForm)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.content.setMaximumSize(QSize(980, 16777215))
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setSpacing(14)
        self.content_layout.setObjectName(u"content_layout")
        self.title_label = QLabel(self.content)
        self.title_label.setObjectName(u"title_label")

        self.content_layout.addWidget(self.title_label)

        self.lock_group = QGroupBox(self.content)
        self.lock_group.setObjectName(u"lock_group")
        self.lock_layout = QVBoxLayout(self.lock_group)
        self.lock_layout.setObjectName(u"lock_layout")
        self.idle_layout = QHBoxLayout()
        self.idle_layout.setObjectName(u"idle_layout")
        self.idle_label = QLabel(self.lock_group)
        self.idle_label.setObjectName(u"idle_label")

        self.idle_layout.addWidget(self.idle_label)

        self.idle_spin = QSpinBox(self.lock_group)
        self.idle_spin.setObjectName(u"idle_spin")
        self.idle_spin.setMinimum(1)
        self.idle_spin.setMaximum(120)
        self.idle_spin.setValue(10)

        self.idle_layout.addWidget(self.idle_spin)

        self.idle_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.idle_layout.addItem(self.idle_spacer)

        self.lock_now_button = QPushButton(self.lock_group)
        self.lock_now_button.setObjectName(u"lock_now_button")

        self.idle_layout.addWidget(self.lock_now_button)


        self.lock_layout.addLayout(self.idle_layout)

        self.idle_help_label = QLabel(self.lock_group)
        self.idle_help_label.setObjectName(u"idle_help_label")
        self.idle_help_label.setWordWrap(True)

        self.lock_layout.addWidget(self.idle_help_label)


        self.content_layout.addWidget(self.lock_group)

        self.passphrase_group = QGroupBox(self.content)
        self.passphrase_group.setObjectName(u"passphrase_group")
        self.passphrase_layout = QFormLayout(self.passphrase_group)
        self.passphrase_layout.setObjectName(u"passphrase_layout")
        self.passphrase_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_label = QLabel(self.passphrase_group)
        self.current_label.setObjectName(u"current_label")

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_label)

        self.current_edit = QLineEdit(self.passphrase_group)
        self.current_edit.setObjectName(u"current_edit")
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current_edit)

        self.new_label = QLabel(self.passphrase_group)
        self.new_label.setObjectName(u"new_label")

        self.passphrase_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_label)

        self.new_edit = QLineEdit(self.passphrase_group)
        self.new_edit.setObjectName(u"new_edit")
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_edit)

        self.strength_label = QLabel(self.passphrase_group)
        self.strength_label.setObjectName(u"strength_label")
        self.strength_label.setWordWrap(True)

        self.passphrase_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strength_label)

        self.confirmation_label = QLabel(self.passphrase_group)
        self.confirmation_label.setObjectName(u"confirmation_label")

        self.passphrase_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmation_label)

        self.confirmation_edit = QLineEdit(self.passphrase_group)
        self.confirmation_edit.setObjectName(u"confirmation_edit")
        self.confirmation_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirmation_edit)

        self.change_layout = QHBoxLayout()
        self.change_layout.setObjectName(u"change_layout")
        self.change_button = QPushButton(self.passphrase_group)
        self.change_button.setObjectName(u"change_button")

        self.change_layout.addWidget(self.change_button)

        self.change_busy_bar = QProgressBar(self.passphrase_group)
        self.change_busy_bar.setObjectName(u"change_busy_bar")
        self.change_busy_bar.setMaximumSize(QSize(120, 16777215))
        self.change_busy_bar.setMaximum(0)
        self.change_busy_bar.setTextVisible(False)

        self.change_layout.addWidget(self.change_busy_bar)

        self.change_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.change_layout.addItem(self.change_spacer)


        self.passphrase_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.change_layout)

        self.passphrase_message_label = QLabel(self.passphrase_group)
        self.passphrase_message_label.setObjectName(u"passphrase_message_label")
        self.passphrase_message_label.setWordWrap(True)

        self.passphrase_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passphrase_message_label)


        self.content_layout.addWidget(self.passphrase_group)

        self.recovery_group = QGroupBox(self.content)
        self.recovery_group.setObjectName(u"recovery_group")
        self.recovery_layout = QVBoxLayout(self.recovery_group)
        self.recovery_layout.setObjectName(u"recovery_layout")
        self.recovery_help_label = QLabel(self.recovery_group)
        self.recovery_help_label.setObjectName(u"recovery_help_label")
        self.recovery_help_label.setWordWrap(True)

        self.recovery_layout.addWidget(self.recovery_help_label)

        self.regenerate_layout = QHBoxLayout()
        self.regenerate_layout.setObjectName(u"regenerate_layout")
        self.regenerate_button = QPushButton(self.recovery_group)
        self.regenerate_button.setObjectName(u"regenerate_button")

        self.regenerate_layout.addWidget(self.regenerate_button)

        self.recovery_message_label = QLabel(self.recovery_group)
        self.recovery_message_label.setObjectName(u"recovery_message_label")
        self.recovery_message_label.setWordWrap(True)

        self.regenerate_layout.addWidget(self.recovery_message_label)

        self.regenerate_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.regenerate_layout.addItem(self.regenerate_spacer)


        self.recovery_layout.addLayout(self.regenerate_layout)


        self.content_layout.addWidget(self.recovery_group)

        self.server_group = QGroupBox(self.content)
        self.server_group.setObjectName(u"server_group")
        self.server_layout = QVBoxLayout(self.server_group)
        self.server_layout.setObjectName(u"server_layout")
        self.server_row_layout = QHBoxLayout()
        self.server_row_layout.setObjectName(u"server_row_layout")
        self.server_label = QLabel(self.server_group)
        self.server_label.setObjectName(u"server_label")

        self.server_row_layout.addWidget(self.server_label)

        self.server_edit = QLineEdit(self.server_group)
        self.server_edit.setObjectName(u"server_edit")

        self.server_row_layout.addWidget(self.server_edit)

        self.save_server_button = QPushButton(self.server_group)
        self.save_server_button.setObjectName(u"save_server_button")

        self.server_row_layout.addWidget(self.save_server_button)


        self.server_layout.addLayout(self.server_row_layout)

        self.server_message_label = QLabel(self.server_group)
        self.server_message_label.setObjectName(u"server_message_label")
        self.server_message_label.setWordWrap(True)

        self.server_layout.addWidget(self.server_message_label)


        self.content_layout.addWidget(self.server_group)

        self.integrity_group = QGroupBox(self.content)
        self.integrity_group.setObjectName(u"integrity_group")
        self.integrity_layout = QVBoxLayout(self.integrity_group)
        self.integrity_layout.setObjectName(u"integrity_layout")
        self.integrity_row_layout = QHBoxLayout()
        self.integrity_row_layout.setObjectName(u"integrity_row_layout")
        self.check_button = QPushButton(self.integrity_group)
        self.check_button.setObjectName(u"check_button")

        self.integrity_row_layout.addWidget(self.check_button)

        self.check_busy_bar = QProgressBar(self.integrity_group)
        self.check_busy_bar.setObjectName(u"check_busy_bar")
        self.check_busy_bar.setMaximumSize(QSize(120, 16777215))
        self.check_busy_bar.setMaximum(0)
        self.check_busy_bar.setTextVisible(False)

        self.integrity_row_layout.addWidget(self.check_busy_bar)

        self.integrity_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.integrity_row_layout.addItem(self.integrity_spacer)


        self.integrity_layout.addLayout(self.integrity_row_layout)

        self.integrity_label = QLabel(self.integrity_group)
        self.integrity_label.setObjectName(u"integrity_label")
        self.integrity_label.setWordWrap(True)
        self.integrity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.integrity_layout.addWidget(self.integrity_label)


        self.content_layout.addWidget(self.integrity_group)

        self.profile_group = QGroupBox(self.content)
        self.profile_group.setObjectName(u"profile_group")
        self.profile_layout = QFormLayout(self.profile_group)
        self.profile_layout.setObjectName(u"profile_layout")
        self.profile_name_caption = QLabel(self.profile_group)
        self.profile_name_caption.setObjectName(u"profile_name_caption")

        self.profile_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profile_name_caption)

        self.profile_name_label = QLabel(self.profile_group)
        self.profile_name_label.setObjectName(u"profile_name_label")
        self.profile_name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profile_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profile_name_label)

        self.profile_path_caption = QLabel(self.profile_group)
        self.profile_path_caption.setObjectName(u"profile_path_caption")

        self.profile_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.profile_path_caption)

        self.profile_path_label = QLabel(self.profile_group)
        self.profile_path_label.setObjectName(u"profile_path_label")
        self.profile_path_label.setWordWrap(True)
        self.profile_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profile_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.profile_path_label)

        self.version_caption = QLabel(self.profile_group)
        self.version_caption.setObjectName(u"version_caption")

        self.profile_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.version_caption)

        self.version_label = QLabel(self.profile_group)
        self.version_label.setObjectName(u"version_label")

        self.profile_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.version_label)


        self.content_layout.addWidget(self.profile_group)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.content_layout.addItem(self.bottom_spacer)

        self.scroll_area.setWidget(self.content)

        self.outer_layout.addWidget(self.scroll_area)

#if QT_CONFIG(shortcut)
        self.idle_label.setBuddy(self.idle_spin)
        self.current_label.setBuddy(self.current_edit)
        self.new_label.setBuddy(self.new_edit)
        self.confirmation_label.setBuddy(self.confirmation_edit)
        self.server_label.setBuddy(self.server_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.idle_spin, self.lock_now_button)
        QWidget.setTabOrder(self.lock_now_button, self.current_edit)
        QWidget.setTabOrder(self.current_edit, self.new_edit)
        QWidget.setTabOrder(self.new_edit, self.confirmation_edit)
        QWidget.setTabOrder(self.confirmation_edit, self.change_button)
        QWidget.setTabOrder(self.change_button, self.regenerate_button)
        QWidget.setTabOrder(self.regenerate_button, self.server_edit)
        QWidget.setTabOrder(self.server_edit, self.save_server_button)
        QWidget.setTabOrder(self.save_server_button, self.check_button)

        self.retranslateUi(SettingsForm)

        QMetaObject.connectSlotsByName(SettingsForm)
    # setupUi

    def retranslateUi(self, SettingsForm):
        self.title_label.setText(QCoreApplication.translate("SettingsForm", u"Param\u00e8tres", None))
        self.lock_group.setTitle(QCoreApplication.translate("SettingsForm", u"Verrouillage automatique", None))
        self.idle_label.setText(QCoreApplication.translate("SettingsForm", u"&Verrouiller apr\u00e8s", None))
        self.idle_spin.setSuffix(QCoreApplication.translate("SettingsForm", u" min sans activit\u00e9", None))
        self.lock_now_button.setText(QCoreApplication.translate("SettingsForm", u"Verrouiller &maintenant", None))
        self.idle_help_label.setText(QCoreApplication.translate("SettingsForm", u"Sans activit\u00e9 pendant ce d\u00e9lai, le profil se verrouille et la phrase de passe est redemand\u00e9e. Ctrl+L verrouille \u00e0 tout moment.", None))
        self.passphrase_group.setTitle(QCoreApplication.translate("SettingsForm", u"Phrase de passe", None))
        self.current_label.setText(QCoreApplication.translate("SettingsForm", u"Phrase de passe &actuelle", None))
        self.new_label.setText(QCoreApplication.translate("SettingsForm", u"&Nouvelle phrase de passe", None))
        self.confirmation_label.setText(QCoreApplication.translate("SettingsForm", u"C&onfirmation", None))
        self.change_button.setText(QCoreApplication.translate("SettingsForm", u"&Changer la phrase de passe", None))
        self.recovery_group.setTitle(QCoreApplication.translate("SettingsForm", u"Code de r\u00e9cup\u00e9ration", None))
        self.recovery_help_label.setText(QCoreApplication.translate("SettingsForm", u"G\u00e9n\u00e9rez un nouveau code si vous avez perdu le v\u00f4tre ou s'il a pu \u00eatre vu : l'ancien cessera aussit\u00f4t de fonctionner et le nouveau ne sera affich\u00e9 qu'une fois.", None))
        self.regenerate_button.setText(QCoreApplication.translate("SettingsForm", u"&G\u00e9n\u00e9rer un nouveau code\u2026", None))
        self.server_group.setTitle(QCoreApplication.translate("SettingsForm", u"Serveur de synchronisation", None))
        self.server_label.setText(QCoreApplication.translate("SettingsForm", u"A&dresse", None))
        self.server_edit.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"https://serveur.exemple.fr", None))
        self.save_server_button.setText(QCoreApplication.translate("SettingsForm", u"&Enregistrer l'adresse", None))
        self.integrity_group.setTitle(QCoreApplication.translate("SettingsForm", u"Int\u00e9grit\u00e9 de la base chiffr\u00e9e", None))
        self.check_button.setText(QCoreApplication.translate("SettingsForm", u"Contr\u00f4ler l'&int\u00e9grit\u00e9", None))
        self.profile_group.setTitle(QCoreApplication.translate("SettingsForm", u"Profil", None))
        self.profile_name_caption.setText(QCoreApplication.translate("SettingsForm", u"Nom", None))
        self.profile_path_caption.setText(QCoreApplication.translate("SettingsForm", u"Dossier", None))
        self.version_caption.setText(QCoreApplication.translate("SettingsForm", u"Version", None))
        pass
    # retranslateUi

