"""Scripts, event handlers and `javascript:` URLs pasted into an event never reach a reader's browser:
with TIMELINE_UNSAFE_MARKUP = "strip" they are removed from every page, and by default the build stops
naming each field that carries one."""

from __future__ import annotations

import shutil

from conftest import FIXTURES
from live_markup import is_javascript_url, live_markup, ships_with_theme

UNSAFE = FIXTURES / "unsafe" / "2023-01-10-unsafe-markup.md"


def strip_build(fixture_site):
    shutil.copyfile(UNSAFE, fixture_site.content / "events" / UNSAFE.name)
    result = fixture_site(TIMELINE_UNSAFE_MARKUP="strip")
    assert result.returncode == 0, result.log
    return result


def test_stripped_pages_carry_no_script_handler_or_javascript_url(fixture_site):
    result = strip_build(fixture_site)
    pages = sorted(result.output.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        assert b"alert(" not in path.read_bytes(), path
        soup = result.page(str(path.relative_to(result.output)))
        assert [s for s in soup.find_all("script") if not ships_with_theme(s)] == [], path
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (path, element)
            assert not [a for a, v in element.attrs.items() if is_javascript_url(v)], (path, element)


def test_stripped_fields_keep_their_words_as_plain_text(fixture_site):
    page = strip_build(fixture_site).page("/events/2023-01-10-unsafe-markup/")
    assert page.h1.get_text() == "A statement with a pasted script"
    assert page.title.get_text().startswith("A statement with a pasted script")
    assert page.select_one(".lede").get_text() == "A summary with an image & a link."
    assert page.select_one("figure.quote blockquote").get_text(strip=True) == "A quotation with markup"
    assert page.select_one("#source-1 a").get_text() == "A source title with a link"
    prose = page.select_one(".prose")
    assert "A body with a pasted script." in prose.get_text()
    assert prose.find("a", string="a link") is not None and not prose.find("a").has_attr("href")


def test_by_default_the_build_stops_naming_every_field_with_unsafe_markup(fixture_site):
    shutil.copyfile(UNSAFE, fixture_site.content / "events" / UNSAFE.name)
    result = fixture_site()
    assert result.returncode != 0
    path = f"content/events/{UNSAFE.name}"
    found = {tuple(line.split(": ", 2)[:2]) for line in result.problems}
    assert found == {(f"{path}:2", "title"), (f"{path}:5", "summary"), (f"{path}:9", "quotes[0].text"),
                     (f"{path}:12", "sources[0].title"), (f"{path}:19", "body"), (f"{path}:21", "body")}
    assert f"{path}:19: body: contains <script>;" in result.log
    assert f"{path}:21: body: contains onerror=, href=javascript:;" in result.log
    assert not result.output.exists()
