<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupController</name>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sicherung…</translation>
    </message>
    <message>
        <source>Save a copy of all your data (safe while netdesk runs)</source>
        <translation>Eine Kopie aller Daten speichern (auch während netdesk läuft)</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>&amp;Kalender exportieren…</translation>
    </message>
    <message>
        <source>Save your follow-ups and keep-in-touch dates as an iCalendar (.ics) file</source>
        <translation>Nachfassen und Kontakttermine als iCalendar-Datei (.ics) speichern</translation>
    </message>
    <message>
        <source>A backup or export is still being written.</source>
        <translation>Eine Sicherung oder ein Export wird noch geschrieben.</translation>
    </message>
    <message>
        <source>Back up netdesk</source>
        <translation>netdesk sichern</translation>
    </message>
    <message>
        <source>netdesk backups (*.sqlite3);;All files (*)</source>
        <translation>netdesk-Sicherungen (*.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Gesichert nach %1.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sichern…</translation>
    </message>
    <message>
        <source>Wrote %1 calendar entries to %2.</source>
        <translation>%1 Kalendereinträge nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Exporting the calendar…</source>
        <translation>Kalender wird exportiert…</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Merge the pair (Duplicates view)</source>
        <translation>Das Paar zusammenführen (Duplikate)</translation>
    </message>
    <message>
        <source>Not the same person (Duplicates view)</source>
        <translation>Nicht dieselbe Person (Duplikate)</translation>
    </message>
    <message>
        <source>Skip to the next pair (Duplicates view)</source>
        <translation>Zum nächsten Paar springen (Duplikate)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Not the same</source>
        <translation>&amp;Nicht dieselbe Person</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>Erneut suchen</translation>
    </message>
</context>
<context>
    <name>ElidingLabel</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported %1 of %2 contacts</source>
        <translation>%1 von %2 Kontakten exportiert</translation>
    </message>
    <message>
        <source>The export stopped because of an unexpected error: %1</source>
        <translation>Der Export wurde wegen eines unerwarteten Fehlers abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Undone: {0}.</source>
        <translation>Rückgängig gemacht: {0}.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Snooze follow-up</source>
        <translation>Nachfassen verschieben</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Nachfassen bearbeiten</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Add follow-up</source>
        <translation>Nachfassen &amp;hinzufügen</translation>
    </message>
</context>
<context>
    <name>FollowUpMenu</name>
    <message>
        <source>Edit follow-up…</source>
        <translation>Nachfassen bearbeiten…</translation>
    </message>
    <message>
        <source>Delete follow-up</source>
        <translation>Nachfassen löschen</translation>
    </message>
    <message>
        <source>Follow-up saved — Ctrl+Z to undo</source>
        <translation>Nachfassen gespeichert – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Deleted follow-up — Ctrl+Z to undo</source>
        <translation>Nachfassen gelöscht – Strg+Z macht es rückgängig</translation>
    </message>
</context>
<context>
    <name>InteractionTimeline</name>
    <message>
        <source>Interaction saved — Ctrl+Z to undo</source>
        <translation>Begegnung gespeichert – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Follow-up saved — Ctrl+Z to undo</source>
        <translation>Nachfassen gespeichert – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Deleted follow-up — Ctrl+Z to undo</source>
        <translation>Nachfassen gelöscht – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Deleted interaction — Ctrl+Z to undo</source>
        <translation>Begegnung gelöscht – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Removed %s from the interaction — Ctrl+Z to undo</source>
        <translation>%s aus der Begegnung entfernt – Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>diese Person</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>Begegnung löschen</translation>
    </message>
    <message>
        <source>%s and one other person were part of this interaction. Remove only %s from it (the other keeps it), or delete it for both?</source>
        <translation>%s und eine weitere Person waren an dieser Begegnung beteiligt. Nur %s daraus entfernen (die andere Person behält sie) oder für beide löschen?</translation>
    </message>
    <message>
        <source>%s and %d others were part of this interaction. Remove only %s from it (the others keep it), or delete it for everyone?</source>
        <translation>%s und %d weitere waren an dieser Begegnung beteiligt. Nur %s daraus entfernen (die anderen behalten sie) oder für alle löschen?</translation>
    </message>
    <message>
        <source>Remove only %s</source>
        <translation>Nur %s entfernen</translation>
    </message>
    <message>
        <source>Delete for all %d</source>
        <translation>Für alle %d löschen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Snooze until tomorrow</source>
        <translation>Auf morgen verschieben</translation>
    </message>
    <message>
        <source>Delete follow-up</source>
        <translation>Nachfassen löschen</translation>
    </message>
    <message>
        <source>Remove %s from it</source>
        <translation>%s daraus entfernen</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Write an e-mail</source>
        <translation>E-Mail schreiben</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>%n months</source>
        <translation>%n Monate</translation>
    </message>
    <message>
        <source>%n weeks</source>
        <translation>%n Wochen</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n Tage</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Overdue since yesterday</source>
        <translation>Überfällig seit gestern</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Heute %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Morgen %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>Birthday on %1</source>
        <translation>Geburtstag am %1</translation>
    </message>
    <message>
        <source>Anniversary on %1</source>
        <translation>Jahrestag am %1</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>Edit interaction</source>
        <translation>Begegnung bearbeiten</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Begegnung festhalten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>LongSteps</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Add sample contacts</source>
        <translation>Beispielkontakte hinzufügen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Start &amp;in the system tray (window hidden)</source>
        <translation>Im &amp;Infobereich starten (Fenster verborgen)</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Starting at login is not supported on this system yet.</source>
        <translation>Das Starten beim Anmelden wird auf diesem System noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Menus change at once; some texts change the next time netdesk starts.</source>
        <translation>Menüs wechseln sofort; manche Texte erst beim nächsten Start von netdesk.</translation>
    </message>
    <message>
        <source>Birthday and anniversary reminders &amp;at:</source>
        <translation>Erinnerungen an Geburts- und Jahrestage &amp;um:</translation>
    </message>
    <message>
        <source>Only for contacts with their own</source>
        <translation>Nur für Kontakte mit eigener Einstellung</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <source>&amp;Remind me:</source>
        <translation>&amp;Erinnern:</translation>
    </message>
    <message>
        <source>0 days before reminds on the day itself. A contact&apos;s own setting (in its details) wins.</source>
        <translation>0 Tage vorher erinnert am Tag selbst. Die eigene Einstellung eines Kontakts (in seinen Details) hat Vorrang.</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>Standard-&amp;Region:</translation>
    </message>
    <message>
        <source>Numbers written without a country code (“030 1234567”) are read as numbers of this country when netdesk looks for duplicates.</source>
        <translation>Nummern ohne Ländervorwahl („030 1234567“) gelten bei der Suche nach Duplikaten als Nummern dieses Landes.</translation>
    </message>
    <message>
        <source>Never (only Sync now, F5)</source>
        <translation>Nie (nur „Jetzt abgleichen“, F5)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>&amp;Abgleichen alle:</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>CardDAV accounts:</source>
        <translation>CardDAV-Konten:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Bewirkt</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>From the search field into the contacts table</source>
        <translation>Vom Suchfeld in die Kontakttabelle</translation>
    </message>
    <message>
        <source>Open the selected contact / do the dialog&apos;s main action</source>
        <translation>Den gewählten Kontakt öffnen / die Hauptaktion des Dialogs ausführen</translation>
    </message>
    <message>
        <source>Save the contact (editor)</source>
        <translation>Den Kontakt speichern (Bearbeiten)</translation>
    </message>
    <message>
        <source>Close a dialog (asks first when an edited contact is unsaved)</source>
        <translation>Einen Dialog schließen (fragt vorher, wenn ein bearbeiteter Kontakt nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About netdesk</source>
        <translation>Über netdesk</translation>
    </message>
    <message>
        <source>A personal CRM for people who network: who you met, where, and when to follow up.</source>
        <translation>Ein persönliches CRM für Menschen, die Netzwerke pflegen: wen Sie getroffen haben, wo, und wann Sie nachfassen.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Alle Kontakte</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
</context>
<context>
    <name>TagsController</name>
    <message>
        <source>Add tag…</source>
        <translation>Schlagwort hinzufügen…</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>Schlagwort entfernen…</translation>
    </message>
    <message>
        <source>Rename or merge…</source>
        <translation>Umbenennen oder zusammenführen…</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>Schlagwort löschen</translation>
    </message>
    <message>
        <source>Take the tag from every contact (the contacts stay)</source>
        <translation>Das Schlagwort von allen Kontakten entfernen (die Kontakte bleiben)</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>Schlagwort umbenennen</translation>
    </message>
    <message>
        <source>New name for “%s” (the name of another tag merges the two):</source>
        <translation>Neuer Name für „%s“ (der Name eines anderen Schlagworts führt beide zusammen):</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>Schlagwörter zusammenführen</translation>
    </message>
    <message>
        <source>There is already a tag “%s”. Merge “%s” into it? Everyone tagged “%s” will be tagged “%s” instead (Ctrl+Z undoes it).</source>
        <translation>Es gibt schon ein Schlagwort „%s“. „%s“ damit zusammenführen? Alle mit „%s“ erhalten stattdessen „%s“ (Strg+Z macht es rückgängig).</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Deleted tag “%s” from %s contact(s) — Ctrl+Z to undo.</source>
        <translation>Schlagwort „%s“ von %s Kontakt(en) entfernt – Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Tag the %s selected contact(s) with (a new name makes a new tag):</source>
        <translation>Die %s ausgewählten Kontakte erhalten das Schlagwort (ein neuer Name legt ein neues an):</translation>
    </message>
    <message>
        <source>&amp;Add tag</source>
        <translation>Schlagwort &amp;hinzufügen</translation>
    </message>
    <message>
        <source>There are no tags yet.</source>
        <translation>Es gibt noch keine Schlagwörter.</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message>
        <source>Remove this tag from the %s selected contact(s):</source>
        <translation>Dieses Schlagwort von den %s ausgewählten Kontakten entfernen:</translation>
    </message>
    <message>
        <source>&amp;Remove tag</source>
        <translation>Schlagwort &amp;entfernen</translation>
    </message>
    <message>
        <source>Still changing tags; try again in a moment.</source>
        <translation>Die Schlagwörter werden noch geändert; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Changing the tags of %s contacts…</source>
        <translation>Schlagwörter von %s Kontakten werden geändert…</translation>
    </message>
    <message>
        <source>Could not change the tags: %s</source>
        <translation>Die Schlagwörter konnten nicht geändert werden: %s</translation>
    </message>
</context>
<context>
    <name>TodayKeys</name>
    <message>
        <source>Done (Today view)</source>
        <translation>Erledigt (Heute)</translation>
    </message>
    <message>
        <source>Snooze menu (Today view)</source>
        <translation>Verschieben-Menü (Heute)</translation>
    </message>
    <message>
        <source>Log an interaction (Today view)</source>
        <translation>Eine Begegnung festhalten (Heute)</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Jahrestag</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Losing touch</source>
        <translation>Kontakt verloren</translation>
    </message>
    <message>
        <source>Lapsed keep-in-touch dates, longest first</source>
        <translation>Überfällige Kontakttermine, die ältesten zuerst</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
</context>
</TS>
