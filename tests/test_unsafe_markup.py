"""Scripts, event handlers and `javascript:` URLs pasted into an event never reach a reader's browser:
with TIMELINE_UNSAFE_MARKUP = "strip" they are removed from every page, and by default the build stops
naming each field that carries one."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlparse

import pytest

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


EVENT = ("---\ntitle: An event with an odd link\ndate: 2023-01-10\ntype: statement\nsummary: One sentence.\n"
         "actors: [ukraine]\nsources:\n  - title: A source\n    publisher: A publisher\n    date: unknown\n"
         "    url: https://example.org/a\n---\nA first paragraph.\n\n{}\n")


@pytest.mark.parametrize("link, construct, line", [
    ("[the list](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "href=data:", 15),
    ("[a file](file:///etc/passwd)", "href=file:", 15),
    ("[a file](FILE:///etc/passwd)", "href=file:", 15),
    ("![a picture](data:image/png;base64,iVBORw0KGgo=)", "src=data:", 15),
    ('<a href="ftp://example.org/list.txt">a list</a>', "href=ftp:", 15),
    ("[call](tel:+380441234567)", "href=tel:", 15),
    # Written otherwise than browsers read it, the scheme is not found in the text: the body's first line.
    ('<a href=" vb\tscript:msgbox(1)">x</a>', "href=vbscript:", 13),
])
def test_an_address_the_sanitiser_would_drop_is_named_rather_than_dropped_unseen(fixture_site, link, construct, line):
    """Only http(s) and mailto: addresses (and the site's own) are kept; any other is a problem on its line, as
    a `javascript:` one is, or, in strip mode, removed with the text kept."""
    (fixture_site.content / "events" / "2023-01-10-odd-link.md").write_text(EVENT.format(link), encoding="utf-8")
    refused = fixture_site()
    assert refused.problems == [f"content/events/2023-01-10-odd-link.md:{line}: body: contains {construct}; expected "
                                "Markdown text without scripts, frames or event handlers, its links to http(s) and "
                                "mailto: addresses or this site's own"]
    stripped = fixture_site(TIMELINE_UNSAFE_MARKUP="strip")
    assert stripped.returncode == 0, stripped.log
    prose = stripped.page("/events/2023-01-10-odd-link/").select_one(".prose")
    addresses = [value for element in prose.find_all(True) for name, value in element.attrs.items()
                 if name in ("href", "src")]
    # As a browser reads an address: without tabs and line breaks, and the spaces and controls around it.
    read = [urlparse(re.sub("[\t\n\r]", "", address).strip("\x00- ")).scheme for address in addresses]
    assert set(read) <= {"", "http", "https", "mailto"}, addresses


def test_ordinary_addresses_are_kept(fixture_site):
    links = "[web](https://example.org/a) [mail](mailto:desk@example.org) [here](#source-1) [up](../../) [x](HTTPS://EXAMPLE.ORG)"
    (fixture_site.content / "events" / "2023-01-10-odd-link.md").write_text(EVENT.format(links), encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 0, result.log
    hrefs = [a["href"] for a in result.page("/events/2023-01-10-odd-link/").select(".prose a")]
    assert hrefs == ["https://example.org/a", "mailto:desk@example.org", "#source-1", "../../", "HTTPS://EXAMPLE.ORG"]
