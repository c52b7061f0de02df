"""Passwords for servers: an environment variable first, else the system keyring.

Never from the store, settings, logs or messages. A headless Linux has no keyring backend;
that is a clear message naming the variable to set, not a crash.
"""

from __future__ import annotations

import os


class SecretMissing(Exception):
    """No password could be had; the message says what to do."""


def secret(env: str, service: str, account: str, hint: str = "") -> str:
    """``$env``, else the keyring's entry for ``service`` and ``account``."""
    given = os.environ.get(env)
    if given:
        return given
    try:
        import keyring
        from keyring.errors import KeyringError, NoKeyringError
    except ImportError:
        raise SecretMissing(f"no password for {account}: set {env}") from None
    try:
        found = keyring.get_password(service, account)
    except NoKeyringError:
        raise SecretMissing(
            f"no password for {account}: set {env} (this system has no keyring)"
        ) from None
    except KeyringError as exc:
        raise SecretMissing(f"no password for {account}: the keyring failed ({exc})") from None
    if not found:
        where = hint or f'service "{service}", user "{account}"'
        raise SecretMissing(
            f"no password for {account}: set {env} or store it in the system keyring ({where})"
        )
    return found


def remember_secret(env: str, service: str, account: str, password: str) -> None:
    """Keep ``password`` in the system keyring."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(service, account, password)
    except NoKeyringError:
        raise SecretMissing(
            f"this system has no keyring to keep the password in; set {env} instead"
        ) from None
    except KeyringError as exc:
        raise SecretMissing(f"the system keyring refused the password: {exc}") from None
