"""PyInstaller entry point: the frozen ``netdesk`` executable runs the CLI (GUI by default).

PyInstaller runs its entry script as ``__main__`` outside any package, so it cannot be
``netdesk/__main__.py`` itself; this file imports the package like any other caller.
"""

import multiprocessing
import sys

from netdesk.cli import main

if __name__ == "__main__":
    # A no-op except in a frozen Windows child process started by multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
