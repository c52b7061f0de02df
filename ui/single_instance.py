"""One window per store: a second ``shuttle`` hands its files to the first and exits.

The first instance listens on a local socket named after the user and the store's folder;
a later launch on the same store connects, sends the files it was given (one JSON list of
absolute paths) and waits for the reply "ok". With nothing listening, it is the first.

Signals: ``Instance.files_received(list)`` — paths another launch handed over (possibly
none: it was started again, so the window should come forward).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 3000  # a window busy for longer than this gets a second window instead


def server_name(data_dir: Path) -> str:
    """Per user and per store folder, short enough for a socket path."""
    key = f"{getpass.getuser()}\0{data_dir.resolve()}".encode()
    return f"shuttle-{hashlib.sha256(key).hexdigest()[:16]}"


def hand_over(name: str, files: list[Path]) -> bool:
    """Give ``files`` to the instance listening on ``name``; False if there is none."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(json.dumps([str(f) for f in files]).encode() + b"\n")
    socket.flush()
    answered = b""
    while b"\n" not in answered and socket.waitForReadyRead(TIMEOUT_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answered.strip() == b"ok"


class Instance(QObject):
    """The listening side, owned by the first instance's application."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            # A crashed instance leaves its socket file behind: nobody answered on it.
            QLocalServer.removeServer(name)
            self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer += bytes(socket.readAll().data())
                if b"\n" not in buffer:
                    return
                try:
                    paths = [Path(p) for p in json.loads(buffer.decode()) if isinstance(p, str)]
                except (ValueError, TypeError):
                    paths = None  # not a Shuttle: ignored
                socket.write(b"ok\n" if paths is not None else b"no\n")
                socket.flush()
                socket.disconnectFromServer()
                if paths is not None:
                    self.files_received.emit(paths)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()
