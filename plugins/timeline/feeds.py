"""Atom feeds of the timeline, written by Pelican's own feed writer.

Pelican's writer reads a feed entry as it reads an article (title, url, summary, date, get_content…);
an event is not an article, so each one is handed over as a FeedEntry carrying just those attributes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from markupsafe import escape

from .model import Event, Timeline


@dataclass(frozen=True)
class FeedEntry:
    """One event, shaped as Pelican's feed writer expects an article to be."""

    title: str
    url: str
    summary: str
    # The event's date, not the build's: entry ids and dates stay the same from one build to the next.
    date: datetime.datetime
    category: str
    tags: tuple[str, ...]
    author: str
    content: str

    def get_content(self, siteurl: str) -> str:
        return self.content


def feed_entry(event: Event, author: str) -> FeedEntry:
    # Pelican's writer reads the title as HTML (it strips tags and reads character references) and
    # writes the summary as Atom's `type="html"`: both are plain text, so both are escaped to HTML here.
    # An entry has one date, the start's, at midnight: the content opens with the date in words, which
    # keeps a span's end, a qualifier and a precision coarser than the day.
    return FeedEntry(title=escape(event.title), url=event.url, summary=escape(event.summary),
                     date=datetime.datetime.combine(event.date, datetime.time()), category=event.type_label,
                     tags=tuple(actor.name for actor in event.actors), author=author,
                     content=f"<p>{escape(event.display_date)}</p>{event.html}")


def feeds(timeline: Timeline, settings: dict) -> list[tuple[str, str, list[Event]]]:
    """Each feed as (path, title, events): the whole timeline, each actor, each event type.

    An actor named by no event has no feed: an empty feed would carry the build's time as its date.
    """
    types = settings["TIMELINE_EVENT_TYPES"]
    candidates = [
        (settings["TIMELINE_FEED_ATOM"], "All events", timeline.events),
        *((settings["ACTOR_FEED_ATOM"].format(slug=actor.slug), actor.name, timeline.events_by_actor[actor.slug])
          for actor in timeline.actors),
        *((settings["TYPE_FEED_ATOM"].format(slug=slug), types[slug], events)
          for slug, events in timeline.events_of_type().items()),
    ]
    return [feed for feed in candidates if feed[2]]


def write_feeds(writer, timeline: Timeline, context: dict, settings: dict) -> None:
    # Newest first, as feed readers show them.
    for path, title, events in feeds(timeline, settings):
        entries = [feed_entry(event, settings["SITENAME"]) for event in reversed(events)]
        writer.write_feed(entries, context, path, feed_title=title)


def identify_feed(context: dict, feed) -> None:
    """Give each feed an id of its own, its address: Pelican gives every feed the site's address."""
    feed.feed["id"] = feed.feed["feed_url"]
