"""The contact editor on its own: photo, birthday without a year, tags, keep in touch, errors."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit

from netdesk.domain.contact import Contact, LabeledValue, PartialDate
from netdesk.services.errors import ValidationError
from netdesk.ui.editor import PHOTO_MAX_PX, ContactEditor, TagCompleter


class Recorder:
    def __init__(self, error: ValidationError | None = None) -> None:
        self.saved: list[Contact] = []
        self.error = error

    def __call__(self, contact: Contact) -> Contact:
        if self.error:
            raise self.error
        self.saved.append(contact)
        return dataclasses.replace(contact, id=contact.id or 99)


def make_editor(qtbot, contact=None, save=None) -> ContactEditor:  # noqa: ANN001
    editor = ContactEditor(contact, save or Recorder(), ["friend", "founder", "meetup"],
                           ["PyCon", "Design Night"])
    qtbot.addWidget(editor)
    return editor


def test_new_contact_with_every_kind_of_field(qtbot) -> None:
    save = Recorder()
    editor = make_editor(qtbot, save=save)
    editor.given_edit.setText("Ana")
    editor.family_edit.setText("Silva")
    editor.phones.value_edit(0) or editor.phones.add_row()
    editor.phones.set_values([LabeledValue("+351 21 000 0000", "work")])
    editor.phones.add_row("+351 91 000 0000", "pager (custom)")
    editor.tags_edit.setText("friend, founder, ")
    editor.met_event_edit.setText("PyCon")
    editor.met_kind_combo.setCurrentIndex(editor.met_kind_combo.findData("conference"))
    editor.keep_check.setChecked(True)
    editor.keep_days.setValue(45)
    editor.birthday_check.setChecked(True)
    editor.birthday_day.setValue(29)
    editor.birthday_month.setCurrentIndex(1)
    editor.year_known.setChecked(False)
    assert editor.try_save()
    c = save.saved[0]
    assert c.display_name == "Ana Silva"
    assert [(p.value, p.label) for p in c.phones] == [
        ("+351 21 000 0000", "work"), ("+351 91 000 0000", "pager (custom)")]
    assert c.tags == ["friend", "founder"]
    assert (c.met_event, c.met_event_kind) == ("PyCon", "conference")
    assert c.keep_in_touch_days == 45
    assert c.birthday == PartialDate(None, 2, 29)


def test_editing_keeps_fields_the_dialog_does_not_show(qtbot) -> None:
    original = Contact(id=5, display_name="Dr Who", given_name="John", family_name="Smith",
                       uid="urn:uuid:x", raw_properties=["X-FOO:bar"], birthday=PartialDate(
                           1970, 3, 4))
    save = Recorder()
    editor = make_editor(qtbot, original, save)
    assert editor.name_edit.text() == "Dr Who"
    assert editor.year_known.isChecked() and editor.birthday_year.value() == 1970
    editor.title_edit.setText("Time Lord")
    assert editor.try_save()
    c = save.saved[0]
    assert (c.id, c.uid, c.raw_properties, c.display_name) == (5, "urn:uuid:x", ["X-FOO:bar"],
                                                               "Dr Who")
    assert c.title == "Time Lord"


def test_photo_is_scaled_and_can_be_removed(qtbot, tmp_path) -> None:
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(QColor(10, 120, 200))
    path = tmp_path / "big.jpg"
    assert image.save(str(path))
    editor = make_editor(qtbot)
    assert editor.set_photo_from_file(path)
    stored = QImage.fromData(editor.photo())
    assert max(stored.width(), stored.height()) == PHOTO_MAX_PX
    assert editor.contact().photo_mime == "image/jpeg"
    editor.clear_photo()
    assert editor.contact().photo is None
    (tmp_path / "not.png").write_text("nope")
    assert not editor.set_photo_from_file(tmp_path / "not.png")
    assert editor.general_error.isVisibleTo(editor)


def test_validation_error_lands_next_to_its_field(qtbot) -> None:
    editor = make_editor(qtbot, save=Recorder(ValidationError("bad days", "keep_in_touch_days")))
    assert not editor.try_save()
    assert editor.keep_error.isVisibleTo(editor)
    assert "bad days" in editor.keep_error.text()


def test_tag_completer_completes_the_last_word(qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    tags = QStringListModel(["friend", "founder"])
    completer = TagCompleter(tags, edit)
    edit.setCompleter(completer)
    edit.setText("meetup, fr")
    assert completer.splitPath(edit.text()) == ["fr"]
    index = tags.index(0, 0)
    assert completer.pathFromIndex(index) == "meetup, friend, "
