"""The geometry of the time axis: every event at its date in proportion to time, crowded months grouped,
spans as bars, periods as bands, ticks for each year and month; and the axis stays small at 10,000 events."""

from __future__ import annotations

import datetime
import random

import jinja2
import pytest

from conftest import THEME
from examples import SETTINGS, event
from pelican.plugins.timeline.axis import LANES, MIN_GAP, Scale, one_year, time_axis, whole_years
from pelican.plugins.timeline.dates import Period
from pelican.plugins.timeline.generator import fragment_cache
from pelican.plugins.timeline.model import Source, TimePeriod
from test_pages_stay_small import AXIS_BUDGET

TYPES = SETTINGS["TIMELINE_EVENT_TYPES"]


def in_list(e) -> str:
    return f"years/{e.date.year}/#{e.slug}"


def draw(events, scale: Scale | None = None, periods=(), links=None):
    return time_axis(events, scale or whole_years(events), in_list, TYPES, list(periods), links)


def period(start: str, end: str | None = None, title: str = "A period") -> TimePeriod:
    first = Period(datetime.date.fromisoformat(start))
    last = Period(datetime.date.fromisoformat(end)) if end else None
    return TimePeriod("a-period", title, first, last, "A summary.", [Source("A", "B", "https://example.org/")],
                      "content/periods/a-period.md")


def test_marks_stand_in_proportion_to_time_and_link_to_their_events_with_a_name():
    events = [event("2022-01-01", "start"), event("2022-07-02", "middle", event_type="veto"),
              event("2023-12-31", "end")]
    axis = draw(events)
    assert [mark.x for mark in axis.marks] == [0.0, round(182 / 730 * 100, 2), round(729 / 730 * 100, 2)]
    assert [mark.href for mark in axis.marks] == [e.url for e in events]
    assert axis.marks[1].label == "2 July 2022: Middle (Veto)"
    assert (axis.marks[1].type, axis.marks[1].shape) == ("veto", "cross")


def test_each_year_and_month_has_its_tick_and_a_year_links_to_its_page_where_it_has_one():
    axis = draw([event("2022-03-01", "a"), event("2024-05-01", "b")], links={2022: "years/2022/"})
    assert [(year.year, year.x, year.href) for year in axis.years] == \
        [(2022, 0.0, "years/2022/"), (2023, round(365 / 1096 * 100, 2), None), (2024, round(730 / 1096 * 100, 2), None)]
    assert len(axis.months) == 36 and [tick.label for tick in axis.months[:3]] == ["J", "F", "M"]
    assert axis.month_labels == "initials"
    assert axis.label == "2022–2024"


def test_a_year_alone_names_its_months_and_a_long_record_draws_no_month_ticks():
    year = draw([event("2023-04-01", "a")], one_year(2023))
    assert [tick.label for tick in year.months][:2] == ["Jan", "Feb"] and year.month_labels == "names"
    long = draw([event("2000-01-01", "a"), event("2020-01-01", "b")])
    assert (long.months, long.month_labels) == ([], "")


def test_events_of_one_day_are_one_mark_that_links_to_the_first_of_them_in_the_list():
    events = [event("2025-02-24", "first"), event("2025-02-24", "second"), event("2025-02-24", "third")]
    [mark] = draw(events).marks
    assert (mark.label, mark.href, mark.type, mark.count) == \
        ("24 February 2025: 3 events", "years/2025/#2025-02-24-first", "", 3)


def test_close_marks_take_further_rows_and_a_month_without_room_becomes_one_group():
    near = [event(f"2022-02-{day}", f"e{day}") for day in (24, 25, 27)]
    axis = draw(near + [event("2022-11-01", "later")])
    assert len({mark.y for mark in axis.marks[:3]}) == LANES and axis.groups == []
    crowded = near + [event("2022-02-28", "e28"), event("2022-03-25", "march")]
    axis = draw(crowded)
    [group] = axis.groups
    assert (group.label, group.href) == ("February 2022: 4 events", "years/2022/#2022-02-24-e24")
    assert group.x == draw(crowded).groups[0].x == round(31 / 365 * 100, 2)
    assert group.width == round(28 / 365 * 100, 2)
    assert [mark.label for mark in axis.marks] == ["25 March 2022: March (Vote)"], "March keeps its own mark"


def test_no_two_marks_of_one_row_are_closer_than_the_gap():
    rng = random.Random(7)
    events = sorted((event((datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(1461))).isoformat(),
                           f"e{n}") for n in range(300)), key=lambda e: e.sort_key)
    axis = draw(events)
    for y in {mark.y for mark in axis.marks}:
        row = sorted(mark.x for mark in axis.marks if mark.y == y)
        assert all(after - before >= MIN_GAP for before, after in zip(row, row[1:]))
    shown = sum(mark.count for mark in axis.marks) + sum(int(g.label.split(": ")[1].split()[0]) for g in axis.groups)
    assert shown == len(events), "every event is marked or counted in its month's group"


def test_a_fuller_month_is_a_taller_bar():
    events = [event(f"2022-02-{day:02d}", f"a{day}") for day in range(1, 13)] + \
             [event(f"2022-05-{day:02d}", f"b{day}") for day in range(1, 5)]
    february, may = draw(events).groups
    assert february.height > may.height and february.y < may.y


def test_a_span_is_a_bar_to_the_end_of_its_last_day():
    summit = event("2024-06-15", "summit", event_type="summit", end=datetime.date(2024, 6, 16), end_precision="day")
    [mark] = draw([summit], one_year(2024)).marks
    scale = one_year(2024)
    assert mark.span == round(scale.x(datetime.date(2024, 6, 17)) - scale.x(datetime.date(2024, 6, 15)), 2) > 0


def test_periods_are_bands_in_rows_of_their_own_and_an_open_one_runs_to_the_end():
    events = [event("2022-02-28", "a"), event("2025-12-03", "b")]
    session, talks = period("2022-02-28", title="A session"), period("2025-11-21", "2025-12-02", "Talks")
    axis = draw(events, periods=[session, talks])
    first, second = axis.bands
    assert (first.x + first.width, first.ongoing, first.anchor) == (100.0, True, "start")
    assert second.y != first.y and not second.ongoing and second.anchor == "end"
    assert second.label_x == round(second.x + second.width, 2)
    assert draw(events, one_year(2023), periods=[talks]).bands == [], "a year the period misses has no band"


def test_the_legend_names_the_types_shown_each_with_its_shape():
    axis = draw([event("2022-01-01", "a", event_type="veto"), event("2023-01-01", "b", event_type="talks")])
    assert [(entry.label, entry.shape) for entry in axis.legend] == [("Veto", "cross"), ("Talks", "ring")]
    assert set(axis.shapes) == {"cross", "ring"}


def render(axis) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)
    # As the generator gives every template the fragment cache, which draws a listing's axis once.
    env.globals["cached"] = fragment_cache()
    return env.from_string('{% import "partials/macros.html" as m with context %}{{ m.time_axis(axis) }}') \
        .render(axis=axis, SITEURL=".")


@pytest.fixture(scope="module")
def ten_thousand():
    """The benchmark's dates and types: 10,000 events over the record's years."""
    rng = random.Random(1)
    first, types = datetime.date(2022, 2, 24), list(TYPES)
    return sorted((event((first + datetime.timedelta(days=rng.randrange(1407))).isoformat(), f"event-{n:05d}",
                         event_type=rng.choice(types)) for n in range(10_000)), key=lambda e: e.sort_key)


def test_at_10000_events_the_axis_markup_stays_within_its_budget(ten_thousand):
    periods = [period("2022-02-28", title="ES-11 emergency special session"), period("2025-11-21", title="Talks")]
    axis = draw(ten_thousand, periods=periods, links={year: f"years/{year}/" for year in range(2022, 2026)})
    html = render(axis)
    assert axis.groups and len(axis.groups) + len(axis.marks) <= 48 * 2
    assert len(html.encode()) <= AXIS_BUDGET, len(html.encode())
