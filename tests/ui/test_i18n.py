"""The window in French and in Arabic (right to left), English where a string is missing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from data import locale_format
from data.agenda import local_time_label
from ui import i18n


@pytest.fixture
def language(qapp) -> Iterator[object]:
    """Install a language for one test, then put English back."""
    installed = []

    def use(code: str) -> None:
        installed.extend(i18n.install(qapp, code))

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale.system())
    locale_format.set_locale(None)
    locale_format.set_translator(None)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def view_menu(window):
    return window.menuBar().actions()[2].menu()


def test_arabic_lays_the_window_out_right_to_left(qtbot, language, make_window):
    language("ar")
    window = make_window(wait_for_map=False)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert "اللغ&ة" in [a.text() for a in view_menu(window).actions()]
    assert menu_titles(window)[0] == "&ملف"
    assert window.agenda.model.headerData(0, Qt.Orientation.Horizontal) == "اليوم"
    assert QLocale().language() == QLocale.Language.Arabic


def test_french_menus_and_calendar(qtbot, language, make_window):
    language("fr")
    window = make_window(wait_for_map=False)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "&Langue" in [a.text() for a in view_menu(window).actions()]
    assert menu_titles(window)[:3] == ["&Fichier", "É&dition", "&Affichage"]
    summary = window.summary.text()
    assert summary.startswith("6 rendez-vous · 3 jours · 4 lieux · 2 trajets, 1\u202f453 km")
    assert QLocale().monthName(12) == "décembre"
    assert locale_format.long_day(date(2014, 12, 14)) == "dimanche 14 décembre 2014"


def test_the_agenda_and_details_speak_french(qtbot, language, make_window):
    language("fr")
    window = make_window(wait_for_map=False)
    lavrov = window.agenda.model.rows[0].meeting
    assert local_time_label(lavrov) == "heure à conf. (soir, ~3 h)"
    window.agenda.select([lavrov.id])
    assert "dimanche 14 décembre 2014" in window.details.toPlainText()
    assert "Rome a 6 h d’avance sur New York" in window.details.toPlainText()


def test_a_string_missing_from_the_catalogue_stays_english(qtbot, language):
    language("fr")
    assert QCoreApplication.translate("LanguageMenu", "Language") == "Langue"
    assert QCoreApplication.translate("LanguageMenu", "Not in any catalogue") == (
        "Not in any catalogue"
    )


def test_the_language_comes_from_the_setting_else_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(settings) == "en"  # the tests run in the C locale
    settings.setValue(i18n.SETTING, "ar")
    assert i18n.chosen_language(settings) == "ar"
    settings.setValue(i18n.SETTING, "xx")
    assert i18n.chosen_language(settings) == "en"


def test_view_language_keeps_the_choice_for_the_next_start(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.i18n.QMessageBox.information", lambda *a: shown.append(a[2]))
    (action,) = [a for a in view_menu(window).actions() if a.text() == "&Language"]
    french = next(a for a in action.menu().actions() if a.data() == "fr")
    french.trigger()
    assert window.settings.value(i18n.SETTING) == "fr"
    assert shown == ["Shuttle will use Français from its next start."]
    assert QApplication.instance() is not None


@pytest.mark.parametrize(
    ("code", "thousands", "few"),
    [
        ("en", "10,000 meetings", "6 meetings"),
        ("fr", "10\u202f000 rendez-vous", "6 rendez-vous"),
        ("ar", "10,000", "6 اجتماعات"),
    ],
)
def test_counts_of_thousands_are_written_with_the_languages_digit_groups(
    language, code, thousands, few
):
    language(code)

    def meetings(n: int) -> str:
        return i18n.plural(QCoreApplication.translate("MainWindow", "%n meeting(s)", "", n), n)

    assert thousands in meetings(10000)
    assert meetings(6) == few
