# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunForm(object):
    def setupUi(self, FirstRunForm):
        if not FirstRunForm.objectName():
            FirstRunForm.setObjectName(u"FirstRunForm")
        FirstRunForm.resize(900, 640)
        self.outer_layout = QGridLayout(FirstRunForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.top_spacer, 0, 1, 1, 1)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_spacer, 1, 0, 1, 1)

        self.card = QWidget(FirstRunForm)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(520, 0))
        self.card.setMaximumSize(QSize(640, 16777215))
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setSpacing(12)
        self.card_layout.setObjectName(u"card_layout")
        self.title_label = QLabel(self.card)
        self.title_label.setObjectName(u"title_label")

        self.card_layout.addWidget(self.title_label)

        self.intro_label = QLabel(self.card)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.card_layout.addWidget(self.intro_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.name_label = QLabel(self.card)
        self.name_label.setObjectName(u"name_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.card)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(40)

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_message_label = QLabel(self.card)
        self.name_message_label.setObjectName(u"name_message_label")
        self.name_message_label.setWordWrap(True)

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_message_label)

        self.passphrase_label = QLabel(self.card)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(self.card)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.strength_label = QLabel(self.card)
        self.strength_label.setObjectName(u"strength_label")
        self.strength_label.setWordWrap(True)

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strength_label)

        self.confirmation_label = QLabel(self.card)
        self.confirmation_label.setObjectName(u"confirmation_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmation_label)

        self.confirmation_edit = QLineEdit(self.card)
        self.confirmation_edit.setObjectName(u"confirmation_edit")
        self.confirmation_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmation_edit)

        self.confirmation_message_label = QLabel(self.card)
        self.confirmation_message_label.setObjectName(u"confirmation_message_label")
        self.confirmation_message_label.setWordWrap(True)

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confirmation_message_label)


        self.card_layout.addLayout(self.fields_layout)

        self.error_label = QLabel(self.card)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.card_layout.addWidget(self.error_label)

        self.busy_bar = QProgressBar(self.card)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setMaximum(0)
        self.busy_bar.setTextVisible(False)

        self.card_layout.addWidget(self.busy_bar)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.back_button = QPushButton(self.card)
        self.back_button.setObjectName(u"back_button")

        self.buttons_layout.addWidget(self.back_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.create_button = QPushButton(self.card)
        self.create_button.setObjectName(u"create_button")

        self.buttons_layout.addWidget(self.create_button)


        self.card_layout.addLayout(self.buttons_layout)


        self.outer_layout.addWidget(self.card, 1, 1, 1, 1)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer, 1, 2, 1, 1)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer_layout.addItem(self.bottom_spacer, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirmation_label.setBuddy(self.confirmation_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.passphrase_edit)
        QWidget.setTabOrder(self.passphrase_edit, self.confirmation_edit)
        QWidget.setTabOrder(self.confirmation_edit, self.create_button)
        QWidget.setTabOrder(self.create_button, self.back_button)

        self.retranslateUi(FirstRunForm)

        self.create_button.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunForm)
    # setupUi

    def retranslateUi(self, FirstRunForm):
        self.title_label.setText(QCoreApplication.translate("FirstRunForm", u"Bienvenue dans mediateur", None))
        self.intro_label.setText(QCoreApplication.translate("FirstRunForm", u"Cr\u00e9ez votre profil. Tout ce que vous y saisirez est chiffr\u00e9 sur cet ordinateur avec votre phrase de passe : sans elle, ni sans le code de r\u00e9cup\u00e9ration remis \u00e0 la fin, personne ne peut lire ces donn\u00e9es.", None))
        self.name_label.setText(QCoreApplication.translate("FirstRunForm", u"&Nom du profil", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("FirstRunForm", u"par exemple : principal, ou votre pr\u00e9nom", None))
        self.passphrase_label.setText(QCoreApplication.translate("FirstRunForm", u"&Phrase de passe", None))
        self.confirmation_label.setText(QCoreApplication.translate("FirstRunForm", u"&Confirmation", None))
        self.confirmation_edit.setPlaceholderText(QCoreApplication.translate("FirstRunForm", u"retapez la phrase de passe", None))
#if QT_CONFIG(accessibility)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("FirstRunForm", u"Cr\u00e9ation du profil en cours", None))
#endif // QT_CONFIG(accessibility)
        self.back_button.setText(QCoreApplication.translate("FirstRunForm", u"&Retour au d\u00e9verrouillage", None))
        self.create_button.setText(QCoreApplication.translate("FirstRunForm", u"Cr\u00e9er le profil", None))
        pass
    # retranslateUi

