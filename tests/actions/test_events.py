"""Only committed changes are announced: a refused write publishes nothing."""

from __future__ import annotations

from netdesk.actions.activity import LogInteraction
from netdesk.domain.contact import Contact


def test_listeners_hear_committed_writes_only(runner, contact_service, activity) -> None:
    ada = contact_service.create(Contact(display_name="Ada"))
    assert runner.run(LogInteraction(activity, ada.id)).ok
    activity.due()  # a read: nothing to announce
    refused = runner.run(LogInteraction(activity, ada.id, "fax"))
    assert not refused.ok and "unknown channel" in refused.message
    assert [e.activity_changed for e in runner.events] == [frozenset({ada.id})]
