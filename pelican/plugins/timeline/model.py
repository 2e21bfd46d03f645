"""The timeline's data model: events, actors and what links them, ready for the templates.

Sorting, grouping and counting happen here, once, so that templates only present.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .dates import THIRDS, DatePiece, Period, date_pieces, format_date, year_suffix
from .i18n import N_, _, collation_key, ngettext

KIND_NAMES = {"state": N_("State"), "organisation": N_("Organisation"), "person": N_("Person")}
KIND_LABELS = {"state": N_("States"), "organisation": N_("Organisations"), "person": N_("People")}
# The order of events that fall on the same day of the sort (see Event.sort_key).
QUALIFIER_RANKS = {"before": 0, None: 1, "about": 1, "early": 2, "mid": 3, "late": 4, "after": 5}
# What a tally counts. Positions in these words are votes; in any other (endorsing a declaration, taking part
# in talks) they are stances, kept apart from the votes.
VOTE_WORDS = ("yes", "no", "abstain", "absent")
# What a cell of the votes page shows for each vote, beside its colour and its words; a disputed vote and a cell
# where the record holds no position have marks of their own, so that neither reads as a vote.
VOTE_MARKS = {"yes": "✓", "no": "✗", "abstain": "–", "absent": "○", "disputed": "?", "none": "·"}
# The key to the marks, as the votes page and actor pages give it: word, mark, what it means.
# Translated where it is shown (`vote_key`): the key is made once, before the site's language is known.
VOTE_KEY = [(word, VOTE_MARKS[word], label) for word, label in (
    ("yes", N_("Yes")), ("no", N_("No")), ("abstain", N_("Abstained")), ("absent", N_("Absent")),
    ("disputed", N_("Disputed: sources disagree")), ("none", N_("No position recorded")))]
# How a state's record counts each word: "yes on 7", "abstained on 2"; and a record of one word throughout,
# for one vote and for all of several.
SUMMARY_WORDS = {"yes": N_("yes on %(num)d"), "no": N_("no on %(num)d"), "abstain": N_("abstained on %(num)d"),
                 "absent": N_("absent from %(num)d")}
SUMMARY_ONE = {"yes": N_("voted yes on the one %(body)s vote on the record"),
               "no": N_("voted no on the one %(body)s vote on the record"),
               "abstain": N_("abstained on the one %(body)s vote on the record"),
               "absent": N_("was absent from the one %(body)s vote on the record")}
# A vote's outcome as readers see it.
OUTCOME_WORDS = {"adopted": N_("adopted"), "rejected": N_("rejected"), "vetoed": N_("vetoed")}
# What a state did on one vote, where the page says it changed its vote: "voted yes on".
CHANGE_WORDS = {"yes": N_("voted yes on"), "no": N_("voted no on"), "abstain": N_("abstained on"),
                "absent": N_("was absent from")}


@dataclass
class Actor:
    slug: str
    name: str
    kind: str
    role: str
    sort_name: str
    html: str
    source_path: str
    url: str
    affiliation: Actor | None = None
    # Its former slugs, from before its file was renamed: each old address sends readers to the new one.
    aliases: tuple[str, ...] = ()
    # A voting body's membership, the ceiling for any of its tallies; None for an actor that is not one.
    members: int | None = None
    # The members whose recorded vote against a draft that the body vetoed is named as the veto.
    veto_holders: list[Actor] = field(default_factory=list)
    # A voting body's members elected for a term, where its file names them: then only they (in their years)
    # and its veto holders may be recorded voting in it.
    elected: list[Term] = field(default_factory=list)
    # A member state of the site's table (TIMELINE_MEMBER_STATES): its code, its group, the day it was admitted.
    code: str | None = None
    group: str | None = None
    admitted: datetime.date | None = None
    # In an edition in another language, the language of its words where its file is not yet translated.
    lang: str | None = None

    @property
    def kind_label(self) -> str:
        return _(KIND_NAMES[self.kind])

    def member_in(self, state: Actor, year: int) -> bool | None:
        """Whether `state` sat in this voting body in `year`; None where its file names no elected members."""
        if not self.elected:
            return None
        return state in self.veto_holders or any(term.state is state and term.first <= year <= term.last
                                                 for term in self.elected)


@dataclass(frozen=True)
class Term:
    """An elected member's years in a voting body, the first and the last in full."""

    state: Actor
    first: int
    last: int


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int
    absent: int | None = None
    cited: tuple[Citation, ...] = ()

    @property
    def counted(self) -> int:
        """Members whose vote is known, used as the width of the tally bar."""
        return self.yes + self.no + self.abstain + (self.absent or 0)


@dataclass(frozen=True)
class Source:
    """A source as its editor listed it. Its date is the day it was published, or None where the editor wrote
    that the source shows none (`date: unknown`); an archive is the address of a copy kept elsewhere."""

    title: str
    publisher: str
    url: str
    date: datetime.date | None = None
    archive: str | None = None

    @property
    def display_date(self) -> str:
        return format_date(self.date) if self.date else _("undated")


@dataclass(frozen=True)
class Citation:
    """A source named by its number, its place in the event's `sources`: `source: 2` beside a value."""

    number: int
    source: Source


def publishers(cited: tuple[Citation, ...]) -> str:
    """Who the cited sources are, as readers name them: "AP and Babel"."""
    return in_words(citation.source.publisher for citation in cited)


def in_words(names) -> str:
    """Names as a sentence lists them, each once: "AP, Babel and Reuters"."""
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


@dataclass(frozen=True)
class Quote:
    speaker: Actor
    text: str
    source: int | None = None


# Slotted, as are a record's rows: a long record's roll calls hold hundreds of thousands of each.
@dataclass(frozen=True, slots=True)
class Position:
    """A named actor's position at an event: the word its editor wrote (`yes`, `endorsed`) and the label
    readers see, both from TIMELINE_POSITIONS for the event's type. `state` is a state for a vote; a stance
    may be an organisation's or a person's."""

    state: Actor
    word: str
    label: str
    cited: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class RollCall:
    """Every member's vote on one recorded vote, as the body's own voting record gives it: the record (its
    address, or its document's symbol), the machine-readable copy it was taken from, and the day it was taken."""

    record: str
    record_url: str
    copy: str
    taken: datetime.date
    votes: tuple[Position, ...]
    source_path: str

    @cached_property
    def by_state(self) -> dict[str, Position]:
        return {vote.state.slug: vote for vote in self.votes}

    @cached_property
    def majority(self) -> str:
        """The vote most of the members voting cast: yes, no or abstain."""
        counted = Counter(vote.word for vote in self.votes if vote.word != "absent")
        return max(("yes", "no", "abstain"), key=lambda word: counted[word])

    @property
    def display_taken(self) -> str:
        return format_date(self.taken)

    @property
    def by_vote(self) -> list[tuple[str, str, int, list[tuple[str, list[Actor]]]]]:
        """The members by their vote (yes, no, abstain, absent) and, within each, by group: the word, its
        label, how many, and each group's members in order of name."""
        listed = []
        for word in VOTE_WORDS:
            voters = sorted((vote.state for vote in self.votes if vote.word == word),
                            key=lambda a: collation_key(a.sort_name))
            if voters:
                label = next(vote.label for vote in self.votes if vote.word == word)
                groups = sorted({state.group or "" for state in voters}, key=collation_key)
                listed.append((word, label, len(voters), [(group, [s for s in voters if (s.group or "") == group])
                                                          for group in groups]))
        return listed


@dataclass(frozen=True)
class Report:
    """What one side of a disagreement says, and the sources that say it."""

    says: str
    cited: tuple[Citation, ...]

    @property
    def by(self) -> str:
        return publishers(self.cited)


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on one figure, shown side by side wherever the event appears."""

    about: str
    reports: tuple[Report, ...]
    # The value this site uses where a source settles it, and that source.
    official: str | None = None
    official_cited: tuple[Citation, ...] = ()
    note: str | None = None
    position_of: Actor | None = None

    @property
    def official_by(self) -> str:
        return publishers(self.official_cited)


@dataclass(frozen=True)
class Figure:
    measure: str  # one of the site's TIMELINE_MEASURES
    count: int
    qualifier: str
    reported_by: str
    cited: tuple[Citation, ...] = ()
    label: str = ""  # the measure's, as readers see it


@dataclass(frozen=True)
class Correction:
    """A fact of the event's record that was wrong, put right on the day given."""

    date: datetime.date
    note: str

    @property
    def display_date(self) -> str:
        return format_date(self.date)

    @property
    def iso_date(self) -> str:
        return self.date.isoformat()

    @property
    def date_pieces(self) -> list[DatePiece]:
        """The day, as the date macro writes an event's date."""
        return date_pieces(Period(self.date, "day"))


@dataclass
class Event:
    slug: str
    title: str
    date: datetime.date
    precision: str
    type: str
    type_label: str
    # The type's place in TIMELINE_EVENT_TYPES, from 1, which gives its colour and shape on the time axis.
    type_number: int
    summary: str
    actors: list[Actor]
    sources: list[Source]
    html: str
    source_path: str
    url: str
    location: str | None = None
    symbol: str | None = None
    # The official document of the symbol, at the address TIMELINE_SYMBOL_URL gives (see symbols.py).
    symbol_url: str | None = None
    # The symbol where room is short (a column heading), without what TIMELINE_SYMBOL_SHORTEN takes away.
    short_symbol: str | None = None
    body: Actor | None = None
    # What the vote was on, in a few words (`subject:`), for the heading of its column on the votes page.
    subject: str | None = None
    tally: Tally | None = None
    outcome: str | None = None
    positions: list[Position] = field(default_factory=list)
    positions_heading: str = ""
    # What its positions are called on its page and in the open data: "vote" or "stance".
    position_name: str = "vote"
    quotes: list[Quote] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # The last day, month or year of an event that lasts longer than its date.
    end: datetime.date | None = None
    end_precision: str | None = None
    # How roughly the date is known (see dates.py): about, before, after, early, mid or late.
    date_qualifier: str | None = None
    corrections: list[Correction] = field(default_factory=list)  # as the editor wrote them
    # The veto holders of its body (see Actor) whose recorded vote against a vetoed draft was the veto.
    vetoed_by: list[Actor] = field(default_factory=list)
    # Every member's vote, from the body's own record (see roll_calls.py), where the record holds it.
    roll_call: RollCall | None = None
    # The earlier vote on the same question, as its editor names it (`follows`), whose votes this one's are
    # compared with; and that name as written, with its line, until it is checked.
    follows: Event | None = None
    follows_as_written: tuple[str, int] | None = None
    # In an edition in another language, the language of its words where its file is not yet translated.
    lang: str | None = None
    previous: Event | None = None
    next: Event | None = None

    @property
    def start_period(self) -> Period:
        return Period(self.date, self.precision)

    @property
    def end_period(self) -> Period | None:
        return Period(self.end, self.end_precision) if self.end else None

    @property
    def date_pieces(self) -> list[DatePiece]:
        return date_pieces(self.start_period, self.end_period, self.date_qualifier)

    @property
    def years(self) -> list[int]:
        """Every year the event covers, from its date's to its end's: a filter by any of them finds it."""
        return list(range(self.date.year, (self.end_period.last if self.end_period else self.date).year + 1))

    @property
    def display_date(self) -> str:
        return "".join(piece.text for piece in self.date_pieces)

    @property
    def iso_date(self) -> str:
        """The date (the start of a span) as precisely as it is known."""
        return self.start_period.iso

    @cached_property  # read half a million times planning a long record; its date does not change once read
    def sort_key(self) -> tuple[datetime.date, int, str]:
        """Return what orders the timeline: the day the event began, as far as that is known, held within
        the month of its `date`, under which it is listed (so that headings, pages and neighbours agree).

        - A date sorts on its first day (a month on its 1st, a year on 1 January), a span on its start's,
          whatever its end; `about` changes nothing.
        - `early`, `mid` and `late` sort on the first day of their third: a month's 1st, 11th and 21st; a
          year's 1 January, 1 May and 1 September, held back to 31 January (a year is listed under January).
        - `before X` sorts first of all on X's first day; `after X` last of all on X's last day (its end's,
          for a span), or on the month's last day if X ends after it.
        - On one day: `before`, then plain dates and `about`, then `early`, `mid`, `late` and `after`; then
          by slug, so that the order never depends on the order the files were read in.
        """
        start = self.start_period
        if self.date_qualifier in THIRDS:
            day = start.third(self.date_qualifier)
        elif self.date_qualifier == "after":
            day = (self.end_period or start).last
        else:
            day = start.first
        listed_until = Period(self.date, "month").last
        return min(day, listed_until), QUALIFIER_RANKS[self.date_qualifier], self.slug

    @property
    def correction_rows(self) -> list[CorrectionRow]:
        """The event's corrections, oldest first: its page tells the history of its record in the order
        it was put right, as everything else on the site reads in date order."""
        ordered = sorted(self.corrections, key=lambda correction: correction.date)
        return [CorrectionRow(self, correction, number) for number, correction in enumerate(ordered, start=1)]

    @property
    def last_corrected(self) -> datetime.date | None:
        return max((correction.date for correction in self.corrections), default=None)

    @property
    def short_subject(self) -> str:
        """What the vote was on: its `subject`, or its title where the editor gave none."""
        return self.subject or self.title

    @property
    def vote_heading(self) -> str:
        """`Resolution 12 · A ban on night flights`; `Vetoed · Draft deploring …` for a vetoed draft without a
        symbol."""
        first = self.short_symbol or (_("Vetoed") if self.outcome == "vetoed" else None)
        return " · ".join(filter(None, (first, self.short_subject)))

    @property
    def result(self) -> str:
        """The result in words: `adopted, 141 to 7, 32 abstaining`."""
        if not self.tally:
            return self.outcome_label
        counts = _("%(yes)s to %(no)s, %(abstain)s abstaining") % {
            "yes": self.tally.yes, "no": self.tally.no, "abstain": self.tally.abstain}
        return f"{self.outcome_label}, {counts}" if self.outcome else counts

    @property
    def outcome_label(self) -> str:
        """The outcome in the site's language: `adopted`."""
        return _(OUTCOME_WORDS[self.outcome]) if self.outcome in OUTCOME_WORDS else self.outcome or ""

    def conflict_anchor(self, conflict: Conflict) -> str:
        """The id of a conflict on the event's page."""
        return f"conflict-{self.conflicts.index(conflict) + 1}"

    def position_of(self, actor: Actor) -> Position | None:
        """The position its editor wrote (with its citations), else the member's vote in the roll call."""
        written = next((p for p in self.positions if p.state is actor), None)
        return written or (self.roll_call.by_state.get(actor.slug) if self.roll_call else None)

    def conflict_on_position_of(self, actor: Actor) -> Conflict | None:
        return next((c for c in self.conflicts if c.position_of is actor), None)

    @property
    def positions_by(self) -> str:
        """Who the positions are of, as their table's heading says: states, or actors of other kinds too."""
        return _("State") if all(position.state.kind == "state" for position in self.positions) else _("Actor")

    @cached_property
    def changes(self) -> list[tuple[str, str, list[Actor]]]:
        """The states that cast a vote (yes, no or abstain) both on the vote it follows and on this one, and changed
        it: each change's labels, before and after, with its states in order of name; changes in the order of
        the words."""
        if not self.follows:
            return []
        before, after = self.follows.cast_votes, self.cast_votes
        changed: dict[tuple[str, str], list[Position]] = defaultdict(list)
        for slug in before.keys() & after.keys():
            if before[slug].word != after[slug].word:
                changed[before[slug].word, after[slug].word].append(after[slug])
        order = {word: number for number, word in enumerate(VOTE_WORDS)}
        return [(before[votes[0].state.slug].label, votes[0].label,
                 sorted((vote.state for vote in votes), key=lambda state: collation_key(state.sort_name)))
                for _, votes in sorted(changed.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))]

    @cached_property
    def cast_votes(self) -> dict[str, Position]:
        """Each state's vote, by its slug, where it cast one: yes, no or abstain."""
        states = [vote.state for vote in self.roll_call.votes] if self.roll_call else []
        states += [position.state for position in self.positions]
        return {state.slug: vote for state in states
                if (vote := self.position_of(state)) and vote.word in ("yes", "no", "abstain")}


@dataclass(frozen=True)
class TimePeriod:
    """A stretch of time an editor defined in content/periods/ (an emergency session, a round of talks): from
    its date to its end, or still going on where the record shows no end. Its facts rest on its sources,
    which are sources of events on the record."""

    slug: str
    title: str
    start: Period
    end: Period | None
    summary: str
    sources: list[Source]
    source_path: str

    @property
    def date_pieces(self) -> list[DatePiece]:
        """`28 February – 3 March 2022`, or `from 28 February 2022, ongoing` where no end is known."""
        if self.end:
            return date_pieces(self.start, self.end)
        start = " ".join(self.start.words_in(qualified=True)) + year_suffix()  # after "from": `з лютого`
        return [DatePiece(_("from ")), DatePiece(start, self.start.iso), DatePiece(_(", ongoing"))]

    @property
    def display_date(self) -> str:
        return "".join(piece.text for piece in self.date_pieces)

    @property
    def last_day(self) -> datetime.date | None:
        return self.end.last if self.end else None


def by_group(items: list, state_of: Callable[[object], Actor] = lambda actor: actor) -> list[tuple[str, list]]:
    """Items (actors, or rows of one) by the group of their member state, in order of group; those of no group
    ("") last."""
    groups = sorted({state_of(item).group or "" for item in items}, key=lambda group: (not group, collation_key(group)))
    return [(group, [item for item in items if (state_of(item).group or "") == group]) for group in groups]


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One line of a state's voting record: its vote on one resolution, or why it is not known."""

    event: Event
    position: Position | None
    conflict: Conflict | None

    @property
    def vetoed(self) -> bool:
        return self.position is not None and self.position.state in self.event.vetoed_by

    @property
    def word(self) -> str:
        """The vote's word; `disputed` where only a dispute is recorded, `none` where nothing is."""
        if self.position:
            return self.position.word
        return "disputed" if self.conflict else "none"

    @property
    def mark(self) -> str:
        return VOTE_MARKS.get(self.word, VOTE_MARKS["none"])

    @property
    def text(self) -> str:
        """The cell in words, for screen readers and the strip's labels: `No (veto)`, `Yes, disputed`."""
        if not self.position:
            return _("Disputed") if self.conflict else _("No position recorded")
        words = {(True, True): _("%(vote)s (veto), disputed"), (True, False): _("%(vote)s (veto)"),
                 (False, True): _("%(vote)s, disputed"), (False, False): "%(vote)s"}
        return words[self.vetoed, self.conflict is not None] % {"vote": self.position.label}

    @property
    def conflict_url(self) -> str | None:
        """Where the dispute about this vote is set out, on its event's page."""
        return f"{self.event.url}#{self.event.conflict_anchor(self.conflict)}" if self.conflict else None


@dataclass(frozen=True)
class MatrixRow:
    """A state's line of the votes page: one cell for every vote on the record, in date order."""

    state: Actor
    cells: list[RecordRow]


@dataclass(frozen=True)
class VoteMatrix:
    """Every state with a recorded vote down the side, every vote across the top."""

    columns: list[Event]
    rows: list[MatrixRow]

    @property
    def groups(self) -> list[tuple[str, list[MatrixRow]]]:
        """The rows by the group of their state, as the actors index orders them."""
        return by_group(self.rows, lambda row: row.state)

    @property
    def following(self) -> list[Event]:
        """The votes that follow an earlier vote on the same question, whose changes the page lists."""
        return [event for event in self.columns if event.follows]


@dataclass(frozen=True)
class StanceRow:
    """One line of a state's stances: its position at a summit, at talks, or any event whose positions are not
    votes."""

    event: Event
    position: Position


@dataclass(frozen=True)
class FigureRow:
    """One reported count, with the event it was reported at."""

    event: Event
    figure: Figure

    @property
    def text(self) -> str:
        count = f"{self.figure.count:,}"
        if self.figure.qualifier == "exactly":
            return count
        words = {"at-least": _("at least %(count)s"), "more-than": _("more than %(count)s")}
        return words[self.figure.qualifier] % {"count": count}

    @property
    def measure_label(self) -> str:
        return self.figure.label


@dataclass(frozen=True)
class CorrectionRow:
    """One correction, with the event it corrects and its number among that event's corrections."""

    event: Event
    correction: Correction
    number: int

    @property
    def anchor(self) -> str:
        """The id of the correction on its event's page."""
        return f"correction-{self.number}"

    @property
    def url(self) -> str:
        return f"{self.event.url}#{self.anchor}"


@dataclass(frozen=True)
class ActorQuote:
    event: Event
    quote: Quote


def votes_count(count: int, body: str) -> str:
    if count == 1:
        return _("the one %(body)s vote") % {"body": body}
    return ngettext("%(num)d %(body)s votes", "%(num)d %(body)s votes", count) % {"num": count, "body": body}


def summary_all(word: str, count: int) -> str:
    """`voted no on all 10 Assembly votes on the record`: several votes, one word (one vote is said apart)."""
    forms = {"yes": ngettext("voted yes on all %(num)d %(body)s votes on the record",
                             "voted yes on all %(num)d %(body)s votes on the record", count),
             "no": ngettext("voted no on all %(num)d %(body)s votes on the record",
                            "voted no on all %(num)d %(body)s votes on the record", count),
             "abstain": ngettext("abstained on all %(num)d %(body)s votes on the record",
                                 "abstained on all %(num)d %(body)s votes on the record", count),
             "absent": ngettext("was absent from all %(num)d %(body)s votes on the record",
                                "was absent from all %(num)d %(body)s votes on the record", count)}
    return forms[word]


def body_summary(body: str, rows: list[RecordRow]) -> str:
    """One body's part of a state's record: `yes on 7, abstained on 2 of 11 City Council votes on the
    record, no position recorded on 2`; the words of the recorded positions only."""
    counts = Counter(row.position.word for row in rows if row.position)
    recorded = sum(counts.values())
    if len(counts) == 1 and recorded == len(rows):
        word, = counts
        said = (_(SUMMARY_ONE[word]) if len(rows) == 1 else summary_all(word, len(rows))) % {
            "num": len(rows), "body": body}
    else:
        words = ", ".join(_(SUMMARY_WORDS[word]) % {"num": counts[word]} for word in VOTE_WORDS if counts[word])
        votes = votes_count(len(rows), body)
        said = (_("%(counts)s of %(votes)s on the record") % {"counts": words, "votes": votes} if words
                else _("of %(votes)s on the record") % {"votes": votes})
        if unknown := sum(1 for row in rows if not row.position and not row.conflict):
            said += ngettext(", no position recorded on %(num)d", ", no position recorded on %(num)d", unknown) % {
                "num": unknown}
    if disputed := sum(1 for row in rows if row.conflict):
        said += ngettext(", disputed on %(num)d", ", disputed on %(num)d", disputed) % {"num": disputed}
    if vetoes := sum(1 for row in rows if row.vetoed):
        said += _(", casting the veto on one") if vetoes == 1 else ngettext(
            ", casting the veto on %(num)d", ", casting the veto on %(num)d", vetoes) % {"num": vetoes}
    return said


class Timeline:
    """All events in date order and all actors, with the indexes the pages need."""

    def __init__(self, events: list[Event], actors: list[Actor], periods: list[TimePeriod] | None = None):
        self.events = sorted(events, key=lambda e: e.sort_key)
        self.periods = sorted(periods or [], key=lambda p: (p.start.first, p.slug))
        self.actors = sorted(actors, key=lambda a: collation_key(a.sort_name))
        for before, after in zip(self.events, self.events[1:]):
            before.next, after.previous = after, before
        self.events_by_actor: dict[str, list[Event]] = {actor.slug: [] for actor in self.actors}
        self.quotes_by_actor: dict[str, list[ActorQuote]] = {actor.slug: [] for actor in self.actors}
        for event in self.events:
            for actor in event.actors:
                self.events_by_actor[actor.slug].append(event)
            for quote in event.quotes:
                self.quotes_by_actor[quote.speaker.slug].append(ActorQuote(event, quote))
        self.votes = [event for event in self.events if event.tally]
        self.figures = [FigureRow(event, figure) for event in self.events for figure in event.figures]
        # Newest first: readers come to the corrections for what changed lately.
        self.corrections = sorted((row for event in self.events for row in event.correction_rows), reverse=True,
                                  key=lambda row: (row.correction.date, row.event.date, row.event.slug, row.number))
        # Each state's voting record is indexed once from the votes, not searched for state by state.
        self.records: dict[str, list[RecordRow]] = defaultdict(list)
        voters: set[str] = set()
        for event in self.votes:
            states = [p.state for p in event.positions]
            states += [c.position_of for c in event.conflicts if c.position_of]
            states += [vote.state for vote in event.roll_call.votes] if event.roll_call else []
            voters.update(state.slug for state in states)
            for state in {state.slug: state for state in states}.values():
                self.records[state.slug].append(
                    RecordRow(event, event.position_of(state), event.conflict_on_position_of(state)))
        self.voters = [actor for actor in self.actors if actor.slug in voters]
        self.stances: dict[str, list[StanceRow]] = defaultdict(list)
        for event in self.events:
            if event.position_name == "stance":
                for position in event.positions:
                    self.stances[position.state.slug].append(StanceRow(event, position))

    @cached_property
    def events_by_year(self) -> dict[int, list[Event]]:
        """Each year an event covers, with the events that cover it in date order: an event that goes on into
        a later year is that year's too."""
        found: dict[int, list[Event]] = defaultdict(list)
        for event in self.events:
            for year in event.years:
                found[year].append(event)
        return dict(sorted(found.items()))

    # Worked out once: every listing page of the plan asks for them (16,000 times at 10,000 events).
    @cached_property
    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        return [(_(label), [a for a in self.actors if a.kind == kind]) for kind, label in KIND_LABELS.items()]

    @cached_property
    def named_actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors by kind, keeping those that at least one event names: the choices of the actor filter."""
        return [(label, named) for label, actors in self.actors_by_kind
                if (named := [a for a in actors if self.events_by_actor[a.slug]])]

    by_group = staticmethod(by_group)

    def record_of(self, state: Actor) -> list[RecordRow]:
        """A state's votes: every vote where its position, or a dispute about it, is recorded."""
        return self.records.get(state.slug, [])

    def cells_of(self, state: Actor, votes: list[Event] | None = None) -> list[RecordRow]:
        """A state's line across `votes` (every vote on the record unless given): its recorded row, or an empty
        one (no position, no dispute) where the record holds nothing, which is never read as a vote."""
        recorded = self.records_by_vote.get(state.slug, {})
        return [recorded.get(event.slug) or self.nothing_recorded[event.slug] for event in votes or self.votes]

    @cached_property
    def nothing_recorded(self) -> dict[str, RecordRow]:
        """Each vote's empty cell, one for every state: a long record's votes pages hold hundreds of thousands."""
        return {event.slug: RecordRow(event, None, None) for event in self.votes}

    @cached_property
    def records_by_vote(self) -> dict[str, dict[str, RecordRow]]:
        """Each state's record by the vote's slug: made once, since every votes page reads each state's."""
        return {slug: {row.event.slug: row for row in rows} for slug, rows in self.records.items()}

    def vote_matrix(self, votes: list[Event] | None = None) -> VoteMatrix:
        """The table of `votes` (every vote on the record unless given): down the side, each state with a
        position or a dispute recorded on one of them."""
        votes = votes or self.votes
        lines = (MatrixRow(state, self.cells_of(state, votes)) for state in self.voters)
        return VoteMatrix(votes, [line for line in lines if any(cell.position or cell.conflict for cell in line.cells)])

    def agreement(self, state: Actor, references: list[Actor]) -> list[tuple[str, int, int]]:
        """How often a state voted as most of the members voting did, and as each reference state, on the roll
        calls where both cast a vote (not absent): with whom, how often, of how many."""
        cast = [(event.roll_call, vote) for event in self.votes if event.roll_call
                and (vote := event.roll_call.by_state.get(state.slug)) and vote.word != "absent"]
        if not cast:
            return []
        rows = [(_("the majority"), sum(vote.word == roll_call.majority for roll_call, vote in cast), len(cast))]
        for reference in (reference for reference in references if reference is not state):
            both = [(vote, other) for roll_call, vote in cast
                    if (other := roll_call.by_state.get(reference.slug)) and other.word != "absent"]
            rows.append((reference.name, sum(vote.word == other.word for vote, other in both), len(both)))
        return rows

    def changes_of(self, state: Actor) -> list[tuple[Event, str, str]]:
        """Where a state changed its vote from a vote to one that follows it (`follows`): the later vote, and what
        it did before and after (`voted yes on`, `abstained on`)."""
        return [(event, _(CHANGE_WORDS[event.follows.cast_votes[state.slug].word]),
                 _(CHANGE_WORDS[event.cast_votes[state.slug].word]))
                for event in self.votes if any(state in states for _, _, states in event.changes)]

    def record_summary(self, state: Actor) -> str:
        """Sum up a state's record in one line, body by body in the order of their first vote, from its recorded
        votes alone: `Yes on 1, no on 3 of 4 Council votes on the record, casting the veto on 2;
        voted no on all 10 Assembly votes on the record.`"""
        by_body: dict[str, list[RecordRow]] = defaultdict(list)
        for row in self.cells_of(state):
            by_body[row.event.body.name if row.event.body else _("other")].append(row)
        said = "; ".join(body_summary(body, rows) for body, rows in by_body.items())
        return f"{said[:1].upper()}{said[1:]}."

    def stances_of(self, actor: Actor) -> list[StanceRow]:
        """List an actor's stances (its positions that are not votes), in date order."""
        return self.stances.get(actor.slug, [])

    def events_of_type(self) -> dict[str, list[Event]]:
        by_type: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            by_type[event.type].append(event)
        return dict(by_type)
