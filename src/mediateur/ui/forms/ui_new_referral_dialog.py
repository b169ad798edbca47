# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_referral_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QApplication, QDateTimeEdit, QDialog, QFormLayout,
    QFrame, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

from mediateur.ui.choice_group import ChoiceGroup
from mediateur.ui.referrals.partner_picker import PartnerPicker

class Ui_NewReferralDialog(object):
    def setupUi(self, NewReferralDialog):
        if not NewReferralDialog.objectName():
            NewReferralDialog.setObjectName(u"NewReferralDialog")
        self.outer_layout = QVBoxLayout(NewReferralDialog)
        self.outer_layout.setSpacing(8)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(NewReferralDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.person_label = QLabel(NewReferralDialog)
        self.person_label.setObjectName(u"person_label")
        self.person_label.setWordWrap(True)

        self.outer_layout.addWidget(self.person_label)

        self.step_label = QLabel(NewReferralDialog)
        self.step_label.setObjectName(u"step_label")
        self.step_label.setWordWrap(True)

        self.outer_layout.addWidget(self.step_label)

        self.steps_stack = QStackedWidget(NewReferralDialog)
        self.steps_stack.setObjectName(u"steps_stack")
        self.partner_page = QWidget()
        self.partner_page.setObjectName(u"partner_page")
        self.partner_page_layout = QVBoxLayout(self.partner_page)
        self.partner_page_layout.setObjectName(u"partner_page_layout")
        self.partner_page_layout.setContentsMargins(0, 0, 0, 0)
        self.picker = PartnerPicker(self.partner_page)
        self.picker.setObjectName(u"picker")

        self.partner_page_layout.addWidget(self.picker)

        self.steps_stack.addWidget(self.partner_page)
        self.details_page = QWidget()
        self.details_page.setObjectName(u"details_page")
        self.details_page_layout = QVBoxLayout(self.details_page)
        self.details_page_layout.setObjectName(u"details_page_layout")
        self.details_page_layout.setContentsMargins(0, 0, 0, 0)
        self.chosen_layout = QHBoxLayout()
        self.chosen_layout.setObjectName(u"chosen_layout")
        self.chosen_label = QLabel(self.details_page)
        self.chosen_label.setObjectName(u"chosen_label")
        self.chosen_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.chosen_label.sizePolicy().hasHeightForWidth())
        self.chosen_label.setSizePolicy(sizePolicy)

        self.chosen_layout.addWidget(self.chosen_label)

        self.change_partner_button = QPushButton(self.details_page)
        self.change_partner_button.setObjectName(u"change_partner_button")
        self.change_partner_button.setAutoDefault(False)

        self.chosen_layout.addWidget(self.change_partner_button)


        self.details_page_layout.addLayout(self.chosen_layout)

        self.details_scroll = QScrollArea(self.details_page)
        self.details_scroll.setObjectName(u"details_scroll")
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_contents = QWidget()
        self.details_contents.setObjectName(u"details_contents")
        self.details_contents_layout = QVBoxLayout(self.details_contents)
        self.details_contents_layout.setObjectName(u"details_contents_layout")
        self.details_contents_layout.setContentsMargins(0, -1, 0, -1)
        self.details_layout = QFormLayout()
        self.details_layout.setObjectName(u"details_layout")
        self.details_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.details_layout.setVerticalSpacing(10)
        self.barriers_label = QLabel(self.details_contents)
        self.barriers_label.setObjectName(u"barriers_label")

        self.details_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.barriers_label)

        self.barriers_layout = QVBoxLayout()
        self.barriers_layout.setSpacing(2)
        self.barriers_layout.setObjectName(u"barriers_layout")
        self.barriers_group = ChoiceGroup(self.details_contents)
        self.barriers_group.setObjectName(u"barriers_group")

        self.barriers_layout.addWidget(self.barriers_group)

        self.barriers_message_label = QLabel(self.details_contents)
        self.barriers_message_label.setObjectName(u"barriers_message_label")
        self.barriers_message_label.setWordWrap(True)

        self.barriers_layout.addWidget(self.barriers_message_label)


        self.details_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.barriers_layout)

        self.reason_label = QLabel(self.details_contents)
        self.reason_label.setObjectName(u"reason_label")

        self.details_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_layout = QVBoxLayout()
        self.reason_layout.setSpacing(2)
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_edit = QPlainTextEdit(self.details_contents)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumSize(QSize(16777215, 80))

        self.reason_layout.addWidget(self.reason_edit)

        self.reason_hint_label = QLabel(self.details_contents)
        self.reason_hint_label.setObjectName(u"reason_hint_label")
        self.reason_hint_label.setWordWrap(True)

        self.reason_layout.addWidget(self.reason_hint_label)

        self.reason_message_label = QLabel(self.details_contents)
        self.reason_message_label.setObjectName(u"reason_message_label")
        self.reason_message_label.setWordWrap(True)

        self.reason_layout.addWidget(self.reason_message_label)


        self.details_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.reason_layout)

        self.next_label = QLabel(self.details_contents)
        self.next_label.setObjectName(u"next_label")

        self.details_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.next_label)

        self.next_layout = QVBoxLayout()
        self.next_layout.setSpacing(4)
        self.next_layout.setObjectName(u"next_layout")
        self.next_group = ChoiceGroup(self.details_contents)
        self.next_group.setObjectName(u"next_group")

        self.next_layout.addWidget(self.next_group)

        self.appointment_layout = QHBoxLayout()
        self.appointment_layout.setObjectName(u"appointment_layout")
        self.appointment_label = QLabel(self.details_contents)
        self.appointment_label.setObjectName(u"appointment_label")

        self.appointment_layout.addWidget(self.appointment_label)

        self.appointment_edit = QDateTimeEdit(self.details_contents)
        self.appointment_edit.setObjectName(u"appointment_edit")
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")

        self.appointment_layout.addWidget(self.appointment_edit)

        self.appointment_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.appointment_layout.addItem(self.appointment_spacer)


        self.next_layout.addLayout(self.appointment_layout)

        self.next_message_label = QLabel(self.details_contents)
        self.next_message_label.setObjectName(u"next_message_label")
        self.next_message_label.setWordWrap(True)

        self.next_layout.addWidget(self.next_message_label)


        self.details_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.next_layout)

        self.sharing_label = QLabel(self.details_contents)
        self.sharing_label.setObjectName(u"sharing_label")

        self.details_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sharing_label)

        self.sharing_layout = QVBoxLayout()
        self.sharing_layout.setSpacing(2)
        self.sharing_layout.setObjectName(u"sharing_layout")
        self.sharing_hint_label = QLabel(self.details_contents)
        self.sharing_hint_label.setObjectName(u"sharing_hint_label")
        self.sharing_hint_label.setWordWrap(True)

        self.sharing_layout.addWidget(self.sharing_hint_label)

        self.sharing_group = ChoiceGroup(self.details_contents)
        self.sharing_group.setObjectName(u"sharing_group")

        self.sharing_layout.addWidget(self.sharing_group)

        self.sharing_message_label = QLabel(self.details_contents)
        self.sharing_message_label.setObjectName(u"sharing_message_label")
        self.sharing_message_label.setWordWrap(True)

        self.sharing_layout.addWidget(self.sharing_message_label)


        self.details_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sharing_layout)


        self.details_contents_layout.addLayout(self.details_layout)

        self.details_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_contents_layout.addItem(self.details_spacer)

        self.details_scroll.setWidget(self.details_contents)

        self.details_page_layout.addWidget(self.details_scroll)

        self.steps_stack.addWidget(self.details_page)

        self.outer_layout.addWidget(self.steps_stack)

        self.message_label = QLabel(NewReferralDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.back_button = QPushButton(NewReferralDialog)
        self.back_button.setObjectName(u"back_button")
        self.back_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.back_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(NewReferralDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)

        self.draft_button = QPushButton(NewReferralDialog)
        self.draft_button.setObjectName(u"draft_button")
        self.draft_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.draft_button)

        self.pdf_button = QPushButton(NewReferralDialog)
        self.pdf_button.setObjectName(u"pdf_button")
        self.pdf_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.pdf_button)

        self.print_button = QPushButton(NewReferralDialog)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.print_button)

        self.next_button = QPushButton(NewReferralDialog)
        self.next_button.setObjectName(u"next_button")
        self.next_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.next_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.barriers_label.setBuddy(self.barriers_group)
        self.reason_label.setBuddy(self.reason_edit)
        self.next_label.setBuddy(self.next_group)
        self.appointment_label.setBuddy(self.appointment_edit)
        self.sharing_label.setBuddy(self.sharing_group)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.picker, self.change_partner_button)
        QWidget.setTabOrder(self.change_partner_button, self.barriers_group)
        QWidget.setTabOrder(self.barriers_group, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.next_group)
        QWidget.setTabOrder(self.next_group, self.appointment_edit)
        QWidget.setTabOrder(self.appointment_edit, self.sharing_group)
        QWidget.setTabOrder(self.sharing_group, self.print_button)
        QWidget.setTabOrder(self.print_button, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.draft_button)
        QWidget.setTabOrder(self.draft_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.cancel_button)

        self.retranslateUi(NewReferralDialog)

        QMetaObject.connectSlotsByName(NewReferralDialog)
    # setupUi

    def retranslateUi(self, NewReferralDialog):
        NewReferralDialog.setWindowTitle(QCoreApplication.translate("NewReferralDialog", u"Nouvelle orientation", None))
        self.title_label.setText(QCoreApplication.translate("NewReferralDialog", u"Nouvelle orientation", None))
        self.change_partner_button.setText(QCoreApplication.translate("NewReferralDialog", u"&Changer de partenaire", None))
        self.barriers_label.setText(QCoreApplication.translate("NewReferralDialog", u"&Freins", None))
        self.reason_label.setText(QCoreApplication.translate("NewReferralDialog", u"&Motif", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("NewReferralDialog", u"Motif court et neutre, par exemple : souhaite un accompagnement pour passer le permis B", None))
        self.next_label.setText(QCoreApplication.translate("NewReferralDialog", u"S&uite pr\u00e9vue", None))
        self.appointment_label.setText(QCoreApplication.translate("NewReferralDialog", u"&Rendez-vous le", None))
        self.sharing_label.setText(QCoreApplication.translate("NewReferralDialog", u"&Transmis au partenaire", None))
        self.back_button.setText(QCoreApplication.translate("NewReferralDialog", u"&Pr\u00e9c\u00e9dent", None))
        self.cancel_button.setText(QCoreApplication.translate("NewReferralDialog", u"Annuler", None))
        self.draft_button.setText(QCoreApplication.translate("NewReferralDialog", u"Garder en &brouillon", None))
        self.pdf_button.setText(QCoreApplication.translate("NewReferralDialog", u"Enregistrer en P&DF\u2026", None))
        self.print_button.setText(QCoreApplication.translate("NewReferralDialog", u"&Aper\u00e7u et impression\u2026", None))
        self.next_button.setText(QCoreApplication.translate("NewReferralDialog", u"&Suivant", None))
    # retranslateUi

