"""Problems found in content, in the one format editors see everywhere, and the stops of a build that
are not crashes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from pelican.log import console


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    problem: str
    expected: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @property
    def message(self) -> str:
        """The problem without its place, as said of an answer that is not yet in a file."""
        return f"{self.field}: {self.problem}; expected {self.expected}"


def describe(value: object) -> str:
    """A value as an editor wrote it, in words: `91-12-57`, a list, a group of fields, empty."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (true/false)"
    if value is None or value == "":
        return "empty"
    if isinstance(value, str | int | float):
        return f"`{value}`"
    return "a special YAML value"


class BuildStopped(Exception):
    """An expected stop of the build whose message says it all: shown as that one line, with no traceback."""


class ContentError(BuildStopped):
    """Raised before anything is written, carrying every problem of every file; its message is only
    the count, since the generator prints the problems themselves, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{count(len(self.problems), 'problem')} in the content; nothing was written")


def show(lines: Iterable[object]) -> None:
    """Print each problem on a line of its own, never wrapped, so that editors and their tools can read
    `path:line:` however narrow the terminal."""
    for line in lines:
        console.print(str(line), soft_wrap=True, markup=False, highlight=False, emoji=False)


def count(number: int, what: str) -> str:
    return f"{number} {what}{'s' if number != 1 else ''}"


def closest(word: object, choices) -> str:
    """Name the choice an editor probably meant: ` (did you mean `vote`?)`, or nothing."""
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{match[0]}`?)" if match else ""
