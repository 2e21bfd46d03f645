"""The time axis drawn at the top of the timeline and of each listing: where each event, group of events,
period and tick goes, computed here so that its template only draws.

Across, positions are percentages of the axis's width, so the drawing (an inline SVG without a viewBox)
keeps its marks and labels at their own size on a phone and on a desktop alike. Down, they are pixels.
Events are marked one by one in up to LANES rows, each mark at least MIN_GAP from the next in its row; a
month whose events do not fit is drawn as one bar, its height by how many events it holds, so that the
axis stays small however long the record grows.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from .dates import format_date, month_name
from .i18n import _, ngettext
from .listings import months_of
from .model import Event, TimePeriod

LANES = 3
MIN_GAP = 3.5  # percent of the width between two marks of one row: 10 px on a phone, 32 px on a desktop
# Pixels down the drawing.
BAND_ROW = 18
LANE = 16
GROUP_STRIP = 26
TOP = 2
# Years labelled at most: over a longer record, a label every 2, 5, 10, 20, 50… years, so that a record
# reaching back a century draws as many ticks as one of a few decades.
YEAR_TICKS = 30
# Each type's shape: a reader tells types apart by shape as well as by colour. Shapes are drawn around
# (0, 0), about 12 px across.
SHAPES = {
    "circle": "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z",
    "square": "M-4.5-4.5h9v9h-9z",
    "diamond": "M0-6l6 6-6 6-6-6z",
    "triangle": "M0-6l6 10h-12z",
    "down": "M0 5l6-10h-12z",
    "plus": "M-2-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z",
    "cross": "M-4.5-6l4.5 4.5 4.5-4.5 1.5 1.5-4.5 4.5 4.5 4.5-1.5 1.5-4.5-4.5-4.5 4.5-1.5-1.5 4.5-4.5-4.5-4.5z",
    "hexagon": "M-5-3l5-3 5 3v6l-5 3-5-3z",
    "bar": "M-2-6h4v12h-4z",
    "star": "M0-6l1.8 3.6 4 .6-2.9 2.8.7 4-3.6-1.9-3.6 1.9.7-4-2.9-2.8 4-.6z",
    "wide": "M-6-2.5h12v5h-12z",
    "ring": "M-6 0a6 6 0 1 0 12 0a6 6 0 1 0-12 0zm3 0a3 3 0 1 1 6 0a3 3 0 1 1-6 0z",
    "pentagon": "M0-6l5.7 4.1-2.2 6.9h-7l-2.2-6.9z",
    # The ends of a span the axis cuts: it goes on before, or after.
    "before": "M-7 0l7-6v12z",
    "after": "M7 0l-7-6v12z",
}
# The shapes of the types in the order TIMELINE_EVENT_TYPES lists them, and their colours (`type-1`, …, in
# the stylesheet): a fourteenth type looks like the first again.
TYPE_SHAPES = ("triangle", "circle", "cross", "square", "diamond", "hexagon", "ring", "star", "wide", "bar", "down",
               "plus", "pentagon")


def type_style(number: int) -> tuple[int, str]:
    """The colour (its number in the stylesheet) and shape of the type in place `number` of the settings."""
    index = (number - 1) % len(TYPE_SHAPES)
    return index + 1, TYPE_SHAPES[index]


@dataclass(frozen=True)
class YearTick:
    """A year's start on the axis, its label centred on the part of the year the axis shows."""

    x: float
    label_x: float
    year: int
    href: str | None  # the year's page, on axes other than that page's own


@dataclass(frozen=True)
class MonthTick:
    x: float
    label_x: float
    label: str  # "Mar" or "M", or "" where months are too narrow to name


@dataclass(frozen=True)
class Mark:
    """One event, or the events of one day, at their place in a row; a span with its bar to its end."""

    x: float
    y: int
    label: str  # its accessible name: "3 May 2021: The council votes …" or "24 February 2025: 3 events"
    href: str
    type: str  # the event's type, or "" for a day's events
    colour: int  # the number of its type's colour (`type-1`), or 0 for a day's events
    shape: str  # the name of the type's shape, or "" for a day's events
    count: int
    span: float | None = None  # the width of a span's bar
    # A span that began before the axis does, or goes on after it ends (on a year's axis): an arrow at that end.
    from_before: bool = False
    into_after: bool = False


@dataclass(frozen=True)
class Group:
    """The events of a month too crowded to mark one by one: a bar as wide as the month."""

    x: float
    width: float
    y: int
    height: int
    label: str  # "March 2022: 4 events"
    href: str  # the first of them in the list


@dataclass(frozen=True)
class Band:
    """A period as a band in its own row, labelled with its title."""

    x: float
    width: float
    y: int
    label_x: float
    anchor: str  # "start", or "end" for a band that starts past the middle, so its label stays on the axis
    ongoing: bool
    period: TimePeriod


@dataclass(frozen=True)
class LegendEntry:
    type: str
    label: str
    colour: int
    shape: str


@dataclass(frozen=True)
class Axis:
    label: str  # "2022–2025", what the axis covers
    height: int
    line_y: int
    strip_y: int  # the top of the strip of crowded months, the whole of which is each month's link
    month_labels: str  # how months are named: "names" (Jan), "initials" (J) or "" (not at all)
    years: list[YearTick]
    months: list[MonthTick]
    bands: list[Band]
    marks: list[Mark]
    groups: list[Group]
    legend: list[LegendEntry]
    shapes: dict[str, str]  # the shapes its marks and legend use, by name

    @property
    def has_days(self) -> bool:
        return any(not mark.type for mark in self.marks)


@dataclass(frozen=True)
class Scale:
    """Days to percentages of the width, from `first` (at 0) to `last` (at 100)."""

    first: datetime.date
    last: datetime.date

    def x(self, day: datetime.date) -> float:
        share = (day - self.first).days / (self.last - self.first).days
        return round(min(max(share, 0.0), 1.0) * 100, 2)

    def covers(self, start: datetime.date, end: datetime.date) -> bool:
        return start < self.last and end >= self.first


def whole_years(events: list[Event]) -> Scale:
    """The scale of the whole record: from the 1 January of its first event's year to the end of its last's."""
    return Scale(datetime.date(events[0].date.year, 1, 1), datetime.date(events[-1].date.year + 1, 1, 1))


def one_year(year: int) -> Scale:
    return Scale(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))


def time_axis(events: list[Event], scale: Scale, place: Callable[[Event], str], types: dict[str, str],
              periods: list[TimePeriod], year_links: dict[int, str] | None = None) -> Axis:
    """Draw `events` (in date order) on `scale`: the periods it covers, a tick for every year and month,
    each event a link to its page and each crowded month a link to `place` of its first event in the list.
    The label of each year in `year_links` links to the address given (its page)."""
    bands = period_bands(periods, scale)
    marks_top = TOP + len({band.y for band in bands}) * BAND_ROW + (4 if bands else 0)
    line_y = marks_top + LANES * LANE + GROUP_STRIP
    marks, crowded = lay_out(events, scale, place, marks_top)
    groups = month_groups(crowded, scale, place, line_y)
    shown = {mark.type for mark in marks}
    legend = [LegendEntry(slug, label, *type_style(number)) for number, (slug, label) in enumerate(types.items(), 1)
              if slug in shown]
    covers = f"{scale.first.year}–{scale.last.year - 1}" if scale.last.year - scale.first.year > 1 \
        else str(scale.first.year)
    if cuts := [name for name, cut_here in (("before", any(m.from_before for m in marks)),
                                           ("after", any(m.into_after for m in marks))) if cut_here]:
        legend.append(LegendEntry("goes-on", _("Going on before or after this year"), 0, cuts[-1]))
    shapes = {entry.shape: SHAPES[entry.shape] for entry in legend} | {name: SHAPES[name] for name in cuts}
    months = month_ticks(scale)
    labels = {1: "initials", 3: "names"}.get(len(months[0].label), "") if months else ""
    return Axis(covers, line_y + 34, line_y, line_y - GROUP_STRIP, labels, year_ticks(scale, year_links or {}),
                months, bands, marks, groups, legend, shapes)


def lay_out(events: list[Event], scale: Scale, place: Callable[[Event], str],
            top: int) -> tuple[list[Mark], list[list[Event]]]:
    """Mark each day's events in the first row with room for them, month by month; a month with a day that
    finds no room is grouped instead, and the rows are as they were before it, so the next month may have
    room. Give the marks and the grouped months."""
    rows: list[float] = [-MIN_GAP] * LANES  # where each row's last mark ends
    marks: list[Mark] = []
    crowded: list[list[Event]] = []
    for month in months_of(events):
        before, placed = list(rows), []
        for day, run in day_runs(month):
            start = scale.x(day)
            end = end_x(run[0], scale) if len(run) == 1 else None
            lane = next((lane for lane, last in enumerate(rows) if start >= last + MIN_GAP), None)
            if lane is None:
                break
            rows[lane] = end if end is not None else start
            placed.append(cut(mark(run, day, start, end, top + (LANES - 1 - lane) * LANE + LANE // 2, place),
                              run[0], scale))
        else:
            marks += placed
            continue
        rows[:] = before
        crowded.append(month)
    return marks, crowded


def day_of(event: Event) -> datetime.date:
    """The day an event sits on: the day it began, as far as that is known (as the list orders it)."""
    return event.sort_key[0]


def day_runs(events: list[Event]) -> Iterator[tuple[datetime.date, list[Event]]]:
    """Events (in date order) in runs of one day each, with their day; one at a time, since laying out a
    crowded month stops at its first day without room."""
    day, run = None, []
    for event in events:
        if (this := day_of(event)) != day and run:
            yield day, run
            run = []
        day = this
        run.append(event)
    if run:
        yield day, run


def end_x(event: Event, scale: Scale) -> float | None:
    """Where a span's bar ends: after the last day of its end."""
    if event.end_period is None:
        return None
    return scale.x(event.end_period.last + datetime.timedelta(days=1))


def mark(run: list[Event], day: datetime.date, x: float, end: float | None, y: int,
         place: Callable[[Event], str]) -> Mark:
    """Mark one event, linking to its page, or the events of one day, linking to the first in the list."""
    first = run[0]
    if len(run) == 1:
        return Mark(x, y, f"{first.display_date}: {first.title} ({first.type_label})", first.url, first.type,
                    *type_style(first.type_number), 1, None if end is None else round(end - x, 2))
    return Mark(x, y, f"{format_date(day)}: {events_count(len(run))}", place(first), "", 0, "", len(run))


def cut(marked: Mark, event: Event, scale: Scale) -> Mark:
    """A span's mark, with the ends the axis cuts: one that began before it, or goes on after it."""
    if marked.span is None:
        return marked
    return replace(marked, from_before=event.date < scale.first,
                   into_after=event.end_period.last + datetime.timedelta(days=1) > scale.last)


def next_month(first: datetime.date) -> datetime.date:
    """The first day of the month after the one that `first` begins."""
    return datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_groups(months: list[list[Event]], scale: Scale, place: Callable[[Event], str],
                 line_y: int) -> list[Group]:
    """Draw each crowded month as a bar across the month, as tall as its share of the fullest month."""
    fullest = max((len(month) for month in months), default=1)
    groups = []
    for month in months:
        first = month[0].date.replace(day=1)
        after = next_month(first)
        x = scale.x(first)
        height = 4 + round((GROUP_STRIP - 6) * len(month) / fullest)
        groups.append(Group(x, round(scale.x(after) - x, 2), line_y - 1 - height, height,
                            f"{format_date(first, 'month')}: {events_count(len(month))}", place(month[0])))
    return groups


def period_bands(periods: list[TimePeriod], scale: Scale) -> list[Band]:
    """The periods the scale covers, each in the first row free over its whole length."""
    bands, rows = [], []
    for period in periods:
        last = period.last_day or scale.last
        if not scale.covers(period.start.first, last):
            continue
        x = scale.x(period.start.first)
        end = scale.x(last + datetime.timedelta(days=1)) if period.end else 100.0
        row = next((row for row, until in enumerate(rows) if x >= until), len(rows))
        rows[row:row + 1] = [end]
        anchor = "end" if x > 50 else "start"
        bands.append(Band(x, round(end - x, 2), TOP + row * BAND_ROW, end if anchor == "end" else x, anchor,
                          period.end is None, period))
    return bands


def year_ticks(scale: Scale, links: dict[int, str]) -> list[YearTick]:
    years = scale.last.year - scale.first.year
    step = next(step for power in itertools.count() for step in (10 ** power, 2 * 10 ** power, 5 * 10 ** power)
                if years <= YEAR_TICKS * step)
    ticks = []
    for year in range(-(-scale.first.year // step) * step, scale.last.year, step):
        start, end = scale.x(datetime.date(year, 1, 1)), scale.x(datetime.date(year + 1, 1, 1))
        ticks.append(YearTick(start, round((start + end) / 2, 2), year, links.get(year)))
    return ticks


def month_ticks(scale: Scale) -> list[MonthTick]:
    """A tick at each month, named by its first three letters where a year is shown alone and by its initial
    for a few years; unnamed for up to a dozen years, and left out beyond that, where a month is a hair's width."""
    years = scale.last.year - scale.first.year
    ticks: list[MonthTick] = []
    if years > 12:
        return ticks
    for year in range(scale.first.year, scale.last.year):
        for month in range(1, 13):
            first = datetime.date(year, month, 1)
            start, end = scale.x(first), scale.x(next_month(first))
            name = month_name(first)
            label = name[:3].capitalize() if years == 1 else name[0].upper() if years <= 6 else ""
            ticks.append(MonthTick(start, round((start + end) / 2, 2), label))
    return ticks


def events_count(number: int) -> str:
    return ngettext("%(num)d event", "%(num)d events", number) % {"num": number}
