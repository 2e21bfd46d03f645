"""The timeline's data model: events, actors and what links them, ready for the templates.

Sorting, grouping and counting happen here, once, so that templates only present.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
VOTE_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Absent"}
MEASURE_LABELS = {
    "children-deported": "Children reported deported or forcibly transferred",
    "children-returned": "Children reported returned",
}
KIND_LABELS = {"state": "States", "organisation": "Organisations", "person": "People"}
T = TypeVar("T")


def format_date(when: datetime.date, precision: str = "day") -> str:
    """`23 February 2023`, `February 2023` or `2023`, in English whatever the machine's locale."""
    month_year = f"{MONTHS[when.month - 1]} {when.year}"
    return {"year": str(when.year), "month": month_year, "day": f"{when.day} {month_year}"}[precision]


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

    @property
    def kind_label(self) -> str:
        return {"state": "State", "organisation": "Organisation", "person": "Person"}[self.kind]


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int
    absent: int | None = None

    @property
    def counted(self) -> int:
        """Members whose vote is known, used as the width of the tally bar."""
        return self.yes + self.no + self.abstain + (self.absent or 0)

    @property
    def short(self) -> str:
        return f"{self.yes}-{self.no}-{self.abstain}"


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    date: datetime.date | None = None

    @property
    def display_date(self) -> str:
        return format_date(self.date) if self.date else ""


@dataclass(frozen=True)
class Quote:
    speaker: Actor
    text: str
    source: int | None = None


@dataclass(frozen=True)
class Position:
    state: Actor
    vote: str

    @property
    def label(self) -> str:
        return VOTE_LABELS[self.vote]


@dataclass(frozen=True)
class Report:
    says: str
    by: str


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on one figure, shown side by side wherever the event appears."""

    about: str
    reports: tuple[Report, ...]
    official: str | None = None
    official_by: str | None = None
    note: str | None = None
    position_of: Actor | None = None


@dataclass(frozen=True)
class Figure:
    measure: str
    count: int
    qualifier: str
    reported_by: str


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


@dataclass
class Event:
    slug: str
    title: str
    date: datetime.date
    precision: str
    type: str
    type_label: str
    summary: str
    actors: list[Actor]
    sources: list[Source]
    html: str
    source_path: str
    url: str
    location: str | None = None
    symbol: str | None = None
    body: Actor | None = None
    tally: Tally | None = None
    outcome: str | None = None
    positions: list[Position] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)  # as the editor wrote them
    previous: Event | None = None
    next: Event | None = None

    @property
    def display_date(self) -> str:
        return format_date(self.date, self.precision)

    @property
    def iso_date(self) -> str:
        """The date as precisely as it is known, for `<time datetime>`."""
        return self.date.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]

    @property
    def correction_rows(self) -> list[CorrectionRow]:
        """The event's corrections, oldest first: its page tells the history of its record in the order
        it was put right, as everything else on the site reads in date order."""
        ordered = sorted(self.corrections, key=lambda correction: correction.date)
        return [CorrectionRow(self, correction, number) for number, correction in enumerate(ordered, start=1)]

    @property
    def last_corrected(self) -> datetime.date | None:
        return max((correction.date for correction in self.corrections), default=None)

    def position_of(self, actor: Actor) -> Position | None:
        return next((p for p in self.positions if p.state is actor), None)

    def conflict_on_position_of(self, actor: Actor) -> Conflict | None:
        return next((c for c in self.conflicts if c.position_of is actor), None)


@dataclass(frozen=True)
class MonthGroup:
    key: str
    label: str
    events: list[Event]


@dataclass(frozen=True)
class YearGroup:
    year: int
    months: list[MonthGroup]

    @property
    def events(self) -> list[Event]:
        return [event for month in self.months for event in month.events]


@dataclass(frozen=True)
class RecordRow:
    """One line of a state's voting record: its vote on one resolution, or why it is not known."""

    event: Event
    position: Position | None
    conflict: Conflict | None


@dataclass(frozen=True)
class FigureRow:
    """One reported count, with the event it was reported at."""

    event: Event
    figure: Figure

    @property
    def text(self) -> str:
        words = {"exactly": "", "at-least": "at least ", "more-than": "more than "}
        return f"{words[self.figure.qualifier]}{self.figure.count:,}"

    @property
    def measure_label(self) -> str:
        return MEASURE_LABELS[self.figure.measure]


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


def month_of(event: Event) -> tuple[int, int]:
    return event.date.year, event.date.month


def months_of(events: list[Event]) -> list[list[Event]]:
    """Events (already in date order) in runs of one month each."""
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in events:
        months[month_of(event)].append(event)
    return list(months.values())


def group_by_month(events: list[Event]) -> list[YearGroup]:
    """Events (already in date order) grouped by year, then month."""
    years: dict[int, list[MonthGroup]] = defaultdict(list)
    for month in months_of(events):
        first = month[0].date
        years[first.year].append(MonthGroup(f"{first:%Y-%m}", format_date(first, "month"), month))
    return [YearGroup(year, months) for year, months in years.items()]


def pack(runs: list[list[T]], limit: int) -> list[list[T]]:
    """Put runs of items (the events of a month, say) into parts of at most `limit` items, each made of whole
    runs where they fit; a run longer than a part is the only thing cut, into parts of its own. No items
    make one empty part."""
    parts: list[list[T]] = []
    current: list[T] = []
    for run in runs:
        if current and len(current) + len(run) > limit:
            parts.append(current)
            current = []
        if len(run) > limit:
            parts += [run[start:start + limit] for start in range(0, len(run), limit)]
        else:
            current += run
    if current or not parts:
        parts.append(current)
    return parts


def split_into_pages(events: list[Event], limit: int) -> list[list[Event]]:
    """Cut events (in date order) into pages of at most `limit`, each made of whole months where they fit."""
    return pack(months_of(events), limit)


def most_recent(events: list[Event], limit: int) -> tuple[list[Event], str]:
    """The latest whole months holding at most `limit` events (or the last `limit` events of a month
    too full for that), and the period they cover."""
    recent: list[Event] = []
    for month in reversed(months_of(events)):
        if len(recent) + len(month) > limit:
            if not recent:
                return month[-limit:], period_label(month[-limit:], split_month=True)
            break
        recent = month + recent
    return recent, period_label(recent, split_month=False) if recent else ""


def period_label(events: list[Event], split_month: bool) -> str:
    """`March 2023`, `March – May 2023`, `December 2022 – February 2023`; `1 – 14 March 2023` for a page
    holding part of a month that did not fit on one page."""
    first, last = events[0].date, events[-1].date
    if (first.year, first.month) != (last.year, last.month):
        start = MONTHS[first.month - 1] if first.year == last.year else format_date(first, "month")
        return f"{start} – {format_date(last, 'month')}"
    if split_month:
        return f"{first.day} – {format_date(last)}" if first.day != last.day else format_date(last)
    return format_date(first, "month")


@dataclass(frozen=True)
class PageLink:
    """A page of a listing as its pager shows it: its number, address and period."""

    number: int
    url: str
    label: str


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing (a year, a type, an actor): its events and the period they cover."""

    number: int
    url: str
    save_as: str
    events: list[Event]
    label: str

    @property
    def years(self) -> list[YearGroup]:
        return group_by_month(self.events)

    @property
    def link(self) -> PageLink:
        return PageLink(self.number, self.url, self.label)


def paginate(events: list[Event], limit: int, address: Callable[[int], tuple[str, str]]) -> list[ListingPage]:
    """A listing's pages; `address(number)` gives each page's URL and the file it is saved as."""
    sizes = Counter(map(month_of, events))
    pages = []
    for number, run in enumerate(split_into_pages(events, limit), start=1):
        label = ""
        if run:
            split_month = month_of(run[0]) == month_of(run[-1]) and sizes[month_of(run[0])] > limit
            label = period_label(run, split_month)
        pages.append(ListingPage(number, *address(number), run, label))
    return pages


def share_out(rows: list, pages: list[ListingPage]) -> list[list]:
    """Rows tied to an event (a voting record, quotes), in date order, shared out to the pages that cover
    their events' dates."""
    starts = [(page.events[0].date, page.events[0].slug) for page in pages[1:]]
    shares: list[list] = [[] for _ in pages]
    for row in rows:
        shares[bisect_right(starts, (row.event.date, row.event.slug))].append(row)
    return shares


class Timeline:
    """All events in date order and all actors, with the indexes the pages need."""

    def __init__(self, events: list[Event], actors: list[Actor]):
        self.events = sorted(events, key=lambda e: (e.date, e.slug))
        self.actors = sorted(actors, key=lambda a: a.sort_name.casefold())
        for before, after in zip(self.events, self.events[1:]):
            before.next, after.previous = after, before
        self.years = group_by_month(self.events)
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
        for event in self.votes:
            states = [p.state for p in event.positions]
            states += [c.position_of for c in event.conflicts if c.position_of]
            for state in {state.slug: state for state in states}.values():
                self.records[state.slug].append(
                    RecordRow(event, event.position_of(state), event.conflict_on_position_of(state)))

    @property
    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        return [(label, [a for a in self.actors if a.kind == kind]) for kind, label in KIND_LABELS.items()]

    @property
    def named_actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors by kind, keeping those that at least one event names: the choices of the actor filter."""
        return [(label, named) for label, actors in self.actors_by_kind
                if (named := [a for a in actors if self.events_by_actor[a.slug]])]

    def record_of(self, state: Actor) -> list[RecordRow]:
        """A state's votes: every vote where its position, or a dispute about it, is recorded."""
        return self.records.get(state.slug, [])

    def events_of_type(self) -> dict[str, list[Event]]:
        by_type: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            by_type[event.type].append(event)
        return dict(by_type)
