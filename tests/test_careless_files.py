"""Careless files that a build used to publish wrong with exit code 0: each is now handled right (a draft
is not published, a body's heading keeps its level, two bodies' footnotes keep their own ids), and a
plugin setting that cannot work stops the build before anything is read, in one line."""

from __future__ import annotations

import pickle

import pytest

from pelican.plugins.timeline.outputcheck import check_output
from test_hostile_files import add, event


def page(title: str, extra: str = "") -> str:
    return f"---\ntitle: '{title}'\n{extra}---\nThe text of a page.\n"


def menu(result) -> list[str]:
    return [a.get_text() for a in result.page("/").select(".site-nav a")]


def test_a_draft_is_not_published_nor_linked_and_a_hidden_page_is_published_unlinked(fixture_site):
    add(fixture_site.content, {"pages/about.md": page("About"), "pages/plans.md": page("Plans", "status: draft\n"),
                               "pages/imprint.md": page("Imprint", "status: hidden\n")})
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert "About" in menu(result) and "Plans" not in menu(result) and "Imprint" not in menu(result)
    assert not (result.output / "plans").exists() and not (result.output / "drafts").exists()
    assert result.page("/imprint/").h1.get_text() == "Imprint"


@pytest.mark.parametrize("title", ["!!!", "Search", "Pagefind", "Actors", "About", "…"])
def test_a_page_is_named_by_its_file_whatever_its_title(indexed_site, title):
    add(indexed_site.content, {"pages/notes.md": page(title)})
    result = indexed_site()
    assert result.returncode == 0, result.log
    assert result.page("/notes/").h1.get_text() == title
    assert title in menu(result)
    assert result.page("/search/").h1.get_text() == "Search"
    assert (result.output / "pagefind" / "1" / "pagefind.js").is_file()
    assert check_output(result.output) == []


def test_two_pages_of_one_name_are_refused(fixture_site):
    add(fixture_site.content, {"pages/about.md": page("About"), "pages/old/about.md": page("About, again")})
    result = fixture_site()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert result.problems == ["content/pages/old/about.md:1: file name: the slug `about` is also used by "
                               "content/pages/about.md; expected a file name of its own"]


def test_a_page_removed_from_content_and_a_file_left_by_hand_are_gone_after_the_next_build(fixture_site):
    add(fixture_site.content, {"pages/extra.md": page("Extra")})
    assert fixture_site().returncode == 0
    output = fixture_site.content.parent / "output"
    assert (output / "extra" / "index.html").is_file()
    (fixture_site.content / "pages" / "extra.md").unlink()
    (output / "events" / "left-by-hand.html").write_text("<p>Stale</p>")
    (output / "actors" / "ukraine" / "old.html").write_text("<p>Stale</p>")
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert not (output / "extra").exists()
    assert not (output / "events" / "left-by-hand.html").exists()
    assert not (output / "actors" / "ukraine" / "old.html").exists()
    assert (output / "actors" / "ukraine" / "index.html").is_file()


FOOTNOTED = "A claim.[^1] Another, with [a link to the note](#fn:1).\n{: #claims }\n\n[^1]: The note of {slug}.\n"


def test_footnotes_of_two_events_keep_their_own_ids_on_the_chronology(fixture_site):
    for slug in ("2023-01-10-first", "2023-01-11-second"):
        add(fixture_site.content, {f"events/{slug}.md": event(body=FOOTNOTED.replace("{slug}", slug))
                                   .replace("2023-01-10", slug[:10])})
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert check_output(result.output) == []  # links and anchors resolve, no id is used twice
    chronology = result.page("/chronology/")
    notes = chronology.select('li[id$=":fn:1"]')
    assert [note["id"] for note in notes] == ["2023-01-10-first:fn:1", "2023-01-11-second:fn:1"]
    assert chronology.select_one('a[href="#2023-01-11-second:fn:1"]') is not None
    event_page = result.page("/events/2023-01-10-first/")
    links = [a.get_text() for a in event_page.select('.prose a[href="#2023-01-10-first:fn:1"]')]
    assert links == ["1", "a link to the note"]
    assert event_page.select_one(".prose p")["id"] == "2023-01-10-first:claims"


@pytest.mark.parametrize("body, headings", [
    ("# Background\n\nText.\n\n## Detail\n\nMore.", [("h2", "Background"), ("h3", "Detail")]),
    ("Background\n==========\n\nText.", [("h2", "Background")]),
    ("## Background\n\nText.\n\n### Detail", [("h2", "Background"), ("h3", "Detail")]),
    ("<h1>Pasted</h1>\n\n###### Deepest", [("h2", "Pasted"), ("h6", "Deepest")]),
])
def test_a_body_keeps_its_headings_below_the_page_title(fixture_site, body, headings):
    add(fixture_site.content, {"events/2023-01-10-headed.md": event(body=body)})
    result = fixture_site()
    assert result.returncode == 0, result.log
    page_ = result.page("/events/2023-01-10-headed/")
    assert len(page_.find_all("h1")) == 1
    found = [(h.name, h.get_text()) for h in page_.select(".prose h1, .prose h2, .prose h3, .prose h6")]
    assert found == headings


@pytest.mark.parametrize("setting, value, message", [
    ("TIMELINE_UNSAFE_MARKUP", "Strip", "TIMELINE_UNSAFE_MARKUP: is 'Strip'; expected one of 'error', 'strip'"),
    ("TIMELINE_UNSAFE_MARKUP", True, "TIMELINE_UNSAFE_MARKUP: is True; expected a value like the default, 'error'"),
    ("TIMELINE_SEARCH_SHARD_SIZE", 0, "TIMELINE_SEARCH_SHARD_SIZE: is 0; expected a whole number of 1 or more"),
    ("TIMELINE_MEMBER_STATES", "../states.csv", "TIMELINE_MEMBER_STATES: is '../states.csv'; expected a path inside "
                                               "the content folder (no leading `/`, no `..`)"),
    ("TIMELINE_SEARCH_SHARD_SIZE", "1000", "TIMELINE_SEARCH_SHARD_SIZE: is '1000'; expected a value like"),
    ("TIMELINE_PAGE_LIMIT", -5, "TIMELINE_PAGE_LIMIT: is -5; expected a whole number of 1 or more"),
    ("TIMELINE_MARKDOWN_SECONDS", 0, "TIMELINE_MARKDOWN_SECONDS: is 0; expected a whole number of 1 or more"),
    ("TIMELINE_MARKDOWN_SECONDS", 10**12, "TIMELINE_MARKDOWN_SECONDS: is 1000000000000; expected a whole number of "
     "at most 600"),
    ("TIMELINE_HOME_LIMIT", 10**6, "TIMELINE_HOME_LIMIT: is 1000000; expected a whole number of at most 1,000"),
    ("TIMELINE_SEARCH_SHARD_SIZE", 10**9, "TIMELINE_SEARCH_SHARD_SIZE: is 1000000000; expected a whole number of "
     "at most 100,000"),
    ("TIMELINE_WORKERS", 10**4, "TIMELINE_WORKERS: is 10000; expected a whole number of at most 256"),
    ("TIMELINE_FEEDS", "yes", "TIMELINE_FEEDS: is 'yes'; expected a value like the default, True"),
    ("EVENT_URL", "events/{name}/", "EVENT_URL: is 'events/{name}/'; expected a path with exactly the placeholders {slug}"),
    ("EVENT_SAVE_AS", "../{slug}.html", "EVENT_SAVE_AS: is '../{slug}.html'; expected a path inside the output folder"),
    ("TIMELINE_PAGE_URL", "{url}page/{number", "TIMELINE_PAGE_URL: is '{url}page/{number'; expected a path with"),
    ("TIMELINE_MEASURES", {"children deported": "Children"}, "TIMELINE_MEASURES: the key 'children deported' is not"),
    ("TIMELINE_MEASURES", {"returned": ""}, "TIMELINE_MEASURES: 'returned' is ''; expected a label"),
    ("TIMELINE_MENU", {"timeline": "Timeline", "serch": "Search"},
     "TIMELINE_MENU: 'serch' is not one of timeline, actors, votes, figures, chronology, corrections, search (did you "
     "mean `search`?)"),
    ("FIGURES_TITLE", " ", "FIGURES_TITLE: is ' '; expected a text readers see, not empty"),
    ("TIMELINE_MAP_NOTE", "", "TIMELINE_MAP_NOTE: is ''; expected a text readers see, not empty"),
    ("TIMELINE_SYMBOL_LINKED", "[AS/", "TIMELINE_SYMBOL_LINKED: is '[AS/'; expected a regular expression (Python's re:"),
    ("TIMELINE_EVENT_TYPES", {"Vote": "Vote"}, "TIMELINE_EVENT_TYPES: the key 'Vote' is not a slug"),
    ("TIMELINE_EVENT_TYPES", {}, "TIMELINE_EVENT_TYPES: is empty; expected at least one type of event"),
    ("TIMELINE_POSITIONS", {"summit": "Who endorsed the communiqué"},
     "TIMELINE_POSITIONS: 'summit' is 'Who endorsed the communiqué'; expected a heading and its words, each a slug"),
    ("TIMELINE_POSITIONS", {"talks": ["Who took part", {"Took part": "Took part"}]},
     "TIMELINE_POSITIONS: 'talks' is ['Who took part', {'Took part': 'Took part'}]; expected a heading and its words"),
    ("TIMELINE_POSITIONS", {"sumit": ["Who endorsed the communiqué", {"endorsed": "Endorsed"}]},
     "TIMELINE_POSITIONS: 'sumit' is not in TIMELINE_EVENT_TYPES; expected one of invasion, vote, veto, session"),
    ("EVENT_PATHS", "events", "EVENT_PATHS: is 'events'; expected a value like the default, ['events']"),
    ("SLUGIFY_SOURCE", "title", "SLUGIFY_SOURCE: is 'title'; expected \"basename\""),
    ("TIMELINE_SYMBOL_URL", "undocs.org/{symbol}", "TIMELINE_SYMBOL_URL: is 'undocs.org/{symbol}'; expected an "
     "address starting with https:// or http:// with exactly the placeholders {symbol}, or \"\" for no links"),
    ("TIMELINE_SYMBOL_URL", "https://undocs.org/",
     "TIMELINE_SYMBOL_URL: is 'https://undocs.org/'; expected an address"),
    # A placeholder that pads, converts or reaches into the value: 200,000 spaces in every address, say.
    *(("TIMELINE_SYMBOL_URL", f"https://undocs.org/{{symbol{shaped}}}", f"TIMELINE_SYMBOL_URL: is "
       f"'https://undocs.org/{{symbol{shaped}}}'; expected an address starting with https:// or http:// with exactly "
       "the placeholders {symbol}") for shaped in (":>200000", "!r", ":{symbol}", ".upper", "[0]")),
    ("EVENT_URL", "events/{slug:>99999}/", "EVENT_URL: is 'events/{slug:>99999}/'; expected a path with"),
])
def test_a_setting_that_cannot_work_stops_the_build_in_one_line(fixture_site, setting, value, message):
    result = fixture_site(**{setting: value})
    assert result.returncode == 1
    assert "Traceback" not in result.log
    lines = [line for line in result.log.splitlines() if line.startswith("settings: ")]
    assert len(lines) == 1 and lines[0].startswith(f"settings: {message}"), result.log
    assert not result.output.exists()


def test_a_build_stopped_by_a_setting_builds_once_the_setting_is_mended(fixture_site):
    assert fixture_site(TIMELINE_MARKDOWN_SECONDS=10**12).returncode == 1
    mended = fixture_site()
    assert mended.returncode == 0, mended.log


def test_a_page_title_with_markup_is_refused_or_stripped_as_an_event_title_is(fixture_site):
    add(fixture_site.content, {"pages/about.md": page("<b>About</b> us<script>alert(1)</script>")})
    refused = fixture_site()
    assert refused.returncode == 1 and refused.problems[0].startswith("content/pages/about.md:2: title: contains <script>")
    stripped = fixture_site(TIMELINE_UNSAFE_MARKUP="strip")
    assert stripped.returncode == 0, stripped.log
    assert stripped.page("/about/").h1.get_text() == "About us"
    assert "About us" in menu(stripped)


def test_what_another_version_of_the_plugin_read_is_read_again_not_trusted(fixture_site):
    assert fixture_site().returncode == 0
    cache = fixture_site.content.parent / "output-cache"
    # Make the kept reads look like another version's: the same files, but none of the fields this one keeps.
    kept = pickle.loads((cache / "TimelineGenerator-Readers").read_bytes())
    kept = {path: (stamp, (content, {"title": "x"})) for path, (stamp, (content, metadata)) in kept.items()}
    (cache / "TimelineGenerator-Readers").write_bytes(pickle.dumps(kept))
    (cache / "TimelineGenerator-code.txt").write_text("the digest of another version")
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log
    assert result.page("/events/2022-03/").h1.get_text() == "An event known only to the month"
