"""Geometry for the static SVG charts: coordinates computed here, drawn by a template."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from .i18n import _, collation_key
from .model import VOTE_WORDS, Actor, Event, FigureRow

# The colours of the figures chart's lines, in the stylesheet.
SERIES_COLOURS = 4


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    row: FigureRow


@dataclass(frozen=True)
class Series:
    number: int  # the measure's place in TIMELINE_MEASURES, from 1, which gives its line's colour
    label: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))

    @property
    def colour(self) -> int:
        """The number of its colour in the stylesheet (`series-1`): four colours, then the first again."""
        return (self.number - 1) % SERIES_COLOURS + 1


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    bottom: int
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def nice_ceiling(value: int) -> int:
    """The next round figure above value (25,000 above 20,000), so the axis ends on a label."""
    step = 10 ** max(len(str(value)) - 1, 0)
    for multiple in (1, 2, 2.5, 5, 10):
        if value <= multiple * step:
            return int(multiple * step)
    return value


def figures_chart(rows: list[FigureRow], measures: dict[str, str], width: int = 720, height: int = 360) -> LineChart:
    """Each measure (a slug to its label) as a line over time; x by date, y from zero to a round ceiling."""
    left, right, top, bottom = 64, 16, 16, 40
    first = min(row.event.date for row in rows).replace(month=1, day=1)
    last = datetime.date(max(row.event.date for row in rows).year + 1, 1, 1)
    top_value = nice_ceiling(max(row.figure.count for row in rows))
    span = (last - first).days

    def x(day: datetime.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    def y(count: int) -> float:
        return height - bottom - (height - top - bottom) * count / top_value

    series = [Series(number, label, [Point(x(r.event.date), y(r.figure.count), r)
                                     for r in rows if r.figure.measure == measure])
              for number, (measure, label) in enumerate(measures.items(), 1)]
    years = range(first.year, last.year + 1)
    x_ticks = [Tick(x(datetime.date(year, 1, 1)), str(year)) for year in years]
    y_ticks = [Tick(y(top_value * i // 5), f"{top_value * i // 5:,}") for i in range(6)]
    return LineChart(width, height, left, height - bottom, [s for s in series if s.points], x_ticks, y_ticks)


@dataclass(frozen=True)
class Segment:
    """One part of a tally's bar: its word's members, from `x` across, both as percentages of the body."""

    word: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class TallyBar:
    event: Event
    label: str  # its symbol, or the draft it was, and its date
    y: float  # the top of its label; the bar is drawn under it
    segments: list[Segment]
    counts: dict[str, int | None]  # each word's members, zero included; None where a tally does not count absences
    members: int  # the members the bar is across


@dataclass(frozen=True)
class TallyChart:
    """Tallies in date order, one bar each, of a body or of a group of its members, every bar the whole of them
    across: the SVG has no viewBox, so that across is a percentage of its width and labels keep their size on a
    phone."""

    slug: str  # its section's id
    name: str  # what it charts: a body, or a group of its members
    members: int
    height: int
    bars: list[TallyBar]


LABEL_HEIGHT, BAR_HEIGHT, BAR_GAP = 16, 14, 10


def stacked_bar(event: Event, counts: dict[str, int | None], members: int, y: float) -> TallyBar:
    """Stack the members voting each word, scaled to `members`; members no word counts are left blank, not drawn as
    any vote."""
    segments, x = [], 0.0
    for word in VOTE_WORDS:
        if count := counts.get(word, 0):
            width = 100 * count / members
            segments.append(Segment(word, count, round(x, 3), round(width, 3)))
            x += width
    label = ", ".join((event.short_symbol or _("Vetoed draft"), event.display_date))
    return TallyBar(event, label, y, segments, {word: counts.get(word, 0) for word in VOTE_WORDS}, members)


def by_body(votes: list[Event]) -> list[tuple[Actor, list[Event]]]:
    """Votes of bodies of known membership, by body, in the order of each body's first vote."""
    found: dict[str, list[Event]] = {}
    for event in votes:
        if event.body and event.body.members:
            found.setdefault(event.body.slug, []).append(event)
    return [(events[0].body, events) for events in found.values()]


# A bar's label line and the bar under it, and the space before the next.
STEP = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP


def tally_charts(votes: list[Event]) -> list[TallyChart]:
    """Chart each voting body's tallies, each bar its whole membership across, bodies in the order of their
    first vote."""
    return [TallyChart(body.slug, body.name, body.members, STEP * len(events),
                       [stacked_bar(event, {word: getattr(event.tally, word) for word in VOTE_WORDS},
                                    body.members, STEP * index) for index, event in enumerate(events)])
            for body, events in by_body(votes)]


def group_charts(votes: list[Event]) -> list[TallyChart]:
    """Chart how each group of members voted on each roll call, body by body: each bar the group's members on
    that roll call across, so that a group's support can be followed from vote to vote."""
    charts = []
    for body, events in by_body([event for event in votes if event.roll_call]):
        groups = sorted({vote.state.group for event in events for vote in event.roll_call.votes if vote.state.group},
                        key=collation_key)
        for number, group in enumerate(groups, 1):
            bars = []
            for event in events:
                words = [vote.word for vote in event.roll_call.votes if vote.state.group == group]
                bars.append(stacked_bar(event, Counter(words), len(words), STEP * len(bars)))
            charts.append(TallyChart(f"{body.slug}-group-{number}",
                                     _("%(body)s, %(group)s group") % {"body": body.name, "group": group},
                                     max(bar.members for bar in bars), STEP * len(bars), bars))
    return charts
