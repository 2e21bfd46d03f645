"""What the site consists of: each page, the template that draws it and what the template is given."""

from __future__ import annotations

from collections.abc import Callable

from .charts import figures_chart
from .citations import chronology
from .feeds import feeds
from .linked_data import actor_json_ld, event_json_ld, script_json
from .model import ListingPage, Timeline, group_by_month, most_recent, paginate, share_out
from .page_cache import PageCache
from .search import SearchIndexer


def fragment_cache() -> Callable:
    """The template function `cached`: `{% call cached(key, …) %}body{% endcall %}` draws the body once for
    each key, then gives the same HTML. A new one for every build, since the content may have changed."""
    drawn: dict[tuple, str] = {}

    def cached(*key, caller: Callable[[], str]) -> str:
        if key not in drawn:
            drawn[key] = caller()
        return drawn[key]
    return cached


def write_pages(writer, timeline: Timeline, context: dict, settings: dict, get_template,
                cache: PageCache, search: SearchIndexer) -> list[str]:
    """Write every page of the timeline that has changed, telling the search index of each page in place;
    return all their URLs, for the sitemap."""
    urls = []

    def address(pattern: str, slots: dict | None = None) -> Callable[[int], tuple[str, str]]:
        """Where page `number` of a listing goes: the first at the pattern's URL, the others below it."""
        url, save_as = (settings[f"{pattern}_{suffix}"].format(**(slots or {})) for suffix in ("URL", "SAVE_AS"))

        def at(number: int = 1) -> tuple[str, str]:
            if number == 1:
                return url, save_as
            return tuple(settings[f"TIMELINE_PAGE_{suffix}"].format(url=url, number=number)
                         for suffix in ("URL", "SAVE_AS"))
        return at

    def write(where: tuple[str, str], template: str, **values) -> None:
        url, save_as = where
        urls.append(url)
        if not cache.unchanged(save_as, template, values):
            writer.write_file(save_as, get_template(template), context, settings["RELATIVE_URLS"],
                              page_url=url, **values)
        search.placed(save_as)

    def pages_of(events, pattern: str, slots: dict | None = None) -> list[ListingPage]:
        return paginate(events, settings["TIMELINE_PAGE_LIMIT"], address(pattern, slots))

    def write_listing(pages: list[ListingPage], template: str, per_page: dict[str, list] | None = None,
                      **values) -> None:
        """Every page of a listing; `per_page` holds values that differ from page to page."""
        links = [page.link for page in pages]
        for index, page in enumerate(pages):
            own = {name: shares[index] for name, shares in (per_page or {}).items()}
            write((page.url, page.save_as), template, listing=page, listing_pages=links, events=page.events,
                  years=page.years, **own, **values)

    # A page links to its own feed (its actor's, its type's) when feeds are written.
    feed_titles = ({path: title for path, title, _ in feeds(timeline, settings)}
                   if settings["TIMELINE_FEEDS"] else {})

    def page_feeds(pattern: str, slug: str) -> list[tuple[str, str]]:
        path = settings[pattern].format(slug=slug)
        return [(feed_titles[path], path)] if path in feed_titles else []

    types = settings["TIMELINE_EVENT_TYPES"]
    by_type = timeline.events_of_type()
    nav = {"years": [year.year for year in timeline.years],
           "types": [(slug, types[slug]) for slug in types if slug in by_type]}
    # A small site shows everything on its home page; a large one its latest months, the rest by year.
    if len(timeline.events) <= settings["TIMELINE_HOME_LIMIT"]:
        home, recent_period = timeline.events, None
    else:
        home, recent_period = most_recent(timeline.events, settings["TIMELINE_HOME_LIMIT"])
    write(address("TIMELINE")(), "index", years=group_by_month(home), nav=nav, recent_period=recent_period,
          actor_groups=timeline.named_actors_by_kind)
    for event in timeline.events:
        write(address("EVENT", {"slug": event.slug})(), "event", event=event,
              json_ld=script_json(event_json_ld(event, settings)),
              data_url=settings["EVENT_JSON"].format(slug=event.slug))
    for actor in timeline.actors:
        events = timeline.events_by_actor[actor.slug]
        pages = pages_of(events, "ACTOR", {"slug": actor.slug})
        record = timeline.record_of(actor) if actor.kind == "state" else []
        write_listing(pages, "actor", {"record": share_out(record, pages),
                                       "stances": share_out(timeline.stances_of(actor), pages),
                                       "quotes": share_out(timeline.quotes_by_actor[actor.slug], pages)},
                      actor=actor, count=len(events), json_ld=script_json(actor_json_ld(actor, settings)),
                      page_feeds=page_feeds("ACTOR_FEED_ATOM", actor.slug))
    write(address("ACTORS_INDEX")(), "actors", groups=timeline.actors_by_kind)
    if timeline.figures:
        write(address("FIGURES")(), "figures", rows=timeline.figures, chart=figures_chart(timeline.figures))
    write(address("SEARCH")(), "search", nav=nav, indexes=search.folders)
    for year in timeline.years:
        write_listing(pages_of(year.events, "YEAR", {"year": year.year}), "listing", kicker="Year",
                      heading=str(year.year), count=len(year.events), nav=nav)
    for slug, events in by_type.items():
        write_listing(pages_of(events, "TYPE", {"slug": slug}), "listing", kicker="Event type",
                      heading=types[slug], count=len(events), nav=nav,
                      page_feeds=page_feeds("TYPE_FEED_ATOM", slug))
    # The chronology holds every event with its body: one document while the record is short enough.
    pages = pages_of(timeline.events, "CHRONOLOGY")
    write_listing(pages, "chronology", {"chronology": [chronology(page.events) for page in pages]})
    return urls
