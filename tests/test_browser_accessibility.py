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


def violations(page) -> list[str]:
    assert AXE.is_file(), f"{AXE} is missing: run `invoke test`, which installs it"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                          ".then(result => result.violations)", WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in found]


@pytest.mark.parametrize("width", [320, headless.DESKTOP["width"]])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_violation(open_page, name, scheme, width):
    page = open_page(PAGES[name], color_scheme=scheme, viewport={"width": width, "height": 800})
    if name.startswith("search"):
        page.locator("#search-results li").first.wait_for()
    # What the folds hold is checked too: the periods of the axis, and the filters.
    page.evaluate("() => document.querySelectorAll('details').forEach(fold => { fold.open = true; })")
    assert violations(page) == []
