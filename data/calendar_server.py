"""A small team's calendar server: Radicale with a users file, in a folder of its own.

``serve-calendar`` and the tests start the same server the same way: a configuration
file written here, Radicale run as ``python -m radicale --config FILE``. Every user in
the users file may read and write every calendar on the server (Radicale's
``authenticated`` rights): one team, one server.
"""

from __future__ import annotations

import configparser
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from data.files import write_atomically

CONFIG_FILE = "radicale.ini"
USERS_FILE = "users"
COLLECTIONS_DIR = "collections"
DEFAULT_PORT = 5232
DEFAULT_HOST = "127.0.0.1"
_USER_NAME = re.compile(r"[A-Za-z0-9._@+-]{1,64}")


class ServerSetupError(ValueError):
    """A users file or server folder that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class ServerFolder:
    """Where a server keeps its configuration, users and calendars."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def users(self) -> Path:
        return self.root / USERS_FILE

    @property
    def collections(self) -> Path:
        return self.root / COLLECTIONS_DIR


def prepare(root: str | Path, port: int = DEFAULT_PORT, host: str = DEFAULT_HOST) -> ServerFolder:
    """Create the folder and write Radicale's configuration for ``host:port``."""
    folder = ServerFolder(Path(root))
    try:
        folder.collections.mkdir(parents=True, exist_ok=True)
        if not folder.users.exists():
            write_atomically(b"", folder.users)
    except OSError as exc:
        raise ServerSetupError(f"cannot prepare the server folder {folder.root}: {exc}") from exc
    config = configparser.ConfigParser(interpolation=None)
    config["server"] = {"hosts": f"{host}:{port}" if ":" not in host else f"[{host}]:{port}"}
    config["auth"] = {
        "type": "htpasswd",
        "htpasswd_filename": str(folder.users.resolve()),
        # bcrypt lines (written by add_user) and plain ones (written by hand) both work.
        "htpasswd_encryption": "autodetect",
        "delay": "1",
        # A bcrypt check costs a good part of a second; a sync makes several requests.
        "cache_logins": "True",
        "cache_successful_logins_expiry": "60",
    }
    config["rights"] = {"type": "authenticated"}
    config["storage"] = {"filesystem_folder": str(folder.collections.resolve())}
    config["web"] = {"type": "internal"}
    config["logging"] = {"level": "warning", "mask_passwords": "True"}
    lines: list[str] = []
    for section in config.sections():
        lines.append(f"[{section}]")
        lines += [f"{key} = {value}" for key, value in config[section].items()]
        lines.append("")
    write_atomically("\n".join(lines).encode(), folder.config)
    return folder


def add_user(users_file: str | Path, name: str, password: str, rounds: int = 12) -> None:
    """Add ``name`` to the users file, or change its password; stored as a bcrypt hash."""
    import bcrypt

    if not _USER_NAME.fullmatch(name):
        raise ServerSetupError(
            f"{name!r} is not a usable user name (letters, digits and . _ @ + - only)"
        )
    if not password:
        raise ServerSetupError(f"no password given for {name!r}")
    path = Path(users_file)
    try:
        lines = path.read_text("utf-8").splitlines() if path.exists() else []
    except (OSError, UnicodeDecodeError) as exc:
        raise ServerSetupError(f"cannot read the users file {path}: {exc}") from exc
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds)).decode()
    kept = [line for line in lines if line.split(":", 1)[0] != name and line.strip()]
    write_atomically(("\n".join([*kept, f"{name}:{hashed}"]) + "\n").encode(), path)


def users(users_file: str | Path) -> list[str]:
    path = Path(users_file)
    if not path.exists():
        return []
    return [line.split(":", 1)[0] for line in path.read_text("utf-8").splitlines() if ":" in line]


def command(folder: ServerFolder) -> list[str]:
    """The command that runs the server in the foreground."""
    return [sys.executable, "-m", "radicale", "--config", str(folder.config)]
