import subprocess
import sys

from tests.conftest import ROOT

DATA_MODULES = [p.stem for p in (ROOT / "data").glob("*.py") if p.stem != "__init__"]


def test_the_data_layer_never_imports_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {DATA_MODULES!r}:\n"
        "    importlib.import_module('data.' + name)\n"
        "from data.store import Store\n"
        "import tempfile\n"
        "store = Store.open(tempfile.mkdtemp())\n"
        "store.load_trip(store.resolve(None))\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(DATA_MODULES) >= 6  # the glob found the package
