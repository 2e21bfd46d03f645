"""Every build ends with one line saying what it did: the events and actors it built, the pages it wrote
and those it left as they were, the search shards it indexed and those it kept, the warnings it printed,
and how long it took; with --debug, the log says why each page was drawn and each shard indexed."""

from __future__ import annotations

import os
import re
import shutil

from conftest import Build, invoke, project_copy
from test_editor_errors import add_unnamed_actor

SECONDS = r"; \d+\.\d s\."


def last_line(site: Build) -> str:
    assert site.returncode == 0, site.log
    return site.log.strip().splitlines()[-1]


def pages_in(site: Build) -> int:
    """Count the HTML pages of a built fixture site (it has no pages of Pelican's own, such as About)."""
    return len(list(site.output.rglob("index.html")))


def drawn(site: Build, reason: str) -> list[str]:
    """The pages the --debug log says were drawn for this reason."""
    return re.findall(rf"Drawing (\S+/index\.html|index\.html): {reason}", site.log)


def test_a_first_build_ends_with_the_events_actors_pages_and_shards_it_made(indexed_site):
    site = indexed_site()
    assert re.fullmatch(r"Built 2 events and 4 actors: 15 pages written, 0 left as they were; "
                        r"search: 1 shard indexed, 0 kept" + SECONDS, last_line(site))
    assert pages_in(site) == 15
    assert "Processed" not in site.log, "Pelican's own line, which counts no events, is still printed"


def test_a_build_with_nothing_changed_writes_no_page_and_keeps_the_search_index(indexed_site):
    indexed_site()
    again = indexed_site()
    assert re.fullmatch(r"Built 2 events and 4 actors: 0 pages written, 15 left as they were; "
                        r"search: 0 shards indexed, 1 kept" + SECONDS, last_line(again))


def test_after_an_event_is_added_the_line_counts_it(indexed_site):
    indexed_site()
    events = indexed_site.content / "events"
    shutil.copy(events / "2022-03.md", events / "2023-05.md")
    (events / "2023-05.md").write_text((events / "2023-05.md").read_text().replace("date: 2022-03", "date: 2023-05"))
    site = indexed_site(options=("--debug",))
    assert pages_in(site) == 17  # the new event's page and its year's
    written = drawn(site, "its inputs changed since the last build") + drawn(site, "the last build recorded no such page")
    # The pages that show it, its neighbours or its new year (every listing's navigation) are drawn; the list of
    # actors shows none of them and is left.
    assert {"events/2023-05/index.html", "years/2023/index.html", "index.html"} <= set(written)
    assert "actors/index.html" not in written
    assert re.fullmatch(rf"Built 3 events and 4 actors: {len(written)} pages written, {17 - len(written)} left as they "
                        r"were; search: 1 shard indexed, 0 kept" + SECONDS, last_line(site))


def test_after_a_warning_the_line_counts_it_too(indexed_site):
    add_unnamed_actor(indexed_site)
    site = indexed_site()
    assert re.fullmatch(r"Built 2 events and 5 actors: 16 pages written, 0 left as they were; "
                        r"search: 1 shard indexed, 0 kept; 1 warning above" + SECONDS, last_line(site))


def test_with_debug_the_log_names_each_page_drawn_and_why(indexed_site):
    first = indexed_site()
    with (indexed_site.content / "events" / "2022-03.md").open("a", encoding="utf-8") as event:
        event.write("\nA sentence added to the body.\n")
    touched = first.output / "actors" / "index.html"  # shows no event, so only its file changed
    stamp = touched.stat()
    os.utime(touched, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))

    site = indexed_site(options=("--debug",))

    written = int(re.match(r"Built 2 events and 4 actors: (\d+) pages written, \d+ left", last_line(site)).group(1))
    changed = drawn(site, "its inputs changed since the last build")
    # The body shows on the event's page and in the chronology; the listings that name the event are left.
    assert sorted(changed) == ["chronology/index.html", "events/2022-03/index.html"]
    assert drawn(site, "its file is not the one the last build wrote") == ["actors/index.html"]
    assert len(changed) + 1 == written
    assert "Indexed pagefind/1/: no index was stored for its pages' digest " in site.log


def test_with_debug_a_first_build_says_there_was_no_page_before(indexed_site):
    site = indexed_site(options=("--debug",))
    assert len(drawn(site, "the last build recorded no such page")) == pages_in(site) == 15
    again = indexed_site()
    assert "0 pages written" in last_line(again), "a build with --debug must not make the next draw every page"


def test_invoke_build_verbose_stops_on_an_editor_s_mistake_with_its_problems_and_no_traceback(tmp_path):
    """Pelican's --debug prints the traceback of whatever stopped a build; an editor's mistake is no crash, and
    its lines say what to fix, with or without --verbose."""
    root = project_copy(tmp_path)
    (root / "content" / "events" / "2024-01-01-bad.md").write_text("---\ntitle: A title alone\n---\nBody.\n")
    stopped = invoke(root, "build --verbose")
    said = stopped.stdout + stopped.stderr
    assert stopped.returncode == 1
    assert "content/events/2024-01-01-bad.md:1: date: missing; expected" in said
    assert "Traceback" not in said and "raise ContentError" not in said, said


def test_invoke_build_verbose_says_why_each_page_is_drawn_and_ends_with_the_line(tmp_path):
    root = project_copy(tmp_path)
    built = invoke(root, "build --verbose")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Drawing index.html: the last build recorded no such page" in built.stdout
    assert re.fullmatch(r"Built 2 events and 4 actors: 15 pages written, 0 left as they were; "
                        r"search: 1 shard indexed, 0 kept" + SECONDS, built.stdout.strip().splitlines()[-1])
