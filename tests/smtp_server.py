"""A real SMTP server for the invite tests and the benchmark: aiosmtpd on a free local port,
with STARTTLS (a throwaway self-signed certificate made here) and AUTH, keeping every
message it accepts. Recipients can be refused on purpose."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
import ssl
import tempfile
import warnings
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

USER, PASSWORD = "officer", "correct horse"

# aiosmtpd logs a warning about its own deprecated Session.login_data on every login.
logging.getLogger("mail.log").setLevel(logging.ERROR)


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), content))
        return "250 Message accepted"


def _authenticate(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (certificate, key) files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Controller(Controller):
    def factory(self) -> SMTP:
        # With implicit TLS, aiosmtpd warns that AUTH does not require (STARTTLS) TLS:
        # the whole session is TLS here, so the warning does not apply.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            return super().factory()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalSmtp:
    """``with LocalSmtp() as server:`` a server requiring STARTTLS then AUTH (or, with
    ``implicit_tls``, TLS from the first byte, as on port 465)."""

    host = "127.0.0.1"

    def __init__(self, implicit_tls: bool = False) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="shuttle-smtp-")
        self.cert, key = make_certificate(Path(self._folder.name))
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_context.load_cert_chain(self.cert, key)
        self.handler = Handler()
        self.port = free_port()
        tls: dict[str, Any] = (
            # aiosmtpd counts only STARTTLS as TLS for AUTH; here the whole session is TLS.
            {"ssl_context": server_context, "auth_require_tls": False}
            if implicit_tls
            else {"tls_context": server_context, "require_starttls": True}
        )
        self._controller = _Controller(
            self.handler,
            hostname=self.host,
            port=self.port,
            authenticator=_authenticate,
            auth_required=True,
            **tls,
        )

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's certificate (and only it)."""
        return ssl.create_default_context(cafile=str(self.cert))

    def __enter__(self) -> LocalSmtp:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()
        self._folder.cleanup()
