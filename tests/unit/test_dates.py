"""Dates as a reader sees them: spans written once where their ends share words, with an en dash spaced
only between sides of several words, and dates known roughly said so in words; each date a page names
is marked up with its ISO form."""

from __future__ import annotations

import pytest

from examples import date_of
from pelican.plugins.timeline.dates import Period, date_pieces


def period(text: str) -> Period:
    return Period(*date_of(text))


def written(start: str, end: str | None = None, qualifier: str | None = None) -> str:
    return "".join(piece.text for piece in date_pieces(period(start), end and period(end), qualifier))


@pytest.mark.parametrize("start, end, words", [
    ("2024-06-15", "2024-06-16", "15–16 June 2024"),
    ("2024-06-03", "2024-06-28", "3–28 June 2024"),
    ("2022-02-28", "2022-03-02", "28 February – 2 March 2022"),
    ("2022-12-30", "2023-01-02", "30 December 2022 – 2 January 2023"),
    ("2023-03", "2023-05", "March–May 2023"),
    ("2022-12", "2023-01", "December 2022 – January 2023"),
    ("2022", "2023", "2022–2023"),
    ("2022-02-24", "2022-03", "24 February – March 2022"),
    ("2022-02", "2022-03-02", "February – 2 March 2022"),
    ("2022-02", "2023", "February 2022 – 2023"),
    ("2022", "2023-03", "2022 – March 2023"),
    ("2022-12-31", "2023", "31 December 2022 – 2023"),
])
def test_a_span_writes_what_its_ends_share_once_and_spaces_its_dash_only_between_several_words(start, end, words):
    assert written(start, end) == words


@pytest.mark.parametrize("start, end, qualifier, words", [
    ("2025-12-03", None, "about", "about 3 December 2025"),
    ("2022-03", None, "before", "before March 2022"),
    ("2022", None, "after", "after 2022"),
    ("2025-11", None, "early", "early November 2025"),
    ("2025-11", None, "mid", "mid-November 2025"),
    ("2025-11", None, "late", "late November 2025"),
    ("2022", None, "mid", "mid-2022"),
    ("2024-06-15", "2024-06-16", "about", "about 15–16 June 2024"),
    ("2022", "2023", "before", "before 2022–2023"),
    ("2022-11", "2022-12", "late", "late November – December 2022"),
    ("2022-11", "2022-12", "mid", "mid-November – December 2022"),
    ("2022", "2023", "early", "early 2022 – 2023"),
])
def test_a_date_known_roughly_says_how_in_words(start, end, qualifier, words):
    assert written(start, end, qualifier) == words


def test_each_date_named_is_marked_up_with_its_iso_form_and_the_words_between_are_not():
    pieces = date_pieces(period("2022-02-28"), period("2022-03-02"), "about")
    assert [(piece.text, piece.iso) for piece in pieces] == [
        ("about ", None), ("28 February", "2022-02-28"), (" – ", None), ("2 March 2022", "2022-03-02")]
    assert [(piece.text, piece.iso) for piece in date_pieces(period("2025-11"), qualifier="mid")] == [
        ("mid-", None), ("November 2025", "2025-11")]


@pytest.mark.parametrize("text, first, last", [
    ("2024-02-29", "2024-02-29", "2024-02-29"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("2022", "2022-01-01", "2022-12-31"),
])
def test_a_period_runs_from_its_first_to_its_last_day(text, first, last):
    assert (period(text).first.isoformat(), period(text).last.isoformat(), period(text).iso) == (first, last, text)
