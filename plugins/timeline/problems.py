"""Problems found in content, in the one format editors see everywhere."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    problem: str
    expected: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.problem}; expected {self.expected}"


class ContentError(Exception):
    """Raised before anything is written, carrying every problem of every file."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the content; nothing was written"
        return "\n".join([heading, *map(str, self.problems)])
