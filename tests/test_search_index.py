"""Every build carries its own search index, covering exactly the event and actor pages."""

from __future__ import annotations

import json
import re

from timeline.search import pages_to_index
from timeline.settings import DEFAULTS


def test_the_build_writes_a_search_index_of_every_event_and_actor_page(site):
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    events = list((site.output / "events").glob("*/index.html"))
    actors = list((site.output / "actors").glob("*/index.html"))
    assert entry["languages"]["en"]["page_count"] == len(events) + len(actors)


def test_only_event_and_actor_pages_are_marked_for_the_index(site):
    for path in site.output.rglob("*.html"):
        page = site.page(str(path.relative_to(site.output)))
        marked = page.find(attrs={"data-pagefind-body": True}) is not None
        assert marked == (path.parts[-3] in ("events", "actors")), path


def test_the_home_page_refers_to_no_search_asset(site):
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert "pagefind" not in home
    assert 'href="./search/"' in home


def test_pagefind_reads_every_page_that_search_indexes(site):
    read = re.fullmatch(r"\{(.*)\}/\*\*/\*\.html", pages_to_index(DEFAULTS)).group(1).split(",")
    indexed = [path.relative_to(site.output) for path in site.output.rglob("*.html")
               if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert indexed and all(path.parts[0] in read for path in indexed)
