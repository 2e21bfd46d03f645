"""What a reader sees on the time axis: every event marked at its date or counted in its crowded month, each
mark a named link; years labelled; periods drawn as bands with their sources; each listing's own slice; spans
as bars; and, in the list below, the long quiet stretches named."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from conftest import ROOT, section
from test_pages_stay_small import AXIS_BUDGET

COUNTED = re.compile(r": (\d+) events?$")


def events_in_order(site) -> list[dict]:
    return json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]


def axis_links(page) -> list:
    """The axis's links to events or to their place in the list: every mark and crowded month."""
    return page.select("figure.axis svg a[aria-label]")


def counted(page) -> int:
    """How many events the axis shows: one for each event's own mark, the count of each group."""
    return sum(int(COUNTED.search(link["aria-label"]).group(1)) if COUNTED.search(link["aria-label"]) else 1
               for link in axis_links(page))


def marked_events(page) -> list[str]:
    """The slugs of the events marked one by one."""
    return [link["href"].split("/")[-2] for link in axis_links(page) if link.select_one("use.mark")]


def test_the_home_axis_marks_or_counts_every_event_and_each_mark_is_a_named_link(site):
    home, events = site.page("/"), {event["id"]: event for event in events_in_order(site)}
    assert counted(home) == len(events)
    for link in axis_links(home):
        if link.select_one("use.mark"):
            event = events[link["href"].split("/")[-2]]
            meta = home.find(id=event["id"]).select_one(".event-meta")
            date = "".join(piece.get_text() for piece in meta.children if piece.name in (None, "time")).strip()
            assert link["aria-label"].startswith(f"{date}: {event['title']}"), link["aria-label"]
        else:
            place, slug = urljoin("/", link["href"]).split("#")
            assert site.page(place).find(id=slug) is not None, link["href"]


def test_the_home_axis_labels_every_year_of_the_record_and_links_it_to_its_page(site):
    years = sorted({event["date"][:4] for event in events_in_order(site)})
    labels = site.page("/").select("figure.axis svg text.year-label")
    assert [label.get_text() for label in labels] == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    links = {label.get_text(): label.parent["href"] for label in labels if label.parent.name == "a"}
    assert links == {year: f"./years/{year}/" for year in years}


def test_each_period_is_a_band_with_its_dates_summary_and_sources_that_events_cite(site):
    home = site.page("/")
    cited = {source["url"] for event in events_in_order(site) for source in event["sources"]}
    bands = [text.get_text() for text in home.select("figure.axis g.band text")]
    listed = home.select("figure.axis .axis-periods li")
    files = sorted((ROOT / "content" / "periods").glob("*.md"))
    assert files and len(bands) == len(listed) == len(files)
    for path, item in zip(files, listed):
        title = re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1)
        assert title in bands and item.strong.get_text() == title
        assert item.time is not None and ("ongoing" in item.get_text()) == ("\nend:" not in path.read_text())
        assert {a["href"] for a in item.select(".period-sources a")} <= cited


def test_a_year_page_draws_its_year_alone_with_its_months_named(site):
    for year in sorted({event["date"][:4] for event in events_in_order(site)}):
        pages = site.listing(f"/years/{year}/")
        page = pages[0]
        assert [label.get_text() for label in page.select("figure.axis svg text.year-label")] == [year]
        assert [label.get_text() for label in page.select("figure.axis svg g.month-label text")][:3] == \
            ["Jan", "Feb", "Mar"]
        assert counted(page) == sum(len(p.select("article.event-card")) for p in pages)
        assert all(slug.startswith(year) for slug in marked_events(page))


def test_a_type_page_and_an_actor_page_draw_only_their_own_events(site):
    vote = site.listing("/types/vote/")
    votes = {card["id"] for page in vote for card in page.select("article.event-card")}
    assert counted(vote[0]) == len(votes) and set(marked_events(vote[0])) <= votes
    ukraine = site.listing("/actors/ukraine/")
    events = {card["id"] for page in ukraine for card in section(page, "events-h").select("article.event-card")}
    assert counted(ukraine[0]) == len(events) and set(marked_events(ukraine[0])) <= events


def months_apart(before: str, after: str) -> int:
    (y1, m1), (y2, m2) = (map(int, key.split("-")) for key in (before, after))
    return (y2 - y1) * 12 + m2 - m1


def test_a_long_gap_between_two_listed_months_is_named_in_the_list(site):
    home = site.page("/")
    months = [(heading["id"][1:8], heading.find_previous_sibling("p", class_="gap-note"))
              for heading in home.select("section.month h3.month-heading")]
    named = 0
    for (before, _), (after, note) in zip(months, months[1:]):
        apart = months_apart(before, after)
        assert (note is not None) == (apart >= 3), (before, after)
        if note is not None:
            years, rest = divmod(apart, 12)
            assert note.get_text() == " and ".join(
                [f"{years} year{'s' * (years > 1)}"] * bool(years) + [f"{rest} month{'s' * (rest > 1)}"] * bool(rest)
            ) + " later"
            named += 1
    assert named, "the record has quiet stretches of months"


def test_a_span_is_drawn_as_a_bar_from_its_first_to_its_last_day(fixture_site):
    (fixture_site.content / "events" / "2024-06-15-peace-summit.md").write_text(
        "---\ntitle: A summit on peace\ndate: 2024-06-15\nend: 2024-06-16\ntype: summit\nsummary: Two days.\n"
        "actors: [ukraine]\nsources:\n  - title: A source\n    publisher: A publisher\n    date: unknown\n"
        "    url: https://example.org/a\n---\nA fixture body.\n", encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 0, result.log
    link = next(a for a in axis_links(result.page("/years/2024/")) if "peace-summit" in a["href"])
    assert link["aria-label"] == "15–16 June 2024: A summit on peace (Summit)"
    bar = link.select_one("rect.span")
    assert bar is not None and float(bar["width"].rstrip("%")) > 0 and bar["x"] == link.use["x"]


@pytest.mark.parametrize("date, first_year, labels", [
    ("1900-01-01", 1900, [str(year) for year in range(1900, 2026, 5)]),
    ("0001-01-01", 1, [str(year) for year in range(100, 2026, 100)]),
    ("1979-06", 1900, [str(year) for year in range(1980, 2026, 2)]),
])
def test_an_axis_over_a_long_record_labels_at_most_thirty_years_and_stays_within_its_budget(
        fixture_site, date, first_year, labels):
    (fixture_site.content / "events" / f"{date}-long-ago.md").write_text(
        f"---\ntitle: Long ago\ndate: {date}\ntype: statement\nsummary: Long ago.\nactors: [ukraine]\nsources:\n"
        "  - title: A source\n    publisher: A publisher\n    date: unknown\n    url: https://example.org/a\n---\n"
        "A fixture body.\n", encoding="utf-8")
    result = fixture_site(TIMELINE_FIRST_YEAR=first_year)
    assert result.returncode == 0, result.log
    axis = result.page("/").select_one("figure.axis")
    assert [label.get_text() for label in axis.select("svg text.year-label")] == labels
    assert len(axis.select("svg line.year-tick")) == len(labels) and len(str(axis).encode()) <= AXIS_BUDGET


def test_a_period_resting_on_no_event_s_source_stops_the_build_on_its_line(fixture_site):
    periods = fixture_site.content / "periods"
    periods.mkdir()
    (periods / "talks.md").write_text(
        "---\ntitle: Talks\ndate: 2025-11\nsummary: Talks went on.\nsources:\n  - title: A report\n"
        "    publisher: A publisher\n    date: unknown\n    url: https://example.org/not-cited\n---\n",
        encoding="utf-8")
    result = fixture_site()
    assert result.returncode != 0
    assert result.problems == [
        "content/periods/talks.md:9: sources[0].url: `https://example.org/not-cited` is the source of no event; "
        "expected the address of a source an event in content/events/ cites: a period rests on events already on "
        "the record"]


def test_the_axis_of_the_record_is_within_its_budget_on_every_page_that_draws_it(site):
    pages = [path for path in site.output.rglob("index.html") if b'<figure class="axis">' in path.read_bytes()]
    assert {"index.html", "years/2022/index.html", "types/vote/index.html", "actors/ukraine/index.html"} <= \
        {path.relative_to(site.output).as_posix() for path in pages}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        start = html.index('<figure class="axis">')
        assert len(html[start:html.index("</figure>", start)].encode()) <= AXIS_BUDGET, path
