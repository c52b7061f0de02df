#!/usr/bin/env bash
# Set up what is missing, then run Shuttle. Arguments go to main.py (try --help).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_env ""
exec "$VENV/bin/python" "$ROOT/main.py" "$@"
