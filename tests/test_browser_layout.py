"""What a reader sees on a phone, without JavaScript, and on paper."""

from __future__ import annotations

import re

import pytest

import headless

pytestmark = pytest.mark.browser

# The actors: a voting record with a dispute (Ukraine), one with abstentions (India), a person.
PAGES = ["/", "/events/2025-12-03-ga-es-11-9-return-of-children/", "/actors/united-states/", "/actors/india/",
         "/actors/ukraine/", "/actors/mariana-betsa/", "/actors/", "/search/?q=children", "/types/vote/", "/about/",
         "/children/", "/votes/", "/chronology/", "/years/2022/", "/years/2025/"]
WIDTHS = [320, headless.PHONE["width"], 768, headless.DESKTOP["width"]]


# The edition in Ukrainian too, page for page: its words run longer.
@pytest.mark.parametrize("path", PAGES + ["/uk" + path.replace("?q=children", "?q=дітей") for path in PAGES])
def test_no_horizontal_scrolling(open_page, path):
    """At each width, from the narrowest phone's: the page is loaded once and the window resized, as a reader
    turning a tablet would."""
    page = open_page(path, viewport={"width": WIDTHS[0], "height": 800})
    if "?q=" in path:
        page.locator("#search-results li").first.wait_for()
    page.evaluate("() => document.querySelectorAll('details').forEach(fold => { fold.open = true; })")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("""() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
            return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
        }""")
        assert overflow["scroll"] <= overflow["width"], overflow


def test_a_phone_s_first_screen_shows_the_axis_and_the_first_event(open_page):
    page = open_page("/", viewport=headless.PHONE)
    for shown in (page.locator("svg.axis-drawing"), page.locator("article.event-card .event-title").first):
        box = shown.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= headless.PHONE["height"], box


def test_without_javascript_the_home_page_shows_the_title_and_date_of_every_event_it_lists(site, open_page):
    page = open_page("/", java_script_enabled=False)
    expected = {}
    for card in site.page("/").select("article.event-card"):
        event = site.page(f"/events/{card['id']}/")
        # A span's date is two: its first day and its last.
        expected[card["id"]] = (event.h1.get_text(), [time.get_text() for time in event.select(".event-meta time")])
    shown = {}
    for card in page.locator("article.event-card").all():
        title, dates = card.locator(".event-title"), card.locator(".event-meta time").all()
        assert title.is_visible() and dates and all(date.is_visible() for date in dates)
        shown[card.get_attribute("id")] = (title.inner_text(), [date.inner_text() for date in dates])
    assert shown == expected
    assert not page.locator("#timeline-filters").is_visible()
    axis = page.get_by_role("group", name=re.compile("^Time axis"))
    assert axis.get_by_role("link", name="2023", exact=True).is_visible()
    page.get_by_text("Browse and filter the events").click()
    assert page.get_by_role("navigation", name="Browse by year and type").get_by_role("link", name="2023").is_visible()


def test_an_event_prints_with_its_source_addresses_and_without_navigation(site, open_page):
    path = "/events/2025-12-03-ga-es-11-9-return-of-children/"
    page = open_page(path)
    page.emulate_media(media="print")
    addresses = [s.get_text() for s in site.page(path).select("ol.sources .source-url")]
    assert addresses and all(a.startswith("https://") for a in addresses)
    for address, shown in zip(addresses, page.locator("ol.sources .source-url").all()):
        assert shown.is_visible() and shown.inner_text() == address
    assert not page.get_by_role("navigation", name="Site").is_visible()
    assert not page.get_by_role("navigation", name="Previous and next events").is_visible()


def test_the_timeline_prints_every_event_without_the_controls(open_page):
    page = open_page("/")
    page.emulate_media(media="print")
    cards = page.locator("article.event-card").all()
    assert cards and all(card.is_visible() for card in cards)
    assert not page.get_by_label("Actor", exact=True).is_visible()


def test_a_filtered_timeline_prints_what_it_shows_and_says_so(site, open_page):
    page = open_page("/?year=2023")
    page.emulate_media(media="print")
    shown = [card for card in page.locator("article.event-card").all() if card.is_visible()]
    in_2023 = site.page("/years/2023/").select("article.event-card")
    assert len(shown) == len(in_2023)
    assert page.get_by_role("status").inner_text().startswith(f"Showing {len(in_2023)} of ")
    assert not page.get_by_role("button", name="Show all").is_visible()


def test_a_chronology_summary_is_no_wider_than_the_body_text_under_it(open_page):
    page = open_page("/chronology/", viewport=headless.DESKTOP)
    widths = page.evaluate("""() => [...document.querySelectorAll('.chronology-entry')].map(entry =>
        [entry.querySelector('.lede').getBoundingClientRect().width,
         entry.querySelector('.prose').getBoundingClientRect().width])""")
    assert widths and all(summary <= body + 0.5 for summary, body in widths), widths[:3]


def test_at_320_px_the_votes_matrix_scrolls_in_its_region_with_the_states_column_and_the_votes_row_held(open_page):
    page = open_page("/votes/", viewport={"width": 320, "height": 800})
    region = page.get_by_role("region", name="How each state voted on each vote, oldest vote first")
    sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]")
    assert sizes[0] > sizes[1] and sizes[2] > sizes[3], "the matrix is wider and taller than its region"
    state = page.locator("table.matrix tbody th[scope=row]").first
    before = state.bounding_box()["x"]
    region.evaluate("el => { el.scrollLeft = 400; }")
    assert state.bounding_box()["x"] == before, "the states' column stays in place"
    assert page.locator("table.matrix tbody td").first.bounding_box()["x"] < before
    heading = page.locator("table.matrix thead th[scope=col]").nth(1)
    region.evaluate("el => { el.scrollTop = 2000; }")
    top = region.bounding_box()["y"]
    assert abs(heading.bounding_box()["y"] - top) < 1, "the votes' headings stay at the top of the region"
    assert state.bounding_box()["y"] < top, "the rows scroll under them"


def test_a_vote_s_map_tells_each_vote_by_its_pattern_or_dot_shape_not_by_colour_alone(open_page):
    page = open_page("/events/2025-12-03-ga-es-11-9-return-of-children/", viewport=headless.DESKTOP)
    fills = page.evaluate("""() => Object.fromEntries(['yes', 'no', 'abstain', 'absent'].map(word => {
        const shape = document.querySelector(`figure.vote-map path.map-${word}`);
        return [word, shape && getComputedStyle(shape).fill];
    }))""")
    assert fills["no"].startswith("url(") and fills["abstain"].startswith("url(") and fills["no"] != fills["abstain"]
    assert not fills["yes"].startswith("url(") and not fills["absent"].startswith("url(")
    assert fills["yes"] != fills["absent"], fills
    width = page.locator("figure.vote-map > svg").bounding_box()["width"]
    assert width >= page.locator(".prose").bounding_box()["width"] - 1, "the map is as wide as the text"
