"""A tiny netdesk stand-in for the two-process single-instance test.

instance_probe.py serve KEY      listen, print LISTENING, then RECEIVED <json> and exit 0
                                 after the first hand-over (exit 3 if none within 30 s)
instance_probe.py handover KEY FILE...
                                 hand FILE... over; print HANDOVER-ACCEPTED and exit 0,
                                 or HANDOVER-REFUSED and exit 1
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from netdesk.ui.single_instance import SingleInstance

SERVE_TIMEOUT_MS = 30_000


def serve(key: str) -> int:
    app = QCoreApplication([])
    guard = SingleInstance(key)
    if not guard.listen():
        print("LISTEN-FAILED", flush=True)
        return 2

    def on_message(files: list[str]) -> None:
        print("RECEIVED " + json.dumps(files), flush=True)
        # Let the reply reach the client before we go.
        QTimer.singleShot(50, lambda: app.exit(0))

    guard.messageReceived.connect(on_message)
    QTimer.singleShot(SERVE_TIMEOUT_MS, lambda: app.exit(3))
    print("LISTENING", flush=True)
    code = app.exec()
    guard.close()
    return code


def handover(key: str, files: list[str]) -> int:
    QCoreApplication([])
    if SingleInstance(key).try_handover(files, timeout_ms=5000):
        print("HANDOVER-ACCEPTED", flush=True)
        return 0
    print("HANDOVER-REFUSED", flush=True)
    return 1


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "serve":
        return serve(argv[1])
    if len(argv) >= 2 and argv[0] == "handover":
        return handover(argv[1], argv[2:])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
