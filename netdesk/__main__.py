import sys

from netdesk.cli import main

sys.exit(main())
