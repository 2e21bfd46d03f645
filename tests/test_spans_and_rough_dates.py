"""A reader's and a reuser's checks on an event of two days and one known only as "late December": how the
pages write them, where the timeline puts them, and what the data, the JSON-LD and the feeds keep of them."""

from __future__ import annotations

import copy
import csv
import json
import shutil

import feedparser
import jsonschema
import pytest

from conftest import FIXTURES, SITEURL, build

SUMMIT, ROUGH = "2024-06-15-peace-summit", "2025-12-envoys-meet"
SOURCE = """sources:
  - title: A source
    publisher: A publisher
    date: unknown
    url: https://example.org/a
---
A fixture body.
"""
EVENTS = {
    SUMMIT: "---\ntitle: A summit on peace in Ukraine\ndate: 2024-06-15\nend: 2024-06-16\ntype: summit\n"
            "summary: A fixture summit of two days.\nactors: [ukraine]\n" + SOURCE,
    ROUGH: "---\ntitle: Envoys meet\ndate: 2025-12\ndate_qualifier: late\ntype: talks\n"
           "summary: A fixture meeting known only to late December.\nactors: [ukraine]\n" + SOURCE,
}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture site with the two events added, built as it is published (feeds and addresses on)."""
    root = tmp_path_factory.mktemp("dates")
    shutil.copytree(FIXTURES / "site", root / "content")
    for slug, text in EVENTS.items():
        (root / "content" / "events" / f"{slug}.md").write_text(text, encoding="utf-8")
    result = build(root / "content", root / "output", "publishconf.py", env={"SITEURL": SITEURL})
    assert result.returncode == 0, result.log
    return result


def shown(element) -> tuple[str, list[str]]:
    """The date as a reader sees it, and the dates its <time> elements give machines."""
    return " ".join(element.get_text().split()), [time["datetime"] for time in element.select("time")]


def events_json(published) -> dict:
    return json.loads((published.output / "data" / "events.json").read_text(encoding="utf-8"))


def dates_of(entry: dict) -> tuple:
    return tuple(entry[key] for key in ("date", "precision", "end", "end_precision", "date_qualifier"))


def test_the_event_page_and_its_citation_show_the_span_with_a_time_for_each_day(published):
    page = published.page(f"/events/{SUMMIT}/")
    meta = page.select_one(".page-header .event-meta")
    assert shown(meta) == ("15–16 June 2024 Summit", ["2024-06-15", "2024-06-16"])
    assert shown(page.select_one(".citation"))[0].startswith(
        "“A summit on peace in Ukraine.” Ukraine: the international response, 15–16 June 2024. https://")


def test_the_home_page_cards_say_how_each_date_is_known_in_the_order_the_events_began(published):
    home = published.page("/")
    assert shown(home.find("article", id=SUMMIT).select_one(".event-meta")) == \
        ("15–16 June 2024 Summit", ["2024-06-15", "2024-06-16"])
    assert shown(home.find("article", id=ROUGH).select_one(".event-meta")) == \
        ("late December 2025 Talks", ["2025-12"])
    # Late December begins on the 21st: after the vote of 3 December, though its date is written 2025-12.
    assert [card["id"] for card in home.select("article.event-card")] == \
        ["2022-03", SUMMIT, "2025-12-03-children-vote", ROUGH]
    assert [h.get_text() for h in home.select(".month-heading")] == ["March 2022", "June 2024", "December 2025"]
    vote = published.page("/events/2025-12-03-children-vote/")
    assert vote.select_one('a[rel="next"]')["href"].endswith(f"/events/{ROUGH}/")


def test_the_data_keeps_the_end_its_precision_and_the_qualifier_and_meets_its_schema(published):
    events = {e["id"]: e for e in events_json(published)["events"]}
    assert dates_of(events[SUMMIT]) == ("2024-06-15", "day", "2024-06-16", "day", None)
    assert dates_of(events[ROUGH]) == ("2025-12", "month", None, None, "late")
    own = json.loads((published.output / "data" / "events" / f"{SUMMIT}.json").read_text(encoding="utf-8"))
    assert own == events[SUMMIT]
    with (published.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert (rows[SUMMIT]["end"], rows[SUMMIT]["end_precision"], rows[SUMMIT]["date_qualifier"]) == \
        ("2024-06-16", "day", "")
    assert (rows[ROUGH]["date"], rows[ROUGH]["end"], rows[ROUGH]["date_qualifier"]) == ("2025-12", "", "late")


@pytest.fixture(scope="module")
def validator(published) -> jsonschema.Draft202012Validator:
    schema = json.loads((published.output / "data" / "events.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_schema_accepts_the_span_and_the_rough_date(published, validator):
    validator.validate(events_json(published))


@pytest.mark.parametrize("event, change, field", [
    (SUMMIT, {"end_precision": None}, "end"),
    (SUMMIT, {"end": "2024-06"}, "end"),
    (SUMMIT, {"date_qualifier": "around"}, "date_qualifier"),
    (SUMMIT, {"date_qualifier": "late"}, "precision"),
    (ROUGH, {"end_precision": "month"}, "end"),
])
def test_the_schema_rejects_an_end_or_a_qualifier_the_site_would_refuse(published, validator, event, change, field):
    data = events_json(published)
    entry = copy.deepcopy(next(e for e in data["events"] if e["id"] == event)) | change
    errors = list(validator.iter_errors({**data, "events": [entry]}))
    assert errors and any(field in error.json_path for error in errors), errors


def test_json_ld_gives_the_span_s_start_and_end_and_the_rough_date_as_far_as_it_is_known(published):
    def json_ld(slug):
        return json.loads(published.page(f"/events/{slug}/").select_one('script[type="application/ld+json"]').string)

    assert (json_ld(SUMMIT)["startDate"], json_ld(SUMMIT)["endDate"]) == ("2024-06-15", "2024-06-16")
    assert json_ld(ROUGH)["startDate"] == "2025-12" and "endDate" not in json_ld(ROUGH)


def test_a_feed_entry_is_dated_by_the_start_and_opens_with_the_date_in_words(published):
    feed = feedparser.parse((published.output / "feeds" / "all.atom.xml").read_bytes())
    entries = {entry.link: entry for entry in feed.entries}
    summit, rough = entries[f"{SITEURL}/events/{SUMMIT}/"], entries[f"{SITEURL}/events/{ROUGH}/"]
    assert summit.published.startswith("2024-06-15")
    assert summit.content[0].value.startswith("<p>15–16 June 2024</p>")
    assert rough.content[0].value.startswith("<p>late December 2025</p>")


LONG = "2022-07-22-grain-deal"


def with_long_event(fixture_site, end: str, **settings):
    """Build the fixture site with a deal signed on 22 July 2022 that ran until `end`."""
    (fixture_site.content / "events" / f"{LONG}.md").write_text(
        f"---\ntitle: A deal on grain\ndate: 2022-07-22\nend: {end}\ntype: talks\n"
        "summary: A fixture deal that ran into a later year.\nactors: [ukraine]\n" + SOURCE, encoding="utf-8")
    result = fixture_site(**settings)
    assert result.returncode == 0, result.log
    return result


def test_a_card_carries_every_year_its_event_covers_so_that_each_year_s_filter_finds_it(fixture_site):
    result = with_long_event(fixture_site, "2024-01")
    years = {card["id"]: card["data-year"] for card in result.page("/").select("article.event-card")}
    assert years[LONG] == "2022 2023 2024"
    assert years["2025-12-03-children-vote"] == "2025"


def test_a_long_event_is_on_every_year_page_it_covers_and_each_year_s_axis_says_it_goes_on(fixture_site):
    """A deal from July 2022 to July 2023: listed on the 2023 page (which no event of its own begins in)
    under what goes on from 2022, and drawn on both years' axes with an arrow where the year cuts it."""
    long, result = LONG, with_long_event(fixture_site, "2023-07-17")
    later, first = result.page("/years/2023/"), result.page("/years/2022/")
    assert [card["id"] for card in later.select("article.event-card")] == [long]
    assert [h.get_text(strip=True) for h in later.select(".month-heading")] == ["Going on from 2022"]
    assert long in [card["id"] for card in first.select("article.event-card")]
    assert "2023" in [option["value"] for option in result.page("/").select("select[name=year] option")]
    for page, end in ((first, "after"), (later, "before")):
        link = page.select_one(f'figure.axis a[href$="/events/{long}/"]')
        shapes = [use["href"] for use in link.select("use")]
        assert f"#shape-{end}" in shapes, (end, shapes)
        assert any(entry.get_text(strip=True) == "Going on before or after this year"
                   for entry in page.select("figure.axis li")), end
    # The whole record's axis cuts nothing: the span has its type's mark alone.
    home = result.page("/").select_one(f'figure.axis a[href$="/events/{long}/"]')
    assert len(home.select("use")) == 1 and "before" not in home.use["href"]


@pytest.mark.parametrize("limit", [20, 1], ids=["one page", "a page a month"])
def test_a_type_s_and_an_actor_s_listing_name_a_long_event_again_in_each_later_year(fixture_site, limit):
    """The deal, from July 2022 into 2024, is listed in full under 2022 on its type's and its actor's pages,
    and named, linking to it, at the top of 2023 and of 2024, on one page of the listing each."""
    result = with_long_event(fixture_site, "2024-01", TIMELINE_PAGE_LIMIT=limit)
    for listing in ("types/talks", "actors/ukraine"):
        files = sorted((result.output / listing).rglob("index.html"))
        pages = [result.page(str(file.relative_to(result.output))) for file in files]
        assert limit == 20 or len(pages) > 1 or listing == "types/talks"
        for page in pages:
            ids = [tag["id"] for tag in page.select("[id]")]
            assert len(ids) == len(set(ids)), listing
        assert [card["id"] for page in pages for card in page.select("article.event-card")].count(LONG) == 1
        for year in ("2023", "2024"):
            named = [month for page in pages for month in page.select(f"#y{year} section.month:has(.going-on)")]
            assert len(named) == 1, (listing, year)
            assert named[0].select_one(".month-heading").get_text(strip=True) == "Going on from 2022"
            assert named[0].select_one(f'.going-on a[href$="/events/{LONG}/"]').get_text() == "A deal on grain"
