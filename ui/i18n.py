"""The window's language: Qt's translators for French and Arabic, English by default.

The catalogues are ``resources/i18n/shuttle_<lang>.ts`` (Qt Linguist files, edited by
hand or in Linguist), compiled to the ``.qm`` files beside them that ship in the package;
``scripts/translations.py`` refreshes both from the sources. A string a catalogue lacks
shows in English. The language comes from the system locale unless View → Language
chose one (kept in the settings, used from the next start); Arabic lays the window out
right to left. Dates and numbers follow the same choice (:mod:`data.locale_format`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from data.locale_format import set_locale, set_translator, whole_number
from resources import resource_path

# Language code -> its own name, as the menu shows it.
LANGUAGES = {"en": "English", "fr": "Français", "ar": "العربية"}
SETTING = "ui/language"  # "" or missing: the system's


def chosen_language(settings: QSettings) -> str:
    """The language to use: the setting's, else the system's if translated, else English."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else system_language()


def system_language() -> str:
    """The system locale's language if Shuttle speaks it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_").split("_")[0]
        if code in LANGUAGES:
            return code
        if code in ("C", "en"):
            break
    return "en"


def catalogue(language: str) -> str:
    """The compiled catalogue of ``language`` (a path; it may not exist for English)."""
    return str(resource_path(f"i18n/shuttle_{language}.qm"))


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Translate ``app`` into ``language`` and lay it out in that language's direction.

    Returns the translators, which must live as long as the app (Qt does not own them).
    """
    translators = []
    if language != "en":
        qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((catalogue(language), ""), (f"qtbase_{language}", qt_own)):
            translator = QTranslator(app)
            if translator.load(name, folder) and app.installTranslator(translator):
                translators.append(translator)
    locale = QLocale(language)
    QLocale.setDefault(locale)  # the calendar's month and day names
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if locale.textDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.LayoutDirection.LeftToRight
    )
    # The data layer's labels: dates and numbers in the system's locale, or in the chosen
    # language; their words through the same catalogues as the window's.
    set_locale(None if language == system_language() else language)
    set_translator(None if language == "en" else _translate)
    return translators


def _translate(context: str, text: str, n: int) -> str:
    return QCoreApplication.translate(context, text, None, n)


def language_menu(parent: QWidget, settings: QSettings) -> QMenu:
    """View → Language: the system's language or a chosen one, from the next start."""
    translate = QCoreApplication.translate
    menu = QMenu(translate("LanguageMenu", "&Language"), parent)
    group = QActionGroup(menu)
    current = str(settings.value(SETTING, "") or "")
    choices = [("", translate("LanguageMenu", "System Language")), *LANGUAGES.items()]
    for code, name in choices:
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)

        def choose(_checked: bool = False, code: str = code, name: str = name) -> None:
            settings.setValue(SETTING, code)
            QMessageBox.information(
                parent,
                translate("LanguageMenu", "Language"),
                translate("LanguageMenu", "Shuttle will use %1 from its next start.").replace(
                    "%1", name
                ),
            )

        action.triggered.connect(choose)
    return menu


def plural(text: str, n: int) -> str:
    """English plurals where no catalogue translated ('6 meeting(s)' -> '6 meetings'),
    and the count with the language's digit groups, which Qt's %n leaves out ('10,000
    meetings', '10 000 rendez-vous')."""
    if abs(n) >= 1000:
        text = text.replace(str(n), whole_number(n), 1)
    return text.replace("(s)", "" if n == 1 else "s")
