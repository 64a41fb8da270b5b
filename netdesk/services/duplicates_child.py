"""The duplicate search in a process of its own: ``python -m netdesk.services.duplicates_child
DB_PATH REGION LIMIT`` prints the best LIMIT pairs, their names and the number found as JSON.

Why: the finder is minutes of pure Python at 100,000 contacts, and in the window's process it
shares the GIL with the GUI thread. Measured with tests/bench/bench_stalls.py on a quiet
machine: with the finder running in the window's process, delete, undo, edit, import and
sort stalled the event loop for 104-239 ms; with no finder at all every one stayed under
the 100 ms budget (the worst 85 ms). A child process has its own GIL and, on two cores, a
core of its own. It only reads the database file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from netdesk.services.duplicates import DuplicateService
    from netdesk.services.errors import ServiceError
    from netdesk.services.priority import lower_this_process
    from netdesk.store.db import Database

    lower_this_process()  # a minute of Python: the window's GUI thread goes first

    path, region, limit = Path(argv[0]), argv[1] or None, int(argv[2])
    try:
        found = DuplicateService(Database(path), region).suggestions(limit=limit)
    except ServiceError as exc:  # a plain sentence for the window's status line
        print(exc, file=sys.stderr)
        return 1
    json.dump({
        "pairs": [[p.first_id, p.second_id, p.tier, p.score, list(p.shared)]
                  for p in found.pairs],
        "names": {str(i): name for i, name in found.names.items()},
        "found": found.found,
    }, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
