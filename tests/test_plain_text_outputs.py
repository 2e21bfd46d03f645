"""Front-matter values are plain text: every output shows them exactly as written, escaped for its place
(a page, a feed, JSON, CSV), and with TIMELINE_UNSAFE_MARKUP = "strip" whatever markup they held is gone
from every file of the site, feeds and open data included."""

from __future__ import annotations

import csv
import json

import feedparser
import pytest

from live_markup import live_markup
from test_hostile_files import add

SITEURL = "https://timeline.test"
# What a reader sees, character for character, in each field of the event below.
TITLE = 'Talks at 5 > 4 "parties" & one observer'
SUMMARY = "=HYPERLINK(1) is how a spreadsheet would start a formula; x < y & z > w stay text."
LOCATION = "-1 Street, @home"
QUOTE = "it's \"no\" & never <- that"
PLAIN_EVENT = f"""---
title: '{TITLE}'
date: 2023-01-10
type: statement
summary: '{SUMMARY}'
location: '{LOCATION}'
actors: [ukraine, mariana-betsa]
quotes:
  - speaker: mariana-betsa
    text: '{QUOTE.replace("'", "''")}'
sources:
  - title: A & B < C
    publisher: A publisher
    date: unknown
    url: https://example.org/a?b=1&c=2
---
A body.
"""


def published_build(fixture_site, **settings):
    """The fixture site as it is published: absolute addresses, feeds written."""
    return fixture_site(SITEURL=SITEURL, RELATIVE_URLS=False, FEED_DOMAIN=SITEURL, TIMELINE_FEEDS=True, **settings)


@pytest.fixture
def plain(fixture_site):
    add(fixture_site.content, {"events/2023-01-10-plain.md": PLAIN_EVENT})
    result = published_build(fixture_site)
    assert result.returncode == 0, result.log
    return result


def test_plain_text_reads_as_written_on_the_event_page(plain):
    page = plain.page("/events/2023-01-10-plain/")
    assert page.h1.get_text() == TITLE
    assert page.select_one(".lede").get_text() == SUMMARY
    assert page.select_one("figure.quote blockquote").get_text(strip=True) == QUOTE
    assert page.select_one("#source-1 a")["href"] == "https://example.org/a?b=1&c=2"


def test_plain_text_reads_as_written_in_the_feeds(plain):
    feed = feedparser.parse((plain.output / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/events/2023-01-10-plain/"))
    assert entry.title == TITLE
    assert entry.summary == SUMMARY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert entry.summary_detail.type == "text/html"


def test_plain_text_reads_as_written_in_the_open_data(plain):
    raw = (plain.output / "data" / "events" / "2023-01-10-plain.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    record = json.loads(raw)
    assert (record["title"], record["summary"], record["quotes"][0]["text"]) == (TITLE, SUMMARY, QUOTE)
    everything = json.loads((plain.output / "data" / "events.json").read_text(encoding="utf-8"))
    assert next(e for e in everything["events"] if e["id"] == "2023-01-10-plain") == record


def test_a_spreadsheet_shows_cells_that_look_like_formulas_as_text(plain):
    with (plain.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        row = next(row for row in csv.DictReader(handle) if row["id"] == "2023-01-10-plain")
    assert (row["title"], row["summary"], row["location"]) == (TITLE, "'" + SUMMARY, "'" + LOCATION)


def test_the_published_site_holds_no_live_markup(plain):
    assert live_markup(plain.output) == []


# Markup in every disguise, for TIMELINE_UNSAFE_MARKUP = "strip": written out, as named or numeric
# character references, encoded twice, split by a tag whose removal would join it.
DISGUISES = {
    "written": '<img src=x onerror="alert(1)">',
    "named-references": "&lt;img src=x onerror=alert(1)&gt;",
    "numeric-references": "&#60;img src=x onerror=alert(1)&#x3e;",
    "encoded-twice": "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    "split-by-a-tag": "<scr<b></b>ipt>alert(1)</scr<b></b>ipt>",
    "unclosed": "<svg onload=alert(1) ",
}


@pytest.mark.parametrize("payload", DISGUISES.values(), ids=DISGUISES.keys())
def test_stripped_markup_in_any_disguise_leaves_nothing_live_in_any_output(fixture_site, payload):
    quoted = payload.replace("'", "''")
    add(fixture_site.content, {"events/2023-01-10-disguised.md": f"""---
title: 'A vote <b>passed</b> {quoted}'
date: 2023-01-10
type: statement
summary: 'Vote <b>passed</b> {quoted}'
location: '{quoted}'
actors: [ukraine, mariana-betsa]
quotes:
  - speaker: mariana-betsa
    text: '{quoted} said'
sources:
  - title: 'A source {quoted}'
    publisher: '{quoted} Publisher'
    date: unknown
    url: https://example.org/a
---
{payload}
"""})
    result = published_build(fixture_site, TIMELINE_UNSAFE_MARKUP="strip")
    assert result.returncode == 0, result.log
    assert live_markup(result.output) == []
    assert result.page("/events/2023-01-10-disguised/").h1.get_text().startswith("A vote passed")
