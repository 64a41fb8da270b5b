"""One netdesk per user and data directory.

The first process serves a ``QLocalServer``; a second one (started from the menu again, or by
double-clicking a ``.vcf`` file) connects, hands over its files as one line of JSON and exits,
and the first raises its window and imports them.

Protocol (one request per connection, UTF-8/ASCII, newline-terminated):
    client -> server: {"action": "activate", "files": ["/abs/path.vcf", ...]}\\n
    server -> client: ok\\n   (or error\\n for a message it could not use)

Typical start-up in the composition root::

    guard = SingleInstance(instance_key(data_dir))
    if guard.try_handover(files):
        return 0                      # the running netdesk took over
    if not guard.listen():            # lost a start-up race, or sockets unavailable:
        if guard.try_handover(files):
            return 0
        # run without the guard rather than not at all
    guard.activateRequested.connect(window.bring_to_front)
    guard.messageReceived.connect(window.open_files)

A ``QCoreApplication`` (or ``QApplication``) must exist before either call: both spin Qt's
event machinery.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTION_ACTIVATE = "activate"
REPLY_OK = b"ok\n"
REPLY_ERROR = b"error\n"
# A few thousand long paths fit; anything bigger is not from netdesk.
MAX_MESSAGE_BYTES = 1024 * 1024
# A client that connects and then says nothing is dropped after this long.
IDLE_TIMEOUT_MS = 5000
# How long listen() waits to decide whether an existing name belongs to a live instance.
PROBE_TIMEOUT_MS = 500
# Once a running instance has accepted the connection it owns the name: wait this long for its
# answer even when its GUI thread is busy, rather than give up and let the caller start a
# second window on the same data (and have the late instance import the files as well).
REPLY_TIMEOUT_MS = 30_000


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        # No login name in the environment nor the password database (containers).
        getuid = getattr(os, "getuid", None)
        return f"uid{getuid()}" if getuid is not None else "user"


def instance_key(data_dir: Path) -> str:
    """Return the local-socket address for this user and data directory.

    Two users, or one user with two data directories (``--data-dir``), each get their own
    instance. On Unix the address is a path in a directory only this user can enter (see
    ``_socket_dir``): a fixed name in the shared temp dir could be taken first by another
    user, who would then receive the files we hand over. On Windows it is a pipe name.
    """
    resolved = Path(data_dir).expanduser().resolve()
    material = f"{_user_name()}\0{resolved}".encode("utf-8", "surrogateescape")
    name = "netdesk-" + hashlib.sha256(material).hexdigest()[:16]
    if os.name == "nt":
        return name
    folder = _socket_dir(resolved, name)
    return str(folder / name) if folder is not None else name


# A Unix socket path must fit in sun_path (108 bytes with its NUL on Linux, 104 on macOS).
_MAX_SOCKET_PATH = 100


def _private_dir(folder: Path) -> bool:
    """True when ``folder`` is a real directory owned by us that nobody else can enter."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077
    )


def _socket_dir(data_dir: Path, name: str) -> Path | None:
    """Where the socket goes: $XDG_RUNTIME_DIR when it is private, else the data directory
    (created 0700 on listen), else a private folder of our own in the temp dir when the
    others make the path too long for a socket. None when none of them is usable."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    candidates = [Path(runtime)] if runtime and _private_dir(Path(runtime)) else []
    candidates.append(data_dir)
    for folder in candidates:
        if len(os.fsencode(str(folder / name))) <= _MAX_SOCKET_PATH:
            return folder
    own = Path(tempfile.gettempdir()) / f"netdesk-{os.getuid()}"
    with contextlib.suppress(OSError):
        own.mkdir(mode=0o700)
    if _private_dir(own) and len(os.fsencode(str(own / name))) <= _MAX_SOCKET_PATH:
        return own
    log.warning("single-instance: no private directory for the socket; using Qt's default")
    return None


def encode_message(files: Iterable[str | os.PathLike[str]]) -> bytes:
    """Encode an activate request; relative paths are made absolute against our cwd."""
    paths = [os.path.abspath(os.fspath(f)) for f in files]
    # ensure_ascii keeps undecodable file names (lone surrogates) intact as \\udcXX escapes.
    text = json.dumps({"action": ACTION_ACTIVATE, "files": paths}, ensure_ascii=True)
    return text.encode("ascii") + b"\n"


def decode_message(data: bytes) -> list[str] | None:
    """Return the files of an activate request, or None (with a logged warning) if unusable."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        log.warning("single-instance: ignoring a message that is not JSON: %s", exc)
        return None
    if not isinstance(message, dict) or message.get("action") != ACTION_ACTIVATE:
        log.warning("single-instance: ignoring a message with an unknown action: %.200r", message)
        return None
    files = message.get("files", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        log.warning("single-instance: ignoring a message whose files are not strings")
        return None
    absolute = [f for f in files if os.path.isabs(f)]
    if len(absolute) != len(files):
        # We cannot know the sender's working directory, so a relative path is meaningless.
        log.warning("single-instance: dropped %d relative path(s)", len(files) - len(absolute))
    return absolute


def _listen_private(server: QLocalServer, key: str) -> bool:
    """Listen so that only this user can connect, failing if the name exists.

    On Unix, Qt's UserAccessOption binds in a temp dir and renames the socket over the final
    path, silently replacing a live instance's socket; a plain bind fails with
    AddressInUseError instead, which is what makes the guard work. A 077 umask during the bind
    gives the socket file owner-only permissions from its creation on.
    """
    if os.name == "nt":
        # Named pipes are not files: no rename race, and the option sets a per-user ACL.
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        return server.listen(key)
    server.setSocketOptions(QLocalServer.SocketOption.NoOptions)
    if os.path.isabs(key):
        # The data directory may not exist yet on a first start.
        with contextlib.suppress(OSError):
            Path(key).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    previous = os.umask(0o077)
    try:
        return server.listen(key)
    finally:
        os.umask(previous)


class _Connection(QObject):
    """One accepted client: collects its bytes until a newline, answers, then hangs up."""

    def __init__(self, socket: QLocalSocket, owner: SingleInstance) -> None:
        super().__init__(owner)
        self._socket = socket
        self._owner = owner
        self._buffer = bytearray()
        self._answered = False
        self._finished = False
        socket.setParent(self)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._on_disconnected)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)

    def start(self) -> None:
        self._idle.start(IDLE_TIMEOUT_MS)
        # Bytes may already be waiting, or the peer already gone, when we get the socket.
        if self._socket.bytesAvailable():
            self._on_ready_read()
        if self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._on_disconnected()

    def _on_ready_read(self) -> None:
        if self._answered:
            self._socket.readAll()
            return
        self._buffer += self._socket.readAll().data()
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            log.warning("single-instance: message over %d bytes, dropping it", MAX_MESSAGE_BYTES)
            self._answer(None)
            return
        line, newline, _rest = self._buffer.partition(b"\n")
        if newline:
            self._answer(bytes(line))

    def _on_disconnected(self) -> None:
        if not self._answered and self._buffer.strip():
            # The peer went away mid-message; use what is complete, warn otherwise.
            self._answer(bytes(self._buffer))
        self._finish()

    def _on_idle(self) -> None:
        if not self._answered:
            log.warning("single-instance: a client connected but sent nothing usable; closing")
            self._answered = True
            self._socket.abort()
        self._finish()

    def _answer(self, data: bytes | None) -> None:
        self._answered = True
        self._idle.stop()
        files = decode_message(data) if data is not None else None
        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            # Reply before emitting: a slot may open a dialog, and the client is waiting.
            self._socket.write(REPLY_OK if files is not None else REPLY_ERROR)
            self._socket.flush()
            self._socket.disconnectFromServer()
        if files is not None:
            self._owner._deliver(files)

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._idle.stop()
        self._owner._forget(self)
        self.deleteLater()


class SingleInstance(QObject):
    """Guard that makes the first netdesk serve and later ones hand over to it."""

    #: files (absolute paths, maybe empty) sent by another netdesk process
    messageReceived = Signal(list)
    #: another netdesk process asked us to show ourselves
    activateRequested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._server: QLocalServer | None = None
        self._connections: set[_Connection] = set()

    @property
    def key(self) -> str:
        return self._key

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    # -- client side -------------------------------------------------------------------------

    def try_handover(
        self, files: list[str], timeout_ms: int = 1000, reply_timeout_ms: int = REPLY_TIMEOUT_MS
    ) -> bool:
        """Send ``files`` to a running instance; True when it accepted them.

        Returns False quickly when no instance runs, after ``timeout_ms`` when the connection
        is not accepted, and after ``reply_timeout_ms`` at most when an instance accepted it
        but does not answer (it is alive, maybe busy: worth waiting for).
        """
        payload = encode_message(files)
        socket = QLocalSocket(self)
        loop = QEventLoop(self)
        reply = bytearray()
        state = {"done": False}

        def finish() -> None:
            state["done"] = True
            loop.quit()

        def on_connected() -> None:
            socket.write(payload)
            socket.flush()
            timer.start(max(timeout_ms, reply_timeout_ms))

        def on_ready_read() -> None:
            reply.extend(socket.readAll().data())
            if b"\n" in reply:
                finish()

        def on_disconnected() -> None:
            reply.extend(socket.readAll().data())
            finish()

        def on_error(_error: QLocalSocket.LocalSocketError) -> None:
            # PeerClosedError follows a normal reply-and-hang-up; the reply is already read.
            finish()

        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(finish)
        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.disconnected.connect(on_disconnected)
        socket.errorOccurred.connect(on_error)
        timer.start(max(0, timeout_ms))
        socket.connectToServer(self._key)
        # connectToServer may fail (or even finish) synchronously, before the loop runs.
        if not state["done"]:
            loop.exec()
        timer.stop()
        for signal in (
            socket.connected,
            socket.readyRead,
            socket.disconnected,
            socket.errorOccurred,
        ):
            signal.disconnect()
        socket.abort()
        socket.deleteLater()
        timer.deleteLater()
        loop.deleteLater()

        accepted = bytes(reply).startswith(REPLY_OK)
        if not accepted and reply:
            log.warning(
                "single-instance: the running instance refused the hand-over: %r", bytes(reply[:40])
            )
        return accepted

    # -- server side -------------------------------------------------------------------------

    def listen(self) -> bool:
        """Start serving under the key; False when a live instance already owns it.

        A name left behind by a crashed process (a socket file nobody accepts on) is removed
        and taken over, so a crash never blocks the next start.
        """
        if self.is_listening():
            return True
        server = QLocalServer(self)
        server.newConnection.connect(self._on_new_connection)
        if not _listen_private(server, self._key):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning(
                    "single-instance: cannot listen on %s: %s", self._key, server.errorString()
                )
                server.deleteLater()
                return False
            if self._name_is_alive():
                log.info("single-instance: another instance is serving %s", self._key)
                server.deleteLater()
                return False
            log.info("single-instance: removing stale server name %s", self._key)
            QLocalServer.removeServer(self._key)
            if not _listen_private(server, self._key):
                log.warning(
                    "single-instance: cannot listen on %s after removing a stale name: %s",
                    self._key,
                    server.errorString(),
                )
                server.deleteLater()
                return False
        self._server = server
        log.debug("single-instance: listening on %s", server.fullServerName())
        return True

    def close(self) -> None:
        """Stop serving (the socket name is released for the next instance)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _name_is_alive(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self._key)
        alive = probe.waitForConnected(PROBE_TIMEOUT_MS)
        probe.abort()
        return alive

    def _on_new_connection(self) -> None:
        server = self._server if self._server is not None else self.sender()
        if not isinstance(server, QLocalServer):
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is not None:
                connection = _Connection(socket, self)
                self._connections.add(connection)
                connection.start()

    def _forget(self, connection: _Connection) -> None:
        self._connections.discard(connection)

    def _deliver(self, files: list[str]) -> None:
        log.info("single-instance: activation request with %d file(s)", len(files))
        self.activateRequested.emit()
        self.messageReceived.emit(files)
