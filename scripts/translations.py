"""Refresh the French and Arabic catalogues from the sources, or check them.

    python scripts/translations.py           # new strings into resources/i18n/*.ts, then .qm
    python scripts/translations.py --check   # fail on a string a catalogue lacks, or a
                                             # .qm older than its .ts (the tests run this)

Qt's own tools do the work (pyside6-lupdate finds ``self.tr(...)`` and
``QCoreApplication.translate(...)`` in the sources; pyside6-lrelease compiles). The .qm
files are committed, so that installing Shuttle needs no Qt tools; ``--check`` keeps them
in step with the .ts files.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "resources" / "i18n"
LANGUAGES = ("fr", "ar")
SOURCES = ("main.py", "ui", "data")


def tool(name: str) -> str:
    """A PySide6 tool from the running venv."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project (bash scripts/test.sh)")
    return found


def lupdate(catalogues: list[Path]) -> None:
    """Add the sources' strings to ``catalogues`` and drop the ones no longer used."""
    sources = sorted(
        str(p.relative_to(ROOT))
        for name in SOURCES
        for p in ([ROOT / name] if name.endswith(".py") else sorted((ROOT / name).glob("*.py")))
    )
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            *map(str, catalogues),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(catalogue: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(catalogue), "-qm", str(target)], check=True
    )


def missing(catalogue: Path) -> list[str]:
    """'Context: source' of each string the catalogue does not translate."""
    out = []
    for context in ET.parse(catalogue).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [getattr(translation, "text", None)]
            if kind == "unfinished" or not all(texts):
                out.append(f"{name}: {message.findtext('source', '')}")
    return out


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copies = []
        for lang in LANGUAGES:
            copy = Path(scratch) / f"shuttle_{lang}.ts"
            shutil.copyfile(CATALOGUES / f"shuttle_{lang}.ts", copy)
            copies.append(copy)
        lupdate(copies)
        for lang, copy in zip(LANGUAGES, copies, strict=True):
            problems += [f"shuttle_{lang}.ts lacks {m}" for m in missing(copy)]
            built = Path(scratch) / f"shuttle_{lang}.qm"
            lrelease(CATALOGUES / f"shuttle_{lang}.ts", built)
            if built.read_bytes() != (CATALOGUES / f"shuttle_{lang}.qm").read_bytes():
                problems.append(f"shuttle_{lang}.qm is not built from shuttle_{lang}.ts")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    if parser.parse_args().check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python scripts/translations.py, then translate", file=sys.stderr)
        return 1 if problems else 0
    catalogues = [CATALOGUES / f"shuttle_{lang}.ts" for lang in LANGUAGES]
    for lang, catalogue in zip(LANGUAGES, catalogues, strict=True):
        if not catalogue.exists():
            catalogue.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{lang}"></TS>\n',
                encoding="utf-8",
            )
    lupdate(catalogues)
    for catalogue in catalogues:
        lrelease(catalogue, catalogue.with_suffix(".qm"))
        for line in missing(catalogue):
            print(f"{catalogue.name}: to translate: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
