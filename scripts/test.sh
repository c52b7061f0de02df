#!/usr/bin/env bash
# Set up what is missing, then lint, type-check and run the whole test suite.
# Arguments go to pytest (e.g. -k agenda).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_env test
cd "$ROOT"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest "$@"
