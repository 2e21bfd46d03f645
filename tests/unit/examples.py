"""Events and actors made in code, as validation would make them, for the unit tests of the model and the
page cache."""

from __future__ import annotations

import datetime

from pelican.plugins.timeline.model import Actor, Event
from pelican.plugins.timeline.skeleton import project_settings
from pelican.plugins.timeline.symbols import short_symbol

SETTINGS = project_settings()
# This site's types, in the order that gives each its colour and shape.
TYPES = list(SETTINGS["TIMELINE_EVENT_TYPES"])


def actor(slug: str, kind: str = "state", sort_name: str | None = None, **fields) -> Actor:
    """Make an actor named after its slug (`russian-federation` is Russian Federation)."""
    name = slug.replace("-", " ").title()
    return Actor(slug, name, kind, "A role", sort_name or name, "", f"content/actors/{slug}.md", f"actors/{slug}/",
                 **fields)


def event(day: str, name: str, actors: list[Actor] | None = None, event_type: str = "vote", **fields) -> Event:
    """Make an event of `day` (YYYY-MM-DD, or YYYY-MM or YYYY for a date known to the month or year), a vote
    unless told, whose slug is the day and the name."""
    slug = f"{day}-{name}"
    when, precision = date_of(day)
    fields.setdefault("short_symbol", short_symbol(fields.get("symbol"), SETTINGS))
    return Event(slug, name.capitalize(), when, precision, event_type, event_type.capitalize(),
                 TYPES.index(event_type) + 1, "A summary.",
                 actors or [], [], "", f"content/events/{slug}.md", f"events/{slug}/", **fields)


def date_of(text: str) -> tuple[datetime.date, str]:
    """Read a date as an editor writes it: its first day and its precision."""
    padding, precision = {4: ("-01-01", "year"), 7: ("-01", "month"), 10: ("", "day")}[len(text)]
    return datetime.date.fromisoformat(text + padding), precision
