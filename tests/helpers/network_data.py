"""A generated network for the dashboard's tests and benchmark: contacts added over a year,
interactions (some with several people), follow-ups done on time or late, cadences, events.

``generate`` writes it into a real store and returns what it wrote, so a test can count the
expected figures itself.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import dataclass, field

from netdesk.domain.activity import CHANNELS
from netdesk.domain.contact import Contact
from netdesk.domain.events import Event


@dataclass
class Network:
    created: dict[int, dt.datetime] = field(default_factory=dict)
    # (when, channel, everyone who took part)
    interactions: list[tuple[dt.datetime, str, tuple[int, ...]]] = field(default_factory=list)
    # (contact id, due, done at or None)
    followups: list[tuple[int, dt.datetime, dt.datetime | None]] = field(default_factory=list)
    cadences: dict[int, int] = field(default_factory=dict)
    # event id -> (name, day, people met there)
    events: dict[int, tuple[str, dt.date, list[int]]] = field(default_factory=dict)


def _stored(at: dt.datetime) -> str:
    # How SQLAlchemy's DateTime stores an aware UTC time in SQLite.
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", timespec="microseconds")


def generate(database, now: dt.datetime, contacts: int = 300, interactions: int = 3000,
             seed: int = 16) -> Network:
    from netdesk.services.events import EventService
    from netdesk.store.contacts import ContactRepository

    rng = random.Random(seed)
    net = Network()
    people = [Contact(display_name=f"Person {i:05d}",
                      created_at=now - dt.timedelta(days=rng.uniform(0, 420)))
              for i in range(contacts)]
    with database.engine.begin() as conn:
        ids = ContactRepository(conn).add_many(people)
    net.created = {cid: c.created_at for cid, c in zip(ids, people, strict=True)}
    rows, links = [], []
    for iid in range(1, interactions + 1):
        at = now - dt.timedelta(days=rng.uniform(0, 120))
        group = tuple(rng.sample(ids, 3 if rng.random() < 0.1 else 1))
        channel = rng.choice(CHANNELS)
        net.interactions.append((at, channel, group))
        rows.append((iid, group[0], _stored(at), channel, ""))
        links += [(iid, other) for other in group[1:]]
    followups = []
    for cid in rng.sample(ids, len(ids) // 3):
        due = now - dt.timedelta(days=rng.uniform(-20, 200))
        done = None if rng.random() < 0.3 else due + dt.timedelta(days=rng.uniform(-3, 6))
        done = done if done is None or done < now else None
        net.followups.append((cid, due, done))
        followups.append((cid, _stored(due), "", _stored(done) if done else None, _stored(due)))
    for cid in rng.sample(ids, len(ids) // 10):
        net.cadences[cid] = rng.choice((14, 30, 90))
    con = sqlite3.connect(database.path)
    with con:
        con.executemany("INSERT INTO interactions (id, contact_id, at, channel, note)"
                        " VALUES (?, ?, ?, ?, ?)", rows)
        con.executemany("INSERT INTO interaction_people (interaction_id, contact_id)"
                        " VALUES (?, ?)", links)
        con.executemany("INSERT INTO followups (contact_id, due, note, done_at, created_at)"
                        " VALUES (?, ?, ?, ?, ?)", followups)
        con.executemany("UPDATE contacts SET keep_in_touch_days = ? WHERE id = ?",
                        [(days, cid) for cid, days in net.cadences.items()])
    con.close()
    events = EventService(database)
    for n in range(12):
        day = (now - dt.timedelta(days=30 * n + 5)).date()
        event = events.add(Event(f"Meetup {n:02d}", "meetup", day))
        met = rng.sample(ids, min(len(ids), 20))
        events.link(event.id, met)
        net.events[event.id] = (event.name, day, met)
    return net
