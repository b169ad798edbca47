# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from mediateur.ui.fields import DateField

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        self.outer_layout = QVBoxLayout(IntakeForm)
        self.outer_layout.setSpacing(8)
        self.outer_layout.setObjectName(u"outer_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(IntakeForm)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.required_label = QLabel(IntakeForm)
        self.required_label.setObjectName(u"required_label")

        self.header_layout.addWidget(self.required_label)


        self.outer_layout.addLayout(self.header_layout)

        self.scroll_area = QScrollArea(IntakeForm)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.content.setMaximumSize(QSize(980, 16777215))
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setSpacing(12)
        self.content_layout.setObjectName(u"content_layout")
        self.identity_group = QGroupBox(self.content)
        self.identity_group.setObjectName(u"identity_group")
        self.identity_layout = QFormLayout(self.identity_group)
        self.identity_layout.setObjectName(u"identity_layout")
        self.identity_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.last_name_label = QLabel(self.identity_group)
        self.last_name_label.setObjectName(u"last_name_label")

        self.identity_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.last_name_label)

        self.last_name_layout = QVBoxLayout()
        self.last_name_layout.setSpacing(2)
        self.last_name_layout.setObjectName(u"last_name_layout")
        self.last_name_edit = QLineEdit(self.identity_group)
        self.last_name_edit.setObjectName(u"last_name_edit")
        self.last_name_edit.setMaxLength(100)

        self.last_name_layout.addWidget(self.last_name_edit)

        self.last_name_message_label = QLabel(self.identity_group)
        self.last_name_message_label.setObjectName(u"last_name_message_label")
        self.last_name_message_label.setWordWrap(True)
        self.last_name_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.last_name_layout.addWidget(self.last_name_message_label)


        self.identity_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.last_name_layout)

        self.first_name_label = QLabel(self.identity_group)
        self.first_name_label.setObjectName(u"first_name_label")

        self.identity_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.first_name_label)

        self.first_name_layout = QVBoxLayout()
        self.first_name_layout.setSpacing(2)
        self.first_name_layout.setObjectName(u"first_name_layout")
        self.first_name_edit = QLineEdit(self.identity_group)
        self.first_name_edit.setObjectName(u"first_name_edit")
        self.first_name_edit.setMaxLength(100)

        self.first_name_layout.addWidget(self.first_name_edit)

        self.first_name_message_label = QLabel(self.identity_group)
        self.first_name_message_label.setObjectName(u"first_name_message_label")
        self.first_name_message_label.setWordWrap(True)
        self.first_name_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.first_name_layout.addWidget(self.first_name_message_label)


        self.identity_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.first_name_layout)

        self.birth_date_label = QLabel(self.identity_group)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.identity_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date_layout = QVBoxLayout()
        self.birth_date_layout.setSpacing(2)
        self.birth_date_layout.setObjectName(u"birth_date_layout")
        self.birth_date_edit = DateField(self.identity_group)
        self.birth_date_edit.setObjectName(u"birth_date_edit")
        self.birth_date_edit.setMaximumSize(QSize(140, 16777215))

        self.birth_date_layout.addWidget(self.birth_date_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.birth_date_message_label = QLabel(self.identity_group)
        self.birth_date_message_label.setObjectName(u"birth_date_message_label")
        self.birth_date_message_label.setWordWrap(True)
        self.birth_date_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.birth_date_layout.addWidget(self.birth_date_message_label)


        self.identity_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.birth_date_layout)

        self.gender_label = QLabel(self.identity_group)
        self.gender_label.setObjectName(u"gender_label")

        self.identity_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_layout = QVBoxLayout()
        self.gender_layout.setSpacing(2)
        self.gender_layout.setObjectName(u"gender_layout")
        self.gender_combo = QComboBox(self.identity_group)
        self.gender_combo.setObjectName(u"gender_combo")

        self.gender_layout.addWidget(self.gender_combo)

        self.gender_message_label = QLabel(self.identity_group)
        self.gender_message_label.setObjectName(u"gender_message_label")
        self.gender_message_label.setWordWrap(True)
        self.gender_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.gender_layout.addWidget(self.gender_message_label)


        self.identity_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.gender_layout)

        self.age_band_label = QLabel(self.identity_group)
        self.age_band_label.setObjectName(u"age_band_label")

        self.identity_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.age_band_label)

        self.age_band_layout = QVBoxLayout()
        self.age_band_layout.setSpacing(2)
        self.age_band_layout.setObjectName(u"age_band_layout")
        self.age_band_combo = QComboBox(self.identity_group)
        self.age_band_combo.setObjectName(u"age_band_combo")

        self.age_band_layout.addWidget(self.age_band_combo)

        self.age_band_message_label = QLabel(self.identity_group)
        self.age_band_message_label.setObjectName(u"age_band_message_label")
        self.age_band_message_label.setWordWrap(True)
        self.age_band_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.age_band_layout.addWidget(self.age_band_message_label)


        self.identity_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.age_band_layout)


        self.content_layout.addWidget(self.identity_group)

        self.contact_group = QGroupBox(self.content)
        self.contact_group.setObjectName(u"contact_group")
        self.contact_layout = QFormLayout(self.contact_group)
        self.contact_layout.setObjectName(u"contact_layout")
        self.contact_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.phone_label = QLabel(self.contact_group)
        self.phone_label.setObjectName(u"phone_label")

        self.contact_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_layout = QVBoxLayout()
        self.phone_layout.setSpacing(2)
        self.phone_layout.setObjectName(u"phone_layout")
        self.phone_edit = QLineEdit(self.contact_group)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(30)

        self.phone_layout.addWidget(self.phone_edit)

        self.phone_message_label = QLabel(self.contact_group)
        self.phone_message_label.setObjectName(u"phone_message_label")
        self.phone_message_label.setWordWrap(True)
        self.phone_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.phone_layout.addWidget(self.phone_message_label)


        self.contact_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.phone_layout)

        self.email_label = QLabel(self.contact_group)
        self.email_label.setObjectName(u"email_label")

        self.contact_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_layout = QVBoxLayout()
        self.email_layout.setSpacing(2)
        self.email_layout.setObjectName(u"email_layout")
        self.email_edit = QLineEdit(self.contact_group)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(200)

        self.email_layout.addWidget(self.email_edit)

        self.email_message_label = QLabel(self.contact_group)
        self.email_message_label.setObjectName(u"email_message_label")
        self.email_message_label.setWordWrap(True)
        self.email_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.email_layout.addWidget(self.email_message_label)


        self.contact_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.email_layout)

        self.address_label = QLabel(self.contact_group)
        self.address_label.setObjectName(u"address_label")

        self.contact_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_layout = QVBoxLayout()
        self.address_layout.setSpacing(2)
        self.address_layout.setObjectName(u"address_layout")
        self.address_edit = QLineEdit(self.contact_group)
        self.address_edit.setObjectName(u"address_edit")
        self.address_edit.setMaxLength(200)

        self.address_layout.addWidget(self.address_edit)

        self.address_message_label = QLabel(self.contact_group)
        self.address_message_label.setObjectName(u"address_message_label")
        self.address_message_label.setWordWrap(True)
        self.address_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.address_layout.addWidget(self.address_message_label)


        self.contact_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.address_layout)

        self.postcode_label = QLabel(self.contact_group)
        self.postcode_label.setObjectName(u"postcode_label")

        self.contact_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.postcode_label)

        self.postcode_layout = QVBoxLayout()
        self.postcode_layout.setSpacing(2)
        self.postcode_layout.setObjectName(u"postcode_layout")
        self.postcode_edit = QLineEdit(self.contact_group)
        self.postcode_edit.setObjectName(u"postcode_edit")
        self.postcode_edit.setMaxLength(5)
        self.postcode_edit.setMaximumSize(QSize(90, 16777215))

        self.postcode_layout.addWidget(self.postcode_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.postcode_message_label = QLabel(self.contact_group)
        self.postcode_message_label.setObjectName(u"postcode_message_label")
        self.postcode_message_label.setWordWrap(True)
        self.postcode_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.postcode_layout.addWidget(self.postcode_message_label)


        self.contact_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.postcode_layout)

        self.commune_label = QLabel(self.contact_group)
        self.commune_label.setObjectName(u"commune_label")

        self.contact_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.commune_label)

        self.commune_layout = QVBoxLayout()
        self.commune_layout.setSpacing(2)
        self.commune_layout.setObjectName(u"commune_layout")
        self.commune_edit = QLineEdit(self.contact_group)
        self.commune_edit.setObjectName(u"commune_edit")
        self.commune_edit.setMaxLength(100)

        self.commune_layout.addWidget(self.commune_edit)

        self.commune_message_label = QLabel(self.contact_group)
        self.commune_message_label.setObjectName(u"commune_message_label")
        self.commune_message_label.setWordWrap(True)
        self.commune_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.commune_layout.addWidget(self.commune_message_label)


        self.contact_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.commune_layout)

        self.qpv_label = QLabel(self.contact_group)
        self.qpv_label.setObjectName(u"qpv_label")

        self.contact_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.qpv_label)

        self.qpv_layout = QVBoxLayout()
        self.qpv_layout.setSpacing(2)
        self.qpv_layout.setObjectName(u"qpv_layout")
        self.qpv_combo = QComboBox(self.contact_group)
        self.qpv_combo.setObjectName(u"qpv_combo")

        self.qpv_layout.addWidget(self.qpv_combo)

        self.qpv_message_label = QLabel(self.contact_group)
        self.qpv_message_label.setObjectName(u"qpv_message_label")
        self.qpv_message_label.setWordWrap(True)
        self.qpv_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.qpv_layout.addWidget(self.qpv_message_label)


        self.contact_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.qpv_layout)

        self.contact_preference_label = QLabel(self.contact_group)
        self.contact_preference_label.setObjectName(u"contact_preference_label")

        self.contact_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contact_preference_label)

        self.contact_preference_layout = QVBoxLayout()
        self.contact_preference_layout.setSpacing(2)
        self.contact_preference_layout.setObjectName(u"contact_preference_layout")
        self.contact_preference_combo = QComboBox(self.contact_group)
        self.contact_preference_combo.setObjectName(u"contact_preference_combo")

        self.contact_preference_layout.addWidget(self.contact_preference_combo)

        self.contact_preference_message_label = QLabel(self.contact_group)
        self.contact_preference_message_label.setObjectName(u"contact_preference_message_label")
        self.contact_preference_message_label.setWordWrap(True)
        self.contact_preference_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contact_preference_layout.addWidget(self.contact_preference_message_label)


        self.contact_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.contact_preference_layout)


        self.content_layout.addWidget(self.contact_group)

        self.situation_group = QGroupBox(self.content)
        self.situation_group.setObjectName(u"situation_group")
        self.situation_layout = QFormLayout(self.situation_group)
        self.situation_layout.setObjectName(u"situation_layout")
        self.situation_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.statuses_label = QLabel(self.situation_group)
        self.statuses_label.setObjectName(u"statuses_label")

        self.situation_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statuses_label)

        self.statuses_layout = QVBoxLayout()
        self.statuses_layout.setSpacing(2)
        self.statuses_layout.setObjectName(u"statuses_layout")
        self.statuses_box = QWidget(self.situation_group)
        self.statuses_box.setObjectName(u"statuses_box")
        self.statuses_grid = QGridLayout(self.statuses_box)
        self.statuses_grid.setObjectName(u"statuses_grid")
        self.statuses_grid.setContentsMargins(0, 0, 0, 0)

        self.statuses_layout.addWidget(self.statuses_box)

        self.statuses_message_label = QLabel(self.situation_group)
        self.statuses_message_label.setObjectName(u"statuses_message_label")
        self.statuses_message_label.setWordWrap(True)
        self.statuses_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statuses_layout.addWidget(self.statuses_message_label)


        self.situation_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.statuses_layout)

        self.ft_category_label = QLabel(self.situation_group)
        self.ft_category_label.setObjectName(u"ft_category_label")

        self.situation_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ft_category_label)

        self.ft_category_layout = QVBoxLayout()
        self.ft_category_layout.setSpacing(2)
        self.ft_category_layout.setObjectName(u"ft_category_layout")
        self.ft_category_combo = QComboBox(self.situation_group)
        self.ft_category_combo.setObjectName(u"ft_category_combo")

        self.ft_category_layout.addWidget(self.ft_category_combo)

        self.ft_category_message_label = QLabel(self.situation_group)
        self.ft_category_message_label.setObjectName(u"ft_category_message_label")
        self.ft_category_message_label.setWordWrap(True)
        self.ft_category_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.ft_category_layout.addWidget(self.ft_category_message_label)


        self.situation_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.ft_category_layout)

        self.education_level_label = QLabel(self.situation_group)
        self.education_level_label.setObjectName(u"education_level_label")

        self.situation_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.education_level_label)

        self.education_level_layout = QVBoxLayout()
        self.education_level_layout.setSpacing(2)
        self.education_level_layout.setObjectName(u"education_level_layout")
        self.education_level_combo = QComboBox(self.situation_group)
        self.education_level_combo.setObjectName(u"education_level_combo")

        self.education_level_layout.addWidget(self.education_level_combo)

        self.education_level_message_label = QLabel(self.situation_group)
        self.education_level_message_label.setObjectName(u"education_level_message_label")
        self.education_level_message_label.setWordWrap(True)
        self.education_level_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.education_level_layout.addWidget(self.education_level_message_label)


        self.situation_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.education_level_layout)

        self.diploma_obtained_label = QLabel(self.situation_group)
        self.diploma_obtained_label.setObjectName(u"diploma_obtained_label")

        self.situation_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.diploma_obtained_label)

        self.diploma_obtained_layout = QVBoxLayout()
        self.diploma_obtained_layout.setSpacing(2)
        self.diploma_obtained_layout.setObjectName(u"diploma_obtained_layout")
        self.diploma_obtained_check = QCheckBox(self.situation_group)
        self.diploma_obtained_check.setObjectName(u"diploma_obtained_check")

        self.diploma_obtained_layout.addWidget(self.diploma_obtained_check)

        self.diploma_obtained_message_label = QLabel(self.situation_group)
        self.diploma_obtained_message_label.setObjectName(u"diploma_obtained_message_label")
        self.diploma_obtained_message_label.setWordWrap(True)
        self.diploma_obtained_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.diploma_obtained_layout.addWidget(self.diploma_obtained_message_label)


        self.situation_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.diploma_obtained_layout)


        self.content_layout.addWidget(self.situation_group)

        self.barriers_group = QGroupBox(self.content)
        self.barriers_group.setObjectName(u"barriers_group")
        self.barriers_layout = QVBoxLayout(self.barriers_group)
        self.barriers_layout.setObjectName(u"barriers_layout")
        self.barriers_help_label = QLabel(self.barriers_group)
        self.barriers_help_label.setObjectName(u"barriers_help_label")
        self.barriers_help_label.setWordWrap(True)

        self.barriers_layout.addWidget(self.barriers_help_label)

        self.barriers_box = QWidget(self.barriers_group)
        self.barriers_box.setObjectName(u"barriers_box")
        self.barriers_grid = QGridLayout(self.barriers_box)
        self.barriers_grid.setObjectName(u"barriers_grid")
        self.barriers_grid.setContentsMargins(0, 0, 0, 0)

        self.barriers_layout.addWidget(self.barriers_box)

        self.barriers_message_label = QLabel(self.barriers_group)
        self.barriers_message_label.setObjectName(u"barriers_message_label")
        self.barriers_message_label.setWordWrap(True)
        self.barriers_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.barriers_layout.addWidget(self.barriers_message_label)


        self.content_layout.addWidget(self.barriers_group)

        self.course_group = QGroupBox(self.content)
        self.course_group.setObjectName(u"course_group")
        self.course_layout = QFormLayout(self.course_group)
        self.course_layout.setObjectName(u"course_layout")
        self.course_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.project_label = QLabel(self.course_group)
        self.project_label.setObjectName(u"project_label")

        self.course_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.project_label)

        self.project_layout = QVBoxLayout()
        self.project_layout.setSpacing(2)
        self.project_layout.setObjectName(u"project_layout")
        self.project_edit = QPlainTextEdit(self.course_group)
        self.project_edit.setObjectName(u"project_edit")
        self.project_edit.setTabChangesFocus(True)
        self.project_edit.setMaximumSize(QSize(16777215, 80))

        self.project_layout.addWidget(self.project_edit)

        self.project_hint_label = QLabel(self.course_group)
        self.project_hint_label.setObjectName(u"project_hint_label")
        self.project_hint_label.setWordWrap(True)

        self.project_layout.addWidget(self.project_hint_label)

        self.project_message_label = QLabel(self.course_group)
        self.project_message_label.setObjectName(u"project_message_label")
        self.project_message_label.setWordWrap(True)
        self.project_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.project_layout.addWidget(self.project_message_label)


        self.course_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.project_layout)

        self.intake_date_label = QLabel(self.course_group)
        self.intake_date_label.setObjectName(u"intake_date_label")

        self.course_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.intake_date_label)

        self.intake_date_layout = QVBoxLayout()
        self.intake_date_layout.setSpacing(2)
        self.intake_date_layout.setObjectName(u"intake_date_layout")
        self.intake_date_edit = DateField(self.course_group)
        self.intake_date_edit.setObjectName(u"intake_date_edit")
        self.intake_date_edit.setMaximumSize(QSize(140, 16777215))

        self.intake_date_layout.addWidget(self.intake_date_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.intake_date_message_label = QLabel(self.course_group)
        self.intake_date_message_label.setObjectName(u"intake_date_message_label")
        self.intake_date_message_label.setWordWrap(True)
        self.intake_date_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.intake_date_layout.addWidget(self.intake_date_message_label)


        self.course_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.intake_date_layout)

        self.referent_name_label = QLabel(self.course_group)
        self.referent_name_label.setObjectName(u"referent_name_label")

        self.course_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.referent_name_label)

        self.referent_name_layout = QVBoxLayout()
        self.referent_name_layout.setSpacing(2)
        self.referent_name_layout.setObjectName(u"referent_name_layout")
        self.referent_name_edit = QLineEdit(self.course_group)
        self.referent_name_edit.setObjectName(u"referent_name_edit")
        self.referent_name_edit.setMaxLength(100)

        self.referent_name_layout.addWidget(self.referent_name_edit)

        self.referent_name_message_label = QLabel(self.course_group)
        self.referent_name_message_label.setObjectName(u"referent_name_message_label")
        self.referent_name_message_label.setWordWrap(True)
        self.referent_name_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.referent_name_layout.addWidget(self.referent_name_message_label)


        self.course_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.referent_name_layout)

        self.source_partner_label = QLabel(self.course_group)
        self.source_partner_label.setObjectName(u"source_partner_label")

        self.course_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.source_partner_label)

        self.source_partner_layout = QVBoxLayout()
        self.source_partner_layout.setSpacing(2)
        self.source_partner_layout.setObjectName(u"source_partner_layout")
        self.source_partner_edit = QLineEdit(self.course_group)
        self.source_partner_edit.setObjectName(u"source_partner_edit")
        self.source_partner_edit.setMaxLength(150)

        self.source_partner_layout.addWidget(self.source_partner_edit)

        self.source_partner_message_label = QLabel(self.course_group)
        self.source_partner_message_label.setObjectName(u"source_partner_message_label")
        self.source_partner_message_label.setWordWrap(True)
        self.source_partner_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_partner_layout.addWidget(self.source_partner_message_label)


        self.course_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.source_partner_layout)


        self.content_layout.addWidget(self.course_group)

        self.privacy_group = QGroupBox(self.content)
        self.privacy_group.setObjectName(u"privacy_group")
        self.privacy_layout = QFormLayout(self.privacy_group)
        self.privacy_layout.setObjectName(u"privacy_layout")
        self.privacy_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notice_given_at_label = QLabel(self.privacy_group)
        self.notice_given_at_label.setObjectName(u"notice_given_at_label")

        self.privacy_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.notice_given_at_label)

        self.notice_given_at_layout = QVBoxLayout()
        self.notice_given_at_layout.setSpacing(2)
        self.notice_given_at_layout.setObjectName(u"notice_given_at_layout")
        self.notice_given_at_edit = DateField(self.privacy_group)
        self.notice_given_at_edit.setObjectName(u"notice_given_at_edit")
        self.notice_given_at_edit.setMaximumSize(QSize(140, 16777215))

        self.notice_given_at_layout.addWidget(self.notice_given_at_edit, 0, Qt.AlignmentFlag.AlignLeft)

        self.notice_given_at_message_label = QLabel(self.privacy_group)
        self.notice_given_at_message_label.setObjectName(u"notice_given_at_message_label")
        self.notice_given_at_message_label.setWordWrap(True)
        self.notice_given_at_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.notice_given_at_layout.addWidget(self.notice_given_at_message_label)


        self.privacy_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.notice_given_at_layout)

        self.notice_mode_label = QLabel(self.privacy_group)
        self.notice_mode_label.setObjectName(u"notice_mode_label")

        self.privacy_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notice_mode_label)

        self.notice_mode_layout = QVBoxLayout()
        self.notice_mode_layout.setSpacing(2)
        self.notice_mode_layout.setObjectName(u"notice_mode_layout")
        self.notice_mode_combo = QComboBox(self.privacy_group)
        self.notice_mode_combo.setObjectName(u"notice_mode_combo")

        self.notice_mode_layout.addWidget(self.notice_mode_combo)

        self.notice_mode_message_label = QLabel(self.privacy_group)
        self.notice_mode_message_label.setObjectName(u"notice_mode_message_label")
        self.notice_mode_message_label.setWordWrap(True)
        self.notice_mode_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.notice_mode_layout.addWidget(self.notice_mode_message_label)


        self.privacy_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.notice_mode_layout)

        self.sharing_agreed_label = QLabel(self.privacy_group)
        self.sharing_agreed_label.setObjectName(u"sharing_agreed_label")

        self.privacy_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sharing_agreed_label)

        self.sharing_agreed_layout = QVBoxLayout()
        self.sharing_agreed_layout.setSpacing(2)
        self.sharing_agreed_layout.setObjectName(u"sharing_agreed_layout")
        self.sharing_agreed_check = QCheckBox(self.privacy_group)
        self.sharing_agreed_check.setObjectName(u"sharing_agreed_check")

        self.sharing_agreed_layout.addWidget(self.sharing_agreed_check)

        self.sharing_agreed_message_label = QLabel(self.privacy_group)
        self.sharing_agreed_message_label.setObjectName(u"sharing_agreed_message_label")
        self.sharing_agreed_message_label.setWordWrap(True)
        self.sharing_agreed_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sharing_agreed_layout.addWidget(self.sharing_agreed_message_label)


        self.privacy_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.sharing_agreed_layout)

        self.restricted_label = QLabel(self.privacy_group)
        self.restricted_label.setObjectName(u"restricted_label")

        self.privacy_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.restricted_label)

        self.restricted_layout = QVBoxLayout()
        self.restricted_layout.setSpacing(2)
        self.restricted_layout.setObjectName(u"restricted_layout")
        self.restricted_check = QCheckBox(self.privacy_group)
        self.restricted_check.setObjectName(u"restricted_check")

        self.restricted_layout.addWidget(self.restricted_check)

        self.restricted_message_label = QLabel(self.privacy_group)
        self.restricted_message_label.setObjectName(u"restricted_message_label")
        self.restricted_message_label.setWordWrap(True)
        self.restricted_message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.restricted_layout.addWidget(self.restricted_message_label)


        self.privacy_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.restricted_layout)


        self.content_layout.addWidget(self.privacy_group)

        self.content_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.content_layout.addItem(self.content_spacer)

        self.scroll_area.setWidget(self.content)

        self.outer_layout.addWidget(self.scroll_area)

        self.duplicates_group = QGroupBox(IntakeForm)
        self.duplicates_group.setObjectName(u"duplicates_group")
        self.duplicates_layout = QVBoxLayout(self.duplicates_group)
        self.duplicates_layout.setObjectName(u"duplicates_layout")
        self.duplicates_label = QLabel(self.duplicates_group)
        self.duplicates_label.setObjectName(u"duplicates_label")
        self.duplicates_label.setWordWrap(True)

        self.duplicates_layout.addWidget(self.duplicates_label)

        self.duplicates_list = QListWidget(self.duplicates_group)
        self.duplicates_list.setObjectName(u"duplicates_list")
        self.duplicates_list.setMaximumSize(QSize(16777215, 90))

        self.duplicates_layout.addWidget(self.duplicates_list)

        self.duplicates_buttons_layout = QHBoxLayout()
        self.duplicates_buttons_layout.setObjectName(u"duplicates_buttons_layout")
        self.open_duplicate_button = QPushButton(self.duplicates_group)
        self.open_duplicate_button.setObjectName(u"open_duplicate_button")

        self.duplicates_buttons_layout.addWidget(self.open_duplicate_button)

        self.save_anyway_button = QPushButton(self.duplicates_group)
        self.save_anyway_button.setObjectName(u"save_anyway_button")

        self.duplicates_buttons_layout.addWidget(self.save_anyway_button)

        self.duplicates_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duplicates_buttons_layout.addItem(self.duplicates_spacer)


        self.duplicates_layout.addLayout(self.duplicates_buttons_layout)


        self.outer_layout.addWidget(self.duplicates_group)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.message_label = QLabel(IntakeForm)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons_layout.addWidget(self.message_label)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(IntakeForm)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(IntakeForm)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.buttons_layout.setStretch(0, 1)

        self.outer_layout.addLayout(self.buttons_layout)

        self.outer_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.last_name_label.setBuddy(self.last_name_edit)
        self.first_name_label.setBuddy(self.first_name_edit)
        self.birth_date_label.setBuddy(self.birth_date_edit)
        self.gender_label.setBuddy(self.gender_combo)
        self.age_band_label.setBuddy(self.age_band_combo)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.address_label.setBuddy(self.address_edit)
        self.postcode_label.setBuddy(self.postcode_edit)
        self.commune_label.setBuddy(self.commune_edit)
        self.qpv_label.setBuddy(self.qpv_combo)
        self.contact_preference_label.setBuddy(self.contact_preference_combo)
        self.ft_category_label.setBuddy(self.ft_category_combo)
        self.education_level_label.setBuddy(self.education_level_combo)
        self.project_label.setBuddy(self.project_edit)
        self.intake_date_label.setBuddy(self.intake_date_edit)
        self.referent_name_label.setBuddy(self.referent_name_edit)
        self.source_partner_label.setBuddy(self.source_partner_edit)
        self.notice_given_at_label.setBuddy(self.notice_given_at_edit)
        self.notice_mode_label.setBuddy(self.notice_mode_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.last_name_edit, self.first_name_edit)
        QWidget.setTabOrder(self.first_name_edit, self.birth_date_edit)
        QWidget.setTabOrder(self.birth_date_edit, self.gender_combo)
        QWidget.setTabOrder(self.gender_combo, self.age_band_combo)
        QWidget.setTabOrder(self.age_band_combo, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.postcode_edit)
        QWidget.setTabOrder(self.postcode_edit, self.commune_edit)
        QWidget.setTabOrder(self.commune_edit, self.qpv_combo)
        QWidget.setTabOrder(self.qpv_combo, self.contact_preference_combo)
        QWidget.setTabOrder(self.contact_preference_combo, self.ft_category_combo)
        QWidget.setTabOrder(self.ft_category_combo, self.education_level_combo)
        QWidget.setTabOrder(self.education_level_combo, self.diploma_obtained_check)
        QWidget.setTabOrder(self.diploma_obtained_check, self.project_edit)
        QWidget.setTabOrder(self.project_edit, self.intake_date_edit)
        QWidget.setTabOrder(self.intake_date_edit, self.referent_name_edit)
        QWidget.setTabOrder(self.referent_name_edit, self.source_partner_edit)
        QWidget.setTabOrder(self.source_partner_edit, self.notice_given_at_edit)
        QWidget.setTabOrder(self.notice_given_at_edit, self.notice_mode_combo)
        QWidget.setTabOrder(self.notice_mode_combo, self.sharing_agreed_check)
        QWidget.setTabOrder(self.sharing_agreed_check, self.restricted_check)
        QWidget.setTabOrder(self.restricted_check, self.duplicates_list)
        QWidget.setTabOrder(self.duplicates_list, self.open_duplicate_button)
        QWidget.setTabOrder(self.open_duplicate_button, self.save_anyway_button)
        QWidget.setTabOrder(self.save_anyway_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(IntakeForm)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        self.title_label.setText(QCoreApplication.translate("IntakeForm", u"Nouvelle inscription", None))
        self.required_label.setText(QCoreApplication.translate("IntakeForm", u"* champ obligatoire", None))
        self.identity_group.setTitle(QCoreApplication.translate("IntakeForm", u"Identit\u00e9", None))
        self.last_name_label.setText(QCoreApplication.translate("IntakeForm", u"&Nom *", None))
        self.first_name_label.setText(QCoreApplication.translate("IntakeForm", u"&Pr\u00e9nom *", None))
        self.birth_date_label.setText(QCoreApplication.translate("IntakeForm", u"Date de nai&ssance", None))
        self.gender_label.setText(QCoreApplication.translate("IntakeForm", u"&Genre", None))
        self.age_band_label.setText(QCoreApplication.translate("IntakeForm", u"&Tranche d'\u00e2ge", None))
        self.contact_group.setTitle(QCoreApplication.translate("IntakeForm", u"Coordonn\u00e9es", None))
        self.phone_label.setText(QCoreApplication.translate("IntakeForm", u"T\u00e9l\u00e9p&hone", None))
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"06 12 34 56 78", None))
        self.email_label.setText(QCoreApplication.translate("IntakeForm", u"&Courriel", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"prenom.nom@exemple.fr", None))
        self.address_label.setText(QCoreApplication.translate("IntakeForm", u"&Adresse", None))
        self.postcode_label.setText(QCoreApplication.translate("IntakeForm", u"Code p&ostal", None))
        self.commune_label.setText(QCoreApplication.translate("IntakeForm", u"Co&mmune", None))
        self.qpv_label.setText(QCoreApplication.translate("IntakeForm", u"&QPV", None))
        self.contact_preference_label.setText(QCoreApplication.translate("IntakeForm", u"Pr\u00e9&f\u00e9rence de contact", None))
        self.situation_group.setTitle(QCoreApplication.translate("IntakeForm", u"Situation \u00e0 l'entr\u00e9e", None))
        self.statuses_label.setText(QCoreApplication.translate("IntakeForm", u"Statuts", None))
        self.ft_category_label.setText(QCoreApplication.translate("IntakeForm", u"Cat\u00e9gorie France Tra&vail", None))
        self.education_level_label.setText(QCoreApplication.translate("IntakeForm", u"Niveau de fo&rmation", None))
        self.diploma_obtained_label.setText(QCoreApplication.translate("IntakeForm", u"Dipl\u00f4me", None))
        self.diploma_obtained_check.setText(QCoreApplication.translate("IntakeForm", u"Dip&l\u00f4me obtenu", None))
        self.barriers_group.setTitle(QCoreApplication.translate("IntakeForm", u"Freins et leur intensit\u00e9", None))
        self.barriers_help_label.setText(QCoreApplication.translate("IntakeForm", u"Pour chaque frein \u00e9voqu\u00e9, son intensit\u00e9 pour la reprise d'emploi ; laissez \u00ab \u2014 \u00bb pour un frein absent.", None))
        self.course_group.setTitle(QCoreApplication.translate("IntakeForm", u"Projet et parcours", None))
        self.project_label.setText(QCoreApplication.translate("IntakeForm", u"Pro&jet", None))
        self.intake_date_label.setText(QCoreApplication.translate("IntakeForm", u"&Date d'entr\u00e9e *", None))
        self.referent_name_label.setText(QCoreApplication.translate("IntakeForm", u"R\u00e9f\u00e9r&ent", None))
        self.referent_name_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Vous-m\u00eame si laiss\u00e9 vide", None))
        self.source_partner_label.setText(QCoreApplication.translate("IntakeForm", u"Structure d'or&igine", None))
        self.source_partner_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Qui a orient\u00e9 la personne (facultatif)", None))
        self.privacy_group.setTitle(QCoreApplication.translate("IntakeForm", u"Information et partage", None))
        self.notice_given_at_label.setText(QCoreApplication.translate("IntakeForm", u"Information remise le", None))
        self.notice_mode_label.setText(QCoreApplication.translate("IntakeForm", u"Mode d'information", None))
        self.sharing_agreed_label.setText(QCoreApplication.translate("IntakeForm", u"Partage", None))
        self.sharing_agreed_check.setText(QCoreApplication.translate("IntakeForm", u"La personne accepte d'\u00eatre suivie avec les autres partenaires du programme", None))
        self.restricted_label.setText(QCoreApplication.translate("IntakeForm", u"Opposition", None))
        self.restricted_check.setText(QCoreApplication.translate("IntakeForm", u"La personne s'oppose au partage de ses donn\u00e9es (suivie par cette structure seulement)", None))
        self.duplicates_group.setTitle(QCoreApplication.translate("IntakeForm", u"Cette personne a peut-\u00eatre d\u00e9j\u00e0 une fiche", None))
        self.duplicates_label.setText(QCoreApplication.translate("IntakeForm", u"Une ou plusieurs fiches de la cohorte ressemblent \u00e0 celle-ci. Ouvrez la fiche existante si c'est la m\u00eame personne ; sinon, enregistrez la nouvelle fiche.", None))
        self.open_duplicate_button.setText(QCoreApplication.translate("IntakeForm", u"O&uvrir cette fiche", None))
        self.save_anyway_button.setText(QCoreApplication.translate("IntakeForm", u"Ce n'est pas la m\u00eame personne : enregistrer", None))
        self.cancel_button.setText(QCoreApplication.translate("IntakeForm", u"Annuler", None))
        self.save_button.setText(QCoreApplication.translate("IntakeForm", u"Enregistrer la fiche (Ctrl+S)", None))
        pass
    # retranslateUi

