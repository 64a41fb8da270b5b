"""The networking workflow in the window: "Met someone" (Ctrl+M), the Events view and the
dashboard. Composed by ``app.compose`` with one call; everything it needs comes in here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from netdesk.actions import Runner
from netdesk.services.activity import ActivityService
from netdesk.services.contacts import ContactService
from netdesk.services.events import EventService
from netdesk.services.quick_add import QuickAddService
from netdesk.services.stats import StatsService
from netdesk.ui.dashboard import Dashboard
from netdesk.ui.events_view import EventsView
from netdesk.ui.feedback import Feedback
from netdesk.ui.icons import line_icon
from netdesk.ui.main_window import MainWindow
from netdesk.ui.quick_add import QuickAddDialog

QUICK_ADD_SHORTCUT = "Ctrl+M"


class NetworkingController(QObject):
    def __init__(self, window: MainWindow, contacts: ContactService, activity: ActivityService,
                 runner: Runner, feedback: Feedback, settings: QSettings,
                 show_contact: Callable[[int], object], today: QWidget | None = None) -> None:
        super().__init__(window)
        self.setObjectName("networkingController")
        self._window, self._runner, self._settings = window, runner, settings
        self.events = EventService(activity.db, activity.clock, activity.tz)
        self.quick = QuickAddService(contacts, activity, self.events)
        self.quick_dialog: QuickAddDialog | None = None

        self.quick_action = QAction(self.tr("Met someone…"), window)
        self.quick_action.setObjectName("quickAddAction")
        self.quick_action.setIcon(line_icon("new"))
        self.quick_action.setShortcut(QKeySequence(QUICK_ADD_SHORTCUT))
        self.quick_action.triggered.connect(self.open_quick_add)
        window.addAction(self.quick_action)
        window.contact_menu.addAction(self.quick_action)
        if today is not None:  # the Today view's "Met someone…" button
            today.quickAddRequested.connect(self.open_quick_add)

        self.events_view = EventsView(self.events, runner, feedback.outcome,
                                      resolve=contacts.resolve)
        self.events_view.contactActivated.connect(show_contact)
        self.events_view.quickAddRequested.connect(self.open_quick_add)
        window.add_view("Events", self.events_view, line_icon("event"))
        stats = StatsService(activity.db, activity.clock, activity.tz)
        self.dashboard = Dashboard(stats, contacts, runner)
        self.dashboard.contactActivated.connect(show_contact)
        window.add_view("Dashboard", self.dashboard, line_icon("dashboard"))

    def open_quick_add(self) -> QuickAddDialog:
        """Show the dialog (the same one again while it is open), event list fresh."""
        if not self._window.isVisible():  # asked for from the tray
            self._window.bring_to_front()
        if self.quick_dialog is None or not self.quick_dialog.isVisible():
            self.quick_dialog = QuickAddDialog(self.quick, self.events, self._runner,
                                               self._settings, self._window)
            self.quick_dialog.open()
        self.quick_dialog.raise_()
        self.quick_dialog.activateWindow()
        return self.quick_dialog
