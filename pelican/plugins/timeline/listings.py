"""A listing's events as its pages show them: by year and month, cut into pages of whole months, with the
rows tied to them (votes, quotes, stances) shared out to the pages that hold their events."""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from .dates import format_date, month_name
from .i18n import _, ngettext
from .model import Event, in_words

T = TypeVar("T")


@dataclass(frozen=True)
class MonthGroup:
    key: str
    label: str
    events: list[Event]
    # Set where the month listed before it is long past: "11 months later".
    gap: str | None = None
    # Events listed in full under the year they began, named here as going on into this year.
    brief: bool = False


@dataclass(frozen=True)
class YearGroup:
    year: int
    months: list[MonthGroup]

    @property
    def events(self) -> list[Event]:
        return [event for month in self.months for event in month.events]


def month_of(event: Event) -> tuple[int, int]:
    return event.date.year, event.date.month


def months_of(events: list[Event]) -> list[list[Event]]:
    """Events (already in date order) in runs of one month each."""
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in events:
        months[month_of(event)].append(event)
    return list(months.values())


def group_by_month(events: list[Event]) -> list[YearGroup]:
    """Events (already in date order) grouped by year, then month; a month long after the one before it
    says how long, so that a reader scrolling the list sees the quiet stretch the axis shows."""
    years: dict[int, list[MonthGroup]] = defaultdict(list)
    before: datetime.date | None = None
    for month in months_of(events):
        first = month[0].date
        gap = gap_label(before, first)
        years[first.year].append(MonthGroup(f"{first:%Y-%m}", format_date(first, "month"), month, gap))
        before = first
    return [YearGroup(year, months) for year, months in years.items()]


# A gap of this many months or more between two listed months is said in the list.
GAP_MONTHS = 3


def gap_label(before: datetime.date | None, after: datetime.date) -> str | None:
    """`11 months later`, `1 year and 2 months later`, `2 years later` from the month of `before` to that of
    `after`; None for no month before, or one less than GAP_MONTHS before."""
    if before is None:
        return None
    months = (after.year - before.year) * 12 + after.month - before.month
    if months < GAP_MONTHS:
        return None
    years, rest = divmod(months, 12)
    if not rest:
        return ngettext("%(num)d year later", "%(num)d years later", years) % {"num": years}
    if not years:
        return ngettext("%(num)d month later", "%(num)d months later", rest) % {"num": rest}
    return _("%(years)s and %(months)s later") % {
        "years": ngettext("%(num)d year", "%(num)d years", years) % {"num": years},
        "months": ngettext("%(num)d month", "%(num)d months", rest) % {"num": rest}}


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
        start = month_name(first) if first.year == last.year else format_date(first, "month")
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
    # Where the page starts in date order (its first event's sort key), which rows shared out to the pages go by.
    starts: tuple | None = None
    year: int | None = None  # the year of a year's page, which lists the events going on into it first
    # Of a listing of many years: each later year its events go on into, with those events, named at its top.
    going_on: tuple[tuple[int, tuple[Event, ...]], ...] = ()

    @property
    def years(self) -> list[YearGroup]:
        """The page's events by year and month. On a year's page, those that began before it come first, in
        full; on a listing of many years, an event going on into a later year is named again at its top."""
        if self.year is None:
            groups = {group.year: group for group in group_by_month(self.events)}
            for year, events in self.going_on:
                own = groups[year].months if year in groups else []
                groups[year] = YearGroup(year, [going_on_from(year, list(events), brief=True), *own])
            return [groups[year] for year in sorted(groups)]
        earlier = [event for event in self.events if event.date.year < self.year]
        groups = group_by_month([event for event in self.events if event.date.year >= self.year])
        if not earlier:
            return groups
        own = groups[0].months if groups else []
        return [YearGroup(self.year, [going_on_from(self.year, earlier), *own]), *groups[1:]]

    @property
    def link(self) -> PageLink:
        return PageLink(self.number, self.url, self.label)


def going_on_from(year: int, events: list[Event], brief: bool = False) -> MonthGroup:
    """The events that began before `year` and go on into it, headed by the years they began in."""
    since = in_words(sorted({str(event.date.year) for event in events}))
    return MonthGroup(f"{year}-from-before", _("Going on from %(years)s") % {"years": since}, events, brief=brief)


def paginate(events: list[Event], limit: int, address: Callable[[int], tuple[str, str]]) -> list[ListingPage]:
    """A listing's pages; `address(number)` gives each page's URL and the file it is saved as."""
    sizes = Counter(map(month_of, events))
    pages = []
    for number, run in enumerate(split_into_pages(events, limit), start=1):
        label = ""
        if run:
            split_month = month_of(run[0]) == month_of(run[-1]) and sizes[month_of(run[0])] > limit
            label = period_label(run, split_month)
        pages.append(ListingPage(number, *address(number), run, label, run[0].sort_key if run else None))
    return pages


def paginate_beside(events: list[Event], rows: list, limit: int,
                    address: Callable[[int], tuple[str, str]]) -> list[ListingPage]:
    """A listing's pages when rows tied to other events (a state's votes) are shown beside its own events: cut
    so that a page holds at most `limit` of the two together, each page listing its own events alone."""
    own = {id(event) for event in events}
    together = sorted({id(event): event for event in [*events, *(row.event for row in rows)]}.values(),
                      key=lambda event: event.sort_key)
    return [replace(page, events=[event for event in page.events if id(event) in own])
            for page in paginate(together, limit, address)]


def share_out(rows: list, pages: list[ListingPage]) -> list[list]:
    """Rows tied to an event (a voting record, quotes), in date order, shared out to the pages that cover
    their events' dates."""
    starts = [page.starts for page in pages[1:]]
    shares: list[list] = [[] for _ in pages]
    for row in rows:
        shares[bisect_right(starts, row.event.sort_key)].append(row)
    return shares


def with_going_on(pages: list[ListingPage]) -> list[ListingPage]:
    """A listing's pages, each naming the events that go on into a later year at the top of that year: on the
    page where the year's own events begin, or, where the listing has none that year, on the page before."""
    starts = [page.starts for page in pages[1:]]
    going_on: list[dict[int, list[Event]]] = [defaultdict(list) for _ in pages]
    for event in (event for page in pages for event in page.events):
        for year in event.years[1:]:
            going_on[page_of_year(pages, starts, year)][year].append(event)
    return [replace(page, going_on=tuple((year, tuple(events)) for year, events in sorted(found.items())))
            for page, found in zip(pages, going_on)]


def page_of_year(pages: list[ListingPage], starts: list, year: int) -> int:
    """The page whose span holds the start of `year`; the next page if the year's own events begin there."""
    at = bisect_right(starts, (datetime.date(year, 1, 1), -1, ""))
    after = at + 1 < len(pages) and pages[at + 1].events and pages[at + 1].events[0].date.year == year
    return at + 1 if after and not any(event.date.year == year for event in pages[at].events) else at
