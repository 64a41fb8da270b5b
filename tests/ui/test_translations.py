"""Translations: the German .qm is built from its .ts, and choosing Deutsch in Settings
changes the menus at once (and back)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QPushButton, QTableView, QWidget

from netdesk.ui import i18n
from tests.ui.driver import find

TS = i18n.I18N_DIR / "netdesk_de.ts"
LRELEASE = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                   "pyside6-lrelease")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.use_language("")  # the system's language and locale, as the other tests expect


def menu_titles(window) -> list[str]:  # noqa: ANN001
    return [a.text() for a in window.menuBar().actions()]


@pytest.mark.skipif(not Path(LRELEASE).exists(), reason="pyside6-lrelease not installed")
def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "netdesk_de.qm"
    subprocess.run([LRELEASE, str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == (i18n.I18N_DIR / "netdesk_de.qm").read_bytes(), \
        "run `make translations`"


def test_german_is_available() -> None:
    assert i18n.available_languages() == ["en", "de"]


def test_choosing_deutsch_in_settings_changes_the_menus_live(window, ui, qtbot) -> None:
    assert menu_titles(window)[:2] == ["&File", "&Edit"]
    ui.action("settingsAction").trigger()
    dialog = find(window, QWidget, "settingsDialog")
    combo = find(dialog, QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("de"))
    find(dialog, QPushButton, "okButton").click()
    assert menu_titles(window)[:6] == ["&Datei", "&Bearbeiten", "&Ansicht", "&Kontakt",
                                       "&Einstellungen", "&Hilfe"]
    assert ui.action("newAction").text() == "Neuer Kontakt"
    assert ui.action("backupAction").text() == "&Sicherung…"
    assert find(window, QMenu, "fileMenu").title() == "&Datei"
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    # The choice is kept for the next start, and English comes back the same way.
    ui.action("settingsAction").trigger()
    dialog = find(window, QWidget, "settingsDialog")
    assert dialog.windowTitle() == "Einstellungen"
    combo = find(dialog, QComboBox, "languageCombo")
    assert combo.currentData() == "de"
    combo.setCurrentIndex(combo.findData("en"))
    find(dialog, QPushButton, "okButton").click()
    assert menu_titles(window)[0] == "&File"


def choose_language(window, ui, code: str) -> None:  # noqa: ANN001
    ui.action("settingsAction").trigger()
    dialog = find(window, QWidget, "settingsDialog")
    combo = find(dialog, QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData(code))
    find(dialog, QPushButton, "okButton").click()


def sidebar_titles(window) -> list[str]:  # noqa: ANN001
    return [title for _kind, _key, title, _icon in window.sidebar.navigable()]


def view_menu_texts(window) -> list[str]:  # noqa: ANN001
    return [a.text() for a in find(window, QMenu, "viewMenu").actions() if a.text()]


def test_sidebar_and_view_menu_follow_a_switch_without_restart(window, ui, qtbot) -> None:
    assert {"Today", "Duplicates", "All contacts", "Trash"} <= set(sidebar_titles(window))
    assert "Duplicates" in view_menu_texts(window)
    choose_language(window, ui, "de")
    qtbot.waitUntil(lambda: {"Heute", "Duplikate", "Alle Kontakte", "Papierkorb"}
                    <= set(sidebar_titles(window)))
    assert not {"Today", "Duplicates", "All contacts", "Trash"} & set(sidebar_titles(window))
    qtbot.waitUntil(lambda: "Duplikate" in view_menu_texts(window))
    assert "Duplicates" not in view_menu_texts(window)
    # The views' own words follow too, without a restart.
    qtbot.waitUntil(lambda: ui.search_edit.placeholderText().startswith("Namen, Firmen"))
    assert find(window, QLabel, "todayTitle").text() == "Heute"
    assert find(window, QPushButton, "doneButton").text() == "Erledigt"
    assert ui.count_label.text() == "0 Kontakte"
    # The keys stay on the same entries.
    assert ui.action("goTodayAction").text() == "Heute"
    assert ui.action("goTodayAction").shortcut().toString() == "Ctrl+1"
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    choose_language(window, ui, "en")
    qtbot.waitUntil(lambda: {"Today", "Duplicates", "All contacts", "Trash"}
                    <= set(sidebar_titles(window)))
    qtbot.waitUntil(lambda: "Duplicates" in view_menu_texts(window))


def test_the_contacts_tables_columns_follow_a_switch(window, ui, qtbot) -> None:
    def titles() -> list[str]:
        model = ui.table.model()
        return [model.headerData(c, Qt.Orientation.Horizontal)
                for c in range(model.columnCount())]

    columns_menu = ui.columns_menu
    assert titles()[:5] == ["Name", "Organisation", "Title", "E-mail", "Phone"]
    assert columns_menu.title() == "&Columns"
    choose_language(window, ui, "de")
    qtbot.waitUntil(lambda: "Telefon" in titles())
    assert titles() == ["Name", "Organisation", "Titel", "E-Mail", "Telefon", "Schlagwörter",
                        "Letzter Kontakt", "Nachfassen"]
    assert columns_menu.title() == "&Spalten"
    texts = [a.text() for a in columns_menu.actions() if a.text()]
    assert "Letzter Kontakt" in texts and "Spalten zurücksetzen" in texts
    # objectNames stay English (scripts find the actions by them).
    assert find(window, QAction, "columnLastcontactAction").text() == "Letzter Kontakt"
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    choose_language(window, ui, "en")
    qtbot.waitUntil(lambda: "Phone" in titles())
    assert columns_menu.title() == "&Columns"


def test_dates_and_times_follow_the_chosen_language(window, ui, qtbot) -> None:
    """Not the system's locale (C here): with Deutsch chosen, "3. Dez." and a 24-hour clock;
    the views re-read them at the switch."""
    import datetime as dt

    from netdesk.ui.locale_format import day_month_text, format_date, format_time

    december_3 = dt.date(2026, 12, 3)
    choose_language(window, ui, "de")
    assert day_month_text(3, 12) == "3. Dez."
    assert format_date(december_3) == "Do. 3. Dez. 2026"
    assert format_time(dt.time(14, 5)) == "14:05"
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    # The settings dialog lists the reminder hours on the German clock.
    ui.action("settingsAction").trigger()
    dialog = find(window, QWidget, "settingsDialog")
    hours = find(dialog, QComboBox, "reminderHourCombo")
    assert hours.itemText(14) == "14:00"
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    choose_language(window, ui, "en")
    # The system's English (C here: "3 Dec"; "Dec 3" where the system is en_US).
    assert day_month_text(3, 12) in ("3 Dec", "Dec 3")
    assert format_date(december_3).startswith("Thu")


@pytest.fixture
def german_window(qtbot, data_dir: Path):
    """The real window over a data dir whose settings chose Deutsch before the start."""
    from netdesk.app import compose
    from netdesk.ui.settings import LANGUAGE_KEY, open_settings

    settings = open_settings(data_dir)
    settings.setValue(LANGUAGE_KEY, "de")
    settings.sync()
    window = compose(data_dir).window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_a_german_start_shows_german_views(german_window) -> None:
    window = german_window
    assert menu_titles(window)[0] == "&Datei"
    titles = [title for _kind, _key, title, _icon in window.sidebar.navigable()]
    assert "Heute" in titles and "Alle Kontakte" in titles
    # objectNames stay English whatever the language (tests and scripts find them).
    assert window.findChild(QAction, "goTodayAction") is not None

    today = find(window, QTableView, "followUpsTable").model()
    headers = [today.headerData(c, Qt.Orientation.Horizontal)
               for c in range(today.columnCount())]
    assert headers == ["Wann", "Wer", "Was", "Art"]
    assert find(window, QLabel, "todayTitle").text() == "Heute"


def test_every_source_text_in_the_ts_is_translated() -> None:
    """No text left for later: each message of netdesk_de.ts has a finished, non-empty
    German translation (lupdate marks new ones "unfinished")."""
    import xml.etree.ElementTree as ET

    messages = ET.parse(TS).getroot().iter("message")
    missing = []
    count = 0
    for message in messages:
        count += 1
        translation = message.find("translation")
        if (translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                               "vanished")
                or not (translation.text or "").strip()):
            missing.append(message.findtext("source"))
    assert count > 250
    assert missing == []


def test_the_german_editor_shows_german_labels(german_window, qtbot) -> None:
    from netdesk.ui.editor import ContactEditor
    from tests.ui.driver import Ui, form_labels

    ui = Ui(german_window)
    ui.action("newAction").trigger()
    qtbot.waitUntil(lambda: german_window.findChild(ContactEditor) is not None)
    editor = german_window.findChild(ContactEditor)
    qtbot.waitUntil(editor.isVisible)
    assert editor.windowTitle() == "Neuer Kontakt"
    labels = form_labels(editor)
    for german in ("Vorname", "Nachname", "Organisation", "Telefon", "E-Mail",
                   "Schlagwörter", "Wo wir uns trafen", "Geburtstag", "Notizen"):
        assert german in labels, (german, labels)
    assert not {"First name", "Last name", "Tags", "Birthday", "Notes"} & set(labels)
    months = find(editor, QComboBox, "birthdayMonth")
    assert months.itemText(0) == "Januar" and months.itemText(2) == "März"
    editor.reject()


def test_samples_question_and_accounts_status_speak_german(window, ui, qtbot) -> None:
    """Texts put together with numbers and names (once English f-strings) follow the language:
    the sample contacts' question and status, the accounts dialog's labels and status."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

    from tests.ui.driver import form_labels

    choose_language(window, ui, "de")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    ui.add_sample_contacts()  # an empty address book: no question
    qtbot.waitUntil(lambda: ui.model.rowCount() == 40)
    assert ui.status_text() == "40 Beispielkontakte hinzugefügt."
    ui.add_sample_contacts()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmSamplesBox") is not None)
    box = window.findChild(QMessageBox, "confirmSamplesBox")
    assert box.text() == "40 erfundene Beispielkontakte zu Ihren 40 Kontakten hinzufügen?"
    assert box.informativeText().startswith("Sie bringen eigenes Nachfassen")
    assert find(box, QPushButton, "confirmButton").text() == "Beispielkontakte hinzufügen"
    find(box, QPushButton, "cancelButton").click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmSamplesBox") is None)
    assert ui.model.rowCount() == 40

    ui.action("accountsAction").trigger()
    dialog = find(window, QDialog, "accountsDialog")
    labels = form_labels(dialog)
    assert {"Server- oder Adressbuch-URL", "Benutzer", "Passwort", "Adressbuch"} <= set(labels)
    find(dialog, QLineEdit, "urlEdit").setText("http://127.0.0.1:9/")  # nobody listens
    find(dialog, QPushButton, "findButton").click()
    status = find(dialog, QLabel, "statusLabel")
    assert status.text() == "Adressbücher werden gesucht…"
    qtbot.waitUntil(lambda: status.text().startswith("Fehlgeschlagen: "), timeout=10000)
    dialog.reject()


def test_a_german_import_reports_in_german_with_german_digit_grouping(
        window, ui, qtbot, tmp_path: Path, vcf_writer) -> None:
    choose_language(window, ui, "de")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "settingsDialog") is None)
    path = vcf_writer(tmp_path / "leute.vcf", 1001, broken_at=7)
    ui.import_files([str(path)])
    dialog = ui.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    dialog.wait()
    assert dialog.windowTitle() == "vCards importieren"
    assert dialog.status.text() == "Import abgeschlossen: 1.000 angelegt, 0 aktualisiert, " \
                                   "1 übersprungen."
    assert "leute.vcf, Karte 8, Zeile" in dialog.details.toPlainText()
    assert "(übersprungen)" in dialog.details.toPlainText()
    assert ui.status_text() == "Importiert: 1.000 angelegt, 0 aktualisiert, 1 übersprungen."
    find(dialog, QPushButton, "importCloseButton").click()
