"""Dates as the record knows them: to the day, the month or the year, perhaps spanning several, perhaps
known only roughly; written in words as people write them, in the site's language whatever the machine's
locale: English by the rules below, any other language by its CLDR patterns (Babel) and its catalogue."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date as cldr_date
from babel.dates import get_date_format

from . import i18n
from .i18n import N_, _

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
PRECISION_LENGTHS = {"year": 4, "month": 7, "day": 10}
# How roughly a date is known. `about`, `before` and `after` fit any date; `early`, `mid` and `late` name a
# third of a month or of a year, which a single day does not have.
DATE_QUALIFIERS = ("about", "before", "after", "early", "mid", "late")
THIRDS = ("early", "mid", "late")
# How each qualifier is written before the date: `mid` joins it with a hyphen (`mid-November`, `mid-2022`).
# Translators: each is written just before a date; keep its trailing space or hyphen.
QUALIFIER_WORDS = {"about": N_("about "), "before": N_("before "), "after": N_("after "), "early": N_("early "),
                   "mid": N_("mid-"), "late": N_("late ")}
EN_DASH = "\u2013"


@dataclass(frozen=True)
class Period:
    """A date as precisely as it is known: a day, a month or a year, held by its first day."""

    first: datetime.date
    precision: str = "day"

    @property
    def last(self) -> datetime.date:
        if self.precision == "day":
            return self.first
        if self.precision == "month":
            return self.first.replace(day=calendar.monthrange(self.first.year, self.first.month)[1])
        return self.first.replace(month=12, day=31)

    @property
    def iso(self) -> str:
        """`2023-02-23`, `2023-02` or `2023`: ISO 8601 to the precision known, for `<time datetime>` and data."""
        return self.first.isoformat()[:PRECISION_LENGTHS[self.precision]]

    @property
    def words(self) -> list[str]:
        """`["23", "February", "2023"]`, `["February", "2023"]` or `["2023"]`; in a language whose months decline,
        `["23", "лютого", "2023"]` and `["лютий", "2023"]` (a month named alone stands in the nominative)."""
        return self.words_in(qualified=False)

    def words_in(self, qualified: bool) -> list[str]:
        """The words, with the month as it stands after a qualifier where `qualified` (`before March`: in
        a language whose months decline, the genitive: `до березня`)."""
        month, year = month_name(self.first, alone=self.precision == "month" and not qualified), str(self.first.year)
        return {"day": [str(self.first.day), month, year], "month": [month, year], "year": [year]}[self.precision]

    def third(self, qualifier: str) -> datetime.date:
        """Return the first day of the early, mid or late third: a month's 1st, 11th or 21st; a year's
        1 January, 1 May or 1 September."""
        index = THIRDS.index(qualifier)
        if self.precision == "month":
            return self.first.replace(day=1 + 10 * index)
        return self.first.replace(month=1 + 4 * index)


def format_date(when: datetime.date, precision: str = "day") -> str:
    """`23 February 2023`, `February 2023` or `2023`; `23 лютого 2023 р.` in `uk`."""
    return " ".join(Period(when, precision).words) + year_suffix()


def month_name(when: datetime.date, alone: bool = True) -> str:
    """The month's name: standing alone (`лютий 2023`) or in a date (`23 лютого`), as the language has it."""
    if i18n.active_language == i18n.SOURCE_LANGUAGE:
        return MONTHS[when.month - 1]
    return cldr_date(when, "LLLL" if alone else "MMMM", locale=i18n.active_language)


@cache
def suffix_of(language: str) -> str:
    """What a language's long date pattern writes after the year (`р.` in `uk`), as ` р.`; "" for none."""
    if language == i18n.SOURCE_LANGUAGE:
        return ""
    after = get_date_format("long", locale=language).pattern.split("y")[-1]
    return re.sub(r"'([^']*)'", r"\1", after).rstrip(",").replace("''", "'") if after.strip() else ""


def year_suffix() -> str:
    return suffix_of(i18n.active_language)


@dataclass(frozen=True)
class DatePiece:
    """A piece of a date as written: its words, and the date they name (ISO), if any, for `<time datetime>`."""

    text: str
    iso: str | None = None


def date_pieces(start: Period, end: Period | None = None, qualifier: str | None = None) -> list[DatePiece]:
    """Write a date, or a span from `start` to `end`, perhaps qualified, in the pieces a page marks up.

    A span writes once, at its end, the words both dates share: `15–16 June 2024`, `28 February – 2 March
    2022`, `December 2022 – January 2023`, `2022–2023`, `24 February – March 2022`. Its dash is an en dash,
    spaced when either side has more than one word and closed up otherwise, the rule of Wikipedia's Manual
    of Style (MOS:DATERANGE) and of British style guides: `March–May 2023`, `15–16 June 2024`, but
    `28 February – 2 March 2022`.

    `about`, `before` and `after` qualify the whole date (`about 15–16 June 2024`, `before March 2022`);
    `early`, `mid` and `late` name a part of the start's month or year, and are a word of its side of a
    span: `late November 2025`, `mid-2022`, `late November – December 2022`, `mid-2022 – 2023`.
    """
    words = [DatePiece(_(QUALIFIER_WORDS[qualifier]))] if qualifier else []
    if end is None:
        return words + [DatePiece(" ".join(start.words_in(bool(qualifier))) + year_suffix(), start.iso)]
    first, last = start.words_in(bool(qualifier)), end.words
    shared = shared_ending(first, last)
    first = first[:len(first) - shared]
    # The words of each side, less those written once at the end; a third's qualifier is one of the start's.
    spaced = len(first) + (qualifier in THIRDS) > 1 or len(last) - shared > 1
    dash = f" {EN_DASH} " if spaced else EN_DASH
    return words + [DatePiece(" ".join(first), start.iso), DatePiece(dash),
                    DatePiece(" ".join(last) + year_suffix(), end.iso)]


def shared_ending(first: list[str], last: list[str]) -> int:
    """How many closing words (the year, then the month) two dates share, leaving each at least one of its own."""
    shared = 0
    while shared < min(len(first), len(last)) - 1 and first[-1 - shared] == last[-1 - shared]:
        shared += 1
    return shared
