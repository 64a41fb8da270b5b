"""Translations: the language the user chose (Settings → General), Qt's tr() machinery, and
switching live.

netdesk's own texts come from ``netdesk/resources/i18n/netdesk_<lang>.qm`` (built from the
``.ts`` files by ``make translations``), Qt's own (OK, Cancel, context menus) from the
``qtbase_<lang>.qm`` PySide6 ships. A QAction, QMenu or label made with ``translated`` keeps
its source text, so ``use_language`` can retranslate it at once; every other widget that
shows words re-reads them when Qt's LanguageChange event reaches it (``follow_language``),
so a switch changes every visible text without a restart.

Dates and times follow the chosen language too: ``use_language`` makes QLocale's default
the chosen language's locale (the system's own when it speaks that language, so de_AT stays
de_AT), which is what ``ui/locale_format.py`` reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
SOURCE_PROPERTY = "netdeskTrSource"
CONTEXT_PROPERTY = "netdeskTrContext"
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []
# Whether use_language made QLocale's default another than the system's (a language chosen).
_locale = {"chosen": False}

# The views' sidebar titles as translation sources: MainWindow.add_view shows a view's title
# translated in context "Sidebar" (the controllers pass the English source).
SIDEBAR_TITLES = (
    QT_TRANSLATE_NOOP("Sidebar", "Today"),
    QT_TRANSLATE_NOOP("Sidebar", "Duplicates"),
    QT_TRANSLATE_NOOP("Sidebar", "Events"),
    QT_TRANSLATE_NOOP("Sidebar", "Dashboard"),
    QT_TRANSLATE_NOOP("Sidebar", "Trash"),
)


def language_code(choice: str) -> str:
    """The language to use for a choice ("" follows the system: "de" for de_AT)."""
    if choice:
        return choice
    return QLocale.system().name().split("_", 1)[0] or SOURCE_LANGUAGE


def available_languages() -> list[str]:
    """Languages netdesk has a compiled translation for, and English."""
    return [SOURCE_LANGUAGE, *sorted(p.stem.split("_", 1)[1] for p in
                                     I18N_DIR.glob("netdesk_*.qm"))]


def use_language(choice: str) -> str:
    """Install the translators for ``choice`` ("" = the system's language) in place of the
    previous ones and retranslate what can be; the language now in use ("en" when netdesk
    has no translation for it)."""
    app = QCoreApplication.instance()
    if app is None:
        return SOURCE_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = language_code(choice)
    _set_locale(choice, lang)
    used = SOURCE_LANGUAGE
    if lang != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"netdesk_{lang}", str(I18N_DIR)):
            app.installTranslator(own)
            _installed.append(own)
            used = lang
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_dir):
                app.installTranslator(qt)
                _installed.append(qt)
    for widget in _top_level_widgets():
        retranslate(widget)
    return used


def _set_locale(choice: str, lang: str) -> None:
    """Dates and times in the chosen language; the system's again when none is chosen (a
    default someone else set, as tests do, is left alone then)."""
    if choice:
        QLocale.setDefault(locale_for(lang))
        _locale["chosen"] = True
    elif _locale["chosen"]:
        QLocale.setDefault(QLocale.system())
        _locale["chosen"] = False


def locale_for(lang: str) -> QLocale:
    """The locale dates and times use for language ``lang``: the system's own when it speaks
    that language (keeps its country: de_AT, en_GB), otherwise the language's main one."""
    system = QLocale.system()
    speaks = system.name().split("_", 1)[0]
    if speaks == lang or (lang == SOURCE_LANGUAGE and speaks == "C"):  # C writes English
        return system
    return QLocale(lang)


class LanguageFollower(QObject):
    """Calls ``hook`` whenever Qt's LanguageChange event reaches it: as a child of a widget
    it gets the event with the widget (Qt sends it to every widget's children when a
    translator is installed or removed)."""

    def __init__(self, widget: QObject, hook: Callable[[], object]) -> None:
        super().__init__(widget)
        self.setObjectName("languageFollower")
        self._hook = hook

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._hook()
            return True
        return super().event(event)


def follow_language(widget: QObject, hook: Callable[[], object]) -> LanguageFollower:
    """Call ``hook`` (which re-sets ``widget``'s texts through tr()) at every language
    switch; lives as long as ``widget``."""
    return LanguageFollower(widget, hook)


def _top_level_widgets() -> list[QObject]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets()) if isinstance(
        QCoreApplication.instance(), QApplication) else []


def sidebar_title(source: str) -> str:
    """A view's sidebar title in the language in use."""
    return QCoreApplication.translate("Sidebar", source)


def translated(obj: QObject, context: str, source: str) -> QObject:
    """Give ``obj`` (QAction, QMenu, QLabel, QAbstractButton, QShortcut) the translation of
    ``source`` and remember it, so a language switch retranslates it; returns ``obj``."""
    obj.setProperty(SOURCE_PROPERTY, source)
    obj.setProperty(CONTEXT_PROPERTY, context)
    _set_text(obj, QCoreApplication.translate(context, source))
    return obj


def translator_for(context: str) -> Callable[[QObject, str], QObject]:
    """``translated`` with ``context`` filled in: ``_live(QLabel(), NOOP_SOURCE)``."""
    return lambda obj, source: translated(obj, context, source)


def retranslate(root: QObject) -> None:
    """Re-read the translation of every remembered text under ``root`` (itself included)."""
    for obj in [root, *root.findChildren(QObject)]:
        source = obj.property(SOURCE_PROPERTY)
        if isinstance(source, str) and source:
            context = obj.property(CONTEXT_PROPERTY) or ""
            _set_text(obj, QCoreApplication.translate(context, source))


def _set_text(obj: QObject, text: str) -> None:
    if hasattr(obj, "setTitle"):  # QMenu, QGroupBox
        obj.setTitle(text)
    elif hasattr(obj, "setText"):
        obj.setText(text)
    elif hasattr(obj, "setWhatsThis"):  # QShortcut: what the keyboard cheat sheet says
        obj.setWhatsThis(text)
