"""The contacts table sorts names the way the user's locale does (Polish Ł after L, Danish Ø
after Z), through the real window over a real store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from netdesk.domain.contact import Contact
from tests.ui.driver import find


@pytest.fixture
def locale_window(request, qtbot, data_dir):
    """The real window made while QLocale's default is ``request.param``."""
    from netdesk.app import compose
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database

    database = open_database(data_dir)
    service = ContactService(database)
    for name in ("Zoë Adams", "Łukasz Nowak", "Lech Wałęsa", "Øster Jensen", "Marek Zając",
                 "Ærø Holm", "Ohlsen Bo"):
        service.create(Contact(display_name=name))
    service.close()
    database.dispose()
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    composed = compose(data_dir)
    qtbot.addWidget(composed.window)
    composed.window.show()
    yield composed.window
    composed.window.close()
    QLocale.setDefault(before)


def _names(window) -> list[str]:  # noqa: ANN001
    from PySide6.QtWidgets import QTableView

    model = find(window, QTableView, "contactsTable").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.parametrize("locale_window", ["pl_PL"], indirect=True)
def test_polish_locale_puts_l_stroke_after_l(locale_window) -> None:
    names = _names(locale_window)
    assert names.index("Lech Wałęsa") < names.index("Łukasz Nowak") < names.index("Marek Zając")
    assert names[-1] == "Zoë Adams"


@pytest.mark.parametrize("locale_window", ["da_DK"], indirect=True)
def test_danish_locale_puts_ae_and_o_slash_after_z(locale_window) -> None:
    assert _names(locale_window)[-3:] == ["Zoë Adams", "Ærø Holm", "Øster Jensen"]


@pytest.mark.parametrize("locale_window", ["en_GB"], indirect=True)
def test_english_locale_folds_them_like_search(locale_window) -> None:
    assert _names(locale_window) == ["Ærø Holm", "Lech Wałęsa", "Łukasz Nowak", "Marek Zając",
                                     "Ohlsen Bo", "Øster Jensen", "Zoë Adams"]
