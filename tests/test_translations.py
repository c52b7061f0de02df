"""The French and Arabic catalogues cover every string of the window, and the compiled
.qm files shipped in the package are built from them."""

import subprocess
import sys

from tests.conftest import ROOT


def test_every_string_is_translated_and_every_qm_is_current():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_an_untranslated_string_is_reported(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    catalogue = tmp_path / "x.ts"
    catalogue.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="fr"><context>'
        "<name>MainWindow</name>"
        "<message><source>&amp;File</source><translation>&amp;Fichier</translation></message>"
        '<message><source>&amp;New</source><translation type="unfinished"/></message>'
        "<message><source>Gone</source>"
        '<translation type="vanished">Parti</translation></message>'
        "<message><source>Empty</source><translation></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert translations.missing(catalogue) == ["MainWindow: &New", "MainWindow: Empty"]
