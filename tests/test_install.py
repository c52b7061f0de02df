"""`pip install .` gives a working `shuttle`: built as a wheel, installed into a fresh venv,
run from another folder, so everything it needs must come from the installed package."""

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Not part of the project, or rebuilt by the build: left out of the copy the wheel is built from.
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "node_modules", "build", "*.egg-info", "__pycache__", ".*_cache", "out"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; its dependencies come from the test venv.

    Building offline (--no-build-isolation, the test venv's setuptools) and reusing the test
    venv's packages through a .pth keeps this to seconds instead of a 260 MB download.
    """
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    wheels = work / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, source], check=True
    )
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    (wheel,) = wheels.glob("shuttle-*.whl")
    subprocess.run([*pip, "--python", python, "install", "--no-deps", wheel], check=True)
    return env_dir


def test_every_shipped_file_is_in_the_wheel(installed: Path):
    """A file added under resources/ or data/ that the package data does not name fails here."""
    site = next((installed / "lib").glob("python3*/site-packages"))
    for folder, skip in (("resources", {".py", ".ts", ".pyc"}), ("data", {".py", ".pyc"})):
        shipped = {
            p.relative_to(ROOT)
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and p.suffix not in skip and "__pycache__" not in p.parts
        }
        missing = sorted(str(p) for p in shipped if not (site / p).is_file())
        assert not missing, f"not in the wheel (pyproject.toml package-data): {missing}"


def run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [installed / "bin" / "shuttle", *args], capture_output=True, text=True, cwd=cwd
    )
    assert result.returncode == 0, result.stderr
    return result


def test_installed_code_is_the_wheels_not_the_checkout(installed: Path, tmp_path: Path):
    probe = "import data, main, resources, ui; print(data.__file__, resources.__file__)"
    out = subprocess.run(
        [installed / "bin" / "python", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert str(ROOT) not in out and str(installed) in out


def test_help_from_another_folder(installed: Path, tmp_path: Path):
    assert "import-ics" in run(installed, "--help", cwd=tmp_path).stdout


def test_agenda_uses_the_shipped_sample_trip(installed: Path, tmp_path: Path):
    assert "Sunday 14 December 2014" in run(installed, "agenda", cwd=tmp_path).stdout


def test_print_pdf_from_another_folder(installed: Path, tmp_path: Path):
    run(installed, "print", "--pdf", "trip.pdf", cwd=tmp_path)
    text = subprocess.run(
        ["pdftotext", tmp_path / "trip.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Lavrov" in text and "Villa Taverna" in text
