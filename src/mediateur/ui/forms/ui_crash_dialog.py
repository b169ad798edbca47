# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(640, 460)
        self.main_layout = QVBoxLayout(CrashDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(CrashDialog)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.explanation_label = QLabel(CrashDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.main_layout.addWidget(self.explanation_label)

        self.summary_label = QLabel(CrashDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.details_edit = QPlainTextEdit(CrashDialog)
        self.details_edit.setObjectName(u"details_edit")
        self.details_edit.setReadOnly(True)
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.main_layout.addWidget(self.details_edit)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.copied_label = QLabel(CrashDialog)
        self.copied_label.setObjectName(u"copied_label")

        self.buttons_layout.addWidget(self.copied_label)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.copy_button = QPushButton(CrashDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.buttons_layout.addWidget(self.copy_button)

        self.close_button = QPushButton(CrashDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.buttons_layout)

        QWidget.setTabOrder(self.close_button, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.details_edit)

        self.retranslateUi(CrashDialog)

        self.close_button.setDefault(True)


        QMetaObject.connectSlotsByName(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Erreur inattendue \u2014 mediateur", None))
        self.title_label.setText(QCoreApplication.translate("CrashDialog", u"Une erreur inattendue s'est produite", None))
#if QT_CONFIG(accessibility)
        self.title_label.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Titre", None))
#endif // QT_CONFIG(accessibility)
        self.explanation_label.setText(QCoreApplication.translate("CrashDialog", u"Ce qui a \u00e9t\u00e9 enregistr\u00e9 avant l'erreur est conserv\u00e9. Si elle se reproduit, copiez les d\u00e9tails ci-dessous et envoyez-les au support : ils ne contiennent aucune donn\u00e9e personnelle, seulement l'endroit du programme o\u00f9 l'erreur s'est produite.", None))
#if QT_CONFIG(accessibility)
        self.details_edit.setAccessibleName(QCoreApplication.translate("CrashDialog", u"D\u00e9tails techniques", None))
#endif // QT_CONFIG(accessibility)
        self.copied_label.setText("")
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", u"&Copier les d\u00e9tails", None))
        self.close_button.setText(QCoreApplication.translate("CrashDialog", u"&Fermer", None))
    # retranslateUi

