"""A reader finds an event by a word that only its body holds, and an actor by name."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

import headless
from conftest import FIXTURES, build

pytestmark = pytest.mark.browser

EVENT = "2025-12-03-ga-es-11-9-return-of-children"
WORD = "indoctrinating"


def test_the_word_is_in_the_event_body_only(site):
    page = site.page(f"/events/{EVENT}/")
    assert WORD in page.select_one(".prose").get_text()
    assert WORD not in page.h1.get_text() + page.select_one(".lede").get_text()


def test_search_finds_an_event_by_a_word_from_its_body(open_page):
    page = open_page("/search/")
    page.get_by_label("Search events and actors").fill(WORD)
    page.keyboard.press("Enter")
    result = page.locator("#search-results a").first
    result.wait_for()
    assert result.get_attribute("href").rstrip("/").endswith(f"events/{EVENT}")
    assert page.locator("#search-results mark").first.inner_text().lower() == WORD
    assert page.get_by_role("status").inner_text().startswith("1 result for")
    assert page.url.endswith(f"?q={WORD}")


def test_a_search_link_shows_its_results_and_they_lead_to_the_page(open_page):
    page = open_page("/search/?q=Guterres")
    assert page.get_by_label("Search events and actors").input_value() == "Guterres"
    page.get_by_role("link", name="Antonio Guterres").first.click()
    page.wait_for_url("**/actors/antonio-guterres/")
    assert page.get_by_role("heading", level=1).inner_text() == "Antonio Guterres"


def test_nothing_found_is_said_in_words(open_page):
    page = open_page("/search/?q=zzzxqj")
    status = page.get_by_role("status")
    status.filter(has_text="Nothing found").wait_for()
    assert page.locator("#search-results li").count() == 0


def test_a_search_looks_in_every_shard_and_keeps_only_shards_holding_the_word(browser, tmp_path):
    # One page to a shard. "fixture" is in both events; "Betsa" and "abduction" (in her quote) only in
    # the vote and her page, and the other shards answer "abduction" with a word it begins with ("a"):
    # those shards are left out.
    site = build(FIXTURES / "site", tmp_path / "output", TIMELINE_SEARCH_SHARD_SIZE=1)
    assert site.returncode == 0, site.log
    found = {}
    with headless.serve(site.output) as url:
        page = browser.new_page()
        for query, count in (("fixture", "2 results"), ("Betsa", "2 results"), ("abduction", "2 results")):
            page.goto(f"{url}search/?q={query}")
            page.get_by_role("status").filter(has_text=f"{count} for").wait_for()
            links = page.locator("#search-results a")
            found[query] = {urlparse(links.nth(n).get_attribute("href")).path for n in range(links.count())}
        page.close()
    assert found == {"fixture": {"/events/2022-03/", "/events/2025-12-03-children-vote/"},
                     "Betsa": {"/actors/mariana-betsa/", "/events/2025-12-03-children-vote/"},
                     "abduction": {"/actors/mariana-betsa/", "/events/2025-12-03-children-vote/"}}
