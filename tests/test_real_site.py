"""A reader's checks on the real site: the timeline, the event pages, the actor pages and the links."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, section
from pelican.plugins.timeline.outputcheck import check_output
from pelican.plugins.timeline.skeleton import project_settings

# The home page lists every event while there are at most this many, else only the latest months.
HOME_LIMIT = project_settings(str(ROOT / "pelicanconf.py"))["TIMELINE_HOME_LIMIT"]

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


def events_in_order(site) -> list[dict]:
    """Return every event in the record's order (from events.json, which test_open_data checks against the files)."""
    return json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]


def test_home_page_lists_every_event_in_date_order_or_the_latest_once_there_are_too_many(site):
    home = cards(site.page("/"))
    everything = [event["id"] for event in events_in_order(site)]
    shown = [card["id"] for card in home]
    assert shown == (everything if len(everything) <= HOME_LIMIT else everything[-len(shown):])
    dates = [card_date(card) for card in home]
    assert dates and dates == sorted(dates)


def year_card(site, slug: str):
    """Find the event's card on the timeline of its year, on whichever of the year's pages holds it."""
    pages = site.listing(f"/years/{slug[:4]}/")
    return next((card for page in pages if (card := page.find("article", id=slug))), None)


@pytest.mark.parametrize("slug, date, yes, no, abstain", HEADLINE_EVENTS)
def test_headline_events_show_date_and_tally_on_the_timeline_of_their_year(site, slug, date, yes, no, abstain):
    card = year_card(site, slug)
    assert card is not None, f"{slug} is not on the timeline of its year"
    assert card.select_one(".event-meta time").get_text() == date
    tally = card.select_one(".tally-text")
    if yes is None:
        assert tally is None
    else:
        text = " ".join(tally.get_text().split())
        assert yes in text and no in text and abstain in text
        assert card.select_one("svg.tally-bar") is not None


def test_timeline_groups_events_by_year_and_month_with_a_navigation_to_every_year(site):
    home = site.page("/")
    years = [h.get_text() for h in home.select("h2.year-heading")]
    record_years = sorted({event["date"][:4] for event in events_in_order(site)})
    assert years == sorted(years) and set(years) <= set(record_years)
    assert "2023" in record_years and "2025" in record_years
    year_links = [a["href"] for a in home.select("nav.filter-nav a") if "years/" in a["href"]]
    assert year_links == [f"./years/{y}/" for y in record_years]
    months_2025 = [h.get_text() for page in site.listing("/years/2025/") for h in page.select("h2.month-heading")]
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
    assert disputes, "the count of the states that put the text forward is disputed by the event's sources"
    drafters = next(d.get_text(" ") for d in disputes if "put the text forward" in d.get_text())
    assert "48 co-authors" in drafters and "39 submitting states" in drafters and "No source settles it" in drafters
    assert "one of the sources consulted" not in page.get_text()
    # The dispute over the twelfth vote against was settled by the UN's roll call, and the page says so.
    assert not [d for d in disputes if "twelfth" in d.get_text()]
    no = page.select_one("section.roll-call h3#roll-call-no").find_next("ul").get_text()
    assert "Democratic People's Republic of Korea" in no and "Democratic Republic of the Congo" not in no


def event_actor_names(site) -> dict[str, set[str]]:
    """For each event page, the actor pages it links to from its list of actors."""
    named = {}
    for path in (site.output / "events").glob("*/index.html"):
        page = site.page(f"/events/{path.parent.name}/")
        links = section(page, "actors-h").select("a")
        named[path.parent.name] = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links}
    return named


def test_every_actor_page_lists_exactly_the_events_that_name_it(site):
    named = event_actor_names(site)
    actors = {actor for names in named.values() for actor in names}
    for actor in actors:
        listed = [card for page in site.listing(f"/actors/{actor}/")
                  for card in section(page, "events-h").select("article.event-card")]
        assert {card["id"] for card in listed} == {event for event, names in named.items() if actor in names}, actor
        dates = [card_date(card) for card in listed]
        assert dates == sorted(dates), actor


def test_actors_index_groups_every_actor_by_kind(site):
    index = site.page("/actors/")
    headings = [h.get_text() for h in index.select("h2")]
    assert [h.split(" (")[0] for h in headings] == ["States", "Organisations", "People"]
    listed = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in index.select("ul.actor-index a")}
    pages = {p.parent.name for p in (site.output / "actors").glob("*/index.html")}
    assert listed == pages


def test_a_person_page_shows_what_they_said(site):
    page = site.page("/actors/mariana-betsa/")
    quotes = [q.get_text(" ", strip=True) for q in page.select("figure.quote blockquote")]
    assert any("largest state abduction operation in history" in q for q in quotes)
    assert page.select_one(".lede a")["href"].rstrip("/").endswith("actors/ukraine")


def test_every_link_asset_anchor_title_and_heading_of_the_built_site_checks_out(site):
    assert [str(problem) for problem in check_output(site.output)] == []


def test_a_year_page_names_its_year_once_in_its_title_and_heads_its_months_under_it(site):
    for path in sorted((site.output / "years").glob("*/index.html")):
        page = site.page(str(path.relative_to(site.output)))
        year = path.parent.name
        assert [h.name for h in page.find_all(["h1", "h2", "h3"]) if h.get_text(strip=True) == year] == ["h1"], path
        assert page.select(".month-heading") and all(h.name == "h2" for h in page.select(".month-heading")), path


def test_a_type_page_still_heads_each_year_of_its_events(site):
    page = site.page("/types/vote/")
    assert [h.name for h in page.select(".year-heading")] == ["h2"] * len(page.select("section.year"))
    assert all(h.name == "h3" for h in page.select(".month-heading"))


def test_the_site_has_an_icon_at_its_root_and_every_page_links_its_svg_icon(site):
    assert (site.output / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    for path in (site.output / "index.html", *sorted((site.output / "events").glob("*/index.html"))[:3]):
        page = site.page(str(path.relative_to(site.output)))
        icon = page.select_one('link[rel="icon"]')
        assert icon["type"] == "image/svg+xml", path
        svg = (path.parent / icon["href"]).resolve()
        assert svg.is_file() and svg.read_text(encoding="utf-8").startswith("<svg"), path
