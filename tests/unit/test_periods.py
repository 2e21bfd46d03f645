"""An editor's checks on periods (content/periods/): what a well-formed one becomes, and the line each
mistake gives, in the same form as an event's."""

from __future__ import annotations

import datetime

import pytest

from test_validate import ACTORS, TODAY, VOTE, VOTE_FILE, content  # noqa: F401 (content is a fixture)
from pelican.plugins.timeline.problems import ContentError
from pelican.plugins.timeline.validate import build_timeline

PERIOD_FILE = "content/periods/children-talks.md"
# A period resting on the vote's first source, as a period rests on sources events already cite.
PERIOD = """title: Talks on the return of children
date: 2025-12-03
summary: The Assembly's vote on the return of Ukraine's children opened talks on it.
sources:
  - title: General Assembly adopts resolution
    publisher: United Nations
    url: https://press.un.org/en/2025/ga12738.doc.htm
    date: unknown
"""


def period_with(old: str, new: str) -> dict[str, str]:
    assert PERIOD.count(old) == 1, old
    return {PERIOD_FILE: PERIOD.replace(old, new)}


def test_a_period_without_an_end_is_ongoing_and_written_so(content):
    timeline = content.timeline({VOTE_FILE: VOTE}, periods={PERIOD_FILE: PERIOD})
    [period] = timeline.periods
    assert (period.slug, period.title, period.start.first, period.end) == \
        ("children-talks", "Talks on the return of children", datetime.date(2025, 12, 3), None)
    assert period.display_date == "from 3 December 2025, ongoing"
    assert [source.publisher for source in period.sources] == ["United Nations"]


def test_a_period_with_an_end_is_written_as_a_span(content):
    timeline = content.timeline({VOTE_FILE: VOTE}, periods=period_with("date: 2025-12-03\n",
                                                                        "date: 2025-12-03\nend: 2025-12-20\n"))
    assert timeline.periods[0].display_date == "3–20 December 2025"


@pytest.mark.parametrize("old, new, problem", [
    ("title: Talks on the return of children\n", "",
     "content/periods/children-talks.md:1: title: missing; expected a line of text"),
    ("title: Talks on the return of children", "title: " + "Talks " * 8,
     "content/periods/children-talks.md:2: title: 47 characters, too long to label the period's band on a phone; "
     "expected a title of at most 40 characters"),
    ("date: 2025-12-03\n", "date: 2025-12-03\nend: 2025-11\n",
     "content/periods/children-talks.md:4: end: 2025-11 is not after the date, 2025-12-03; expected a day, month or "
     "year after 3 December 2025, or no `end` for a period of one day"),
    ("date: 2025-12-03", "date: 2027-01-01",
     "content/periods/children-talks.md:3: date: 2027-01-01 is in the future; expected the date the period began"),
    ("url: https://press.un.org/en/2025/ga12738.doc.htm", "url: https://example.org/elsewhere",
     "content/periods/children-talks.md:8: sources[0].url: `https://example.org/elsewhere` is the source of no "
     "event; expected the address of a source an event in content/events/ cites: a period rests on events already "
     "on the record"),
    ("summary:", "about:",
     "content/periods/children-talks.md:4: about: unknown field; expected one of date, end, sources, summary, title"),
])
def test_a_mistake_in_a_period_is_named_on_its_line(content, old, new, problem):
    assert problem in content.problems({VOTE_FILE: VOTE}, periods=period_with(old, new))


def test_a_period_needs_a_source(content):
    problems = content.problems({VOTE_FILE: VOTE}, periods={PERIOD_FILE: PERIOD.split("sources:")[0]})
    assert problems == ["content/periods/children-talks.md:1: sources: missing; expected a list with at least one "
                        "entry"]


def test_a_period_s_body_is_refused_since_no_page_shows_it(content):
    period, vote = content.read(PERIOD_FILE, PERIOD, body="Some words.\n"), content.read(VOTE_FILE, VOTE)
    with pytest.raises(ContentError) as error:
        build_timeline([vote], [content.read(f"content/actors/{slug}.md", fields) for slug, fields in ACTORS.items()],
                       today=TODAY, period_docs=[period])
    assert [str(problem) for problem in error.value.problems] == [
        "content/periods/children-talks.md:11: body: a period's body is shown nowhere; expected nothing after the "
        "second `---`: what the period is goes in `summary`"]


def test_a_period_during_which_nothing_on_the_record_happens_is_refused(content):
    """No time axis would show it: the home page's runs from the first event's year."""
    problems = content.problems({VOTE_FILE: VOTE}, periods=period_with("date: 2025-12-03\n",
                                                                       "date: 1990\nend: 1991-06\n"))
    assert problems == ["content/periods/children-talks.md:3: date: 1990 – June 1991: no event on the record falls "
                        "within the period; expected dates around events the record holds: a period names a stretch "
                        "of time its events show"]


def test_a_period_that_began_before_an_event_and_runs_on_holds_it(content):
    timeline = content.timeline({VOTE_FILE: VOTE}, periods=period_with("date: 2025-12-03\n", "date: 1990\n"))
    assert timeline.periods[0].display_date == "from 1990, ongoing"


def test_at_most_four_periods_run_at_once_as_the_axis_has_four_rows_for_them(content):
    periods = {f"content/periods/talks-{number}.md": PERIOD.replace("date: 2025-12-03\n", f"date: 2025-11-2{number}\n")
               for number in range(1, 6)}
    problems = content.problems({VOTE_FILE: VOTE}, periods=periods)
    assert problems == ["content/periods/talks-5.md:3: date: from 25 November 2025, ongoing: 4 other periods run at "
                        "the same time, as many as the time axis has rows for; expected at most 4 periods at any one "
                        "time"]
    del periods["content/periods/talks-5.md"]
    assert len(content.timeline({VOTE_FILE: VOTE}, periods=periods).periods) == 4
