# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'partner_directory_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QFrame,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from mediateur.ui.choice_group import ChoiceGroup

class Ui_PartnerDirectoryDialog(object):
    def setupUi(self, PartnerDirectoryDialog):
        if not PartnerDirectoryDialog.objectName():
            PartnerDirectoryDialog.setObjectName(u"PartnerDirectoryDialog")
        self.outer_layout = QVBoxLayout(PartnerDirectoryDialog)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(PartnerDirectoryDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.mode_label = QLabel(PartnerDirectoryDialog)
        self.mode_label.setObjectName(u"mode_label")
        self.mode_label.setWordWrap(True)

        self.outer_layout.addWidget(self.mode_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.list_layout = QVBoxLayout()
        self.list_layout.setObjectName(u"list_layout")
        self.search_edit = QLineEdit(PartnerDirectoryDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setMaxLength(100)

        self.list_layout.addWidget(self.search_edit)

        self.partners_list = QListWidget(PartnerDirectoryDialog)
        self.partners_list.setObjectName(u"partners_list")
        self.partners_list.setMinimumSize(QSize(260, 0))
        self.partners_list.setMaximumSize(QSize(320, 16777215))

        self.list_layout.addWidget(self.partners_list)

        self.new_partner_button = QPushButton(PartnerDirectoryDialog)
        self.new_partner_button.setObjectName(u"new_partner_button")
        self.new_partner_button.setAutoDefault(False)

        self.list_layout.addWidget(self.new_partner_button)


        self.body_layout.addLayout(self.list_layout)

        self.editor_scroll = QScrollArea(PartnerDirectoryDialog)
        self.editor_scroll.setObjectName(u"editor_scroll")
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor_contents = QWidget()
        self.editor_contents.setObjectName(u"editor_contents")
        self.editor_layout = QVBoxLayout(self.editor_contents)
        self.editor_layout.setObjectName(u"editor_layout")
        self.partner_group = QGroupBox(self.editor_contents)
        self.partner_group.setObjectName(u"partner_group")
        self.partner_group_layout = QVBoxLayout(self.partner_group)
        self.partner_group_layout.setObjectName(u"partner_group_layout")
        self.partner_form_layout = QFormLayout()
        self.partner_form_layout.setObjectName(u"partner_form_layout")
        self.partner_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.partner_nom_label = QLabel(self.partner_group)
        self.partner_nom_label.setObjectName(u"partner_nom_label")

        self.partner_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partner_nom_label)

        self.partner_nom_layout = QVBoxLayout()
        self.partner_nom_layout.setSpacing(2)
        self.partner_nom_layout.setObjectName(u"partner_nom_layout")
        self.partner_nom = QLineEdit(self.partner_group)
        self.partner_nom.setObjectName(u"partner_nom")
        self.partner_nom.setMaxLength(150)

        self.partner_nom_layout.addWidget(self.partner_nom)

        self.partner_nom_message_label = QLabel(self.partner_group)
        self.partner_nom_message_label.setObjectName(u"partner_nom_message_label")
        self.partner_nom_message_label.setWordWrap(True)

        self.partner_nom_layout.addWidget(self.partner_nom_message_label)


        self.partner_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.partner_nom_layout)

        self.partner_adresse_label = QLabel(self.partner_group)
        self.partner_adresse_label.setObjectName(u"partner_adresse_label")

        self.partner_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.partner_adresse_label)

        self.partner_adresse_layout = QVBoxLayout()
        self.partner_adresse_layout.setSpacing(2)
        self.partner_adresse_layout.setObjectName(u"partner_adresse_layout")
        self.partner_adresse = QLineEdit(self.partner_group)
        self.partner_adresse.setObjectName(u"partner_adresse")
        self.partner_adresse.setMaxLength(200)

        self.partner_adresse_layout.addWidget(self.partner_adresse)

        self.partner_adresse_message_label = QLabel(self.partner_group)
        self.partner_adresse_message_label.setObjectName(u"partner_adresse_message_label")
        self.partner_adresse_message_label.setWordWrap(True)

        self.partner_adresse_layout.addWidget(self.partner_adresse_message_label)


        self.partner_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.partner_adresse_layout)

        self.partner_complement_adresse_label = QLabel(self.partner_group)
        self.partner_complement_adresse_label.setObjectName(u"partner_complement_adresse_label")

        self.partner_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.partner_complement_adresse_label)

        self.partner_complement_adresse_layout = QVBoxLayout()
        self.partner_complement_adresse_layout.setSpacing(2)
        self.partner_complement_adresse_layout.setObjectName(u"partner_complement_adresse_layout")
        self.partner_complement_adresse = QLineEdit(self.partner_group)
        self.partner_complement_adresse.setObjectName(u"partner_complement_adresse")
        self.partner_complement_adresse.setMaxLength(200)

        self.partner_complement_adresse_layout.addWidget(self.partner_complement_adresse)

        self.partner_complement_adresse_message_label = QLabel(self.partner_group)
        self.partner_complement_adresse_message_label.setObjectName(u"partner_complement_adresse_message_label")
        self.partner_complement_adresse_message_label.setWordWrap(True)

        self.partner_complement_adresse_layout.addWidget(self.partner_complement_adresse_message_label)


        self.partner_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.partner_complement_adresse_layout)

        self.partner_code_postal_label = QLabel(self.partner_group)
        self.partner_code_postal_label.setObjectName(u"partner_code_postal_label")

        self.partner_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.partner_code_postal_label)

        self.partner_code_postal_layout = QVBoxLayout()
        self.partner_code_postal_layout.setSpacing(2)
        self.partner_code_postal_layout.setObjectName(u"partner_code_postal_layout")
        self.partner_code_postal = QLineEdit(self.partner_group)
        self.partner_code_postal.setObjectName(u"partner_code_postal")
        self.partner_code_postal.setMaxLength(5)

        self.partner_code_postal_layout.addWidget(self.partner_code_postal)

        self.partner_code_postal_message_label = QLabel(self.partner_group)
        self.partner_code_postal_message_label.setObjectName(u"partner_code_postal_message_label")
        self.partner_code_postal_message_label.setWordWrap(True)

        self.partner_code_postal_layout.addWidget(self.partner_code_postal_message_label)


        self.partner_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.partner_code_postal_layout)

        self.partner_commune_label = QLabel(self.partner_group)
        self.partner_commune_label.setObjectName(u"partner_commune_label")

        self.partner_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.partner_commune_label)

        self.partner_commune_layout = QVBoxLayout()
        self.partner_commune_layout.setSpacing(2)
        self.partner_commune_layout.setObjectName(u"partner_commune_layout")
        self.partner_commune = QLineEdit(self.partner_group)
        self.partner_commune.setObjectName(u"partner_commune")
        self.partner_commune.setMaxLength(100)

        self.partner_commune_layout.addWidget(self.partner_commune)

        self.partner_commune_message_label = QLabel(self.partner_group)
        self.partner_commune_message_label.setObjectName(u"partner_commune_message_label")
        self.partner_commune_message_label.setWordWrap(True)

        self.partner_commune_layout.addWidget(self.partner_commune_message_label)


        self.partner_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.partner_commune_layout)

        self.partner_telephone_label = QLabel(self.partner_group)
        self.partner_telephone_label.setObjectName(u"partner_telephone_label")

        self.partner_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.partner_telephone_label)

        self.partner_telephone_layout = QVBoxLayout()
        self.partner_telephone_layout.setSpacing(2)
        self.partner_telephone_layout.setObjectName(u"partner_telephone_layout")
        self.partner_telephone = QLineEdit(self.partner_group)
        self.partner_telephone.setObjectName(u"partner_telephone")
        self.partner_telephone.setMaxLength(30)

        self.partner_telephone_layout.addWidget(self.partner_telephone)

        self.partner_telephone_message_label = QLabel(self.partner_group)
        self.partner_telephone_message_label.setObjectName(u"partner_telephone_message_label")
        self.partner_telephone_message_label.setWordWrap(True)

        self.partner_telephone_layout.addWidget(self.partner_telephone_message_label)


        self.partner_form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.partner_telephone_layout)

        self.partner_courriel_label = QLabel(self.partner_group)
        self.partner_courriel_label.setObjectName(u"partner_courriel_label")

        self.partner_form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.partner_courriel_label)

        self.partner_courriel_layout = QVBoxLayout()
        self.partner_courriel_layout.setSpacing(2)
        self.partner_courriel_layout.setObjectName(u"partner_courriel_layout")
        self.partner_courriel = QLineEdit(self.partner_group)
        self.partner_courriel.setObjectName(u"partner_courriel")
        self.partner_courriel.setMaxLength(200)

        self.partner_courriel_layout.addWidget(self.partner_courriel)

        self.partner_courriel_message_label = QLabel(self.partner_group)
        self.partner_courriel_message_label.setObjectName(u"partner_courriel_message_label")
        self.partner_courriel_message_label.setWordWrap(True)

        self.partner_courriel_layout.addWidget(self.partner_courriel_message_label)


        self.partner_form_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.partner_courriel_layout)

        self.partner_horaires_accueil_label = QLabel(self.partner_group)
        self.partner_horaires_accueil_label.setObjectName(u"partner_horaires_accueil_label")

        self.partner_form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.partner_horaires_accueil_label)

        self.partner_horaires_accueil_layout = QVBoxLayout()
        self.partner_horaires_accueil_layout.setSpacing(2)
        self.partner_horaires_accueil_layout.setObjectName(u"partner_horaires_accueil_layout")
        self.partner_horaires_accueil = QLineEdit(self.partner_group)
        self.partner_horaires_accueil.setObjectName(u"partner_horaires_accueil")
        self.partner_horaires_accueil.setMaxLength(500)

        self.partner_horaires_accueil_layout.addWidget(self.partner_horaires_accueil)

        self.partner_horaires_accueil_hint_label = QLabel(self.partner_group)
        self.partner_horaires_accueil_hint_label.setObjectName(u"partner_horaires_accueil_hint_label")
        self.partner_horaires_accueil_hint_label.setWordWrap(True)

        self.partner_horaires_accueil_layout.addWidget(self.partner_horaires_accueil_hint_label)

        self.partner_horaires_accueil_message_label = QLabel(self.partner_group)
        self.partner_horaires_accueil_message_label.setObjectName(u"partner_horaires_accueil_message_label")
        self.partner_horaires_accueil_message_label.setWordWrap(True)

        self.partner_horaires_accueil_layout.addWidget(self.partner_horaires_accueil_message_label)


        self.partner_form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.partner_horaires_accueil_layout)

        self.partner_site_web_label = QLabel(self.partner_group)
        self.partner_site_web_label.setObjectName(u"partner_site_web_label")

        self.partner_form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.partner_site_web_label)

        self.partner_site_web_layout = QVBoxLayout()
        self.partner_site_web_layout.setSpacing(2)
        self.partner_site_web_layout.setObjectName(u"partner_site_web_layout")
        self.partner_site_web = QLineEdit(self.partner_group)
        self.partner_site_web.setObjectName(u"partner_site_web")
        self.partner_site_web.setMaxLength(500)

        self.partner_site_web_layout.addWidget(self.partner_site_web)

        self.partner_site_web_message_label = QLabel(self.partner_group)
        self.partner_site_web_message_label.setObjectName(u"partner_site_web_message_label")
        self.partner_site_web_message_label.setWordWrap(True)

        self.partner_site_web_layout.addWidget(self.partner_site_web_message_label)


        self.partner_form_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.partner_site_web_layout)

        self.partner_description_label = QLabel(self.partner_group)
        self.partner_description_label.setObjectName(u"partner_description_label")

        self.partner_form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.partner_description_label)

        self.partner_description_layout = QVBoxLayout()
        self.partner_description_layout.setSpacing(2)
        self.partner_description_layout.setObjectName(u"partner_description_layout")
        self.partner_description = QPlainTextEdit(self.partner_group)
        self.partner_description.setObjectName(u"partner_description")
        self.partner_description.setTabChangesFocus(True)
        self.partner_description.setMaximumSize(QSize(16777215, 70))

        self.partner_description_layout.addWidget(self.partner_description)

        self.partner_description_message_label = QLabel(self.partner_group)
        self.partner_description_message_label.setObjectName(u"partner_description_message_label")
        self.partner_description_message_label.setWordWrap(True)

        self.partner_description_layout.addWidget(self.partner_description_message_label)


        self.partner_form_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.partner_description_layout)


        self.partner_group_layout.addLayout(self.partner_form_layout)

        self.partner_buttons_layout = QHBoxLayout()
        self.partner_buttons_layout.setObjectName(u"partner_buttons_layout")
        self.partner_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.partner_buttons_layout.addItem(self.partner_buttons_spacer)

        self.save_partner_button = QPushButton(self.partner_group)
        self.save_partner_button.setObjectName(u"save_partner_button")
        self.save_partner_button.setAutoDefault(False)

        self.partner_buttons_layout.addWidget(self.save_partner_button)


        self.partner_group_layout.addLayout(self.partner_buttons_layout)


        self.editor_layout.addWidget(self.partner_group)

        self.services_group = QGroupBox(self.editor_contents)
        self.services_group.setObjectName(u"services_group")
        self.services_group_layout = QVBoxLayout(self.services_group)
        self.services_group_layout.setObjectName(u"services_group_layout")
        self.services_list = QListWidget(self.services_group)
        self.services_list.setObjectName(u"services_list")
        self.services_list.setMaximumSize(QSize(16777215, 90))

        self.services_group_layout.addWidget(self.services_list)

        self.service_list_buttons_layout = QHBoxLayout()
        self.service_list_buttons_layout.setObjectName(u"service_list_buttons_layout")
        self.new_service_button = QPushButton(self.services_group)
        self.new_service_button.setObjectName(u"new_service_button")
        self.new_service_button.setAutoDefault(False)

        self.service_list_buttons_layout.addWidget(self.new_service_button)

        self.service_list_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.service_list_buttons_layout.addItem(self.service_list_spacer)


        self.services_group_layout.addLayout(self.service_list_buttons_layout)

        self.service_form_layout = QFormLayout()
        self.service_form_layout.setObjectName(u"service_form_layout")
        self.service_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.service_nom_label = QLabel(self.services_group)
        self.service_nom_label.setObjectName(u"service_nom_label")

        self.service_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.service_nom_label)

        self.service_nom_layout = QVBoxLayout()
        self.service_nom_layout.setSpacing(2)
        self.service_nom_layout.setObjectName(u"service_nom_layout")
        self.service_nom = QLineEdit(self.services_group)
        self.service_nom.setObjectName(u"service_nom")
        self.service_nom.setMaxLength(150)

        self.service_nom_layout.addWidget(self.service_nom)

        self.service_nom_message_label = QLabel(self.services_group)
        self.service_nom_message_label.setObjectName(u"service_nom_message_label")
        self.service_nom_message_label.setWordWrap(True)

        self.service_nom_layout.addWidget(self.service_nom_message_label)


        self.service_form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.service_nom_layout)

        self.service_description_label = QLabel(self.services_group)
        self.service_description_label.setObjectName(u"service_description_label")

        self.service_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.service_description_label)

        self.service_description_layout = QVBoxLayout()
        self.service_description_layout.setSpacing(2)
        self.service_description_layout.setObjectName(u"service_description_layout")
        self.service_description = QPlainTextEdit(self.services_group)
        self.service_description.setObjectName(u"service_description")
        self.service_description.setTabChangesFocus(True)
        self.service_description.setMaximumSize(QSize(16777215, 60))

        self.service_description_layout.addWidget(self.service_description)

        self.service_description_message_label = QLabel(self.services_group)
        self.service_description_message_label.setObjectName(u"service_description_message_label")
        self.service_description_message_label.setWordWrap(True)

        self.service_description_layout.addWidget(self.service_description_message_label)


        self.service_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.service_description_layout)

        self.service_thematiques_label = QLabel(self.services_group)
        self.service_thematiques_label.setObjectName(u"service_thematiques_label")

        self.service_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.service_thematiques_label)

        self.service_thematiques_layout = QVBoxLayout()
        self.service_thematiques_layout.setSpacing(2)
        self.service_thematiques_layout.setObjectName(u"service_thematiques_layout")
        self.service_thematiques = QLineEdit(self.services_group)
        self.service_thematiques.setObjectName(u"service_thematiques")
        self.service_thematiques.setMaxLength(2000)

        self.service_thematiques_layout.addWidget(self.service_thematiques)

        self.service_thematiques_hint_label = QLabel(self.services_group)
        self.service_thematiques_hint_label.setObjectName(u"service_thematiques_hint_label")
        self.service_thematiques_hint_label.setWordWrap(True)

        self.service_thematiques_layout.addWidget(self.service_thematiques_hint_label)

        self.service_thematiques_message_label = QLabel(self.services_group)
        self.service_thematiques_message_label.setObjectName(u"service_thematiques_message_label")
        self.service_thematiques_message_label.setWordWrap(True)

        self.service_thematiques_layout.addWidget(self.service_thematiques_message_label)


        self.service_form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.service_thematiques_layout)

        self.service_conditions_acces_label = QLabel(self.services_group)
        self.service_conditions_acces_label.setObjectName(u"service_conditions_acces_label")

        self.service_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.service_conditions_acces_label)

        self.service_conditions_acces_layout = QVBoxLayout()
        self.service_conditions_acces_layout.setSpacing(2)
        self.service_conditions_acces_layout.setObjectName(u"service_conditions_acces_layout")
        self.service_conditions_acces = QPlainTextEdit(self.services_group)
        self.service_conditions_acces.setObjectName(u"service_conditions_acces")
        self.service_conditions_acces.setTabChangesFocus(True)
        self.service_conditions_acces.setMaximumSize(QSize(16777215, 60))

        self.service_conditions_acces_layout.addWidget(self.service_conditions_acces)

        self.service_conditions_acces_hint_label = QLabel(self.services_group)
        self.service_conditions_acces_hint_label.setObjectName(u"service_conditions_acces_hint_label")
        self.service_conditions_acces_hint_label.setWordWrap(True)

        self.service_conditions_acces_layout.addWidget(self.service_conditions_acces_hint_label)

        self.service_conditions_acces_message_label = QLabel(self.services_group)
        self.service_conditions_acces_message_label.setObjectName(u"service_conditions_acces_message_label")
        self.service_conditions_acces_message_label.setWordWrap(True)

        self.service_conditions_acces_layout.addWidget(self.service_conditions_acces_message_label)


        self.service_form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.service_conditions_acces_layout)

        self.service_modes_mobilisation_label = QLabel(self.services_group)
        self.service_modes_mobilisation_label.setObjectName(u"service_modes_mobilisation_label")

        self.service_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.service_modes_mobilisation_label)

        self.service_modes_mobilisation_layout = QVBoxLayout()
        self.service_modes_mobilisation_layout.setSpacing(2)
        self.service_modes_mobilisation_layout.setObjectName(u"service_modes_mobilisation_layout")
        self.service_modes_mobilisation = ChoiceGroup(self.services_group)
        self.service_modes_mobilisation.setObjectName(u"service_modes_mobilisation")

        self.service_modes_mobilisation_layout.addWidget(self.service_modes_mobilisation)

        self.service_modes_mobilisation_message_label = QLabel(self.services_group)
        self.service_modes_mobilisation_message_label.setObjectName(u"service_modes_mobilisation_message_label")
        self.service_modes_mobilisation_message_label.setWordWrap(True)

        self.service_modes_mobilisation_layout.addWidget(self.service_modes_mobilisation_message_label)


        self.service_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.service_modes_mobilisation_layout)

        self.service_mobilisation_precisions_label = QLabel(self.services_group)
        self.service_mobilisation_precisions_label.setObjectName(u"service_mobilisation_precisions_label")

        self.service_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.service_mobilisation_precisions_label)

        self.service_mobilisation_precisions_layout = QVBoxLayout()
        self.service_mobilisation_precisions_layout.setSpacing(2)
        self.service_mobilisation_precisions_layout.setObjectName(u"service_mobilisation_precisions_layout")
        self.service_mobilisation_precisions = QLineEdit(self.services_group)
        self.service_mobilisation_precisions.setObjectName(u"service_mobilisation_precisions")
        self.service_mobilisation_precisions.setMaxLength(500)

        self.service_mobilisation_precisions_layout.addWidget(self.service_mobilisation_precisions)

        self.service_mobilisation_precisions_message_label = QLabel(self.services_group)
        self.service_mobilisation_precisions_message_label.setObjectName(u"service_mobilisation_precisions_message_label")
        self.service_mobilisation_precisions_message_label.setWordWrap(True)

        self.service_mobilisation_precisions_layout.addWidget(self.service_mobilisation_precisions_message_label)


        self.service_form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.service_mobilisation_precisions_layout)

        self.service_lien_mobilisation_label = QLabel(self.services_group)
        self.service_lien_mobilisation_label.setObjectName(u"service_lien_mobilisation_label")

        self.service_form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.service_lien_mobilisation_label)

        self.service_lien_mobilisation_layout = QVBoxLayout()
        self.service_lien_mobilisation_layout.setSpacing(2)
        self.service_lien_mobilisation_layout.setObjectName(u"service_lien_mobilisation_layout")
        self.service_lien_mobilisation = QLineEdit(self.services_group)
        self.service_lien_mobilisation.setObjectName(u"service_lien_mobilisation")
        self.service_lien_mobilisation.setMaxLength(500)

        self.service_lien_mobilisation_layout.addWidget(self.service_lien_mobilisation)

        self.service_lien_mobilisation_message_label = QLabel(self.services_group)
        self.service_lien_mobilisation_message_label.setObjectName(u"service_lien_mobilisation_message_label")
        self.service_lien_mobilisation_message_label.setWordWrap(True)

        self.service_lien_mobilisation_layout.addWidget(self.service_lien_mobilisation_message_label)


        self.service_form_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.service_lien_mobilisation_layout)

        self.service_telephone_label = QLabel(self.services_group)
        self.service_telephone_label.setObjectName(u"service_telephone_label")

        self.service_form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.service_telephone_label)

        self.service_telephone_layout = QVBoxLayout()
        self.service_telephone_layout.setSpacing(2)
        self.service_telephone_layout.setObjectName(u"service_telephone_layout")
        self.service_telephone = QLineEdit(self.services_group)
        self.service_telephone.setObjectName(u"service_telephone")
        self.service_telephone.setMaxLength(30)

        self.service_telephone_layout.addWidget(self.service_telephone)

        self.service_telephone_hint_label = QLabel(self.services_group)
        self.service_telephone_hint_label.setObjectName(u"service_telephone_hint_label")
        self.service_telephone_hint_label.setWordWrap(True)

        self.service_telephone_layout.addWidget(self.service_telephone_hint_label)

        self.service_telephone_message_label = QLabel(self.services_group)
        self.service_telephone_message_label.setObjectName(u"service_telephone_message_label")
        self.service_telephone_message_label.setWordWrap(True)

        self.service_telephone_layout.addWidget(self.service_telephone_message_label)


        self.service_form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.service_telephone_layout)

        self.service_courriel_label = QLabel(self.services_group)
        self.service_courriel_label.setObjectName(u"service_courriel_label")

        self.service_form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.service_courriel_label)

        self.service_courriel_layout = QVBoxLayout()
        self.service_courriel_layout.setSpacing(2)
        self.service_courriel_layout.setObjectName(u"service_courriel_layout")
        self.service_courriel = QLineEdit(self.services_group)
        self.service_courriel.setObjectName(u"service_courriel")
        self.service_courriel.setMaxLength(200)

        self.service_courriel_layout.addWidget(self.service_courriel)

        self.service_courriel_message_label = QLabel(self.services_group)
        self.service_courriel_message_label.setObjectName(u"service_courriel_message_label")
        self.service_courriel_message_label.setWordWrap(True)

        self.service_courriel_layout.addWidget(self.service_courriel_message_label)


        self.service_form_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.service_courriel_layout)

        self.service_horaires_accueil_label = QLabel(self.services_group)
        self.service_horaires_accueil_label.setObjectName(u"service_horaires_accueil_label")

        self.service_form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.service_horaires_accueil_label)

        self.service_horaires_accueil_layout = QVBoxLayout()
        self.service_horaires_accueil_layout.setSpacing(2)
        self.service_horaires_accueil_layout.setObjectName(u"service_horaires_accueil_layout")
        self.service_horaires_accueil = QLineEdit(self.services_group)
        self.service_horaires_accueil.setObjectName(u"service_horaires_accueil")
        self.service_horaires_accueil.setMaxLength(500)

        self.service_horaires_accueil_layout.addWidget(self.service_horaires_accueil)

        self.service_horaires_accueil_message_label = QLabel(self.services_group)
        self.service_horaires_accueil_message_label.setObjectName(u"service_horaires_accueil_message_label")
        self.service_horaires_accueil_message_label.setWordWrap(True)

        self.service_horaires_accueil_layout.addWidget(self.service_horaires_accueil_message_label)


        self.service_form_layout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.service_horaires_accueil_layout)


        self.services_group_layout.addLayout(self.service_form_layout)

        self.service_buttons_layout = QHBoxLayout()
        self.service_buttons_layout.setObjectName(u"service_buttons_layout")
        self.service_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.service_buttons_layout.addItem(self.service_buttons_spacer)

        self.save_service_button = QPushButton(self.services_group)
        self.save_service_button.setObjectName(u"save_service_button")
        self.save_service_button.setAutoDefault(False)

        self.service_buttons_layout.addWidget(self.save_service_button)


        self.services_group_layout.addLayout(self.service_buttons_layout)


        self.editor_layout.addWidget(self.services_group)

        self.editor_scroll.setWidget(self.editor_contents)

        self.body_layout.addWidget(self.editor_scroll)


        self.outer_layout.addLayout(self.body_layout)

        self.message_label = QLabel(PartnerDirectoryDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.close_button = QPushButton(PartnerDirectoryDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.close_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.partner_nom_label.setBuddy(self.partner_nom)
        self.partner_adresse_label.setBuddy(self.partner_adresse)
        self.partner_complement_adresse_label.setBuddy(self.partner_complement_adresse)
        self.partner_code_postal_label.setBuddy(self.partner_code_postal)
        self.partner_commune_label.setBuddy(self.partner_commune)
        self.partner_telephone_label.setBuddy(self.partner_telephone)
        self.partner_courriel_label.setBuddy(self.partner_courriel)
        self.partner_horaires_accueil_label.setBuddy(self.partner_horaires_accueil)
        self.partner_site_web_label.setBuddy(self.partner_site_web)
        self.partner_description_label.setBuddy(self.partner_description)
        self.service_nom_label.setBuddy(self.service_nom)
        self.service_description_label.setBuddy(self.service_description)
        self.service_thematiques_label.setBuddy(self.service_thematiques)
        self.service_conditions_acces_label.setBuddy(self.service_conditions_acces)
        self.service_modes_mobilisation_label.setBuddy(self.service_modes_mobilisation)
        self.service_mobilisation_precisions_label.setBuddy(self.service_mobilisation_precisions)
        self.service_lien_mobilisation_label.setBuddy(self.service_lien_mobilisation)
        self.service_telephone_label.setBuddy(self.service_telephone)
        self.service_courriel_label.setBuddy(self.service_courriel)
        self.service_horaires_accueil_label.setBuddy(self.service_horaires_accueil)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search_edit, self.partners_list)
        QWidget.setTabOrder(self.partners_list, self.new_partner_button)
        QWidget.setTabOrder(self.new_partner_button, self.partner_nom)
        QWidget.setTabOrder(self.partner_nom, self.partner_adresse)
        QWidget.setTabOrder(self.partner_adresse, self.partner_complement_adresse)
        QWidget.setTabOrder(self.partner_complement_adresse, self.partner_code_postal)
        QWidget.setTabOrder(self.partner_code_postal, self.partner_commune)
        QWidget.setTabOrder(self.partner_commune, self.partner_telephone)
        QWidget.setTabOrder(self.partner_telephone, self.partner_courriel)
        QWidget.setTabOrder(self.partner_courriel, self.partner_horaires_accueil)
        QWidget.setTabOrder(self.partner_horaires_accueil, self.partner_site_web)
        QWidget.setTabOrder(self.partner_site_web, self.partner_description)
        QWidget.setTabOrder(self.partner_description, self.save_partner_button)
        QWidget.setTabOrder(self.save_partner_button, self.services_list)
        QWidget.setTabOrder(self.services_list, self.new_service_button)
        QWidget.setTabOrder(self.new_service_button, self.service_nom)
        QWidget.setTabOrder(self.service_nom, self.service_description)
        QWidget.setTabOrder(self.service_description, self.service_thematiques)
        QWidget.setTabOrder(self.service_thematiques, self.service_conditions_acces)
        QWidget.setTabOrder(self.service_conditions_acces, self.service_modes_mobilisation)
        QWidget.setTabOrder(self.service_modes_mobilisation, self.service_mobilisation_precisions)
        QWidget.setTabOrder(self.service_mobilisation_precisions, self.service_lien_mobilisation)
        QWidget.setTabOrder(self.service_lien_mobilisation, self.service_telephone)
        QWidget.setTabOrder(self.service_telephone, self.service_courriel)
        QWidget.setTabOrder(self.service_courriel, self.service_horaires_accueil)
        QWidget.setTabOrder(self.service_horaires_accueil, self.save_service_button)
        QWidget.setTabOrder(self.save_service_button, self.close_button)

        self.retranslateUi(PartnerDirectoryDialog)

        QMetaObject.connectSlotsByName(PartnerDirectoryDialog)
    # setupUi

    def retranslateUi(self, PartnerDirectoryDialog):
        PartnerDirectoryDialog.setWindowTitle(QCoreApplication.translate("PartnerDirectoryDialog", u"Annuaire des partenaires", None))
        self.title_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Annuaire des partenaires", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"Rechercher un partenaire\u2026", None))
        self.new_partner_button.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Nouveau &partenaire", None))
        self.partner_group.setTitle(QCoreApplication.translate("PartnerDirectoryDialog", u"Structure", None))
        self.partner_nom_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Nom", None))
        self.partner_adresse_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Adresse", None))
        self.partner_complement_adresse_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Co&mpl\u00e9ment", None))
        self.partner_code_postal_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Code &postal", None))
        self.partner_commune_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Comm&une", None))
        self.partner_telephone_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&T\u00e9l\u00e9phone", None))
        self.partner_courriel_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Co&urriel", None))
        self.partner_horaires_accueil_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Horaires", None))
        self.partner_horaires_accueil.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"Mo-Fr 09:00-12:30,13:30-17:00; PH off", None))
        self.partner_horaires_accueil_hint_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Syntaxe OpenStreetMap, lue en fran\u00e7ais sur la fiche de liaison.", None))
        self.partner_site_web_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Site web", None))
        self.partner_site_web.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"https://\u2026", None))
        self.partner_description_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Description", None))
        self.save_partner_button.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"En&registrer le partenaire", None))
        self.services_group.setTitle(QCoreApplication.translate("PartnerDirectoryDialog", u"Services", None))
        self.new_service_button.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Nouveau ser&vice", None))
        self.service_nom_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"N&om du service", None))
        self.service_description_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"D&escription", None))
        self.service_thematiques_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Th&\u00e9matiques", None))
        self.service_thematiques.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"mobilite--preparer-un-permis, numerique", None))
        self.service_thematiques_hint_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Valeurs data\u00b7inclusion s\u00e9par\u00e9es par des virgules (cat\u00e9gorie ou cat\u00e9gorie--sous-th\u00e9matique).", None))
        self.service_conditions_acces_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Conditions d'a&cc\u00e8s", None))
        self.service_conditions_acces_hint_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Ce qu'il faut apporter ou remplir ; imprim\u00e9 sous \u00ab \u00c0 apporter \u00bb.", None))
        self.service_modes_mobilisation_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Prise de conta&ct", None))
        self.service_mobilisation_precisions_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Pr\u00e9&cisions", None))
        self.service_lien_mobilisation_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Lien d'inscri&ption", None))
        self.service_lien_mobilisation.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"https://\u2026", None))
        self.service_telephone_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"T\u00e9l\u00e9p&hone", None))
        self.service_telephone_hint_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Laissez vide pour reprendre celui du partenaire (de m\u00eame pour le courriel, les horaires et l'adresse).", None))
        self.service_courriel_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Courr&iel", None))
        self.service_horaires_accueil_label.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Hora&ires", None))
        self.service_horaires_accueil.setPlaceholderText(QCoreApplication.translate("PartnerDirectoryDialog", u"Tu,Th 14:00-17:00", None))
        self.save_service_button.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"Enregistrer le ser&vice", None))
        self.close_button.setText(QCoreApplication.translate("PartnerDirectoryDialog", u"&Fermer", None))
    # retranslateUi

