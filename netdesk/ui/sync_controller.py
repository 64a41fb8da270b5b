"""CardDAV sync in the window: Settings → Accounts…, the Sync action (F5), automatic sync
(every N minutes, and a while after local changes), progress with Cancel, and the sync state
in the status bar.

A sync runs every account in one ``BackgroundJob`` (plain Python thread; it sees only the
``AccountService`` and plain values, never a QObject). Its result reaches the views as ONE
bulk ``ChangeEvent`` published through the runner, so every view reads once. A sync is not a
step of the undo history: it is a conversation with a server that the server's side of
cannot be taken back, and undoing a local edit later simply syncs that edit again.

Passwords: the keyring first; where it has none (no backend, or not stored) the user is
asked once per run and the answer is kept in memory only (never written, never logged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QProgressDialog

from netdesk.actions import ChangeEvent, Runner
from netdesk.domain.clock import Clock
from netdesk.ui.background import BackgroundJob
from netdesk.ui.feedback import Feedback
from netdesk.ui.history import on_change
from netdesk.ui.locale_format import format_count, format_local
from netdesk.ui.main_window import MainWindow

DEFAULT_INTERVAL_MINUTES = 15
INTERVAL_KEY = "sync/intervalMinutes"
# Local edits come in bursts (an editor's fields, a tag on 30 people): wait for a quiet spell.
CHANGE_DEBOUNCE_MS = 30_000
# A progress window only for syncs that take a while (a big first sync); quick ones stay quiet.
PROGRESS_AFTER_MS = 1500
translate = QCoreApplication.translate  # lupdate reads translate("SyncController", "…")


@dataclass
class AccountResult:
    """One account's sync, in plain values (made on the worker thread)."""

    name: str
    report: dict | None = None
    error: str = ""
    error_kind: str = ""  # "offline", "auth", "cancelled", "confirm" or "other"


@dataclass
class SyncOutcome:
    results: list[AccountResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # no password given

    def changed_here(self) -> bool:
        keys = ("downloaded", "updated_local", "deleted_local")
        return any(r.report and (any(r.report[k] for k in keys) or r.report["conflicts"])
                   for r in self.results)

    def conflicts(self) -> int:
        return sum(len(r.report["conflicts"]) for r in self.results if r.report)


def _error_kind(exc: BaseException) -> str:
    from netdesk.services.sync import (
        ConfirmationNeeded,
        SyncAuthFailed,
        SyncCancelled,
        SyncOffline,
    )

    for kind, name in ((SyncOffline, "offline"), (SyncAuthFailed, "auth"),
                       (SyncCancelled, "cancelled"), (ConfirmationNeeded, "confirm")):
        if isinstance(exc, kind):
            return name
    return "other"


def sync_all(accounts, passwords: dict[str, str], progress, cancelled,  # noqa: ANN001
             confirmed: frozenset[str] = frozenset()) -> SyncOutcome:
    """The worker: every account with a password, one after the other (``confirmed``: the
    accounts whose many deletions the user allowed). Pure Python."""
    from netdesk.services.errors import ServiceError

    outcome = SyncOutcome()
    for name, password in passwords.items():
        if cancelled():
            break
        try:
            report = accounts.sync(name, password, confirmed=name in confirmed,
                                   progress=progress, cancelled=cancelled)
        except ServiceError as exc:
            outcome.results.append(AccountResult(name, None, str(exc), _error_kind(exc)))
        else:
            outcome.results.append(AccountResult(name, report.as_dict()))
    return outcome


class SyncController(QObject):
    def __init__(self, window: MainWindow, runner: Runner, feedback: Feedback,
                 settings: QSettings, clock: Clock, tz: dt.tzinfo,
                 make_accounts: Callable[[], object]) -> None:
        """``make_accounts()`` builds the AccountService (on first use: it loads the
        CardDAV client, which start-up does not need)."""
        super().__init__(window)
        self.setObjectName("syncController")
        self._window, self._runner, self._feedback = window, runner, feedback
        self._clock, self._tz = clock, tz
        self._make_accounts = make_accounts
        self._accounts = None
        self._passwords: dict[str, str] = {}  # asked this run; memory only
        self._declined: set[str] = set()  # the user gave no password: don't ask again
        self._job: BackgroundJob | None = None
        self._progress: QProgressDialog | None = None
        self._publishing = False
        self._again = False
        self._asking = False  # a password question is open
        self.last_outcome: SyncOutcome | None = None
        self._build_actions()
        self.status_label = QLabel(objectName="syncStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # server text, not markup
        window.statusBar().addPermanentWidget(self.status_label)
        self._settings = settings
        minutes = _interval_minutes(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_MINUTES))
        self._minutes = minutes
        self.auto_timer = QTimer(self, objectName="syncAutoTimer")
        self.auto_timer.setInterval(max(minutes, 1) * 60_000)
        self.auto_timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self.change_timer = QTimer(self, objectName="syncChangeTimer")
        self.change_timer.setSingleShot(True)
        self.change_timer.setInterval(CHANGE_DEBOUNCE_MS)
        self.change_timer.timeout.connect(lambda: self.sync_now(automatic=True))
        on_change(runner, self, self._on_local_change, lambda e: e.touches_contacts)
        self._auto = minutes > 0
        window.warmed_up.connect(self.update_state)
        window.closing.connect(self._on_closing)

    def _build_actions(self) -> None:
        accounts = QAction(self.tr("Accounts…"), self._window, objectName="accountsAction")
        accounts.triggered.connect(self.open_accounts)
        sync = QAction(self.tr("Sync now"), self._window, objectName="syncAction")
        sync.setShortcut(QKeySequence("F5"))
        sync.setToolTip(self.tr("Sync with your CardDAV accounts (F5)"))
        sync.triggered.connect(lambda: self.sync_now(automatic=False))
        self.sync_action = sync
        self._window.add_settings_actions([accounts, sync])

    def interval_minutes(self) -> int:
        """Minutes between automatic syncs (0: off)."""
        return self._minutes

    def set_interval(self, minutes: int) -> None:
        """Sync automatically every ``minutes`` (0: never) from now on; kept in the settings
        file (Settings → Sync)."""
        minutes = max(int(minutes), 0)
        self._settings.setValue(INTERVAL_KEY, minutes)
        if minutes == self._minutes:
            return
        self._minutes, self._auto = minutes, minutes > 0
        self.auto_timer.stop()  # restarted with the new interval by update_state
        self.auto_timer.setInterval(max(minutes, 1) * 60_000)
        if self._accounts is not None:
            self.update_state()

    def accounts(self):  # noqa: ANN201
        if self._accounts is None:
            self._accounts = self._make_accounts()
        return self._accounts

    def loaded_accounts(self):  # noqa: ANN201
        """The AccountService if something already needed it, else None (cheap to ask)."""
        return self._accounts

    # -- accounts -----------------------------------------------------------------------------
    def open_accounts(self) -> None:
        from netdesk.ui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.accounts(), self._window)
        dialog.setObjectName("accountsDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.update_state())
        dialog.open()

    def account_names(self) -> list[str]:
        return [a.name for a in self.accounts().list()]

    def update_state(self) -> None:
        """Automatic sync runs only while an account exists; the label says where it stands."""
        names = self.account_names()
        self.sync_action.setEnabled(not self.is_running())
        if names and self._auto:
            if not self.auto_timer.isActive():
                self.auto_timer.start()
        else:
            self.auto_timer.stop()
            self.change_timer.stop()
        if self.is_running():
            return
        if not names:
            self.status_label.setText("")
        elif self.last_outcome is None:
            last = max((a.last_sync for a in self.accounts().list()), default="")
            self.status_label.setText(
                self.tr("Last sync: %1").replace("%1", _when(last, self._tz)) if last
                else self.tr("Not synced yet"))

    # -- running ------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._job is not None

    def sync_now(self, automatic: bool = False) -> bool:
        """Start a sync of every account (asking for missing passwords first); False when
        none started (one is running — it will run again after —, or no account)."""
        if self.is_running() or self._asking:
            self._again = self._again or (automatic and self.is_running())
            return False
        names = self.account_names()
        if not names:
            if not automatic:
                self._feedback.status("No sync account yet: add one in Settings → Accounts…")
            return False
        self._collect_passwords(names, lambda found: self._start(found, names))
        return True

    def _collect_passwords(self, names: list[str], then: Callable[[dict], None]) -> None:
        found: dict[str, str] = {}
        missing: list[str] = []
        for name in names:
            password = self._passwords.get(name) or self.accounts().stored_password(name)
            if password is not None:
                found[name] = password
            elif name not in self._declined:
                missing.append(name)
        self._asking = bool(missing)
        self._ask_next(missing, found, then)

    def _ask_next(self, missing: list[str], found: dict, then: Callable[[dict], None]) -> None:
        if not missing:
            self._asking = False
            then(found)
            return
        name = missing[0]
        prompt = QInputDialog(self._window, objectName="syncPasswordPrompt")
        prompt.setWindowTitle(self.tr("Sync password"))
        prompt.setLabelText(self.tr("Password for the account “%1” (kept until netdesk quits):")
                            .replace("%1", name))
        prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            if result and prompt.textValue():
                self._passwords[name] = found[name] = prompt.textValue()
            else:
                self._declined.add(name)
            self._ask_next(missing[1:], found, then)

        prompt.finished.connect(answered)
        prompt.open()  # not exec(): no nested event loop

    def _start(self, passwords: dict[str, str], names: list[str],
               confirmed: frozenset[str] = frozenset()) -> None:
        skipped = [n for n in names if n not in passwords]
        if not passwords:
            self.status_label.setText(self.tr("Sync skipped: no password given"))
            return
        accounts = self.accounts()
        _ = accounts.db.engine  # made here, on the GUI thread, before the worker races to it
        job = BackgroundJob(lambda progress, cancelled: sync_all(accounts, passwords,
                                                                 progress, cancelled, confirmed),
                            self, poll_ms=50, name="netdesk-sync")
        job.finished.connect(lambda: self._done(job, skipped))
        job.failed.connect(lambda: self._done(job, skipped))
        job.progressed.connect(self._on_progress)
        self._job = job
        self.change_timer.stop()
        self.sync_action.setEnabled(False)
        self.status_label.setText(self.tr("Syncing…"))
        self._progress = self._make_progress(job)
        job.start()

    def _make_progress(self, job: BackgroundJob) -> QProgressDialog:
        dialog = QProgressDialog("Syncing contacts…", "Cancel", 0, 0, self._window)
        dialog.setObjectName("syncProgress")
        dialog.setWindowTitle(self.tr("Sync"))
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        return dialog

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 0))
            self._progress.setValue(min(done, total))

    def _done(self, job: BackgroundJob, skipped: list[str]) -> None:
        self._job = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        if job.error is not None:  # a bug in the worker: say it, keep the app going
            outcome = SyncOutcome([AccountResult("", None, f"unexpected error: {job.error}",
                                                 "other")])
        else:
            outcome = job.result  # type: ignore[assignment]
        outcome.skipped = skipped
        self.last_outcome = outcome
        for result in outcome.results:
            if result.error_kind == "auth":
                self._passwords.pop(result.name, None)  # ask again next time
        if outcome.changed_here():
            self._publish()
        self._show(outcome)
        self.update_state()
        refused = [r for r in outcome.results if r.error_kind == "confirm"]
        if refused:
            self._ask_confirmation(refused)
        elif self._again:
            self._again = False
            self.change_timer.start()

    def _ask_confirmation(self, refused: list[AccountResult]) -> None:
        """Many deletions, or one side suddenly empty: nothing was deleted; ask, and on Yes
        sync those accounts again with the deletions allowed."""
        from PySide6.QtWidgets import QMessageBox

        text = "\n\n".join(f"{r.name}: {r.error}" for r in refused)
        box = QMessageBox(QMessageBox.Icon.Question, "Sync",
                          f"{text}\n\nApply these deletions?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._window)
        box.setObjectName("syncConfirmBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        names = [r.name for r in refused]

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and not self.is_running():
                self._collect_passwords(names, lambda found: self._start(
                    found, names, frozenset(names)))

        box.finished.connect(answered)
        box.open()

    def _publish(self) -> None:
        # One bulk event: every view re-reads once. Our own event must not schedule a sync.
        self._publishing = True
        try:
            self._runner.publish(ChangeEvent(bulk=True))
        finally:
            self._publishing = False

    def _show(self, outcome: SyncOutcome) -> None:
        text, tip = sync_status_text(outcome, format_local(self._clock.now(), self._tz))
        self.status_label.setText(text)
        self.status_label.setToolTip(tip)

    # -- automatic ----------------------------------------------------------------------------
    def _on_local_change(self, _event: ChangeEvent) -> None:
        if self._publishing or not self._auto or not self.auto_timer.isActive():
            return  # no account (the interval timer runs only with one), or our own event
        self.change_timer.start()  # restarts: one sync after the burst

    def _on_closing(self) -> None:
        self.auto_timer.stop()
        self.change_timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job.join(30000)


def sync_status_text(outcome: SyncOutcome, now_text: str) -> tuple[str, str]:
    """(the status bar's line, its tooltip with every error), in the language in use."""
    no_password = translate("SyncController", "no password given")
    errors = [f"{r.name}: {r.error}" for r in outcome.results if r.error]
    errors += [f"{r.name}: {e}" for r in outcome.results if r.report for e in r.report["errors"]]
    errors += [f"{name}: {no_password}" for name in outcome.skipped]
    kinds = {r.error_kind for r in outcome.results if r.error}
    ok = [r for r in outcome.results if r.report is not None]
    conflicts = outcome.conflicts()
    if "cancelled" in kinds:
        text = translate("SyncController", "Sync cancelled")
    elif ok and not errors:
        text = translate("SyncController", "Synced %1").replace("%1", now_text)
    elif kinds == {"offline"} and not ok:
        text = translate("SyncController", "Offline: the sync server cannot be reached")
    elif ok:
        text = translate("SyncController", "Synced %1 with %2 error(s)").replace(
            "%1", now_text).replace("%2", format_count(len(errors)))
    elif errors:
        text = translate("SyncController", "Sync failed: %1").replace("%1", errors[0])
    else:
        text = translate("SyncController", "Sync failed")
    if conflicts:
        text += translate("SyncController", " · %1 conflict(s) to resolve").replace(
            "%1", format_count(conflicts))
    return text, "\n".join(errors)


def _interval_minutes(value: object) -> int:
    """The automatic sync interval from the settings file; a bad value means the default."""
    try:
        return max(int(str(value)), 0)
    except ValueError:
        return DEFAULT_INTERVAL_MINUTES


def _when(stored: str, tz: dt.tzinfo) -> str:
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return format_local(moment, tz)
