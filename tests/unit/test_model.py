"""The model a page is drawn from: listings cut into pages of whole months, their periods named as a
reader would, and the timeline's indexes of each actor's events, quotes, votes and stances."""

from __future__ import annotations

import datetime
from datetime import date

import pytest

from examples import actor, event
from pelican.plugins.timeline.listings import (group_by_month, most_recent, paginate, period_label, share_out,
                                               split_into_pages, with_going_on)
from pelican.plugins.timeline.model import (ActorQuote, Conflict, Correction, Event, Position, Quote, Report, Tally, Timeline)


def days(*dates: str) -> list[Event]:
    """Make one event on each date, in the order given."""
    return [event(day, f"e{number}") for number, day in enumerate(dates)]


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def slugs(events: list[Event]) -> list[str]:
    return [e.slug for e in events]


MARCH, APRIL, MAY = days("2023-03-01", "2023-03-14"), days("2023-04-02"), days("2023-05-05", "2023-05-06", "2023-05-07")


def test_pages_hold_whole_months_up_to_the_limit():
    pages = split_into_pages(MARCH + APRIL + MAY, limit=3)
    assert [slugs(page) for page in pages] == [slugs(MARCH + APRIL), slugs(MAY)]


def test_only_a_month_longer_than_a_page_is_cut_and_into_pages_of_its_own():
    pages = split_into_pages(APRIL + MAY, limit=2)
    assert [slugs(page) for page in pages] == [slugs(APRIL), slugs(MAY[:2]), slugs(MAY[2:])]


def test_an_empty_listing_is_one_empty_page():
    assert split_into_pages([], limit=3) == [[]]


@pytest.mark.parametrize("events, split_month, label", [
    (MARCH, False, "March 2023"),
    (MARCH + APRIL + MAY, False, "March – May 2023"),
    (days("2022-12-24", "2023-02-23"), False, "December 2022 – February 2023"),
    (MARCH, True, "1 – 14 March 2023"),
    (MARCH[1:], True, "14 March 2023"),
])
def test_a_period_is_named_as_a_reader_would(events, split_month, label):
    assert period_label(events, split_month) == label


def test_the_most_recent_events_are_the_latest_whole_months_that_fit():
    assert most_recent(MARCH + APRIL + MAY, limit=4) == (APRIL + MAY, "April – May 2023")
    assert most_recent(MARCH + APRIL + MAY, limit=10) == (MARCH + APRIL + MAY, "March – May 2023")


def test_a_last_month_too_full_for_the_limit_gives_its_last_events_and_their_days():
    assert most_recent(MARCH + MAY, limit=2) == (MAY[1:], "6 – 7 May 2023")


def test_a_listing_s_pages_are_numbered_addressed_and_labelled_with_their_period():
    pages = paginate(MARCH + APRIL + MAY, 2, lambda n: (f"years/2023/page/{n}/", f"years/2023/{n}.html"))
    assert [(p.number, p.url, p.save_as, slugs(p.events), p.label) for p in pages] == [
        (1, "years/2023/page/1/", "years/2023/1.html", slugs(MARCH), "March 2023"),
        (2, "years/2023/page/2/", "years/2023/2.html", slugs(APRIL), "April 2023"),
        (3, "years/2023/page/3/", "years/2023/3.html", slugs(MAY[:2]), "5 – 6 May 2023"),
        (4, "years/2023/page/4/", "years/2023/4.html", slugs(MAY[2:]), "7 May 2023"),
    ]
    assert pages[0].link.label == "March 2023" and [y.year for y in pages[0].years] == [2023]


def test_rows_tied_to_events_go_to_the_page_that_covers_their_event():
    pages = paginate(MARCH + APRIL + MAY, 3, lambda n: (f"{n}/", f"{n}.html"))
    quotes = [ActorQuote(e, Quote(actor("ukraine"), "Said.")) for e in (MARCH[0], APRIL[0], MAY[2])]
    assert [[row.event.slug for row in share] for share in share_out(quotes, pages)] == \
        [[MARCH[0].slug, APRIL[0].slug], [MAY[2].slug]]


def going_on(pages) -> list[list[tuple[int, list[tuple[str, bool, list[str]]]]]]:
    """What each page says of its years: each year's groups, by label, with the events they hold."""
    return [[(year.year, [(month.label, month.brief, slugs(month.events)) for month in year.months])
             for year in page.years] for page in pages]


def test_an_event_going_on_into_later_years_is_named_at_the_top_of_each_of_them():
    """A deal from July 2022 to 2024: in full under July 2022, named again at the top of 2023 and of 2024, on
    the page where each year begins in the listing: the one its own events begin on, or else the one before."""
    deal = event("2022-07-22", "deal", end=date(2024, 1, 1), end_precision="month")
    spring, later = days("2023-03-01")[0], days("2025-05-05")[0]
    whole = with_going_on(paginate([deal, spring, later], 5, lambda n: (f"{n}/", f"{n}.html")))
    assert going_on(whole) == [[
        (2022, [("July 2022", False, [deal.slug])]),
        (2023, [("Going on from 2022", True, [deal.slug]), ("March 2023", False, [spring.slug])]),
        (2024, [("Going on from 2022", True, [deal.slug])]),
        (2025, [("May 2025", False, [later.slug])]),
    ]]
    one_each = with_going_on(paginate([deal, spring, later], 1, lambda n: (f"{n}/", f"{n}.html")))
    assert going_on(one_each) == [
        [(2022, [("July 2022", False, [deal.slug])])],
        [(2023, [("Going on from 2022", True, [deal.slug]), ("March 2023", False, [spring.slug])]),
         (2024, [("Going on from 2022", True, [deal.slug])])],
        [(2025, [("May 2025", False, [later.slug])])],
    ]


def test_an_event_within_its_year_is_named_once():
    summit = event("2024-06-15", "summit", end=date(2024, 6, 16), end_precision="day")
    page, = with_going_on(paginate([summit], 5, lambda n: (f"{n}/", f"{n}.html")))
    assert going_on([page]) == [[(2024, [("June 2024", False, [summit.slug])])]]


UKRAINE, RUSSIA, CHINA = actor("ukraine"), actor("russian-federation"), actor("china")
ASSEMBLY = actor("un-general-assembly", "organisation")
BETSA = actor("mariana-betsa", "person", sort_name="Betsa, Mariana")
DISPUTE = Conflict("Ukraine's own vote", (Report("yes", "Associated Press"), Report("abstain", "Interfax-Ukraine")),
                   position_of=UKRAINE)
VOTE = event("2025-02-24", "vote", actors=[ASSEMBLY, UKRAINE, RUSSIA, BETSA], body=ASSEMBLY, tally=Tally(93, 18, 65),
             positions=[Position(RUSSIA, "no", "No")], conflicts=[DISPUTE], quotes=[Quote(BETSA, "Said.", None)])
TALKS = event("2025-02-24", "talks", actors=[UKRAINE, RUSSIA], event_type="talks", position_name="stance",
              positions=[Position(UKRAINE, "took-part", "Took part"), Position(RUSSIA, "declined", "Declined")])
INVASION = event("2022-02-24", "invasion", actors=[RUSSIA, UKRAINE], event_type="invasion")
SUMMIT = event("2023-07-11", "summit", actors=[UKRAINE, RUSSIA], event_type="summit", position_name="stance",
               positions=[Position(RUSSIA, "not-invited", "Not invited"), Position(UKRAINE, "endorsed", "Endorsed")])


@pytest.fixture
def timeline() -> Timeline:
    return Timeline([VOTE, TALKS, INVASION, SUMMIT], [UKRAINE, RUSSIA, CHINA, ASSEMBLY, BETSA])


def test_the_timeline_orders_events_by_date_then_slug_and_links_each_to_its_neighbours(timeline):
    assert slugs(timeline.events) == [INVASION.slug, SUMMIT.slug, TALKS.slug, VOTE.slug]
    assert (INVASION.previous, INVASION.next, TALKS.next, VOTE.next) == (None, SUMMIT, VOTE, None)
    assert [(year.year, [month.label for month in year.months]) for year in group_by_month(timeline.events)] == \
        [(2022, ["February 2022"]), (2023, ["July 2023"]), (2025, ["February 2025"])]


def test_each_actor_has_its_events_and_quotes_and_each_state_its_votes(timeline):
    assert slugs(timeline.events_by_actor["ukraine"]) == [INVASION.slug, SUMMIT.slug, TALKS.slug, VOTE.slug]
    assert timeline.events_by_actor["china"] == []
    assert [(q.event, q.quote.text) for q in timeline.quotes_by_actor["mariana-betsa"]] == [(VOTE, "Said.")]
    assert [(row.event, row.position.word, row.conflict) for row in timeline.record_of(RUSSIA)] == [(VOTE, "no", None)]
    assert [(row.event, row.position, row.conflict) for row in timeline.record_of(UKRAINE)] == [(VOTE, None, DISPUTE)]
    assert timeline.record_of(CHINA) == []


def test_actors_are_sorted_by_sort_name_and_only_those_named_are_filter_choices(timeline):
    assert [a.slug for a in timeline.actors][:2] == ["mariana-betsa", "china"]
    assert [(label, [a.slug for a in actors]) for label, actors in timeline.named_actors_by_kind] == [
        ("States", ["russian-federation", "ukraine"]), ("Organisations", ["un-general-assembly"]),
        ("People", ["mariana-betsa"])]


def in_order(*events: Event) -> list[str]:
    """Return the slugs of the timeline of these events, given in reverse, so no test passes by the order given."""
    return slugs(Timeline(list(reversed(events)), []).events)


def test_a_month_s_events_known_roughly_sort_where_they_may_have_begun_within_it():
    expected = [
        event("2025-11", "before-november", date_qualifier="before"),
        event("2025-11-01", "first"),
        event("2025-11", "early-november", date_qualifier="early"),
        event("2025-11-03", "before-the-third", date_qualifier="before"),
        event("2025-11-03", "about-the-third", date_qualifier="about"),
        event("2025-11-03", "the-third"),
        event("2025-11-03", "after-the-third", date_qualifier="after"),
        event("2025-11-11", "eleventh"),
        event("2025-11", "mid-november", date_qualifier="mid"),
        event("2025-11-21", "twenty-first"),
        event("2025-11", "late-november", date_qualifier="late"),
        event("2025-11-30", "thirtieth"),
        event("2025-11", "after-november", date_qualifier="after"),
        event("2025-12-01", "december"),
    ]
    assert in_order(*expected) == slugs(expected)
    assert [month.label for year in group_by_month(Timeline(expected, []).events) for month in year.months] == \
        ["November 2025", "December 2025"]


def test_a_span_sorts_by_its_start_and_after_a_span_follows_its_end_within_the_month_it_is_listed_under():
    summit = event("2024-06-15", "summit", end=date(2024, 6, 16), end_precision="day")
    after_summit = event("2024-06-15", "after-summit", end=date(2024, 6, 16), end_precision="day",
                         date_qualifier="after")
    session = event("2022-02-28", "session", end=date(2022, 3, 2), end_precision="day", date_qualifier="after")
    expected = [event("2022-02-28", "vote"), session, event("2022-03-01", "march"), event("2024-06-14", "eve"),
                summit, event("2024-06-16", "second-day"), after_summit, event("2024-06-17", "next")]
    assert in_order(*expected) == slugs(expected)
    assert [[e.slug for e in month.events] for year in group_by_month(Timeline(expected, []).events) for month in year.months][0] == \
        ["2022-02-28-vote", "2022-02-28-session"]


def test_a_year_s_events_known_roughly_stay_in_its_january_where_it_is_listed():
    expected = [
        event("2022", "before-2022", date_qualifier="before"),
        event("2022", "the-year"),
        event("2022", "early-2022", date_qualifier="early"),
        event("2022-01-31", "end-of-january"),
        event("2022", "mid-2022", date_qualifier="mid"),
        event("2022", "late-2022", date_qualifier="late"),
        event("2022", "after-2022", date_qualifier="after"),
        event("2022-02-01", "february"),
    ]
    assert in_order(*expected) == slugs(expected)
    assert [month.label for year in group_by_month(Timeline(expected, []).events) for month in year.months] == \
        ["January 2022", "February 2022"]


@pytest.mark.parametrize("fields, words", [
    ({"end": date(2024, 6, 16), "end_precision": "day"}, "15–16 June 2024"),
    ({"date_qualifier": "about"}, "about 15 June 2024"),
])
def test_an_event_shows_its_span_or_its_qualifier(fields, words):
    assert event("2024-06-15", "summit", **fields).display_date == words


def test_a_state_s_stances_are_its_positions_that_are_not_votes_kept_apart_from_its_voting_record(timeline):
    assert [(row.event, row.position.label) for row in timeline.stances_of(UKRAINE)] == \
        [(SUMMIT, "Endorsed"), (TALKS, "Took part")]
    assert [(row.event, row.position.word) for row in timeline.stances_of(RUSSIA)] == \
        [(SUMMIT, "not-invited"), (TALKS, "declined")]
    assert [row.event for row in timeline.record_of(RUSSIA)] == [VOTE]
    assert timeline.stances_of(CHINA) == []


def test_every_correction_is_listed_newest_first_linking_to_its_place_on_its_event_s_page():
    symbol, tally = Correction(day("2025-03-01"), "The symbol."), Correction(day("2025-03-10"), "The tally.")
    vote = event("2025-02-24", "vote", corrections=[tally, symbol])
    talks = event("2025-02-20", "talks", corrections=[Correction(day("2025-03-01"), "The place.")])
    timeline = Timeline([vote, talks, event("2025-02-21", "other")], [])
    assert [(row.event, row.correction.note, row.url) for row in timeline.corrections] == [
        (vote, "The tally.", f"{vote.url}#correction-2"), (vote, "The symbol.", f"{vote.url}#correction-1"),
        (talks, "The place.", f"{talks.url}#correction-1")]
    assert [row.correction for row in vote.correction_rows] == [symbol, tally]
    assert vote.last_corrected == day("2025-03-10") and timeline.events[1].last_corrected is None
