"""Settings… (Ctrl+,): reads each setting from the one place it lives, shows them in the
Settings dialog and applies changes live.

Where each setting lives:
  start in tray, language, sync interval   netdesk-ui.ini (ui/settings.py, sync_controller)
  start at login                           the XDG autostart entry (services/autostart.py)
  reminder hour, "remind me N days before" the store (services/dates.py; also the CLI's)
  default phone region                     the store (services/settings.py AppSettings)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from netdesk.services.autostart import AutostartService
from netdesk.services.dates import DateReminderService
from netdesk.services.errors import ServiceError
from netdesk.services.settings import AppSettings
from netdesk.ui import i18n
from netdesk.ui import settings as ui_settings
from netdesk.ui.i18n import translated
from netdesk.ui.main_window import MainWindow
from netdesk.ui.settings_dialog import SettingsDialog, SettingsValues


class SettingsController(QObject):
    def __init__(self, window: MainWindow, settings: QSettings, app_settings: AppSettings,
                 dates: DateReminderService | None, autostart: AutostartService,
                 sync, set_region: Callable[[str], object]) -> None:  # noqa: ANN001
        """``sync`` is the SyncController (interval, Accounts…); ``set_region(code)`` tells
        the duplicate finder the phone region from now on."""
        super().__init__(window)
        self.setObjectName("settingsController")
        self._window, self._settings = window, settings
        self._app, self._dates, self._autostart = app_settings, dates, autostart
        self._sync, self._set_region = sync, set_region
        self.dialog: SettingsDialog | None = None
        action = QAction(window, objectName="settingsAction")
        translated(action, "SettingsController",
                   QT_TRANSLATE_NOOP("SettingsController", "&Settings…"))
        action.setShortcut(QKeySequence("Ctrl+,"))
        action.setMenuRole(QAction.MenuRole.PreferencesRole)
        action.triggered.connect(self.open)
        window.addAction(action)
        menu = window.settings_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
        self.action = action

    def current(self) -> SettingsValues:
        """Every setting as it is now, read from where it lives."""
        dates = self._dates
        return SettingsValues(
            start_in_tray=ui_settings.read_bool(self._settings, ui_settings.START_IN_TRAY_KEY),
            start_at_login=self._autostart.is_enabled(),
            language=ui_settings.read_language(self._settings),
            reminder_hour=dates.reminder_hour() if dates else 9,
            days_before=dates.default_days_before() if dates else None,
            phone_region=self._app.phone_region(),
            sync_minutes=self._sync.interval_minutes(),
        )

    def open(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            values = self.current()
            automatic = self._app.automatic_phone_region()
        except ServiceError as exc:
            self._window.statusBar().showMessage(str(exc), 8000)
            return
        dialog = SettingsDialog(values, self.apply, regions=self._regions(),
                                automatic_region=automatic,
                                login_supported=self._autostart.supported,
                                open_accounts=self._sync.open_accounts, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def _regions(self) -> list[tuple[str, str]]:
        named = []
        for code in self._app.known_regions():
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else code
            named.append((code, name))
        return sorted(named, key=lambda pair: pair[1].casefold())

    def apply(self, new: SettingsValues) -> str | None:
        """Apply what differs from the current settings; an error sentence, or None."""
        old = self.current()
        try:
            if new.start_in_tray != old.start_in_tray:
                self._settings.setValue(ui_settings.START_IN_TRAY_KEY, new.start_in_tray)
            if new.start_at_login != old.start_at_login:
                self._autostart.set_enabled(new.start_at_login)
            if new.language != old.language:
                self._settings.setValue(ui_settings.LANGUAGE_KEY, new.language)
                i18n.use_language(new.language)
            if self._dates is not None and new.reminder_hour != old.reminder_hour:
                self._dates.set_reminder_hour(new.reminder_hour)
            if self._dates is not None and new.days_before != old.days_before:
                self._dates.set_default_days_before(new.days_before)
            if new.phone_region != old.phone_region:
                self._app.set_phone_region(new.phone_region)
                self._set_region(self._app.effective_phone_region())
            if new.sync_minutes != old.sync_minutes:
                self._sync.set_interval(new.sync_minutes)
        except ServiceError as exc:
            return str(exc)
        finally:
            self._settings.sync()
        return None
