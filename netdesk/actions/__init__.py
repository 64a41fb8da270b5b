"""Every user change as a command run by one Runner: one undo history, one change event.

No Qt here: the UI adapts the runner to QActions (ui/history.py) and listens to its events.
"""

from netdesk.actions.events import ChangeEvent
from netdesk.actions.runner import Command, Outcome, Runner

__all__ = ["ChangeEvent", "Command", "Outcome", "Runner"]
