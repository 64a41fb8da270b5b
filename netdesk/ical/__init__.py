"""iCalendar (.ics) export of follow-ups, so they show up in the user's calendar or task app."""

from netdesk.ical.export import export_ics

__all__ = ["export_ics"]
