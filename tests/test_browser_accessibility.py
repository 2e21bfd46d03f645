"""axe-core finds no WCAG 2.2 A or AA violation on every kind of page, in light and in dark, on a desktop and at
320 px; the time axis is on the home, year, type and actor pages, with its periods unfolded."""

from __future__ import annotations

import pytest

import headless
from prerequisites import AXE

pytestmark = pytest.mark.browser
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "home": "/",
    "event": "/events/2025-12-03-ga-es-11-9-return-of-children/",
    "actor": "/actors/united-states/",
    "actors index": "/actors/",
    "search with results": "/search/?q=children",
    "children's figures": "/children/",
    "votes": "/votes/",
    "year": "/years/2022/",
    "type": "/types/vote/",
    "chronology": "/chronology/",
    "about": "/about/",
}
# The edition in Ukrainian too, page for page, its search asked for a Ukrainian word.
PAGES |= {f"{name} in Ukrainian": "/uk" + path.replace("?q=children", "?q=дітей") for name, path in PAGES.items()}
LOOKS = [("light", 320), ("light", headless.DESKTOP["width"]), ("dark", 320), ("dark", headless.DESKTOP["width"])]


def violations(page) -> list[str]:
    assert AXE.is_file(), f"{AXE} is missing: run `invoke test`, which installs it"
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                          ".then(result => result.violations)", WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in found]


@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_violation(open_page, name):
    """In light and in dark, at 320 px and on a desktop: the page loaded once, then its scheme and width
    changed, as a reader's system and window would."""
    page = open_page(PAGES[name], viewport={"width": 320, "height": 800})
    if name.startswith("search"):
        page.locator("#search-results li").first.wait_for()
    # What the folds hold is checked too: the periods of the axis, and the filters.
    page.evaluate("() => document.querySelectorAll('details').forEach(fold => { fold.open = true; })")
    for scheme, width in LOOKS:
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": width, "height": 800})
        assert violations(page) == [], (scheme, width)
