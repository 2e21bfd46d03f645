"""A rebuild leaves a page as it is only when nothing it is drawn from has changed and its file is the
one the last build wrote."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from examples import actor, event
from pelican.plugins.timeline.model import Tally
from pelican.plugins.timeline.page_cache import PageCache, digest, fingerprint_text

UKRAINE = actor("ukraine")
VOTE = event("2025-12-03", "vote", actors=[UKRAINE], tally=Tally(91, 12, 57))
# What each event and actor is read from (in a build, the digests of its file): its front matter, its body's words.
SOURCES = {("Event", VOTE.slug): (digest("the vote's front matter"), digest("the vote's body")),
           ("Actor", "ukraine"): (digest("Ukraine's front matter"), digest("Ukraine's body"))}
ENV = jinja2.Environment(loader=jinja2.DictLoader({"event.html": "{{ event.title }}", "other.html": "{{ event }}"}))
PAGE = f"events/{VOTE.slug}/index.html"


def text_of(values: dict) -> str:
    return fingerprint_text(values, [])


def test_a_fingerprint_text_is_the_same_for_equal_values_made_apart_and_names_events_by_slug():
    def values():
        return {"event": event("2025-12-03", "vote", tally=Tally(91, 12, 57)), "label": "December 2025",
                "pages": [1, 2]}

    assert text_of(values()) == text_of(values())
    assert text_of(values()) == "{'event':<Event 2025-12-03-vote>,'label':'December 2025','pages':[1,2]}"
    assert text_of({**values(), "label": "November 2025"}) != text_of(values())


def test_the_events_and_actors_a_page_shows_are_gathered_to_be_digested_with_it():
    shown: list = []
    text = fingerprint_text({"events": [VOTE], "tally": VOTE.tally, "actor": UKRAINE}, shown)
    assert text == "{'events':<Events 2025-12-03-vote>,'tally':Tally(91,12,57,None,[]),'actor':<Actor ukraine>}"
    assert shown == [VOTE, UKRAINE]


def test_a_digest_depends_on_every_part_and_on_where_one_part_ends():
    assert digest("a", "b") == digest("a", "b")
    assert len({digest("a", "b"), digest("a", "c"), digest("ab"), digest("a", "b", "")}) == 4


def settings(tmp_path: Path) -> dict:
    return {"OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True}


def build(tmp_path: Path, values: dict | None = None, template: str = "event.html", sources: dict = SOURCES,
          pages: tuple[str, ...] = (PAGE,), bodies: tuple = (VOTE,)) -> bool:
    """Run one build's page cache over the pages, which show the body of `bodies`, writing again each it could
    not keep; return whether it kept them all."""
    cache = PageCache(settings(tmp_path), {}, ENV, sources)
    kept = [cache.unchanged(page, template, values or {"event": VOTE}, bodies) for page in pages]
    for page, page_kept in zip(pages, kept):
        if not page_kept:
            (tmp_path / "output" / page).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "output" / page).write_text(VOTE.title, encoding="utf-8")
    cache.finish()
    return all(kept)


def test_a_page_drawn_from_the_same_inputs_is_kept_from_the_last_build(tmp_path):
    assert not build(tmp_path), "the first build has nothing to keep"
    assert build(tmp_path)
    assert build(tmp_path), "a kept page is kept again"


def touch(path: Path) -> None:
    stamp = path.stat()
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("change", [
    lambda output: touch(output / PAGE),
    lambda output: (output / PAGE).write_text("Edited by hand", encoding="utf-8"),
    lambda output: (output / PAGE).unlink(),
], ids=["file touched", "file rewritten", "file removed"])
def test_a_page_whose_file_is_not_the_one_the_last_build_wrote_is_drawn_again(tmp_path, change):
    build(tmp_path)
    change(tmp_path / "output")
    assert not build(tmp_path)


@pytest.mark.parametrize("inputs", [
    {"values": {"event": VOTE, "page": 2}},
    {"template": "other.html"},
    {"sources": {**SOURCES, ("Event", VOTE.slug): (digest("edited"), SOURCES["Event", VOTE.slug][1])}},
    {"sources": {**SOURCES, ("Event", VOTE.slug): (SOURCES["Event", VOTE.slug][0], digest("edited"))}},
    {"sources": {**SOURCES, ("Actor", "ukraine"): (digest("edited"), SOURCES["Actor", "ukraine"][1])}},
], ids=["other values", "other template", "the event's front matter edited", "the body it shows edited",
        "the front matter of an actor it shows edited"])
def test_a_page_whose_inputs_changed_is_drawn_again(tmp_path, inputs):
    build(tmp_path)
    assert not build(tmp_path, **inputs)


@pytest.mark.parametrize("edited", [("Event", VOTE.slug), ("Actor", "ukraine")], ids=["the event's", "an actor's"])
def test_a_page_that_does_not_show_a_body_is_kept_when_only_that_body_is_edited(tmp_path, edited):
    """A listing shows an event's front matter (its title, date, summary), never its body; nor does an event's
    page show the body of an actor it names."""
    build(tmp_path, bodies=())
    assert build(tmp_path, bodies=(), sources={**SOURCES, edited: (SOURCES[edited][0], digest("edited"))})


def test_a_page_the_new_build_no_longer_has_is_removed_with_its_empty_folders(tmp_path):
    gone = "events/2025-12-04-withdrawn/index.html"
    build(tmp_path, pages=(PAGE, gone))
    build(tmp_path)
    assert (tmp_path / "output" / PAGE).is_file()
    assert not (tmp_path / "output" / gone).parent.exists()
