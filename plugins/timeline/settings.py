"""The plugin's settings and their defaults; pelicanconf.py may override any of them."""

from __future__ import annotations

DEFAULTS = {
    "EVENT_PATHS": ["events"],
    "TIMELINE_URL": "",
    "TIMELINE_SAVE_AS": "index.html",
    "ACTOR_PATHS": ["actors"],
    "EVENT_URL": "events/{slug}/",
    "EVENT_SAVE_AS": "events/{slug}/index.html",
    "ACTOR_URL": "actors/{slug}/",
    "ACTOR_SAVE_AS": "actors/{slug}/index.html",
    "ACTORS_INDEX_URL": "actors/",
    "ACTORS_INDEX_SAVE_AS": "actors/index.html",
    "FIGURES_URL": "children/",
    "FIGURES_SAVE_AS": "children/index.html",
    "YEAR_URL": "years/{year}/",
    "YEAR_SAVE_AS": "years/{year}/index.html",
    "TYPE_URL": "types/{slug}/",
    "TYPE_SAVE_AS": "types/{slug}/index.html",
    "CHRONOLOGY_URL": "chronology/",
    "CHRONOLOGY_SAVE_AS": "chronology/index.html",
    # Atom feeds: the whole timeline, one per actor, one per event type. They need an absolute SITEURL
    # (a feed reader resolves a relative link against the feed's own address), so pelicanconf.py turns
    # them off and publishconf.py on.
    "TIMELINE_FEEDS": True,
    "TIMELINE_FEED_ATOM": "feeds/all.atom.xml",
    "ACTOR_FEED_ATOM": "feeds/actors/{slug}.atom.xml",
    "TYPE_FEED_ATOM": "feeds/types/{slug}.atom.xml",
    # Open data: every event and actor as JSON and CSV, with the JSON Schema of events.json beside it.
    "EVENTS_JSON": "data/events.json",
    "EVENTS_SCHEMA": "data/events.schema.json",
    "EVENTS_CSV": "data/events.csv",
    "EVENT_JSON": "data/events/{slug}.json",
    "ACTORS_JSON": "data/actors.json",
    # For search engines; written only when SITEURL is set, since a sitemap lists absolute addresses.
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    # Pages stay small however long the record grows: the home page lists every event while there are at
    # most TIMELINE_HOME_LIMIT, else only the latest months; a year, a type or an actor with more than
    # TIMELINE_PAGE_LIMIT events continues on numbered pages, below the first page's URL.
    "TIMELINE_HOME_LIMIT": 50,
    "TIMELINE_PAGE_LIMIT": 50,
    "TIMELINE_PAGE_URL": "{url}page/{number}/",
    "TIMELINE_PAGE_SAVE_AS": "{url}page/{number}/index.html",
    # The search index is made of separate indexes of at most this many pages each, so that indexing
    # stays fast and small however long the record grows, and a rebuild re-indexes only what changed.
    "TIMELINE_SEARCH_SHARD_SIZE": 1000,
    # The kinds of event an editor may choose, with the label readers see.
    "TIMELINE_EVENT_TYPES": {
        "invasion": "Invasion", "vote": "Vote", "veto": "Veto", "session": "Session",
        "warrant": "Arrest warrant", "legal": "Legal step", "talks": "Talks", "summit": "Summit",
        "meeting": "Meeting", "hearing": "Hearing", "report": "Report", "statement": "Statement",
    },
    # Voting bodies (actor slugs) and their membership, the ceiling for any tally.
    "TIMELINE_BODIES": {"un-general-assembly": 193, "un-security-council": 15},
    # "error" stops the build on a script, frame or event handler in content; "strip" only removes it.
    "TIMELINE_UNSAFE_MARKUP": "error",
}


def apply_defaults(pelican) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def absolute_url(settings: dict, path: str) -> str | None:
    """The address of a page or file under SITEURL, or None when the site's address is not set."""
    return f"{settings['SITEURL']}/{path}" if settings["SITEURL"] else None
