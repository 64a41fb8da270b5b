<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Ein Konto hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Phone</source>
        <translation>z. B. Telefon</translation>
    </message>
    <message>
        <source>Allow plain http to another machine (unsafe)</source>
        <translation>Unverschlüsseltes http zu einem anderen Rechner erlauben (unsicher)</translation>
    </message>
    <message>
        <source>Keep the password in a private file (no keyring)</source>
        <translation>Das Passwort in einer privaten Datei speichern (kein Schlüsselbund)</translation>
    </message>
    <message>
        <source>Find address books</source>
        <translation>Adressbücher suchen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server or book URL</source>
        <translation>Server- oder Adressbuch-URL</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>Adressbuch</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie abgeglichen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Found %1 address book(s).</source>
        <translation>Gefundene Adressbücher: %1.</translation>
    </message>
    <message>
        <source>No address book here.</source>
        <translation>Hier gibt es kein Adressbuch.</translation>
    </message>
    <message>
        <source>Looking for address books…</source>
        <translation>Adressbücher werden gesucht…</translation>
    </message>
    <message>
        <source>Added “%1”. Password stored in the system keyring.</source>
        <translation>„%1“ hinzugefügt. Das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Added “%1”. Password stored in a private file.</source>
        <translation>„%1“ hinzugefügt. Das Passwort liegt in einer privaten Datei.</translation>
    </message>
    <message>
        <source>Added “%1”. Password stored nowhere: no keyring; asked at sync.</source>
        <translation>„%1“ hinzugefügt. Das Passwort ist nirgends gespeichert: kein Schlüsselbund; es wird beim Abgleich abgefragt.</translation>
    </message>
    <message>
        <source>Adding the account…</source>
        <translation>Das Konto wird hinzugefügt…</translation>
    </message>
    <message>
        <source>“%1” works: %2 address book(s).</source>
        <translation>„%1“ funktioniert (Adressbücher: %2).</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
    <message>
        <source>Removed “%1”; its contacts stay here.</source>
        <translation>„%1“ entfernt; seine Kontakte bleiben hier.</translation>
    </message>
</context>
<context>
    <name>ActivityFlows</name>
    <message>
        <source>Add follow-up…</source>
        <translation>Nachfassen hinzufügen…</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Begegnung festhalten…</translation>
    </message>
</context>
<context>
    <name>AddressesEditor</name>
    <message>
        <source>Add address</source>
        <translation>Adresse hinzufügen</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
</context>
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
    <name>BarChart</name>
    <message>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
</context>
<context>
    <name>ConflictsController</name>
    <message>
        <source>Could not resolve the conflict: %1</source>
        <translation>Der Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
    <message>
        <source>Conflict resolved; the next sync sends the choice.</source>
        <translation>Konflikt gelöst; der nächste Abgleich überträgt die Wahl.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Sync conflict: this contact was changed here and on the server (%1 field(s)). Choose which value to keep.</source>
        <translation>Abgleichskonflikt: Dieser Kontakt wurde hier und auf dem Server geändert (Felder: %1). Wählen Sie, welcher Wert bleiben soll.</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Diese behalten</translation>
    </message>
    <message>
        <source>Take this</source>
        <translation>Diese übernehmen</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Dates, people</source>
        <translation>Daten, Personen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Foto wählen…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Automatic from first and last name</source>
        <translation>Automatisch aus Vor- und Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Angezeigt als</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Websites</source>
        <translation>Webseiten</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Soziale Netze</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meetup, recruiter</source>
        <translation>Durch Kommas getrennt, z. B. meetup, recruiter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Event or group, e.g. PyData Berlin</source>
        <translation>Veranstaltung oder Gruppe, z. B. PyData Berlin</translation>
    </message>
    <message>
        <source>Where we met</source>
        <translation>Wo wir uns trafen</translation>
    </message>
    <message>
        <source>What you talked about, who introduced you…</source>
        <translation>Worüber Sie sprachen, wer Sie vorgestellt hat…</translation>
    </message>
    <message>
        <source>How we met</source>
        <translation>Wie wir uns trafen</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>That day does not exist in that month</source>
        <translation>Diesen Tag gibt es in diesem Monat nicht</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Ein Foto wählen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Save the changes to this contact?</source>
        <translation>Die Änderungen an diesem Kontakt speichern?</translation>
    </message>
</context>
<context>
    <name>ContactsList</name>
    <message>
        <source>No contacts tagged “%1” match “%2”</source>
        <translation>Keine Kontakte mit dem Schlagwort „%1“ passen zu „%2“</translation>
    </message>
    <message>
        <source>No contacts match “%1”</source>
        <translation>Keine Kontakte passen zu „%1“</translation>
    </message>
    <message>
        <source>No contacts tagged “%1”</source>
        <translation>Keine Kontakte mit dem Schlagwort „%1“</translation>
    </message>
    <message>
        <source>No contacts</source>
        <translation>Keine Kontakte</translation>
    </message>
    <message>
        <source>Check the spelling, or search for part of a name, a company, an e-mail address or a phone number.</source>
        <translation>Prüfen Sie die Schreibweise oder suchen Sie nach einem Teil eines Namens, einer Firma, einer E-Mail-Adresse oder einer Telefonnummer.</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Kontakte werden geladen…</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 Kontakt</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <source>%1 of %2 contacts</source>
        <translation>%1 von %2 Kontakten</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Search names, companies, e-mail, phone, tags…</source>
        <translation>Namen, Firmen, E-Mail, Telefon, Schlagwörter suchen…</translation>
    </message>
    <message>
        <source>Remember everyone you meet</source>
        <translation>Behalten Sie alle, die Sie treffen</translation>
    </message>
    <message>
        <source>Bring in the contacts from your phone or address book as vCard (.vcf) files, or LinkedIn, Google or Outlook CSV exports — or drop them onto this window. Not ready yet? Look around with sample contacts.</source>
        <translation>Holen Sie die Kontakte aus Ihrem Telefon oder Adressbuch als vCard-Dateien (.vcf) oder als CSV-Export von LinkedIn, Google oder Outlook – oder ziehen Sie sie auf dieses Fenster. Noch nicht so weit? Sehen Sie sich mit Beispielkontakten um.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>Try with sample contacts</source>
        <translation>Mit Beispielkontakten ausprobieren</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>When you last logged an interaction</source>
        <translation>Wann Sie zuletzt eine Begegnung eingetragen haben</translation>
    </message>
    <message>
        <source>The next follow-up or keep-in-touch date; overdue ones are red and bold</source>
        <translation>Das nächste Nachfassen oder der nächste Termin zum Kontakthalten; überfällige sind rot und fett</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Export from:</source>
        <translation>Exportiert aus:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Zeichenkodierung:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Counting what the import would do…</source>
        <translation>Es wird gezählt, was der Import ändern würde…</translation>
    </message>
    <message>
        <source>Will create %1, update %2, leave %3 as they are and skip %4 rows.</source>
        <translation>Neu angelegt werden %1, aktualisiert %2, unverändert bleiben %3, übersprungen werden %4 Zeilen.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>New people per month</source>
        <translation>Neue Menschen pro Monat</translation>
    </message>
    <message>
        <source>Interactions per week, by channel</source>
        <translation>Begegnungen pro Woche, nach Kanal</translation>
    </message>
    <message>
        <source>Follow-ups: on time vs late</source>
        <translation>Nachfassen: pünktlich oder verspätet</translation>
    </message>
    <message>
        <source>Keep-in-touch dates lapsed (days)</source>
        <translation>Überfällige Kontakttermine (Tage)</translation>
    </message>
    <message>
        <source>Events that brought lasting contacts</source>
        <translation>Veranstaltungen mit bleibenden Kontakten</translation>
    </message>
    <message>
        <source>Click a bar to see the people behind it.</source>
        <translation>Auf einen Balken klicken, um die Personen dahinter zu sehen.</translation>
    </message>
    <message>
        <source>Could not read the numbers: %1</source>
        <translation>Die Zahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the contacts: %1</source>
        <translation>Die Kontakte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 Personen</translation>
    </message>
</context>
<context>
    <name>DatesEditor</name>
    <message>
        <source>Anniversary: %1</source>
        <translation>Jahrestag: %1</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Erinnern</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <source>birthday and anniversary (else the default)</source>
        <translation>an Geburts- und Jahrestag (sonst die Vorgabe)</translation>
    </message>
    <message>
        <source>Add date</source>
        <translation>Datum hinzufügen</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>DatesSection</name>
    <message>
        <source>DATES AND PEOPLE</source>
        <translation>DATEN UND PERSONEN</translation>
    </message>
</context>
<context>
    <name>DetailController</name>
    <message>
        <source>%1 contacts selected.</source>
        <translation>%1 Kontakte ausgewählt.</translation>
    </message>
    <message>
        <source>Select a contact to see everything you know about them.</source>
        <translation>Wählen Sie einen Kontakt, um alles zu sehen, was Sie über ihn wissen.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a contact to see everything you know about them.</source>
        <translation>Wählen Sie einen Kontakt, um alles zu sehen, was Sie über ihn wissen.</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Web and social</source>
        <translation>Web und soziale Netze</translation>
    </message>
    <message>
        <source>How we met</source>
        <translation>Wie wir uns trafen</translation>
    </message>
    <message>
        <source>where</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit this contact (Enter)</source>
        <translation>Diesen Kontakt bearbeiten (Eingabe)</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Open instead</source>
        <translation>Stattdessen öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>DuplicatesController</name>
    <message>
        <source>Merged into %1 (Ctrl+Z puts both back).</source>
        <translation>In %1 zusammengeführt (Strg+Z stellt beide wieder her).</translation>
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
    <message>
        <source>Looking for duplicates…</source>
        <translation>Duplikate werden gesucht…</translation>
    </message>
    <message>
        <source>Looking for duplicates failed: %1</source>
        <translation>Die Suche nach Duplikaten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Keine Duplikate gefunden.</translation>
    </message>
    <message>
        <source>Looking for the next possible duplicates…</source>
        <translation>Die nächsten möglichen Duplikate werden gesucht…</translation>
    </message>
    <message>
        <source>%1 possible duplicates; the %2 likeliest are shown, and more come as you decide these.</source>
        <translation>%1 mögliche Duplikate; die %2 wahrscheinlichsten werden gezeigt, weitere folgen, sobald Sie diese entschieden haben.</translation>
    </message>
    <message>
        <source>1 possible duplicate</source>
        <translation>1 mögliches Duplikat</translation>
    </message>
    <message>
        <source>%1 possible duplicates</source>
        <translation>%1 mögliche Duplikate</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <source>Delete %1 contacts?</source>
        <translation>%1 Kontakte löschen?</translation>
    </message>
    <message>
        <source>Delete %1 contacts</source>
        <translation>%1 Kontakte löschen</translation>
    </message>
    <message>
        <source>They go to the Trash with their interactions and follow-ups, and can be restored from there for 30 days.</source>
        <translation>Sie kommen mit ihren Begegnungen und Nachfassen in den Papierkorb und lassen sich dort 30 Tage lang wiederherstellen.</translation>
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
    <name>EventDialog</name>
    <message>
        <source>e.g. PyData Berlin, December</source>
        <translation>z. B. PyData Berlin, Dezember</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: one day)</source>
        <translation>JJJJ-MM-TT (leer: ein Tag)</translation>
    </message>
    <message>
        <source>Address, or the URL of an online community</source>
        <translation>Adresse oder die URL einer Online-Gemeinschaft</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>New event…</source>
        <translation>Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Add people met…</source>
        <translation>Getroffene Personen hinzufügen…</translation>
    </message>
    <message>
        <source>Met someone…</source>
        <translation>Jemanden getroffen…</translation>
    </message>
    <message>
        <source>Could not read the events: %1</source>
        <translation>Die Veranstaltungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>People met at %1</source>
        <translation>Bei %1 getroffene Menschen</translation>
    </message>
    <message>
        <source>Names, e-mail addresses or ids, separated by commas:</source>
        <translation>Namen, E-Mail-Adressen oder IDs, durch Kommas getrennt:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>All contacts (%1)</source>
        <translation>Alle Kontakte (%1)</translation>
    </message>
    <message>
        <source>Selected contacts (%1)</source>
        <translation>Ausgewählte Kontakte (%1)</translation>
    </message>
    <message>
        <source>Contacts tagged</source>
        <translation>Kontakte mit dem Schlagwort</translation>
    </message>
    <message>
        <source>vCard 3.0 — phones and most apps</source>
        <translation>vCard 3.0 – Telefone und die meisten Programme</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Which contacts?</source>
        <translation>Welche Kontakte?</translation>
    </message>
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
        <source>What to follow up about (send the slides, intro to…)</source>
        <translation>Worum es beim Nachfassen geht (Folien schicken, vorstellen bei…)</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
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
    <message>
        <source>Pick a time in the future to snooze until.</source>
        <translation>Einen Zeitpunkt in der Zukunft wählen, bis zu dem verschoben wird.</translation>
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
    <name>HistoryActions</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected error: %1</source>
        <translation>Der Import wurde wegen eines unerwarteten Fehlers abgebrochen: %1</translation>
    </message>
    <message>
        <source>%1 created</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>%1 merged with another card</source>
        <translation>%1 mit einer anderen Karte zusammengeführt</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>%1: could not be read: %2</source>
        <translation>%1: konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <source>outside any card</source>
        <translation>außerhalb jeder Karte</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>imported with a warning</source>
        <translation>mit einer Warnung importiert</translation>
    </message>
    <message>
        <source>%1, %2, line %3 (%4): %5</source>
        <translation>%1, %2, Zeile %3 (%4): %5</translation>
    </message>
    <message>
        <source>Import vCards</source>
        <translation>vCards importieren</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>Wird abgebrochen… es wird nichts geändert.</translation>
    </message>
    <message>
        <source>%1 of %2 cards</source>
        <translation>%1 von %2 Karten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Import finished: %1.</source>
        <translation>Import abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>InteractionTimeline</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Begegnung festhalten…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Nachfassen…</translation>
    </message>
    <message>
        <source>Follow up · %1</source>
        <translation>Nachfassen · %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig: %1</translation>
    </message>
    <message>
        <source> · with 1 other</source>
        <translation> · mit einer weiteren Person</translation>
    </message>
    <message>
        <source> · with %1 others</source>
        <translation> · mit %1 weiteren Personen</translation>
    </message>
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
    <name>LabeledValuesEditor</name>
    <message>
        <source>Add phone</source>
        <translation>Telefon hinzufügen</translation>
    </message>
    <message>
        <source>Add e-mail</source>
        <translation>E-Mail hinzufügen</translation>
    </message>
    <message>
        <source>Add website</source>
        <translation>Webseite hinzufügen</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
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
        <source>What did you talk about? What did you promise?</source>
        <translation>Worüber haben Sie gesprochen? Was haben Sie versprochen?</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>That time is in the future; log what already happened.</source>
        <translation>Dieser Zeitpunkt liegt in der Zukunft; halten Sie fest, was schon geschehen ist.</translation>
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
    <name>MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>NetworkingController</name>
    <message>
        <source>Met someone…</source>
        <translation>Jemanden getroffen…</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <source>Same person</source>
        <translation>Dieselbe Person</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>Wahrscheinlich</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>Vielleicht</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliches Duplikat</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Gemeinsam</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Share %1 as a QR code</source>
        <translation>%1 als QR-Code teilen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>QuickAddDialog</name>
    <message>
        <source>Met someone</source>
        <translation>Jemanden getroffen</translation>
    </message>
    <message>
        <source>Who did you meet?</source>
        <translation>Wen haben Sie getroffen?</translation>
    </message>
    <message>
        <source>Company or organisation</source>
        <translation>Firma oder Organisation</translation>
    </message>
    <message>
        <source>E-mail address or phone number</source>
        <translation>E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>What you talked about</source>
        <translation>Worüber Sie gesprochen haben</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>e.g. send the intro tomorrow</source>
        <translation>z. B. morgen die Vorstellung schicken</translation>
    </message>
    <message>
        <source>Enter saves and clears for the next person; Esc closes.</source>
        <translation>Eingabe speichert und leert die Felder für die nächste Person; Esc schließt.</translation>
    </message>
    <message>
        <source>&amp;Save and next</source>
        <translation>&amp;Speichern und weiter</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>(keine Veranstaltung)</translation>
    </message>
    <message>
        <source>Added %1 with a follow-up (%2 so far). Next person?</source>
        <translation>%1 mit Nachfassen hinzugefügt (bisher %2). Nächste Person?</translation>
    </message>
    <message>
        <source>Added %1 (%2 so far). Next person?</source>
        <translation>%1 hinzugefügt (bisher %2). Nächste Person?</translation>
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
        <source>The window changes language at once; dates and times follow the language too.</source>
        <translation>Das Fenster wechselt die Sprache sofort; Datum und Uhrzeit folgen der Sprache ebenfalls.</translation>
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
    <name>ShareController</name>
    <message>
        <source>Share as QR code…</source>
        <translation>Als QR-Code teilen…</translation>
    </message>
    <message>
        <source>Set as my card</source>
        <translation>Als meine Visitenkarte festlegen</translation>
    </message>
    <message>
        <source>Show my card…</source>
        <translation>Meine Visitenkarte zeigen…</translation>
    </message>
    <message>
        <source>My card: %1</source>
        <translation>Meine Visitenkarte: %1</translation>
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
        <source>Keep in touch every %1 days</source>
        <translation>Alle %1 Tage in Kontakt bleiben</translation>
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
    <name>SyncController</name>
    <message>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Sync with your CardDAV accounts (F5)</source>
        <translation>Mit Ihren CardDAV-Konten abgleichen (F5)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Letzter Abgleich: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message>
        <source>Sync password</source>
        <translation>Passwort für den Abgleich</translation>
    </message>
    <message>
        <source>Password for the account “%1” (kept until netdesk quits):</source>
        <translation>Passwort für das Konto „%1“ (netdesk behält es bis zum Beenden):</translation>
    </message>
    <message>
        <source>Sync skipped: no password given</source>
        <translation>Abgleich übersprungen: kein Passwort angegeben</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>no password given</source>
        <translation>kein Passwort angegeben</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Abgleich abgebrochen</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Abgeglichen: %1</translation>
    </message>
    <message>
        <source>Offline: the sync server cannot be reached</source>
        <translation>Offline: Der Abgleichsserver ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Synced %1 with %2 error(s)</source>
        <translation>Abgeglichen: %1, Fehler: %2</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Abgleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <source> · %1 conflict(s) to resolve</source>
        <translation> · Zu lösende Konflikte: %1</translation>
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
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
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
        <source>Follow up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>last in touch %1</source>
        <translation>zuletzt in Kontakt am %1</translation>
    </message>
    <message>
        <source>nothing logged yet</source>
        <translation>noch nichts erfasst</translation>
    </message>
    <message>
        <source>Every %1 days · %2</source>
        <translation>Alle %1 Tage · %2</translation>
    </message>
    <message>
        <source>Add a follow-up from a contact&apos;s menu (Ctrl+Shift+F), or set “Keep in touch every N days” on the people who matter, and they show up here when it is time.</source>
        <translation>Legen Sie im Menü eines Kontakts ein Nachfassen an (Strg+Umschalt+F) oder stellen Sie bei den wichtigen Menschen „In Kontakt bleiben alle N Tage“ ein – dann erscheinen sie hier, wenn es so weit ist.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Pick a time…</source>
        <translation>Zeitpunkt wählen…</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>Begegnung festhalten…</translation>
    </message>
    <message>
        <source>Met someone…</source>
        <translation>Jemanden getroffen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
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
        <source>No one. Everyone you keep in touch with is up to date.</source>
        <translation>Niemand. Mit allen, mit denen Sie in Kontakt bleiben, sind Sie auf dem Laufenden.</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nichts fällig</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>%1 due today</source>
        <translation>%1 heute fällig</translation>
    </message>
    <message>
        <source>%1 in the next 7 days</source>
        <translation>%1 in den nächsten 7 Tagen</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>nichts fällig</translation>
    </message>
    <message>
        <source>%1 overdue · every %2 days</source>
        <translation>seit %1 überfällig · alle %2 Tage</translation>
    </message>
    <message>
        <source>Last in touch: %1</source>
        <translation>Zuletzt in Kontakt: %1</translation>
    </message>
    <message>
        <source>never logged</source>
        <translation>nie festgehalten</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.tsv);;vCard files (*.vcf *.vcard);;CSV files (*.csv *.tsv);;All files (*)</source>
        <translation>Kontakte (*.vcf *.vcard *.csv *.tsv);;vCard-Dateien (*.vcf *.vcard);;CSV-Dateien (*.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Importiert: %1.</translation>
    </message>
    <message>
        <source>Exported 1 contact to %2.</source>
        <translation>1 Kontakt nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Exported %1 contacts to %2.</source>
        <translation>%1 Kontakte nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Add 40 made-up sample contacts to your 1 contact?</source>
        <translation>40 erfundene Beispielkontakte zu Ihrem einen Kontakt hinzufügen?</translation>
    </message>
    <message>
        <source>Add 40 made-up sample contacts to your %1 contacts?</source>
        <translation>40 erfundene Beispielkontakte zu Ihren %1 Kontakten hinzufügen?</translation>
    </message>
    <message>
        <source>Add sample contacts</source>
        <translation>Beispielkontakte hinzufügen</translation>
    </message>
    <message>
        <source>They come with follow-ups and reminders of their own. Edit → Undo takes them all out again.</source>
        <translation>Sie bringen eigenes Nachfassen und eigene Erinnerungen mit. Bearbeiten → Rückgängig entfernt sie alle wieder.</translation>
    </message>
    <message>
        <source>Added 1 sample contact.</source>
        <translation>1 Beispielkontakt hinzugefügt.</translation>
    </message>
    <message>
        <source>Added %1 sample contacts.</source>
        <translation>%1 Beispielkontakte hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Deleted contacts stay here for %1 days with their interactions and follow-ups, then they are removed for good.</source>
        <translation>Gelöschte Kontakte bleiben mit ihren Begegnungen und Nachfassen %1 Tage hier und werden dann endgültig entfernt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
    <message>
        <source>Remove the %1 contacts in the Trash for good?</source>
        <translation>Die %1 Kontakte im Papierkorb endgültig entfernen?</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>netdesk is still running in the tray</source>
        <translation>netdesk läuft im Infobereich weiter</translation>
    </message>
    <message>
        <source>Reminders keep coming. Choose Quit from the tray menu to stop netdesk.</source>
        <translation>Erinnerungen kommen weiterhin. Wählen Sie „netdesk beenden“ im Menü des Infobereichs, um netdesk zu beenden.</translation>
    </message>
    <message>
        <source>netdesk — %1 due</source>
        <translation>netdesk – %1 fällig</translation>
    </message>
    <message>
        <source>netdesk — nothing due</source>
        <translation>netdesk – nichts fällig</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nichts fällig</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>nachfassen</translation>
    </message>
    <message>
        <source>get in touch</source>
        <translation>melden</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…und %1 weitere</translation>
    </message>
    <message>
        <source>Open netdesk</source>
        <translation>netdesk öffnen</translation>
    </message>
    <message>
        <source>Quit netdesk</source>
        <translation>netdesk beenden</translation>
    </message>
</context>
</TS>
