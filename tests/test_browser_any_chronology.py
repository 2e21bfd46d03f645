"""A reader of the example site of another subject (examples/library) finds its events by search, and reads
its pages as a reader of this site does: no page scrolls sideways on a phone, and axe finds nothing."""

from __future__ import annotations

import pytest

import headless
from conftest import build, page_opener
from test_browser_accessibility import violations

pytestmark = pytest.mark.browser

MEETING = "2023-09-18-residents-meet-the-architect"


@pytest.fixture(scope="module")
def open_library(library, browser, tmp_path_factory):
    """Open a page of the example site, built with its own settings and served from 127.0.0.1."""
    local = build(library / "content", tmp_path_factory.mktemp("library-local") / "output",
                  settings=str(library / "pelicanconf.py"), TIMELINE_SEARCH_INDEX=True)
    assert local.returncode == 0, local.log
    with headless.serve(local.output) as url, page_opener(browser, url) as open_:
        yield open_


def test_search_finds_an_event_of_the_example_site_by_a_word_of_its_body(open_library):
    page = open_library("/search/?q=garden")
    result = page.locator("#search-results a").first
    result.wait_for()
    assert result.get_attribute("href").rstrip("/").endswith(f"events/{MEETING}")
    assert page.get_by_role("status").inner_text().startswith("1 result for")


@pytest.mark.parametrize("path", ["", f"events/{MEETING}/", "actors/ada-marsh/", "search/?q=library"])
def test_the_example_site_s_pages_have_no_accessibility_violations_and_fit_a_phone(open_library, path):
    page = open_library(path, viewport={"width": 320, "height": 640})
    if path.startswith("search"):
        page.locator("#search-results li").first.wait_for()
    page.evaluate("() => document.querySelectorAll('details').forEach(fold => { fold.open = true; })")
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
