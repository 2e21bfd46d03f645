"""The plan of a build: every page of the site, the file it is saved as, the template that draws it and
what the template is given, and the shards of the search index that hold the pages search finds.

Made from the timeline and the settings alone (and the files of Pelican's own pages, for search to find),
before anything of ours is written: the generator writes the pages, and the page cache, the search index
and the sitemap all follow the same list. One function per
kind of page, as Pelican's generators have one method per kind of output; the plan is their sum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .axis import Axis, Scale, one_year, time_axis, whole_years
from .charts import figures_chart, group_charts, tally_charts
from .citations import chronology
from .feeds import CORRECTIONS_FEED_TITLE, feeds
from .i18n import _
from .linked_data import actor_json_ld, event_json_ld, script_json
from .listings import (ListingPage, group_by_month, most_recent, pack, paginate, paginate_beside, share_out,
                       with_going_on)
from .model import Actor, Event, Timeline, in_words
from .search import Shard
from .vote_maps import vote_map


@dataclass(frozen=True)
class PlannedPage:
    """One page to write: its address, its file under the output folder, its template and its values."""

    url: str
    save_as: str
    template: str
    values: dict
    # Set on the pages search finds: pages of one group (the events of a month) share a shard where they fit.
    search_group: str | None = None
    # False for a page that only sends readers elsewhere: search engines are to list the page it sends them to.
    in_sitemap: bool = True
    # The events and actors whose body the page shows (their own pages, the chronology), beside what their
    # front matter says: an edit to a body draws only these pages again (see page_cache.py).
    bodies: tuple = ()


@dataclass(frozen=True)
class SitePlan:
    pages: list[PlannedPage]  # in the order they are written and listed in the sitemap
    shards: list[Shard]


def plan_site(timeline: Timeline, settings: dict, own_pages: tuple[str, ...] = ()) -> SitePlan:
    """Plan every page of the site, and the shards of the search index that hold those search finds: ours,
    and Pelican's own pages (About), which its PagesGenerator writes and `own_pages` names by file."""
    years = year_listings(timeline, settings)
    before = [*home_page(timeline, settings, years), *event_pages(timeline, settings),
              *actor_pages(timeline, settings), *former_addresses(timeline, settings),
              *actors_index(timeline, settings), *figures_page(timeline, settings),
              *votes_page(timeline, settings), *corrections_page(timeline, settings)]
    after = [*year_pages(timeline, settings, years), *type_pages(timeline, settings),
             *chronology_pages(timeline, settings)]
    # The search page names the shards' folders and is not in a shard itself: the shards are planned first.
    shards = plan_shards(before + after, settings["TIMELINE_SEARCH_SHARD_SIZE"], own_pages)
    return SitePlan(before + search_page(timeline, settings, shards, bool(own_pages)) + after, shards)


def plan_shards(pages: list[PlannedPage], limit: int, own_pages: tuple[str, ...] = ()) -> list[Shard]:
    """Put the pages search finds into shards of at most `limit` pages, in the order they are written
    (event pages in date order, then actors' first pages), each group in one shard where it fits: a new
    event then indexes again only the shard of its own month. A record of `limit` pages or less is one
    index, which searches best (see search.js). Pelican's own pages are one group, after ours."""
    groups: dict[str, list[str]] = {}
    for page in pages:
        if page.search_group is not None:
            groups.setdefault(page.search_group, []).append(page.save_as)
    if own_pages:
        groups["pages"] = list(own_pages)
    return [Shard(str(number), tuple(part)) for number, part in enumerate(pack(list(groups.values()), limit), 1)
            if part]


def address(settings: dict, pattern: str, **slots: object) -> Callable[[int], tuple[str, str]]:
    """Give where page `number` of a listing goes, as (URL, save_as): the first page at the pattern's URL,
    the others below it."""
    url, save_as = (settings[f"{pattern}_{suffix}"].format(**slots) for suffix in ("URL", "SAVE_AS"))

    def at(number: int = 1) -> tuple[str, str]:
        if number == 1:
            return url, save_as
        return tuple(settings[f"TIMELINE_PAGE_{suffix}"].format(url=url, number=number)
                     for suffix in ("URL", "SAVE_AS"))
    return at


def single_page(settings: dict, pattern: str, template: str, **values: object) -> PlannedPage:
    return PlannedPage(*address(settings, pattern)(), template, values)


def listing(settings: dict, events: list[Event], pattern: str, **slots: object) -> list[ListingPage]:
    """Cut a listing into pages of at most TIMELINE_PAGE_LIMIT events, at the pattern's addresses."""
    return paginate(events, settings["TIMELINE_PAGE_LIMIT"], address(settings, pattern, **slots))


def listing_pages(pages: list[ListingPage], template: str, per_page: dict[str, list] | None = None,
                  **values: object) -> list[PlannedPage]:
    """Plan every page of a listing; `per_page` holds values that differ from page to page."""
    links = [page.link for page in pages]
    return [PlannedPage(page.url, page.save_as, template,
                        {"listing": page, "listing_pages": links, "events": page.events, "years": page.years,
                         **{name: shares[index] for name, shares in (per_page or {}).items()}, **values})
            for index, page in enumerate(pages)]


def navigation(timeline: Timeline, settings: dict) -> dict:
    """Give the links of the listings' navigation: each year, and each type of event the record has."""
    types, by_type = settings["TIMELINE_EVENT_TYPES"], timeline.events_of_type()
    return {"years": list(timeline.events_by_year),
            "types": [(slug, types[slug]) for slug in types if slug in by_type]}


def feed_titles(timeline: Timeline, settings: dict) -> dict[str, str]:
    """Give each feed's title by its path; none when feeds are not written."""
    return {path: title for path, title, _events in feeds(timeline, settings)} if settings["TIMELINE_FEEDS"] else {}


def page_feeds(titles: dict[str, str], path: str) -> list[tuple[str, str]]:
    """Give a page the link to its own feed (its actor's, its type's), when that feed is written."""
    return [(titles[path], path)] if path in titles else []


def places(pages: list[ListingPage]) -> dict[str, str]:
    """Give where each event of a listing is in it: its card on the page that lists it."""
    return {event.slug: f"{page.url}#{event.slug}" for page in pages for event in page.events}


def axis_of(timeline: Timeline, settings: dict, events: list[Event], found: dict[str, str],
            scale: Scale | None = None, year_links: bool = True) -> Axis | None:
    """Draw a listing's events on the axis, its crowded months linking to their place in it (`found`); on the
    scale of the whole record unless told, so that every listing's axis reads the same."""
    if not events:
        return None
    links = {year: settings["YEAR_URL"].format(year=year) for year in timeline.events_by_year} if year_links else {}
    return time_axis(events, scale or whole_years(timeline.events), lambda event: found[event.slug],
                     settings["TIMELINE_EVENT_TYPES"], timeline.periods, links)


def year_listings(timeline: Timeline, settings: dict) -> dict[int, list[ListingPage]]:
    """Each year's pages: the events it covers, those going on into it from an earlier year first."""
    return {year: [replace(page, year=year) for page in listing(settings, events, "YEAR", year=year)]
            for year, events in timeline.events_by_year.items()}


def home_page(timeline: Timeline, settings: dict, years: dict[int, list[ListingPage]]) -> list[PlannedPage]:
    """Plan the home page: the axis of the whole record, then every event of a small record; of a large one,
    its latest months (the year pages hold the rest, and the axis links to them)."""
    if len(timeline.events) <= settings["TIMELINE_HOME_LIMIT"]:
        events, recent_period = timeline.events, None
    else:
        events, recent_period = most_recent(timeline.events, settings["TIMELINE_HOME_LIMIT"])
    # An event is found on the page of the year it began, the first of the years that list it.
    found = {slug: place for pages in reversed(years.values()) for slug, place in places(pages).items()}
    found |= {event.slug: f"{settings['TIMELINE_URL']}#{event.slug}" for event in events}
    return [single_page(settings, "TIMELINE", "index", years=group_by_month(events), event_count=len(timeline.events),
                        actor_count=len(timeline.actors),
                        nav=navigation(timeline, settings), recent_period=recent_period,
                        actor_groups=timeline.named_actors_by_kind,
                        axis=axis_of(timeline, settings, timeline.events, found))]


def event_pages(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan each event's page, found by search in the shard of its month."""
    return [PlannedPage(*address(settings, "EVENT", slug=event.slug)(), "event",
                        {"event": event, "json_ld": script_json(event_json_ld(event, settings)),
                         "data_url": settings["EVENT_JSON"].format(slug=event.slug),
                         "vote_map": vote_map(event.roll_call) if event.roll_call else None},
                        search_group=f"{event.date:%Y-%m}", bodies=(event,))
            for event in timeline.events]


def actor_pages(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan each actor's pages: its events, with a state's votes and the actor's quotes on the page of their
    event. Search finds an actor by its first page alone."""
    titles = feed_titles(timeline, settings)
    by_slug = {actor.slug: actor for actor in timeline.actors}
    references = [by_slug[slug] for slug in settings["TIMELINE_REFERENCE_STATES"] if slug in by_slug]
    planned = []
    for actor in timeline.actors:
        events = timeline.events_by_actor[actor.slug]
        record = timeline.record_of(actor) if actor.kind == "state" else []
        # A state's votes are rows of its pages beside its events, and count towards each page's limit: a member
        # named by no event may have voted hundreds of times.
        pages = with_going_on(paginate_beside(events, record, settings["TIMELINE_PAGE_LIMIT"],
                                              address(settings, "ACTOR", slug=actor.slug)))
        votes = vote_strip(timeline, actor, settings["TIMELINE_PAGE_LIMIT"], references) if record else {}
        axis = axis_of(timeline, settings, events, places(pages))
        first, *rest = listing_pages(
            pages, "actor", {"record": share_out(record, pages),
                             "stances": share_out(timeline.stances_of(actor), pages),
                             "quotes": share_out(timeline.quotes_by_actor[actor.slug], pages)},
            actor=actor, count=len(events), axis=axis, **votes, json_ld=script_json(actor_json_ld(actor, settings)),
            page_feeds=page_feeds(titles, settings["ACTOR_FEED_ATOM"].format(slug=actor.slug)))
        planned += [replace(first, search_group=first.save_as, bodies=(actor,)),
                    *(replace(page, bodies=(actor,)) for page in rest)]
    return planned


def vote_strip(timeline: Timeline, actor: Actor, limit: int, references: list[Actor]) -> dict:
    """A state's votes at a glance: its record in one line, how often it voted with the majority and with each
    reference state, where it changed its vote on a question, and its position on each vote, the latest `limit`
    of a longer record (the votes pages have them all), so that its page does not grow with the record."""
    cells = timeline.cells_of(actor)
    return {"strip": cells[-limit:], "votes_on_record": len(cells), "summary": timeline.record_summary(actor),
            "agreement": timeline.agreement(actor, references), "changes": timeline.changes_of(actor)[-limit:]}


def former_addresses(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan a page at the former address of each renamed actor (one per alias), which sends readers on to its
    page now, so that old links and bookmarks still lead there."""
    return [PlannedPage(*address(settings, "ACTOR", slug=alias)(), "redirect", {"actor": actor}, in_sitemap=False)
            for actor in timeline.actors for alias in actor.aliases]


def actors_index(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    return [single_page(settings, "ACTORS_INDEX", "actors", groups=timeline.actors_by_kind)]


def figures_page(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan the page of reported figures, when any event reports one."""
    if not timeline.figures:
        return []
    chart = figures_chart(timeline.figures, settings["TIMELINE_MEASURES"])
    return [replace(single_page(settings, "FIGURES", "figures", rows=timeline.figures, chart=chart),
                    search_group="figures")]


# The cells of a votes page's table, at most (about 180 KB of HTML), and the fewest votes a page holds.
MATRIX_CELLS, MIN_VOTES_A_PAGE = 4000, 5


def votes_page(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan the votes page, when the record holds a vote: every state's position on every vote, and the
    tallies over time."""
    if not timeline.votes:
        return []
    # A long record's votes continue on numbered pages, as a listing's events do, each with the table and the
    # charts of its own votes, so that no page grows with the record: a page holds fewer votes where more
    # states vote, since each of its cells is some 40 bytes of HTML.
    per_page = min(settings["TIMELINE_PAGE_LIMIT"], max(MIN_VOTES_A_PAGE, MATRIX_CELLS // max(1, len(timeline.voters))))
    pages = paginate(timeline.votes, per_page, address(settings, "VOTES"))
    # The bodies that voted, by name, in the order of their first vote, for the page's introduction.
    bodies = in_words(event.body.name for event in timeline.votes if event.body and event.body.members)
    return listing_pages(pages, "votes", {"matrix": [timeline.vote_matrix(page.events) for page in pages],
                                          "charts": [tally_charts(page.events) for page in pages],
                                          "group_charts": [group_charts(page.events) for page in pages]},
                         bodies=bodies)


def corrections_page(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan the page of every correction, newest first, when any event has one; it links to their feed."""
    if not timeline.corrections:
        return []
    feed = [(_(CORRECTIONS_FEED_TITLE), settings["CORRECTIONS_FEED_ATOM"])] if settings["TIMELINE_FEEDS"] else []
    return [single_page(settings, "CORRECTIONS", "corrections", rows=timeline.corrections, page_feeds=feed)]


def search_page(timeline: Timeline, settings: dict, shards: list[Shard], own_pages: bool) -> list[PlannedPage]:
    """Plan the search page, which loads the shards' indexes in order, with the choices of its filters: the
    types of what it finds (events by type, actors by kind, pages), the years and the actors. Each choice's
    value is the one the indexed pages give Pagefind's filter (event.html, actor.html, indexed_attributes)."""
    nav = navigation(timeline, settings)
    groups = [(label, actors) for label, actors in timeline.actors_by_kind if actors]
    kinds = [(actors[0].kind, label) for label, actors in groups]
    pages = [("page", _("Pages"))] if own_pages or timeline.figures else []
    types = [(label, choices) for label, choices in ((_("Events"), nav["types"]), (_("Actors"), kinds),
                                                    (_("Other"), pages)) if choices]
    return [single_page(settings, "SEARCH", "search", nav=nav, indexes=[shard.folder for shard in shards],
                        filter_types=types, actor_groups=groups)]


def year_pages(timeline: Timeline, settings: dict, years: dict[int, list[ListingPage]]) -> list[PlannedPage]:
    """Plan each year's pages, each with the axis of its year."""
    nav = navigation(timeline, settings)
    return [page for year, events in timeline.events_by_year.items()
            for page in listing_pages(years[year], "listing", kicker=_("Year"), heading=str(year),
                                      count=len(events), nav=nav, year_in_title=True,
                                      axis=axis_of(timeline, settings, events, places(years[year]), one_year(year),
                                                   year_links=False))]


def type_pages(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    nav, titles = navigation(timeline, settings), feed_titles(timeline, settings)
    types = settings["TIMELINE_EVENT_TYPES"]
    planned = []
    for slug, events in timeline.events_of_type().items():
        pages = with_going_on(listing(settings, events, "TYPE", slug=slug))
        planned += listing_pages(pages, "listing", kicker=_("Event type"), heading=types[slug], count=len(events),
                                 nav=nav, year_in_title=False, axis=axis_of(timeline, settings, events, places(pages)),
                                 page_feeds=page_feeds(titles, settings["TYPE_FEED_ATOM"].format(slug=slug)))
    return planned


def chronology_pages(timeline: Timeline, settings: dict) -> list[PlannedPage]:
    """Plan the chronology, every event with its body and notes: one document while the record is short
    enough, else in parts of whole months."""
    pages = listing(settings, timeline.events, "CHRONOLOGY")
    return [replace(page, bodies=tuple(page.values["events"]))
            for page in listing_pages(pages, "chronology", {"chronology": [chronology(page.events) for page in pages]})]
