"""The home page is light: at most 20 KB gzipped in all, with nothing from another host and no search asset."""

from __future__ import annotations

import pytest

import headless

pytestmark = pytest.mark.browser

BUDGET = 20_000  # bytes, gzipped: HTML, CSS, JS and fonts together


def test_home_page_transfers_at_most_20_kb_gzipped_and_nothing_from_elsewhere(browser, base_url):
    page = browser.new_page()
    transfers = headless.load_and_weigh(page, base_url)
    page.close()
    urls = [t.url for t in transfers]
    assert urls[0] == base_url and any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls)
    assert all(u.startswith(base_url) for u in urls), urls
    assert not [u for u in urls if "pagefind" in u or "search" in u]
    total = sum(t.gzipped for t in transfers)
    assert total <= BUDGET, [(t.url, t.gzipped) for t in transfers]


def test_search_assets_load_only_once_the_reader_searches(browser, base_url):
    page = browser.new_page()
    before = [t.url for t in headless.load_and_weigh(page, base_url + "search/")]
    assert not [u for u in before if "/pagefind/" in u]
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.get_by_label("Search events and actors").fill("veto")
    page.locator("#search-results li").first.wait_for()
    page.close()
    assert base_url + "pagefind/1/pagefind.js" in requested


@pytest.mark.parametrize("path", ["", "events/2025-12-03-ga-es-11-9-return-of-children/", "actors/", "search/?q=veto"])
def test_nothing_a_page_asks_for_is_missing_its_icon_included(browser, base_url, path):
    page = browser.new_page()
    answers = []
    page.on("response", lambda response: answers.append((response.status, response.url)))
    page.goto(base_url + path, wait_until="networkidle")
    page.close()
    assert [(status, url) for status, url in answers if status >= 400] == []
    assert (200, base_url + "theme/icon.svg") in answers
