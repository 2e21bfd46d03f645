"""A reader's checks on the real site: the timeline, the event pages, the actor pages and the links."""

from __future__ import annotations

import datetime
import re

import pytest

from timeline.outputcheck import check_output

HEADLINE_EVENTS = [
    ("2023-02-23-ga-es-11-6-just-peace", "23 February 2023", "141 in favour", "7 against", "32 abstaining"),
    ("2023-03-17-icc-warrants-putin-lvova-belova", "17 March 2023", None, None, None),
    ("2025-11-23-geneva-talks", "23 November 2025", None, None, None),
    ("2025-12-03-ga-es-11-9-return-of-children", "3 December 2025", "91 in favour", "12 against",
     "57 abstaining"),
]


def cards(soup):
    return soup.select("article.event-card")


def card_date(card) -> str:
    return card.select_one(".event-meta time")["datetime"]


def test_home_page_lists_every_event_in_date_order(site):
    home = site.page("/")
    dates = [card_date(card) for card in cards(home)]
    event_pages = sorted(p.parent.name for p in (site.output / "events").glob("*/index.html"))
    assert len(dates) == len(event_pages) >= 4
    assert dates == sorted(dates)


@pytest.mark.parametrize("slug, date, yes, no, abstain", HEADLINE_EVENTS)
def test_headline_events_show_date_and_tally_on_the_timeline(site, slug, date, yes, no, abstain):
    card = site.page("/").find("article", id=slug)
    assert card is not None, f"{slug} is not on the timeline"
    assert card.select_one(".event-meta time").get_text() == date
    tally = card.select_one(".tally-text")
    if yes is None:
        assert tally is None
    else:
        text = " ".join(tally.get_text().split())
        assert yes in text and no in text and abstain in text
        assert card.select_one("svg.tally-bar") is not None


def test_timeline_groups_events_by_year_and_month_with_a_year_navigation(site):
    home = site.page("/")
    years = [h.get_text() for h in home.select("h2.year-heading")]
    assert years == sorted(years) and "2023" in years and "2025" in years
    year_links = [a["href"] for a in home.select("nav.filter-nav a") if "years/" in a["href"]]
    assert year_links == [f"./years/{y}/" for y in years]
    months_2025 = [h.get_text() for h in home.select("#y2025 h3.month-heading")]
    assert "November 2025" in months_2025 and "December 2025" in months_2025


def test_event_page_shows_tally_positions_quotes_sources_and_neighbours(site):
    page = site.page("/events/2025-12-03-ga-es-11-9-return-of-children/")
    assert "A/RES/ES-11/9" in page.h1.get_text()
    text = " ".join(page.select_one("figure.tally").get_text().split())
    assert "91 in favour" in text and "12 against" in text and "57 abstaining" in text
    rects = {r["class"][0]: int(r["width"]) for r in page.select("svg.tally-bar rect")}
    assert (rects["tally-yes"], rects["tally-no"], rects["tally-abstain"]) == (91, 12, 57)
    votes = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in page.select("table.positions tbody tr")}
    assert votes["Russian Federation"] == "No" and votes["Ukraine"] == "Yes" and votes["United States"] == "Yes"
    speakers = [fig.select_one("figcaption a").get_text() for fig in page.select("figure.quote")]
    assert "Mariana Betsa" in speakers
    sources = page.select("ol.sources > li")
    assert sources and all(li.a["href"].startswith("https://") for li in sources)
    assert page.select_one("nav.neighbours a[rel=prev]") is not None


def test_sources_disagreeing_are_shown_on_the_page(site):
    page = site.page("/events/2025-12-03-ga-es-11-9-return-of-children/")
    disputes = page.select("aside.conflict")
    assert disputes, "the twelfth 'no' vote and the co-sponsor count are disputed in the fact sheet"
    twelfth = next(d.get_text(" ") for d in disputes if "twelfth" in d.get_text())
    assert "Korea" in twelfth and "Congo" in twelfth and "No official record settles it" in twelfth


def event_actor_names(site) -> dict[str, set[str]]:
    """For each event page, the actor pages it links to from its list of actors."""
    named = {}
    for path in (site.output / "events").glob("*/index.html"):
        page = site.page(f"/events/{path.parent.name}/")
        section = page.find("h2", id="actors-h").find_parent("section")
        named[path.parent.name] = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in section.select("a")}
    return named


def test_every_actor_page_lists_exactly_the_events_that_name_it(site):
    named = event_actor_names(site)
    actors = {actor for names in named.values() for actor in names}
    for actor in actors:
        page = site.page(f"/actors/{actor}/")
        section = page.find("h2", id="events-h").find_parent("section")
        listed = {card["id"] for card in section.select("article.event-card")}
        assert listed == {event for event, names in named.items() if actor in names}, actor
        dates = [card_date(card) for card in section.select("article.event-card")]
        assert dates == sorted(dates), actor


def test_actors_index_groups_every_actor_by_kind(site):
    index = site.page("/actors/")
    headings = [h.get_text() for h in index.select("h2")]
    assert [h.split(" (")[0] for h in headings] == ["States", "Organisations", "People"]
    listed = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in index.select("ul.actor-index a")}
    pages = {p.parent.name for p in (site.output / "actors").glob("*/index.html")}
    assert listed == pages


def test_a_state_page_shows_its_voting_record(site):
    page = site.page("/actors/united-states/")
    rows = {row.th.a.get_text(strip=True): row.select_one("td.vote").get_text(strip=True)
            for row in page.select("table.record tbody tr")}
    assert rows["A/RES/ES-11/9"] == "Yes"
    assert rows["A/RES/ES-11/6"] == "Yes"


def test_a_person_page_shows_what_they_said(site):
    page = site.page("/actors/mariana-betsa/")
    quotes = [q.get_text(" ", strip=True) for q in page.select("figure.quote blockquote")]
    assert any("largest state abduction operation in history" in q for q in quotes)
    assert page.select_one(".lede a")["href"].rstrip("/").endswith("actors/ukraine")


def test_every_link_asset_anchor_title_and_heading_of_the_built_site_checks_out(site):
    assert len(list(site.output.rglob("*.html"))) > 50
    assert [str(problem) for problem in check_output(site.output)] == []
