# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_comment_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReviewCommentDialog(object):
    def setupUi(self, ReviewCommentDialog):
        if not ReviewCommentDialog.objectName():
            ReviewCommentDialog.setObjectName(u"ReviewCommentDialog")
        self.outer_layout = QVBoxLayout(ReviewCommentDialog)
        self.outer_layout.setSpacing(8)
        self.outer_layout.setObjectName(u"outer_layout")
        self.title_label = QLabel(ReviewCommentDialog)
        self.title_label.setObjectName(u"title_label")

        self.outer_layout.addWidget(self.title_label)

        self.summary_label = QLabel(ReviewCommentDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.outer_layout.addWidget(self.summary_label)

        self.comment_label = QLabel(ReviewCommentDialog)
        self.comment_label.setObjectName(u"comment_label")

        self.outer_layout.addWidget(self.comment_label)

        self.comment_edit = QPlainTextEdit(ReviewCommentDialog)
        self.comment_edit.setObjectName(u"comment_edit")
        self.comment_edit.setTabChangesFocus(True)

        self.outer_layout.addWidget(self.comment_edit)

        self.count_label = QLabel(ReviewCommentDialog)
        self.count_label.setObjectName(u"count_label")

        self.outer_layout.addWidget(self.count_label)

        self.hint_label = QLabel(ReviewCommentDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.outer_layout.addWidget(self.hint_label)

        self.message_label = QLabel(ReviewCommentDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.outer_layout.addWidget(self.message_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(ReviewCommentDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(ReviewCommentDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.comment_label.setBuddy(self.comment_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.comment_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(ReviewCommentDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReviewCommentDialog)
    # setupUi

    def retranslateUi(self, ReviewCommentDialog):
        ReviewCommentDialog.setWindowTitle(QCoreApplication.translate("ReviewCommentDialog", u"Contact \u00e0 corriger", None))
        self.title_label.setText(QCoreApplication.translate("ReviewCommentDialog", u"Contact \u00e0 corriger", None))
        self.comment_label.setText(QCoreApplication.translate("ReviewCommentDialog", u"&Ce qu'il faut corriger", None))
        self.comment_edit.setPlaceholderText(QCoreApplication.translate("ReviewCommentDialog", u"Par exemple : pr\u00e9ciser la tranche d'\u00e2ge, le QPV n'est pas le bon", None))
        self.cancel_button.setText(QCoreApplication.translate("ReviewCommentDialog", u"Annuler", None))
        self.save_button.setText(QCoreApplication.translate("ReviewCommentDialog", u"&Marquer \u00e0 corriger", None))
    # retranslateUi

