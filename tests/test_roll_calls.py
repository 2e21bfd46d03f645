"""Every member's vote: the table of member states and the roll calls beside the votes, as a reader sees them
(a page for every member, every member's vote on the vote's page) and as an editor's mistakes are refused."""

from __future__ import annotations

import csv
import json
import os

import pycountry
import pytest

from conftest import ROOT, invoke, project_copy
from test_careless_files import add

TABLE = """code,name,group,admitted
BRA,Brazil,Latin American and Caribbean,1945-10-24
CHN,China,Asia-Pacific,1945-10-24
FRA,France,Western European and Others,1945-10-24
RUS,Russian Federation,Eastern European,1945-10-24
UKR,Ukraine,Eastern European,1945-10-24
"""
VOTE = """---
title: The assembly votes on a small text
date: 2024-05-06
type: vote
summary: A fixture vote of five members.
body: un-general-assembly
symbol: A/RES/1
actors: [un-general-assembly, ukraine, russian-federation]
tally: {yes: 2, no: 1, abstain: 1}
positions:
  ukraine: "yes"
sources:
  - title: A source
    publisher: A publisher
    url: https://example.org/vote
    date: 2024-05-06
---
A fixture vote [@1].
"""
ROLL_CALL = """record: A/PV.1
copy: https://example.org/copy.csv
taken: 2026-12-07
votes:
  BRA: yes
  CHN: abstain
  FRA: absent
  RUS: no
  UKR: yes
"""
VOTE_FILE, ROLL_CALL_FILE = "events/2024-05-06-small-vote.md", "roll-calls/2024-05-06-small-vote.yaml"


@pytest.fixture
def voting_site(fixture_site):
    add(fixture_site.content, {"member-states.csv": TABLE, VOTE_FILE: VOTE, ROLL_CALL_FILE: ROLL_CALL})
    return fixture_site


def test_every_member_has_a_page_with_its_vote_and_the_vote_s_page_lists_every_member(voting_site):
    result = voting_site()
    assert result.returncode == 0, result.log
    france = result.page("/actors/france/")
    assert france.h1.get_text(strip=True) == "France"
    assert "Member state since 24 October 1945, Western European and Others group" in france.get_text()
    assert "Absent" in france.select_one("table.record").get_text()
    listed = result.page("/events/2024-05-06-small-vote/").select_one("section.roll-call")
    headings = [h3.get_text() for h3 in listed.select("h3")]
    assert headings == ["Yes: 2", "No: 1", "Abstained: 1", "Absent: 1"]
    yes = listed.select("ul.roll-call-groups")[0]
    assert [a.get_text() for a in yes.select("a")] == ["Ukraine", "Brazil"], "by group, then by name"
    assert "Latin American and Caribbean (1):" in yes.get_text()
    assert listed.select_one(".roll-call-source a")["href"] == "https://undocs.org/A/PV.1"


def test_a_state_with_a_file_shows_the_roll_call_s_vote_beside_its_written_ones(voting_site):
    result = voting_site()
    assert result.returncode == 0, result.log
    russia = result.page("/actors/russian-federation/").select_one("table.record").get_text()
    assert "A/RES/1" in russia and "No" in russia


def replaced(old: str, new: str) -> str:
    assert old in ROLL_CALL
    return ROLL_CALL.replace(old, new, 1)


@pytest.mark.parametrize("roll_call, line, field, problem", [
    (replaced("BRA: yes", "BRA: no"), 4, "votes", "counts 1 `yes`, but the tally of content/events/"),
    (replaced("  UKR: yes\n", ""), 4, "votes", "misses 1 of the body's 5 members (UKR)"),
    (replaced("  UKR: yes\n", "  UKR: yes\n  UKR: yes\n"), 10, "UKR", "given twice"),
    (replaced("FRA: absent", "DEU: absent"), 7, "votes.DEU", "`DEU` is not a member of the body on the day"),
    (replaced("CHN: abstain", "CHN: maybe"), 6, "votes.CHN", "is `maybe`; expected `yes`, `no`, `abstain` or `absent`"),
    (replaced("UKR: yes", "UKR: abstain").replace("BRA: yes", "BRA: abstain").replace("CHN: abstain", "CHN: yes"),
     9, "votes.UKR", "is `abstain`, but content/events/2024-05-06-small-vote.md records `yes` for ukraine"),
    (replaced("taken: 2026-12-07", "taken: 2999-01-01"), 3, "taken", "is '2999-01-01'"),
    (replaced("copy: https://example.org/copy.csv", "copy: a spreadsheet"), 2, "copy", "is 'a spreadsheet'"),
    (replaced("record: A/PV.1\n", ""), 1, "record", "is empty"),
    (ROLL_CALL + "note: extra\n", 10, "note", "is not a field of a roll call"),
])
def test_a_roll_call_that_does_not_add_up_stops_the_build_naming_the_file_line_and_field(
        voting_site, roll_call, line, field, problem):
    add(voting_site.content, {ROLL_CALL_FILE: roll_call})
    result = voting_site()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert any(p.startswith(f"content/{ROLL_CALL_FILE}:{line}: {field}: {problem}") for p in result.problems), \
        result.problems


def test_a_roll_call_named_for_no_vote_is_refused(voting_site):
    add(voting_site.content, {"roll-calls/2024-05-07-no-such-vote.yaml": ROLL_CALL})
    result = voting_site()
    assert result.returncode == 1
    assert "content/roll-calls/2024-05-07-no-such-vote.yaml:1: file name: `2024-05-07-no-such-vote` is not the " \
        "name of a vote's event" in "\n".join(result.problems)


@pytest.mark.parametrize("table, line, field, problem", [
    (TABLE.replace("BRA,", "BR,"), 2, "code", "is 'BR'"),
    (TABLE.replace("CHN,China", "BRA,China"), 3, "code", "`BRA` is listed twice"),
    (TABLE.replace("1945-10-24\nFRA", "1945-13-24\nFRA"), 3, "admitted", "is '1945-13-24'"),
    (TABLE.replace("France", "Fran\u202ece"), 4, "name", "holds a character that changes the direction"),
    (TABLE.replace("code,name,group,admitted", "code,name,admitted"), 1, "columns", "are code, name, admitted"),
    (TABLE + "DEU,Germany,Western European and Others\n", 7, "columns", "a line with more or fewer values"),
])
def test_a_table_of_member_states_with_a_mistake_stops_the_build_naming_the_line(voting_site, table, line, field,
                                                                                 problem):
    add(voting_site.content, {"member-states.csv": table})
    result = voting_site()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert any(p.startswith(f"content/member-states.csv:{line}: {field}: {problem}") for p in result.problems), \
        result.problems


def test_a_state_s_file_joins_its_member_by_code_and_a_file_without_one_is_refused(voting_site):
    add(voting_site.content, {"actors/france.md": "---\nname: France\nkind: state\nrole: A state\n---\nA state.\n"})
    result = voting_site()
    assert result.returncode == 1
    assert ("content/actors/france.md:1: code: missing, though the name is that of the member state `FRA` of "
            "content/member-states.csv; expected `code: FRA`, so that the file and the member are one state"
            in result.problems)
    add(voting_site.content, {"actors/france.md": "---\nname: France\nkind: state\ncode: FRA\nrole: A state\n---\n"
                                                  "A state with a file.\n"})
    joined = voting_site()
    assert joined.returncode == 0, joined.log
    assert "A state with a file." in joined.page("/actors/france/").get_text()
    add(voting_site.content, {"actors/france.md": "---\nname: France\nkind: state\ncode: XYZ\nrole: A state\n---\n"
                                                  "A state.\n"})
    assert any(": code: is `XYZ`, not the code of a member state" in p for p in voting_site().problems)


@pytest.mark.parametrize("where", ["member-states.csv", "roll-calls"])
def test_a_table_or_roll_calls_linked_from_outside_content_are_refused(voting_site, tmp_path, where):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = voting_site.content / where
    if target.is_dir():
        os.rename(target, outside / where)
    else:
        target.replace(outside / where)
    target.symlink_to(outside / where)
    result = voting_site()
    assert result.returncode == 1 and "Traceback" not in result.log
    assert any(p.startswith(f"content/{where}:1: file: a link to ") for p in result.problems), result.problems


def test_the_actors_index_lists_every_member_state_under_its_group(voting_site):
    result = voting_site()
    assert result.returncode == 0, result.log
    states = result.page("/actors/").select_one("section:has(h2#kind-1)")
    assert states.h2.get_text() == "States (5)"
    assert [(h3.get_text(), [a.get_text() for a in h3.find_next("ul").select("a")]) for h3 in states.select("h3")] == [
        ("Asia-Pacific (1)", ["China"]), ("Eastern European (2)", ["Russian Federation", "Ukraine"]),
        ("Latin American and Caribbean (1)", ["Brazil"]), ("Western European and Others (1)", ["France"])]


def test_a_member_s_page_says_how_often_it_voted_with_the_majority_and_each_reference_state(voting_site):
    result = voting_site(TIMELINE_REFERENCE_STATES=["ukraine", "russian-federation"])
    assert result.returncode == 0, result.log
    said = {state: result.page(f"/actors/{state}/").select_one(".agreement").get_text(" ", strip=True)
            for state in ("brazil", "china", "ukraine")}
    assert said["brazil"] == ("On the roll calls where it voted: as the majority on 1 of 1; as Ukraine on 1 of 1; "
                              "as Russian Federation on 0 of 1.")
    assert said["china"].endswith("as the majority on 0 of 1; as Ukraine on 0 of 1; as Russian Federation on 0 of 1.")
    assert "as Ukraine" not in said["ukraine"]
    assert result.page("/actors/france/").select_one(".agreement") is None, "France did not vote"
    warned = voting_site(TIMELINE_REFERENCE_STATES=["ukrain"])
    assert warned.returncode == 0 and "as Ukraine" not in warned.page("/actors/brazil/").get_text()
    assert "pelicanconf.py:1: TIMELINE_REFERENCE_STATES: `ukrain` is not a state of the record (did you mean " \
        "`ukraine`?), so no state's page compares its votes with it" in warned.log


def test_the_actors_index_opens_with_a_link_to_each_kind_of_actor(voting_site):
    result = voting_site()
    assert result.returncode == 0, result.log
    index = result.page("/actors/")
    links = [(a.get_text(), a["href"]) for a in index.select('nav[aria-label="Kinds of actor"] a')]
    assert links == [(f"{h2.get_text()}", f"#{h2['id']}") for h2 in index.select("main h2")]
    assert [text for text, _ in links] == ["States (5)", "Organisations (1)", "People (1)"]


LONG_COPY = """undl_id,ms_code,ms_name,ms_vote,date,resolution
1,BRA,BRAZIL,Y,2024-05-06,A/RES/1
1,CHN,CHINA,A,2024-05-06,A/RES/1
1,FRA,FRANCE,X,2024-05-06,A/RES/1
1,RUS,RUSSIAN FEDERATION,N,2024-05-06,A/RES/1
1,UKR,UKRAINE,Y,2024-05-06,A/RES/1
2,UKR,UKRAINE,N,2024-05-07,A/RES/2
"""
WIDE_COPY = """Link,Resolution,Date,BRA,CHN,RUS,UKR
https://example.org/2,A/RES/2,2024-05-07,NO,NO,NO,NO
https://example.org/1,A/RES/1,2024-05-06,YES,ABSTAIN,NO,YES
"""

# Names as copies spell them: capitals, ISO 3166's official names, without accents; France, left out, did not vote.
NAMED_COPY = (json.dumps({"symbol": "A/RES/2", "MS_in_favour": ["UKRAINE"]}) + "\n" + json.dumps({
    "symbol": "A/RES/1", "MS_in_favour": ["Federative Republic of Brazil", "UKRAINE"],
    "MS_against": ["russian federation"], "MS_abstaining": ["People's Republic of China"]}) + "\n")


@pytest.fixture
def voting_project(tmp_path):
    root = project_copy(tmp_path)
    add(root / "content", {"member-states.csv": TABLE, VOTE_FILE: VOTE})
    return root


def import_from(root, copy: str, event: str = "2024-05-06-small-vote"):
    (root / "copy.csv").write_text(copy, encoding="utf-8")
    return invoke(root, ["import-roll-call", "--event", event, "--source", "copy.csv", "--record", "A/PV.1",
                         "--copy", "https://example.org/copy.csv"])


@pytest.mark.parametrize("copy", [LONG_COPY, WIDE_COPY, NAMED_COPY],
                         ids=["a row per member", "a column per member", "members by name"])
def test_import_roll_call_writes_the_roll_call_from_either_layout_and_the_site_builds(voting_project, copy):
    imported = import_from(voting_project, copy)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    written = (voting_project / "content" / ROLL_CALL_FILE).read_text(encoding="utf-8")
    assert written.split("votes:\n")[1] == ROLL_CALL.split("votes:\n")[1]
    assert written.startswith("record: A/PV.1\ncopy: https://example.org/copy.csv\ntaken: ")
    assert ("not voting: FRA" in imported.stdout) == (copy is not LONG_COPY)
    assert invoke(voting_project, "build").returncode == 0


@pytest.mark.parametrize("copy, said", [
    (WIDE_COPY.replace("YES,ABSTAIN,NO,YES", "YES,YES,NO,YES"), "the copy counts 3 yes (the tally says 2), 0 abstain "
                                                               "(the tally says 1); nothing written"),
    (LONG_COPY.replace("1,FRA,FRANCE", "1,DEU,GERMANY"), "the copy names DEU, not in the table of member states"),
    (LONG_COPY.replace(",A,2024", ",MAYBE,2024"), "the copy gives votes as 'MAYBE'; expected Y, N, A, X or NV"),
    (LONG_COPY.replace("A/RES/1", "A/RES/9"), "the copy holds no vote on `A/RES/1`"),
    ("code,vote\nBRA,Y\n", "the copy's columns are neither ms_code, ms_vote, resolution nor `Resolution`"),
    (NAMED_COPY.replace("russian federation", "Narnia"), "the copy names 'Narnia', which are not the names of "
                                                          "members of the table nor their ISO 3166 names"),
    (NAMED_COPY.replace("}\n", "\n", 1), "the copy is not JSON: Expecting ',' delimiter on line 1"),
    (NAMED_COPY.replace('"A/RES/1"', '"A/RES/9"'), "the copy holds no vote on `A/RES/1`"),
])
def test_import_roll_call_writes_nothing_when_the_copy_does_not_fit(voting_project, copy, said):
    refused = import_from(voting_project, copy)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert f"import-roll-call: nothing written: {said}" in refused.stderr, refused.stderr
    assert not (voting_project / "content" / ROLL_CALL_FILE).exists()


def test_import_roll_call_keeps_a_roll_call_already_written_and_names_a_missing_event(voting_project):
    add(voting_project / "content", {ROLL_CALL_FILE: ROLL_CALL})
    kept = import_from(voting_project, LONG_COPY)
    assert kept.returncode != 0 and "exists; remove it first to take the roll call again" in kept.stderr
    assert (voting_project / "content" / ROLL_CALL_FILE).read_text(encoding="utf-8") == ROLL_CALL
    missing = import_from(voting_project, LONG_COPY, event="2024-05-06-no-vote")
    assert "no event `2024-05-06-no-vote` in content/" in missing.stderr


def test_each_vote_s_page_maps_every_member_by_its_vote_each_named_once(voting_site):
    small = {"LUX": ("Luxembourg", "abstain"), "MLT": ("Malta", "no")}
    add(voting_site.content, {
        "member-states.csv": TABLE + "".join(f"{code},{name},Western European and Others,1964-12-01\n"
                                             for code, (name, _) in small.items()),
        VOTE_FILE: VOTE.replace("tally: {yes: 2, no: 1, abstain: 1}", "tally: {yes: 2, no: 2, abstain: 2}"),
        ROLL_CALL_FILE: ROLL_CALL + "".join(f"  {code}: {word}\n" for code, (_, word) in small.items())})
    result = voting_site(TIMELINE_MAP_NOTE="Drawn for a test.")
    assert result.returncode == 0, result.log
    figure = result.page("/events/2024-05-06-small-vote/").select_one("section.roll-call figure.vote-map")
    named = sorted((title.get_text(), title.parent.name, title.parent["class"][0]) for title in figure.select("title"))
    assert named == [("Brazil: Yes", "path", "map-yes"), ("China: Abstained", "path", "map-abstain"),
                     ("France: Absent", "path", "map-absent"), ("Luxembourg: Abstained", "circle", "dot-abstain"),
                     ("Malta: No", "path", "dot-no"), ("Russian Federation: No", "path", "map-no"),
                     ("Ukraine: Yes", "path", "map-yes")]
    # Luxembourg's shape, too small to see, is coloured but named by its dot alone.
    unnamed = figure.select("svg > path[aria-hidden]")
    assert [path["class"] for path in unnamed] == [["map-other"], ["map-abstain"]]
    caption = " ".join(figure.figcaption.get_text().split())
    assert figure.svg["role"] == "group" and "The lists below name every member by vote" in caption
    assert "Drawn for a test. The lists below" in caption, "the site's note on the map's borders"


LATER_VOTE, LATER_ROLL_CALL = "events/2024-09-02-later-vote.md", "roll-calls/2024-09-02-later-vote.yaml"
FOLLOWING = {
    LATER_VOTE: VOTE.replace("date: 2024-05-06", "date: 2024-09-02").replace("symbol: A/RES/1", "symbol: A/RES/2")
    .replace("tally: {yes: 2, no: 1, abstain: 1}", "tally: {yes: 2, no: 1, abstain: 2}")
    .replace("title: The assembly votes on a small text", "title: The assembly votes on the text again\n"
             "follows: 2024-05-06-small-vote"),
    # Brazil goes from yes to abstaining; France, absent before, votes: no change of a vote cast.
    LATER_ROLL_CALL: ROLL_CALL.replace("BRA: yes", "BRA: abstain").replace("FRA: absent", "FRA: yes"),
}


def test_a_vote_that_follows_another_lists_the_states_that_changed_their_vote_there_and_on_their_pages(voting_site):
    add(voting_site.content, FOLLOWING)
    result = voting_site()
    assert result.returncode == 0, result.log
    changes = result.page("/events/2024-09-02-later-vote/").select_one("section[aria-labelledby=changes-h]")
    assert [h3.get_text() for h3 in changes.select("h3")] == ["From yes to abstained: 1"]
    assert [a.get_text() for a in changes.select(".changed-states a")] == ["Brazil"]
    assert changes.select_one("p a")["href"].endswith("/events/2024-05-06-small-vote/")
    brazil = " ".join(result.page("/actors/brazil/").select_one(".vote-changes").get_text().split())
    assert brazil == "Where it changed its vote on a question: voted yes on 1, then abstained on 2."
    assert result.page("/actors/france/").select_one(".vote-changes") is None
    votes = result.page("/votes/").select_one("section[aria-labelledby=changes-h]")
    assert [h4.get_text() for h4 in votes.select("h4")] == ["From yes to abstained: 1"]
    assert result.page("/events/2024-05-06-small-vote/").select_one("section[aria-labelledby=changes-h]") is None
    events = json.loads((result.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert {event["id"]: event["follows"] for event in events} == {
        "2022-03": None, "2024-05-06-small-vote": None, "2024-09-02-later-vote": "2024-05-06-small-vote",
        "2025-12-03-children-vote": None}


COUNCIL = {"actors/small-council.md": "---\nname: A small council\nkind: organisation\nrole: Five members\n"
                                      "members: 5\n---\nA fixture body.\n",
           "events/2024-08-01-council-vote.md": VOTE.replace("2024-05-06", "2024-08-01").replace(
               "body: un-general-assembly", "body: small-council").replace(
               "[un-general-assembly, ukraine, russian-federation]", "[small-council, ukraine]").replace(
               "tally: {yes: 2, no: 1, abstain: 1}", "tally: {yes: 3, no: 1, abstain: 1}")}


@pytest.mark.parametrize("follows, extra, problem", [
    ("2024-05-07-no-such-vote", {}, "`2024-05-07-no-such-vote` is not an event of the record"),
    ("2022-03", {}, "`2022-03` is not a vote (it has no `tally`)"),
    ("2024-09-02-later-vote", {}, "`2024-09-02-later-vote` is not earlier than this vote"),
    ("2024-08-01-council-vote", COUNCIL, "`2024-08-01-council-vote` is a vote of another body"),
], ids=["unknown", "not a vote", "later", "another body"])
def test_a_follows_that_names_no_earlier_vote_of_the_body_stops_the_build_naming_the_line(
        voting_site, follows, extra, problem):
    later = FOLLOWING[LATER_VOTE].replace("follows: 2024-05-06-small-vote", f"follows: {follows}")
    add(voting_site.content, {**FOLLOWING, LATER_VOTE: later, **extra})
    if follows == "2024-09-02-later-vote":  # the earlier vote names the later one
        add(voting_site.content, {LATER_VOTE: FOLLOWING[LATER_VOTE].replace("follows: 2024-05-06-small-vote\n", ""),
                                  VOTE_FILE: VOTE.replace("symbol: A/RES/1", f"symbol: A/RES/1\nfollows: {follows}")})
    result = voting_site()
    assert result.returncode == 1 and "Traceback" not in result.log
    path = VOTE_FILE if follows == "2024-09-02-later-vote" else LATER_VOTE
    line = 8 if follows == "2024-09-02-later-vote" else 3
    assert f"content/{path}:{line}: follows: {problem}; expected the file name, without `.md`, of an earlier vote" \
        in "\n".join(result.problems), result.problems


def test_follows_on_an_event_that_is_no_vote_stops_the_build(voting_site):
    statement = (voting_site.content / "events" / "2022-03.md").read_text(encoding="utf-8")
    add(voting_site.content, {"events/2022-03.md": statement.replace("type: statement", "type: statement\n"
                                                                     "follows: 2024-05-06-small-vote")})
    result = voting_site()
    assert result.returncode == 1
    assert "content/events/2022-03.md:5: follows: is given, but this event is not a vote (it has no `tally`)" \
        in "\n".join(result.problems), result.problems


def test_every_member_of_the_site_s_table_is_a_state_of_iso_3166_by_its_code():
    """The table's codes are ISO 3166-1 alpha-3, as pycountry (the ISO list) has them, so that the map and the
    import task find each member; its names are the UN's, which ISO's often are not (`Türkiye`, `Bolivia
    (Plurinational State of)`)."""
    with open(ROOT / "content" / "member-states.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({row["code"] for row in rows}) == len(rows)
    assert [row["code"] for row in rows if pycountry.countries.get(alpha_3=row["code"]) is None] == []
