"""Interaction log, follow-ups and keep-in-touch cadences: the use cases behind Today and the tray.

Every write is one transaction inside ``storage_errors()``, so a failure changes nothing and
reaches the user as a ServiceError. Times go in and come out as aware UTC datetimes; ``tz``
is only used where the local calendar matters (snooze mornings, Today's groups).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from netdesk.domain.activity import CHANNELS, FollowUp, Interaction
from netdesk.domain.clock import Clock, SystemClock
from netdesk.domain.due import (
    CadenceInput,
    DueItem,
    bucket,
    due_items,
    effective_cadence,
    losing_touch,
    validate_cadence,
)
from netdesk.domain.snooze import custom_snooze, snooze_until
from netdesk.domain.timeparse import local_tz
from netdesk.domain.validation import check_horizon_days, check_moment
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

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


class ActivityService:
    def __init__(
        self, database: Database, clock: Clock | None = None, tz: dt.tzinfo | None = None
    ) -> None:
        self.db = database
        self.clock = clock or SystemClock()
        self.tz = tz or local_tz()
        self._listeners: list[Callable[[], None]] = []
        self._contact_listeners: list[Callable[[int], None]] = []

    # -- change notification ----------------------------------------------------------------
    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every successful write (the UI refreshes on it).

        The services layer has no Qt; a plain callback list lets the Today view, the timeline
        and the scheduler all hear about a follow-up done in any one of them.
        """
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def add_contact_listener(self, callback: Callable[[int], None]) -> None:
        """Call ``callback(contact_id)`` after every successful write, with the contact whose
        activity changed (the contacts table updates that one row instead of reloading)."""
        self._contact_listeners.append(callback)

    def _changed(self, contact_id: int) -> None:
        for callback in list(self._listeners):
            callback()
        for contact_callback in list(self._contact_listeners):
            contact_callback(contact_id)

    def _repo(self, conn):
        from netdesk.store.activity import ActivityRepository

        return ActivityRepository(conn)

    def _check_contact(self, conn, contact_id: int) -> str:
        from sqlalchemy import select

        from netdesk.store.models import ContactRow

        name = conn.execute(
            select(ContactRow.display_name).where(ContactRow.id == contact_id)
        ).scalar()
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
    ) -> Interaction:
        """Record that the user was in touch; this restarts the contact's cadence."""
        if channel not in CHANNELS:
            raise ValidationError(
                f"unknown channel “{channel}” (use one of: {', '.join(CHANNELS)})", "channel"
            )
        when = self.clock.now() if at is None else _aware(at, "the interaction time")
        interaction = Interaction(contact_id, when, channel, note.strip())
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, contact_id)
            interaction.id = self._repo(conn).add_interaction(interaction)
        self._changed(interaction.contact_id)
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
        self._changed(gone.contact_id)
        return gone

    def restore_interaction(self, interaction: Interaction) -> None:
        """Undo ``delete_interaction``: put it back under its old id."""
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, interaction.contact_id)
            self._repo(conn).put_back([interaction], [])
        self._changed(interaction.contact_id)

    # -- follow-ups ---------------------------------------------------------------------------
    def add_followup(self, contact_id: int, due: dt.datetime, note: str = "") -> FollowUp:
        when = _aware(due, "the due time")
        followup = FollowUp(contact_id, when, note.strip(), created_at=self.clock.now())
        with storage_errors(), self.db.engine.begin() as conn:
            self._check_contact(conn, contact_id)
            followup.id = self._repo(conn).add_followup(followup)
        self._changed(contact_id)
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
        self._changed(followup.contact_id)
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

    def delete_followup(self, followup_id: int) -> FollowUp:
        with storage_errors(), self.db.engine.begin() as conn:
            repo = self._repo(conn)
            found = repo.get_followup(followup_id)
            if found is None:
                raise NotFoundError(f"no follow-up with id {followup_id}")
            repo.delete_followup(followup_id)
        self._changed(found.contact_id)
        return found

    # -- cadences -----------------------------------------------------------------------------
    def set_cadence(self, contact_id: int, days: int | None) -> None:
        """Keep in touch with a contact every ``days`` days; None turns it off."""
        from sqlalchemy import update

        from netdesk.store.models import ContactRow

        if days is not None:
            try:
                validate_cadence(days)
            except ValueError as exc:
                raise ValidationError(str(exc), "keep_in_touch_days") from None
        with storage_errors(), self.db.engine.begin() as conn:
            res = conn.execute(
                update(ContactRow)
                .where(ContactRow.id == contact_id)
                .values(keep_in_touch_days=days, updated_at=self.clock.now())
            )
            if res.rowcount == 0:
                raise NotFoundError(f"no contact with id {contact_id}")
        self._changed(contact_id)

    def cadences(self) -> list[CadenceInput]:
        """Every contact with a cadence of its own or from a tag, with its last interaction."""
        with storage_errors(), self.db.engine.connect() as conn:
            return self._cadences(conn)

    def _cadences(self, conn) -> list[CadenceInput]:
        from sqlalchemy import select

        from netdesk.store.models import ContactRow, ContactTagRow, TagRow

        tag_days: dict[int, list[int]] = {}
        for cid, days in conn.execute(
            select(ContactTagRow.contact_id, TagRow.keep_in_touch_days)
            .join(TagRow, TagRow.id == ContactTagRow.tag_id)
            .where(TagRow.keep_in_touch_days.is_not(None))
        ):
            tag_days.setdefault(cid, []).append(days)
        columns = (
            ContactRow.id,
            ContactRow.display_name,
            ContactRow.keep_in_touch_days,
            ContactRow.created_at,
        )
        # Two index look-ups instead of one OR over the whole table: at 100k contacts the
        # scan cost ~200 ms on every due check, and only a few people have a cadence.
        found = {
            r.id: r
            for r in conn.execute(
                select(*columns).where(ContactRow.keep_in_touch_days.is_not(None))
            )
        }
        tagged = [cid for cid in tag_days if cid not in found]
        for start in range(0, len(tagged), 500):
            chunk = tagged[start : start + 500]
            for r in conn.execute(select(*columns).where(ContactRow.id.in_(chunk))):
                found[r.id] = r
        rows = list(found.values())
        if not rows:
            return []
        last = self._repo(conn).last_interactions()
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
        return due_items(followups, cadences, now, horizon)

    def today(self, now: dt.datetime | None = None) -> TodayData:
        """Items grouped by the local calendar, and the people we are losing touch with."""
        now = self.clock.now() if now is None else _aware(now, "now")
        with storage_errors(), self.db.engine.connect() as conn:
            followups = self._repo(conn).open_followups_with_names()
            cadences = self._cadences(conn)
        groups: dict[str, list[DueItem]] = {"overdue": [], "today": [], "this_week": []}
        for item in due_items(followups, cadences, now, TODAY_HORIZON):
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


# -- wording shared by the CLI and the UI ------------------------------------------------------
def format_local(when: dt.datetime, tz: dt.tzinfo, with_year: bool = True) -> str:
    """``Fri 27 Nov 2026 14:00`` in local time; English names whatever the C locale says."""
    local = when.astimezone(tz)
    year = f" {local.year}" if with_year else ""
    return f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}{year} {local:%H:%M}"


def format_day(when: dt.datetime, tz: dt.tzinfo, weekday: bool = True) -> str:
    """``Tue 1 Dec`` (or ``1 Dec``) in local time."""
    local = when.astimezone(tz)
    day = f"{local.day} {_MONTHS[local.month - 1]}"
    return f"{_DAYS[local.weekday()]} {day}" if weekday else day


def relative_when(when: dt.datetime, now: dt.datetime, tz: dt.tzinfo) -> str:
    """How a due time reads in a list: "Overdue 3 days", "Today 14:00", "Tue 1 Dec 09:00"."""
    local, today = when.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    if when < now:
        if days >= 0:
            return f"Overdue since {local:%H:%M}"
        if days == -1:
            return "Overdue since yesterday"
        return f"Overdue {_span(-days)}"
    if days == 0:
        return f"Today {local:%H:%M}"
    if days == 1:
        return f"Tomorrow {local:%H:%M}"
    if days <= 7:
        return f"{format_day(when, tz)} {local:%H:%M}"
    return format_local(when, tz)


def _span(days: int) -> str:
    # Exact days while they matter; beyond two weeks "5 weeks" reads faster than "37 days".
    if days >= 60:
        return f"{days // 30} months"
    if days >= 14:
        return f"{days // 7} weeks"
    return "1 day" if days == 1 else f"{days} days"


def lapsed_text(lapsed: dt.timedelta) -> str:
    """How long a cadence has lapsed, for the Losing touch list: "3 weeks", "2 days"."""
    return _span(lapsed.days) if lapsed.days >= 1 else "today"
