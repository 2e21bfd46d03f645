"""A reader's and an editor's checks on claims tied to their sources: a body cites its event's sources as
`[@2]`; figures, positions, tallies and each side of a disagreement name theirs by number; every mark leads
to the numbered source, on the event's page, in the chronology and in the feeds; and a citation of a source
the event does not list stops the build on its line."""

from __future__ import annotations

import json
import re

import feedparser
import pytest

from conftest import SITEURL, section
from test_hostile_files import add

VOTE = "2025-12-04-cited-vote"
FRONT = """title: A vote whose claims cite their sources
date: 2025-12-04
type: vote
summary: A fixture vote with a source for each claim.
body: un-general-assembly
actors: [un-general-assembly, ukraine, russian-federation]
tally: {yes: 91, no: 12, abstain: 57, source: 1}
positions:
  ukraine: {position: "yes", source: 2}
  russian-federation: "no"
figures:
  - measure: children-deported
    count: 20000
    qualifier: at-least
    reported_by: Ukraine
    source: 2
conflicts:
  - about: The twelfth state voting against
    reports:
      - says: North Korea
        source: 1
      - says: DR Congo
        source: [2, 1]
sources:
  - title: The first report
    publisher: First Publisher
    date: unknown
    url: https://example.org/first
  - title: The second report
    publisher: Second Publisher
    date: unknown
    url: https://example.org/second
"""
BODY = "The Assembly voted 91 to 12 [@1].\n\nUkraine counted at least 20,000 children [@2, 1]; `[@9]` is code.\n"
# The body's first line: after the opening `---`, the front matter and the closing `---`.
BODY_LINE = FRONT.count("\n") + 3


def cited_vote(fixture_site, front: str = FRONT, body: str = BODY) -> None:
    add(fixture_site.content, {f"events/{VOTE}.md": f"---\n{front}---\n{body}"})


def text(element) -> str:
    return " ".join(element.get_text().split())


def leads_to(page, mark) -> str:
    """The text of the source a mark on `page` leads to."""
    return text(page.find(id=mark["href"].removeprefix("#")))


def test_a_body_s_citations_are_marks_that_lead_to_its_numbered_sources(fixture_site):
    cited_vote(fixture_site)
    result = fixture_site()
    assert result.returncode == 0, result.log
    page = result.page(f"/events/{VOTE}/")
    paragraphs = page.select(".prose p")
    # Written after a space, `claim [@1].`, a mark sits against its claim.
    assert [text(p) for p in paragraphs] == ["The Assembly voted 91 to 12[1].",
                                             "Ukraine counted at least 20,000 children[2][1]; [@9] is code."]
    marks = [a for p in paragraphs for a in p.select("sup a")]
    assert [leads_to(page, a).split(",")[0] for a in marks] == ["The first report", "The second report",
                                                               "The first report"]


def test_a_tally_a_position_and_each_side_of_a_conflict_show_the_marks_of_their_sources(fixture_site):
    cited_vote(fixture_site)
    page = fixture_site().page(f"/events/{VOTE}/")
    assert text(page.select_one(".tally-text")).endswith("57 abstaining[1]")
    ukraine = section(page, "positions-h").select("tbody tr")[0]
    assert text(ukraine.td) == "Yes[2]" and leads_to(page, ukraine.td.a).startswith("The second report")
    sides = [text(li) for li in page.select("aside.conflict li")]
    assert sides == ["First Publisher reported North Korea[1].",
                     "Second Publisher and First Publisher reported DR Congo[2][1]."]


def test_marks_away_from_the_event_page_lead_to_its_sources_there(fixture_site):
    cited_vote(fixture_site)
    result = fixture_site()
    row = next(row for row in result.page("/children/").select("table.figures tbody tr")
               if "20,000" in row.get_text())
    assert text(row.select("td")[3]) == "Ukraine[2]"
    assert row.select_one("td sup a")["href"] == f"../events/{VOTE}/#source-2"
    disputed = next(row for row in result.page("/actors/ukraine/").select("table.record tbody tr")
                    if VOTE in row.th.a["href"])
    assert text(disputed.td) == "Yes[2]"
    assert disputed.td.a["href"] == f"../../events/{VOTE}/#source-2"


def test_the_chronology_points_each_body_s_marks_to_its_own_notes(site):
    """One page holds every body: each mark leads to the chronology's note for the same source."""
    page = site.page("/chronology/")
    events = json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    marked = 0
    for event in events:
        entry = page.find("section", id=event["id"])
        body_marks = entry.select(".prose sup a")
        for mark in body_marks:
            assert mark["href"].startswith("#note-"), event["id"]
            assert mark.get_text() == f"[{mark['href'].removeprefix('#note-')}]"
        original = site.page(f"/events/{event['id']}/").select(".prose sup a")
        assert [event["sources"][int(a["href"].removeprefix("#source-")) - 1]["url"] for a in original] == \
            [page.find(id=a["href"][1:]).a["href"] for a in body_marks], event["id"]
        marked += len(body_marks)
    assert marked, "the bodies of the record cite their sources"


def test_every_mark_on_every_event_page_leads_to_one_of_its_listed_sources(site):
    events = json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    for event in events:
        page = site.page(f"/events/{event['id']}/")
        listed = {li["id"] for li in section(page, "sources-h").select("ol.sources > li")}
        for mark in page.select("sup a"):
            assert mark["href"].removeprefix("#") in listed, (event["id"], mark["href"])


def test_a_feed_s_marks_lead_to_the_sources_on_the_event_s_page(published):
    feed = feedparser.parse((published.output / "feeds" / "all.atom.xml").read_bytes())
    marked = [(entry.link, href) for entry in feed.entries
              for href in re.findall(r'href="([^"]*#source-\d+)"', entry.content[0].value)]
    assert marked
    for link, href in marked:
        assert href.startswith(f"{SITEURL}/") and href.split("#")[0] == link, href


@pytest.mark.parametrize("body, problem", [
    ("Out of the list [@3].\n", "`[@3]` cites source 3, which is not in `sources`"),
    ("\nNo source nought [@0].\n", "`[@0]` cites source 0, which is not in `sources`"),
    ("Two lines\ndown, in words [@two].\n", "`[@two]` is not a citation"),
    ("A range [@1-2].\n", "`[@1-2]` is not a citation"),
    ("Nothing cited [@].\n", "`[@]` is not a citation"),
    # Digits of other scripts read as numbers by Python, but a citation's number is written in ASCII digits.
    ("Arabic-Indic [@\u0661].\n", "`[@\u0661]` is not a citation"),
    ("Full-width [@\uff11].\n", "`[@\uff11]` is not a citation"),
    ("One good [@1], one not [@1, 4].\n", "`[@1, 4]` cites source 4, which is not in `sources`"),
])
def test_a_citation_the_event_s_sources_cannot_answer_stops_the_build_on_its_line(fixture_site, body, problem):
    cited_vote(fixture_site, body=body)
    result = fixture_site()
    line = BODY_LINE + body.count("\n", 0, body.rindex("[@"))
    assert result.returncode != 0
    assert result.problems == [f"content/events/{VOTE}.md:{line}: body: {problem}; expected `[@2]`, or `[@1, 3]` "
                               "for several sources, numbers from 1 to 2: the sources' places in `sources`"]
    assert not (result.output / "index.html").exists()


@pytest.mark.parametrize("old, new, problem", [
    ("    source: 2\nconflicts", "    source: 3\nconflicts", "figures[0].source: there is no source number 3"),
    ("    source: 2\nconflicts", "conflicts", "figures[0].source: missing"),
    ("{position: \"yes\", source: 2}", "{position: \"yes\", source: 0}", "positions.ukraine.source: there is no "
                                                                         "source number 0"),
    ("abstain: 57, source: 1}", "abstain: 57, source: two}", "tally.source: is `two`, not a source's number"),
    ("        source: [2, 1]\n", "        source: [2, true]\n", "conflicts[0].reports[1].source: is a list, not a "
                                                                 "source's number"),
    ("        source: 1\n      - says: DR", "        by: First Publisher\n      - says: DR",
     "conflicts[0].reports[0].by: `by` is now `source`, which names the source by number"),
    ("  - about: The twelfth", "  - official: DR Congo\n    about: The twelfth",
     "conflicts[0].official_source: missing"),
])
def test_a_value_s_source_must_be_one_the_event_lists(fixture_site, old, new, problem):
    assert old in FRONT
    cited_vote(fixture_site, FRONT.replace(old, new, 1))
    result = fixture_site()
    assert result.returncode != 0
    assert len(result.problems) == 1 and f": {problem}" in result.problems[0], result.problems


@pytest.mark.parametrize("path, what", [("actors/ukraine.md", "an actor"), ("pages/about.md", "a page")])
def test_a_biography_or_a_page_has_no_sources_to_cite(fixture_site, path, what):
    front = "name: Ukraine\nkind: state\ncode: UKR\nrole: A state\n" if path.startswith("actors") else "title: About\n"
    add(fixture_site.content, {path: f"---\n{front}---\nSaid somewhere [@1].\n"})
    result = fixture_site()
    assert result.returncode != 0
    assert result.problems == [f"content/{path}:{front.count(chr(10)) + 3}: body: `[@1]` cites a source, but {what} "
                               "has no `sources`; expected the citation in the event whose sources say it, or a link "
                               "to the source written `[its title](https://…)`"]
