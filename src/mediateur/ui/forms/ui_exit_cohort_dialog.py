# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exit_cohort_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from mediateur.ui.fields import DateField

class Ui_ExitCohortDialog(object):
    def setupUi(self, ExitCohortDialog):
        if not ExitCohortDialog.objectName():
            ExitCohortDialog.setObjectName(u"ExitCohortDialog")
        self.outer_layout = QVBoxLayout(ExitCohortDialog)
        self.outer_layout.setSpacing(10)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(ExitCohortDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.explanation_label = QLabel(ExitCohortDialog)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.outer_layout.addWidget(self.explanation_label)

        self.fields_layout = QFormLayout()
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.exit_date_label = QLabel(ExitCohortDialog)
        self.exit_date_label.setObjectName(u"exit_date_label")

        self.fields_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.exit_date_label)

        self.exit_date_layout = QVBoxLayout()
        self.exit_date_layout.setSpacing(2)
        self.exit_date_layout.setObjectName(u"exit_date_layout")
        self.exit_date_edit = DateField(ExitCohortDialog)
        self.exit_date_edit.setObjectName(u"exit_date_edit")
        self.exit_date_edit.setMaximumSize(QSize(140, 16777215))

        self.exit_date_layout.addWidget(self.exit_date_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.exit_date_message_label = QLabel(ExitCohortDialog)
        self.exit_date_message_label.setObjectName(u"exit_date_message_label")
        self.exit_date_message_label.setWordWrap(True)
        self.exit_date_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.exit_date_layout.addWidget(self.exit_date_message_label)


        self.fields_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.exit_date_layout)

        self.exit_reason_label = QLabel(ExitCohortDialog)
        self.exit_reason_label.setObjectName(u"exit_reason_label")

        self.fields_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.exit_reason_label)

        self.exit_reason_layout = QVBoxLayout()
        self.exit_reason_layout.setSpacing(2)
        self.exit_reason_layout.setObjectName(u"exit_reason_layout")
        self.exit_reason_combo = QComboBox(ExitCohortDialog)
        self.exit_reason_combo.setObjectName(u"exit_reason_combo")

        self.exit_reason_layout.addWidget(self.exit_reason_combo)

        self.exit_reason_message_label = QLabel(ExitCohortDialog)
        self.exit_reason_message_label.setObjectName(u"exit_reason_message_label")
        self.exit_reason_message_label.setWordWrap(True)
        self.exit_reason_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.exit_reason_layout.addWidget(self.exit_reason_message_label)


        self.fields_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.exit_reason_layout)


        self.outer_layout.addLayout(self.fields_layout)

        self.message_label = QLabel(ExitCohortDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(ExitCohortDialog)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(ExitCohortDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.exit_date_label.setBuddy(self.exit_date_edit)
        self.exit_reason_label.setBuddy(self.exit_reason_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.exit_date_edit, self.exit_reason_combo)
        QWidget.setTabOrder(self.exit_reason_combo, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(ExitCohortDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(ExitCohortDialog)
    # setupUi

    def retranslateUi(self, ExitCohortDialog):
        ExitCohortDialog.setWindowTitle(QCoreApplication.translate("ExitCohortDialog", u"Sortie de la cohorte", None))
        self.title_label.setText(QCoreApplication.translate("ExitCohortDialog", u"Sortie de la cohorte", None))
        self.explanation_label.setText("")
        self.exit_date_label.setText(QCoreApplication.translate("ExitCohortDialog", u"&Date de sortie", None))
        self.exit_reason_label.setText(QCoreApplication.translate("ExitCohortDialog", u"&Motif", None))
        self.cancel_button.setText(QCoreApplication.translate("ExitCohortDialog", u"Annuler", None))
        self.save_button.setText(QCoreApplication.translate("ExitCohortDialog", u"&Enregistrer la sortie", None))
    # retranslateUi

