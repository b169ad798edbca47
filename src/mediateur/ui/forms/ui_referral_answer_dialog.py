# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referral_answer_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateTimeEdit, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ReferralAnswerDialog(object):
    def setupUi(self, ReferralAnswerDialog):
        if not ReferralAnswerDialog.objectName():
            ReferralAnswerDialog.setObjectName(u"ReferralAnswerDialog")
        self.outer_layout = QVBoxLayout(ReferralAnswerDialog)
        self.outer_layout.setSpacing(10)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(ReferralAnswerDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.current_label = QLabel(ReferralAnswerDialog)
        self.current_label.setObjectName(u"current_label")
        self.current_label.setWordWrap(True)

        self.outer_layout.addWidget(self.current_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_label = QLabel(ReferralAnswerDialog)
        self.status_label.setObjectName(u"status_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(ReferralAnswerDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.refusal_label = QLabel(ReferralAnswerDialog)
        self.refusal_label.setObjectName(u"refusal_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.refusal_label)

        self.refusal_layout = QVBoxLayout()
        self.refusal_layout.setSpacing(2)
        self.refusal_layout.setObjectName(u"refusal_layout")
        self.refusal_combo = QComboBox(ReferralAnswerDialog)
        self.refusal_combo.setObjectName(u"refusal_combo")

        self.refusal_layout.addWidget(self.refusal_combo)

        self.refusal_message_label = QLabel(ReferralAnswerDialog)
        self.refusal_message_label.setObjectName(u"refusal_message_label")
        self.refusal_message_label.setWordWrap(True)

        self.refusal_layout.addWidget(self.refusal_message_label)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.refusal_layout)

        self.at_label = QLabel(ReferralAnswerDialog)
        self.at_label.setObjectName(u"at_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.at_label)

        self.at_layout = QVBoxLayout()
        self.at_layout.setSpacing(2)
        self.at_layout.setObjectName(u"at_layout")
        self.at_edit = QDateTimeEdit(ReferralAnswerDialog)
        self.at_edit.setObjectName(u"at_edit")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.at_edit.setMaximumSize(QSize(180, 16777215))

        self.at_layout.addWidget(self.at_edit)

        self.at_message_label = QLabel(ReferralAnswerDialog)
        self.at_message_label.setObjectName(u"at_message_label")
        self.at_message_label.setWordWrap(True)

        self.at_layout.addWidget(self.at_message_label)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.at_layout)

        self.note_label = QLabel(ReferralAnswerDialog)
        self.note_label.setObjectName(u"note_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_layout = QVBoxLayout()
        self.note_layout.setSpacing(2)
        self.note_layout.setObjectName(u"note_layout")
        self.note_edit = QLineEdit(ReferralAnswerDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(300)

        self.note_layout.addWidget(self.note_edit)

        self.note_hint_label = QLabel(ReferralAnswerDialog)
        self.note_hint_label.setObjectName(u"note_hint_label")
        self.note_hint_label.setWordWrap(True)

        self.note_layout.addWidget(self.note_hint_label)

        self.note_message_label = QLabel(ReferralAnswerDialog)
        self.note_message_label.setObjectName(u"note_message_label")
        self.note_message_label.setWordWrap(True)

        self.note_layout.addWidget(self.note_message_label)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.note_layout)


        self.outer_layout.addLayout(self.fields_layout)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(ReferralAnswerDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(ReferralAnswerDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.status_label.setBuddy(self.status_combo)
        self.refusal_label.setBuddy(self.refusal_combo)
        self.at_label.setBuddy(self.at_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.status_combo, self.refusal_combo)
        QWidget.setTabOrder(self.refusal_combo, self.at_edit)
        QWidget.setTabOrder(self.at_edit, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(ReferralAnswerDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReferralAnswerDialog)
    # setupUi

    def retranslateUi(self, ReferralAnswerDialog):
        ReferralAnswerDialog.setWindowTitle(QCoreApplication.translate("ReferralAnswerDialog", u"R\u00e9ponse du partenaire", None))
        self.title_label.setText(QCoreApplication.translate("ReferralAnswerDialog", u"R\u00e9ponse du partenaire", None))
        self.status_label.setText(QCoreApplication.translate("ReferralAnswerDialog", u"&Nouveau statut", None))
        self.refusal_label.setText(QCoreApplication.translate("ReferralAnswerDialog", u"&Motif du refus", None))
        self.at_label.setText(QCoreApplication.translate("ReferralAnswerDialog", u"&Date et heure", None))
        self.note_label.setText(QCoreApplication.translate("ReferralAnswerDialog", u"N&ote", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ReferralAnswerDialog", u"Facultatif, par exemple : rappel du partenaire le matin", None))
        self.cancel_button.setText(QCoreApplication.translate("ReferralAnswerDialog", u"Annuler", None))
        self.save_button.setText(QCoreApplication.translate("ReferralAnswerDialog", u"&Enregistrer la r\u00e9ponse", None))
    # retranslateUi

