"""Every member's vote on a recorded vote (ROLL_CALL_PATHS: `roll-calls/<event>.yaml`), checked against the
event's tally, the body's membership on the day and the positions the event's editor wrote."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace

from yaml import YAMLError

from .model import Actor, Event, Position, RollCall
from .problems import Problem, describe
from .reader import FrontMatter, Unreadable
from .settings import VOTES
from .symbols import symbol_url
from .yamlerrors import explain

ROLL_CALL_FIELDS = ("record", "copy", "taken", "votes")
# "absent": did not vote, as a tally's `absent` counts.
WORDS = ("yes", "no", "abstain", "absent")
WORDS_EXPECTED = "`yes`, `no`, `abstain` or `absent` (did not vote)"
SHOWN_MISSING = 5


def members_on(body: Actor, day: datetime.date, states: list[Actor]) -> dict[str, Actor]:
    """The body's members on `day`, by code: its veto holders and elected members where its file names them,
    else every member state admitted by then."""
    if body.elected:
        sitting = [*body.veto_holders, *(term.state for term in body.elected if term.first <= day.year <= term.last)]
    else:
        sitting = [state for state in states if state.admitted and state.admitted <= day]
    return {state.code: state for state in sitting if state.code}


class RollCallFile:
    """One roll-call file being checked: its values, the line of each, and the problems found."""

    def __init__(self, path: str, text: str, problems: list[Problem]):
        self.path, self.problems = path, problems
        try:
            front = FrontMatter(text)
            self.data, self.lines = front.data, front.lines
        except Unreadable as refusal:
            self.data, self.lines = None, {}
            problems.append(replace(refusal.problem, path=path))
        except YAMLError as error:
            self.data, self.lines = None, {}
            problems.append(replace(explain(error, text), path=path))

    def problem(self, field: str, problem: str, expected: str) -> None:
        self.problems.append(Problem(self.path, self.lines.get(field, 1), field, problem, expected))

    def text(self, field: str, expected: str) -> str | None:
        value = self.data.get(field)
        if not isinstance(value, str) or not value.strip():
            self.problem(field, f"is {describe(value)}", expected)
            return None
        return value.strip()

    def taken(self, today: datetime.date) -> datetime.date | None:
        value = self.text("taken", "the day the roll call was taken from the copy, written YYYY-MM-DD")
        try:
            day = datetime.date.fromisoformat(value) if value and value.isascii() else None
        except ValueError:
            day = None
        if value and (day is None or day > today):
            self.problem("taken", f"is {value!r}", "the day the roll call was taken, written YYYY-MM-DD, not later "
                         "than today")
            return None
        return day

    def votes(self, members: dict[str, Actor], labels: dict[str, str]) -> list[Position]:
        """Each member's vote, each line checked: a member of the body that day, and one of the words."""
        votes = self.data.get("votes")
        if not isinstance(votes, dict) or not votes:
            self.problem("votes", f"is {describe(votes)}", f"one line per member, `UKR: yes`, each of {WORDS_EXPECTED}")
            return []
        found = []
        for code, word in votes.items():
            field = f"votes.{code}"
            if code not in members:
                self.problem(field, f"`{code}` is not a member of the body on the day of the vote",
                             "the codes of its members that day, each once (see TIMELINE_MEMBER_STATES)")
            elif word not in WORDS:
                self.problem(field, f"is {describe(word)}", WORDS_EXPECTED)
            else:
                found.append(Position(members[code], word, labels[word]))
        if missing := sorted(set(members) - set(votes)):
            shown = ", ".join(missing[:SHOWN_MISSING]) + (" …" if len(missing) > SHOWN_MISSING else "")
            self.problem("votes", f"misses {len(missing)} of the body's {len(members)} members ({shown})",
                         "a line for every member of the body that day, `absent` for one that did not vote")
        return found


def check_counts(file: RollCallFile, event: Event, votes: list[Position]) -> None:
    """The roll call's counts are the event's tally, and the positions its editor wrote are the roll call's."""
    counted = Counter(vote.word for vote in votes)
    for word in WORDS:
        expected = getattr(event.tally, word)
        if expected is not None and counted[word] != expected:
            file.problem("votes", f"counts {counted[word]} `{word}`, but the tally of {event.source_path} "
                         f"says {expected}", "the roll call as the body's record gives it, and the tally it adds "
                         "up to; correct whichever is wrong")
    by_state = {vote.state.slug: vote for vote in votes}
    for written in event.positions:
        vote = by_state.get(written.state.slug)
        if vote and vote.word != written.word:
            file.problem(f"votes.{written.state.code}", f"is `{vote.word}`, but {event.source_path} records "
                         f"`{written.word}` for {written.state.slug} in `positions`",
                         "the same vote in both; the body's own record decides (say so in `corrections`)")


def parse_roll_call(path: str, slug: str, text: str, events: dict[str, Event], states: list[Actor],
                    settings: dict, today: datetime.date, problems: list[Problem]) -> None:
    """Check one roll-call file and give its event the roll call."""
    file = RollCallFile(path, text, problems)
    if file.data is None:
        return
    if not isinstance(file.data, dict):
        file.problem("votes", f"the file is {describe(file.data)}", "`record:`, `copy:`, `taken:` and `votes:` lines")
        return
    for field in sorted(set(file.data) - set(ROLL_CALL_FIELDS)):
        file.problem(field, "is not a field of a roll call", f"only {', '.join(ROLL_CALL_FIELDS)}")
    event = events.get(slug)
    if event is None or event.tally is None or event.body is None:
        file.problem("file name", f"`{slug}` is not the name of a vote's event (one with `tally` and `body`)",
                     "the file name of the event it belongs to, as in content/events/")
        return
    record = file.text("record", "the body's voting record: its address or its document's symbol")
    copy = file.text("copy", "the address (https://…) of the machine-readable copy the roll call was taken from")
    if copy and not copy.startswith(("https://", "http://")):
        file.problem("copy", f"is {copy!r}", "the address (https://…) of the copy the roll call was taken from")
    taken = file.taken(today)
    words = settings["TIMELINE_POSITIONS"].get(event.type, ("", {}))[1]
    labels = {word: words.get(word, VOTES[word]) for word in WORDS}
    votes = file.votes(members_on(event.body, event.date, states), labels)
    check_counts(file, event, votes)
    if record and copy and taken and votes:
        url = record if record.startswith(("https://", "http://")) else symbol_url(record, settings) or ""
        event.roll_call = RollCall(record, url, copy, taken, tuple(votes), path)
