"""A runner over the real services on a temporary store, recording every change event."""

from __future__ import annotations

import pytest


@pytest.fixture
def clock():
    from tests.helpers.fakes import FakeClock
    from tests.helpers.zones import NOW

    return FakeClock(NOW)


@pytest.fixture
def activity(database, clock):
    from netdesk.services.activity import ActivityService
    from tests.helpers.zones import BERLIN

    return ActivityService(database, clock, BERLIN)


@pytest.fixture
def runner():
    from netdesk.actions import Runner

    r = Runner()
    r.events = []  # type: ignore[attr-defined]
    r.subscribe(r.events.append)  # type: ignore[attr-defined]
    return r
