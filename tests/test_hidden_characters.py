"""Text that cannot lie: no character that shows nothing or turns the text around it reaches a page. A
right-to-left override in a title, a zero-width space in a name, a control character in a body: each stops
the build on its line. Names are compared as composed text, and every body can be written into a feed."""

from __future__ import annotations

import unicodedata

import feedparser
import pytest

from conftest import SITEURL
from test_hostile_files import add, event

HIDDEN = {
    "right-to-left override": "\u202e", "left-to-right embedding": "\u202a", "first-strong isolate": "\u2068",
    "right-to-left mark": "\u200f", "Arabic letter mark": "\u061c", "zero-width space": "\u200b",
    "zero-width joiner": "\u200d", "word joiner": "\u2060", "byte order mark": "\ufeff", "soft hyphen": "\u00ad",
    "line separator": "\u2028", "paragraph separator": "\u2029", "bell": "\x07", "escape": "\x1b",
    "delete": "\x7f", "next line": "\x85", "non-character": "\ufdd0", "tag character": "\U000e0041",
}
FIELDS = {"title": 2, "summary": 5, "location": 7}  # and the line each is on


def escaped(character: str) -> str:
    """The character as an escape in YAML's double quotes, which can make any of them."""
    return f"\\u{ord(character):04x}" if ord(character) <= 0xFFFF else f"\\U{ord(character):08x}"


# Written as it is in the file, or as an escape in double quotes; YAML itself refuses controls, a byte order
# mark and non-characters written as they are (test_bad_input.py), so those are written as escapes only.
WRITTEN = [(name, written) for name, character in HIDDEN.items() for written in ("escaped", "raw")
           if written == "escaped" or not (character < "\xa0" or character in "\ufeff\ufdd0")]


@pytest.mark.parametrize("name, written", WRITTEN)
@pytest.mark.parametrize("field", FIELDS)
def test_a_hidden_character_in_a_plain_text_field_stops_the_build_on_its_line(fixture_site, field, name, written):
    character = HIDDEN[name]
    value = f'"A {escaped(character)} value"' if written == "escaped" else f"A {character} value"
    text = event(extra="location: Geneva\n").replace(
        {"title": "title: A hostile event", "summary": "summary: One sentence.", "location": "location: Geneva"}[field],
        f"{field}: {value}")
    add(fixture_site.content, {"events/2023-01-10-hidden.md": text})
    result = fixture_site()
    assert result.returncode == 1, result.log
    assert [problem for problem in result.problems
            if problem.startswith(f"content/events/2023-01-10-hidden.md:{FIELDS[field]}: front matter: ")
            and f"(#x{ord(character):04x})" in problem], result.log
    assert "Traceback" not in result.log


@pytest.mark.parametrize("where", ["actors/ukraine.md", "events/2022-03.md"])
def test_a_name_or_an_address_with_a_hidden_character_is_refused(fixture_site, where):
    path = fixture_site.content / where
    field = "name: " if where.startswith("actors") else "    url: "
    text = path.read_text(encoding="utf-8")
    start = text.index(field) + len(field)
    path.write_text(text[:start] + text[start:].replace("\n", "\u200b\n", 1), encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 1
    assert [problem for problem in result.problems if problem.startswith(f"content/{where}:")
            and "invisible formatting character (#x200b)" in problem], result.log


def test_a_title_of_only_a_zero_width_space_is_refused(fixture_site):
    add(fixture_site.content, {"events/2023-01-10-blank.md": event().replace("title: A hostile event",
                                                                             "title: \"\u200b\"")})
    result = fixture_site()
    assert result.returncode == 1
    assert any(problem.startswith("content/events/2023-01-10-blank.md:2: ") for problem in result.problems)


def test_a_name_written_with_a_combining_accent_is_the_same_name_composed(fixture_site):
    path = fixture_site.content / "actors" / "ukraine.md"
    text = path.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"name: {name}", f"name: {unicodedata.normalize('NFD', 'Türkiye')}"),
                    encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 0, result.log
    heading = result.page("/actors/ukraine/").h1.get_text()
    assert heading == "Türkiye" == unicodedata.normalize("NFC", heading)


@pytest.mark.parametrize("character", ["\u202e", "\u2068", "\u202a", "\x07", "\x1b", "\x7f", "\x85", "\ufffe", "\x00"],
                         ids=["override", "isolate", "embedding", "bell", "escape", "delete", "next line", "U+FFFE", "NUL"])
def test_a_body_character_a_feed_cannot_hold_or_that_turns_text_stops_the_build_on_its_line(fixture_site, character):
    body = f"A first paragraph.\n\nA second, with a{character}hidden character."
    add(fixture_site.content, {"events/2023-01-10-hidden.md": event(body=body)})
    result = fixture_site()
    assert result.returncode == 1
    assert [problem for problem in result.problems
            if problem.startswith("content/events/2023-01-10-hidden.md:15: body: holds the invisible character "
                                  f"#x{ord(character):04x}")], result.log


def test_a_body_keeps_the_joiners_and_marks_some_scripts_need_and_its_feed_is_written(fixture_site):
    body = "Ukraine\u2019s envoy said \u05e9\u05dc\u05d5\u05dd\u200f, and \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645."
    add(fixture_site.content, {"events/2023-01-10-scripts.md": event(body=body)})
    result = fixture_site(SITEURL=SITEURL, RELATIVE_URLS=False, FEED_DOMAIN=SITEURL, TIMELINE_FEEDS=True)
    assert result.returncode == 0, result.log
    feed = feedparser.parse((result.output / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert any("\u200c" in entry.content[0].value for entry in feed.entries)
