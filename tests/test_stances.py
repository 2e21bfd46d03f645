"""A reader's checks on stances beyond votes: a summit's page says who endorsed the communiqué, in the
summit's own words; each state's page lists its stances apart from its voting record; the open data keeps
votes as they were and gives stances a key of their own. Each test adds a summit to the fixture site."""

from __future__ import annotations

import csv
import json

import jsonschema

from conftest import section
from test_hostile_files import add
from pelican.plugins.timeline.settings import VOTES

SUMMIT = "2025-06-15-peace-summit"
STATES = {"china": "China", "india": "India"}


def with_summit(fixture_site, words: tuple[str, str, str] = ("endorsed", "did-not-endorse", "observer")) -> None:
    """Add a summit at which, by default, Ukraine endorsed the communiqué, India did not and China was an
    observer."""
    ukraine, india, china = words
    add(fixture_site.content, {
        **{f"actors/{slug}.md": f"---\nname: {name}\nkind: state\nrole: A state\n---\nA state.\n"
           for slug, name in STATES.items()},
        f"events/{SUMMIT}.md": f"""---
title: A summit on peace in Ukraine
date: 2025-06-15
type: summit
summary: A fixture summit whose communiqué some states endorsed.
actors: [ukraine, india, china]
positions:
  ukraine: {ukraine}
  india: {india}
  china: {china}
sources:
  - title: A report of the summit
    publisher: A publisher
    date: unknown
    url: https://example.org/summit
---
A fixture body.
"""})


def rows(table) -> list[tuple[str, str]]:
    """Each row of a table of positions: its heading cell and its position, as a reader sees them."""
    return [(" ".join(row.th.get_text(" ").split()), row.td.get_text(strip=True)) for row in table.select("tbody tr")]


def test_a_summit_page_says_who_endorsed_the_communique_in_its_own_words(fixture_site):
    with_summit(fixture_site)
    result = fixture_site()
    assert result.returncode == 0, result.log
    positions = section(result.page(f"/events/{SUMMIT}/"), "positions-h")
    assert positions.h2.get_text() == "Who endorsed the communiqué"
    assert [th.get_text() for th in positions.select("thead th")] == ["State", "Stance"]
    assert rows(positions) == [("Ukraine", "Endorsed"), ("India", "Did not endorse"), ("China", "Observer")]
    vote = section(result.page("/events/2025-12-03-children-vote/"), "positions-h")
    assert vote.h2.get_text() == "How named states voted"
    assert [th.get_text() for th in vote.select("thead th")] == ["State", "Vote"]


def test_a_state_s_page_lists_its_stances_apart_from_its_voting_record(fixture_site):
    with_summit(fixture_site)
    result = fixture_site()
    assert result.returncode == 0, result.log
    ukraine = result.page("/actors/ukraine/")
    stances, record = section(ukraine, "stances-h"), section(ukraine, "record-h")
    assert stances.h2.get_text() == "Stances"
    assert rows(stances) == [("A summit on peace in Ukraine Summit, 15 June 2025", "Endorsed")]
    assert rows(record)[0][1] == "Yes" and SUMMIT not in str(record)
    china = result.page("/actors/china/")
    assert rows(section(china, "stances-h")) == [("A summit on peace in Ukraine Summit, 15 June 2025", "Observer")]
    assert china.find(id="record-h") is None
    assert result.page("/actors/russian-federation/").find(id="stances-h") is None


def test_a_state_s_stances_go_with_the_events_of_each_of_its_pages(fixture_site):
    with_summit(fixture_site)
    result = fixture_site(TIMELINE_PAGE_LIMIT=1)
    assert result.returncode == 0, result.log
    pages = result.listing("/actors/ukraine/")
    assert [page.select_one("article.event-card")["id"] for page in pages] == \
        ["2022-03", SUMMIT, "2025-12-03-children-vote"]
    assert [len(page.select("table.stances tbody tr")) for page in pages] == [0, 1, 0]
    assert [len(page.select("table.record tbody tr")) for page in pages] == [0, 0, 1]


def test_the_open_data_keeps_votes_as_they_were_and_gives_stances_a_key_of_their_own(fixture_site):
    with_summit(fixture_site)
    result = fixture_site()
    assert result.returncode == 0, result.log
    data = json.loads((result.output / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((result.output / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    events = {event["id"]: event for event in data["events"]}
    assert [{k: v for k, v in p.items() if k != "sources"} for p in events[SUMMIT]["positions"]] == [
        {"actor": "ukraine", "stance": "endorsed"}, {"actor": "india", "stance": "did-not-endorse"},
        {"actor": "china", "stance": "observer"}]
    assert events["2025-12-03-children-vote"]["positions"] == [{"actor": "ukraine", "vote": "yes", "sources": []},
                                                              {"actor": "russian-federation", "vote": "no",
                                                               "sources": []}]
    with (result.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        positions = {row["id"]: row["positions"] for row in csv.DictReader(handle)}
    assert positions[SUMMIT] == "ukraine: endorsed | india: did-not-endorse | china: observer"
    assert positions["2025-12-03-children-vote"] == "ukraine: yes | russian-federation: no"


def test_a_site_gives_a_type_of_event_its_own_heading_and_words(fixture_site):
    with_summit(fixture_site, words=("came", "came", "stayed-away"))
    result = fixture_site(TIMELINE_POSITIONS={
        "vote": ("How named states voted", VOTES),
        "summit": ("Who came to the table", {"came": "Came", "stayed-away": "Stayed away"})})
    assert result.returncode == 0, result.log
    positions = section(result.page(f"/events/{SUMMIT}/"), "positions-h")
    assert positions.h2.get_text() == "Who came to the table"
    assert rows(positions) == [("Ukraine", "Came"), ("India", "Came"), ("China", "Stayed away")]


def test_an_organisation_and_a_person_take_stances_shown_on_the_event_and_on_their_pages(fixture_site):
    """The Secretary-General taking part in talks, the European Union endorsing a communiqué: a stance is any
    actor's, each on its own page as a state's is."""
    with_summit(fixture_site)
    summit = fixture_site.content / "events" / f"{SUMMIT}.md"
    text = summit.read_text(encoding="utf-8").replace(
        "actors: [ukraine, india, china]", "actors: [ukraine, india, china, un-general-assembly, mariana-betsa]")
    summit.write_text(text.replace("  china: observer\n", "  china: observer\n  un-general-assembly: endorsed\n"
                                   "  mariana-betsa: {position: endorsed, source: 1}\n"), encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 0, result.log
    positions = section(result.page(f"/events/{SUMMIT}/"), "positions-h")
    assert [th.get_text() for th in positions.select("thead th")] == ["Actor", "Stance"]
    assert rows(positions)[-2:] == [("UN General Assembly", "Endorsed"), ("Mariana Betsa", "Endorsed[1]")]
    for slug in ("un-general-assembly", "mariana-betsa"):
        stances = section(result.page(f"/actors/{slug}/"), "stances-h")
        assert rows(stances)[0][0] == "A summit on peace in Ukraine Summit, 15 June 2025", slug


def test_a_vote_is_a_state_s_alone(fixture_site):
    vote = fixture_site.content / "events" / "2025-12-03-children-vote.md"
    text = vote.read_text(encoding="utf-8")
    for slug, kind in (("mariana-betsa", "a person"), ("un-general-assembly", "an organisation")):
        changed = text.replace("positions:\n", f"positions:\n  {slug}: abstain\n", 1)
        if slug not in changed.split("positions:")[0]:
            changed = changed.replace("actors: [", f"actors: [{slug}, ", 1)
        vote.write_text(changed, encoding="utf-8")
        result = fixture_site()
        assert result.returncode == 1
        assert any(f"positions.{slug}: `{slug}` is {kind}; expected an actor of kind state" in problem
                   for problem in result.problems), result.problems
    vote.write_text(text, encoding="utf-8")


AGREEMENT = "2022-07-22-grain-deal"


# A deal signed by two states, brokered by a third and an organisation, witnessed by a person.
AGREEMENT_FILE = """---
title: A deal on grain is signed
date: 2022-07-22
end: 2023-07-17
type: agreement
summary: A fixture agreement, signed by two states and brokered by a third state and an organisation.
actors: [ukraine, russian-federation, turkiye, un-general-assembly, mariana-betsa]
positions:
  ukraine: {position: signed, source: 1}
  russian-federation: {position: signed, source: 1}
  turkiye: {position: brokered, source: 2}
  un-general-assembly: {position: brokered, source: [1, 2]}
  mariana-betsa: {position: witnessed, source: 2}
sources:
  - title: A report of the signing
    publisher: A publisher
    date: 2022-07-22
    url: https://example.org/signing
  - title: Another report
    publisher: Another publisher (An agency)
    date: 2022-07-23
    url: https://example.org/another
---
A fixture body [@1, 2].
"""


def test_an_agreement_names_who_signed_brokered_and_witnessed_it_each_with_its_source(fixture_site):
    """A deal signed by two states, brokered by a third and an organisation, witnessed by a person: each
    position with its source, on the event's page and on each signatory's page."""
    add(fixture_site.content, {
        "actors/turkiye.md": "---\nname: Türkiye\nkind: state\nrole: A state\n---\nA state.\n",
        f"events/{AGREEMENT}.md": AGREEMENT_FILE})
    result = fixture_site()
    assert result.returncode == 0, result.log
    page = result.page(f"/events/{AGREEMENT}/")
    positions = section(page, "positions-h")
    assert positions.h2.get_text() == "Who signed it"
    assert [th.get_text() for th in positions.select("thead th")] == ["Actor", "Stance"]
    assert rows(positions) == [("Ukraine", "Signed[1]"), ("Russian Federation", "Signed[1]"),
                               ("Türkiye", "Brokered[2]"), ("UN General Assembly", "Brokered[1][2]"),
                               ("Mariana Betsa", "Witnessed[2]")]
    assert page.select_one(".event-type").get_text(strip=True) == "Agreement"
    for slug, said in (("ukraine", "Signed[1]"), ("turkiye", "Brokered[2]"), ("mariana-betsa", "Witnessed[2]")):
        stance, = rows(section(result.page(f"/actors/{slug}/"), "stances-h"))
        assert stance == ("A deal on grain is signed Agreement, 22 July 2022 – 17 July 2023", said), slug


def test_an_agreement_s_words_are_its_own(fixture_site):
    add(fixture_site.content, {f"events/{AGREEMENT}.md": f"""---
title: A deal on grain is signed
date: 2022-07-22
type: agreement
summary: A fixture agreement.
actors: [ukraine]
positions:
  ukraine: endorsed
sources:
  - title: A report
    publisher: A publisher
    date: 2022-07-22
    url: https://example.org/signing
---
A fixture body [@1].
"""})
    result = fixture_site()
    assert result.returncode == 1
    assert any(f"content/events/{AGREEMENT}.md:8: positions.ukraine: `endorsed` is not allowed" in problem and
               "signed, brokered, witnessed, acceded, withdrew" in problem for problem in result.problems), \
        result.problems
