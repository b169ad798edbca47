# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_UnlockForm(object):
    def setupUi(self, UnlockForm):
        if not UnlockForm.objectName():
            UnlockForm.setObjectName(u"UnlockForm")
        UnlockForm.resize(900, 640)
        self.outer_layout = QGridLayout(UnlockForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.top_spacer, 0, 1, 1, 1)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_spacer, 1, 0, 1, 1)

        self.card = QWidget(UnlockForm)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(520, 0))
        self.card.setMaximumSize(QSize(640, 16777215))
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setSpacing(12)
        self.card_layout.setObjectName(u"card_layout")
        self.title_label = QLabel(self.card)
        self.title_label.setObjectName(u"title_label")

        self.card_layout.addWidget(self.title_label)

        self.profile_layout = QFormLayout()
        self.profile_layout.setObjectName(u"profile_layout")
        self.profile_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.profile_layout.setHorizontalSpacing(12)
        self.profile_label = QLabel(self.card)
        self.profile_label.setObjectName(u"profile_label")

        self.profile_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profile_label)

        self.profile_combo = QComboBox(self.card)
        self.profile_combo.setObjectName(u"profile_combo")

        self.profile_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profile_combo)


        self.card_layout.addLayout(self.profile_layout)

        self.mode_container = QWidget(self.card)
        self.mode_container.setObjectName(u"mode_container")
        self.mode_layout = QVBoxLayout(self.mode_container)
        self.mode_layout.setObjectName(u"mode_layout")
        self.mode_layout.setContentsMargins(0, 0, 0, 0)
        self.passphrase_page = QWidget(self.mode_container)
        self.passphrase_page.setObjectName(u"passphrase_page")
        self.passphrase_page_layout = QVBoxLayout(self.passphrase_page)
        self.passphrase_page_layout.setObjectName(u"passphrase_page_layout")
        self.passphrase_page_layout.setContentsMargins(0, 0, 0, 0)
        self.passphrase_layout = QFormLayout()
        self.passphrase_layout.setObjectName(u"passphrase_layout")
        self.passphrase_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passphrase_layout.setHorizontalSpacing(12)
        self.passphrase_label = QLabel(self.passphrase_page)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(self.passphrase_page)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphrase_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)


        self.passphrase_page_layout.addLayout(self.passphrase_layout)

        self.passphrase_buttons_layout = QHBoxLayout()
        self.passphrase_buttons_layout.setObjectName(u"passphrase_buttons_layout")
        self.use_recovery_button = QPushButton(self.passphrase_page)
        self.use_recovery_button.setObjectName(u"use_recovery_button")
        self.use_recovery_button.setFlat(True)

        self.passphrase_buttons_layout.addWidget(self.use_recovery_button)

        self.passphrase_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.passphrase_buttons_layout.addItem(self.passphrase_buttons_spacer)

        self.unlock_button = QPushButton(self.passphrase_page)
        self.unlock_button.setObjectName(u"unlock_button")

        self.passphrase_buttons_layout.addWidget(self.unlock_button)


        self.passphrase_page_layout.addLayout(self.passphrase_buttons_layout)


        self.mode_layout.addWidget(self.passphrase_page)

        self.recovery_page = QWidget(self.mode_container)
        self.recovery_page.setObjectName(u"recovery_page")
        self.recovery_page_layout = QVBoxLayout(self.recovery_page)
        self.recovery_page_layout.setObjectName(u"recovery_page_layout")
        self.recovery_page_layout.setContentsMargins(0, 0, 0, 0)
        self.recovery_intro_label = QLabel(self.recovery_page)
        self.recovery_intro_label.setObjectName(u"recovery_intro_label")
        self.recovery_intro_label.setWordWrap(True)

        self.recovery_page_layout.addWidget(self.recovery_intro_label)

        self.recovery_layout = QFormLayout()
        self.recovery_layout.setObjectName(u"recovery_layout")
        self.recovery_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recovery_layout.setHorizontalSpacing(12)
        self.code_label = QLabel(self.recovery_page)
        self.code_label.setObjectName(u"code_label")

        self.recovery_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_edit = QLineEdit(self.recovery_page)
        self.code_edit.setObjectName(u"code_edit")

        self.recovery_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code_edit)


        self.recovery_page_layout.addLayout(self.recovery_layout)

        self.recovery_buttons_layout = QHBoxLayout()
        self.recovery_buttons_layout.setObjectName(u"recovery_buttons_layout")
        self.use_passphrase_button = QPushButton(self.recovery_page)
        self.use_passphrase_button.setObjectName(u"use_passphrase_button")
        self.use_passphrase_button.setFlat(True)

        self.recovery_buttons_layout.addWidget(self.use_passphrase_button)

        self.recovery_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recovery_buttons_layout.addItem(self.recovery_buttons_spacer)

        self.recovery_unlock_button = QPushButton(self.recovery_page)
        self.recovery_unlock_button.setObjectName(u"recovery_unlock_button")

        self.recovery_buttons_layout.addWidget(self.recovery_unlock_button)


        self.recovery_page_layout.addLayout(self.recovery_buttons_layout)


        self.mode_layout.addWidget(self.recovery_page)

        self.new_passphrase_page = QWidget(self.mode_container)
        self.new_passphrase_page.setObjectName(u"new_passphrase_page")
        self.new_passphrase_page_layout = QVBoxLayout(self.new_passphrase_page)
        self.new_passphrase_page_layout.setObjectName(u"new_passphrase_page_layout")
        self.new_passphrase_page_layout.setContentsMargins(0, 0, 0, 0)
        self.new_passphrase_intro_label = QLabel(self.new_passphrase_page)
        self.new_passphrase_intro_label.setObjectName(u"new_passphrase_intro_label")
        self.new_passphrase_intro_label.setWordWrap(True)

        self.new_passphrase_page_layout.addWidget(self.new_passphrase_intro_label)

        self.new_passphrase_layout = QFormLayout()
        self.new_passphrase_layout.setObjectName(u"new_passphrase_layout")
        self.new_passphrase_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.new_passphrase_layout.setHorizontalSpacing(12)
        self.new_passphrase_label = QLabel(self.new_passphrase_page)
        self.new_passphrase_label.setObjectName(u"new_passphrase_label")

        self.new_passphrase_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.new_passphrase_label)

        self.new_passphrase_edit = QLineEdit(self.new_passphrase_page)
        self.new_passphrase_edit.setObjectName(u"new_passphrase_edit")
        self.new_passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.new_passphrase_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.new_passphrase_edit)

        self.strength_label = QLabel(self.new_passphrase_page)
        self.strength_label.setObjectName(u"strength_label")
        self.strength_label.setWordWrap(True)

        self.new_passphrase_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.strength_label)

        self.new_confirmation_label = QLabel(self.new_passphrase_page)
        self.new_confirmation_label.setObjectName(u"new_confirmation_label")

        self.new_passphrase_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_confirmation_label)

        self.new_confirmation_edit = QLineEdit(self.new_passphrase_page)
        self.new_confirmation_edit.setObjectName(u"new_confirmation_edit")
        self.new_confirmation_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.new_passphrase_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.new_confirmation_edit)


        self.new_passphrase_page_layout.addLayout(self.new_passphrase_layout)

        self.new_passphrase_buttons_layout = QHBoxLayout()
        self.new_passphrase_buttons_layout.setObjectName(u"new_passphrase_buttons_layout")
        self.abandon_button = QPushButton(self.new_passphrase_page)
        self.abandon_button.setObjectName(u"abandon_button")

        self.new_passphrase_buttons_layout.addWidget(self.abandon_button)

        self.new_passphrase_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.new_passphrase_buttons_layout.addItem(self.new_passphrase_buttons_spacer)

        self.set_passphrase_button = QPushButton(self.new_passphrase_page)
        self.set_passphrase_button.setObjectName(u"set_passphrase_button")

        self.new_passphrase_buttons_layout.addWidget(self.set_passphrase_button)


        self.new_passphrase_page_layout.addLayout(self.new_passphrase_buttons_layout)


        self.mode_layout.addWidget(self.new_passphrase_page)


        self.card_layout.addWidget(self.mode_container)

        self.message_label = QLabel(self.card)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.card_layout.addWidget(self.message_label)

        self.busy_bar = QProgressBar(self.card)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setMaximum(0)
        self.busy_bar.setTextVisible(False)

        self.card_layout.addWidget(self.busy_bar)

        self.footer_layout = QHBoxLayout()
        self.footer_layout.setObjectName(u"footer_layout")
        self.new_profile_button = QPushButton(self.card)
        self.new_profile_button.setObjectName(u"new_profile_button")

        self.footer_layout.addWidget(self.new_profile_button)

        self.footer_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer_layout.addItem(self.footer_spacer)


        self.card_layout.addLayout(self.footer_layout)


        self.outer_layout.addWidget(self.card, 1, 1, 1, 1)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer, 1, 2, 1, 1)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.bottom_spacer, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.profile_label.setBuddy(self.profile_combo)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.code_label.setBuddy(self.code_edit)
        self.new_passphrase_label.setBuddy(self.new_passphrase_edit)
        self.new_confirmation_label.setBuddy(self.new_confirmation_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.profile_combo, self.passphrase_edit)
        QWidget.setTabOrder(self.passphrase_edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.use_recovery_button)
        QWidget.setTabOrder(self.use_recovery_button, self.code_edit)
        QWidget.setTabOrder(self.code_edit, self.recovery_unlock_button)
        QWidget.setTabOrder(self.recovery_unlock_button, self.use_passphrase_button)
        QWidget.setTabOrder(self.use_passphrase_button, self.new_passphrase_edit)
        QWidget.setTabOrder(self.new_passphrase_edit, self.new_confirmation_edit)
        QWidget.setTabOrder(self.new_confirmation_edit, self.set_passphrase_button)
        QWidget.setTabOrder(self.set_passphrase_button, self.abandon_button)
        QWidget.setTabOrder(self.abandon_button, self.new_profile_button)

        self.retranslateUi(UnlockForm)

        QMetaObject.connectSlotsByName(UnlockForm)
    # setupUi

    def retranslateUi(self, UnlockForm):
        self.title_label.setText(QCoreApplication.translate("UnlockForm", u"D\u00e9verrouiller mediateur", None))
        self.profile_label.setText(QCoreApplication.translate("UnlockForm", u"Pro&fil", None))
        self.passphrase_label.setText(QCoreApplication.translate("UnlockForm", u"&Phrase de passe", None))
        self.use_recovery_button.setText(QCoreApplication.translate("UnlockForm", u"Phrase de passe oubli\u00e9e ? Utiliser le &code de r\u00e9cup\u00e9ration", None))
        self.unlock_button.setText(QCoreApplication.translate("UnlockForm", u"&D\u00e9verrouiller", None))
        self.recovery_intro_label.setText(QCoreApplication.translate("UnlockForm", u"Saisissez le code de r\u00e9cup\u00e9ration remis \u00e0 la cr\u00e9ation du profil (7 groupes de 4 caract\u00e8res). Vous choisirez ensuite une nouvelle phrase de passe.", None))
        self.code_label.setText(QCoreApplication.translate("UnlockForm", u"Code de r\u00e9&cup\u00e9ration", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("UnlockForm", u"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", None))
        self.use_passphrase_button.setText(QCoreApplication.translate("UnlockForm", u"&Revenir \u00e0 la phrase de passe", None))
        self.recovery_unlock_button.setText(QCoreApplication.translate("UnlockForm", u"&D\u00e9verrouiller avec le code", None))
        self.new_passphrase_intro_label.setText(QCoreApplication.translate("UnlockForm", u"Profil ouvert avec le code de r\u00e9cup\u00e9ration. Choisissez maintenant une nouvelle phrase de passe : l'ancienne ne fonctionnera plus, le code de r\u00e9cup\u00e9ration reste valable.", None))
        self.new_passphrase_label.setText(QCoreApplication.translate("UnlockForm", u"&Nouvelle phrase de passe", None))
        self.new_confirmation_label.setText(QCoreApplication.translate("UnlockForm", u"C&onfirmation", None))
        self.abandon_button.setText(QCoreApplication.translate("UnlockForm", u"&Annuler et verrouiller", None))
        self.set_passphrase_button.setText(QCoreApplication.translate("UnlockForm", u"&Enregistrer la phrase de passe", None))
#if QT_CONFIG(accessibility)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("UnlockForm", u"D\u00e9verrouillage en cours", None))
#endif // QT_CONFIG(accessibility)
        self.new_profile_button.setText(QCoreApplication.translate("UnlockForm", u"Cr\u00e9er un au&tre profil", None))
        pass
    # retranslateUi

