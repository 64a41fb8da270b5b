"""SQLAlchemy 2.x typed ORM rows. The schema itself is created by the Alembic migrations.

Rows are named ``...Row`` so they are never mistaken for the domain objects in
``netdesk.domain``; repositories convert between the two.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can refer to (and later drop) them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as naive UTC; always handed back aware (UTC).

    SQLite has no time zone type, so every datetime is normalised to UTC on the way in.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class EventRow(Base):
    """An event or group where the user met people (meetup, association, conference, online)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String, default="other")
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        # Only the few contacts with a keep-in-touch cadence: every due check reads them.
        Index(
            "ix_contacts_keep_in_touch_days",
            "keep_in_touch_days",
            sqlite_where=text("keep_in_touch_days IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, index=True)
    display_name: Mapped[str] = mapped_column(String)
    # Lower-cased, accent-folded display name: the default sort key of the contacts table.
    sort_name: Mapped[str] = mapped_column(String, index=True)
    family_name: Mapped[str] = mapped_column(String, default="")
    given_name: Mapped[str] = mapped_column(String, default="")
    additional_names: Mapped[str] = mapped_column(String, default="")
    name_prefix: Mapped[str] = mapped_column(String, default="")
    name_suffix: Mapped[str] = mapped_column(String, default="")
    nickname: Mapped[str] = mapped_column(String, default="")
    org: Mapped[str] = mapped_column(String, default="")
    # Organisational units joined with ";" as in vCard ORG (escaped by the repository).
    org_units: Mapped[str] = mapped_column(String, default="")
    title: Mapped[str] = mapped_column(String, default="")
    role: Mapped[str] = mapped_column(String, default="")
    # ISO date, or "--MM-DD" when the year is unknown.
    birthday: Mapped[str | None] = mapped_column(String, nullable=True)
    anniversary: Mapped[str | None] = mapped_column(String, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    met_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), nullable=True, index=True
    )
    met_note: Mapped[str] = mapped_column(Text, default="")
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String, default="")
    rev: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Derived copies for the contacts table, kept in step by the repository on every write:
    # e-mails and phones (preferred first) and tag names, joined with U+001F. Reading 100k
    # table rows from one table scan takes ~0.2 s; joining the child tables took 2-3 s.
    list_emails: Mapped[str] = mapped_column(String, default="")
    list_phones: Mapped[str] = mapped_column(String, default="")
    list_tags: Mapped[str] = mapped_column(String, default="")

    values: Mapped[list[ContactValueRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContactValueRow.position"
    )
    addresses: Mapped[list[AddressRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AddressRow.position"
    )
    raw_properties: Mapped[list[RawPropertyRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RawPropertyRow.position"
    )
    photo: Mapped[PhotoRow | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, uselist=False
    )
    met_event: Mapped[EventRow | None] = relationship()


class ContactValueRow(Base):
    """One phone, e-mail, URL or social profile of a contact (``kind`` says which)."""

    __tablename__ = "contact_values"
    __table_args__ = (Index("ix_contact_values_kind_match_key", "kind", "match_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String)  # phone | email | url | social
    value: Mapped[str] = mapped_column(String)
    label: Mapped[str] = mapped_column(String, default="")
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Normalised value used to find the same person again (lower-cased e-mail, phone digits).
    match_key: Mapped[str] = mapped_column(String, default="")


class AddressRow(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    po_box: Mapped[str] = mapped_column(String, default="")
    extended: Mapped[str] = mapped_column(String, default="")
    street: Mapped[str] = mapped_column(String, default="")
    locality: Mapped[str] = mapped_column(String, default="")
    region: Mapped[str] = mapped_column(String, default="")
    postal_code: Mapped[str] = mapped_column(String, default="")
    country: Mapped[str] = mapped_column(String, default="")
    label: Mapped[str] = mapped_column(String, default="")
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PhotoRow(Base):
    """A contact's photo: embedded bytes, or a URI kept as text (never fetched)."""

    __tablename__ = "photos"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    mime: Mapped[str] = mapped_column(String, default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    uri: Mapped[str] = mapped_column(String, default="")


class RawPropertyRow(Base):
    """A vCard content line netdesk does not map, kept verbatim for export."""

    __tablename__ = "raw_properties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    line: Mapped[str] = mapped_column(Text)


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    # Default keep-in-touch cadence for contacts with this tag.
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ContactTagRow(Base):
    __tablename__ = "contact_tags"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class InteractionRow(Base):
    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_contact_id_at", "contact_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String, default="other")
    note: Mapped[str] = mapped_column(Text, default="")


class FollowUpRow(Base):
    __tablename__ = "followups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    due: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class TrashRow(Base):
    """A deleted contact with its interactions and follow-ups, kept for 30 days so a delete
    can be taken back after a restart (the undo history lives in memory only)."""

    __tablename__ = "trash"
    # AUTOINCREMENT: a restored-then-re-deleted contact never takes an emptied entry's id.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The id the contact had; it comes back under it when that id is still free.
    contact_id: Mapped[int] = mapped_column(Integer)
    display_name: Mapped[str] = mapped_column(String)
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    # JSON of the contact and its activity (store/trash.py): plain data, readable by any
    # later version, unlike a pickle.
    payload: Mapped[str] = mapped_column(Text)
