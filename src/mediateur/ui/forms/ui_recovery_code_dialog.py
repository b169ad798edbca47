# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_code_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RecoveryCodeDialog(object):
    def setupUi(self, RecoveryCodeDialog):
        if not RecoveryCodeDialog.objectName():
            RecoveryCodeDialog.setObjectName(u"RecoveryCodeDialog")
        RecoveryCodeDialog.resize(600, 260)
        self.main_layout = QVBoxLayout(RecoveryCodeDialog)
        self.main_layout.setSpacing(12)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(RecoveryCodeDialog)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.explanation_label = QLabel(RecoveryCodeDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.main_layout.addWidget(self.explanation_label)

        self.code_label = QLabel(RecoveryCodeDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.code_label)

        self.warning_label = QLabel(RecoveryCodeDialog)
        self.warning_label.setObjectName(u"warning_label")
        self.warning_label.setWordWrap(True)

        self.main_layout.addWidget(self.warning_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.print_button = QPushButton(RecoveryCodeDialog)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.print_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.noted_button = QPushButton(RecoveryCodeDialog)
        self.noted_button.setObjectName(u"noted_button")
        self.noted_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.noted_button)


        self.main_layout.addLayout(self.buttons_layout)

        QWidget.setTabOrder(self.print_button, self.noted_button)

        self.retranslateUi(RecoveryCodeDialog)

        QMetaObject.connectSlotsByName(RecoveryCodeDialog)
    # setupUi

    def retranslateUi(self, RecoveryCodeDialog):
        RecoveryCodeDialog.setWindowTitle(QCoreApplication.translate("RecoveryCodeDialog", u"Code de r\u00e9cup\u00e9ration \u2014 mediateur", None))
        self.title_label.setText(QCoreApplication.translate("RecoveryCodeDialog", u"Votre code de r\u00e9cup\u00e9ration", None))
#if QT_CONFIG(accessibility)
        self.code_label.setAccessibleName(QCoreApplication.translate("RecoveryCodeDialog", u"Code de r\u00e9cup\u00e9ration", None))
#endif // QT_CONFIG(accessibility)
        self.warning_label.setText(QCoreApplication.translate("RecoveryCodeDialog", u"Ce code ne sera plus jamais affich\u00e9. Rangez-le \u00e0 part de l'ordinateur, jamais dans un fichier ni une photo sur celui-ci.", None))
        self.print_button.setText(QCoreApplication.translate("RecoveryCodeDialog", u"&Imprimer\u2026", None))
        self.noted_button.setText(QCoreApplication.translate("RecoveryCodeDialog", u"J'ai &not\u00e9 le code", None))
    # retranslateUi

