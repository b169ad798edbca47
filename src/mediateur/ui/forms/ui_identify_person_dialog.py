# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'identify_person_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from mediateur.ui.fields import DateField

class Ui_IdentifyPersonDialog(object):
    def setupUi(self, IdentifyPersonDialog):
        if not IdentifyPersonDialog.objectName():
            IdentifyPersonDialog.setObjectName(u"IdentifyPersonDialog")
        self.outer_layout = QVBoxLayout(IdentifyPersonDialog)
        self.outer_layout.setSpacing(10)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(IdentifyPersonDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.explanation_label = QLabel(IdentifyPersonDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.outer_layout.addWidget(self.explanation_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.last_name_label = QLabel(IdentifyPersonDialog)
        self.last_name_label.setObjectName(u"last_name_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.last_name_label)

        self.last_name_layout = QVBoxLayout()
        self.last_name_layout.setSpacing(2)
        self.last_name_layout.setObjectName(u"last_name_layout")
        self.last_name_edit = QLineEdit(IdentifyPersonDialog)
        self.last_name_edit.setObjectName(u"last_name_edit")
        self.last_name_edit.setMaxLength(100)

        self.last_name_layout.addWidget(self.last_name_edit)

        self.last_name_message_label = QLabel(IdentifyPersonDialog)
        self.last_name_message_label.setObjectName(u"last_name_message_label")
        self.last_name_message_label.setWordWrap(True)
        self.last_name_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.last_name_layout.addWidget(self.last_name_message_label)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.last_name_layout)

        self.first_name_label = QLabel(IdentifyPersonDialog)
        self.first_name_label.setObjectName(u"first_name_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.first_name_label)

        self.first_name_layout = QVBoxLayout()
        self.first_name_layout.setSpacing(2)
        self.first_name_layout.setObjectName(u"first_name_layout")
        self.first_name_edit = QLineEdit(IdentifyPersonDialog)
        self.first_name_edit.setObjectName(u"first_name_edit")
        self.first_name_edit.setMaxLength(100)

        self.first_name_layout.addWidget(self.first_name_edit)

        self.first_name_message_label = QLabel(IdentifyPersonDialog)
        self.first_name_message_label.setObjectName(u"first_name_message_label")
        self.first_name_message_label.setWordWrap(True)
        self.first_name_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.first_name_layout.addWidget(self.first_name_message_label)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.first_name_layout)

        self.phone_label = QLabel(IdentifyPersonDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_layout = QVBoxLayout()
        self.phone_layout.setSpacing(2)
        self.phone_layout.setObjectName(u"phone_layout")
        self.phone_edit = QLineEdit(IdentifyPersonDialog)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(30)

        self.phone_layout.addWidget(self.phone_edit)

        self.phone_message_label = QLabel(IdentifyPersonDialog)
        self.phone_message_label.setObjectName(u"phone_message_label")
        self.phone_message_label.setWordWrap(True)
        self.phone_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.phone_layout.addWidget(self.phone_message_label)


        self.fields_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.phone_layout)

        self.email_label = QLabel(IdentifyPersonDialog)
        self.email_label.setObjectName(u"email_label")

        self.fields_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_layout = QVBoxLayout()
        self.email_layout.setSpacing(2)
        self.email_layout.setObjectName(u"email_layout")
        self.email_edit = QLineEdit(IdentifyPersonDialog)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(200)

        self.email_layout.addWidget(self.email_edit)

        self.email_message_label = QLabel(IdentifyPersonDialog)
        self.email_message_label.setObjectName(u"email_message_label")
        self.email_message_label.setWordWrap(True)
        self.email_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.email_layout.addWidget(self.email_message_label)


        self.fields_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.email_layout)

        self.birth_date_label = QLabel(IdentifyPersonDialog)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.fields_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date_layout = QVBoxLayout()
        self.birth_date_layout.setSpacing(2)
        self.birth_date_layout.setObjectName(u"birth_date_layout")
        self.birth_date_edit = DateField(IdentifyPersonDialog)
        self.birth_date_edit.setObjectName(u"birth_date_edit")

        self.birth_date_layout.addWidget(self.birth_date_edit)

        self.birth_date_message_label = QLabel(IdentifyPersonDialog)
        self.birth_date_message_label.setObjectName(u"birth_date_message_label")
        self.birth_date_message_label.setWordWrap(True)
        self.birth_date_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.birth_date_layout.addWidget(self.birth_date_message_label)


        self.fields_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.birth_date_layout)


        self.outer_layout.addLayout(self.fields_layout)

        self.message_label = QLabel(IdentifyPersonDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.duplicates_group = QGroupBox(IdentifyPersonDialog)
        self.duplicates_group.setObjectName(u"duplicates_group")
        self.duplicates_layout = QVBoxLayout(self.duplicates_group)
        self.duplicates_layout.setObjectName(u"duplicates_layout")
        self.duplicates_label = QLabel(self.duplicates_group)
        self.duplicates_label.setObjectName(u"duplicates_label")
        self.duplicates_label.setWordWrap(True)

        self.duplicates_layout.addWidget(self.duplicates_label)

        self.duplicates_list = QListWidget(self.duplicates_group)
        self.duplicates_list.setObjectName(u"duplicates_list")
        self.duplicates_list.setMinimumSize(QSize(0, 70))

        self.duplicates_layout.addWidget(self.duplicates_list)

        self.duplicates_buttons_layout = QHBoxLayout()
        self.duplicates_buttons_layout.setObjectName(u"duplicates_buttons_layout")
        self.link_button = QPushButton(self.duplicates_group)
        self.link_button.setObjectName(u"link_button")

        self.duplicates_buttons_layout.addWidget(self.link_button)

        self.create_anyway_button = QPushButton(self.duplicates_group)
        self.create_anyway_button.setObjectName(u"create_anyway_button")

        self.duplicates_buttons_layout.addWidget(self.create_anyway_button)

        self.duplicates_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duplicates_buttons_layout.addItem(self.duplicates_spacer)


        self.duplicates_layout.addLayout(self.duplicates_buttons_layout)


        self.outer_layout.addWidget(self.duplicates_group)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(IdentifyPersonDialog)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)

        self.check_button = QPushButton(IdentifyPersonDialog)
        self.check_button.setObjectName(u"check_button")

        self.buttons_layout.addWidget(self.check_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.last_name_label.setBuddy(self.last_name_edit)
        self.first_name_label.setBuddy(self.first_name_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.birth_date_label.setBuddy(self.birth_date_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.last_name_edit, self.first_name_edit)
        QWidget.setTabOrder(self.first_name_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.birth_date_edit)
        QWidget.setTabOrder(self.birth_date_edit, self.duplicates_list)
        QWidget.setTabOrder(self.duplicates_list, self.link_button)
        QWidget.setTabOrder(self.link_button, self.create_anyway_button)
        QWidget.setTabOrder(self.create_anyway_button, self.check_button)
        QWidget.setTabOrder(self.check_button, self.cancel_button)

        self.retranslateUi(IdentifyPersonDialog)

        self.check_button.setDefault(True)


        QMetaObject.connectSlotsByName(IdentifyPersonDialog)
    # setupUi

    def retranslateUi(self, IdentifyPersonDialog):
        IdentifyPersonDialog.setWindowTitle(QCoreApplication.translate("IdentifyPersonDialog", u"Identifier la personne", None))
        self.title_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"Identifier la personne", None))
        self.explanation_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"La personne est inscrite dans la cohorte avec ces informations et celles du contact (genre, QPV, tranche d'\u00e2ge) ; sa fiche se compl\u00e8te ensuite dans Cohorte. Si elle a d\u00e9j\u00e0 une fiche, reliez le contact \u00e0 celle-ci.", None))
        self.last_name_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Nom", None))
        self.first_name_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Pr\u00e9nom", None))
        self.phone_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&T\u00e9l\u00e9phone", None))
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("IdentifyPersonDialog", u"06 12 34 56 78", None))
        self.email_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Courriel", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("IdentifyPersonDialog", u"prenom.nom@exemple.fr", None))
        self.birth_date_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Date de naissance", None))
        self.duplicates_group.setTitle(QCoreApplication.translate("IdentifyPersonDialog", u"Fiches proches dans la cohorte", None))
        self.duplicates_label.setText(QCoreApplication.translate("IdentifyPersonDialog", u"Cette personne a peut-\u00eatre d\u00e9j\u00e0 une fiche. Choisissez la sienne, ou cr\u00e9ez-en une nouvelle si ce n'est pas elle.", None))
        self.link_button.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Relier \u00e0 cette fiche", None))
        self.create_anyway_button.setText(QCoreApplication.translate("IdentifyPersonDialog", u"Cr\u00e9er une n&ouvelle fiche", None))
        self.cancel_button.setText(QCoreApplication.translate("IdentifyPersonDialog", u"Annuler", None))
        self.check_button.setText(QCoreApplication.translate("IdentifyPersonDialog", u"&Valider", None))
    # retranslateUi

