"""A reader filters the timeline in place, shares the filtered view, and gets it back from the link, even one
shared before an actor was renamed."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlparse

import pytest

import headless
from conftest import FIXTURES, build, layout_shift, page_opener, section
from pelican.plugins.timeline.i18n import THEME_CATALOGUES, translations
from test_renamed_actors import NEW, OLD, renamed_site

pytestmark = pytest.mark.browser


def events_naming(site, actor: str) -> set[str]:
    """Return the events of the actor's pages that the home page lists too (only the latest, on a long record)."""
    named = {card["id"] for page in site.listing(f"/actors/{actor}/")
             for card in section(page, "events-h").select("article.event-card")}
    return named & {card["id"] for card in site.page("/").select("article.event-card")}


def events_of(site, type_: str, year: str | None = None) -> set[str]:
    """Return the events of a type that the home page lists, of one year where given."""
    return {card["id"] for card in site.page("/").select("article.event-card")
            if card["data-type"] == type_ and (year is None or year in card["data-year"].split())}


def visible_events(page) -> set[str]:
    return {card.get_attribute("id") for card in page.locator("article.event-card").all() if card.is_visible()}


def open_filters(page) -> None:
    """Unfold the filters, as a reader does: they are folded behind one summary, so the axis and the first
    events come first."""
    page.get_by_text("Browse and filter the events").click()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_choosing_an_actor_shows_only_its_events_and_says_how_many(site, open_page):
    page = open_page("/")
    total = len(page.locator("article.event-card").all())
    open_filters(page)
    page.get_by_label("Actor", exact=True).select_option(label="China")
    expected = events_naming(site, "china")
    assert 0 < len(expected) < total
    assert visible_events(page) == expected
    assert query(page) == {"actor": ["china"]}
    status = page.get_by_role("status")
    assert status.is_visible()
    assert status.inner_text() == f"Showing {len(expected)} of {total} events."


def test_type_and_year_combine_and_empty_years_and_months_disappear(site, open_page):
    page = open_page("/")
    open_filters(page)
    page.get_by_label("Type", exact=True).select_option(label="Vote")
    page.get_by_label("Year", exact=True).select_option("2023")
    assert visible_events(page) == events_of(site, "vote", "2023") != set()
    assert query(page) == {"type": ["vote"], "year": ["2023"]}
    assert page.get_by_role("heading", name="2023", exact=True).is_visible()
    assert not page.get_by_role("heading", name="2022", exact=True).is_visible()
    assert not page.get_by_role("heading", name="December 2025").is_visible()


def test_a_shared_link_restores_the_filtered_view(site, open_page):
    page = open_page("/?actor=united-states&type=vote")
    assert page.get_by_label("Actor", exact=True).is_visible(), "the filters that made the view are shown"
    assert page.get_by_label("Actor", exact=True).input_value() == "united-states"
    assert page.get_by_label("Type", exact=True).input_value() == "vote"
    assert page.get_by_label("Year", exact=True).input_value() == ""
    expected = events_naming(site, "united-states") & events_of(site, "vote")
    assert visible_events(page) == expected != set()
    assert not page.locator(".gap-note").first.is_visible(), "a gap counted from a hidden month is hidden too"


def test_the_folded_filters_keep_their_room_so_nothing_moves_when_the_script_runs(open_page):
    with_script, without = open_page("/"), open_page("/", java_script_enabled=False)
    place = "() => [...document.querySelectorAll('#filters-fold, article.event-card')].slice(0, 2)" \
        ".map(element => element.getBoundingClientRect().top)"
    assert with_script.evaluate(place) == without.evaluate(place)
    assert layout_shift(with_script) == 0


def test_show_all_clears_the_filters_and_the_link(open_page):
    page = open_page("/?year=2022")
    total = len(page.locator("article.event-card").all())
    assert len(visible_events(page)) < total
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("() => !location.search")
    assert len(visible_events(page)) == total
    assert page.get_by_role("status").inner_text() == f"Showing {total} of {total} events."


def test_a_link_with_an_unknown_value_shows_every_event(open_page):
    page = open_page("/?actor=nobody")
    assert page.get_by_label("Actor", exact=True).input_value() == ""
    assert len(visible_events(page)) == len(page.locator("article.event-card").all())


@pytest.fixture(scope="module")
def open_renamed(browser, tmp_path_factory):
    """Open a page of the fixture site whose Russian Federation was once `russia`, served as the real site is:
    the real record has no actor renamed."""
    root = tmp_path_factory.mktemp("renamed-browser")
    result = build(renamed_site(root), root / "output", TIMELINE_SEARCH_INDEX=True)  # served as the real site is
    assert result.returncode == 0, result.log
    with headless.serve(result.output) as url, page_opener(browser, url) as open_:
        yield open_


def test_a_link_shared_before_an_actor_was_renamed_filters_as_its_slug_now_does(open_renamed):
    now, before = open_renamed(f"/?actor={NEW}"), open_renamed(f"/?actor={OLD}")
    total = len(before.locator("article.event-card").all())
    assert 0 < len(visible_events(before)) < total
    assert visible_events(before) == visible_events(now)
    assert before.get_by_label("Actor", exact=True).input_value() == NEW
    assert before.get_by_role("status").inner_text() == now.get_by_role("status").inner_text()
    assert query(before) == {"actor": [NEW]}  # the shared link is mended for the next reader


def test_the_former_address_of_a_renamed_actor_opens_its_page_now(open_renamed):
    page = open_renamed(f"/actors/{OLD}/")
    page.wait_for_url(f"**/actors/{NEW}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Russian Federation"


def test_a_year_s_filter_finds_an_event_that_began_in_an_earlier_year_and_goes_on_into_it(browser, tmp_path):
    """The real record has no event over two years: a fixture site gets one, from July 2022 to July 2023, and
    an event of 2023's own."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    dated = {"2022-07-22-grain-deal": "date: 2022-07-22\nend: 2023-07-17", "2023-03-01-call": "date: 2023-03-01"}
    for slug, dates in dated.items():
        (content / "events" / f"{slug}.md").write_text(
            f"---\ntitle: A fixture event\n{dates}\ntype: talks\nsummary: A fixture event.\nactors: [ukraine]\n"
            "sources:\n  - title: A source\n    publisher: A publisher\n    date: unknown\n"
            "    url: https://example.org/a\n---\nA fixture body.\n", encoding="utf-8")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.log
    with headless.serve(result.output) as url, page_opener(browser, url) as open_:
        assert visible_events(open_("/?year=2023")) == {"2022-07-22-grain-deal", "2023-03-01-call"}
        assert visible_events(open_("/?year=2022")) == {"2022-03", "2022-07-22-grain-deal"}


def test_in_ukrainian_the_count_takes_the_plural_form_gettext_gives_that_number(site, open_page):
    """filter.js picks the form with the browser's plural rules; the catalogue's own rule must agree."""
    words = translations("uk", [THEME_CATALOGUES])
    page = open_page("/uk/?actor=china")
    total = len(page.locator("article.event-card").all())
    expected = events_naming(site, "china")
    assert visible_events(page) == expected
    assert page.get_by_role("status").inner_text() == words.ngettext(
        "Showing %(shown)s of %(num)d event.", "Showing %(shown)s of %(num)d events.", total) % {
        "shown": len(expected), "num": total}
    assert page.get_by_role("status").inner_text().startswith("Показано")
