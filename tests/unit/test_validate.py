"""An editor's checks on validation, without a build: what a well-formed record becomes, and the
`path:line: field: problem; expected …` line that each mistake in dates, tallies, actors, positions,
quotes, sources, conflicts and file names gives."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import ROOT
from pelican.plugins.timeline.model import Tally, Timeline
from pelican.plugins.timeline.problems import ContentError
from pelican.plugins.timeline.reader import TimelineReader
from pelican.plugins.timeline.newevent import new_event
from pelican.plugins.timeline.skeleton import PLACEHOLDER_BODY, project_settings
from pelican.plugins.timeline.validate import SourceFile, build_timeline, unnamed_actors

TODAY = datetime.date(2026, 1, 1)
ACTORS = {
    "ukraine": "name: Ukraine\nkind: state\nrole: Drafter of the resolution\n",
    "russian-federation": "name: Russian Federation\nkind: state\nrole: Permanent member\n",
    "un-general-assembly": "name: UN General Assembly\nkind: organisation\nrole: All 193 members\nmembers: 193\n",
    "mariana-betsa": "name: Mariana Betsa\nkind: person\nrole: Deputy minister\naffiliation: ukraine\n"
                     "sort_name: Betsa, Mariana\n",
}
# With the Council, a voting body whose veto holders are named.
WITH_COUNCIL = {**ACTORS, "un-security-council": "name: UN Security Council\nkind: organisation\nrole: 15 members\n"
                "members: 15\nveto_holders: [russian-federation]\n"}
# A vote with every kind of field; a test changes one line of it and reads what validation says.
VOTE = """title: The Assembly calls for the return of Ukraine's children
date: 2025-12-03
type: vote
summary: The Assembly demanded the return of children taken from Ukraine.
body: un-general-assembly
actors: [un-general-assembly, ukraine, russian-federation, mariana-betsa]
tally: {yes: 91, no: 12, abstain: 57}
positions:
  ukraine: yes
  russian-federation: no
quotes:
  - speaker: mariana-betsa
    text: the largest state abduction operation in history
    source: 2
sources:
  - title: General Assembly adopts resolution
    publisher: United Nations
    url: https://press.un.org/en/2025/ga12738.doc.htm
    date: unknown
  - title: Ukraine's statement
    publisher: Ministry of Foreign Affairs of Ukraine
    date: 2025-12-04
    url: https://mfa.gov.ua/en/news/statement
"""
VOTE_FILE = "content/events/2025-12-03-children.md"


class Content:
    """A content folder of front matter texts, read file by file as Pelican's reader reads them."""

    def __init__(self, root: Path):
        self.root = root
        self.settings = {**project_settings(str(ROOT / "pelicanconf.py")), "PATH": str(root / "content")}
        self.reader = TimelineReader(self.settings)

    def read(self, path: str, fields: str, body: str = "What happened, in the editor's words.\n") -> SourceFile:
        """Write a file of these front matter lines and read it, as the generator reads each file."""
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\n{fields}---\n{body}", encoding="utf-8")
        return self.load(file)

    def load(self, file: Path) -> SourceFile:
        """Read a file of the folder as the generator does."""
        html, metadata = self.reader.read(str(file))
        return SourceFile(html, metadata, self.settings, str(file))

    def timeline(self, events: dict[str, str], actors: dict[str, str] = ACTORS,
                 periods: dict[str, str] | None = None) -> Timeline:
        """Build the timeline of these events (by path), actors (by slug) and periods (by path), or raise
        ContentError."""
        return build_timeline([self.read(path, fields) for path, fields in events.items()],
                              [self.read(f"content/actors/{slug}.md", fields) for slug, fields in actors.items()],
                              today=TODAY,
                              period_docs=[self.read(path, fields, body="")
                                           for path, fields in (periods or {}).items()])

    def problems(self, events: dict[str, str], actors: dict[str, str] = ACTORS,
                 periods: dict[str, str] | None = None) -> list[str]:
        """Return every problem that building the timeline reports, one editor's line each."""
        with pytest.raises(ContentError) as error:
            self.timeline(events, actors, periods)
        return [str(problem) for problem in error.value.problems]


@pytest.fixture
def content(tmp_path) -> Content:
    return Content(tmp_path)


def vote_with(old: str, new: str) -> dict[str, str]:
    """Return the vote with one of its lines (or a part of one) changed."""
    assert VOTE.count(old) == 1, old
    return {VOTE_FILE: VOTE.replace(old, new)}


def dated(old: str, new: str) -> dict[str, str]:
    """Return the vote with one of its lines changed, in a file named by its new date as editors name them."""
    text = VOTE.replace(old, new)
    date = next(line for line in text.splitlines() if line.startswith("date: ")).removeprefix("date: ")
    return {f"content/events/{date}-children.md": text}


def test_a_well_formed_vote_becomes_an_event_with_its_tally_positions_quote_and_sources(content):
    event, = content.timeline({VOTE_FILE: VOTE}).events
    assert (event.slug, event.date, event.precision, event.url) == \
        ("2025-12-03-children", datetime.date(2025, 12, 3), "day", "events/2025-12-03-children/")
    assert (event.body.slug, event.tally, event.outcome) == ("un-general-assembly", Tally(91, 12, 57), "adopted")
    assert [(p.state.slug, p.word, p.label) for p in event.positions] == \
        [("ukraine", "yes", "Yes"), ("russian-federation", "no", "No")]
    assert (event.positions_heading, event.position_name) == ("How named states voted", "vote")
    assert [(q.speaker.slug, q.source) for q in event.quotes] == [("mariana-betsa", 2)]
    assert [(s.publisher, s.date) for s in event.sources] == \
        [("United Nations", None), ("Ministry of Foreign Affairs of Ukraine", datetime.date(2025, 12, 4))]
    assert event.actors[3].affiliation.slug == "ukraine" and event.source_path == VOTE_FILE


@pytest.mark.parametrize("date, precision, day", [("2022-03", "month", datetime.date(2022, 3, 1)),
                                                  ("2022", "year", datetime.date(2022, 1, 1))])
def test_a_date_known_to_the_month_or_year_has_that_precision(content, date, precision, day):
    event, = content.timeline(dated("date: 2025-12-03", f"date: {date}")).events
    assert (event.date, event.precision) == (day, precision)


DATE_FORMS = "expected a date written YYYY-MM-DD, YYYY-MM or YYYY"


@pytest.mark.parametrize("date, problem", [
    ("date: 2023-02-30", f"3: date: `2023-02-30` is not a real date; {DATE_FORMS}"),
    ("date: 23/02/2023", f"3: date: `23/02/2023` is not a real date; {DATE_FORMS}"),
    ("date: 2026-06-01", "3: date: 2026-06-01 is in the future; expected the date the event took place"),
    # Before the first year the record covers (TIMELINE_FIRST_YEAR, 1900), as a mistyped year would be.
    ("date: 0001-01-01", f"3: date: 0001-01-01 is before 1900, the first year of this record (TIMELINE_FIRST_YEAR); "
                         f"{DATE_FORMS}, from 1900 on"),
    ("date: 1899-12", f"3: date: 1899-12 is before 1900, the first year of this record (TIMELINE_FIRST_YEAR); "
                      f"{DATE_FORMS}, from 1900 on"),
    ("date: 2025-12-03\nprecision: month",
     "4: precision: `month` but the date 2025-12-03 is given to the day; expected precision day, or a date written "
     "to the month"),
])
def test_a_wrong_date_is_named_on_its_line(content, date, problem):
    assert content.problems(vote_with("date: 2025-12-03", date)) == [f"{VOTE_FILE}:{problem}"]


def test_a_site_sets_the_first_year_its_record_covers(content):
    content.settings["TIMELINE_FIRST_YEAR"] = 1
    event, = content.timeline(dated("date: 2025-12-03", "date: 0001-01-01")).events
    assert event.date == datetime.date(1, 1, 1)
    content.settings["TIMELINE_FIRST_YEAR"] = 2026
    assert content.problems({VOTE_FILE: VOTE})[0].startswith(f"{VOTE_FILE}:3: date: 2025-12-03 is before 2026")


@pytest.mark.parametrize("path, date", [
    ("content/events/2025-12-children.md", "date: 2025-12-03"),  # a name to the month, a date to the day
    ("content/events/2025-children.md", "date: 2025-12"),
    ("content/events/2025-2026-children.md", "date: 2025-12-03"),  # a year, then words that are digits
    ("content/events/children.md", "date: 2025-12-03"),  # no date in the name at all
])
def test_a_file_name_may_give_the_date_less_precisely_or_not_at_all(content, path, date):
    event, = content.timeline({path: VOTE.replace("date: 2025-12-03", date)}).events
    assert event.url == f"events/{path.rsplit('/', 1)[1][:-3]}/"


@pytest.mark.parametrize("name, date, problem", [
    ("2025-12-04-children", "date: 2025-12-03",
     "date: 2025-12-03, but the file name says 2025-12-04; expected one date in both: `date: 2025-12-04`, or the "
     "file renamed 2025-12-03-children.md (which changes the event's address)"),
    ("2025-12-03-children", "date: 2025-12",
     "date: 2025-12, but the file name says 2025-12-03; expected one date in both: `date: 2025-12-03`, or the file "
     "renamed 2025-12-children.md (which changes the event's address)"),
    ("2024-children", "date: 2025-12-03",
     "date: 2025-12-03, but the file name says 2024; expected one date in both: `date: 2024`, or the file renamed "
     "2025-children.md (which changes the event's address)"),
])
def test_a_file_name_that_starts_with_another_date_than_the_event_s_is_named_on_the_date_line(content, name, date,
                                                                                            problem):
    path = f"content/events/{name}.md"
    assert content.problems({path: VOTE.replace("date: 2025-12-03", date)}) == [f"{path}:3: {problem}"]


@pytest.mark.parametrize("lines, end, precision, qualifier", [
    ("date: 2025-11-28\nend: 2025-12-03", datetime.date(2025, 12, 3), "day", None),
    ("date: 2025-11\nend: 2025-12\ndate_qualifier: late", datetime.date(2025, 12, 1), "month", "late"),
    ("date: 2025-12-03\ndate_qualifier: about", None, None, "about"),
])
def test_a_span_and_a_rough_date_become_the_event_s_end_and_qualifier(content, lines, end, precision, qualifier):
    event, = content.timeline(dated("date: 2025-12-03", lines)).events
    assert (event.end, event.end_precision, event.date_qualifier) == (end, precision, qualifier)


@pytest.mark.parametrize("lines, problem", [
    ("end: 2025-12-02", "end: 2025-12-02 is not after the date, 2025-12-03; expected a day, month or year after "
                        "3 December 2025, or no `end` for an event of one day"),
    ("end: 2025-12", "end: 2025-12 is not after the date, 2025-12-03;"),
    ("end: 2026-02-01", "end: 2026-02-01 is in the future; expected the date the event ended (leave `end` out "
                        "while it goes on)"),
    ("end: 2025-12-32", f"end: `2025-12-32` is not a real date; {DATE_FORMS}"),
    ("date_qualifier: abut", "date_qualifier: `abut` is not allowed (did you mean `about`?); expected one of about, "
                             "before, after, early, mid, late"),
    ("date_qualifier: late", "date_qualifier: `late` but the date 2025-12-03 is a single day; expected about, "
                             "before or after, or a date written YYYY-MM or YYYY for a part of a month or year"),
])
def test_a_wrong_end_or_qualifier_is_named_on_its_line(content, lines, problem):
    found, = content.problems(vote_with("date: 2025-12-03\n", f"date: 2025-12-03\n{lines}\n"))
    assert found.startswith(f"{VOTE_FILE}:4: {problem}"), found


@pytest.mark.parametrize("tally, problem", [
    ("{yes: 150, no: 40, abstain: 10}", ":8: tally: 200 votes and absences, more than the 193 members of UN General "
                                        "Assembly; expected a total of at most 193"),
    ("91-12-57", ":8: tally: is `91-12-57`, not a group of `name: value` lines;"),
    ('{yes: "91", no: 12, abstain: 57}', ':8: tally.yes: `"91"` is text in quotes, not a count;'),
    ("{yes: 91, no: 12}", ":8: tally.abstain: missing; expected a whole number of 0 or more"),
    ("{yes: 91, no: 12, abstain: 57, absent: 30}",
     ":8: tally: 91 yes, 12 no, 57 abstain and 30 absent add up to 190, not the 193 members of UN General Assembly; "
     "expected counts that add up to 193 (leave `absent` out if it is not known)"),
    ("{yes: 91, no: 12, abstain: 57, absent: 40}", ":8: tally: 91 yes, 12 no, 57 abstain and 40 absent add up to 200,"),
])
def test_a_tally_must_be_three_counts_that_fit_the_body_and_with_absences_add_up_to_it(content, tally, problem):
    found, = content.problems(vote_with("tally: {yes: 91, no: 12, abstain: 57}", f"tally: {tally}"))
    assert found.startswith(VOTE_FILE + problem), found


@pytest.mark.parametrize("tally, counted", [("{yes: 91, no: 12, abstain: 57}", 160),
                                            ("{yes: 91, no: 12, abstain: 57, absent: 33}", 193)])
def test_a_tally_without_absences_may_fall_short_of_the_body_and_with_them_adds_up_to_it(content, tally, counted):
    event, = content.timeline(vote_with("tally: {yes: 91, no: 12, abstain: 57}", f"tally: {tally}")).events
    assert event.tally.counted == counted


def test_a_tally_needs_a_voting_body(content):
    assert content.problems(vote_with("body: un-general-assembly\n", "")) == [
        f"{VOTE_FILE}:7: tally: a tally without the body that voted; expected `body:` naming un-general-assembly"]
    found, = content.problems(vote_with("body: un-general-assembly", "body: ukraine"))
    assert found.startswith(f"{VOTE_FILE}:6: body: `ukraine` is a state; expected an actor of kind organisation")


def test_a_voting_body_is_an_organisation_whose_file_gives_its_members(content):
    actors = {**WITH_COUNCIL, "un-general-assembly": ACTORS["un-general-assembly"].replace("members: 193\n", "")}
    assert content.problems({VOTE_FILE: VOTE}, actors) == [
        f"{VOTE_FILE}:6: body: `un-general-assembly` is not a voting body: its file gives no `members`; expected "
        "one of un-security-council, or `members:` in content/actors/un-general-assembly.md, the number of its members"]
    event, = content.timeline({VOTE_FILE: VOTE}).events
    assert (event.body.members, event.tally.counted) == (193, 160)


@pytest.mark.parametrize("slug, old, new, problem", [
    ("ukraine", "kind: state\n", "kind: state\nmembers: 3\n",
     "content/actors/ukraine.md:4: members: is given for a state; expected `members` only on an organisation that votes"),
    ("un-general-assembly", "members: 193", "members: 0",
     "content/actors/un-general-assembly.md:5: members: is 0; expected the number of the body's members, 1 or more"),
    ("un-general-assembly", "members: 193", 'members: "193"',
     "content/actors/un-general-assembly.md:5: members: `\"193\"` is text in quotes, not a count; expected a whole"),
    ("un-general-assembly", "members: 193\n", "veto_holders: [russian-federation]\n",
     "content/actors/un-general-assembly.md:5: veto_holders: is given for an actor without `members`; expected "
     "`veto_holders` only on a voting body, with its `members`"),
    ("un-security-council", "[russian-federation]", "[russia]",
     "content/actors/un-security-council.md:6: veto_holders[0]: no actor `russia`"),
    ("un-security-council", "[russian-federation]", "[russian-federation, russian-federation]",
     "content/actors/un-security-council.md:6: veto_holders: `russian-federation` is listed 2 times; expected each"),
    ("un-security-council", "[russian-federation]", "[mariana-betsa]",
     "content/actors/un-security-council.md:6: veto_holders[0]: `mariana-betsa` is a person; expected an actor of kind "
     "state or organisation"),
])
def test_a_membership_or_veto_holder_that_cannot_be_gives_the_line_it_is_on(content, slug, old, new, problem):
    actors = {**WITH_COUNCIL, slug: WITH_COUNCIL[slug].replace(old, new)}
    found = content.problems({VOTE_FILE: VOTE}, actors)
    # The vote then has no body with a membership to count against, and says so too.
    assert found[0].startswith(problem), found
    assert all(line.startswith(f"{VOTE_FILE}:6: body: `un-general-assembly` is not a voting body") for line in found[1:])


def test_an_unknown_actor_is_named_with_the_closest_slug(content):
    assert content.problems(vote_with("[un-general-assembly,", "[un-general-asembly,")) == [
        f"{VOTE_FILE}:7: actors[0]: no actor `un-general-asembly` (did you mean `un-general-assembly`?); expected "
        "the slug of a file in content/actors/ (add the actor's file first)"]


def test_an_actor_listed_twice_is_refused(content):
    found, = content.problems(vote_with("mariana-betsa]", "mariana-betsa, ukraine]"))
    assert found == f"{VOTE_FILE}:7: actors: `ukraine` is listed 2 times; expected each actor once"


def test_a_person_belongs_to_a_state_or_an_organisation_not_to_a_person(content):
    actors = {**ACTORS, "andriy-yermak": "name: Andriy Yermak\nkind: person\nrole: Aide\naffiliation: mariana-betsa\n"}
    assert content.problems({}, actors) == [
        "content/actors/andriy-yermak.md:5: affiliation: `mariana-betsa` is a person; expected an actor of kind "
        "state or organisation"]


@pytest.mark.parametrize("line, problem", [
    ("  ukraine: maybe", "positions.ukraine: `maybe` is not allowed; expected one of yes, no, abstain, absent"),
    ("  ukraine: true", "positions.ukraine: `True` is not allowed (write the word, e.g. `\"yes\"`, not true/false);"),
    ("  mariana-betsa: yes", "positions.mariana-betsa: `mariana-betsa` is a person; expected an actor of kind state"),
])
def test_a_position_is_a_state_s_vote_in_words(content, line, problem):
    found, = content.problems(vote_with("  ukraine: yes", line))
    assert found.startswith(f"{VOTE_FILE}:10: {problem}"), found


# A summit: its positions are stances, in words of their own, and need no tally.
SUMMIT = """title: Leaders meet on a peace formula
date: 2023-08-05
type: summit
summary: Leaders met on a peace formula.
actors: [ukraine, russian-federation]
positions:
  ukraine: endorsed
  russian-federation: not-invited
sources:
  - title: A report of the summit
    publisher: A publisher
    url: https://example.org/summit
    date: unknown
"""
SUMMIT_FILE = "content/events/2023-08-05-summit.md"


def summit_with(old: str, new: str) -> dict[str, str]:
    """Return the summit with one of its lines (or a part of one) changed."""
    assert SUMMIT.count(old) == 1, old
    return {SUMMIT_FILE: SUMMIT.replace(old, new)}


def test_a_summit_s_positions_are_stances_in_its_own_words_under_its_own_heading(content):
    timeline = content.timeline({SUMMIT_FILE: SUMMIT, VOTE_FILE: VOTE})
    summit, vote = timeline.events
    assert [(p.state.slug, p.word, p.label) for p in summit.positions] == \
        [("ukraine", "endorsed", "Endorsed"), ("russian-federation", "not-invited", "Not invited")]
    assert (summit.positions_heading, summit.position_name, summit.tally) == \
        ("Who endorsed the communiqué", "stance", None)
    ukraine = next(actor for actor in timeline.actors if actor.slug == "ukraine")
    assert [(row.event, row.position.label) for row in timeline.stances_of(ukraine)] == [(summit, "Endorsed")]
    assert [row.event for row in timeline.record_of(ukraine)] == [vote]


SUMMIT_WORDS = "one of endorsed, did-not-endorse, observer, not-invited: the positions at an event of type `summit`"


@pytest.mark.parametrize("old, new, problem", [
    ("type: summit", "type: statement",
     "7: positions: an event of type `statement` cannot have positions; expected no `positions`, or a type that has "
     "them: vote, veto, summit, talks, agreement (set in TIMELINE_POSITIONS)"),
    ("  ukraine: endorsed", "  ukraine: endorse",
     f"8: positions.ukraine: `endorse` is not allowed (did you mean `endorsed`?); expected {SUMMIT_WORDS}"),
    ("  ukraine: endorsed", "  ukraine: yes", f"8: positions.ukraine: `yes` is not allowed; expected {SUMMIT_WORDS}"),
    ("  ukraine: endorsed", "  ukraine: true",
     f"8: positions.ukraine: `True` is not allowed (write the word, e.g. `\"endorsed\"`, not true/false); expected "
     f"{SUMMIT_WORDS}"),
    ("type: summit", "type: talks",
     "8: positions.ukraine: `endorsed` is not allowed; expected one of took-part, declined: the positions at an event "
     "of type `talks`"),
])
def test_a_position_is_in_the_words_of_its_event_s_type(content, old, new, problem):
    found = content.problems(summit_with(old, new))
    assert found[0] == f"{SUMMIT_FILE}:{problem}", found


def test_a_position_or_a_quote_belongs_to_one_of_the_event_s_actors(content):
    alone = vote_with("actors: [un-general-assembly, ukraine, russian-federation, mariana-betsa]",
                      "actors: [un-general-assembly, russian-federation]")
    assert content.problems(alone) == [
        f"{VOTE_FILE}:10: positions.ukraine: `ukraine` is not among the event's actors; expected the state in `actors`",
        f"{VOTE_FILE}:13: quotes[0].speaker: `mariana-betsa` is not among the event's actors; expected the speaker "
        "in `actors`"]


def test_a_quote_cites_a_source_by_its_place_in_the_list_from_1(content):
    assert content.problems(vote_with("    source: 2", "    source: 3")) == [
        f"{VOTE_FILE}:15: quotes[0].source: there is no source number 3; expected a number from 1 to 2, the "
        "source's place in `sources`"]


def test_every_event_has_a_source_with_a_web_address(content):
    without = VOTE[:VOTE.index("sources:")]
    assert content.problems({VOTE_FILE: without}) == [
        f"{VOTE_FILE}:1: sources: missing; expected a list with at least one entry",
        f"{VOTE_FILE}:15: quotes[0].source: there is no source number 2; expected a number from 1 to 0, the "
        "source's place in `sources`"]
    assert f"{VOTE_FILE}:19: sources[0].url: `press.un.org/en/2025/ga12738.doc.htm` is not a web address; " \
        "expected a full address starting with https:// or http://" in \
        content.problems(vote_with("url: https://press.un.org", "url: press.un.org"))


SOURCE_DATE = "expected the day the source was published, written YYYY-MM-DD, or `unknown` if the source shows none"


@pytest.mark.parametrize("line, problem", [
    ("", f"17: sources[0].date: missing; {SOURCE_DATE}"),
    ("    date: 2025-12\n", f"20: sources[0].date: `2025-12` is not a day written YYYY-MM-DD; {SOURCE_DATE}"),
    ("    date: 2025-02-30\n", f"20: sources[0].date: `2025-02-30` is not a real date; {SOURCE_DATE}"),
    ("    date: unkown\n", f"20: sources[0].date: `unkown` is not a day written YYYY-MM-DD (did you mean `unknown`?); "
                                f"{SOURCE_DATE}"),
    ("    date: [2025-12-03]\n", f"20: sources[0].date: is a list, not a date; {SOURCE_DATE}"),
    ("    date: 2026-02-01\n", "20: sources[0].date: 2026-02-01 is in the future; expected the day the source was "
                            "published"),
    ("    date: 0202-12-04\n", "20: sources[0].date: 0202-12-04 is before 1900, the first year of this record "
                            f"(TIMELINE_FIRST_YEAR); {SOURCE_DATE}, from 1900 on"),
])
def test_every_source_gives_the_day_it_was_published_or_says_it_is_unknown(content, line, problem):
    assert content.problems(vote_with("    date: unknown\n", line)) == [f"{VOTE_FILE}:{problem}"]


ARCHIVE = "    archive: https://archive.example.org/2025/ga12738\n"


def test_a_source_may_name_an_archived_copy_at_a_web_address(content):
    event, = content.timeline(vote_with("    date: unknown\n", "    date: unknown\n" + ARCHIVE)).events
    assert [(s.date, s.archive) for s in event.sources] == [
        (None, "https://archive.example.org/2025/ga12738"), (datetime.date(2025, 12, 4), None)]
    not_an_address = vote_with("    date: unknown\n", "    date: unknown\n    archive: archive.example.org/a\n")
    assert content.problems(not_an_address) == [
        f"{VOTE_FILE}:21: sources[0].archive: `archive.example.org/a` is not a web address; expected a full address "
        "starting with https:// or http://"]


def test_a_un_symbol_links_to_its_document_and_another_body_s_does_not(content):
    event, = content.timeline(vote_with("body: un-general-assembly", "body: un-general-assembly\n"
                                        "symbol: S/RES/2774 (2025)")).events
    assert event.symbol_url == content.settings["TIMELINE_SYMBOL_URL"].format(symbol="S/RES/2774%20%282025%29")
    other, = content.timeline(vote_with("body: un-general-assembly", "body: un-general-assembly\n"
                                        "symbol: ICC-01/22-18")).events
    assert (other.symbol, other.symbol_url) == ("ICC-01/22-18", None)


CONFLICT = """conflicts:
  - about: Ukraine's own vote
    position_of: ukraine
    reports:
      - says: "yes"
        source: 1
      - says: abstain
        source: [2, 1]
sources:"""


def test_a_disputed_vote_is_in_the_state_s_record_with_both_reports(content):
    timeline = content.timeline({VOTE_FILE: VOTE.replace("  ukraine: yes\n", "").replace("sources:", CONFLICT)})
    ukraine = next(actor for actor in timeline.actors if actor.slug == "ukraine")
    row, = timeline.record_of(ukraine)
    assert row.position is None
    assert [(report.says, report.by, [c.number for c in report.cited]) for report in row.conflict.reports] == \
        [("yes", "United Nations", [1]), ("abstain", "Ministry of Foreign Affairs of Ukraine and United Nations", [2, 1])]


def test_a_conflict_needs_two_reports(content):
    one_report = CONFLICT.replace('      - says: abstain\n        source: [2, 1]\n', "")
    assert content.problems(vote_with("sources:", one_report)) == [
        f"{VOTE_FILE}:19: conflicts[0].reports: fewer than two reports; expected what each source said"]


RENAMED = {**ACTORS, "russian-federation": ACTORS["russian-federation"] + "aliases: [russia, the-russian-federation]\n"}


def test_a_renamed_actor_keeps_its_former_slugs(content):
    timeline = content.timeline({VOTE_FILE: VOTE}, RENAMED)
    russia = next(actor for actor in timeline.actors if actor.slug == "russian-federation")
    assert russia.aliases == ("russia", "the-russian-federation")


@pytest.mark.parametrize("aliases, problem", [
    ("[Russia]", "aliases[0]: `Russia` is not a slug; expected a former name of the actor's file, without `.md`: "
                 "lower-case letters, digits and hyphens"),
    ("[[russia]]", "aliases[0]: a list is not a slug;"),
    ("russia", "aliases: is `russia`, not a list; expected a list, one `- ` entry per line or `[a, b]`"),
    ("[russian-federation]", "aliases[0]: `russian-federation` is the actor's own slug; expected only slugs it had "
                             "before its file was renamed"),
    ("[ukraine]", "aliases[0]: `ukraine` is the slug of content/actors/ukraine.md; expected a former slug that no "
                  "actor has now"),
    ("[russia, russia]", "aliases: `russia` is listed 2 times; expected each former slug once"),
])
def test_a_former_slug_is_a_slug_no_actor_has_now(content, aliases, problem):
    actors = {**ACTORS, "russian-federation": ACTORS["russian-federation"] + f"aliases: {aliases}\n"}
    found, = content.problems({}, actors)
    assert found.startswith(f"content/actors/russian-federation.md:5: {problem}"), found


def test_one_former_slug_leads_to_one_actor_the_first_read(content):
    actors = {**RENAMED, "ukraine": ACTORS["ukraine"] + "aliases: [russia]\n"}
    assert content.problems({}, actors) == [
        "content/actors/russian-federation.md:5: aliases[0]: `russia` is also a former slug of "
        "content/actors/ukraine.md; expected each former slug on one actor only, since its old address leads to one "
        "page"]


def test_an_event_that_names_an_actor_by_its_former_slug_is_told_the_slug_now(content):
    events = vote_with("actors: [un-general-assembly, ukraine, russian-federation,",
                       "actors: [un-general-assembly, ukraine, russia,")
    assert content.problems(events, RENAMED) == [
        f"{VOTE_FILE}:7: actors[2]: `russia` is the former slug of `russian-federation`; expected "
        "`russian-federation`, the actor's slug since its file was renamed",
        f"{VOTE_FILE}:11: positions.russian-federation: `russian-federation` is not among the event's actors; "
        "expected the state in `actors`"]


NEW_EVENT = {"title": "Ukraine and Russia hold a call", "date": "2025-06-01", "type": "talks",
             "actors": "ukraine,russian-federation", "summary": "The two states spoke.",
             "source_url": "https://example.org/call", "source_title": "A call", "publisher": "Example",
             "source_date": "unknown"}


def test_the_body_invoke_new_event_writes_is_refused_on_its_line_until_the_editor_replaces_it(content):
    actors = [content.read(f"content/actors/{slug}.md", fields) for slug, fields in ACTORS.items()]
    (content.root / "content" / "events").mkdir(parents=True)
    *_, file = new_event(NEW_EVENT, content.root / "content", content.settings, say=lambda line: None)
    with pytest.raises(ContentError) as error:
        build_timeline([content.load(file)], actors, today=TODAY)
    line = file.read_text(encoding="utf-8").splitlines().index(PLACEHOLDER_BODY) + 1
    assert [str(problem) for problem in error.value.problems] == [
        f"content/events/2025-06-01-ukraine-and-russia-hold-a-call.md:{line}: body: still holds the line "
        f"`invoke new-event` wrote, \"{PLACEHOLDER_BODY}\"; expected what happened, in your own words, from the "
        "event's sources, in its place"]
    file.write_text(file.read_text(encoding="utf-8").replace(PLACEHOLDER_BODY, "The two presidents spoke."),
                    encoding="utf-8")
    event, = build_timeline([content.load(file)], actors, today=TODAY).events
    assert event.html == "<p>The two presidents spoke.</p>"


def test_an_actor_no_event_names_is_a_warning_on_the_line_of_its_name(content):
    actors = {**ACTORS, "china": "name: China\nkind: state\nrole: Permanent member\n"}
    docs = [content.read(f"content/actors/{slug}.md", fields) for slug, fields in actors.items()]
    timeline = build_timeline([content.read(VOTE_FILE, VOTE)], docs, today=TODAY)
    assert [str(warning) for warning in unnamed_actors(timeline, docs)] == [
        "content/actors/china.md:2: name: warning: no event names `china` in its `actors`, so its page lists no "
        "events; expected `china` in the `actors` of at least one event, or the file removed (the site is built "
        "all the same)"]


def test_two_files_with_one_slug_are_refused(content):
    events = {VOTE_FILE: VOTE, "content/events/2025/2025-12-03-children.md": VOTE}
    assert content.problems(events) == [
        "content/events/2025/2025-12-03-children.md:1: file name: the slug `2025-12-03-children` is also used by "
        f"{VOTE_FILE}; expected a file name of its own"]


def test_every_mistake_of_every_file_is_listed_in_one_run_in_file_and_line_order(content):
    first = vote_with("date: 2025-12-03", "date: 2025-13-03")[VOTE_FILE].replace("type: vote", "type: votes")
    second = VOTE.replace("[un-general-assembly,", "[un-general-asembly,")
    found = content.problems({VOTE_FILE: first, "content/events/2025-12-03-second.md": second})
    assert [line.split(": ")[:2] for line in found] == [
        ["content/events/2025-12-03-children.md:3", "date"], ["content/events/2025-12-03-children.md:4", "type"],
        ["content/events/2025-12-03-second.md:7", "actors[0]"]]


CORRECTIONS = """corrections:
  - date: 2025-12-10
    note: The tally gave 13 votes against; the UN's record gives 12.
  - date: 2025-12-05
    note: The resolution's symbol was A/RES/ES-11/8.
sources:"""


def test_corrections_become_the_event_s_corrections_oldest_first(content):
    event, = content.timeline(vote_with("sources:", CORRECTIONS)).events
    assert [(row.number, row.correction.date, row.correction.note[:14]) for row in event.correction_rows] == [
        (1, datetime.date(2025, 12, 5), "The resolution"), (2, datetime.date(2025, 12, 10), "The tally gave")]
    assert event.last_corrected == datetime.date(2025, 12, 10)


CORRECTION_DAY = "expected the day the correction was made, written YYYY-MM-DD"


@pytest.mark.parametrize("old, new, problem", [
    ("  - date: 2025-12-10\n    note", "  - note", f"17: corrections[0].date: missing; {CORRECTION_DAY}"),
    ("    note: The tally gave 13 votes against; the UN's record gives 12.\n", "",
     "17: corrections[0].note: missing; expected a line of text"),
    ("date: 2025-12-10", "date: 2025-12-32",
     f"17: corrections[0].date: `2025-12-32` is not a real date; {CORRECTION_DAY}"),
    ("date: 2025-12-10", "date: 2025-12", f"17: corrections[0].date: `2025-12` gives no day; {CORRECTION_DAY}"),
    ("date: 2025-12-10", "date: 2026-06-01",
     f"17: corrections[0].date: 2026-06-01 is in the future; {CORRECTION_DAY}, today at the latest"),
    ("date: 2025-12-10", "date: 2025-11-30", "17: corrections[0].date: 2025-11-30 is before the event's date, "
     f"2025-12-03; {CORRECTION_DAY}, on or after the event's date"),
    ("    note: The tally", "    field: tally\n    note: The tally",
     "18: corrections[0].field: unknown field; expected one of date, note"),
])
def test_each_mistake_in_a_correction_is_named_on_its_line(content, old, new, problem):
    assert content.problems(vote_with("sources:", CORRECTIONS.replace(old, new))) == [f"{VOTE_FILE}:{problem}"]


def test_corrections_are_a_list_of_dated_notes(content):
    assert content.problems(vote_with("sources:", "corrections: fixed the tally\nsources:")) == [
        f"{VOTE_FILE}:16: corrections: is `fixed the tally`, not a list; expected a list, one `- ` entry per line "
        "or `[a, b]`"]
    assert content.problems(vote_with("sources:", "corrections:\n  - fixed the tally\nsources:")) == [
        f"{VOTE_FILE}:17: corrections[0]: is `fixed the tally`, not a group of fields; expected `- name: value` lines"]


def test_a_correction_of_an_event_known_to_the_month_may_be_made_within_that_month(content):
    month = vote_with("date: 2025-12-03", "date: 2025-12")[VOTE_FILE].replace(
        "sources:", CORRECTIONS.replace("2025-12-05", "2025-12-01"))
    event, = content.timeline({"content/events/2025-12-children.md": month}).events
    assert [row.correction.date.day for row in event.correction_rows] == [1, 10]


def test_a_subject_is_a_line_of_plain_text_like_the_title(content):
    event, = content.timeline(vote_with("type: vote\n", "type: vote\nsubject: Return of  Ukrainian children\n")).events
    assert (event.subject, event.short_subject) == ("Return of Ukrainian children", "Return of Ukrainian children")
    untitled, = content.timeline({VOTE_FILE: VOTE}).events
    assert (untitled.subject, untitled.short_subject) == (None, untitled.title)
    problems = content.problems(vote_with("type: vote\n", "type: vote\nsubject: <b>Children</b>\n"))
    assert len(problems) == 1 and problems[0].startswith(f"{VOTE_FILE}:5: subject: contains `<b`"), problems


# The vote, as a draft of the Council that it vetoed.
VETO = VOTE.replace("type: vote\n", "type: veto\n").replace("body: un-general-assembly", "body: un-security-council") \
    .replace("{yes: 91, no: 12, abstain: 57}", "{yes: 11, no: 1, abstain: 3}")


def test_a_veto_is_the_recorded_no_of_a_veto_holder_and_never_anyone_else_s(content):
    vetoed, = content.timeline({VOTE_FILE: VETO}, WITH_COUNCIL).events
    assert (vetoed.outcome, [state.slug for state in vetoed.vetoed_by]) == ("vetoed", ["russian-federation"])
    adopted, = content.timeline({VOTE_FILE: VOTE}).events
    assert adopted.vetoed_by == []


def test_a_veto_without_a_veto_holder_s_recorded_no_is_refused_rather_than_shown(content):
    unrecorded = f"{VOTE_FILE}:4: type: a veto, but no veto holder is recorded voting against the draft; expected " \
                 'a veto holder\'s `"no"` in `positions` ({}), or another outcome'
    # In a body with no veto; with the veto holder's vote not recorded.
    assert content.problems(vote_with("type: vote\n", "type: veto\n")) == [
        unrecorded.format("of a body whose file names its `veto_holders`")]
    assert content.problems({VOTE_FILE: VETO.replace("  russian-federation: no\n", "")}, WITH_COUNCIL) == [
        unrecorded.format("russian-federation")]
    # With a tally of no vote against at all, a veto holder's recorded no is more than it counts.
    assert content.problems({VOTE_FILE: VETO.replace("{yes: 11, no: 1, abstain: 3}", "{yes: 15, no: 0, abstain: 0}")},
                            WITH_COUNCIL) == [
        f"{VOTE_FILE}:9: positions: 1 state recorded as `no`, more than the tally's 0; expected positions that agree "
        "with the tally: correct whichever the sources contradict"]


@pytest.mark.parametrize("tally, words", [
    ("{yes: 0, no: 0, abstain: 0}", ("no", "yes")),  # states recorded voting on a vote of 0-0-0
    ("{yes: 91, no: 0, abstain: 57}", ("no",)),
    ("{yes: 91, no: 12, abstain: 90, absent: 0}", ("absent",)),
    ("{yes: 91, no: 12, abstain: 90}", ("absent",)),  # all 193 counted: no member is left to be absent
])
def test_more_states_recorded_voting_a_way_than_the_tally_counts_is_refused(content, tally, words):
    text = vote_with("tally: {yes: 91, no: 12, abstain: 57}", f"tally: {tally}")[VOTE_FILE]
    if words == ("absent",):
        text = text.replace("  russian-federation: no\n", "  russian-federation: absent\n")
    assert sorted(content.problems({VOTE_FILE: text})) == [
        f"{VOTE_FILE}:9: positions: 1 state recorded as `{word}`, more than the tally's 0; expected positions that "
        "agree with the tally: correct whichever the sources contradict" for word in words]



# The Council's file naming its elected members with their terms (here, one of them).
ELECTED = {**WITH_COUNCIL, "un-security-council": WITH_COUNCIL["un-security-council"] +
           "elected:\n  - {state: ukraine, from: 2024, until: 2025}\n"}


def test_a_state_recorded_voting_in_a_body_must_have_sat_in_it_that_year(content):
    """Where a voting body's file names its elected members, no one else but its veto holders votes in it."""
    vetoed, = content.timeline({VOTE_FILE: VETO}, ELECTED).events  # in 2025, Ukraine's term
    assert [position.state.slug for position in vetoed.positions] == ["ukraine", "russian-federation"]
    earlier = VETO.replace("date: 2025-12-03", "date: 2023-12-03")
    assert content.problems({"content/events/2023-12-03-children.md": earlier}, ELECTED) == [
        "content/events/2023-12-03-children.md:10: positions.ukraine: `ukraine` was not a member of UN Security Council "
        "in 2023; expected a state that sat in it then: a veto holder, or one of `elected` in "
        "content/actors/un-security-council.md for that year"]
    # A body whose file names no elected members is not checked: the record does not say who sat in it.
    assert content.timeline({"content/events/2023-12-03-children.md": earlier}, WITH_COUNCIL).events


@pytest.mark.parametrize("elected, problem", [
    ("  - {state: ukraine, from: 2025, until: 2024}\n",
     "8: elected[0].until: 2025 to 2024 is not a term; expected a term as `{state: albania, from: 2022, until: 2023}`"),
    ("  - {state: un-general-assembly, from: 2024, until: 2025}\n",
     "8: elected[0].state: `un-general-assembly` is an organisation"),
    ("  - {state: ukraine, from: 2024}\n", "8: elected[0].until: missing"),
    ("  - {state: ukraine, from: 2024, until: 2025, seat: 3}\n", "8: elected[0].seat: unknown field"),
])
def test_a_mistake_in_a_body_s_elected_members_is_named_on_its_line(content, elected, problem):
    actors = {**WITH_COUNCIL, "un-security-council": WITH_COUNCIL["un-security-council"] + "elected:\n" + elected}
    problems = content.problems({VOTE_FILE: VETO}, actors)
    assert len(problems) == 1 and problems[0].startswith(f"content/actors/un-security-council.md:{problem}"), problems
