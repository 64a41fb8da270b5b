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
    # ISO dates; None for an event whose date nobody wrote down (e.g. made from an old note).
    start_date: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    end_date: Mapped[str | None] = mapped_column(String, nullable=True)
    # Where it happens: an address or, for an online community, a URL.
    place: Mapped[str] = mapped_column(String, default="", server_default="")


class EventPersonRow(Base):
    """Someone the user met at an event."""

    __tablename__ = "event_people"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        # Only the few contacts with a keep-in-touch cadence: every due check reads them.
        Index(
            "ix_contacts_keep_in_touch_days",
            "keep_in_touch_days",
            sqlite_where=text("keep_in_touch_days IS NOT NULL"),
        ),
        # A deleted contact's id is never handed to a new one, so undo can restore it
        # (migration 0003).
        {"sqlite_autoincrement": True},
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
    # table rows from one table scan is ten times faster than joining the child tables
    # (docs/PERFORMANCE.md).
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


class ContactDateRow(Base):
    """A labelled date of a contact besides birthday and anniversary."""

    __tablename__ = "contact_dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[str] = mapped_column(String)  # ISO, or "--MM-DD" when the year is unknown
    label: Mapped[str] = mapped_column(String, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class RelatedPersonRow(Base):
    """Someone related to a contact (spouse, manager...), by name or URI."""

    __tablename__ = "related_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String)
    relation: Mapped[str] = mapped_column(String, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class DateReminderSettingRow(Base):
    """A contact's own "remind me N days before" its birthday and anniversary."""

    __tablename__ = "date_reminder_settings"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    days_before: Mapped[int] = mapped_column(Integer)


class AppSettingRow(Base):
    """One global preference of this store, as text (key -> value)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


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
    __table_args__ = (
        Index("ix_interactions_contact_id_at", "contact_id", "at"),
        {"sqlite_autoincrement": True},  # ids are never reused (migration 0003)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String, default="other")
    note: Mapped[str] = mapped_column(Text, default="")


class InteractionPersonRow(Base):
    """Everyone else who took part in an interaction (its first person is ``contact_id``)."""

    __tablename__ = "interaction_people"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class FollowUpRow(Base):
    __tablename__ = "followups"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids are never reused (migration 0003)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    due: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ContactAliasRow(Base):
    """The UID of a contact merged into ``contact_id``: its cards now update the survivor."""

    __tablename__ = "contact_aliases"

    uid: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )


class NotDuplicateRow(Base):
    """Two contacts the user said are different people (``first_id`` < ``second_id``)."""

    __tablename__ = "not_duplicates"

    first_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MergeLogRow(Base):
    """One merge and the JSON snapshot that undoes it."""

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    survivor_id: Mapped[int] = mapped_column(Integer)
    # Comma-separated ids of the contacts merged away.
    merged_ids: Mapped[str] = mapped_column(String)
    snapshot: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SyncAccountRow(Base):
    """A CardDAV account and the one address book netdesk syncs with (issue 12).

    The password is never here: it lives in the system keyring (or, if the user chose so,
    in a private file next to the database).
    """

    __tablename__ = "sync_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    server_url: Mapped[str] = mapped_column(String)
    username: Mapped[str] = mapped_column(String)
    book_url: Mapped[str] = mapped_column(String)
    insecure_http: Mapped[bool] = mapped_column(Boolean, default=False)
    # The RFC 6578 token of the last complete pull; "" before the first sync.
    sync_token: Mapped[str] = mapped_column(String, default="")
    # "sync-collection" when the server answered one, "" when we fall back to etag listings.
    capabilities: Mapped[str] = mapped_column(String, default="")
    preferred_version: Mapped[str] = mapped_column(String, default="3.0")
    last_sync: Mapped[str] = mapped_column(String, default="")


class SyncItemRow(Base):
    """One card of an account's book and the local contact it is linked to."""

    __tablename__ = "sync_items"
    __table_args__ = (
        Index("ix_sync_items_account_id_href", "account_id", "href", unique=True),
        Index("ix_sync_items_account_id_contact_id", "account_id", "contact_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sync_accounts.id", ondelete="CASCADE"))
    href: Mapped[str] = mapped_column(String)
    etag: Mapped[str] = mapped_column(String, default="")
    server_uid: Mapped[str] = mapped_column(String, default="")
    # No foreign key: the link must outlive a local delete, which is how sync notices it.
    contact_id: Mapped[int] = mapped_column(Integer)
    contact_uid: Mapped[str] = mapped_column(String, default="")
    # The card as last agreed with the server: the base of the three-way merge.
    synced_text: Mapped[str] = mapped_column(Text, default="")
    # The local contact's updated_at and content hash when last synced: a cheap and then an
    # exact test for "changed here since".
    local_updated: Mapped[str] = mapped_column(String, default="")
    local_hash: Mapped[str] = mapped_column(String, default="")


class SyncConflictRow(Base):
    """A field both sides changed: the local value was kept, the server's waits here."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sync_accounts.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str] = mapped_column(String)
    local_value: Mapped[str] = mapped_column(Text, default="")
    server_value: Mapped[str] = mapped_column(Text, default="")
    # The whole server card, so "take the server's" can restore any field exactly.
    server_card: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String, default="")


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
