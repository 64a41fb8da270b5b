"""Interaction log, follow-ups and keep-in-touch cadences: the use cases behind Today and the tray.

Every write is one transaction inside ``storage_errors()``, so a failure changes nothing and
reaches the user as a ServiceError. Times go in and come out as aware UTC datetimes; ``tz``
is only used where the local calendar matters (snooze mornings, Today's groups).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from netdesk.domain.activity import CHANNELS, FollowUp, Interaction
from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.due import (
    CadenceInput,
    DueItem,
    bucket,
    due_items,
    effective_cadence,
    losing_touch,
    ordered,
    validate_cadence,
)
from netdesk.domain.snooze import custom_snooze, snooze_until
from netdesk.domain.timeparse import local_tz
from netdesk.domain.validation import check_horizon_days, check_moment
from netdesk.domain.wording import (  # noqa: F401  (re-exported: the services' wording)
    format_day,
    format_local,
    lapsed_text,
    relative_when,
)
from netdesk.services.errors import (
    NotFoundError,
    ServiceError,
    ValidationError,
    storage_errors,
)
from netdesk.store.db import Database
from netdesk.store.safe_files import atomic_text_writer

LOSING_TOUCH_LIMIT = 10
# Today shows what is overdue, due today and in the next 7 local days.
TODAY_HORIZON = dt.timedelta(days=8)


@dataclasses.dataclass(frozen=True)
class TodayData:
    """What the Today view shows, computed for one moment ``now`` in zone ``tz``."""

    now: dt.datetime
    overdue: list[DueItem]
    today: list[DueItem]
    this_week: list[DueItem]
    # Lapsed cadences, longest lapsed first, with how long ago each fell due.
    losing_touch: list[tuple[CadenceInput, dt.timedelta]]
    # Every cadence by contact id, so a view can say when someone was last in touch.
    cadences: dict[int, CadenceInput] = dataclasses.field(default_factory=dict)

    @property
    def items(self) -> list[DueItem]:
        return [*self.overdue, *self.today, *self.this_week]

    def is_empty(self) -> bool:
        return not self.items and not self.losing_touch


def _aware(value: dt.datetime, what: str) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise ValidationError(f"{what} must be a date and time, not {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        # A naive time would be read as UTC by the store: refuse instead of guessing.
        raise ValidationError(f"{what} has no time zone")
    try:
        return check_moment(value, what)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def _minute(value: dt.datetime) -> dt.datetime:
    return value.replace(second=0, microsecond=0)


class DueSource(Protocol):
    """More due items to merge (the birthday and anniversary reminders of services.dates)."""

    def due(self, now: dt.datetime, horizon: dt.timedelta | None) -> list[DueItem]: ...


class ActivityService:
    def __init__(
        self,
        database: Database,
        clock: Clock | None = None,
        tz: dt.tzinfo | None = None,
        dates: DueSource | None = None,
    ) -> None:
        self.db = database
        self.clock = clock or SystemClock()
        self.tz = tz or local_tz()
        # With ``dates``, due() and today() include birthday/anniversary reminders, so the
        # Today list, its badge and the tray (which all read these two) count the same items.
        self.dates = dates

    def _with_dates(
        self, items: list[DueItem], now: dt.datetime, horizon: dt.timedelta | None
    ) -> list[DueItem]:
        if self.dates is None:
            return items
        return ordered([*items, *self.dates.due(now, horizon)], now)

    def _repo(self, conn):
        from netdesk.store.activity import ActivityRepository

        return ActivityRepository(conn)

    def _check_contact(self, conn, contact_id: int) -> str:
        name = self._repo(conn).contact_name(contact_id)
        if name is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return name

    # -- interactions -------------------------------------------------------------------------
    def log_interaction(
        self,
        contact_id: int,
        channel: str = "other",
        note: str = "",
        at: dt.datetime | None = None,
        with_ids: Sequence[int] = (),
    ) -> Interaction:
        """Record that the user was in touch; this restarts the contact's cadence (and that of
        everyone in ``with_ids``: one meeting with three people is one interaction)."""
        if channel not in CHANNELS:
            raise ValidationError(
                f"unknown channel “{channel}” (use one of: {', '.join(CHANNELS)})", "channel"
            )
        when = self.clock.now() if at is None else _aware(at, "the interaction time")
        others = tuple(dict.fromkeys(c for c in with_ids if c != contact_id))
        interaction = Interaction(contact_id, when, channel, note.strip(), with_ids=others)
        with storage_errors(), self.db.engine.begin() as conn:
            for person in interaction.people:
                self._check_contact(conn, person)
            interaction.id = self._repo(conn).add_interaction(interaction)
        return interaction

    def interactions(self, contact_id: int) -> list[Interaction]:
        """A contact's interactions, newest first."""
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).interactions(contact_id)

    def delete_interaction(self, interaction_id: int) -> Interaction:
        """Delete one interaction; keep the returned object to ``restore_interaction`` it."""
        with storage_errors(), self.db.engine.begin() as conn:
            gone = self._repo(conn).delete_interaction(interaction_id)
        if gone is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        return gone

    def restore_interaction(self, interaction: Interaction) -> None:
        """Undo ``delete_interaction``: put it back under its old id."""
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, interaction.contact_id)
            self._repo(conn).put_back([interaction], [])

    def get_interaction(self, interaction_id: int) -> Interaction:
        with storage_errors(), self.db.engine.connect() as conn:
            found = self._repo(conn).get_interaction(interaction_id)
        if found is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        return found

    def edit_interaction(self, changed: Interaction) -> Interaction:
        """Save the time, channel and note of ``changed`` (its id names it); returns it as it
        was before, for an undo."""
        if changed.channel not in CHANNELS:
            raise ValidationError(
                f"unknown channel “{changed.channel}” (use one of: {', '.join(CHANNELS)})",
                "channel")
        at = _aware(changed.at, "the interaction time")
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            before = repo.get_interaction(changed.id) if changed.id is not None else None
            if before is None:
                raise NotFoundError(f"no interaction with id {changed.id}")
            repo.save_interaction(dataclasses.replace(before, at=at, channel=changed.channel,
                                                      note=changed.note.strip()))
        return before

    def remove_person(self, interaction_id: int, contact_id: int) -> Interaction:
        """Take one person out of a group interaction (the others keep it); returns it as
        it was, for ``set_people``. The last person cannot be removed: delete it instead."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            before = repo.get_interaction(interaction_id)
            if before is None:
                raise NotFoundError(f"no interaction with id {interaction_id}")
            rest = [c for c in before.people if c != contact_id]
            if len(rest) == len(before.people):
                raise NotFoundError("that person is not part of this interaction")
            if not rest:
                raise ValidationError("this interaction has nobody else; delete it instead")
            repo.set_people(Interaction(rest[0], before.at, id=interaction_id,
                                        with_ids=tuple(rest[1:])))
        return before

    def set_people(self, interaction: Interaction) -> None:
        """Undo ``remove_person``: everyone of ``interaction.people`` who still exists."""
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            if interaction.id is None or repo.get_interaction(interaction.id) is None:
                raise NotFoundError("that interaction no longer exists")
            alive = [c for c in interaction.people if repo.contact_name(c) is not None]
            if not alive:
                raise NotFoundError("nobody of that interaction exists any more")
            repo.set_people(Interaction(alive[0], interaction.at, id=interaction.id,
                                        with_ids=tuple(alive[1:])))

    # -- follow-ups ---------------------------------------------------------------------------
    def add_followup(self, contact_id: int, due: dt.datetime, note: str = "") -> FollowUp:
        when = _aware(due, "the due time")
        followup = FollowUp(contact_id, when, note.strip(), created_at=self.clock.now())
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, contact_id)
            followup.id = self._repo(conn).add_followup(followup)
        return followup

    def get_followup(self, followup_id: int) -> FollowUp:
        with storage_errors(), self.db.engine.connect() as conn:
            found = self._repo(conn).get_followup(followup_id)
        if found is None:
            raise NotFoundError(f"no follow-up with id {followup_id}")
        return found

    def followups(self, contact_id: int, include_done: bool = False) -> list[FollowUp]:
        """A contact's follow-ups by due time (open ones only unless ``include_done``)."""
        with storage_errors(), self.db.engine.connect() as conn:
            return self._repo(conn).followups(contact_id, include_done)

    def _edit_followup(self, followup_id: int, change: Callable[[FollowUp], None]) -> FollowUp:
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            followup = repo.get_followup(followup_id)
            if followup is None:
                raise NotFoundError(f"no follow-up with id {followup_id}")
            change(followup)
            repo.save_followup(followup)
        return followup

    def done(self, followup_id: int) -> FollowUp:
        now = self.clock.now()

        def mark(f: FollowUp) -> None:
            f.done_at = f.done_at or now  # marking twice keeps the first moment

        return self._edit_followup(followup_id, mark)

    def reopen(self, followup_id: int) -> FollowUp:
        """Undo ``done``."""

        def unmark(f: FollowUp) -> None:
            f.done_at = None

        return self._edit_followup(followup_id, unmark)

    def snooze(self, followup_id: int, until: str | dt.datetime) -> FollowUp:
        """Push a follow-up back: ``"hour"``, ``"tomorrow"``, ``"next_week"`` or a datetime."""
        now = self.clock.now()
        try:
            if isinstance(until, str):
                target = snooze_until(until, now, self.tz)  # type: ignore[arg-type]
            else:
                target = custom_snooze(_aware(until, "the snooze time"), now)
        except ValueError as exc:
            raise ValidationError(str(exc), "snooze") from None

        def push(f: FollowUp) -> None:
            if f.is_done:
                raise ValidationError("this follow-up is already done; reopen it first")
            f.snoozed_until = target

        return self._edit_followup(followup_id, push)

    def restore_snooze(self, followup_id: int, snoozed_until: dt.datetime | None) -> FollowUp:
        """Undo ``snooze``: put back the snooze time it had before (None: not snoozed)."""
        before = None if snoozed_until is None else _aware(snoozed_until, "the snooze time")

        def put_back(f: FollowUp) -> None:
            f.snoozed_until = before

        return self._edit_followup(followup_id, put_back)

    def edit_followup(self, followup_id: int, due: dt.datetime, note: str) -> FollowUp:
        """A new due time and note; returns the follow-up as it was, for ``put_followup``.

        ``due`` in the same minute as when it falls due now (a snooze included; the dialog
        shows minutes) changes only the note; another time replaces the original due time
        and ends any snooze."""
        when = _aware(due, "the due time")
        before: list[FollowUp] = []

        def change(f: FollowUp) -> None:
            before.append(dataclasses.replace(f))
            if _minute(when) != _minute(f.effective_due):
                f.due, f.snoozed_until = when, None
            f.note = note.strip()

        self._edit_followup(followup_id, change)
        return before[0]

    def put_followup(self, followup: FollowUp) -> FollowUp:
        """Undo ``edit_followup``: due, note, done and snooze exactly as in ``followup``."""

        def put(f: FollowUp) -> None:
            f.due, f.note = followup.due, followup.note
            f.done_at, f.snoozed_until = followup.done_at, followup.snoozed_until

        assert followup.id is not None
        return self._edit_followup(followup.id, put)

    def restore_followup(self, followup: FollowUp) -> None:
        """Undo ``delete_followup``: put it back under its old id."""
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, followup.contact_id)
            self._repo(conn).put_back([], [followup])

    def delete_followup(self, followup_id: int) -> FollowUp:
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            found = repo.get_followup(followup_id)
            if found is None:
                raise NotFoundError(f"no follow-up with id {followup_id}")
            repo.delete_followup(followup_id)
        return found

    # -- cadences -----------------------------------------------------------------------------
    def set_cadence(self, contact_id: int, days: int | None) -> None:
        """Keep in touch with a contact every ``days`` days; None turns it off."""
        if days is not None:
            try:
                validate_cadence(days)
            except ValueError as exc:
                raise ValidationError(str(exc), "keep_in_touch_days") from None
        with storage_errors(), self.db.engine.begin() as conn:
            if not self._repo(conn).set_cadence(contact_id, days, self.clock.now()):
                raise NotFoundError(f"no contact with id {contact_id}")

    def cadences(self) -> list[CadenceInput]:
        """Every contact with a cadence of its own or from a tag, with its last interaction."""
        with storage_errors(), self.db.engine.connect() as conn:
            return self._cadences(conn)

    def _cadences(self, conn) -> list[CadenceInput]:
        repo = self._repo(conn)
        tag_days, rows = repo.cadence_rows()
        if not rows:
            return []
        last = repo.last_interactions()
        out = []
        for cid, name, own, created in rows:
            try:
                days = effective_cadence(own, tag_days.get(cid, ()))
            except ValueError:
                continue  # a bad value written by an older version: no cadence beats a crash
            if days is not None:
                out.append(CadenceInput(cid, name, days, last.get(cid), created))
        return out

    # -- what is due --------------------------------------------------------------------------
    def due(
        self, now: dt.datetime | None = None, horizon: dt.timedelta | None = None
    ) -> list[DueItem]:
        """Open follow-ups and cadences due by ``now + horizon`` (all when None), overdue first."""
        now = self.clock.now() if now is None else _aware(now, "now")
        if horizon is not None:
            try:
                check_horizon_days(horizon.days)
            except ValueError as exc:
                raise ValidationError(str(exc), "horizon") from None
        with storage_errors(), self.db.engine.connect() as conn:
            followups = self._repo(conn).open_followups_with_names()
            cadences = self._cadences(conn)
        return self._with_dates(due_items(followups, cadences, now, horizon), now, horizon)

    def today(self, now: dt.datetime | None = None) -> TodayData:
        """Items grouped by the local calendar, and the people we are losing touch with."""
        now = self.clock.now() if now is None else _aware(now, "now")
        with storage_errors(), self.db.engine.connect() as conn:
            followups = self._repo(conn).open_followups_with_names()
            cadences = self._cadences(conn)
        groups: dict[str, list[DueItem]] = {"overdue": [], "today": [], "this_week": []}
        items = due_items(followups, cadences, now, TODAY_HORIZON)
        for item in self._with_dates(items, now, TODAY_HORIZON):
            groups.setdefault(bucket(item, now, self.tz), []).append(item)
        return TodayData(
            now,
            groups["overdue"],
            groups["today"],
            groups["this_week"],
            losing_touch(cadences, now, LOSING_TOUCH_LIMIT),
            {c.contact_id: c for c in cadences},
        )

    # -- calendar export ----------------------------------------------------------------------
    def export_ics(self, path: str | Path | None = None, with_cadences: bool = True) -> str:
        """Open follow-ups (and cadences) as iCalendar text; also written to ``path`` if given."""
        from netdesk.ical.export import export_ics

        with storage_errors(), self.db.engine.connect() as conn:
            followups = self._repo(conn).open_followups_with_names()
            cadences = self._cadences(conn) if with_cadences else []
        text = export_ics(followups, dtstamp=self.clock.now(), cadences=cadences)
        if path is not None:
            # Like an export: atomic and private, so a full disk or a kill keeps the old file.
            try:
                with atomic_text_writer(Path(path)) as out:
                    out.write(text)
            except OSError as exc:
                raise ServiceError(f"could not write {path}: {exc.strerror or exc}") from exc
        return text
