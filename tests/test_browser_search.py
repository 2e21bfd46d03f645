"""A reader finds an event by a word that only its body holds, and an actor by name."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

import headless
from conftest import FIXTURES, build, layout_shift, section

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
    site = build(FIXTURES / "site", tmp_path / "output", TIMELINE_SEARCH_SHARD_SIZE=1, TIMELINE_SEARCH_INDEX=True)
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


def results(page) -> list[dict]:
    """Each result shown: its address, the date and type under its title, and its excerpt."""
    return page.locator("#search-results li").evaluate_all("""items => items.map(li => ({
        href: new URL(li.querySelector("a").href).pathname,
        meta: li.querySelector(".result-meta").textContent,
        excerpt: li.querySelector("p:last-child").textContent}))""")


def searched(open_page, address: str):
    page = open_page(address)
    page.locator("#search-results li, #search-status:has-text('Nothing found')").first.wait_for()
    return page


def test_each_result_shows_the_date_and_type_of_its_page_and_an_excerpt_of_its_words(open_page, site):
    page = searched(open_page, "/search/?q=Putin")
    shown = results(page)
    assert shown
    for result in shown:
        target = site.page(result["href"])
        if result["href"].startswith("/events/"):
            kind = target.select_one(".event-meta .event-type").get_text()
            date = target.select_one(".event-meta").get_text().split(kind)[0].strip()
            assert result["meta"] == f"{date} · {kind}"
        elif result["href"].startswith("/actors/"):
            assert result["meta"] == target.select_one(".kicker").get_text()
        else:
            assert result["meta"] == "Page"
        # Words of the page itself: no heading of its furniture, no address of a source.
        assert not result["excerpt"].startswith(("Actors", "Sources")), result
        assert "http" not in result["excerpt"] and "Cite this event" not in result["excerpt"], result


def test_more_results_are_shown_on_request_and_the_focus_moves_to_the_first_of_them(open_page):
    page = searched(open_page, "/search/?q=Ukraine")
    status = page.get_by_role("status")
    total = int(status.inner_text().split()[0])
    assert total > 20, "the record should hold more pages naming Ukraine than one batch of results"
    assert status.inner_text().endswith(", 20 shown.")
    more = page.get_by_role("button", name="Show more results")
    more.focus()
    page.keyboard.press("Enter")
    page.locator("#search-results li").nth(20).wait_for()
    focused = page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#search-results li')[20]")
    assert focused
    items = page.locator("#search-results li")
    while more.is_visible():
        before = items.count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('#search-results li').length > n", arg=before)
    assert items.count() == total
    assert status.inner_text() == f"{total} results for “Ukraine”."
    assert len({r["href"] for r in results(page)}) == total


def test_results_are_narrowed_by_type_year_and_actor_and_the_choice_is_in_the_address(open_page, site):
    page = searched(open_page, "/search/?q=children")
    everything = {r["href"] for r in results(page)}
    page.get_by_label("Type", exact=True).select_option(label="Vote")
    page.get_by_role("status").filter(has_text="(Vote)").wait_for()
    votes = results(page)
    assert votes and all(r["meta"].endswith(" · Vote") for r in votes)
    page.get_by_label("Type", exact=True).select_option("")
    page.get_by_label("Year", exact=True).select_option("2023")
    page.get_by_label("Actor", exact=True).select_option(label="Antonio Guterres")
    page.get_by_role("status").filter(has_text="(2023, Antonio Guterres)").wait_for()
    assert page.url.endswith("?q=children&year=2023&actor=antonio-guterres")
    narrowed = results(page)
    assert narrowed and {r["href"] for r in narrowed} < everything
    for result in narrowed:
        if result["href"] != "/actors/antonio-guterres/":
            target = site.page(result["href"])
            assert result["meta"].split(" · ")[0].endswith("2023")
            named = {urljoin(result["href"], a["href"]) for a in section(target, "actors-h").select("a")}
            assert "/actors/antonio-guterres/" in named, result


def test_a_shared_address_with_filters_alone_lists_what_they_choose(open_page):
    page = searched(open_page, "/search/?type=page")
    assert page.get_by_label("Type", exact=True).input_value() == "page"
    assert {r["href"] for r in results(page)} == {"/about/", "/children/"}
    assert {r["meta"] for r in results(page)} == {"Page"}


def test_a_word_in_no_page_finds_nothing_though_many_words_begin_like_it(open_page):
    # Pagefind, asked for a word no page holds, answers with the words that share its longest beginning
    # ("uni…": United, union, universal): the page shows none of them.
    page = searched(open_page, "/search/?q=unificationism")
    loose = page.evaluate("""async () => {
        const pagefind = await import(new URL("../pagefind/1/pagefind.js", location.href).href);
        return (await pagefind.search("unificationism")).results.length; }""")
    assert loose > 1
    assert page.get_by_role("status").inner_text() == "Nothing found for “unificationism”."
    assert page.locator("#search-results li").count() == 0
    assert page.get_by_role("button", name="Show more results").is_hidden()


def test_the_beginning_of_a_word_still_finds_it(open_page):
    page = searched(open_page, "/search/?q=Guter")
    assert "/actors/antonio-guterres/" in {r["href"] for r in results(page)}


def test_results_filling_in_after_the_page_is_shown_move_nothing_a_reader_sees(open_page):
    """On a phone, the filters are there from the first paint and the results fill in above only what lies
    below the first screen (Lighthouse counted a shift of 0.33 when both moved the page)."""
    page = open_page("/search/?q=children", viewport={"width": 412, "height": 823})
    page.locator("#search-results li").first.wait_for()
    assert page.get_by_role("group", name="Narrow the results").is_visible()
    assert layout_shift(page) == 0


def test_without_javascript_the_search_page_s_filters_are_disabled_and_the_browse_links_do_their_job(open_page):
    without, with_script = open_page("/search/", java_script_enabled=False), open_page("/search/")
    for label in ("Type", "Year", "Actor"):
        assert without.get_by_label(label, exact=True).is_disabled(), label
        assert with_script.get_by_label(label, exact=True).is_enabled(), label
    assert without.get_by_role("navigation", name="Browse by year and type").is_visible()
