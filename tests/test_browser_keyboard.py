"""A keyboard reader: the skip link comes first and shows itself, and focus is always visible."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
        return {text: el.textContent.trim(), tag: el.tagName.toLowerCase(), id: el.id,
                outline: parseFloat(style.outlineWidth), style: style.outlineStyle,
                onscreen: box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth};
    }""")


def test_the_first_tab_reaches_a_visible_skip_link_that_leads_to_the_content(open_page):
    page = open_page("/", viewport={"width": 320, "height": 640})
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to content" and first["onscreen"]
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")  # the address changes once the browser has followed the link


def test_links_and_filter_controls_show_where_the_focus_is(open_page):
    page = open_page("/")
    seen = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["outline"] >= 2 and now["style"] != "none", now
        seen.add(now["tag"])
    assert "a" in seen
    page.locator("#filters-fold summary").focus()
    assert focused(page)["outline"] >= 2
    page.keyboard.press("Enter")  # unfolds the filters
    for _ in range(5):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["outline"] >= 2 and now["style"] != "none", now
        seen.add(now["tag"])
    assert {"select", "button"} <= seen


def test_each_mark_of_the_axis_is_reached_by_the_keyboard_and_named(site, open_page):
    page = open_page("/")
    names = [link["aria-label"] for link in site.page("/").select("figure.axis svg a[aria-label]")]
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        now = focused(page)
        label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
        if label:
            assert now["outline"] >= 2, now
            reached.append(label)
    assert names and reached[:len(names)] == names


def test_a_keyboard_reader_can_go_past_the_axis_s_links_at_once(open_page):
    page = open_page("/")
    page.locator(".axis-skip").focus()
    assert focused(page)["onscreen"] and focused(page)["text"] == "Skip the axis's links"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "The periods on the axis"
