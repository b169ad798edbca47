# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_up_dialog.ui'
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
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from mediateur.ui.fields import DateField

class Ui_FollowUpDialog(object):
    def setupUi(self, FollowUpDialog):
        if not FollowUpDialog.objectName():
            FollowUpDialog.setObjectName(u"FollowUpDialog")
        self.outer_layout = QVBoxLayout(FollowUpDialog)
        self.outer_layout.setSpacing(10)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(FollowUpDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.occurred_at_label = QLabel(FollowUpDialog)
        self.occurred_at_label.setObjectName(u"occurred_at_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.occurred_at_label)

        self.occurred_at_layout = QVBoxLayout()
        self.occurred_at_layout.setSpacing(2)
        self.occurred_at_layout.setObjectName(u"occurred_at_layout")
        self.occurred_at_edit = QDateTimeEdit(FollowUpDialog)
        self.occurred_at_edit.setObjectName(u"occurred_at_edit")
        self.occurred_at_edit.setCalendarPopup(True)
        self.occurred_at_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.occurred_at_edit.setMaximumSize(QSize(180, 16777215))

        self.occurred_at_layout.addWidget(self.occurred_at_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.occurred_at_message_label = QLabel(FollowUpDialog)
        self.occurred_at_message_label.setObjectName(u"occurred_at_message_label")
        self.occurred_at_message_label.setWordWrap(True)
        self.occurred_at_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.occurred_at_layout.addWidget(self.occurred_at_message_label)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.occurred_at_layout)

        self.kind_label = QLabel(FollowUpDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_layout = QVBoxLayout()
        self.kind_layout.setSpacing(2)
        self.kind_layout.setObjectName(u"kind_layout")
        self.kind_combo = QComboBox(FollowUpDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.kind_layout.addWidget(self.kind_combo)

        self.kind_message_label = QLabel(FollowUpDialog)
        self.kind_message_label.setObjectName(u"kind_message_label")
        self.kind_message_label.setWordWrap(True)
        self.kind_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.kind_layout.addWidget(self.kind_message_label)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.kind_layout)

        self.summary_label = QLabel(FollowUpDialog)
        self.summary_label.setObjectName(u"summary_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary_layout = QVBoxLayout()
        self.summary_layout.setSpacing(2)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_edit = QPlainTextEdit(FollowUpDialog)
        self.summary_edit.setObjectName(u"summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumSize(QSize(16777215, 110))

        self.summary_layout.addWidget(self.summary_edit)

        self.summary_hint_label = QLabel(FollowUpDialog)
        self.summary_hint_label.setObjectName(u"summary_hint_label")
        self.summary_hint_label.setWordWrap(True)

        self.summary_layout.addWidget(self.summary_hint_label)

        self.summary_message_label = QLabel(FollowUpDialog)
        self.summary_message_label.setObjectName(u"summary_message_label")
        self.summary_message_label.setWordWrap(True)
        self.summary_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summary_layout.addWidget(self.summary_message_label)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.summary_layout)

        self.next_step_label = QLabel(FollowUpDialog)
        self.next_step_label.setObjectName(u"next_step_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.next_step_label)

        self.next_step_layout = QVBoxLayout()
        self.next_step_layout.setSpacing(2)
        self.next_step_layout.setObjectName(u"next_step_layout")
        self.next_step_edit = QLineEdit(FollowUpDialog)
        self.next_step_edit.setObjectName(u"next_step_edit")
        self.next_step_edit.setMaxLength(300)

        self.next_step_layout.addWidget(self.next_step_edit)

        self.next_step_message_label = QLabel(FollowUpDialog)
        self.next_step_message_label.setObjectName(u"next_step_message_label")
        self.next_step_message_label.setWordWrap(True)
        self.next_step_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.next_step_layout.addWidget(self.next_step_message_label)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.next_step_layout)

        self.next_date_label = QLabel(FollowUpDialog)
        self.next_date_label.setObjectName(u"next_date_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.next_date_label)

        self.next_date_layout = QVBoxLayout()
        self.next_date_layout.setSpacing(2)
        self.next_date_layout.setObjectName(u"next_date_layout")
        self.next_date_edit = DateField(FollowUpDialog)
        self.next_date_edit.setObjectName(u"next_date_edit")
        self.next_date_edit.setMaximumSize(QSize(140, 16777215))

        self.next_date_layout.addWidget(self.next_date_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.next_date_message_label = QLabel(FollowUpDialog)
        self.next_date_message_label.setObjectName(u"next_date_message_label")
        self.next_date_message_label.setWordWrap(True)
        self.next_date_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.next_date_layout.addWidget(self.next_date_message_label)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.next_date_layout)


        self.outer_layout.addLayout(self.fields_layout)

        self.next_help_label = QLabel(FollowUpDialog)
        self.next_help_label.setObjectName(u"next_help_label")
        self.next_help_label.setWordWrap(True)

        self.outer_layout.addWidget(self.next_help_label)

        self.message_label = QLabel(FollowUpDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(FollowUpDialog)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(FollowUpDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.occurred_at_label.setBuddy(self.occurred_at_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.summary_label.setBuddy(self.summary_edit)
        self.next_step_label.setBuddy(self.next_step_edit)
        self.next_date_label.setBuddy(self.next_date_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.occurred_at_edit, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.summary_edit)
        QWidget.setTabOrder(self.summary_edit, self.next_step_edit)
        QWidget.setTabOrder(self.next_step_edit, self.next_date_edit)
        QWidget.setTabOrder(self.next_date_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(FollowUpDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(FollowUpDialog)
    # setupUi

    def retranslateUi(self, FollowUpDialog):
        FollowUpDialog.setWindowTitle(QCoreApplication.translate("FollowUpDialog", u"Nouveau suivi", None))
        self.title_label.setText(QCoreApplication.translate("FollowUpDialog", u"Nouveau suivi", None))
        self.occurred_at_label.setText(QCoreApplication.translate("FollowUpDialog", u"&Date et heure", None))
        self.kind_label.setText(QCoreApplication.translate("FollowUpDialog", u"&Type", None))
        self.summary_label.setText(QCoreApplication.translate("FollowUpDialog", u"&Compte rendu", None))
        self.next_step_label.setText(QCoreApplication.translate("FollowUpDialog", u"&Prochaine \u00e9tape", None))
        self.next_step_edit.setPlaceholderText(QCoreApplication.translate("FollowUpDialog", u"Par exemple : rappeler pour le CV", None))
        self.next_date_label.setText(QCoreApplication.translate("FollowUpDialog", u"P&our le", None))
        self.next_help_label.setText(QCoreApplication.translate("FollowUpDialog", u"Une prochaine \u00e9tape dat\u00e9e appara\u00eet dans \u00ab \u00c0 faire \u00bb le jour venu.", None))
        self.cancel_button.setText(QCoreApplication.translate("FollowUpDialog", u"Annuler", None))
        self.save_button.setText(QCoreApplication.translate("FollowUpDialog", u"&Enregistrer le suivi", None))
    # retranslateUi

