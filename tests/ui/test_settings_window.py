"""Settings… through the real window: opens with Ctrl+, on the first field, OK is the
default, OK/Apply apply live, Cancel applies nothing, a failure is said in the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton, QSpinBox, QWidget

from netdesk.services.settings import AppSettings
from netdesk.ui.settings import START_IN_TRAY_KEY, open_settings, read_bool
from tests.ui.driver import find


@pytest.fixture(autouse=True)
def _own_config_home(tmp_path: Path, monkeypatch) -> Path:
    """Start at login writes into $XDG_CONFIG_HOME/autostart: a temporary one here."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def open_dialog(window, qtbot, by_key: bool = False) -> QWidget:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    if by_key:
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    else:
        find(window, QAction, "settingsAction").trigger()
    dialog = find(window, QWidget, "settingsDialog")
    qtbot.waitExposed(dialog)
    return dialog


def test_opens_on_the_first_field_with_ok_as_default(window, qtbot, artifacts) -> None:
    dialog = open_dialog(window, qtbot, by_key=True)
    assert dialog.isVisible()
    first = find(dialog, QCheckBox, "startInTrayCheck")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    assert find(dialog, QPushButton, "okButton").isDefault()
    tabs = [dialog.findChild(QWidget, "settingsTabs").tabText(i) for i in range(4)]
    assert tabs == ["General", "Reminders", "Phone numbers", "Sync"]
    from tests.ui.test_screenshots import _save

    _save(dialog, artifacts, "settings-dialog.png")  # the README's (NETDESK_UPDATE_SCREENSHOTS)
    for index, name in ((1, "reminders"), (2, "phones"), (3, "sync")):
        dialog.findChild(QWidget, "settingsTabs").setCurrentIndex(index)
        dialog.grab().save(str(artifacts / f"settings-{name}.png"))
    dialog.reject()


def test_ok_applies_every_page_live(parts, window, qtbot, data_dir: Path,
                                    _own_config_home: Path) -> None:
    dialog = open_dialog(window, qtbot)
    find(dialog, QCheckBox, "startInTrayCheck").setChecked(True)
    find(dialog, QCheckBox, "startAtLoginCheck").setChecked(True)
    hour = find(dialog, QComboBox, "reminderHourCombo")
    hour.setCurrentIndex(hour.findData(18))
    find(dialog, QSpinBox, "daysBeforeSpin").setValue(3)
    region = find(dialog, QComboBox, "regionCombo")
    region.setCurrentIndex(region.findData("DE"))
    find(dialog, QSpinBox, "syncMinutesSpin").setValue(45)
    find(dialog, QPushButton, "okButton").click()
    assert not dialog.isVisible()
    dates = parts.activity.dates
    assert (dates.reminder_hour(), dates.default_days_before()) == (18, 3)
    assert AppSettings(parts.contacts.db).phone_region() == "DE"
    assert read_bool(open_settings(data_dir), START_IN_TRAY_KEY)
    entry = _own_config_home / "autostart" / "io.github.netdesk.Netdesk.desktop"
    assert f"--data-dir {data_dir}" in entry.read_text()
    sync = find(window, object_type(), "syncController")
    assert sync.interval_minutes() == 45
    assert window.findChild(object_timer(), "syncAutoTimer").interval() == 45 * 60_000
    # Reopened, it shows what is now in effect; turning start at login off removes the entry.
    dialog = open_dialog(window, qtbot)
    assert find(dialog, QComboBox, "regionCombo").currentData() == "DE"
    assert find(dialog, QSpinBox, "daysBeforeSpin").value() == 3
    find(dialog, QCheckBox, "startAtLoginCheck").setChecked(False)
    find(dialog, QPushButton, "applyButton").click()
    assert not entry.exists()
    assert dialog.isVisible()  # Apply stays open
    dialog.reject()


def test_cancel_applies_nothing(parts, window, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    find(dialog, QSpinBox, "daysBeforeSpin").setValue(5)
    region = find(dialog, QComboBox, "regionCombo")
    region.setCurrentIndex(region.findData("FR"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert parts.activity.dates.default_days_before() is None
    assert AppSettings(parts.contacts.db).phone_region() is None


def test_a_failure_is_said_in_the_dialog_and_keeps_it_open(window, qtbot,
                                                           _own_config_home: Path) -> None:
    _own_config_home.mkdir(parents=True)
    (_own_config_home / "autostart").write_text("a file where the folder should be")
    dialog = open_dialog(window, qtbot)
    find(dialog, QCheckBox, "startAtLoginCheck").setChecked(True)
    find(dialog, QPushButton, "okButton").click()
    assert dialog.isVisible()
    error = dialog.findChild(QWidget, "settingsError")
    assert error.isVisible() and "could not change" in error.text()
    find(dialog, QCheckBox, "startAtLoginCheck").setChecked(False)
    find(dialog, QPushButton, "okButton").click()
    assert not dialog.isVisible()


def test_the_phone_region_reaches_the_duplicate_finder(parts, window, qtbot,
                                                       monkeypatch) -> None:
    from netdesk.domain.contact import Contact, LabeledValue

    monkeypatch.delenv("NETDESK_PHONE_REGION", raising=False)
    finder = find(window, object_type(), "duplicatesController").duplicates
    for name, phone in (("Ada Lovelace", "030 1234567"), ("A. Lovelace", "+49 30 1234567")):
        parts.contacts.create(Contact(display_name=name, phones=[LabeledValue(phone)]))
    assert finder.pairs() == []  # a national number is not read as German yet
    dialog = open_dialog(window, qtbot)
    region = find(dialog, QComboBox, "regionCombo")
    region.setCurrentIndex(region.findData("DE"))
    find(dialog, QPushButton, "okButton").click()
    assert len(finder.pairs()) == 1


def object_type():  # noqa: ANN201
    from PySide6.QtCore import QObject

    return QObject


def object_timer():  # noqa: ANN201
    from PySide6.QtCore import QTimer

    return QTimer


def test_enter_is_ok(parts, window, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.findChild(QWidget, "settingsTabs").setCurrentIndex(1)
    spin = find(dialog, QSpinBox, "daysBeforeSpin")
    spin.setValue(2)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert parts.activity.dates.default_days_before() == 2
    # Not a step of the undo history: Cancel is a setting's undo.
    assert not find(window, QAction, "undoAction").isEnabled()


def test_the_sync_page_opens_the_accounts_dialog(window, qtbot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.findChild(QWidget, "settingsTabs").setCurrentIndex(3)
    find(dialog, QPushButton, "settingsAccountsButton").click()
    accounts = find(window, QWidget, "accountsDialog")
    qtbot.waitExposed(accounts)
    accounts.reject()
    dialog.reject()
