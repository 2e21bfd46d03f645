"""A feed reader's checks: every Atom feed of the published site parses and holds the right events."""

from __future__ import annotations

import json

import feedparser
from conftest import SITEURL

ATOM = "application/atom+xml"


def parsed_feeds(published):
    for path in sorted((published.output / "feeds").rglob("*.atom.xml")):
        yield path, feedparser.parse(path.read_bytes())


def events_json(published) -> list[dict]:
    return json.loads((published.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]


def test_there_is_a_feed_of_everything_of_each_actor_named_of_each_type_used_and_of_any_corrections(published):
    events = events_json(published)
    expected = {"all"} | {f"actors/{actor}" for e in events for actor in e["actors"]} | \
        {f"types/{e['type']}" for e in events} | ({"corrections"} if any(e["corrections"] for e in events) else set())
    feeds = published.output / "feeds"
    assert {str(path.relative_to(feeds)).removesuffix(".atom.xml") for path in feeds.rglob("*.atom.xml")} == expected


def test_every_feed_parses_and_its_entries_have_ids_dates_and_links(published):
    feeds = list(parsed_feeds(published))
    assert feeds
    ids = set()
    for path, feed in feeds:
        assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
        assert feed.entries, path
        assert feed.feed.id not in ids, f"{path} shares its id with another feed"
        ids.add(feed.feed.id)
        for entry in feed.entries:
            assert entry.id and entry.published_parsed and entry.updated_parsed, path
            assert entry.link.startswith(f"{SITEURL}/events/"), entry.link


def test_the_feed_of_a_state_holds_exactly_its_events(published):
    for state in ("ukraine", "russian-federation", "united-states"):
        feed = feedparser.parse((published.output / "feeds" / "actors" / f"{state}.atom.xml").read_bytes())
        expected = {e["url"] for e in events_json(published) if state in e["actors"]}
        assert {entry.link for entry in feed.entries} == expected, state
        assert len(feed.entries) == len(expected)


def test_the_whole_timeline_feed_holds_every_event_newest_first_dated_by_the_events(published):
    feed = feedparser.parse((published.output / "feeds" / "all.atom.xml").read_bytes())
    events = events_json(published)
    assert [entry.link for entry in feed.entries] == [e["url"] for e in reversed(events)]
    newest = events[-1]
    # Ids and dates come from the event, never from the build, so a rebuild writes the same feed.
    assert feed.entries[0].id == f"tag:timeline.test,{newest['date']}:/record/events/{newest['id']}/"
    # The feed was last updated by its newest event or its latest correction, whichever came later.
    latest = max([e["date"] for e in events] + [c["date"] for e in events for c in e["corrections"]])
    assert feed.feed.updated.startswith(latest)


def test_pages_link_to_the_feeds_that_belong_to_them(published):
    def feed_links(url):
        return [link["href"] for link in published.page(url).select(f'link[rel="alternate"][type="{ATOM}"]')]

    everything = f"{SITEURL}/feeds/all.atom.xml"
    assert feed_links("/") == [everything]
    assert feed_links("/actors/ukraine/") == [everything, f"{SITEURL}/feeds/actors/ukraine.atom.xml"]
    assert feed_links("/types/vote/") == [everything, f"{SITEURL}/feeds/types/vote.atom.xml"]
    for page in published.output.rglob("*.html"):
        for href in feed_links(str(page.relative_to(published.output))):
            assert (published.output / href.removeprefix(SITEURL + "/")).is_file(), href


def test_a_local_build_writes_and_links_no_feed(site):
    assert not (site.output / "feeds").exists()
    assert site.page("/").select(f'link[type="{ATOM}"]') == []
