# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateTimeEdit,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_EventForm(object):
    def setupUi(self, EventForm):
        if not EventForm.objectName():
            EventForm.setObjectName(u"EventForm")
        self.outer_layout = QVBoxLayout(EventForm)
        self.outer_layout.setSpacing(8)
        self.outer_layout.setObjectName(u"outer_layout")
        self.form_title_label = QLabel(EventForm)
        self.form_title_label.setObjectName(u"form_title_label")

        self.outer_layout.addWidget(self.form_title_label)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.fields_column = QVBoxLayout()
        self.fields_column.setObjectName(u"fields_column")
        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_label = QLabel(EventForm)
        self.kind_label.setObjectName(u"kind_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_layout = QVBoxLayout()
        self.kind_layout.setSpacing(2)
        self.kind_layout.setObjectName(u"kind_layout")
        self.kind_combo = QComboBox(EventForm)
        self.kind_combo.setObjectName(u"kind_combo")

        self.kind_layout.addWidget(self.kind_combo)

        self.kind_message_label = QLabel(EventForm)
        self.kind_message_label.setObjectName(u"kind_message_label")
        self.kind_message_label.setWordWrap(True)
        self.kind_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.kind_layout.addWidget(self.kind_message_label)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kind_layout)

        self.title_label = QLabel(EventForm)
        self.title_label.setObjectName(u"title_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_layout = QVBoxLayout()
        self.title_layout.setSpacing(2)
        self.title_layout.setObjectName(u"title_layout")
        self.title_edit = QLineEdit(EventForm)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaxLength(150)

        self.title_layout.addWidget(self.title_edit)

        self.title_message_label = QLabel(EventForm)
        self.title_message_label.setObjectName(u"title_message_label")
        self.title_message_label.setWordWrap(True)
        self.title_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title_layout.addWidget(self.title_message_label)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.title_layout)

        self.starts_at_label = QLabel(EventForm)
        self.starts_at_label.setObjectName(u"starts_at_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.starts_at_label)

        self.starts_at_layout = QVBoxLayout()
        self.starts_at_layout.setSpacing(2)
        self.starts_at_layout.setObjectName(u"starts_at_layout")
        self.starts_at_edit = QDateTimeEdit(EventForm)
        self.starts_at_edit.setObjectName(u"starts_at_edit")
        self.starts_at_edit.setCalendarPopup(True)
        self.starts_at_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.starts_at_edit.setMaximumSize(QSize(180, 16777215))

        self.starts_at_layout.addWidget(self.starts_at_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.starts_at_message_label = QLabel(EventForm)
        self.starts_at_message_label.setObjectName(u"starts_at_message_label")
        self.starts_at_message_label.setWordWrap(True)
        self.starts_at_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.starts_at_layout.addWidget(self.starts_at_message_label)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.starts_at_layout)

        self.ends_at_label = QLabel(EventForm)
        self.ends_at_label.setObjectName(u"ends_at_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ends_at_label)

        self.ends_at_layout = QVBoxLayout()
        self.ends_at_layout.setSpacing(2)
        self.ends_at_layout.setObjectName(u"ends_at_layout")
        self.ends_at_box = QWidget(EventForm)
        self.ends_at_box.setObjectName(u"ends_at_box")
        self.ends_at_row = QHBoxLayout(self.ends_at_box)
        self.ends_at_row.setObjectName(u"ends_at_row")
        self.ends_at_row.setContentsMargins(0, 0, 0, 0)
        self.has_end_check = QCheckBox(self.ends_at_box)
        self.has_end_check.setObjectName(u"has_end_check")

        self.ends_at_row.addWidget(self.has_end_check)

        self.ends_at_edit = QDateTimeEdit(self.ends_at_box)
        self.ends_at_edit.setObjectName(u"ends_at_edit")
        self.ends_at_edit.setCalendarPopup(True)
        self.ends_at_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.ends_at_edit.setMaximumSize(QSize(180, 16777215))

        self.ends_at_row.addWidget(self.ends_at_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.ends_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ends_at_row.addItem(self.ends_spacer)


        self.ends_at_layout.addWidget(self.ends_at_box)

        self.ends_at_message_label = QLabel(EventForm)
        self.ends_at_message_label.setObjectName(u"ends_at_message_label")
        self.ends_at_message_label.setWordWrap(True)
        self.ends_at_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.ends_at_layout.addWidget(self.ends_at_message_label)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.ends_at_layout)

        self.qpv_label = QLabel(EventForm)
        self.qpv_label.setObjectName(u"qpv_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.qpv_label)

        self.qpv_layout = QVBoxLayout()
        self.qpv_layout.setSpacing(2)
        self.qpv_layout.setObjectName(u"qpv_layout")
        self.qpv_combo = QComboBox(EventForm)
        self.qpv_combo.setObjectName(u"qpv_combo")

        self.qpv_layout.addWidget(self.qpv_combo)

        self.qpv_message_label = QLabel(EventForm)
        self.qpv_message_label.setObjectName(u"qpv_message_label")
        self.qpv_message_label.setWordWrap(True)
        self.qpv_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.qpv_layout.addWidget(self.qpv_message_label)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.qpv_layout)

        self.place_label = QLabel(EventForm)
        self.place_label.setObjectName(u"place_label")

        self.fields_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_layout = QVBoxLayout()
        self.place_layout.setSpacing(2)
        self.place_layout.setObjectName(u"place_layout")
        self.place_edit = QLineEdit(EventForm)
        self.place_edit.setObjectName(u"place_edit")
        self.place_edit.setMaxLength(150)

        self.place_layout.addWidget(self.place_edit)

        self.place_message_label = QLabel(EventForm)
        self.place_message_label.setObjectName(u"place_message_label")
        self.place_message_label.setWordWrap(True)
        self.place_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.place_layout.addWidget(self.place_message_label)


        self.fields_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.place_layout)

        self.headcount_label = QLabel(EventForm)
        self.headcount_label.setObjectName(u"headcount_label")

        self.fields_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.headcount_label)

        self.headcount_layout = QVBoxLayout()
        self.headcount_layout.setSpacing(2)
        self.headcount_layout.setObjectName(u"headcount_layout")
        self.headcount_spin = QSpinBox(EventForm)
        self.headcount_spin.setObjectName(u"headcount_spin")
        self.headcount_spin.setMaximum(99999)
        self.headcount_spin.setMaximumSize(QSize(160, 16777215))

        self.headcount_layout.addWidget(self.headcount_spin, 0, Qt.AlignmentFlag.AlignLeft)

        self.headcount_message_label = QLabel(EventForm)
        self.headcount_message_label.setObjectName(u"headcount_message_label")
        self.headcount_message_label.setWordWrap(True)
        self.headcount_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headcount_layout.addWidget(self.headcount_message_label)


        self.fields_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.headcount_layout)


        self.fields_column.addLayout(self.fields_layout)

        self.fields_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fields_column.addItem(self.fields_spacer)


        self.columns_layout.addLayout(self.fields_column)

        self.columns_spacer = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.columns_layout.addItem(self.columns_spacer)

        self.partners_layout = QVBoxLayout()
        self.partners_layout.setSpacing(2)
        self.partners_layout.setObjectName(u"partners_layout")
        self.partner_ids_label = QLabel(EventForm)
        self.partner_ids_label.setObjectName(u"partner_ids_label")

        self.partners_layout.addWidget(self.partner_ids_label)

        self.partners_list = QListWidget(EventForm)
        self.partners_list.setObjectName(u"partners_list")
        self.partners_list.setMinimumSize(QSize(0, 90))

        self.partners_layout.addWidget(self.partners_list)

        self.partner_ids_message_label = QLabel(EventForm)
        self.partner_ids_message_label.setObjectName(u"partner_ids_message_label")
        self.partner_ids_message_label.setWordWrap(True)
        self.partner_ids_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.partners_layout.addWidget(self.partner_ids_message_label)


        self.columns_layout.addLayout(self.partners_layout)

        self.columns_layout.setStretch(0, 3)
        self.columns_layout.setStretch(2, 2)

        self.outer_layout.addLayout(self.columns_layout)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.message_label = QLabel(EventForm)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons_layout.addWidget(self.message_label)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.new_button = QPushButton(EventForm)
        self.new_button.setObjectName(u"new_button")

        self.buttons_layout.addWidget(self.new_button)

        self.save_button = QPushButton(EventForm)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.buttons_layout.setStretch(0, 1)

        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.title_label.setBuddy(self.title_edit)
        self.starts_at_label.setBuddy(self.starts_at_edit)
        self.ends_at_label.setBuddy(self.has_end_check)
        self.qpv_label.setBuddy(self.qpv_combo)
        self.place_label.setBuddy(self.place_edit)
        self.headcount_label.setBuddy(self.headcount_spin)
        self.partner_ids_label.setBuddy(self.partners_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_combo, self.title_edit)
        QWidget.setTabOrder(self.title_edit, self.starts_at_edit)
        QWidget.setTabOrder(self.starts_at_edit, self.has_end_check)
        QWidget.setTabOrder(self.has_end_check, self.ends_at_edit)
        QWidget.setTabOrder(self.ends_at_edit, self.qpv_combo)
        QWidget.setTabOrder(self.qpv_combo, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.headcount_spin)
        QWidget.setTabOrder(self.headcount_spin, self.partners_list)
        QWidget.setTabOrder(self.partners_list, self.save_button)
        QWidget.setTabOrder(self.save_button, self.new_button)

        self.retranslateUi(EventForm)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(EventForm)
    # setupUi

    def retranslateUi(self, EventForm):
        self.form_title_label.setText(QCoreApplication.translate("EventForm", u"Nouvel \u00e9v\u00e9nement", None))
        self.kind_label.setText(QCoreApplication.translate("EventForm", u"&Type", None))
        self.title_label.setText(QCoreApplication.translate("EventForm", u"&Intitul\u00e9 *", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("EventForm", u"Par exemple : Pied d'immeuble emploi \u2014 Carriet", None))
        self.starts_at_label.setText(QCoreApplication.translate("EventForm", u"&D\u00e9but *", None))
        self.ends_at_label.setText(QCoreApplication.translate("EventForm", u"&Fin", None))
        self.has_end_check.setText(QCoreApplication.translate("EventForm", u"Connue :", None))
        self.qpv_label.setText(QCoreApplication.translate("EventForm", u"&QPV", None))
        self.place_label.setText(QCoreApplication.translate("EventForm", u"&Lieu", None))
        self.headcount_label.setText(QCoreApplication.translate("EventForm", u"&Personnes rencontr\u00e9es", None))
        self.headcount_spin.setSpecialValueText(QCoreApplication.translate("EventForm", u"Non renseign\u00e9", None))
        self.partner_ids_label.setText(QCoreApplication.translate("EventForm", u"P&artenaires associ\u00e9s", None))
        self.new_button.setText(QCoreApplication.translate("EventForm", u"&Nouvel \u00e9v\u00e9nement", None))
        self.save_button.setText(QCoreApplication.translate("EventForm", u"En&registrer", None))
        pass
    # retranslateUi

