"""Atom feeds of the timeline, written by Pelican's own feed writer.

Pelican's writer reads a feed entry as it reads an article (title, url, summary, date, get_content…);
an event is not an article, so each one is handed over as a FeedEntry carrying just those attributes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from markupsafe import escape

from .citing import retargeted
from .i18n import N_, _
from .model import CorrectionRow, Event, Timeline

CORRECTIONS_FEED_TITLE = N_("Corrections")


@dataclass(frozen=True)
class FeedEntry:
    """One event, or one correction of an event, shaped as Pelican's feed writer expects an article to be."""

    title: str
    url: str
    summary: str
    # The event's date, not the build's: entry ids and dates stay the same from one build to the next.
    date: datetime.datetime
    # Atom's `updated`: an event's is the day of its latest correction (else its date), so that feed readers
    # show a corrected event again.
    modified: datetime.datetime
    category: str
    tags: tuple[str, ...]
    author: str
    content: str

    def get_content(self, siteurl: str) -> str:
        """The content, its citations linking to the sources on the event's page: a feed reader shows it
        away from that page, where `#source-2` would lead nowhere."""
        return retargeted(self.content, lambda n: (f"{siteurl}/{self.url}#source-{n}", n))


def midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time())


def feed_entry(event: Event, author: str) -> FeedEntry:
    # Pelican's writer reads the title as HTML (it strips tags and reads character references) and
    # writes the summary as Atom's `type="html"`: both are plain text, so both are escaped to HTML here.
    # An entry has one date, the start's, at midnight: the content opens with the date in words, which
    # keeps a span's end, a qualifier and a precision coarser than the day.
    return FeedEntry(title=escape(event.title), url=event.url, summary=escape(event.summary),
                     date=midnight(event.date), modified=midnight(event.last_corrected or event.date),
                     category=event.type_label, tags=tuple(actor.name for actor in event.actors), author=author,
                     content=f"<p>{escape(event.display_date)}</p>{event.html}")


def correction_entry(row: CorrectionRow, author: str) -> FeedEntry:
    """A correction, linking to its place on its event's page: its note is the whole entry."""
    note, day = escape(row.correction.note), midnight(row.correction.date)
    return FeedEntry(title=escape(_("Corrected: %(title)s") % {"title": row.event.title}), url=row.url, summary=note,
                     date=day, modified=day, category=_(CORRECTIONS_FEED_TITLE), tags=(), author=author, content=note)


def feeds(timeline: Timeline, settings: dict) -> list[tuple[str, str, list[Event]]]:
    """Each feed as (path, title, events): the whole timeline, each actor, each event type.

    An actor named by no event has no feed: an empty feed would carry the build's time as its date.
    """
    types = settings["TIMELINE_EVENT_TYPES"]
    candidates = [
        (settings["TIMELINE_FEED_ATOM"], _("All events"), timeline.events),
        *((settings["ACTOR_FEED_ATOM"].format(slug=actor.slug), actor.name, timeline.events_by_actor[actor.slug])
          for actor in timeline.actors),
        *((settings["TYPE_FEED_ATOM"].format(slug=slug), types[slug], events)
          for slug, events in timeline.events_of_type().items()),
    ]
    return [feed for feed in candidates if feed[2]]


def write_feeds(writer, timeline: Timeline, context: dict, settings: dict) -> None:
    """Write every feed, entries newest first as feed readers show them; the corrections' feed only once
    there is one."""
    author = settings["SITENAME"]
    for path, title, events in feeds(timeline, settings):
        writer.write_feed([feed_entry(event, author) for event in reversed(events)], context, path, feed_title=title)
    if timeline.corrections:
        writer.write_feed([correction_entry(row, author) for row in timeline.corrections], context,
                          settings["CORRECTIONS_FEED_ATOM"], feed_title=_(CORRECTIONS_FEED_TITLE))


def identify_feed(context: dict, feed) -> None:
    """Give each feed an id of its own, its address: Pelican gives every feed the site's address."""
    feed.feed["id"] = feed.feed["feed_url"]
