"""Clickable e-mail, phone and web addresses in the detail pane (issue 15, item 8).

A URL handler registered per scheme (QDesktopServices.setUrlHandler) catches what would be
opened, so nothing is launched; a scheme nobody registered would reach the desktop, so the
tests register all four and check that nothing else is ever asked for.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from netdesk.actions import ChangeEvent
from netdesk.domain.contact import Contact, LabeledValue

SCHEMES = ("mailto", "tel", "http", "https", "javascript", "file", "data")


class Catcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def opened():
    catcher = Catcher()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher.opened
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def _show(parts, ui, qtbot, contact: Contact) -> None:
    cid = parts.contacts.create(contact).id
    parts.runner.publish(ChangeEvent(bulk=True))
    qtbot.waitUntil(lambda: contact.display_name in ui.names())
    ui.select_name(contact.display_name)
    qtbot.waitUntil(lambda: ui.detail.contact is not None and ui.detail.contact.id == cid)


def test_email_phone_and_web_open_on_click_and_enter(parts, ui, qtbot, opened) -> None:
    _show(parts, ui, qtbot, Contact(
        display_name="Ada Lovelace",
        phones=[LabeledValue("+44 20 7946 0018", "work")],
        emails=[LabeledValue("ada@example.org", "home")],
        urls=[LabeledValue("www.example.org/ada", "web")],
    ))
    links = ui.detail_links()
    assert [w.full_text() for w in links] == ["+44 20 7946 0018", "ada@example.org",
                                        "www.example.org/ada"]
    assert opened == []  # showing a contact opens nothing

    for link in links:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().topLeft())
    assert opened == ["tel:+442079460018", "mailto:ada@example.org",
                      "https://www.example.org/ada"]

    # Keyboard: each link is a Tab stop, Enter opens it (not the window's Edit shortcut).
    opened.clear()
    for link in links:
        assert link.focusPolicy() & Qt.FocusPolicy.TabFocus
        link.setFocus()
        qtbot.keyClick(link, Qt.Key.Key_Return)
    assert opened == ["tel:+442079460018", "mailto:ada@example.org",
                      "https://www.example.org/ada"]
    assert ui.controller("editorController").editor is None or \
        not ui.controller("editorController").editor.isVisible()


def test_tab_moves_from_link_to_link(parts, ui, qtbot, opened) -> None:
    _show(parts, ui, qtbot, Contact(
        display_name="Tab Person",
        emails=[LabeledValue("a@example.org"), LabeledValue("b@example.org")]))
    first, second = ui.detail_links()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)


def test_context_menu_copies_the_whole_address(parts, ui, qtbot, opened) -> None:
    address = "a.very.long.address.that.will.not.fit@subdomain.example.org"
    _show(parts, ui, qtbot, Contact(display_name="Long Mail", emails=[LabeledValue(address)]))
    (link,) = ui.detail_links()
    names = [a.objectName() for a in link.actions()]
    assert names == ["openLinkAction", "copyValueAction"]
    link.actions()[1].trigger()
    assert QGuiApplication.clipboard().text() == address
    link.actions()[0].trigger()
    assert opened == [f"mailto:{address}"]


def test_hostile_values_cannot_choose_a_scheme_or_inject_markup(parts, ui, qtbot,
                                                               opened) -> None:
    _show(parts, ui, qtbot, Contact(
        display_name='<a href="file:///etc/passwd">Eve</a> & "Co"',
        emails=[LabeledValue('<b>x</b>@example.org'), LabeledValue("eve@example.org")],
        urls=[LabeledValue("javascript:alert(1)"), LabeledValue("file:///etc/passwd"),
              LabeledValue('https://example.org/"><img/src=x>')],
        social_profiles=[LabeledValue("data:text/html,<script>x</script>")],
    ))
    texts = ui.detail_texts()
    # Every value is shown literally ...
    for value in ('<a href="file:///etc/passwd">Eve</a> & "Co"', "javascript:alert(1)",
                  "file:///etc/passwd", "data:text/html,<script>x</script>"):
        assert value in texts
    # ... and only the two safe addresses are links, to the schemes of their kind.
    links = ui.detail_links()
    assert [w.full_text() for w in links] == ["eve@example.org",
                                             'https://example.org/"><img/src=x>']
    for link in links:
        assert link.textFormat() == Qt.TextFormat.PlainText
        link.open()
    assert [QUrl(u).scheme() for u in opened] == ["mailto", "https"]
    assert "<img" not in opened[1]  # percent-encoded by QUrl: a path, not markup
