"""Settings…: General, Reminders, Phone numbers and Sync pages over one ``SettingsValues``.

The dialog only shows and edits values; the controller (ui/settings_controller.py) reads
them from where each setting lives and applies them live. OK applies and closes, Apply
applies and stays, Cancel (Esc) closes without applying what was not applied yet. Settings
are not steps of the undo history: Cancel is their undo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.dates import MAX_REMIND_DAYS
from netdesk.ui.locale_format import format_time

MAX_SYNC_MINUTES = 24 * 60
# The language choices: (code, name in that language); "" follows the system.
LANGUAGES = (("en", "English"), ("de", "Deutsch"))


@dataclass(frozen=True)
class SettingsValues:
    start_in_tray: bool = False
    start_at_login: bool = False
    language: str = ""  # "" = the system's
    reminder_hour: int = 9
    days_before: int | None = None  # birthdays/anniversaries; None = only per contact
    phone_region: str | None = None  # None = automatic
    sync_minutes: int = 15


# What applying returns: an error sentence to show (None: all applied).
Apply = Callable[[SettingsValues], str | None]


class SettingsDialog(QDialog):
    def __init__(self, values: SettingsValues, apply: Apply, *,
                 regions: Sequence[tuple[str, str]], automatic_region: str,
                 login_supported: bool, open_accounts: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._apply = apply
        self._applied = values
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(self._general_page(login_supported), self.tr("General"))
        self.tabs.addTab(self._reminders_page(), self.tr("Reminders"))
        self.tabs.addTab(self._phones_page(regions, automatic_region), self.tr("Phone numbers"))
        self.tabs.addTab(self._sync_page(open_accounts), self.tr("Sync"))
        self.error = QLabel(objectName="settingsError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: palette(highlight);")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Apply)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("applyButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.show_values(values)
        self.tabs.currentChanged.connect(lambda _i: self._focus_first())
        self._focus_first()

    # -- pages --------------------------------------------------------------------------------
    def _form(self, name: str) -> tuple[QWidget, QFormLayout]:
        page = QWidget(objectName=name)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return page, form

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setEnabled(False)  # drawn as a quieter hint
        return label

    def _general_page(self, login_supported: bool) -> QWidget:
        page, form = self._form("generalPage")
        self.start_in_tray = QCheckBox(self.tr("Start &in the system tray (window hidden)"),
                                       objectName="startInTrayCheck")
        self.start_at_login = QCheckBox(self.tr("Start at &login"),
                                        objectName="startAtLoginCheck")
        form.addRow(self.start_in_tray)
        form.addRow(self.start_at_login)
        if not login_supported:
            self.start_at_login.setEnabled(False)
            form.addRow(self._note(self.tr("Starting at login is not supported on this "
                                           "system yet.")))
        self.language = QComboBox(objectName="languageCombo")
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self._note(self.tr("The window changes language at once; dates and "
                                       "times follow the language too.")))
        return page

    def _reminders_page(self) -> QWidget:
        page, form = self._form("remindersPage")
        self.reminder_hour = QComboBox(objectName="reminderHourCombo")
        for hour in range(24):
            self.reminder_hour.addItem(format_time(dt.time(hour, 0)), hour)
        form.addRow(self.tr("Birthday and anniversary reminders &at:"), self.reminder_hour)
        self.days_before = QSpinBox(objectName="daysBeforeSpin")
        self.days_before.setRange(-1, MAX_REMIND_DAYS)
        self.days_before.setSpecialValueText(self.tr("Only for contacts with their own"))
        self.days_before.setSuffix(self.tr(" days before"))
        form.addRow(self.tr("&Remind me:"), self.days_before)
        form.addRow(self._note(self.tr("0 days before reminds on the day itself. A contact's "
                                       "own setting (in its details) wins.")))
        return page

    def _phones_page(self, regions: Sequence[tuple[str, str]], automatic: str) -> QWidget:
        page, form = self._form("phonesPage")
        self.region = QComboBox(objectName="regionCombo")
        auto = self.tr("Automatic (%1)").replace("%1", automatic or self.tr("none"))
        self.region.addItem(auto, "")
        for code, name in regions:
            self.region.addItem(f"{name} ({code})", code)
        form.addRow(self.tr("Default &region:"), self.region)
        form.addRow(self._note(self.tr(
            "Numbers written without a country code (\u201c030 1234567\u201d) are read as "
            "numbers of this country when netdesk looks for duplicates.")))
        return page

    def _sync_page(self, open_accounts: Callable[[], object]) -> QWidget:
        page, form = self._form("syncPage")
        self.sync_minutes = QSpinBox(objectName="syncMinutesSpin")
        self.sync_minutes.setRange(0, MAX_SYNC_MINUTES)
        self.sync_minutes.setSpecialValueText(self.tr("Never (only Sync now, F5)"))
        self.sync_minutes.setSuffix(self.tr(" minutes"))
        form.addRow(self.tr("Sync &every:"), self.sync_minutes)
        accounts = QPushButton(self.tr("&Accounts…"), objectName="settingsAccountsButton")
        accounts.setAutoDefault(False)
        accounts.clicked.connect(open_accounts)
        form.addRow(self.tr("CardDAV accounts:"), accounts)
        return page

    def _focus_first(self) -> None:
        first = {0: self.start_in_tray, 1: self.reminder_hour, 2: self.region,
                 3: self.sync_minutes}[self.tabs.currentIndex()]
        first.setFocus(Qt.FocusReason.TabFocusReason)

    # -- values -------------------------------------------------------------------------------
    def show_values(self, v: SettingsValues) -> None:
        self.start_in_tray.setChecked(v.start_in_tray)
        self.start_at_login.setChecked(v.start_at_login)
        _select(self.language, v.language)
        _select(self.reminder_hour, v.reminder_hour)
        self.days_before.setValue(-1 if v.days_before is None else v.days_before)
        _select(self.region, v.phone_region or "")
        self.sync_minutes.setValue(v.sync_minutes)

    def values(self) -> SettingsValues:
        days = self.days_before.value()
        return SettingsValues(
            start_in_tray=self.start_in_tray.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            language=self.language.currentData(),
            reminder_hour=self.reminder_hour.currentData(),
            days_before=None if days < 0 else days,
            phone_region=self.region.currentData() or None,
            sync_minutes=self.sync_minutes.value(),
        )

    def apply(self) -> bool:
        """Apply what changed since the last apply; whether all of it could be applied (an
        error is shown in the dialog, which stays open)."""
        values = self.values()
        error = self._apply(values) if values != self._applied else None
        self.error.setText(error or "")
        self.error.setVisible(bool(error))
        if error is None:
            self._applied = values
        return error is None

    def accept(self) -> None:
        if self.apply():
            super().accept()


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))
