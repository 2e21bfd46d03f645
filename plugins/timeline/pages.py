"""What the site consists of: each page, the template that draws it and what the template is given."""

from __future__ import annotations

from .charts import figures_chart
from .citations import chronology
from .feeds import feeds
from .linked_data import actor_json_ld, event_json_ld, script_json
from .model import Timeline, group_by_month


def write_pages(writer, timeline: Timeline, context: dict, settings: dict, get_template) -> list[str]:
    """Write every page of the timeline; return their URLs, for the sitemap."""
    urls = []

    def write(pattern: str, template: str, slots: dict | None = None, **values) -> None:
        url, save_as = (settings[f"{pattern}_{suffix}"].format(**(slots or {}))
                        for suffix in ("URL", "SAVE_AS"))
        writer.write_file(save_as, get_template(template), context, settings["RELATIVE_URLS"],
                          page_url=url, **values)
        urls.append(url)

    # A page links to its own feed (its actor's, its type's) when feeds are written.
    feed_titles = ({path: title for path, title, _ in feeds(timeline, settings)}
                   if settings["TIMELINE_FEEDS"] else {})

    def page_feeds(pattern: str, slug: str) -> list[tuple[str, str]]:
        path = settings[pattern].format(slug=slug)
        return [(feed_titles[path], path)] if path in feed_titles else []

    types = settings["TIMELINE_EVENT_TYPES"]
    nav = {"years": [year.year for year in timeline.years],
           "types": [(slug, types[slug]) for slug in types if slug in timeline.events_of_type()]}
    write("TIMELINE", "index", years=timeline.years, nav=nav, actor_groups=timeline.named_actors_by_kind)
    for event in timeline.events:
        write("EVENT", "event", slots={"slug": event.slug}, event=event,
              json_ld=script_json(event_json_ld(event, settings)),
              data_url=settings["EVENT_JSON"].format(slug=event.slug))
    for actor in timeline.actors:
        write("ACTOR", "actor", slots={"slug": actor.slug}, actor=actor,
              json_ld=script_json(actor_json_ld(actor, settings)),
              page_feeds=page_feeds("ACTOR_FEED_ATOM", actor.slug),
              events=timeline.events_by_actor[actor.slug], quotes=timeline.quotes_by_actor[actor.slug],
              record=timeline.record_of(actor) if actor.kind == "state" else [])
    write("ACTORS_INDEX", "actors", groups=timeline.actors_by_kind)
    if timeline.figures:
        write("FIGURES", "figures", rows=timeline.figures, chart=figures_chart(timeline.figures))
    write("SEARCH", "search", nav=nav)
    for year in timeline.years:
        write("YEAR", "listing", slots={"year": year.year}, kicker="Year", heading=str(year.year),
              years=[year], count=len(year.events), nav=nav)
    for slug, events in timeline.events_of_type().items():
        write("TYPE", "listing", slots={"slug": slug}, kicker="Event type", heading=types[slug],
              years=group_by_month(events), count=len(events), nav=nav,
              page_feeds=page_feeds("TYPE_FEED_ATOM", slug))
    write("CHRONOLOGY", "chronology", chronology=chronology(timeline.events))
    return urls
