# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        self.outer_layout = QVBoxLayout(LoginDialog)
        self.outer_layout.setSpacing(10)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(LoginDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.explanation_label = QLabel(LoginDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.outer_layout.addWidget(self.explanation_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.server_label = QLabel(LoginDialog)
        self.server_label.setObjectName(u"server_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.server_label)

        self.server_edit = QLineEdit(LoginDialog)
        self.server_edit.setObjectName(u"server_edit")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.server_edit)

        self.username_label = QLabel(LoginDialog)
        self.username_label.setObjectName(u"username_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(LoginDialog)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(150)

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(LoginDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.outer_layout.addLayout(self.fields_layout)

        self.message_label = QLabel(LoginDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.busy_bar = QProgressBar(LoginDialog)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setMaximum(0)
        self.busy_bar.setTextVisible(False)

        self.outer_layout.addWidget(self.busy_bar)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(LoginDialog)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)

        self.connect_button = QPushButton(LoginDialog)
        self.connect_button.setObjectName(u"connect_button")

        self.buttons_layout.addWidget(self.connect_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.server_label.setBuddy(self.server_edit)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.server_edit, self.username_edit)
        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.connect_button)
        QWidget.setTabOrder(self.connect_button, self.cancel_button)

        self.retranslateUi(LoginDialog)

        self.connect_button.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Connexion au serveur", None))
        self.title_label.setText(QCoreApplication.translate("LoginDialog", u"Connexion au serveur", None))
        self.explanation_label.setText("")
        self.server_label.setText(QCoreApplication.translate("LoginDialog", u"Adresse du &serveur", None))
        self.server_edit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"https://serveur.exemple.fr", None))
        self.username_label.setText(QCoreApplication.translate("LoginDialog", u"&Identifiant", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"&Mot de passe", None))
        self.cancel_button.setText(QCoreApplication.translate("LoginDialog", u"Annuler", None))
        self.connect_button.setText(QCoreApplication.translate("LoginDialog", u"Se &connecter", None))
    # retranslateUi

