# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'terrain_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from mediateur.ui.choice_group import ChoiceGroup

class Ui_TerrainForm(object):
    def setupUi(self, TerrainForm):
        if not TerrainForm.objectName():
            TerrainForm.setObjectName(u"TerrainForm")
        self.outer_layout = QVBoxLayout(TerrainForm)
        self.outer_layout.setSpacing(8)
        self.outer_layout.setObjectName(u"outer_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setSpacing(16)
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(TerrainForm)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.message_label = QLabel(TerrainForm)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.message_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.counter_label = QLabel(TerrainForm)
        self.counter_label.setObjectName(u"counter_label")

        self.header_layout.addWidget(self.counter_label)

        self.header_layout.setStretch(1, 2)
        self.header_layout.setStretch(2, 1)

        self.outer_layout.addLayout(self.header_layout)

        self.where_group = QGroupBox(TerrainForm)
        self.where_group.setObjectName(u"where_group")
        self.where_layout = QGridLayout(self.where_group)
        self.where_layout.setObjectName(u"where_layout")
        self.event_label = QLabel(self.where_group)
        self.event_label.setObjectName(u"event_label")

        self.where_layout.addWidget(self.event_label, 0, 0, 1, 1)

        self.event_combo = QComboBox(self.where_group)
        self.event_combo.setObjectName(u"event_combo")

        self.where_layout.addWidget(self.event_combo, 0, 1, 1, 1)

        self.qpv_label = QLabel(self.where_group)
        self.qpv_label.setObjectName(u"qpv_label")

        self.where_layout.addWidget(self.qpv_label, 0, 2, 1, 1)

        self.qpv_combo = QComboBox(self.where_group)
        self.qpv_combo.setObjectName(u"qpv_combo")

        self.where_layout.addWidget(self.qpv_combo, 0, 3, 1, 1)

        self.place_label = QLabel(self.where_group)
        self.place_label.setObjectName(u"place_label")

        self.where_layout.addWidget(self.place_label, 0, 4, 1, 1)

        self.place_edit = QLineEdit(self.where_group)
        self.place_edit.setObjectName(u"place_edit")
        self.place_edit.setMaxLength(120)

        self.where_layout.addWidget(self.place_edit, 0, 5, 1, 1)

        self.place_message_label = QLabel(self.where_group)
        self.place_message_label.setObjectName(u"place_message_label")
        self.place_message_label.setWordWrap(True)
        self.place_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.where_layout.addWidget(self.place_message_label, 1, 4, 1, 2)

        self.channel_label = QLabel(self.where_group)
        self.channel_label.setObjectName(u"channel_label")

        self.where_layout.addWidget(self.channel_label, 2, 0, 1, 1)

        self.channel_group = ChoiceGroup(self.where_group)
        self.channel_group.setObjectName(u"channel_group")

        self.where_layout.addWidget(self.channel_group, 2, 1, 1, 5)

        self.channel_message_label = QLabel(self.where_group)
        self.channel_message_label.setObjectName(u"channel_message_label")
        self.channel_message_label.setWordWrap(True)
        self.channel_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.where_layout.addWidget(self.channel_message_label, 3, 1, 1, 5)

        self.where_layout.setColumnStretch(1, 4)
        self.where_layout.setColumnStretch(3, 2)
        self.where_layout.setColumnStretch(5, 2)

        self.outer_layout.addWidget(self.where_group)

        self.person_group = QGroupBox(TerrainForm)
        self.person_group.setObjectName(u"person_group")
        self.person_layout = QFormLayout(self.person_group)
        self.person_layout.setObjectName(u"person_layout")
        self.person_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person_layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignVCenter)
        self.gender_label = QLabel(self.person_group)
        self.gender_label.setObjectName(u"gender_label")

        self.person_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_group = ChoiceGroup(self.person_group)
        self.gender_group.setObjectName(u"gender_group")

        self.person_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.gender_group)

        self.age_label = QLabel(self.person_group)
        self.age_label.setObjectName(u"age_label")

        self.person_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.age_label)

        self.age_group = ChoiceGroup(self.person_group)
        self.age_group.setObjectName(u"age_group")

        self.person_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.age_group)

        self.outcome_label = QLabel(self.person_group)
        self.outcome_label.setObjectName(u"outcome_label")

        self.person_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_layout = QVBoxLayout()
        self.outcome_layout.setSpacing(2)
        self.outcome_layout.setObjectName(u"outcome_layout")
        self.outcome_group = ChoiceGroup(self.person_group)
        self.outcome_group.setObjectName(u"outcome_group")

        self.outcome_layout.addWidget(self.outcome_group)

        self.outcome_message_label = QLabel(self.person_group)
        self.outcome_message_label.setObjectName(u"outcome_message_label")
        self.outcome_message_label.setWordWrap(True)
        self.outcome_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outcome_layout.addWidget(self.outcome_message_label)


        self.person_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.outcome_layout)

        self.themes_label = QLabel(self.person_group)
        self.themes_label.setObjectName(u"themes_label")

        self.person_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.themes_label)

        self.themes_group = ChoiceGroup(self.person_group)
        self.themes_group.setObjectName(u"themes_group")

        self.person_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.themes_group)

        self.note_label = QLabel(self.person_group)
        self.note_label.setObjectName(u"note_label")

        self.person_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_layout = QVBoxLayout()
        self.note_layout.setSpacing(2)
        self.note_layout.setObjectName(u"note_layout")
        self.note_edit = QLineEdit(self.person_group)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(500)

        self.note_layout.addWidget(self.note_edit)

        self.note_hint_label = QLabel(self.person_group)
        self.note_hint_label.setObjectName(u"note_hint_label")
        self.note_hint_label.setWordWrap(True)

        self.note_layout.addWidget(self.note_hint_label)

        self.note_message_label = QLabel(self.person_group)
        self.note_message_label.setObjectName(u"note_message_label")
        self.note_message_label.setWordWrap(True)
        self.note_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.note_layout.addWidget(self.note_message_label)


        self.person_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.note_layout)


        self.outer_layout.addWidget(self.person_group)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.identify_button = QPushButton(TerrainForm)
        self.identify_button.setObjectName(u"identify_button")

        self.actions_layout.addWidget(self.identify_button)

        self.person_label = QLabel(TerrainForm)
        self.person_label.setObjectName(u"person_label")

        self.actions_layout.addWidget(self.person_label)

        self.forget_person_button = QPushButton(TerrainForm)
        self.forget_person_button.setObjectName(u"forget_person_button")

        self.actions_layout.addWidget(self.forget_person_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)

        self.cancel_edit_button = QPushButton(TerrainForm)
        self.cancel_edit_button.setObjectName(u"cancel_edit_button")

        self.actions_layout.addWidget(self.cancel_edit_button)

        self.clear_button = QPushButton(TerrainForm)
        self.clear_button.setObjectName(u"clear_button")

        self.actions_layout.addWidget(self.clear_button)

        self.save_button = QPushButton(TerrainForm)
        self.save_button.setObjectName(u"save_button")

        self.actions_layout.addWidget(self.save_button)

        self.actions_layout.setStretch(3, 1)

        self.outer_layout.addLayout(self.actions_layout)

        self.list_header_layout = QHBoxLayout()
        self.list_header_layout.setObjectName(u"list_header_layout")
        self.list_label = QLabel(TerrainForm)
        self.list_label.setObjectName(u"list_label")

        self.list_header_layout.addWidget(self.list_label)

        self.to_correct_button = QPushButton(TerrainForm)
        self.to_correct_button.setObjectName(u"to_correct_button")
        self.to_correct_button.setCheckable(True)

        self.list_header_layout.addWidget(self.to_correct_button)

        self.list_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.list_header_layout.addItem(self.list_spacer)

        self.edit_button = QPushButton(TerrainForm)
        self.edit_button.setObjectName(u"edit_button")

        self.list_header_layout.addWidget(self.edit_button)

        self.refer_button = QPushButton(TerrainForm)
        self.refer_button.setObjectName(u"refer_button")

        self.list_header_layout.addWidget(self.refer_button)

        self.open_file_button = QPushButton(TerrainForm)
        self.open_file_button.setObjectName(u"open_file_button")

        self.list_header_layout.addWidget(self.open_file_button)


        self.outer_layout.addLayout(self.list_header_layout)

        self.contacts_view = QTableView(TerrainForm)
        self.contacts_view.setObjectName(u"contacts_view")
        self.contacts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_view.setAlternatingRowColors(True)
        self.contacts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contacts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_view.setSortingEnabled(True)
        self.contacts_view.setWordWrap(False)
        self.contacts_view.setMinimumSize(QSize(0, 90))

        self.outer_layout.addWidget(self.contacts_view)

#if QT_CONFIG(shortcut)
        self.event_label.setBuddy(self.event_combo)
        self.qpv_label.setBuddy(self.qpv_combo)
        self.place_label.setBuddy(self.place_edit)
        self.channel_label.setBuddy(self.channel_group)
        self.gender_label.setBuddy(self.gender_group)
        self.age_label.setBuddy(self.age_group)
        self.outcome_label.setBuddy(self.outcome_group)
        self.themes_label.setBuddy(self.themes_group)
        self.note_label.setBuddy(self.note_edit)
        self.list_label.setBuddy(self.contacts_view)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.event_combo, self.qpv_combo)
        QWidget.setTabOrder(self.qpv_combo, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.channel_group)
        QWidget.setTabOrder(self.channel_group, self.gender_group)
        QWidget.setTabOrder(self.gender_group, self.age_group)
        QWidget.setTabOrder(self.age_group, self.outcome_group)
        QWidget.setTabOrder(self.outcome_group, self.themes_group)
        QWidget.setTabOrder(self.themes_group, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.identify_button)
        QWidget.setTabOrder(self.identify_button, self.forget_person_button)
        QWidget.setTabOrder(self.forget_person_button, self.cancel_edit_button)
        QWidget.setTabOrder(self.cancel_edit_button, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.contacts_view)
        QWidget.setTabOrder(self.contacts_view, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.refer_button)
        QWidget.setTabOrder(self.refer_button, self.open_file_button)
        QWidget.setTabOrder(self.open_file_button, self.to_correct_button)

        self.retranslateUi(TerrainForm)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(TerrainForm)
    # setupUi

    def retranslateUi(self, TerrainForm):
        self.title_label.setText(QCoreApplication.translate("TerrainForm", u"Terrain \u2014 contact rapide", None))
#if QT_CONFIG(accessibility)
        self.counter_label.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Compteur des contacts du jour", None))
#endif // QT_CONFIG(accessibility)
        self.where_group.setTitle(QCoreApplication.translate("TerrainForm", u"O\u00f9 et comment", None))
        self.event_label.setText(QCoreApplication.translate("TerrainForm", u"\u00c9&v\u00e9nement", None))
#if QT_CONFIG(accessibility)
        self.event_combo.setAccessibleName(QCoreApplication.translate("TerrainForm", u"\u00c9v\u00e9nement en cours", None))
#endif // QT_CONFIG(accessibility)
        self.qpv_label.setText(QCoreApplication.translate("TerrainForm", u"&QPV", None))
        self.place_label.setText(QCoreApplication.translate("TerrainForm", u"&Lieu", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("TerrainForm", u"Rue, place, salle\u2026", None))
        self.channel_label.setText(QCoreApplication.translate("TerrainForm", u"&Canal", None))
#if QT_CONFIG(accessibility)
        self.channel_group.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Canal", None))
#endif // QT_CONFIG(accessibility)
        self.person_group.setTitle(QCoreApplication.translate("TerrainForm", u"Personne rencontr\u00e9e", None))
        self.gender_label.setText(QCoreApplication.translate("TerrainForm", u"&Genre", None))
#if QT_CONFIG(accessibility)
        self.gender_group.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Genre", None))
#endif // QT_CONFIG(accessibility)
        self.age_label.setText(QCoreApplication.translate("TerrainForm", u"\u00c2g&e", None))
#if QT_CONFIG(accessibility)
        self.age_group.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Tranche d'\u00e2ge", None))
#endif // QT_CONFIG(accessibility)
        self.outcome_label.setText(QCoreApplication.translate("TerrainForm", u"&Suite donn\u00e9e", None))
#if QT_CONFIG(accessibility)
        self.outcome_group.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Suite donn\u00e9e", None))
#endif // QT_CONFIG(accessibility)
        self.themes_label.setText(QCoreApplication.translate("TerrainForm", u"&Freins", None))
#if QT_CONFIG(accessibility)
        self.themes_group.setAccessibleName(QCoreApplication.translate("TerrainForm", u"Freins \u00e9voqu\u00e9s", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("TerrainForm", u"&Note", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("TerrainForm", u"Courte, factuelle (facultative)", None))
        self.identify_button.setText(QCoreApplication.translate("TerrainForm", u"&Identifier la personne\u2026", None))
#if QT_CONFIG(tooltip)
        self.identify_button.setToolTip(QCoreApplication.translate("TerrainForm", u"Nom, pr\u00e9nom et coordonn\u00e9es : la personne est inscrite dans la cohorte, ou reli\u00e9e \u00e0 sa fiche si elle en a d\u00e9j\u00e0 une.", None))
#endif // QT_CONFIG(tooltip)
        self.forget_person_button.setText(QCoreApplication.translate("TerrainForm", u"Ne &plus identifier", None))
        self.cancel_edit_button.setText(QCoreApplication.translate("TerrainForm", u"&Annuler la modification", None))
        self.clear_button.setText(QCoreApplication.translate("TerrainForm", u"Vi&der le formulaire", None))
        self.save_button.setText(QCoreApplication.translate("TerrainForm", u"En&registrer (Ctrl+Entr\u00e9e)", None))
        self.list_label.setText(QCoreApplication.translate("TerrainForm", u"Con&tacts du jour", None))
        self.to_correct_button.setText(QCoreApplication.translate("TerrainForm", u"\u00c0 corriger", None))
#if QT_CONFIG(tooltip)
        self.to_correct_button.setToolTip(QCoreApplication.translate("TerrainForm", u"Afficher tous vos contacts que votre responsable demande de corriger, quel que soit leur jour", None))
#endif // QT_CONFIG(tooltip)
        self.edit_button.setText(QCoreApplication.translate("TerrainForm", u"&Modifier", None))
        self.refer_button.setText(QCoreApplication.translate("TerrainForm", u"&Orienter\u2026", None))
        self.open_file_button.setText(QCoreApplication.translate("TerrainForm", u"Ouvrir la fic&he", None))
        pass
    # retranslateUi

