"""A reader's, a reuser's and a feed reader's checks on corrections: the corrected event's page ends with
them, the corrections page lists them all and every footer links to it, the open data and the feeds carry
them; a site without any has no trace of them; a rebuild after a correction shows it everywhere."""

from __future__ import annotations

import csv
import json
import shutil
from functools import partial

import feedparser
import jsonschema
import pytest

from conftest import FIXTURES, Build, build, section, snapshot
from live_markup import live_markup
from test_plain_text_outputs import SITEURL, published_build
from pelican.plugins.timeline.outputcheck import check_output

VOTE = "2025-12-03-children-vote"
# Written newest first, as an editor might append them: the event's page puts them in the order made.
CORRECTIONS = """corrections:
  - date: 2025-12-10
    note: The tally gave 13 votes against; the UN's record gives 12.
  - date: 2025-12-05
    note: The symbol was given as A/RES/ES-11/8 & is A/RES/ES-11/9.
sources:
"""
TALLY = "The tally gave 13 votes against; the UN's record gives 12."
SYMBOL = "The symbol was given as A/RES/ES-11/8 & is A/RES/ES-11/9."


def edit(content, old: str, new: str) -> None:
    """Change the fixture vote's file, as an editor would."""
    path = content / "events" / f"{VOTE}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Build:
    """The fixture site with its vote corrected twice, built as it is published."""
    root = tmp_path_factory.mktemp("corrected")
    shutil.copytree(FIXTURES / "site", root / "content")
    edit(root / "content", "sources:\n", CORRECTIONS)
    result = published_build(partial(build, root / "content", root / "output"))
    assert result.returncode == 0, result.log
    return result


def feed(site: Build, path: str):
    return feedparser.parse((site.output / "feeds" / path).read_bytes())


def test_the_event_page_ends_with_its_corrections_in_the_order_they_were_made(corrected):
    page = corrected.page(f"/events/{VOTE}/")
    corrections = section(page, "corrections-h")
    assert page.select("article > section")[-1] is corrections
    assert [(li["id"], li.get_text()) for li in corrections.select("li")] == [
        ("correction-1", f"5 December 2025: {SYMBOL}"), ("correction-2", f"10 December 2025: {TALLY}")]
    assert corrected.page("/events/2022-03/").find(id="corrections-h") is None


def test_the_corrections_page_lists_every_correction_newest_first_linking_to_it_and_to_its_feed(corrected):
    page = corrected.page("/corrections/")
    rows = [[p.get_text(" ", strip=True) for p in li.select("p")] + [li.a["href"]]
            for li in page.select("ol.correction-list > li")]
    title = "Assembly demands the return of Ukraine's children , 3 December 2025"
    assert rows == [["Corrected 10 December 2025", title, TALLY, f"{SITEURL}/events/{VOTE}/#correction-2"],
                    ["Corrected 5 December 2025", title, SYMBOL, f"{SITEURL}/events/{VOTE}/#correction-1"]]
    assert [link["href"] for link in page.select('link[rel="alternate"]')] == \
        [f"{SITEURL}/feeds/all.atom.xml", f"{SITEURL}/feeds/corrections.atom.xml"]


def test_every_page_links_to_the_corrections_page_from_its_footer(corrected):
    pages = list(corrected.output.rglob("index.html"))
    assert len(pages) == 16
    for path in pages:
        links = corrected.page(str(path.relative_to(corrected.output))).select("footer a")
        assert f"{SITEURL}/corrections/" in [a["href"] for a in links], path


def test_the_open_data_carries_each_event_s_corrections(corrected):
    own = json.loads((corrected.output / "data" / "events" / f"{VOTE}.json").read_text(encoding="utf-8"))
    assert own["corrections"] == [{"date": "2025-12-05", "note": SYMBOL}, {"date": "2025-12-10", "note": TALLY}]
    everything = json.loads((corrected.output / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((corrected.output / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(everything)
    assert {e["id"]: e["corrections"] for e in everything["events"]} == {"2022-03": [], VOTE: own["corrections"]}
    with (corrected.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        cells = {row["id"]: row["corrections"] for row in csv.DictReader(handle)}
    assert cells == {"2022-03": "", VOTE: f"2025-12-05: {SYMBOL} | 2025-12-10: {TALLY}"}


def test_a_corrected_event_s_feed_entries_are_updated_on_its_latest_correction(corrected):
    for path in ("all.atom.xml", "actors/ukraine.atom.xml", "types/vote.atom.xml"):
        entries = {entry.link: entry for entry in feed(corrected, path).entries}
        vote = entries[f"{SITEURL}/events/{VOTE}/"]
        assert (vote.published[:10], vote.updated[:10]) == ("2025-12-03", "2025-12-10"), path
    month = next(entry for entry in feed(corrected, "all.atom.xml").entries if entry.link.endswith("/2022-03/"))
    assert month.updated == month.published
    assert feed(corrected, "all.atom.xml").feed.updated.startswith("2025-12-10")


def test_the_corrections_feed_holds_every_correction_newest_first(corrected):
    corrections = feed(corrected, "corrections.atom.xml")
    assert not corrections.bozo, corrections.get("bozo_exception")
    assert corrections.feed.id == f"{SITEURL}/feeds/corrections.atom.xml"
    assert corrections.feed.updated.startswith("2025-12-10")
    assert [(e.title, e.link, e.updated[:10], e.content[0].value) for e in corrections.entries] == [
        ("Corrected: Assembly demands the return of Ukraine's children", f"{SITEURL}/events/{VOTE}/#correction-2",
         "2025-12-10", TALLY),
        ("Corrected: Assembly demands the return of Ukraine's children", f"{SITEURL}/events/{VOTE}/#correction-1",
         "2025-12-05", SYMBOL.replace("&", "&amp;"))]
    assert len({entry.id for entry in corrections.entries}) == 2


def test_the_site_with_corrections_checks_out_and_holds_no_live_markup(corrected):
    assert [str(problem) for problem in check_output(corrected.output)] == []
    assert live_markup(corrected.output) == []


def test_a_site_without_corrections_has_no_corrections_page_link_or_feed(fixture_site):
    site = published_build(fixture_site)
    assert site.returncode == 0, site.log
    assert not (site.output / "corrections").exists()
    assert not (site.output / "feeds" / "corrections.atom.xml").exists()
    assert "corrections" not in " ".join(a["href"] for a in site.page("/").select("a"))
    assert all(entry.updated == entry.published for entry in feed(site, "all.atom.xml").entries)


def test_a_rebuild_after_a_correction_shows_it_on_every_page_as_a_fresh_build_would(fixture_site, tmp_path):
    assert fixture_site().returncode == 0
    edit(fixture_site.content, "sources:\n", CORRECTIONS)
    assert fixture_site().returncode == 0
    edit(fixture_site.content, "corrections:\n", "corrections:\n  - date: 2025-12-20\n    note: The place.\n")
    rebuilt = fixture_site()
    fresh = build(fixture_site.content, tmp_path / "fresh")
    assert rebuilt.returncode == fresh.returncode == 0, rebuilt.log + fresh.log
    assert snapshot(rebuilt.output) == snapshot(fresh.output)
    assert len(section(rebuilt.page(f"/events/{VOTE}/"), "corrections-h").select("li")) == 3
    assert len(rebuilt.page("/corrections/").select("ol.correction-list > li")) == 3
    assert rebuilt.page("/actors/").select_one('footer a[href$="corrections/"]') is not None
    assert rebuilt.page("/corrections/").select('link[rel="alternate"]') == [], "a local build writes no feed"
