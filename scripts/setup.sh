# Sourced by run.sh and test.sh: make sure the system libraries Qt WebEngine needs, the
# virtual environment and the Python packages are there. Safe to run again: each step
# checks first and does nothing when all is in place.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${SHUTTLE_VENV:-$ROOT/.venv}

# Qt WebEngine's libraries on a minimal Debian/Ubuntu, the X server for headless runs,
# fonts with Arabic and Latin, poppler to read printed PDFs back, and the freedesktop
# validators the desktop entry and AppStream metainfo are checked with.
SYSTEM_PACKAGES=(
  libegl1 libgl1 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 libdbus-1-3
  libfontconfig1 libglib2.0-0 libnss3 libxkbfile1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xkb1
  libxkbcommon0 libxkbcommon-x11-0 xvfb xauth fonts-noto-core fonts-dejavu-core poppler-utils
  desktop-file-utils appstream
)

say() { printf 'shuttle setup: %s\n' "$*" >&2; }

installed() {
  # Ubuntu 24.04 renamed some libraries with a t64 suffix (libasound2 -> libasound2t64).
  local p
  for p in "$1" "${1}t64"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' && return 0
  done
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 127
  fi
}

apt_install() {
  say "installing system packages: $*"
  if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
         as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
           --no-install-recommends "$@" >/dev/null; }; then
    say "could not install them (need root or sudo). Please run:"
    say "  sudo apt-get install $*"
    return 1
  fi
}

ensure_system() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: install Qt WebEngine's libraries yourself"; return 0
  fi
  local missing=() p
  for p in "${SYSTEM_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

find_python() {
  local candidate
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is needed: sudo apt-get install python3.11 python3.11-venv"
  return 1
}

ensure_venv() {
  # $1: the pip extra to install ("" for running the app, "test" for the tests).
  local extra=$1 python stamp
  if [ ! -x "$VENV/bin/python" ]; then
    python=$(find_python) || return 1
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      # Debian ships venv separately.
      apt_install "$(basename "$python")-venv" && "$python" -m venv "$VENV" || return 1
    fi
  fi
  stamp="$VENV/.shuttle-${extra:-app}-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    say "installing Shuttle and its Python packages into $VENV (first run takes a minute)"
    # The project itself, editable: this checkout is what runs, and the `shuttle` command
    # is on the venv's PATH; pyproject.toml says what it needs.
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip &&
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      -e "$ROOT${extra:+[$extra]}" || {
      say "pip could not install the packages (see above)"; return 1; }
    rm -f "$VENV"/.shuttle-"${extra:-app}"-*
    touch "$stamp"
  fi
}

ensure_js_readers() {
  # ical.js (Thunderbird's parser) for the .ics agreement tests; optional: without node
  # or npm those tests skip and say why. Runs `npm ci` only when the lock file changed.
  local dir=$ROOT/tests/js stamp
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || {
    say "node/npm not found: the ical.js reader tests will be skipped"; return 0; }
  stamp="$dir/node_modules/.shuttle-$(sha256sum "$dir/package-lock.json" | cut -c1-16)"
  [ -e "$stamp" ] && return 0
  say "installing ical.js for the .ics reader tests (npm ci in tests/js)"
  if (cd "$dir" && npm ci --no-audit --no-fund --silent >/dev/null); then
    touch "$stamp"
  else
    say "npm ci failed: the ical.js reader tests will be skipped"
  fi
}

ensure_env() {
  ensure_system && ensure_venv "$1" || return 1
  if [ "$1" = test ]; then ensure_js_readers; fi
}
