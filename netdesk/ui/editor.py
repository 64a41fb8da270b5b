"""The contact editor: create or edit one contact, every field, with messages next to fields.

The dialog does not write to the store itself: it calls ``save(contact)`` (given by the window,
which records the change for undo) and stays open when that raises a ValidationError, showing
the message beside the field the error names ("emails[0]", "keep_in_touch_days", …).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QStringListModel, Qt
from PySide6.QtGui import QImage, QImageReader, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.domain.contact import EVENT_KINDS, Contact, PartialDate, fallback_display_name
from netdesk.domain.contact_rules import contact_problems
from netdesk.services.errors import ServiceError, ValidationError
from netdesk.ui.dates_section import DatesEditor
from netdesk.ui.detail_pane import avatar_pixmap
from netdesk.ui.multi_value_editor import AddressesEditor, ErrorLabel, LabeledValuesEditor

PHOTO_MAX_PX = 256
SOCIAL_LABELS = ("linkedin", "mastodon", "github", "bluesky", "x", "other")
URL_LABELS = ("work", "home", "blog", "portfolio", "other")


def scaled_photo(image: QImage) -> tuple[bytes, str]:
    """The image shrunk to at most 256 px a side, as JPEG (PNG when it has transparency)."""
    if max(image.width(), image.height()) > PHOTO_MAX_PX:
        image = image.scaled(PHOTO_MAX_PX, PHOTO_MAX_PX, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    fmt, mime = ("PNG", "image/png") if image.hasAlphaChannel() else ("JPEG", "image/jpeg")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, 88 if fmt == "JPEG" else -1)
    buffer.close()
    return bytes(data.data()), mime


class TagCompleter(QCompleter):
    """Completes the word after the last comma of "friend, confer…"."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", maxsplit=1)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        done = [p.strip() for p in self.widget().text().split(",")[:-1] if p.strip()]
        return ", ".join([*done, index.data()]) + ", "


def _split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _composed_name(c: Contact) -> str:
    return fallback_display_name(dataclasses.replace(c, emails=[], phones=[], org=""))


class ContactEditor(QDialog):
    def __init__(
        self,
        contact: Contact | None,
        save: Callable[[Contact], Contact],
        tags: list[str],
        event_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactEditor")
        self.original = contact or Contact()
        self.saved: Contact | None = None
        self._save = save
        self._photo: bytes | None = self.original.photo
        self._photo_mime = self.original.photo_mime
        self.setWindowTitle(self.tr("New contact") if self.original.id is None
                            else self.tr("Edit %1").replace("%1", self.original.display_name))
        self.resize(620, 720)
        self._build(tags, event_names)
        self._load(self.original)
        # What the fields hold before the user touches them: Esc asks only when they differ.
        self._unchanged = self.contact()
        self._warned_for: Contact | None = None
        # Typing right after Ctrl+N lands in the first name.
        self.given_edit.setFocus()

    # -- layout -------------------------------------------------------------------------------
    def _build(self, tags: list[str], event_names: list[str]) -> None:
        form_host = QWidget()
        self.form = QFormLayout(form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setContentsMargins(16, 16, 16, 16)
        self.form.setVerticalSpacing(8)

        self.general_error = ErrorLabel()
        self.form.addRow(self.general_error)
        self._build_names()
        self._build_values()
        self._build_meeting(tags, event_names)
        self._build_keep_in_touch()
        self._build_birthday()
        self.dates_editor = DatesEditor()
        self.form.addRow(self.tr("Dates, people"), self.dates_editor)
        self.notes_edit = QPlainTextEdit(objectName="notesEdit")
        self.notes_edit.setMinimumHeight(90)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self._build_buttons(form_host)

    def _build_names(self) -> None:
        self.photo_preview = QLabel()
        self.photo_preview.setFixedSize(64, 64)
        self.choose_photo = QPushButton(self.tr("Choose photo…"))
        self.choose_photo.setObjectName("choosePhotoButton")
        self.choose_photo.clicked.connect(self._choose_photo)
        self.remove_photo = QPushButton(self.tr("Remove photo"))
        self.remove_photo.setObjectName("removePhotoButton")
        self.remove_photo.clicked.connect(self.clear_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_preview)
        photo_row.addWidget(self.choose_photo)
        photo_row.addWidget(self.remove_photo)
        photo_row.addStretch(1)
        self.form.addRow(self.tr("Photo"), photo_row)

        self.given_edit = QLineEdit(objectName="givenNameEdit")
        self.family_edit = QLineEdit(objectName="familyNameEdit")
        self.name_edit = QLineEdit(objectName="nameEdit")
        self.name_edit.setPlaceholderText(self.tr("Automatic from first and last name"))
        self.nickname_edit = QLineEdit(objectName="nicknameEdit")
        self.org_edit = QLineEdit(objectName="orgEdit")
        self.title_edit = QLineEdit(objectName="titleEdit")
        self.form.addRow(self.tr("First name"), self.given_edit)
        self.form.addRow(self.tr("Last name"), self.family_edit)
        self.form.addRow(self.tr("Shown as"), self.name_edit)
        self.form.addRow(self.tr("Nickname"), self.nickname_edit)
        self.form.addRow(self.tr("Organisation"), self.org_edit)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(_separator())

    def _build_values(self) -> None:
        self.phones = LabeledValuesEditor("phone", "+44 20 7946 0000")
        self.emails = LabeledValuesEditor("e-mail", "name@example.org", ("work", "home", "other"))
        self.addresses = AddressesEditor()
        self.urls = LabeledValuesEditor("website", "https://…", URL_LABELS)
        self.socials = LabeledValuesEditor("profile", "https://… or @handle", SOCIAL_LABELS)
        self.form.addRow(self.tr("Phones"), self.phones)
        self.form.addRow(self.tr("E-mails"), self.emails)
        self.form.addRow(self.tr("Addresses"), self.addresses)
        self.form.addRow(self.tr("Websites"), self.urls)
        self.form.addRow(self.tr("Social"), self.socials)
        self.form.addRow(_separator())

    def _build_meeting(self, tags: list[str], event_names: list[str]) -> None:
        self.tags_edit = QLineEdit(objectName="tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. meetup, recruiter"))
        completer = TagCompleter(QStringListModel(tags, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.form.addRow(self.tr("Tags"), self.tags_edit)

        self.met_event_edit = QLineEdit(objectName="metEventEdit")
        self.met_event_edit.setPlaceholderText(self.tr("Event or group, e.g. PyData Berlin"))
        events = QCompleter(event_names, self)
        events.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        events.setFilterMode(Qt.MatchFlag.MatchContains)
        self.met_event_edit.setCompleter(events)
        self.met_kind_combo = QComboBox(objectName="metKindCombo")
        self.met_kind_combo.addItem("—", "")
        for kind in EVENT_KINDS:
            self.met_kind_combo.addItem(kind, kind)
        met_row = QHBoxLayout()
        met_row.addWidget(self.met_event_edit, 1)
        met_row.addWidget(self.met_kind_combo)
        self.met_kind_error = ErrorLabel()
        self.form.addRow(self.tr("Where we met"), met_row)
        self.form.addRow("", self.met_kind_error)
        self.met_note_edit = QLineEdit(objectName="metNoteEdit")
        self.met_note_edit.setPlaceholderText(self.tr("What you talked about, who introduced you…"))
        self.form.addRow(self.tr("How we met"), self.met_note_edit)

    def _build_keep_in_touch(self) -> None:
        self.keep_check = QCheckBox(self.tr("Every"), objectName="keepInTouchCheck")
        self.keep_days = QSpinBox(objectName="keepInTouchDays")
        self.keep_days.setRange(1, 3650)
        self.keep_days.setValue(30)
        self.keep_days.setSuffix(self.tr(" days"))
        self.keep_days.setEnabled(False)
        self.keep_check.toggled.connect(self.keep_days.setEnabled)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_check)
        keep_row.addWidget(self.keep_days)
        keep_row.addStretch(1)
        self.keep_error = ErrorLabel()
        self.form.addRow(self.tr("Keep in touch"), keep_row)
        self.form.addRow("", self.keep_error)

    def _build_birthday(self) -> None:
        self.birthday_check = QCheckBox(objectName="birthdayCheck")
        self.birthday_day = QSpinBox(objectName="birthdayDay")
        self.birthday_day.setRange(1, 31)
        self.birthday_month = QComboBox(objectName="birthdayMonth")
        # Month names in the language in use (QLocale's default follows it: ui/i18n.py).
        self.birthday_month.addItems([QLocale().standaloneMonthName(m) for m in range(1, 13)])
        self.year_known = QCheckBox(self.tr("Year"), objectName="birthdayYearKnown")
        self.birthday_year = QSpinBox(objectName="birthdayYear")
        self.birthday_year.setRange(1900, 2100)
        self.birthday_year.setValue(1990)
        bday_row = QHBoxLayout()
        for w in (self.birthday_check, self.birthday_day, self.birthday_month, self.year_known,
                  self.birthday_year):
            bday_row.addWidget(w)
        bday_row.addStretch(1)
        self.birthday_check.toggled.connect(self._sync_birthday)
        self.year_known.toggled.connect(self._sync_birthday)
        self.birthday_error = ErrorLabel()
        self.form.addRow(self.tr("Birthday"), bday_row)
        self.form.addRow("", self.birthday_error)

    def _build_buttons(self, form_host: QWidget) -> None:
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(form_host)
        # The form scrolls up and down only: the dialog is as wide as the form plus the
        # vertical scroll bar, so no sideways scroll bar appears under the fields.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(form_host.minimumSizeHint().width() + bar)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("editorButtons")
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut(
            QKeySequence("Ctrl+S"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.scroll, 1)
        buttons_row = QHBoxLayout()
        buttons_row.setContentsMargins(16, 0, 16, 0)
        buttons_row.addWidget(self.buttons)
        layout.addLayout(buttons_row)

    def add_notice(self, widget: QWidget) -> None:
        """A notice above the fields (the window adds the duplicate warning)."""
        self.form.insertRow(0, widget)

    def _sync_birthday(self) -> None:
        on = self.birthday_check.isChecked()
        for w in (self.birthday_day, self.birthday_month, self.year_known):
            w.setEnabled(on)
        self.birthday_year.setEnabled(on and self.year_known.isChecked())

    # -- loading and reading back -------------------------------------------------------------
    def _load(self, c: Contact) -> None:
        self.given_edit.setText(c.given_name)
        self.family_edit.setText(c.family_name)
        # Leave "Shown as" empty when it is just the composed name, so editing the first or
        # last name also changes how the contact is shown.
        if c.display_name and c.display_name != _composed_name(c):
            self.name_edit.setText(c.display_name)
        self.nickname_edit.setText(c.nickname)
        self.org_edit.setText(c.org)
        self.title_edit.setText(c.title)
        self.phones.set_values(c.phones)
        self.emails.set_values(c.emails)
        self.addresses.set_addresses(c.addresses)
        self.urls.set_values(c.urls)
        self.socials.set_values(c.social_profiles)
        if c.id is None:
            # A new contact starts with one empty phone and e-mail row, ready to type in.
            self.phones.add_row()
            self.emails.add_row()
        self.tags_edit.setText(", ".join(c.tags))
        self.met_event_edit.setText(c.met_event)
        self.met_kind_combo.setCurrentIndex(max(0, self.met_kind_combo.findData(c.met_event_kind)))
        self.met_note_edit.setText(c.met_note)
        self.keep_check.setChecked(c.keep_in_touch_days is not None)
        if c.keep_in_touch_days is not None:
            self.keep_days.setValue(max(1, c.keep_in_touch_days))
        b = c.birthday
        self.birthday_check.setChecked(b is not None)
        if b is not None:
            self.birthday_day.setValue(b.day)
            self.birthday_month.setCurrentIndex(b.month - 1)
            self.year_known.setChecked(b.year is not None)
            if b.year is not None:
                self.birthday_year.setValue(b.year)
        self._sync_birthday()
        self.dates_editor.load(c)
        self.notes_edit.setPlainText(c.notes)
        self._show_photo()

    def contact(self) -> Contact:
        """The edited contact: the original with the dialog's fields applied."""
        c = dataclasses.replace(self.original)
        c.given_name = self.given_edit.text().strip()
        c.family_name = self.family_edit.text().strip()
        c.nickname = self.nickname_edit.text().strip()
        shown = self.name_edit.text().strip()
        c.display_name = shown or _composed_name(dataclasses.replace(c, display_name=""))
        if c.display_name == "(no name)":
            c.display_name = ""  # let the service fall back to org, e-mail or phone
        c.org = self.org_edit.text().strip()
        c.title = self.title_edit.text().strip()
        c.phones = self.phones.values()
        c.emails = self.emails.values()
        c.addresses = self.addresses.addresses()
        c.urls = self.urls.values()
        c.social_profiles = self.socials.values()
        c.tags = _split_tags(self.tags_edit.text())
        c.met_event = self.met_event_edit.text().strip()
        c.met_event_kind = self.met_kind_combo.currentData() or ""
        c.met_note = self.met_note_edit.text().strip()
        c.keep_in_touch_days = self.keep_days.value() if self.keep_check.isChecked() else None
        c.notes = self.notes_edit.toPlainText().rstrip()
        c.photo, c.photo_mime = self._photo, (self._photo_mime if self._photo else "")
        c.birthday = self._birthday()
        self.dates_editor.apply_to(c)
        return c

    def _birthday(self) -> PartialDate | None:
        if not self.birthday_check.isChecked():
            return None
        year = self.birthday_year.value() if self.year_known.isChecked() else None
        try:
            return PartialDate(year, self.birthday_month.currentIndex() + 1,
                               self.birthday_day.value())
        except ValueError:
            raise ValidationError(self.tr("That day does not exist in that month"),
                                  "birthday") from None

    # -- photo --------------------------------------------------------------------------------
    def _choose_photo(self) -> None:
        formats = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Images (%1)").replace("%1", formats))
        if path:
            self.set_photo_from_file(Path(path))

    def set_photo_from_file(self, path: Path) -> bool:
        image = QImage(str(path))
        if image.isNull():
            self.general_error.show_message(f"{Path(path).name} is not an image netdesk can read")
            return False
        self._photo, self._photo_mime = scaled_photo(image)
        self._show_photo()
        return True

    def clear_photo(self) -> None:
        self._photo, self._photo_mime = None, ""
        self._show_photo()

    def photo(self) -> bytes | None:
        return self._photo

    def _show_photo(self) -> None:
        name = self.original.display_name or "?"
        self.photo_preview.setPixmap(avatar_pixmap(name, self._photo, 64,
                                                   self.devicePixelRatioF()))
        self.remove_photo.setEnabled(self._photo is not None)

    # -- saving -------------------------------------------------------------------------------
    def has_changes(self) -> bool:
        return self.contact() != self._unchanged

    def reject(self) -> None:
        """Esc, Cancel or the close button: with unsaved changes, ask Save / Discard / Cancel."""
        if not self.has_changes():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Save the changes to this contact?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsavedChangesBox")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            clicked = box.standardButton(box.clickedButton())
            if clicked == QMessageBox.StandardButton.Save:
                self.try_save()
            elif clicked == QMessageBox.StandardButton.Discard:
                QDialog.reject(self)

        box.finished.connect(lambda _r: answered())
        box.open()

    def _warn_once(self, contact: Contact) -> bool:
        """Show the warnings (an e-mail without a dot in its domain) the first time this
        content is saved; True when there were some. Saving again keeps it as it is."""
        warnings = [p for p in contact_problems(contact) if not p.blocking]
        if not warnings or contact == self._warned_for:
            return False
        self._warned_for = contact
        for problem in warnings:
            self.show_error(problem.field, f"{problem.message} Press Save again to keep it.")
        return True

    def try_save(self) -> bool:
        self._clear_errors()
        try:
            contact = self.contact()  # a date that can't be read is a ValidationError too
            if self._warn_once(contact):
                return False
            self.saved = self._save(contact)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return False
        except ServiceError as exc:
            self.general_error.show_message(str(exc))
            self.scroll.ensureWidgetVisible(self.general_error)
            return False
        self.accept()
        return True

    def _clear_errors(self) -> None:
        for label in (self.general_error, self.met_kind_error, self.keep_error,
                      self.birthday_error, self.phones.error, self.emails.error,
                      self.urls.error, self.socials.error):
            label.show_message("")

    def show_error(self, field: str, message: str) -> None:
        """Put ``message`` next to the field a ValidationError names, and focus that field."""
        name, _, rest = field.partition("[")
        index = int(rest.rstrip("]")) if rest.rstrip("]").isdigit() else 0
        editors = {"phones": self.phones, "emails": self.emails, "urls": self.urls,
                   "social_profiles": self.socials}
        if name in editors:
            editor = editors[name]
            editor.error.show_message(message)
            target = editor.value_edit(index)
        elif name == "keep_in_touch_days":
            self.keep_error.show_message(message)
            target = self.keep_days
        elif name == "met_event_kind":
            self.met_kind_error.show_message(message)
            target = self.met_kind_combo
        elif name == "birthday":
            self.birthday_error.show_message(message)
            target = self.birthday_day
        else:
            self.general_error.show_message(message)
            target = self.given_edit
        if target is not None:
            target.setFocus()
            self.scroll.ensureWidgetVisible(target)


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
