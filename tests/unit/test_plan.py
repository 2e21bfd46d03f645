"""The plan of a build, made from a timeline and the settings alone: which pages the site has, where each
is saved, and which of them the search index holds, in which shard."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace

import pytest

from examples import actor, event
from pelican.plugins.timeline.model import Correction, Timeline
from pelican.plugins.timeline.plan import PlannedPage, SitePlan, plan_site
from pelican.plugins.timeline.settings import DEFAULTS

UKRAINE, RUSSIA, CHINA = actor("ukraine"), actor("russian-federation"), actor("china")
# Six events in four months; Ukraine is in all of them, Russia in one, China in none.
EVENTS = [event("2023-01-10", "first", [UKRAINE, RUSSIA]), event("2023-01-20", "second", [UKRAINE]),
          event("2023-02-24", "third", [UKRAINE]), event("2023-03-02", "fourth", [UKRAINE]),
          event("2023-03-16", "fifth", [UKRAINE]), event("2024-05-05", "sixth", [UKRAINE])]
SETTINGS = {**DEFAULTS, "SITEURL": "", "TIMELINE_HOME_LIMIT": 3, "TIMELINE_PAGE_LIMIT": 2,
            "TIMELINE_SEARCH_SHARD_SIZE": 3}


@pytest.fixture
def site() -> SitePlan:
    return plan_site(Timeline(list(EVENTS), [UKRAINE, RUSSIA, CHINA]), SETTINGS)


def page_at(site: SitePlan, save_as: str) -> PlannedPage:
    return next(page for page in site.pages if page.save_as == save_as)


def test_every_event_has_exactly_one_page_at_its_event_save_as(site):
    event_pages = [page for page in site.pages if page.template == "event"]
    assert [(page.save_as, page.url, page.values["event"]) for page in event_pages] == \
        [(f"events/{e.slug}/index.html", f"events/{e.slug}/", e) for e in EVENTS]


def test_an_actor_with_more_events_than_a_page_holds_continues_on_numbered_pages(site):
    ukraine = [page for page in site.pages if page.template == "actor" and page.values["actor"] is UKRAINE]
    assert [page.save_as for page in ukraine] == ["actors/ukraine/index.html", "actors/ukraine/page/2/index.html",
                                                  "actors/ukraine/page/3/index.html", "actors/ukraine/page/4/index.html"]
    assert [[e.slug for e in page.values["events"]] for page in ukraine] == \
        [[e.slug for e in EVENTS[:2]], [EVENTS[2].slug], [e.slug for e in EVENTS[3:5]], [EVENTS[5].slug]]
    assert page_at(site, "actors/china/index.html").values["events"] == []


def test_no_two_planned_pages_share_a_file_or_an_address(site):
    assert [name for name, times in Counter(page.save_as for page in site.pages).items() if times > 1] == []
    assert [url for url, times in Counter(page.url for page in site.pages).items() if times > 1] == []


def test_the_shards_hold_exactly_the_event_pages_then_actors_first_pages_keeping_months_together(site):
    assert [shard.pages for shard in site.shards] == [
        tuple(f"events/{e.slug}/index.html" for e in EVENTS[:3]),  # January and February
        tuple(f"events/{e.slug}/index.html" for e in EVENTS[3:]),  # March 2023 and May 2024
        ("actors/china/index.html", "actors/russian-federation/index.html", "actors/ukraine/index.html"),
    ]
    assert {page.save_as for page in site.pages if page.search_group} == \
        {save_as for shard in site.shards for save_as in shard.pages}


def test_the_search_page_loads_every_shard_in_order(site):
    assert page_at(site, "search/index.html").values["indexes"] == ["pagefind/1/", "pagefind/2/", "pagefind/3/"]


def test_a_record_longer_than_the_home_limit_shows_only_its_latest_whole_months_at_home(site):
    home = page_at(site, "index.html")
    shown = [e.slug for year in home.values["years"] for month in year.months for e in month.events]
    assert shown == [e.slug for e in EVENTS[3:]]
    assert home.values["recent_period"] == "March 2023 – May 2024"


def test_a_short_record_is_all_on_the_home_page_and_in_one_shard():
    site = plan_site(Timeline(EVENTS[:2], [UKRAINE, RUSSIA]), {**DEFAULTS, "SITEURL": ""})
    home = page_at(site, "index.html")
    assert home.values["recent_period"] is None
    assert [e for year in home.values["years"] for month in year.months for e in month.events] == EVENTS[:2]
    assert [shard.folder for shard in site.shards] == ["pagefind/1/"]


def test_each_year_and_each_type_has_its_listing_and_the_chronology_holds_every_event(site):
    listings = {page.save_as: [e.slug for e in page.values["events"]] for page in site.pages
                if page.template in ("listing", "chronology")}
    assert listings["years/2024/index.html"] == [EVENTS[5].slug]
    assert listings["years/2023/page/3/index.html"] == [e.slug for e in EVENTS[3:5]]
    assert [slug for save_as, slugs in listings.items() if save_as.startswith("types/vote/") for slug in slugs] == \
        [e.slug for e in EVENTS]
    assert [slug for save_as, slugs in listings.items() if save_as.startswith("chronology/") for slug in slugs] == \
        [e.slug for e in EVENTS]


def test_the_corrections_page_is_planned_only_when_an_event_has_a_correction(site):
    assert not [page for page in site.pages if page.template == "corrections"]
    corrected = event("2023-01-12", "corrected", [UKRAINE], corrections=[
        Correction(datetime.date(2023, 2, 1), "The date."), Correction(datetime.date(2023, 3, 1), "The place.")])
    page = page_at(plan_site(Timeline([*EVENTS, corrected], [UKRAINE, RUSSIA]), SETTINGS), "corrections/index.html")
    assert (page.url, page.template) == ("corrections/", "corrections")
    assert [(row.event, row.correction.note) for row in page.values["rows"]] == \
        [(corrected, "The place."), (corrected, "The date.")]


def test_a_renamed_actor_has_a_page_at_each_former_address_that_no_sitemap_or_search_lists():
    renamed = replace(actor("russian-federation"), aliases=("russia", "the-russian-federation"))
    site = plan_site(Timeline(EVENTS[:1], [UKRAINE, renamed]), SETTINGS)
    former = [page for page in site.pages if page.template == "redirect"]
    assert [(page.url, page.save_as, page.values["actor"]) for page in former] == [
        ("actors/russia/", "actors/russia/index.html", renamed),
        ("actors/the-russian-federation/", "actors/the-russian-federation/index.html", renamed)]
    assert [(page.in_sitemap, page.search_group) for page in former] == [(False, None)] * 2
    assert all(page.in_sitemap for page in site.pages if page.template != "redirect")


def test_the_home_axis_links_a_crowded_month_to_its_place_on_its_year_s_page_when_the_home_lists_it_not():
    crowded = [event(f"2023-01-0{day}", name, [UKRAINE]) for day, name in zip(range(1, 5), "abcd")]
    latest = event("2024-05-05", "latest", [UKRAINE])
    site = plan_site(Timeline([*crowded, latest], [UKRAINE]), SETTINGS)
    home = page_at(site, "index.html").values
    [group] = home["axis"].groups
    assert (group.label, group.href) == ("January 2023: 4 events", "years/2023/#2023-01-01-a")
    assert [mark.href for mark in home["axis"].marks] == [latest.url]
    assert [year.href for year in home["axis"].years] == ["years/2023/", "years/2024/"]
    year = page_at(site, "years/2023/page/2/index.html").values["axis"]
    assert [tick.year for tick in year.years] == [2023] and year.years[0].href is None
    assert year.groups[0].href == "years/2023/#2023-01-01-a"


def test_pelicans_own_pages_are_searched_in_a_shard_after_ours(site):
    about = plan_site(Timeline(list(EVENTS), [UKRAINE, RUSSIA, CHINA]), SETTINGS, ("about/index.html",))
    assert about.shards[:-1] == site.shards
    assert about.shards[-1].pages == ("about/index.html",)


def test_the_search_page_offers_as_filters_the_types_years_and_actors_the_record_has(site):
    search = page_at(site, "search/index.html").values
    assert search["filter_types"] == [("Events", [("vote", "Vote")]), ("Actors", [("state", "States")])]
    assert search["nav"]["years"] == [2023, 2024]
    # Every actor has a page search finds, China too, though no event names it; in the order of their names.
    assert search["actor_groups"] == [("States", [CHINA, RUSSIA, UKRAINE])]
    with_pages = plan_site(Timeline(list(EVENTS), [UKRAINE, RUSSIA]), SETTINGS, ("about/index.html",))
    assert page_at(with_pages, "search/index.html").values["filter_types"][-1] == ("Other", [("page", "Pages")])
